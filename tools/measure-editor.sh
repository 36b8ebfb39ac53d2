#!/usr/bin/env bash
# Measures the editor as the README reports it: time to the first frame, idle
# CPU, memory after start, typing into a 20 000-character narrative (on Mesa's
# software renderer, as under Xvfb), binary size. Needs Xvfb (apt-get install
# xvfb); builds the binary first (PROFILE=release by default), or measures
# BIN=path/to/nianbao.
# Usage: tools/measure-editor.sh [seconds-of-idle] [frames-typed]
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-20}
frames=${2:-200}
. tools/nianbao-bin.sh
tmp=$(mktemp -d)
# Waited for on exit: a run straight after would find display :77 still taken.
trap '{ kill $xvfb && wait $xvfb; } 2>/dev/null || true; rm -rf "$tmp"' EXIT
Xvfb :77 -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:77
# Until the server takes connections (its socket appears), at most 5 s.
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X77 ] && break; sleep 0.1; done
"$bin" sample -o "$tmp/sample.json" 2>/dev/null
# 一、总体情况's 导语 made 20 000 characters of the sample's own text: in 50
# paragraphs of 400 (a long report), and as one paragraph (the worst case:
# every keystroke lays out all of it again).
python3 - "$tmp" <<'EOF'
import json, sys
d = sys.argv[1]
r = json.load(open(f"{d}/sample.json", encoding="utf-8"))
o = r["overview"]
text = "".join([o["intro"]] + [p["body"] for p in o["parts"]]).replace("\n", "")
text = (text * (20000 // len(text) + 1))[:20000]
o["intro"] = "\n".join(text[i:i + 400] for i in range(0, 20000, 400))
json.dump(r, open(f"{d}/paragraphs.json", "w", encoding="utf-8"), ensure_ascii=False)
o["intro"] = text
json.dump(r, open(f"{d}/one-paragraph.json", "w", encoding="utf-8"), ensure_ascii=False)
EOF
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), profile $profile, $(glxinfo 2>/dev/null | grep -m1 'renderer string' || echo 'renderer: see glxinfo')"

for i in 1 2 3; do
    NIANBAO_STARTUP_PROBE=1 "$bin" "$tmp/sample.json" | grep first_frame_ms
done

"$bin" "$tmp/sample.json" & pid=$!
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep "$idle"; t1=$(ticks)
hz=$(getconf CLK_TCK)
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$idle" 'BEGIN { printf "idle_cpu_percent %.2f\n", (b - a) / hz / s * 100 }'
grep VmHWM "/proc/$pid/status" | awk '{ printf "peak_rss_mb %.0f\n", $2 / 1024 }'
grep VmRSS "/proc/$pid/status" | awk '{ printf "rss_mb %.0f\n", $2 / 1024 }'
# Of which: the process's own pages, pages of files it maps (code, fonts),
# shared memory (the XShm image).
grep -E 'RssAnon|RssFile|RssShmem' "/proc/$pid/status" |
    awk '{ sub(/:/, "", $1); printf "%s_mb %.0f\n", tolower($1), $2 / 1024 }'
kill $pid

for f in paragraphs one-paragraph; do
    echo "-- typing into 20 000 characters, $f"
    NIANBAO_TYPING_PROBE=$frames "$bin" "$tmp/$f.json"
done
echo "binary_mb $(du -m "$bin" | cut -f1)"
