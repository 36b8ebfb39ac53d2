#!/usr/bin/env bash
# Draws the application icon (a white 年 on the red of official documents) from
# the embedded bold serif font, as the PNG the window and the Linux menu use and
# the multi-size .ico the Windows build embeds. Needs ImageMagick.
# Usage: tools/make-icon.sh   (writes assets/icon/nianbao.png and nianbao.ico)
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/icon
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert -size 256x256 xc:none -fill '#c8161d' \
    -draw 'roundrectangle 8,8 247,247 36,36' \
    -font fonts/NotoSerifCJKsc-Bold-GB2312.otf -pointsize 190 -fill white \
    -gravity center -annotate +0+6 '年' \
    -strip "$out/nianbao.png"
for s in 16 24 32 48 64 128 256; do
    convert "$out/nianbao.png" -resize ${s}x${s} -strip "$tmp/$s.png"
done
convert "$tmp"/{16,24,32,48,64,128,256}.png "$out/nianbao.ico"
ls -l "$out"
