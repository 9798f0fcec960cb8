#!/usr/bin/env bash
# JMH: the same Rust functions called through raw FFM, Ferrule's safe layer (default build and
# unsafe-raw-handles build), JNA direct mapping and hand-written JNI.
#
#   bash bench/call-overhead/run.sh            # full: 3 forks, 4 x 1 s warm-up, 8 x 1 s measurement (~25 min)
#   bash bench/call-overhead/run.sh --quick    # quick: 1 fork, 3 x 0.3 s warm-up, 5 x 0.2 s measurement (~2 min)
#
# Prints ns/op ± error and the ratio to raw FFM for each function and style, then the targets.
# Writes bench/results/call-overhead[-quick].json (the summary) and
# bench/results/call-overhead-jmh[-quick].json (JMH's own JSON).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jmh_args=(-f 3 -wi 4 -w 1s -i 8 -r 1s) mode=full suffix=""
if [ "${1:-}" = "--quick" ]; then jmh_args=(-f 1 -wi 3 -w 300ms -i 5 -r 200ms) mode=quick suffix="-quick"; fi

source "$here/../ffm-jdk.sh"

echo "Building the benchmark jar (both Rust builds, generated bindings, JNI glue)..."
# Only this module: it uses the installed ferrule-maven-plugin and ferrule-runtime.
if ! (cd "$root" && mvn -B -q -ntp package -pl bench/call-overhead -DskipTests); then
  echo "The build failed. If Maven could not resolve ferrule-maven-plugin or ferrule-runtime, install them" \
       "first: mvn -B install -DskipTests -Dinvoker.skip -pl plugin,runtime -am" >&2
  exit 1
fi

results="$root/bench/results"
mkdir -p "$results"
# JMH's forks inherit these JVM options; the raw-handles benchmark adds its own allowance.
"$java_bin" "${ffm_jvm_options[@]}" -cp "$here/target/call-overhead-benchmarks.jar" \
  dev.ferrule.bench.overhead.RunBenchmarks --mode "$mode" --summary "$results/call-overhead$suffix.json" \
  "${jmh_args[@]}" -rf json -rff "$results/call-overhead-jmh$suffix.json" \
  | tee "$here/target/call-overhead$suffix.txt"
