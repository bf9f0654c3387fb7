#!/usr/bin/env bash
# Benchmarks `guanxi build` on the corpus reports replicated to N documents (default 100000).
#
#   scripts/bench_build.sh [N] [REPORTS_DIR]
#
# Replicates REPORTS_DIR/*.txt (default ../shared/corpus/reports) into a temporary folder as
# copies (each a distinct document; hard links would be read once, as one file), builds the graph with /usr/bin/time -v,
# and prints wall time, peak memory (maximum resident set size) and output sizes. Not a test:
# run it by hand, on an otherwise idle machine.
set -euo pipefail

n=${1:-100000}
reports=${2:-"$(dirname "$0")/../../shared/corpus/reports"}
[ -d "$reports" ] || reports=/work/shared/corpus/reports
root="$(cd "$(dirname "$0")/.." && pwd)"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/guanxi"

work=$(mktemp -d "${TMPDIR:-/tmp}/guanxi-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

echo "replicating $reports/*.txt to $n documents in $work/in"
# One process for all the links (a fork per file takes minutes at 100,000).
perl -e '
    my ($n, $out, @files) = @ARGV;
    @files or die "no *.txt reports\n";
    for my $i (0 .. $n - 1) {
        my $dir = "$out/" . int($i / 1000);
        mkdir $dir unless -d $dir;
        my $src = $files[$i % @files];
        open(my $in, "<:raw", $src) or die "cannot read $src\n";
        local $/; my $data = <$in>; close $in;
        open(my $o, ">:raw", "$dir/$i.txt") or die "cannot write $dir/$i.txt\n";
        print $o $data; close $o;
    }
' "$n" "$work/in" $(find "$reports" -maxdepth 1 -name '*.txt' | sort)

echo "building (${GUANXI_BENCH_ARGS:---no-svg})"
# shellcheck disable=SC2086
/usr/bin/time -v "$bin" build "$work/in" --out "$work/out" ${GUANXI_BENCH_ARGS:---no-svg} 2> "$work/time.txt" || {
    cat "$work/time.txt" >&2
    exit 1
}
grep '^guanxi:' "$work/time.txt" || true
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU' "$work/time.txt"
ls -l "$work/out"
