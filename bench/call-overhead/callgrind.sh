#!/usr/bin/env bash
# Instructions per call, counted by valgrind's callgrind: raw FFM and Ferrule's safe layer on
# noop, add, the string round trip and the handle method. JMH's nanoseconds move with the machine's load; an
# instruction count does not, so this is the figure the regression guard can hold tightly.
#
#   bash bench/call-overhead/callgrind.sh            # full: 200,000 calls more in the long run (~8 min)
#   bash bench/call-overhead/callgrind.sh --quick    # quick: 50,000 (~5 min)
#
# Each style and function runs twice under callgrind, with the same warm-up (C2 alone compiles the
# call path, synchronously: -XX:-TieredCompilation -Xbatch) and two numbers of calls; the difference of the two totals over
# the difference of the calls is one call's instructions, with the JVM's start-up, class loading
# and compilation cancelled out. Writes bench/results/call-overhead-callgrind[-quick].json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
short=20000 extra=200000 mode=full suffix=""
if [ "${1:-}" = "--quick" ]; then extra=50000 mode=quick suffix="-quick"; fi

command -v valgrind > /dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
source "$here/../ffm-jdk.sh"

jar="$here/target/call-overhead-benchmarks.jar"
if [ ! -f "$jar" ]; then
  echo "Building the benchmark jar..."
  (cd "$root" && mvn -B -q -ntp package -pl bench/call-overhead -DskipTests)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# C2 only and no background compilation, so that what runs after the warm-up is the same compiled
# code in both runs (with tiered compilation, profiled C1 code lingers for a varying share of the
# calls); serial GC, so that collection work follows allocation only.
jvm=("$java_bin" "${ffm_jvm_options[@]}" -Xbatch -XX:-TieredCompilation -XX:+UseSerialGC -Xms256m -Xmx256m
  -XX:-UsePerfData -cp "$jar" dev.ferrule.bench.overhead.InstructionCount)

# total STYLE FUNCTION CALLS: the instructions of the whole run.
total() {
  local out="$work/callgrind.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" --smc-check=all-non-file "${jvm[@]}" "$@" \
    > "$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }
  sed -n 's/^summary: \([0-9]*\).*/\1/p' "$out"
}

functions=(noop add string-round-trip handle-method)
styles=(raw-ffm ferrule-safe)
declare -A per_call
for function in "${functions[@]}"; do
  for style in "${styles[@]}"; do
    low=$(total "$style" "$function" "$short")
    high=$(total "$style" "$function" "$((short + extra))")
    per_call[$function,$style]=$(awk -v h="$high" -v l="$low" -v n="$extra" 'BEGIN { printf "%.1f", (h - l) / n }')
    printf '  %-18s %-13s %8s instructions per call\n' "$function" "$style" "${per_call[$function,$style]}"
  done
done

result="$root/bench/results/call-overhead-callgrind$suffix.json"
jdk=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | sed 's/-LTS$//')
{
  printf '{\n  "suite": "call-overhead-callgrind",\n  "mode": "%s",\n  "date": "%s",\n' "$mode" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "machine": {"os": "%s", "arch": "%s", "cpus": %d, "cpuModel": "%s", "memoryMiB": %d},\n' \
    "$(uname -sr)" "$(uname -m)" "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1 | sed 's/[\\"]//g')" \
    "$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
  printf '  "jdk": "%s",\n  "valgrind": "%s",\n  "countedCalls": %d,\n  "results": [\n' "$jdk" "$(valgrind --version)" "$extra"
  sep=""
  for function in "${functions[@]}"; do
    raw=${per_call[$function,raw-ffm]}
    for style in "${styles[@]}"; do
      printf '%s    {"function": "%s", "style": "%s", "instructionsPerCall": %s, "ratioToRawFfm": %s}' "$sep" \
        "$function" "$style" "${per_call[$function,$style]}" \
        "$(awk -v v="${per_call[$function,$style]}" -v r="$raw" 'BEGIN { printf "%.3f", v / r }')"
      sep=$',\n'
    done
  done
  printf '\n  ]\n}\n'
} > "$result"
echo "Wrote $result"
