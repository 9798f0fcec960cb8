#!/usr/bin/env bash
# The whole benchmark suite, one command:
#
#   bash bench/run.sh                 # full: about an hour on 2 cores; refreshes the site's numbers
#   bash bench/run.sh --quick         # quick subset: a few minutes, results in *-quick.json
#   bash bench/run.sh --report-only   # (with either) print regressions without failing
#
# Each suite writes bench/results/<suite>[-quick].json; bench/compare.sh then holds every result
# against the committed baseline (ratio over 1.2 = regression) and, for a full run,
# bench/site-report.sh renders src/site/markdown/benchmarks.md and its charts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
quick=() compare=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    --report-only) compare=(--report-only) ;;
    *) echo "unknown option $arg; use --quick and/or --report-only" >&2; exit 2 ;;
  esac
done
suffix=${quick:+-quick}

start=$SECONDS
printf '=== installing the plugin and runtime of this tree (the suites use the installed ones)\n'
(cd "$here/.." && mvn -B -q -ntp install -DskipTests -Dinvoker.skip -pl plugin,runtime -am)

suite() {
  local name=$1
  shift
  printf '\n=== %s (%s)\n' "$name" "${quick:-full}"
  local t0=$SECONDS
  bash "$here/$name/run.sh" "$@"
  printf '=== %s took %d s\n' "$name" $((SECONDS - t0))
}

suite call-overhead "${quick[@]}"
suite build-costs "${quick[@]}"
suite audit "${quick[@]}"
compared=("$here/results/call-overhead$suffix.json" "$here/results/build-costs$suffix.json")
if [ ${#quick[@]} -eq 0 ]; then
  # Instruction counts under valgrind take ten minutes, too long for CI's quick subset.
  printf '\n=== call-overhead instruction counts (full)\n'
  bash "$here/call-overhead/callgrind.sh"
  compared+=("$here/results/call-overhead-callgrind.json")
  # Covered in less depth by the two suites above; only the full run repeats them.
  suite ffm-calls
  suite abi-extraction
  bash "$here/site-report.sh"
fi

printf '\n=== comparison with the committed baseline\n'
bash "$here/compare.sh" "${compare[@]}" "${compared[@]}"
printf '\nBenchmarks took %d s in all.\n' $((SECONDS - start))
