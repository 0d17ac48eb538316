#!/usr/bin/env bash
# Times `etude build` on a generated 100 000 × 60 export against one plain pass of
# Python's csv module over the same file, in one run, and prints the ratio.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/.build/bench-answers}
ROWS=${ROWS:-100000}
rm -rf "$WORK" && mkdir -p "$WORK"
python3 "$ROOT/Tests/Bench/generate_answers.py" "$WORK/project" "$ROWS"
CSV="$WORK/project/data/exports/reponses.csv"
echo "export: $(du -h "$CSV" | cut -f1), $ROWS rows × $(head -1 "$CSV" | tr ',' '\n' | wc -l) columns;" \
  "$(grep -c '^  [a-z0-9-]*:$' "$WORK/project/data/answers.yaml") entries under figures: and dimensions:"
python_time=$(python3 - "$CSV" <<'PY'
import csv, sys, time
start, cpu = time.perf_counter(), time.process_time()
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        pass
print("%.3f %.3f" % (time.perf_counter() - start, time.process_time() - cpu))
PY
)
start=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$WORK/rss" "$ROOT/.build/release/etude" build --project "$WORK/project" --output "$WORK/output" > "$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }
end=$(date +%s.%N)
etude_time=$(echo "$end - $start" | bc)
figures=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['figures']))" "$WORK/output/donnees/figures.json")
read -r python_wall python_cpu <<< "$python_time"
read -r rss user sys < "$WORK/rss"
etude_cpu=$(echo "$user + $sys" | bc)
echo "python csv pass: ${python_wall} s (CPU ${python_cpu} s)"
echo "etude build:     ${etude_time} s (CPU ${etude_cpu} s; $figures values published, peak memory $(( rss / 1024 )) MB)"
echo "ratio etude / python csv: $(echo "scale=2; $etude_time / $python_wall" | bc) (CPU: $(echo "scale=2; $etude_cpu / $python_cpu" | bc))"
