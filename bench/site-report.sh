#!/usr/bin/env bash
# Renders src/site/markdown/benchmarks.md and its SVG charts from the full-mode results in
# bench/results/ (call-overhead.json, build-costs.json).
set -euo pipefail
source "$(dirname "$0")/report.sh"
java -cp "$report_jar" dev.ferrule.bench.report.SiteReport "$root/bench/results" "$root/src/site"
