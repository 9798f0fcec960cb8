#!/usr/bin/env bash
# ABI extraction at scale. Generates a synthetic crate, times a plain cargo build of it, then
# times ferrule:snapshot (which builds incrementally, so cargo is skipped, then extracts).
#
#   bash bench/abi-extraction/run.sh            # full: 10,000 functions, 1,000 structs
#   bash bench/abi-extraction/run.sh --quick    # quick: 1,000 functions, 100 structs
#
# Then regenerates the crate with changes and times ferrule:check-abi's comparison of the two.
# Writes bench/results/abi-extraction[-quick].json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
functions=10000 structs=1000 suffix=""
if [ "${1:-}" = "--quick" ]; then functions=1000 structs=100 suffix="-quick"; fi

echo "Installing the plugin (skip tests)..."
(cd "$root" && mvn -B -q install -DskipTests -Dinvoker.skip)

work="$here/target"
rm -rf "$work"
mkdir -p "$work"
java "$here/GenerateSyntheticCrate.java" "$work/synthetic" "$functions" "$structs"

echo "Plain cargo build ($functions functions, $structs structs)..."
cargo_start=$(date +%s%N)
cargo build -q --lib --release --locked --manifest-path "$work/synthetic/Cargo.toml" \
  --target "$(rustc -vV | sed -n 's/^host: //p')" --target-dir "$work/cargo"
cargo_seconds=$(awk -v s="$cargo_start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')

echo "ferrule:snapshot..."
snap_start=$(date +%s%N)
/usr/bin/time -f '%M' -o "$work/maxrss" mvn -B -f "$here/pom.xml" ferrule:snapshot > "$work/snapshot.log" 2>&1 \
  || { tail -40 "$work/snapshot.log"; exit 1; }
snap_seconds=$(awk -v s="$snap_start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')

line=$(grep -o 'Extracted [0-9]* functions.*' "$work/snapshot.log")
extract_seconds=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
heap_mib=$(echo "$line" | sed -E 's/.*heap peak ([0-9]+) MiB.*/\1/')
rustdoc_seconds=$(echo "$line" | sed -nE 's/.*\(rustdoc ([0-9.]+) s.*/\1/p')
probe_seconds=$(echo "$line" | sed -nE 's/.*layout probe ([0-9.]+) s.*/\1/p')
model_seconds=$(echo "$line" | sed -nE 's/.*model ([0-9.]+) s;.*/\1/p')
maxrss_mib=$(( $(cat "$work/maxrss") / 1024 ))
# The snapshot goal builds first; with the plain build above already in the same target directory,
# cargo finds everything fresh, so this is only cargo's own up-to-date check.
cargo_in_snapshot=$(sed -nE 's/.*cargo finished in ([0-9.]+) s.*/\1/p' "$work/snapshot.log" | head -1)

echo "check-abi against a changed version (every 100th function and 50th struct changed)..."
java "$here/GenerateSyntheticCrate.java" "$work/synthetic" "$functions" "$structs" changed
mvn -B -f "$here/pom.xml" ferrule:check-abi -Dferrule.abi.failOn=NONE -Dferrule.abi.failOnSource=NONE > "$work/check.log" 2>&1 \
  || { tail -40 "$work/check.log"; exit 1; }
compare_ms=$(sed -nE 's/.*Compared [0-9]+ snapshot\(s\) in ([0-9]+) ms.*/\1/p' "$work/check.log")
check_counts=$(grep -oE '[0-9]+ breaking, [0-9]+ potentially breaking, [0-9]+ compatible' "$work/check.log" | head -1)

result="$root/bench/results/abi-extraction$suffix.json"
cat > "$result" <<JSON
{
  "benchmark": "abi-extraction",
  "functions": $functions,
  "structs": $structs,
  "plainCargoBuildSeconds": $cargo_seconds,
  "snapshotGoalSeconds": $snap_seconds,
  "cargoUpToDateCheckInSnapshotSeconds": ${cargo_in_snapshot:-0},
  "extractionSeconds": $extract_seconds,
  "extractionBreakdown": {
    "rustdocSeconds": ${rustdoc_seconds:-null},
    "layoutProbeSeconds": ${probe_seconds:-null},
    "modelAndElfSeconds": ${model_seconds:-null}
  },
  "jvmHeapPeakMiB": $heap_mib,
  "checkAbiCompareMillis": ${compare_ms:-null},
  "checkAbiFindings": "$check_counts",
  "maxRssMiB": $maxrss_mib,
  "maxRssNote": "largest single process of the snapshot run: the Maven JVM or a rustdoc/rustc child",
  "machine": "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)",
  "jdk": "$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')",
  "rustc": "$(rustc --version)"
}
JSON
echo "$line"
cat "$result"
