#!/usr/bin/env bash
# Benchmarks the store at scale: build, queries, and an update, on the realistic corpus
# (scripts/gen_corpus.py: the dev reports with every person renamed per copy).
#
#   scripts/bench_build.sh [N] [WORK_DIR]
#
# Generates N reports (default 100000) and 1,000 more into WORK_DIR (default a temporary
# folder, removed at the end unless given), then under /usr/bin/time -v:
#   1. `guanxi build` of the N reports (wall time, CPU, peak memory, store size);
#   2. four queries, each a fresh process on a cold start: attendees of a typical meeting
#      (the median by attendance), posts of a person, co-attendees of a person, and the
#      path between two persons;
#   3. `guanxi build --update` with the 1,000 new reports.
# Not a test: run it by hand, on a machine as quiet as you can find, and quote the figures
# with the load (`uptime`). Needs python3 (its sqlite3 module picks the query arguments).
# GUANXI_BIN=PATH measures that binary instead of building this tree.
set -euo pipefail

n=${1:-100000}
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${2:-}" ]; then work=$2; mkdir -p "$work"; else
  work=$(mktemp -d "${TMPDIR:-/tmp}/guanxi-bench.XXXXXX"); trap 'rm -rf "$work"' EXIT; fi

# GUANXI_BIN: a binary to measure instead of a fresh release build of this tree.
if [ -n "${GUANXI_BIN:-}" ]; then bin=$GUANXI_BIN; else
  cargo build --release --quiet --manifest-path "$root/Cargo.toml"
  bin="$root/target/release/guanxi"; fi

timed() { # LABEL COMMAND...: runs COMMAND under /usr/bin/time -v, prints the figures
  local label=$1; shift
  /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  printf '%-12s %s s wall, %s s user, %s s sys, %s MB peak\n' "$label" \
    "$(grep 'Elapsed (wall' "$work/time.txt" | awk '{print $NF}')" \
    "$(grep 'User time' "$work/time.txt" | awk '{print $NF}')" \
    "$(grep 'System time' "$work/time.txt" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))"
}

[ -d "$work/corpus" ] || python3 "$root/scripts/gen_corpus.py" "$n" "$work/corpus"
[ -d "$work/more" ] || python3 "$root/scripts/gen_corpus.py" 1000 "$work/more" --start "$n"
echo "load: $(uptime)"

rm -rf "$work/g"
timed build "$bin" build "$work/corpus" --out "$work/g" --no-svg
grep '^guanxi: [0-9]* document' "$work/time.txt" || true
ls -l "$work/g"

# Query arguments: a meeting of median attendance, a person with posts, a person with
# meetings, and another person with posts for the path.
python3 - "$work/g/graph.db" > "$work/args.txt" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
att = "e.kind IN (1, 2, 3)"
meetings = c.execute(f"SELECT n.id, count(*) FROM edges e JOIN nodes n ON n.node = e.dst WHERE {att} GROUP BY e.dst ORDER BY 2, 1").fetchall()
posts = [r[0] for r in c.execute("SELECT DISTINCT n.id FROM edges e JOIN nodes n ON n.node = e.src WHERE e.kind = 0 ORDER BY n.node DESC LIMIT 2")]
goer = c.execute(f"SELECT n.id FROM edges e JOIN nodes n ON n.node = e.src WHERE {att} ORDER BY n.node DESC LIMIT 1").fetchone()[0]
print(meetings[len(meetings) // 2][0]); print(posts[0]); print(goer); print(posts[1])
EOF
meeting=$(sed -n 1p "$work/args.txt"); person=$(sed -n 2p "$work/args.txt")
goer=$(sed -n 3p "$work/args.txt"); other=$(sed -n 4p "$work/args.txt")
timed attendees "$bin" query "$work/g" attendees "$meeting"
timed posts "$bin" query "$work/g" posts "$person"
timed coattendees "$bin" query "$work/g" coattendees "$goer"
timed path "$bin" query "$work/g" path "$goer" "$other"

timed update "$bin" build "$work/more" --update "$work/g" --out "$work/g" --no-svg
grep '^guanxi: [0-9]* document' "$work/time.txt" || true
