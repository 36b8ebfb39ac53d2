#!/usr/bin/env bash
# Benchmark: how long `nianbao check` takes on 1 000 reports.
#
#   tools/bench-check.sh [N]          N reports per run (default 1000)
#   PROFILE=dev tools/bench-check.sh  use the debug build instead of release
#
# Three runs over N files each: the saved file format (copies of the embedded
# sample), published text pages imported on the fly (the corpus in
# tests/corpus/, cycled), and both mixed. Each run is one `nianbao check
# --format json` process over a folder, output discarded; the figure is wall
# clock time including process start, reading and importing. No assertion:
# it prints numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
profile=${PROFILE:-release}
cargo build --quiet --profile "$profile"
dir_name=$([ "$profile" = dev ] && echo debug || echo "$profile")
bin="$PWD/target/$dir_name/nianbao"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/json" "$work/txt" "$work/mixed"
"$bin" sample -o "$work/sample.json" 2>/dev/null
corpus=(tests/corpus/*.txt)
for ((i = 0; i < n; i++)); do
    cp "$work/sample.json" "$work/json/r$i.json"
    cp "${corpus[i % ${#corpus[@]}]}" "$work/txt/r$i.txt"
    if ((i % 2)); then
        cp "$work/sample.json" "$work/mixed/r$i.json"
    else
        cp "${corpus[i % ${#corpus[@]}]}" "$work/mixed/r$i.txt"
    fi
done

run() {
    local start end
    start=$(date +%s%N)
    "$bin" check --format json "$work/$1" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    printf '%-44s %6d ms\n' "$2" $(((end - start) / 1000000))
}
echo "nianbao check, $n reports each ($profile build, $(nproc) CPU):"
run json "saved reports (.json)"
run txt "published text pages (.txt, imported)"
run mixed "half .json, half .txt"
