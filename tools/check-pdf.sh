#!/usr/bin/env bash
# The PDF acceptance of issue 4, with the tools a reviewer would use
# (poppler-utils, qpdf, python3): exports the sample and checks the file.
# Usage: tools/check-pdf.sh [path/to/nianbao]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/nianbao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" sample -o "$tmp/s.json" 2>/dev/null
"$bin" export "$tmp/s.json" --pdf "$tmp/s.pdf" 2>/dev/null

qpdf --check "$tmp/s.pdf" >/dev/null
echo "qpdf --check: clean"

pdffonts "$tmp/s.pdf" | awk 'NR > 2 {
    n++
    if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { print "not emb/sub/uni: " $0; bad = 1 }
} END { if (n == 0) { print "no fonts"; bad = 1 }; exit bad }'
echo "pdffonts: every font embedded, subset, with ToUnicode"

size=$(stat -c %s "$tmp/s.pdf")
if (( size > 300 * 1024 )); then echo "PDF is $size bytes (> 300 KB)"; exit 1; fi
echo "size: $((size / 1024)) KB"

pdftotext -raw "$tmp/s.pdf" "$tmp/s.txt"
python3 - "$tmp/s.json" "$tmp/s.txt" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
text = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
text = re.sub(r"—\d+—", "", text)  # page numbers between a paragraph's pages
paras = [report["overview"]["intro"]]
for p in report["overview"]["parts"]:
    paras += [p["heading"]] + p["body"].split("\n")
paras += report["problems"].split("\n") + report["other_matters"].split("\n")
missing = [p for p in paras if p.strip() and re.sub(r"\s+", "", p) not in text]
for p in missing:
    print("pdftotext lacks:", p[:40])
sys.exit(1 if missing else 0)
PY
echo "pdftotext: every paragraph of the sample"
