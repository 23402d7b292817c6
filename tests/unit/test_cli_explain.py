"""`articlekit explain`: order, colour on and off (NO_COLOR), records, HTML report, exit codes."""

from __future__ import annotations

import io
import json

import pytest

from articlekit.cli import main

PAGE = "\n".join(
    [
        "BREAKING: Talks resumed in Istanbul on Monday, officials said after a long delay.",
        "Advertisement",
        "The two sides met for three hours and agreed to meet again within a month.",
        "Also Read: Markets rally as oil falls",
    ]
)
HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title></head><body>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs, the port authority said.</p>
<p>Advertisement</p>
<p>Engineers replaced two cranes and rebuilt the eastern quay, which the storm flooded.</p>
<p>Ferries will run on the normal timetable from Thursday, officials said on Monday.</p>
</article></body></html>"""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(*argv: str, stdin: str = "", stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = stdout if stdout is not None else io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def pages(tmp_path):
    path = tmp_path / "pages.jsonl"
    rows = [
        {"url": "https://example.org/1", "text": PAGE},
        {"url": "https://example.org/2", "text": "Advertisement\n" + PAGE.splitlines()[2]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_colour_setting(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_lists_the_input_in_order_with_reasons_and_summary(page):
    code, out, err = run("explain", str(page))
    assert code == 0 and err == ""
    body = [line for line in out.splitlines() if line[:4].strip().isdigit()]
    assert body == [
        "   0 - [kicker · trim_kickers] BREAKING:",
        "   0   Talks resumed in Istanbul on Monday, officials said after a long delay.",
        "   1 - [ad_label · remove_ad_labels] Advertisement",
        "   2   The two sides met for three hours and agreed to meet again within a month.",
        "   3 - [related_link · remove_related_links] Also Read: Markets rally as oil falls",
    ]
    assert out.rstrip().endswith("ad_label 1, kicker 1, related_link 1")
    assert "\x1b" not in out  # not a terminal: no colour


def test_colour_on_a_terminal_and_with_always(page):
    _, out, _ = run("explain", str(page), stdout=Terminal())
    assert "\x1b[2;9mAdvertisement\x1b[0m" in out
    _, out, _ = run("explain", "--color", "always", str(page))
    assert "\x1b[2;9mAdvertisement\x1b[0m" in out
    _, out, _ = run("explain", "--color", "never", str(page), stdout=Terminal())
    assert "\x1b" not in out


def test_no_color_turns_auto_off_but_not_always(page, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run("explain", str(page), stdout=Terminal())
    assert "\x1b" not in out
    _, out, _ = run("explain", "--color", "always", str(page), stdout=Terminal())
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset (no-color.org)
    _, out, _ = run("explain", str(page), stdout=Terminal())
    assert "\x1b[" in out


def test_stdin_and_without(page):
    code, out, _ = run("explain", "--without", "remove_ad_labels", "-", stdin=PAGE)
    assert code == 0
    assert "   1   Advertisement" in out and "ad_label" not in out


def test_html_input(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    code, out, _ = run("explain", str(path))
    assert code == 0
    assert "- [ad_label · remove_ad_labels] Advertisement" in out
    assert "title: Harbour reopens after storm" in out


def test_html_report_is_written_instead_of_printing(page, tmp_path):
    report = tmp_path / "report.html"
    code, out, err = run("explain", "--html", str(report), str(page))
    assert code == 0 and out == ""
    assert f"wrote {report} (2 blocks kept, 3 pieces removed)" in err
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<del class="removed" data-reason="kicker" data-cleaner="trim_kickers">' in html


def test_jsonl_explains_every_record_with_a_heading(pages):
    code, out, _ = run("explain", str(pages))
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("==")]
    assert headings == [
        f"== {pages}:1 https://example.org/1",
        f"== {pages}:2 https://example.org/2",
    ]
    assert out.count("pieces removed") == 1 and out.count("1 piece removed") == 1


def test_record_picks_one_and_a_missing_one_is_a_usage_error(pages, tmp_path):
    code, out, _ = run("explain", "--record", "2", str(pages))
    assert code == 0
    assert f"== {pages}:2" in out and f"{pages}:1" not in out
    code, out, err = run("explain", "--record", "9", str(pages))
    assert code == 2 and out == "" and "no record 9" in err
    code, _, _ = run("explain", "--record", "0", str(pages))  # argparse reports on sys.stderr
    assert code == 2


def test_html_report_needs_one_record(pages, tmp_path):
    report = tmp_path / "r.html"
    code, _, err = run("explain", "--html", str(report), str(pages))
    assert code == 2 and "--record N" in err and not report.exists()
    code, _, _ = run("explain", "--html", str(report), "--record", "1", str(pages))
    assert code == 0 and "https://example.org/1" in report.read_text(encoding="utf-8")


def test_failures_exit_1_and_the_others_are_still_explained(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "' + PAGE.replace("\n", "\\n") + '"}\n{not json\n', "utf-8")
    code, out, err = run("explain", str(path))
    assert code == 1
    assert "Talks resumed" in out
    assert f"{path}:2: not a JSON line" in err and "1 of 2 records failed" in err


def test_missing_file_empty_input_and_bad_usage(tmp_path, page):
    code, _, err = run("explain", str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt: no such file" in err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    code, _, err = run("explain", str(empty))
    assert code == 1 and "no page to explain" in err
    code, _, _ = run("explain", "--color", "sometimes", str(page))
    assert code == 2
    code, _, err = run("explain", "--html", str(tmp_path / "no" / "dir.html"), str(page))
    assert code == 2 and "cannot write" in err
    code, _, err = run("explain", "--without", "no_such_cleaner", str(page))
    assert code == 2 and "no_such_cleaner" in err
