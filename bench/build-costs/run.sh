#!/usr/bin/env bash
# Build-time costs. Two questions:
#  1. What does a no-op rebuild of examples/hello cost through Maven, next to plain cargo?
#  2. How do ferrule:snapshot, ferrule:check-abi and ferrule:generate grow with the crate?
#
#   bash bench/build-costs/run.sh            # full: 100, 1,000 and 10,000 functions; 5 no-op runs
#   bash bench/build-costs/run.sh --quick    # quick: 100 and 1,000 functions, one run per goal; 3 no-op runs
#
# Uses the plugin and runtime already installed in ~/.m2 (it installs nothing) and runs Maven
# offline, so a daily snapshot-metadata check cannot land inside a timed run.
# Writes bench/results/build-costs[-quick].json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
generator="$root/bench/abi-extraction/GenerateSyntheticCrate.java"

mode=full suffix="" reps=5 goal_reps=3 sizes=(100 1000 10000)
case "${1:-}" in
  "") ;;
  # One run per goal keeps the quick suite (bench/run.sh --quick) within five minutes.
  --quick) mode=quick suffix="-quick" reps=3 goal_reps=1 sizes=(100 1000) ;;
  *) echo "usage: bash bench/build-costs/run.sh [--quick]" >&2; exit 2 ;;
esac

work="$here/target"
mkdir -p "$work"
run_start=$(date +%s%N)
run_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)

now() { date +%s%N; }
# Seconds between two now() values, with the given number of decimals.
seconds() { awk -v s="$1" -v e="$2" -v d="$3" 'BEGIN { printf "%.*f", d, (e - s) / 1e9 }'; }
# "median min" of the numbers given; the median of an even count is the mean of the middle two.
median_min() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.3f %.3f", m, v[1] }'
}
# java.runtime.version of a JDK home without the vendor tail: 25.0.3+9-LTS -> 25.0.3+9.
jdk_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.runtime\.version = //p' | sed 's/-.*//'
}
# The peak heap in MiB from a unified GC log (-Xlog:gc*): the largest occupancy the collector
# reported, before any pause or at exit, garbage included. Occupancy only grows between
# collections, so this is the largest value the heap reached during the run.
heap_peak_mib() {
  awk '
    function mib(s,   u, v) { u = substr(s, length(s)); v = substr(s, 1, length(s) - 1)
                              return u == "K" ? v / 1024 : u == "G" ? v * 1024 : v + 0 }
    / Pause / && match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/) {
      split(substr($0, RSTART, RLENGTH - 1), p, "->")
      if (mib(p[1]) > peak) peak = mib(p[1])
    }
    # The exit summary has one "used" line per heap space (one for G1); metaspace is not heap.
    /gc,heap,exit/ && !/Metaspace|class space/ && match($0, /used [0-9]+K/) {
      atexit += substr($0, RSTART + 5, RLENGTH - 6) / 1024
    }
    END { if (atexit > peak) peak = atexit; printf "%d", peak + 0.5 }' "$1"
}

