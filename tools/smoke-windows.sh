#!/usr/bin/env bash
# Smoke test of the Windows program without Windows: runs nianbao.exe under
# Wine (and Xvfb for the window) and compares it with the Linux build.
#   tools/smoke-windows.sh [nianbao.exe] [linux nianbao]
# Defaults: the release builds of tools/build-windows.sh and `cargo build --release`.
# Checks, in a folder whose name has Chinese and a space:
#   - `sample` writes byte-identical files;
#   - `check` (text and JSON Lines) prints the same and exits the same;
#   - `export --pdf/--html`: the same web page, the same PDF text (pdftotext);
#   - a report with errors exits 1 on both; a missing file exits 2 on both;
#   - the editor window opens on the sample (screenshot written beside the
#     packages: dist/windows-editor.png) and saves it with Ctrl+S (.bak kept).
# Needs: wine (Debian's wine64), mingw-w64, xvfb, xdotool, imagemagick, poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-${CARGO_TARGET_DIR:-target}/x86_64-pc-windows-gnu/release/nianbao.exe}")
linux=$(realpath "${2:-${CARGO_TARGET_DIR:-target}/release/nianbao}")
# Debian's `wine` is a wrapper that complains about a missing wine32 on stderr,
# which would spoil the comparisons; wine64 itself is quiet.
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
for tool in "$wine" wineserver x86_64-w64-mingw32-gcc Xvfb xdotool import pdftotext; do
    command -v $tool >/dev/null || { echo "缺少 $tool" >&2; exit 2; }
done

tmp=$(mktemp -d)
cleanup() {
    [ -n "${editor:-}" ] && kill "$editor" 2>/dev/null || true
    wineserver -k 2>/dev/null || true
    [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
export WINEPREFIX=$tmp/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1
start=$(date +%s)
"$wine" wineboot --init >/dev/null 2>&1
# Wine 8.0 lacks the bcryptprimitives.dll every Rust program needs: see
# tools/wine/bcryptprimitives.c.
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    tools/wine/bcryptprimitives.c -lbcrypt
echo "Wine prefix ready in $(( $(date +%s) - start )) s"

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
same() { # name, file a, file b
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1"; diff "$2" "$3" | head -20 || true; fi
}

# Relative names inside one folder, so both builds print the same paths.
work="$tmp/年报 测试"
mkdir -p "$work/linux" "$work/windows"
run_linux() { (cd "$work/linux" && "$linux" "$@"); }
run_windows() { (cd "$work/windows" && "$wine" "$exe" "$@"); }

name="阿戛镇 2024.nianbao.json"
run_linux sample -o "$name" >/dev/null
run_windows sample -o "$name" >/dev/null
same "sample: the same file (Chinese name, space in the path)" "$work/linux/$name" "$work/windows/$name"

for format in text json; do
    set +e
    run_linux check --format $format "$name" >"$tmp/check-linux.$format" 2>&1; l=$?
    run_windows check --format $format "$name" >"$tmp/check-windows.$format" 2>&1; w=$?
    set -e
    [ "$l" = "$w" ] && pass "check --format $format: exit $w on both" || fail "check --format $format: exit $l vs $w"
    same "check --format $format: the same output" "$tmp/check-linux.$format" "$tmp/check-windows.$format"
done

run_linux export "$name" --pdf 年报.pdf --html 年报.html >/dev/null 2>&1
run_windows export "$name" --pdf 年报.pdf --html 年报.html >/dev/null 2>&1
same "export --html: the same page" "$work/linux/年报.html" "$work/windows/年报.html"
pdftotext -layout "$work/linux/年报.pdf" "$tmp/linux.txt"
pdftotext -layout "$work/windows/年报.pdf" "$tmp/windows.txt"
same "export --pdf: the same extracted text ($(wc -l <"$tmp/linux.txt") lines)" "$tmp/linux.txt" "$tmp/windows.txt"

# A report whose table does not balance: exit 1 and the same findings.
python3 - "$work/linux/$name" "$work/linux/不平衡.nianbao.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["applications"]["new_received"][0] = (r["applications"]["new_received"][0] or 0) + 7
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
cp "$work/linux/不平衡.nianbao.json" "$work/windows/"
set +e
run_linux check 不平衡.nianbao.json >"$tmp/bad-linux.txt" 2>&1; l=$?
run_windows check 不平衡.nianbao.json >"$tmp/bad-windows.txt" 2>&1; w=$?
run_windows check 不存在.nianbao.json >/dev/null 2>&1; missing=$?
set -e
[ "$l" = 1 ] && [ "$w" = 1 ] && pass "unbalanced report: exit 1 on both" || fail "unbalanced report: exit $l vs $w"
same "unbalanced report: the same findings" "$tmp/bad-linux.txt" "$tmp/bad-windows.txt"
[ "$missing" = 2 ] && pass "missing file: exit 2" || fail "missing file: exit $missing"

# The editor window, opened on the sample.
(cd "$work/windows" && exec "$wine" "$exe" "$name") >"$tmp/editor.log" 2>&1 &
editor=$!
window=
for _ in $(seq 1 60); do
    window=$(xdotool search --name "年报编辑器" 2>/dev/null | head -1) || true
    [ -n "$window" ] && break
    sleep 1
done
if [ -n "$window" ]; then
    sleep 4 # a few frames
    mkdir -p dist
    import -window root dist/windows-editor.png
    if kill -0 "$editor" 2>/dev/null; then
        pass "editor window opened: $(xdotool getwindowname "$window") (dist/windows-editor.png)"
    else
        fail "editor exited after opening its window"; cat "$tmp/editor.log"
    fi
    # Ctrl+S in the window: saved atomically beside the Chinese name, the
    # previous version kept as .bak, an unchanged report saved byte for byte.
    cp "$work/windows/$name" "$tmp/before.json"
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    sleep 1
    xdotool key --window "$window" ctrl+s
    for _ in $(seq 1 10); do [ -f "$work/windows/$name.bak" ] && break; sleep 1; done
    if [ -f "$work/windows/$name.bak" ] && cmp -s "$tmp/before.json" "$work/windows/$name" \
        && cmp -s "$tmp/before.json" "$work/windows/$name.bak"; then
        pass "editor saved with Ctrl+S: $name and $name.bak"
    else
        fail "editor did not save with Ctrl+S"; ls -la "$work/windows"
    fi
else
    fail "no editor window within 60 s"; cat "$tmp/editor.log"
fi

echo "smoke-windows: $failures failure(s)"
[ "$failures" = 0 ]
