#!/usr/bin/env bash
# Release packages, one command:
#   tools/package.sh   →   dist/nianbao-<version>-windows-x86_64.zip
#                          dist/nianbao-<version>-linux-x86_64.tar.gz
# Each holds the program, README, the licences of the program and of the
# fonts, and the sample report. Builds both programs (the Windows one through
# tools/build-windows.sh) and prints the packages' sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
cargo build --release --bin nianbao
tools/build-windows.sh
rm -rf dist && mkdir -p dist
linux=nianbao-$version-linux-x86_64
windows=nianbao-$version-windows-x86_64

common() { # the files both packages carry
    local dir=$1
    mkdir -p "$dir/licenses"
    cp README.md "$dir/"
    cp LICENSE-MIT LICENSE-APACHE fonts/LICENSE-*.txt "$dir/licenses/"
    cp fonts/README.md "$dir/licenses/fonts-README.md"
    "${CARGO_TARGET_DIR:-target}"/release/nianbao sample -o "$dir/sample.nianbao.json" >/dev/null
}

common "dist/$linux"
install -m 755 "${CARGO_TARGET_DIR:-target}"/release/nianbao "dist/$linux/nianbao"
install -m 755 packaging/linux/install.sh "dist/$linux/install.sh"
mkdir -p "dist/$linux/share"
cp packaging/linux/nianbao.desktop packaging/linux/nianbao-mime.xml assets/icon/nianbao.png \
    "dist/$linux/share/"
tar -C dist -czf "dist/$linux.tar.gz" --owner=0 --group=0 "$linux"

common "dist/$windows"
cp "${CARGO_TARGET_DIR:-target}"/x86_64-pc-windows-gnu/release/nianbao.exe packaging/windows/nianbao-cli.bat \
    "dist/$windows/"
# Windows' Notepad before 2018 shows LF-only text as one line.
sed -i 's/$/\r/' "dist/$windows/README.md"
(cd dist && python3 -m zipfile -c "$windows.zip" "$windows")

rm -rf "dist/$linux" "dist/$windows"
ls -l dist