# The machine is shared, so every timed run checks how much CPU other processes took meanwhile:
# the machine's busy time from /proc/stat minus the run's own CPU time (its rusage, which covers
# the children it waited for: cargo, rustc, rustdoc). A run in which others used more than a
# fifth of a core (and over 50 ms) is repeated after the machine has been quiet for 2 s.
[ -x /usr/bin/time ] || { echo "GNU time is needed for each run's CPU time: apt-get install time" >&2; exit 1; }
hz=$(getconf CLK_TCK)
attempts=3 retried=0 disturbed_kept=0
# The quick mode is for a quick look (and CI): a disturbed run is kept and counted, not repeated.
[ "$mode" = quick ] && attempts=1
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
wait_for_quiet() {
  local i b0
  for ((i = 0; i < 60; i++)); do
    b0=$(busy_ticks); sleep 2
    if [ $(($(busy_ticks) - b0)) -lt $((2 * hz / 5)) ]; then return 0; fi
  done
  # A machine busy for that long stays busy: waiting again before every run would only add minutes.
  echo "  (the machine stayed busy for 2 minutes; measuring the rest without waiting)"
  attempts=1
}
# measure PREPARE DIR LOG CMD...: runs PREPARE (a function, or :), then CMD in DIR with its output
# in LOG, repeating a disturbed run up to $attempts times. Sets run_seconds (3 decimals) and
# run_note ("" or a note on the disturbance that was kept).
measure() {
  local prepare=$1 dir=$2 log=$3; shift 3
  local try b0 t0 t1 b1 others
  for ((try = 1; ; try++)); do
    "$prepare"
    b0=$(busy_ticks); t0=$(now)
    (cd "$dir" && /usr/bin/time -f '%U %S' -o "$work/rusage" "$@") > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
    t1=$(now); b1=$(busy_ticks)
    run_seconds=$(seconds "$t0" "$t1" 3)
    others=$(awk -v b="$((b1 - b0))" -v hz="$hz" '{ printf "%.2f", b / hz - $1 - $2 }' "$work/rusage")
    if awk -v o="$others" -v w="$run_seconds" 'BEGIN { exit !(o <= 0.05 || o <= w / 5) }'; then
      run_note=""
      return 0
    fi
    if [ "$try" -ge "$attempts" ]; then
      disturbed_kept=$((disturbed_kept + 1))
      run_note=" (kept although other processes took $others s of CPU)"
      return 0
    fi
    retried=$((retried + 1))
    echo "  (other processes took $others s of CPU during a $run_seconds s run; again when quiet)"
    wait_for_quiet
  done
}

# Machine strings go into JSON as they are; a quote or backslash in a CPU name must not break it.
json_string() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

# --- Machine and toolchains -------------------------------------------------------------------
maven_home_jdk=$(mvn -B -v | sed -n 's/^Java version: .*, runtime: //p')
[ -n "$maven_home_jdk" ] || { echo "Could not tell which JDK runs Maven (mvn -v)" >&2; exit 1; }
maven_jdk=$(jdk_version "$maven_home_jdk")
os_arch=$("$maven_home_jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *os\.arch = //p')
cpu_model=$(json_string "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)")
memory_mib=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)
rustc_version=$(json_string "$(rustc --version)")
host=$(rustc -vV | sed -n 's/^host: //p')

# --- 1. No-op rebuild of examples/hello -------------------------------------------------------
hello_crate="$root/examples/hello/src/main/rust"
# -f on the module, as in a one-module project: only its pom and the parent are read, so the cost
# does not depend on what else the root reactor lists (and a half-added module there cannot fail it).
ferrule_cmd=(mvn -o -q -f examples/hello/pom.xml ferrule:build)
package_cmd=(mvn -o -q -f examples/hello/pom.xml package -DskipTests)
# The same build with every Ferrule goal skipped: what Ferrule's goals add is the difference.
skipped_cmd=(mvn -o -q -f examples/hello/pom.xml package -DskipTests -Dferrule.skip=true)
cargo_cmd=(cargo build --release)
baseline_cmd=(mvn -o -q -f examples/hello/pom.xml pre-clean)

echo "Warm build of examples/hello (mvn package -DskipTests, then plain cargo)..."
(cd "$root" && mvn -o -B -f examples/hello/pom.xml package -DskipTests) > "$work/hello-warm.log" 2>&1 \
  || { tail -40 "$work/hello-warm.log"; exit 1; }
(cd "$hello_crate" && "${cargo_cmd[@]}") > "$work/hello-cargo-warm.log" 2>&1 \
  || { tail -40 "$work/hello-cargo-warm.log"; exit 1; }
# The toolchain JDK is the one maven-toolchains-plugin picked for the example's javac and tests.
test_jdk_home=$(sed -n 's/.*Toolchain in maven-compiler-plugin: JDK\[\(.*\)\].*/\1/p' "$work/hello-warm.log" | head -1)
[ -n "$test_jdk_home" ] || { echo "No toolchain JDK in $work/hello-warm.log" >&2; exit 1; }
test_jdk=$(jdk_version "$test_jdk_home")

