#!/usr/bin/env bash
# Whole-process time of `nianbao export` on the sample (what a clerk waits for),
# and the PDF's size. Usage: tools/bench-export.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release --quiet
bin=target/release/nianbao
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" sample -o "$tmp/s.json" 2>/dev/null
best=999999
total=0
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf" 2>/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    total=$((total + ms))
    (( ms < best )) && best=$ms
done
echo "export_ms_best $best"
echo "export_ms_mean $((total / runs))"
echo "pdf_kb $(( $(stat -c %s "$tmp/s.pdf") / 1024 ))"
