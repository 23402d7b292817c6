"""benchmarks.language: stop words against langdetect and the declaration (made-up records)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.language import main, page_row, summary, told

ENGLISH = (
    "The city council voted on Tuesday to close the old ferry terminal by the end of the year, "
    "after a report found that the pier could not be repaired for less than the cost of a new "
    "one. Residents who use the ferry every day said they had not been told about the plan, and "
    "several of them asked the council to wait until there was a bus service to replace it."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, das alte Fährterminal bis zum Ende des Jahres zu "
    "schließen, nachdem ein Bericht ergeben hatte, dass der Anleger nicht mehr zu retten ist. "
    "Viele Anwohner, die jeden Tag mit der Fähre fahren, sagten, sie seien über den Plan nicht "
    "informiert worden, und baten den Rat, mit der Schließung noch zu warten."
)


def _line(text: str, lang: str | None) -> str:
    html = f'<html lang="{lang}"><body><p>x</p></body></html>' if lang else "<html></html>"
    return json.dumps({"id": "r", "page_text": text, "html": html})


def test_page_row_reads_prose_shares_langdetect_and_the_declaration():
    row = page_row(_line(GERMAN, "de-DE"))
    assert row is not None
    assert row["best"][1] == "de" and row["best"][0] > 0.25
    assert row["langdetect"] == "de"
    assert row["declared"] == "de"
    assert told(row, 0.25, 3.0, 50) == "de"
    # A stricter share than the prose reaches leaves the answer to langdetect.
    assert told(row, 0.99, 3.0, 50) is None


def test_page_row_skips_records_without_prose_or_text():
    assert page_row(json.dumps({"id": "r", "page_text": "Menu\nHome"})) is None
    assert page_row(json.dumps({"id": "r", "gold": {}})) is None


def test_summary_counts_a_wrong_declaration_against_both():
    rows = [page_row(_line(ENGLISH, "en")), page_row(_line(GERMAN, "en"))]
    cells = summary([r for r in rows if r is not None], 0.25, 3.0, 50)
    documents, said, agree, declared, alone, both, wrong = cells
    assert (documents, said, agree, declared) == ("2", "100.0%", "100.0%", "2")
    # The German page declares "en": neither way gets it "right", and the stop words never
    # contradict a langdetect answer the declaration confirms.
    assert (alone, both, wrong) == ("50.0%", "50.0%", "0")


def test_main_prints_the_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "set.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(_line(ENGLISH, "en") + "\n" + _line(GERMAN, None) + "\n")
    assert main([str(path), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "| set | 2 | 100.0% | 100.0% | 1 | 100.0% | 100.0% | 0 |" in out
    assert "| 0.25 | 3.0 | 2 |" in out
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing.jsonl")])
