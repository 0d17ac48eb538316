#!/usr/bin/env python3
"""Prints the printable report to PDF with headless Chromium and checks it.

    Tests/Validators/pdf_check.py REPORT_HTML_DIR [--pdf OUT | --from-pdf PDF]
        [--min-pages 4] [--max-pages 40]
        [--expect TEXT]... [--same-page "A|B"]...

Serves REPORT_HTML_DIR on 127.0.0.1 (a throw-away http.server on a free
port), prints its rapport.html with Debian's Chromium (--print-to-pdf, no
browser header or footer; the page's own @page rules give the paper size and
the page numbers), then checks with poppler's pdfinfo and pdftotext:

- every page is A4 (595 x 842 pt, to 1 pt);
- the page count is within --min-pages and --max-pages;
- the text holds each --expect TEXT;
- every page from the second on carries "Page K sur N" (N: the page count), or
  the --page-number pattern ("Page {page} of {pages}" for an English report);
- with --running-title TEXT, TEXT is the first line of every page from the
  second on;
- for each --same-page "A|B", A and B occur on one same page (use it to keep
  a chart's caption, e.g. "Figure 1 :", with the chart's first bar label).

Texts are compared after turning U+202F and U+00A0 (and thin, figure spaces)
into plain spaces, undoing typographic ligatures and collapsing any run of
white space, line breaks included, to one space.

With --from-pdf PDF it checks that PDF (printed by `etude pdf`) instead of
printing one. Writes the PDF to --pdf OUT, or to a temporary file that is removed on
success (kept, and named, on failure). Prints each failure and exits 1 on
any; on success prints `pdf: N pages, A4, all checks passed`.

Standard library only; needs /usr/bin/chromium, pdfinfo and pdftotext.
"""

import argparse
import functools
import http.server
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
PRINT_TIMEOUT = 120  # seconds
TOOL_TIMEOUT = 60  # seconds, pdfinfo / pdftotext
A4 = (595.0, 842.0)  # points (595.276 x 841.89)
A4_TOLERANCE = 1.0
REPORT = "rapport.html"

# Keep loopback traffic away from any proxy.
for _k in ("NO_PROXY", "no_proxy"):
    os.environ[_k] = ",".join(
        x for x in (os.environ.get(_k), "127.0.0.1", "localhost") if x
    )

SPACES = {"\u202f": " ", "\u00a0": " ", "\u2009": " ", "\u2007": " ", "\u200a": " "}
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_TRANSLATE = str.maketrans({**SPACES, **LIGATURES})


def normalise(text):
    """Plain spaces, no ligatures, every run of white space as one space."""
    return re.sub(r"\s+", " ", text.translate(_TRANSLATE)).strip()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def start_server(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def print_to_pdf(url, out):
    """Runs headless Chromium in its own process group (killed as a whole on
    timeout) with a throw-away profile. Raises RuntimeError on failure."""
    profile = tempfile.mkdtemp(prefix="pdf-check-profile-")
    cmd = [
        CHROMIUM,
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-pdf-header-footer",
        "--no-proxy-server",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={out}",
        url,
    ]
    try:
        if out.exists():
            out.unlink()
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            output, _ = proc.communicate(timeout=PRINT_TIMEOUT)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            proc.communicate()
            raise RuntimeError(f"Chromium did not print within {PRINT_TIMEOUT} s")
        _kill_group(proc.pid)  # any helper process left behind
        if not out.exists() or out.stat().st_size == 0:
            tail = "\n    ".join(
                output.decode("utf-8", "replace").strip().splitlines()[-10:]
            )
            raise RuntimeError(
                f"Chromium wrote no PDF (exit status {proc.returncode})"
                + (f"; its last lines:\n    {tail}" if tail else "")
            )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_tool(args):
    try:
        done = subprocess.run(
            args, capture_output=True, timeout=TOOL_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise RuntimeError(f"{args[0]} not found (apt-get install poppler-utils)")
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{args[0]} did not finish within {TOOL_TIMEOUT} s")
    if done.returncode != 0:
        raise RuntimeError(
            f"{args[0]} failed: {done.stderr.decode('utf-8', 'replace').strip()}"
        )
    return done.stdout.decode("utf-8", "replace")


def page_count_and_sizes(pdf):
    info = run_tool(["pdfinfo", str(pdf)])
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    if not m:
        raise RuntimeError("pdfinfo gives no page count")
    pages = int(m.group(1))
    sizes = {}
    if pages:
        per_page = run_tool(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)])
        for n, w, h in re.findall(
            r"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)", per_page, re.M
        ):
            sizes[int(n)] = (float(w), float(h))
    return pages, sizes