# The timed runs are quiet, so one visible run of each Maven command first proves it is a no-op
# for Ferrule: cargo skipped through build-state.json, no bindings rewritten.
for variant in ferrule:build package; do
  log="$work/hello-check-${variant%%:*}.log"
  if [ "$variant" = package ]; then args=(package -DskipTests); else args=(ferrule:build); fi
  (cd "$root" && mvn -o -B -f examples/hello/pom.xml "${args[@]}") > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
  grep -qE 'Rust inputs unchanged|Nothing changed since the last ferrule:generate' "$log" \
    || { echo "examples/hello is not a no-op for Ferrule ($variant); see $log" >&2; exit 1; }
  if grep -q 'Generated .*([0-9]* exports, [1-9][0-9]* file(s) changed' "$log"; then
    echo "ferrule:generate rewrote bindings on an unchanged crate; see $log" >&2; exit 1
  fi
done

# A no-op must rewrite nothing: the jar keeps its bytes and its time through every timed run.
hello_jar=$(ls "$root"/examples/hello/target/hello-*.jar)
jar_before="$(sha256sum < "$hello_jar") $(stat -c %Y.%y "$hello_jar")"

echo "No-op rebuilds, $reps rounds (Ferrule's build goal, mvn package, the same with Ferrule skipped, plain cargo," \
  "Maven alone in turn)..."
ferrule_times=() package_times=() skipped_times=() cargo_times=() baseline_times=()
# Round-robin, so drift in the machine's load spreads over all the commands alike.
for ((i = 1; i <= reps; i++)); do
  measure : "$root" "$work/noop.log" "${ferrule_cmd[@]}"
  ferrule_times+=("$run_seconds"); notes=$run_note
  measure : "$root" "$work/noop.log" "${package_cmd[@]}"
  package_times+=("$run_seconds"); notes+=$run_note
  measure : "$root" "$work/noop.log" "${skipped_cmd[@]}"
  skipped_times+=("$run_seconds"); notes+=$run_note
  measure : "$hello_crate" "$work/noop.log" "${cargo_cmd[@]}"
  cargo_times+=("$run_seconds"); notes+=$run_note
  # Maven's own share: the same pom, but pre-clean has no plugin bound, so nothing runs.
  measure : "$root" "$work/noop.log" "${baseline_cmd[@]}"
  baseline_times+=("$run_seconds"); notes+=$run_note
  echo "  round $i: ferrule:build ${ferrule_times[-1]} s, package ${package_times[-1]} s," \
    "package with Ferrule skipped ${skipped_times[-1]} s," \
    "cargo ${cargo_times[-1]} s, Maven alone ${baseline_times[-1]} s$notes"
done
read -r ferrule_median ferrule_min <<< "$(median_min "${ferrule_times[@]}")"
read -r package_median package_min <<< "$(median_min "${package_times[@]}")"
read -r skipped_median skipped_min <<< "$(median_min "${skipped_times[@]}")"
# Per round, so that both builds of a pair saw the same load; the median of the differences.
differences=()
for ((i = 0; i < reps; i++)); do
  differences+=("$(awk -v a="${package_times[$i]}" -v b="${skipped_times[$i]}" 'BEGIN { printf "%.3f", a - b }')")
done
read -r ferrule_cost_median _ <<< "$(median_min "${differences[@]}")"
jar_after="$(sha256sum < "$hello_jar") $(stat -c %Y.%y "$hello_jar")"
if [ "$jar_before" != "$jar_after" ]; then
  echo "The no-op builds rewrote $hello_jar (before: $jar_before; after: $jar_after)" >&2
  exit 1
fi
read -r cargo_median cargo_min <<< "$(median_min "${cargo_times[@]}")"
read -r baseline_median baseline_min <<< "$(median_min "${baseline_times[@]}")"

