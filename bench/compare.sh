#!/usr/bin/env bash
# Holds benchmark results against the committed baseline and flags regressions over 20%.
#
#   bash bench/compare.sh                       # every bench/results/{call-overhead,build-costs}*.json
#   bash bench/compare.sh bench/results/call-overhead.json --threshold 0.1
#   bash bench/compare.sh --baseline v0.1.0     # another commit as the baseline
#   bash bench/compare.sh --report-only         # print, never fail
#
# The baseline is the file as committed (HEAD unless --baseline), the run is the file in the
# working tree, so: run a suite, compare, and commit the new numbers if they are the new normal.
# Exits 1 when any metric regressed, 2 on bad input.
set -euo pipefail
source "$(dirname "$0")/report.sh"

baseline_ref=HEAD
pass=() files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline_ref=$2; shift 2 ;;
    --threshold) pass+=(--threshold "$2"); shift 2 ;;
    --report-only) pass+=(--report-only); shift ;;
    *) files+=("$1"); shift ;;
  esac
done
if [ ${#files[@]} -eq 0 ]; then
  for f in "$root"/bench/results/call-overhead*.json "$root"/bench/results/build-costs*.json; do
    case "$f" in *-jmh*) continue ;; esac
    [ -f "$f" ] && files+=("$f")
  done
fi
[ ${#files[@]} -gt 0 ] || { echo "no results in bench/results; run bench/run.sh first" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for f in "${files[@]}"; do
  relative=$(realpath --relative-to="$root" "$f")
  baseline="$scratch/$(basename "$f")"
  if ! git -C "$root" show "$baseline_ref:$relative" > "$baseline" 2>/dev/null; then
    echo "$relative: no baseline at $baseline_ref (first run?); commit it to make it the baseline."
    continue
  fi
  set +e
  java -cp "$report_jar" dev.ferrule.bench.report.CompareResults "$baseline" "$f" "${pass[@]}"
  code=$?
  set -e
  echo
  [ $code -gt $status ] && status=$code
done
exit $status
