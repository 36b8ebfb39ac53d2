#!/usr/bin/env bash
# What a clerk waits for when exporting, against LibreOffice converting the
# same report (issue 18), measured in one run on one machine:
#  - pairs: `nianbao export s.json --pdf` and `soffice --headless --convert-to
#    pdf s.html` (the same report as a web page), alternately, each a new
#    process, LibreOffice after one warm-up run with its own profile folder;
#    per-pair ratio, medians and the worst pair;
#  - a 59-page report (the sample's narrative repeated), whole process;
#  - peak memory (time -v) of --pdf and --ofd;
#  - instructions (valgrind, when installed): repeatable on a shared machine.
# Usage: tools/bench-export.sh [pairs]   (PROFILE=release by default; the
# binary is built first, or BIN=path/to/nianbao is measured). Needs soffice
# (libreoffice-writer-nogui) for the pairs: without it they are skipped,
# saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-10}
. tools/nianbao-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" sample -o "$tmp/s.json" 2>/dev/null
"$bin" export "$tmp/s.json" --html "$tmp/s.html" 2>/dev/null
# The 59-page report: the sample with 一、总体情况's parts 32 times over.
python3 - "$tmp/s.json" "$tmp/long.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
o = r["overview"]
o["intro"] = "\n".join([o["intro"]] + [p["body"] for p in o["parts"]] * 32)
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF

# Milliseconds (one decimal) a command takes, output discarded.
ms() {
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1e6 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), profile $profile"
echo "pdf_kb $(( $("$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf" 2>/dev/null; stat -c %s "$tmp/s.pdf") / 1024 ))"

if command -v soffice >/dev/null; then
    lo=(soffice "-env:UserInstallation=file://$tmp/lo-profile" --headless --convert-to pdf --outdir "$tmp/lo" "$tmp/s.html")
    "${lo[@]}" >/dev/null 2>&1 # warm-up: creates the profile
    : >"$tmp/e"; : >"$tmp/l"; : >"$tmp/r"
    for i in $(seq "$pairs"); do
        e=$(ms "$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf")
        l=$(ms "${lo[@]}")
        echo "$e" >>"$tmp/e"; echo "$l" >>"$tmp/l"
        awk -v e="$e" -v l="$l" 'BEGIN { printf "%.1f\n", l / e }' >>"$tmp/r"
        echo "pair $i: export_ms $e soffice_ms $l ratio $(tail -1 "$tmp/r")"
    done
    echo "export_ms_median $(median <"$tmp/e")"
    echo "soffice_ms_median $(median <"$tmp/l")"
    echo "soffice_over_export_median $(median <"$tmp/r")"
    echo "soffice_over_export_worst_pair $(sort -g "$tmp/r" | head -1)"
else
    echo "soffice not found (apt-get install libreoffice-writer-nogui): pairs skipped"
    for i in $(seq "$pairs"); do ms "$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf"; echo; done >"$tmp/e"
    echo "export_ms_median $(median <"$tmp/e")"
fi

"$bin" export "$tmp/long.json" --pdf "$tmp/long.pdf" >/dev/null 2>&1 || true
pages=$(pdfinfo "$tmp/long.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
for i in $(seq 5); do ms "$bin" export "$tmp/long.json" --pdf "$tmp/long.pdf"; echo; done >"$tmp/g"
echo "long_report_pages $pages"
echo "long_export_ms_median $(median <"$tmp/g")"

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'; }
echo "export_pdf_peak_rss_mb $(peak "$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf")"
echo "export_ofd_peak_rss_mb $(peak "$bin" export "$tmp/s.json" --ofd "$tmp/s.ofd")"
echo "export_long_pdf_peak_rss_mb $(peak "$bin" export "$tmp/long.json" --pdf "$tmp/long.pdf")"

if command -v valgrind >/dev/null; then
    instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); printf "%.0f", $NF / 1e6 }'; }
    echo "export_pdf_instructions_m $(instr "$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf")"
fi
