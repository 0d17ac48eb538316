#!/usr/bin/env python3
"""Charts checked in the browser, from their rendered geometry.

    Tests/Validators/chart_check.py DIR

Serves DIR on 127.0.0.1, loads every .html page holding a chart in Debian's
headless Chromium (selenium) at 360 px and 1280 px wide, in light and dark
colour schemes and in print emulation, and asserts for every chart drawn:

- no text of a chart overlaps another text of the same chart;
- each value label lies beside its own bar (bar charts: its vertical centre
  within the bar's height) or over its own segment (split bars: its
  horizontal centre within the segment), and each legend entry's swatch has
  the fill of the segment of the same rank;
- at 360 px, no chart text renders below 12 px, and the page does not
  scroll sideways;
- on screen, every bar and segment has a 3:1 contrast or more against the
  chart's background (WCAG 1.4.11), in light and in dark.

Prints a line per failure and `charts: N pages, M charts, K problems`; exits 1
on a problem or when no chart was found (a check that checks nothing fails).
Runs with .venv-check's Python, like the other validators.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = ROOT / ".venv-check"
os.environ["SE_OFFLINE"] = "true"
for _k in ("NO_PROXY", "no_proxy"):
    os.environ[_k] = ",".join(x for x in (os.environ.get(_k), "127.0.0.1", "localhost") if x)
_venv_python = VENV / "bin" / "python"
if _venv_python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
    os.execv(str(_venv_python), [str(_venv_python), __file__, *sys.argv[1:]])

import functools  # noqa: E402
import http.server  # noqa: E402
import threading  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

# Reads the charts a page shows: texts, bars and segments with their boxes and fills.
MEASURE = r"""
function rgb(c) { const m = c.match(/[\d.]+/g); return m ? m.slice(0, 3).map(Number) : [0, 0, 0]; }
function lum(c) { const v = rgb(c).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
function box(e) { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
const charts = [];
for (const svg of document.querySelectorAll('figure.chart svg.chart-svg')) {
  if (svg.getClientRects().length === 0) continue;
  let bg = getComputedStyle(svg.closest('figure')).backgroundColor;
  if (rgb(bg).length < 3 || /rgba\(0, 0, 0, 0\)/.test(bg)) bg = getComputedStyle(document.body).backgroundColor;
  const scale = svg.getScreenCTM().a;
  const texts = [...svg.querySelectorAll('text')].map(t => ({
    text: t.textContent, cls: t.getAttribute('class') || '', box: box(t),
    px: parseFloat(getComputedStyle(t).fontSize) * scale }));
  const marks = [...svg.querySelectorAll('rect.chart-bar, rect.chart-segment')].map(r => ({
    cls: r.getAttribute('class'), box: box(r), fill: getComputedStyle(r).fill, contrast: ratio(getComputedStyle(r).fill, bg) }));
  const swatches = [...svg.querySelectorAll('rect.chart-swatch')].map(r => getComputedStyle(r).fill);
  const figure = svg.closest('figure');
  charts.push({ id: svg.getAttribute('aria-labelledby'), scale: figure.classList.contains('chart-scale'),
    split: figure.classList.contains('chart-split') || figure.classList.contains('chart-scale'),
    texts, marks, swatches });
}
return { charts, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth };
"""


def overlap(a, b, slack=0.5):
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def check(result, where, problems, narrow, screen):
    for chart in result["charts"]:
        name = f"{where} {chart['id'].split()[0]}"
        texts = [t for t in chart["texts"] if t["text"].strip()]
        for i, a in enumerate(texts):
            for b in texts[i + 1:]:
                if overlap(a["box"], b["box"]):
                    problems.append(f"{name}: '{a['text']}' overlaps '{b['text']}'")
        values = [t for t in texts if "chart-value" in t["cls"]]
        marks = chart["marks"]
        if chart["split"]:
            for value in values:
                centre = (value["box"][0] + value["box"][2]) / 2
                middle = (value["box"][1] + value["box"][3]) / 2
                over = any(m["box"][0] <= centre <= m["box"][2] for m in marks)
                # An answer apart from a scale has its value just after its bar.
                beside = any(m["box"][2] - 1 <= value["box"][0] <= m["box"][2] + 12 and m["box"][1] <= middle <= m["box"][3] for m in marks)
                if not over and not beside:
                    problems.append(f"{name}: value '{value['text']}' is over no segment")
            fills = [m["fill"] for m in marks]
            if chart["scale"]:
                # Items of one scale repeat the answers: each legend colour is an answer's.
                if any(s not in fills for s in chart["swatches"]):
                    problems.append(f"{name}: a legend colour is no segment's colour")
            elif chart["swatches"] and fills != chart["swatches"]:
                problems.append(f"{name}: the legend's colours are not the segments' colours, in order")
        else:
            if len(values) != len(marks):
                problems.append(f"{name}: {len(values)} values for {len(marks)} bars")
            for value, mark in zip(values, marks):
                middle = (value["box"][1] + value["box"][3]) / 2
                if not (mark["box"][1] <= middle <= mark["box"][3]) or value["box"][0] < mark["box"][2] - 1:
                    problems.append(f"{name}: value '{value['text']}' is not beside its bar")
        if narrow:
            for t in texts:
                if t["px"] < 12 - 0.05:
                    problems.append(f"{name}: '{t['text']}' renders at {t['px']:.1f} px, under 12 px")
        if screen:
            for m in marks:
                if m["contrast"] < 3 - 0.01 and "chart-muted" not in m["cls"]:
                    problems.append(f"{name}: a mark ({m['cls']}) has {m['contrast']:.2f}:1 against its background, under 3:1")
    if narrow and result["scroll"] > result["client"] + 1:
        problems.append(f"{where}: the page scrolls sideways ({result['scroll']} px for {result['client']} px)")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = Path(sys.argv[1]).resolve()
    pages = sorted(p for p in site.rglob("*.html") if "<figure class=\"chart" in p.read_text(encoding="utf-8"))
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(20)
    problems, charts = [], 0
    try:
        for page in pages:
            url = f"http://127.0.0.1:{server.server_port}/{page.relative_to(site).as_posix()}"
            for width in (360, 1280):
                for scheme, media in (("light", "screen"), ("dark", "screen"), ("light", "print")):
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                        "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})
                    driver.set_window_size(width, 1000)
                    driver.get(url)
                    result = driver.execute_script(MEASURE)
                    charts += len(result["charts"])
                    where = f"{page.relative_to(site)} at {width} px, {scheme} {media}"
                    check(result, where, problems, narrow=width == 360 and media == "screen", screen=media == "screen")
    finally:
        driver.quit()
        server.shutdown()
    for problem in problems:
        print(problem)
    print(f"charts: {len(pages)} pages, {charts} charts drawn, {len(problems)} problems")
    sys.exit(1 if problems or charts == 0 else 0)


if __name__ == "__main__":
    main()