def page_texts(pdf):
    """The text of each page (pdftotext -layout separates pages with form
    feeds), raw and normalised."""
    text = run_tool(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"])
    raw = text.split("\f")
    if raw and not raw[-1].strip():
        raw = raw[:-1]
    return raw, [normalise(t) for t in raw]


def pages_with(needle, pages):
    return [i + 1 for i, t in enumerate(pages) if needle in t]


def fmt_pages(numbers):
    if not numbers:
        return "no page"
    if len(numbers) > 8:
        return "pages " + ", ".join(map(str, numbers[:8])) + ", …"
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(map(str, numbers))


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Print REPORT_HTML_DIR/rapport.html to PDF with headless "
        "Chromium and check the PDF (A4, page count, page numbers, texts)."
    )
    p.add_argument("directory", metavar="REPORT_HTML_DIR",
                   help="folder holding rapport.html and its assets/")
    p.add_argument("--pdf", metavar="OUT", type=Path,
                   help="where to write the PDF (default: a temporary file)")
    p.add_argument("--from-pdf", metavar="PDF", type=Path,
                   help="check this PDF (as `etude pdf` printed it) instead of "
                   "printing REPORT_HTML_DIR/rapport.html")
    p.add_argument("--min-pages", type=int, default=4, metavar="N",
                   help="fewest pages allowed (default 4)")
    p.add_argument("--max-pages", type=int, default=40, metavar="N",
                   help="most pages allowed (default 40)")
    p.add_argument("--running-title", metavar="TEXT",
                   help="text that must head every page after the cover "
                   "(the first line of its text)")
    p.add_argument("--page-number", default="Page {page} sur {pages}", metavar="PATTERN",
                   help="how pages are numbered, {page} and {pages} standing for the numbers")
    p.add_argument("--expect", action="append", default=[], metavar="TEXT",
                   help="text the PDF must contain (repeatable)")
    p.add_argument("--same-page", action="append", default=[], metavar="A|B",
                   help="two texts that must occur on one same page, "
                   "separated by the first '|' (repeatable)")
    args = p.parse_args(argv)
    for pair in args.same_page:
        a, sep, b = pair.partition("|")
        if not sep or not a.strip() or not b.strip():
            p.error(f"--same-page wants \"A|B\" with two non-empty texts, got {pair!r}")
    if args.min_pages > args.max_pages:
        p.error("--min-pages is greater than --max-pages")
    return args


def main(argv):
    args = parse_args(argv)
    directory = Path(args.directory)
    report = directory / REPORT
    if not report.is_file():
        print(f"pdf: {report} not found", file=sys.stderr)
        return 1
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            print(f"pdf: {tool} not found (apt-get install poppler-utils)",
                  file=sys.stderr)
            return 1
    if not args.from_pdf and not os.access(CHROMIUM, os.X_OK):
        print(f"pdf: {CHROMIUM} not found (apt-get install chromium)",
              file=sys.stderr)
        return 1

    temp_dir = None
    if args.from_pdf:
        out = args.from_pdf.resolve()
        if not out.is_file():
            print(f"pdf: {out} not found", file=sys.stderr)
            return 1
    elif args.pdf:
        out = args.pdf.resolve()
        out.parent.mkdir(parents=True, exist_ok=True)
    else:
        temp_dir = Path(tempfile.mkdtemp(prefix="pdf-check-"))
        out = temp_dir / "rapport.pdf"

    failures = []

    def fail(message):
        failures.append(message)
        print(f"pdf: FAIL {message}", file=sys.stderr)

    try:
        if not args.from_pdf:
            server = start_server(directory.resolve())
            try:
                url = f"http://127.0.0.1:{server.server_address[1]}/{REPORT}"
                print_to_pdf(url, out)
            finally:
                server.shutdown()
                server.server_close()
        pages, sizes = page_count_and_sizes(out)
        raw_texts, texts = page_texts(out)
    except RuntimeError as e:
        print(f"pdf: {e}", file=sys.stderr)
        return 1

    # Paper size.
    wrong = [
        f"page {n}: {w:g} × {h:g} pt"
        for n, (w, h) in sorted(sizes.items())
        if abs(w - A4[0]) > A4_TOLERANCE or abs(h - A4[1]) > A4_TOLERANCE
    ]
    if len(sizes) != pages:
        fail(f"pdfinfo gives the size of {len(sizes)} of {pages} pages")
    if wrong:
        fail("pages not A4 (595 × 842 pt; does the CSS say @page { size: A4 }?): "
             + "; ".join(wrong[:5]) + (" …" if len(wrong) > 5 else ""))

    # Page count.
    if not args.min_pages <= pages <= args.max_pages:
        fail(f"{pages} pages, expected between {args.min_pages} and {args.max_pages}")
    if len(texts) != pages:
        fail(f"pdftotext gives {len(texts)} pages of text, pdfinfo {pages}")

    # Page numbers: "Page K sur N" (or --page-number) on every page but the cover.
    def number(k):
        return args.page_number.replace("{page}", str(k)).replace("{pages}", str(pages))
    if pages >= 2:
        missing = [k for k in range(2, pages + 1)
                   if k > len(texts) or number(k) not in texts[k - 1]]
        if 2 in missing:
            fail(f"no \"{number(2)}\" on page 2 "
                 f"(found on {fmt_pages(pages_with(number(2), texts))}; "
                 "is there an @page @bottom-center with counter(page) and counter(pages)?)")
        elif missing:
            fail(f"\"{number('K')}\" missing on {fmt_pages(missing)}")

    # Running title: the first line of every page after the cover.
    if args.running_title:
        wanted = normalise(args.running_title)
        without = [k for k in range(2, len(raw_texts) + 1)
                   if normalise(next((l for l in raw_texts[k - 1].splitlines() if l.strip()), "")) != wanted]
        if without:
            fail(f"running title {args.running_title!r} does not head {fmt_pages(without)}")

    # Expected texts.
    for text in args.expect:
        needle = normalise(text)
        if not pages_with(needle, texts):
            fail(f"text not found: {text!r}")

    # Pairs on one same page.
    for pair in args.same_page:
        a, _, b = pair.partition("|")
        na, nb = normalise(a), normalise(b)
        on_a, on_b = pages_with(na, texts), pages_with(nb, texts)
        if not set(on_a) & set(on_b):
            fail(f"{a!r} and {b!r} are not on one same page: "
                 f"{a!r} on {fmt_pages(on_a)}, {b!r} on {fmt_pages(on_b)}")

    if failures:
        print(f"pdf: {len(failures)} check(s) failed; PDF kept at {out}",
              file=sys.stderr)
        return 1
    if temp_dir is not None:
        shutil.rmtree(temp_dir, ignore_errors=True)
    print(f"pdf: {pages} pages, A4, all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
