#!/usr/bin/env bash
# Benchmark: PDF pages imported per second, whole process (issue 14).
#
#   tools/bench-import-pdf.sh [N]          N copies of the reference PDF (default 100)
#   PROFILE=dev tools/bench-import-pdf.sh  use the debug build instead of release
#
# The reference is the published WPS PDF of 洪泽区 (tests/fixtures/pdf/, 5
# pages). Two measurements, each wall clock time including process start:
#   batch:   one `nianbao check --format json` over a folder of N copies
#            (every copy is read, rebuilt and imported, then checked);
#   single:  N separate `nianbao import` processes, one file each.
# No assertion: it prints numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
profile=${PROFILE:-release}
cargo build --quiet --profile "$profile"
dir_name=$([ "$profile" = dev ] && echo debug || echo "$profile")
bin="$PWD/target/$dir_name/nianbao"
ref=tests/fixtures/pdf/hongze-2023-published.pdf
pages=$(python3 - "$ref" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
print(len(re.findall(rb'/Type\s*/Page(?![s\w])', data)))
PY
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pdf"
for ((i = 0; i < n; i++)); do cp "$ref" "$work/pdf/r$i.pdf"; done

ms() { echo $(( ($2 - $1) / 1000000 )); }
rate() { python3 -c "print(f'{$1 * $2 / ($3 / 1000):.0f}')"; }

start=$(date +%s%N)
"$bin" check --format json "$work/pdf" >/dev/null 2>&1 || true
end=$(date +%s%N)
batch=$(ms "$start" "$end")

start=$(date +%s%N)
for ((i = 0; i < n; i++)); do
    "$bin" import "$work/pdf/r$i.pdf" -o "$work/out.json" >/dev/null 2>&1
done
end=$(date +%s%N)
single=$(ms "$start" "$end")

echo "reference PDF: $pages pages; $n copies; profile $profile; $(nproc) cores"
echo "batch  (one check over a folder): ${batch} ms, $(rate "$n" "$pages" "$batch") pages/s"
echo "single (one import per file):     ${single} ms, $(rate "$n" "$pages" "$single") pages/s"
