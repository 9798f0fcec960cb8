#!/usr/bin/env bash
# Runs libabigail's abidiff (Debian package abigail-tools) over the check-abi corpus
# (plugin/src/test/rust/abi-corpus): one debug build before, one per case after, and prints
# abidiff's verdict per case, for comparison with ferrule:check-abi's expected findings
# (plugin/src/test/rust/abi-corpus/src/cases/cNN.expected).
#
#   apt-get install abigail-tools && bash bench/abi-comparison/abidiff-corpus.sh
#
# Exit code bits of abidiff: 4 = ABI change, 8 = incompatible ABI change.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v abidiff >/dev/null || { echo "abidiff not found: apt-get install abigail-tools" >&2; exit 2; }
work=$(mktemp -d)
cp -r "$root/plugin/src/test/rust/abi-corpus" "$work/corpus"
cd "$work/corpus"
cargo build -q --lib --target-dir "$work/before" || exit 1
cases=$(ls src/cases/*.expected | sed -E 's#.*/c([0-9]+)\.expected#\1#')
for k in $cases; do
  cargo build -q --lib --features "after_$k" --target-dir "$work/after" || exit 1
  out=$(abidiff "$work/before/debug/libabi_corpus.so" "$work/after/debug/libabi_corpus.so" 2>&1)
  rc=$?
  summary=$(echo "$out" | grep -E "Functions changes summary|Variables changes summary" | sed 's/^ *//' | tr '\n' ' ')
  printf 'c%s abidiff_exit=%d incompatible=%d changed=%d %s\n' "$k" "$rc" $(( (rc & 8) != 0 )) $(( (rc & 4) != 0 )) "$summary"
done
rm -rf "$work"
