#!/usr/bin/env bash
# Benchmark: how many reports per second `nianbao check` gets through.
#
#   tools/bench-check.sh [N] [RUNS]   N reports per run (default 3000), RUNS
#                                     runs of each (default 5; the best counts)
#   PROFILE=dev tools/bench-check.sh  use the debug build instead of release
#   NO_BUILD=1 tools/bench-check.sh   measure the build as it is
#
# Three folders of N files each: the saved file format (copies of the
# embedded sample), published text pages imported on the fly (the corpus in
# tests/corpus/, cycled), and both mixed. Each run is one `nianbao check
# --format json` process over a folder, output discarded; the time is wall
# clock for the whole process: start, reading, importing, checking on every
# core. The best of RUNS is printed with the others, since a machine shared
# with other work is only ever slower. No assertion: it prints numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
runs=${2:-5}
profile=${PROFILE:-release}
[ -n "${NO_BUILD:-}" ] || cargo build --quiet --profile "$profile" --bin nianbao
dir_name=$([ "$profile" = dev ] && echo debug || echo "$profile")
bin="${CARGO_TARGET_DIR:-$PWD/target}/$dir_name/nianbao"

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
    local start end ms best=0 all=()
    for ((r = 0; r < runs; r++)); do
        start=$(date +%s%N)
        "$bin" check --format json "$work/$1" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        ms=$(((end - start) / 1000000))
        all+=("$ms")
        if ((best == 0 || ms < best)); then best=$ms; fi
    done
    printf '%-40s %6d ms  %6d files/s   (runs: %s ms)\n' "$2" "$best" \
        $((n * 1000 / (best > 0 ? best : 1))) "${all[*]}"
}
echo "nianbao check, $n reports a run, best of $runs ($profile build, $(nproc) CPU, load $(cut -d' ' -f1 /proc/loadavg)):"
run json "saved reports (.json)"
run txt "published text pages (.txt, imported)"
run mixed "half .json, half .txt"
