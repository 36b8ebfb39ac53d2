#!/usr/bin/env bash
# Cross-compiles the Windows program on Linux:
#   tools/build-windows.sh   →   target/x86_64-pc-windows-gnu/release/nianbao.exe
# One .exe with the fonts inside, no console window, icon and version info
# (build.rs). Needs the Rust standard library for x86_64-pc-windows-gnu and
# Debian's mingw-w64 (gcc-mingw-w64-x86-64: the linker and windres).
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    echo "需要 mingw-w64：sudo apt-get install gcc-mingw-w64-x86-64" >&2
    exit 2
fi
cargo build --release --target "$target" --bin nianbao
exe=${CARGO_TARGET_DIR:-target}/$target/release/nianbao.exe
ls -l "$exe"
# Everything it loads must come with Windows itself (no mingw DLLs beside it).
x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | sort -u | tr '\n' ' '
echo
