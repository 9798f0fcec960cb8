#!/usr/bin/env bash
# How long does ferrule:audit take on a large crate, and how much of it is Ferrule's own work?
#
#   bash bench/audit/run.sh            # full: 1,000 and 10,000 functions, 3 runs each (~3 min)
#   bash bench/audit/run.sh --quick    # quick: 1,000 functions, one run (~30 s)
#
# Each run starts without Ferrule's state, so it extracts the ABI (rustdoc, layout probe, model)
# before auditing; clippy keeps its own target directory, as it would between real builds.
# "Plugin time" is the Maven run minus what cargo's child processes took as the plugin's log
# reports them (cargo build, rustdoc, the layout probe, clippy): JVM start-up, the ABI model,
# the rules and the reports. The target is under 10 s on 10,000 functions.
# Uses the plugin installed in ~/.m2 (bench/run.sh installs it) and bench/build-costs/pom.xml.
# Writes bench/results/audit[-quick].json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
generator="$root/bench/abi-extraction/GenerateSyntheticCrate.java"

mode=full suffix="" reps=3 sizes=(1000 10000)
case "${1:-}" in
  "") ;;
  --quick) mode=quick suffix="-quick" reps=1 sizes=(1000) ;;
  *) echo "usage: bash bench/audit/run.sh [--quick]" >&2; exit 2 ;;
esac
target_seconds=10

work="$here/target"
mkdir -p "$work"
host=$(rustc -vV | sed -n 's/^host: //p')
now() { date +%s%N; }
# The number after "$2" in the first line of log $1 that has it, or 0.
field() { sed -nE "s/.*$2 ([0-9.]+) s.*/\1/p" "$1" | head -1 | grep . || echo 0; }

results=()
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  rm -rf "$dir"
  mkdir -p "$dir"
  java "$generator" "$dir/synthetic" "$n" $((n / 10))
  cargo build --quiet --lib --release --locked --manifest-path "$dir/synthetic/Cargo.toml" --target "$host" \
    --target-dir "$dir/cargo"
  echo "$n functions:"
  walls=() plugins=()
  for ((r = 1; r <= reps; r++)); do
    rm -rf "$dir/ferrule"
    log="$dir/audit-$r.log"
    t0=$(now)
    mvn -o -B -f "$root/bench/build-costs/pom.xml" -Dbench.work="$dir" ferrule:audit \
      -Dferrule.audit.failOn=NONE > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
    t1=$(now)
    wall=$(awk -v s="$t0" -v e="$t1" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
    cargo_s=$(field "$log" "cargo finished in")
    rustdoc_s=$(field "$log" "rustdoc")
    probe_s=$(field "$log" "layout probe")
    model_s=$(field "$log" "model")
    rules_ms=$(sed -nE 's/.*Audit took ([0-9]+) ms in Ferrule.*/\1/p' "$log")
    clippy_ms=$(sed -nE 's/.*and ([0-9]+) ms in cargo clippy.*/\1/p' "$log")
    summary=$(sed -nE 's/.*Audit of [^:]*: ([^;]*);.*/\1/p' "$log")
    plugin=$(awk -v w="$wall" -v c="$cargo_s" -v r="$rustdoc_s" -v p="$probe_s" -v k="$clippy_ms" \
      'BEGIN { printf "%.2f", w - c - r - p - k / 1000 }')
    printf '  run %d: %6s s in all, plugin %5s s (model %s s, rules and reports %s ms); cargo %s s, rustdoc %s s,' \
      "$r" "$wall" "$plugin" "$model_s" "$rules_ms" "$cargo_s" "$rustdoc_s"
    printf ' layout probe %s s, clippy %s ms\n    %s\n' "$probe_s" "$clippy_ms" "$summary"
    walls+=("$wall") plugins+=("$plugin")
    last="{\"functions\": $n, \"wallSeconds\": WALL, \"pluginSeconds\": PLUGIN, \"modelSeconds\": $model_s, \"rulesMillis\": $rules_ms, \"rustdocSeconds\": $rustdoc_s, \"clippyMillis\": $clippy_ms, \"findings\": \"$summary\"}"
  done
  wall_median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  plugin_median=$(printf '%s\n' "${plugins[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  results+=("${last/WALL/$wall_median}")
  results[-1]=${results[-1]/PLUGIN/$plugin_median}
  echo "  median: $wall_median s in all, plugin $plugin_median s"
done

met=true
for entry in "${results[@]}"; do
  n=$(sed -nE 's/.*"functions": ([0-9]+).*/\1/p' <<< "$entry")
  p=$(sed -nE 's/.*"pluginSeconds": ([0-9.]+).*/\1/p' <<< "$entry")
  if [ "$n" -ge 10000 ] && ! awk -v p="$p" -v t="$target_seconds" 'BEGIN { exit !(p < t) }'; then met=false; fi
done
result="$root/bench/results/audit$suffix.json"
{
  printf '{\n  "suite": "audit",\n  "mode": "%s",\n  "date": "%s",\n' "$mode" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "machine": {"cpus": %d, "cpuModel": "%s"},\n' "$(nproc)" \
    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1 | sed 's/["\\]//g')"
  printf '  "rustc": "%s",\n' "$(rustc --version)"
  printf '  "target": {"functions": 10000, "pluginSecondsBelow": %d, "met": %s},\n' "$target_seconds" \
    "$([ ${#sizes[@]} -gt 1 ] && echo "$met" || echo null)"
  printf '  "runs": [\n'
  sep=""
  for entry in "${results[@]}"; do printf '%s    %s' "$sep" "$entry"; sep=$',\n'; done
  printf '\n  ]\n}\n'
} > "$result"
echo "Wrote $result"
if [ "${#sizes[@]}" -gt 1 ]; then
  echo "Target: plugin time under $target_seconds s on 10,000 functions: $([ "$met" = true ] && echo met || echo MISSED)"
fi
