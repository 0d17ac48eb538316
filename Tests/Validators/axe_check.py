#!/usr/bin/env python3
"""axe-core (WCAG 2.0/2.1 A and AA) over every .html page under DIR.

    Tests/Validators/axe_check.py DIR

Serves DIR on 127.0.0.1 (a throw-away http.server on a free port), drives
Debian's headless Chromium with selenium, injects axe.min.js (axe-core 4.12.1,
shipped by axe-playwright-python in .venv-check) into each page, sorted, and
runs it twice: with `prefers-color-scheme: light`, then `dark`. Violations seen
in dark mode that were already reported in light mode (same rule, same
elements) are not repeated.

Prints each violation (page, scheme, rule id, impact, help, first target
selectors) and a last line `axe: N pages, M violations`. Exits 1 on any
violation, on a page that could not be checked (load error, timeout), or
when DIR holds no .html page (a check that checks nothing must fail).

Runs with .venv-check's Python; started with another Python it re-executes
itself with that one.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = ROOT / ".venv-check"

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_LOAD_TIMEOUT = 20  # seconds, chromedriver's own
SCRIPT_TIMEOUT = 30  # seconds, for axe.run, chromedriver's own
# seconds per page and scheme, enforced by killing the browser
DEADLINE = int(os.environ.get("AXE_DEADLINE", "45"))
SHOW_TARGETS = 3

# Never let selenium try to download a driver or a browser; keep loopback
# traffic away from any proxy.
os.environ["SE_OFFLINE"] = "true"
for _k in ("NO_PROXY", "no_proxy"):
    os.environ[_k] = ",".join(
        x for x in (os.environ.get(_k), "127.0.0.1", "localhost") if x
    )

_venv_python = VENV / "bin" / "python"
if _venv_python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
    os.execv(str(_venv_python), [str(_venv_python), __file__, *sys.argv[1:]])
try:
    import selenium  # noqa: F401
    import axe_playwright_python  # noqa: F401
except ImportError:
    sys.exit(
        f"axe: selenium / axe-playwright-python missing from {VENV}; "
        "run Tests/Validators/install.sh"
    )

import functools  # noqa: E402
import http.server  # noqa: E402
import signal  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from urllib.parse import quote  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(
    encoding="utf-8"
)

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {
    runOnly: {type: 'tag', values: arguments[0]},
    resultTypes: ['violations']
}).then(function (r) {
    done({ok: true, violations: r.violations.map(function (v) {
        return {id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(function (n) { return n.target; })};
    })});
}).catch(function (e) { done({ok: false, error: String(e)}); });
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def start_server(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Browser:
    """A chromedriver + Chromium pair in its own process group, so that a
    page stuck in a loop can be dealt with by killing the whole group."""

    def __init__(self):
        opts = Options()
        opts.binary_location = CHROMIUM
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-proxy-server",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--window-size=1280,1024",
        ):
            opts.add_argument(arg)
        service = Service(
            executable_path=CHROMEDRIVER,
            popen_kw={"start_new_session": True},
        )
        self.driver = webdriver.Chrome(service=service, options=opts)
        self.driver.set_page_load_timeout(PAGE_LOAD_TIMEOUT)
        self.driver.set_script_timeout(SCRIPT_TIMEOUT)
        self.pid = service.process.pid

    def kill(self):
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass
        self.kill()


def check(browser, url, scheme):
    """Loads url with the given colour scheme and returns axe's violations
    as a list of dicts. Raises on any failure."""
    d = browser.driver
    d.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    d.get(url)
    actual = d.execute_script(
        "return matchMedia('(prefers-color-scheme: dark)').matches"
    )
    if actual != (scheme == "dark"):
        raise RuntimeError(f"could not emulate prefers-color-scheme: {scheme}")
    d.execute_script(AXE_JS)
    result = d.execute_async_script(RUN_AXE, TAGS)
    if not result or not result.get("ok"):
        raise RuntimeError(f"axe.run failed: {result and result.get('error')}")
    return result["violations"]


def check_with_deadline(state, url, scheme):
    """Runs check() under a watchdog: past DEADLINE the browser is killed,
    the page reported as failed and a new browser started for the next."""
    fired = threading.Event()

    def expire():
        fired.set()
        state["browser"].kill()

    timer = threading.Timer(DEADLINE, expire)
    timer.start()
    try:
        return check(state["browser"], url, scheme)
    except Exception as e:  # noqa: BLE001
        if fired.is_set():
            msg = f"no result within {DEADLINE} s (page stuck?)"
        else:
            msg = f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"
        state["browser"].quit()
        state["browser"] = Browser()
        return [
            {
                "id": "axe-check-failed",
                "impact": "critical",
                "help": msg,
                "targets": [],
            }
        ]
    finally:
        timer.cancel()


def fmt_targets(targets):
    shown = [" ".join(t) if isinstance(t, list) else str(t) for t in targets[:SHOW_TARGETS]]
    more = len(targets) - len(shown)
    s = ", ".join(shown)
    if more > 0:
        s += f" (+{more} more)"
    return s


def main(argv):
    if len(argv) != 2:
        print("usage: axe_check.py DIR", file=sys.stderr)
        return 2
    root = Path(argv[1])
    if not root.is_dir():
        print(f"axe: {root} is not a directory", file=sys.stderr)
        return 2
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.is_file())
    if not pages:
        print(f"axe: no .html page under {root}: nothing was checked", file=sys.stderr)
        print("axe: 0 pages, 0 violations")
        return 1

    server = start_server(root)
    port = server.server_address[1]
    state = {"browser": Browser()}
    violations = 0
    started = time.monotonic()
    try:
        for page in pages:
            url = f"http://127.0.0.1:{port}/{quote(page)}"
            seen = set()
            for scheme in ("light", "dark"):
                found = check_with_deadline(state, url, scheme)
                for v in found:
                    key = (v["id"], repr(v["targets"]))
                    if key in seen:
                        continue
                    seen.add(key)
                    violations += 1
                    n = len(v["targets"])
                    nodes = f" [{n} node{'s' if n != 1 else ''}]" if n else ""
                    print(
                        f"{page} [{scheme}] {v['id']} ({v['impact']}): {v['help']}{nodes}"
                        + (f"\n    {fmt_targets(v['targets'])}" if n else ""),
                        flush=True,
                    )
                if any(v["id"] == "axe-check-failed" for v in found):
                    break  # no second try of a page that cannot be checked
    finally:
        state["browser"].quit()
        server.shutdown()
        server.server_close()

    elapsed = time.monotonic() - started
    print(f"axe: checked {len(pages)} pages x 2 colour schemes in {elapsed:.1f} s")
    print(f"axe: {len(pages)} pages, {violations} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
