"""The ``articlekit explain --html`` report in a real browser: headless Chromium renders it.

The report is written for a page full of hostile markup (a ``<script>`` in the headline, an
``<img onerror>`` in a paragraph, script in the related-link line), loaded from a file in
``chromium --headless``, and the DOM Chromium ends up with is checked: the removed pieces are
``<del>`` elements in input order with their reason codes, and no element and no effect of
the page's markup is there. A control renders the hostile page itself, to show that the probes
(``document.title``, ``<body data-pwned>``) do catch script that runs.

Needs Chromium (Debian: ``apt-get install chromium``); without it the test fails, it is never
skipped. Artefacts (report, dumped DOM, screenshot PNG) are written to ``tests/artifacts/``
(git-ignored), or to the folder ``ARTICLEKIT_TEST_ARTIFACTS`` names.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import lxml.html
import pytest

import articlekit
from articlekit import DEFAULT_PIPELINE
from articlekit.report import explain_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("ARTICLEKIT_TEST_ARTIFACTS") or ROOT / "tests" / "artifacts")
WINDOW = (1000, 1400)

SCRIPT = "<script>document.title='pwned'</script>"
IMG = '<img src=x onerror="document.body.dataset.pwned=1">'
# Page text that *mentions* markup (escaped in the page, so text there); the page also
# carries real script and an image whose error handler runs, for the control.
HOSTILE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour reopens</title>
<script>document.title='pwned-head'</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour {SCRIPT.replace("<", "&lt;").replace(">", "&gt;")} reopens after storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs, the port authority said in a
statement to reporters at the quay.</p>
<p>Advertisement</p>
<p>Engineers replaced two cranes and rebuilt the eastern quay, which the storm had flooded
with more than a metre of water during the night.</p>
<p>A sign by the gate, written by a worker as a joke about the port's website, read
{IMG.replace("<", "&lt;").replace(">", "&gt;")} and stayed up for most of the day, officials
said.</p>
<p>Also Read: {SCRIPT.replace("<", "&lt;").replace(">", "&gt;")} Storm season brings record
rainfall</p>
<p>Ferries will run on the normal timetable from Thursday, and freight traffic is expected to
return to its usual level within a fortnight.</p>
</article>
<script>document.title='pwned-body'</script>
{IMG}
</body></html>
"""


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.fail(
            "the browser test needs Chromium on PATH: install it (Debian/Ubuntu: "
            "apt-get install chromium; .ci/run does it in CI)",
            pytrace=False,
        )
    return exe


def _render_all(pages: dict[str, Path], profile_root: Path, screenshot: Path) -> dict[str, str]:
    """Load each file in headless Chromium (in parallel) and return the DOMs it ends with.

    ``--dump-dom`` prints the document after its load event, so scripts and error handlers
    that the page could run have run. The first page is also screenshot.
    """
    exe = _chromium()
    procs = {}
    for i, (name, path) in enumerate(pages.items()):
        args = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile_root / name}",  # runs in parallel: one profile each
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            "--dump-dom",
        ]
        if i == 0:
            args.append(f"--screenshot={screenshot}")
        args.append(path.as_uri())
        procs[name] = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    doms = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, f"chromium failed on {name}: {err[-2000:]}"
        doms[name] = out
    return doms


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # remove_markup would drop every block that mentions a tag; without it the hostile text
    # also reaches kept blocks, so the report shows it both kept and struck through.
    article = articlekit.clean_html(
        HOSTILE_PAGE, pipeline=DEFAULT_PIPELINE.without("remove_markup")
    )
    report = explain_html(article, source="hostile.html")
    paths = {
        "report": ARTIFACTS / "explain-report.html",
        # The same report without its Content-Security-Policy: escaping alone must hold.
        "report_without_csp": tmp / "report-without-csp.html",
        "control": tmp / "hostile.html",
    }
    paths["report"].write_text(report, encoding="utf-8")
    without_csp = report.replace('http-equiv="Content-Security-Policy"', "", 1)
    assert without_csp != report
    paths["report_without_csp"].write_text(without_csp, encoding="utf-8")
    paths["control"].write_text(HOSTILE_PAGE, encoding="utf-8")
    screenshot = ARTIFACTS / "explain-report.png"
    screenshot.unlink(missing_ok=True)
    doms = _render_all(paths, tmp, screenshot)
    (ARTIFACTS / "explain-report.dom.html").write_text(doms["report"], encoding="utf-8")
    print(f"browser artefacts: {ARTIFACTS}")  # shown with pytest -s or -rP
    return {name: lxml.html.document_fromstring(dom) for name, dom in doms.items()}, screenshot


def test_control_the_probes_catch_script_that_runs(rendered):
    doms, _ = rendered
    control = doms["control"]
    assert control.findtext(".//title").startswith("pwned")
    assert control.body.get("data-pwned") == "1"


@pytest.mark.parametrize("name", ["report", "report_without_csp"])
def test_no_markup_from_the_page_became_an_element_or_ran(rendered, name):
    doms, _ = rendered
    dom = doms[name]
    assert dom.xpath("//script") == [] and dom.xpath("//img") == []
    assert dom.body.get("data-pwned") is None
    title = dom.findtext(".//title")
    assert title == f"articlekit explain: Harbour {SCRIPT} reopens after storm"


def test_removed_pieces_are_del_elements_in_input_order(rendered):
    doms, _ = rendered
    dom = doms["report"]
    dels = dom.xpath("//main//del[@class='removed']")
    assert [d.get("data-reason") for d in dels] == ["title", "ad_label", "related_link"]
    assert [d.get("data-cleaner") for d in dels] == [
        "extract_title",
        "remove_ad_labels",
        "remove_related_links",
    ]
    assert dels[2].text_content() == f"Also Read: {SCRIPT} Storm season brings record rainfall"
    # Each removed piece is labelled with its reason code, right before it.
    labels = [d.getprevious().text_content() for d in dels]
    assert labels == ["title", "ad_label", "related_link"]
    # Blocks in input order, kept text (hostile text included) as text.
    blocks = dom.xpath("//main/div[@class='block']")
    assert [int(b.get("data-index")) for b in blocks] == list(range(len(blocks)))
    kept = [s.text_content() for s in dom.xpath("//main//span[@class='kept']")]
    assert any(IMG in text for text in kept)
    counts = {c.get("data-reason"): c.text_content() for c in dom.xpath("//span[@class='count']")}
    assert counts == {"title": "1", "ad_label": "1", "related_link": "1"}


def test_screenshot_is_a_png_of_the_window(rendered):
    _, screenshot = rendered
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    assert (width, height) == WINDOW
    assert len(data) > 20_000  # text was drawn: a blank page compresses to a few kB
