#!/usr/bin/env bash
# Measures the editor as the README reports it: time to the first frame, idle
# CPU, peak memory, binary size. Needs Xvfb (apt-get install xvfb); builds the
# release binary first. Usage: tools/measure-editor.sh [seconds-of-idle]
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-20}
cargo build --release --quiet
bin=target/release/nianbao
tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
Xvfb :77 -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:77
sleep 1
"$bin" sample -o "$tmp/sample.json" 2>/dev/null

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
kill $pid
echo "binary_mb $(du -m "$bin" | cut -f1)"