# --- 2. Scaling of snapshot, check-abi and generate -------------------------------------------
# A Ferrule goal on the size's work directory, run $goal_reps times; seconds is the median, the
# heap the largest peak. Each run starts without Ferrule's state (target/ferrule: build state, ABI
# model cache, layout probe), so every goal does the same full extraction; cargo's own target
# directory is kept, so cargo only checks freshness (the crate was built with plain cargo just
# before, with Ferrule's arguments). cargo rustdoc reruns on every call anyway.
declare -A wall heap
run_goal() {
  local n=$1 goal=$2 dir=$3; shift 3
  local r log gclog times=() peak=0 h extraction median _
  for ((r = 1; r <= goal_reps; r++)); do
    log="$dir/$goal-$r.log" gclog="$dir/gc-$goal-$r.log"
    goal_dir=$dir goal_name=$goal
    MAVEN_OPTS="${MAVEN_OPTS:-} -Xlog:gc*:file=$gclog" \
      measure reset_goal "$dir" "$log" mvn -o -B -f "$here/pom.xml" -Dbench.work="$dir" "$@"
    times+=("$(awk -v v="$run_seconds" 'BEGIN { printf "%.2f", v }')")
    if grep -q 'Compiling synthetic' "$log"; then
      echo "cargo recompiled the crate inside ferrule:$goal, so the run is not a fresh check; see $log" >&2
      exit 1
    fi
    h=$(heap_peak_mib "$gclog")
    if [ "$h" -gt "$peak" ]; then peak=$h; fi
    extraction=$(sed -nE 's/.*Extracted [0-9]+ functions.* in ([0-9.]+) s .*/\1/p' "$log" | head -1)
    printf '  %-9s run %d: %6s s, peak heap %5s MiB, extraction %s s%s\n' "$goal" "$r" "${times[-1]}" "$h" \
      "${extraction:-?}" "$run_note"
  done
  read -r median _ <<< "$(median_min "${times[@]}")"
  wall[$n,$goal]=$(awk -v v="$median" 'BEGIN { printf "%.2f", v }')
  heap[$n,$goal]=$peak
}
# Before every run, and again before a repeated one: no Ferrule state, no generated sources.
reset_goal() {
  rm -rf "$goal_dir/ferrule"
  if [ "$goal_name" = generate ]; then rm -rf "$goal_dir/generated-sources"; fi
}
plain_cargo() {
  cargo build --lib --release --locked --manifest-path "$1/synthetic/Cargo.toml" --target "$host" \
    --target-dir "$1/cargo" > "$1/cargo.log" 2>&1 || { tail -40 "$1/cargo.log"; exit 1; }
}

declare -A findings
for n in "${sizes[@]}"; do
  structs=$((n / 10))
  dir="$work/n$n"
  rm -rf "$dir"
  mkdir -p "$dir"
  java "$generator" "$dir/synthetic" "$n" "$structs"
  s=$(now); plain_cargo "$dir"
  echo "$n functions, $structs structs (plain cargo build $(seconds "$s" "$(now)" 1) s):"
  run_goal "$n" snapshot "$dir" ferrule:snapshot
  # generate runs after the JDK 22+ discovery a real build does before it, for the test JVM options.
  run_goal "$n" generate "$dir" toolchains:select-jdk-toolchain@ffm-jdk ferrule:generate
  # check-abi compares with the snapshot above a version in which every 100th function gains a
  # parameter and every 50th struct a field (abi-extraction's "changed"); the crate version is not
  # bumped, so the findings are breaking and failOn=NONE, failOnSource=NONE keep the build going.
  java "$generator" "$dir/synthetic" "$n" "$structs" changed
  plain_cargo "$dir"
  run_goal "$n" check-abi "$dir" ferrule:check-abi -Dferrule.abi.failOn=NONE -Dferrule.abi.failOnSource=NONE
  findings[$n]=$(grep -oE '[0-9]+ breaking, [0-9]+ potentially breaking, [0-9]+ compatible' "$dir/check-abi-1.log" \
    | head -1)
  echo "  check-abi found ${findings[$n]}"
done

