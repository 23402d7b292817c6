"""benchmarks.metadata_speed: read_metadata against clean_html, on made-up records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.metadata_speed import FIELDS, FileResult, add_page, main, report

STORY = (
    "<p>Negotiators for both countries met on Monday in Istanbul and agreed to resume the "
    "exchange of prisoners of war, officials said after the talks ended late at night.</p>"
    "<p>The first exchange could take place before the end of the month, a spokesman said.</p>"
)
PAGE = (
    "<html lang='en'><head><title>Talks resume | The Ledger</title>"
    '<meta property="og:site_name" content="The Ledger">'
    '<meta property="article:published_time" content="2025-11-16T09:30:00+02:00">'
    '<meta name="author" content="Olena Kovalenko"></head>'
    f"<body><article><h1>Talks resume</h1>{STORY}</article></body></html>"
)
GOLD = {"title": "Talks resume", "authors": ["Olena Kovalenko"], "date": "2025-11-16"}


def test_a_page_adds_both_times_every_field_and_the_gold_scores():
    result = FileResult()
    add_page(result, {"html": PAGE, "url": "https://ledger.test/a", "gold": GOLD}, repeat=2)
    assert result.pages == result.compared == 1
    assert result.seconds["clean_html"] > 0 and result.seconds["read_metadata"] > 0
    assert set(result.same) == set(FIELDS) and result.same["title"] == 1
    assert result.gold["read_metadata"] == {"title": [True], "authors": [True], "date": [True]}
    assert result.gold["clean_html"]["date"] == [True]
    assert len(result.ratios) == 1 and result.ratios[0] > 0


def test_the_per_page_speed_ups_give_a_median_and_the_share_at_the_bar():
    result = FileResult(ratios=[2.0, 6.0, 5.0, 9.0])
    assert result.per_page() == "median 5.5x, 0.750 of the pages >= 5x"
    assert (
        FileResult(ratios=[4.0, 7.0, 1.0]).per_page(bar=4)
        == "median 4.0x, 0.667 of the pages >= 4x"
    )
    assert FileResult().per_page() == "-"


def test_a_page_without_main_text_is_compared_on_its_metadata():
    page = PAGE.replace(STORY, "")
    result = FileResult()
    add_page(result, {"html": page, "gold": {}}, repeat=1)
    assert result.compared == 1 and result.errors == {"clean_html": 0, "read_metadata": 0}
    assert result.same["published day"] == 1


def test_a_failure_counts_as_an_error_not_a_comparison():
    result = FileResult()
    add_page(result, {"html": "plain text, no markup at all"}, repeat=1)
    assert result.errors == {"clean_html": 1, "read_metadata": 1} and result.compared == 0
    assert "errors: clean_html 1, read_metadata 1" in report("set", result, markdown=False)


def test_main_prints_a_table_per_file_and_skips_plain_text_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    pages = tmp_path / "pages.jsonl.gz"
    with gzip.open(pages, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"html": PAGE, "gold": GOLD}) + "\n")
    plain = tmp_path / "plain.jsonl.gz"
    with gzip.open(plain, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": "A line.", "gold": {}}) + "\n")
    assert main([str(pages), str(plain), "--repeat", "1", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "pages.jsonl.gz: 1 pages; clean_html" in out
    assert "| title" in out and "| date" in out
    assert "plain.jsonl.gz: no page with html: skipped" in out
    assert main([str(pages), "--repeat", "0"]) == 2
