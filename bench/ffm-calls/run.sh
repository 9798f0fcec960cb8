#!/usr/bin/env bash
# JMH: the generated safe API against raw invokeExact downcalls into the same template functions.
#
#   bash bench/ffm-calls/run.sh            # full: 3 forks, 5 x 1 s warm-up, 10 x 1 s measurement
#   bash bench/ffm-calls/run.sh --quick    # quick: 1 fork, 3 x 0.5 s warm-up, 5 x 0.5 s measurement
#
# Writes bench/results/ffm-calls[-quick].json (JMH's JSON) and prints the safe/raw ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jmh_args=(-f 3 -wi 5 -w 1s -i 10 -r 1s) suffix=""
if [ "${1:-}" = "--quick" ]; then jmh_args=(-f 1 -wi 3 -w 500ms -i 5 -r 500ms) suffix="-quick"; fi

source "$here/../ffm-jdk.sh"

echo "Building the benchmark jar (plugin, runtime, generated template bindings)..."
(cd "$root" && mvn -B -q -ntp package -pl bench/ffm-calls -am -DskipTests -Dinvoker.skip)

result="$root/bench/results/ffm-calls$suffix.json"
"$java_bin" "${ffm_jvm_options[@]}" -cp "$here/target/ffm-calls-benchmarks.jar" \
  dev.ferrule.bench.calls.RunBenchmarks "${jmh_args[@]}" -rf json -rff "$result" SafeVersusRawBenchmark \
  | tee "$here/target/ffm-calls$suffix.txt"
