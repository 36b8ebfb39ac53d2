#!/usr/bin/env bash
# Release packages, one command:
#   tools/package.sh   →   dist/nianbao-<version>-windows-x86_64.zip
#                          dist/nianbao-<version>-linux-x86_64.tar.gz
# Each holds the program, README, the licences of the program and of the
# fonts, and the sample report. Builds both programs (the Windows one through
# tools/build-windows.sh) and prints the packages' sizes.
#
# The Linux program is linked against glibc 2.28 (cargo-zigbuild), not this
# machine's 2.36, so that it starts on UOS 20 and Kylin V10 (glibc 2.28–2.31)
# as well as on newer systems. Needs: pip install ziglang; cargo install cargo-zigbuild.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
glibc=2.28
if ! command -v cargo-zigbuild >/dev/null; then
    echo "需要 cargo-zigbuild：pip install ziglang && cargo install cargo-zigbuild" >&2
    exit 2
fi
cargo zigbuild --release --bin nianbao --target x86_64-unknown-linux-gnu.$glibc
program=${CARGO_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release/nianbao
needed=$(objdump -T "$program" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "Linux program needs $needed (at most GLIBC_$glibc expected); it links:"
objdump -p "$program" | sed -n 's/^ *NEEDED *//p' | tr '\n' ' '
echo
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
    "$program" sample -o "$dir/sample.nianbao.json" >/dev/null
}

common "dist/$linux"
install -m 755 "$program" "dist/$linux/nianbao"
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
