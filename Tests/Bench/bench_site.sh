#!/usr/bin/env bash
# Builds a generated site of N pages with the release etude and with Hugo (the same
# Markdown), and converts the concatenated bodies with the cmark-gfm CLI (the floor of
# Markdown conversion). Each is timed as a whole process with /usr/bin/time: one warm-up,
# then the median of BENCH_RUNS runs of wall time and peak memory; prints the ratios.
# BENCH_N="1000 10000" chooses the sizes, BENCH_RUNS=5 the runs, BENCH_SEED the seed,
# BENCH_ETUDE another etude binary (an older build, to compare).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/.build/bench-site}
SIZES=${BENCH_N:-1000 10000}
RUNS=${BENCH_RUNS:-5}
SEED=${BENCH_SEED:-20261127}
ETUDE=${BENCH_ETUDE:-$ROOT/.build/release/etude}
for tool in hugo cmark-gfm; do
  command -v "$tool" > /dev/null || { echo "$tool is missing: apt-get install hugo cmark-gfm" >&2; exit 1; }
done

# Runs "$@" once to warm up, then RUNS times; prints "median-seconds median-KiB".
measure() {
  local log=$WORK/time.log samples=$WORK/samples
  : > "$samples"
  for i in $(seq 0 "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$log" "$@" > "$WORK/run.out" 2>&1 || { cat "$WORK/run.out" >&2; exit 1; }
    [ "$i" -gt 0 ] && cat "$log" >> "$samples"
  done
  python3 - "$samples" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
print(statistics.median(float(r[0]) for r in rows), int(statistics.median(int(r[1]) for r in rows)))
PY
}

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
mib() { python3 -c "import sys; print('%.0f' % (int(sys.argv[1]) / 1024))" "$1"; }

echo "$(date -u +%Y-%m-%d), $(nproc) cores; $($ETUDE --version 2>/dev/null || echo etude), $(hugo version | cut -d' ' -f1-2), median of $RUNS runs after a warm-up"
printf '%-7s | %-18s | %-18s | %-18s | %-11s | %-11s | %s\n' N "Étude s / MiB" "Hugo s / MiB" "cmark-gfm s / MiB" "time É/H" "mem É/H" "time É/cmark"
for n in $SIZES; do
  dir=$WORK/n$n
  rm -rf "$dir" && mkdir -p "$dir"
  python3 "$ROOT/Tests/Bench/generate_site.py" "$dir" "$n" "$SEED"
  read -r et em < <(measure "$ETUDE" build --project "$dir/etude" --output "$dir/etude-out")
  read -r ht hm < <(measure hugo --quiet --source "$dir/hugo" --destination "$dir/hugo-out")
  read -r ct cm < <(measure cmark-gfm --smart -e table -e strikethrough -e autolink -e tagfilter "$dir/bodies.md")
  pages=$(find "$dir/etude-out" -name '*.html' | wc -l)
  printf '%-7s | %-18s | %-18s | %-18s | %-11s | %-11s | %s\n' "$n" "$et / $(mib "$em")" "$ht / $(mib "$hm")" \
    "$ct / $(mib "$cm")" "$(ratio "$et" "$ht")" "$(ratio "$em" "$hm")" "$(ratio "$et" "$ct")"
  echo "        ($pages HTML files written by Étude)"
done