# --- Result -----------------------------------------------------------------------------------
result="$root/bench/results/build-costs$suffix.json"
mkdir -p "$(dirname "$result")"
{
  cat <<JSON
{
  "suite": "build-costs",
  "mode": "$mode",
  "date": "$run_date",
  "machine": {"os": "$(json_string "$(uname -sr)")", "arch": "$os_arch", "cpus": $(nproc), "cpuModel": "$cpu_model", "memoryMiB": $memory_mib},
  "jdk": "$test_jdk",
  "mavenJdk": "$maven_jdk",
  "rustc": "$rustc_version",
  "noOpRebuild": [
    {"command": "${ferrule_cmd[*]}", "medianSeconds": $ferrule_median, "minSeconds": $ferrule_min, "runs": $reps},
    {"command": "${package_cmd[*]}", "medianSeconds": $package_median, "minSeconds": $package_min, "runs": $reps},
    {"command": "${skipped_cmd[*]}", "medianSeconds": $skipped_median, "minSeconds": $skipped_min, "runs": $reps},
    {"command": "${cargo_cmd[*]}", "medianSeconds": $cargo_median, "minSeconds": $cargo_min, "runs": $reps}
  ],
  "ferruleNoOpCost": {"medianSeconds": $ferrule_cost_median, "targetSeconds": 0.25, "jarUnchanged": true},
  "scaling": [
JSON
  sep=""
  for n in "${sizes[@]}"; do
    for goal in snapshot check-abi generate; do
      printf '%s    {"functions": %d, "structs": %d, "goal": "%s", "seconds": %s, "peakHeapMiB": %d}' \
        "$sep" "$n" $((n / 10)) "$goal" "${wall[$n,$goal]}" "${heap[$n,$goal]}"
      sep=$',\n'
    done
  done
  printf '\n  ]\n}\n'
} > "$result"

# --- Summary ----------------------------------------------------------------------------------
echo
echo "No-op rebuild of examples/hello (median / min of $reps, Maven start-up included):"
printf '  %-56s %6s / %6s s\n' "${ferrule_cmd[*]}" "$ferrule_median" "$ferrule_min" \
  "${package_cmd[*]}" "$package_median" "$package_min" "${skipped_cmd[*]}" "$skipped_median" "$skipped_min" \
  "${cargo_cmd[*]}" "$cargo_median" "$cargo_min"
echo "  Ferrule's goals in mvn package: $ferrule_cost_median s over the build with Ferrule skipped (median of" \
  "per-round differences; target 0.25 s); the jar kept its bytes and time."
echo "  (Maven alone, ${baseline_cmd[*]}, which runs no plugin: $baseline_median / $baseline_min s)"
echo
echo "Growth: seconds per 1,000 functions between sizes, then (with three sizes) a least-squares line;"
echo "near-linear growth shows as similar slopes and small residuals:"
for goal in snapshot check-abi generate; do
  points=""
  for n in "${sizes[@]}"; do points+="$n ${wall[$n,$goal]} "; done
  awk -v goal="$goal" -v pts="$points" 'BEGIN {
    k = split(pts, p, " ") / 2
    for (i = 1; i <= k; i++) { x[i] = p[2 * i - 1] / 1000; y[i] = p[2 * i] }
    line = sprintf("  %-9s", goal)
    for (i = 2; i <= k; i++)
      line = line sprintf("  %d->%d: %.2f s", x[i - 1] * 1000, x[i] * 1000, (y[i] - y[i - 1]) / (x[i] - x[i - 1]))
    for (i = 1; i <= k; i++) { sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i] }
    # Two sizes always fit a line exactly; the fit says something from three on.
    if (k > 2) {
      b = (k * sxy - sx * sy) / (k * sxx - sx * sx); a = (sy - b * sx) / k
      line = line sprintf("  |  fit %.2f s + %.2f s per 1,000; residuals", a, b)
      for (i = 1; i <= k; i++) line = line sprintf(" %+.2f", y[i] - (a + b * x[i]))
    }
    print line }'
done
echo
echo "$retried run(s) repeated because other processes used the CPU; $disturbed_kept kept although disturbed."
echo "Wrote $result ($(seconds "$run_start" "$(now)" 0) s in all)"
cat "$result"
