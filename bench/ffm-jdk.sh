# Sourced by the JMH run scripts. Sets java_bin to the JDK with FFM (22+) that Maven's toolchain
# would pick, the newest under /usr/lib/jvm, and ffm_jvm_options to the options its native calls
# need: --illegal-native-access=deny exists from JDK 24 and makes older JDKs refuse to start.
java_bin=""
best=0
for release in /usr/lib/jvm/*/release; do
  [ -f "$release" ] || continue
  major=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release")
  if [ -n "$major" ] && [ "$major" -ge 22 ] && [ "$major" -gt "$best" ]; then
    best=$major java_bin="$(dirname "$release")/bin/java"
  fi
done
[ -x "$java_bin" ] || { echo "no JDK 22+ under /usr/lib/jvm; install one (see README)" >&2; exit 1; }
ffm_jvm_options=(--enable-native-access=ALL-UNNAMED)
[ "$best" -ge 24 ] && ffm_jvm_options+=(--illegal-native-access=deny)
