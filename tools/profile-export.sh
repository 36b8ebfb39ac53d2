#!/usr/bin/env bash
# Where a whole-process export of the sample spends its instructions
# (valgrind's callgrind: repeatable on a shared machine, unlike time), as the
# README's 性能 section records it. Usage: tools/profile-export.sh [--pdf|--ofd] [lines]
# (PROFILE=release by default; release strips symbols, so the names come
# from PROFILE=dev, whose dependencies are optimised as in release; or
# BIN=path/to/nianbao).
set -euo pipefail
cd "$(dirname "$0")/.."
format=${1:---pdf}
lines=${2:-40}
. tools/nianbao-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" sample -o "$tmp/s.json" 2>/dev/null
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" export "$tmp/s.json" "$format" "$tmp/out" 2>&1 \
    | awk '/refs:/ { print "instructions", $NF }'
callgrind_annotate --inclusive=yes "$tmp/cg" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$lines" \
    | sed -E 's/ \[[^]]*\]$//; s#/rustc/[0-9a-f]+/library/##; s#/root/.cargo/registry/src/[^/]+/##'
