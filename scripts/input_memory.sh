#!/usr/bin/env bash
# Peak memory of `guanxi extract` on one large report, as a multiple of the file's size:
# the fictional fixture report repeated to SIZE megabytes (default 20), against a tiny file
# (what the dictionaries and jieba take whatever the input).
#   scripts/input_memory.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-20}
bin=target/release/guanxi
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/big.txt" "$size_mb" <<'PY'
import sys
text = open("tests/fixtures/qingchuan-report.txt", encoding="utf-8").read()
copies = int(float(sys.argv[2]) * 1e6 / len(text.encode()))
open(sys.argv[1], "w", encoding="utf-8").write(text * max(copies, 1))
PY
echo "会议。" > "$work/tiny.txt"
peak() { /usr/bin/time -f %M "$bin" extract -q "$1" 2>&1 >/dev/null | tail -1; }
base=$(peak "$work/tiny.txt")
big=$(peak "$work/big.txt")
bytes=$(stat -c %s "$work/big.txt")
python3 -c "b=$bytes; print(f'file {b/1e6:.1f} MB: peak RSS {$big/1e3:.0f} MB, fixed {$base/1e3:.0f} MB; per input {($big-$base)*1e3/b:.1f} x the file size')"
