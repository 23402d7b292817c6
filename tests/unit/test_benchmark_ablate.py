"""benchmarks.ablate: each cleaner's worth on labelled records (records made up here)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.ablate import DEFAULT, main, page_scores, pipelines, rows

PARAS = [
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall.",
    "The new timetable adds a boat every hour to the islands of the bay, and the harbour "
    "master said the ferries would also run late on Friday and Saturday nights.",
    "Fares stay the same until the spring, when the council will look at them again with "
    "the operators and the islanders' association, the harbour master added.",
]
RECORD = {
    "id": "r1",
    "text": "\n\n".join([PARAS[0], "Advertisement", PARAS[1], PARAS[2]]),
    "gold": {"body": PARAS, "junk": ["Advertisement"]},
}


def test_variants_leave_out_or_move_one_cleaner_each():
    found = pipelines(order=False)
    default = found[DEFAULT]
    assert "remove_ad_labels" not in found["remove_ad_labels"]
    assert len(found["remove_ad_labels"]) == len(default) - 1
    assert "mark_headings" not in found  # removes nothing: in every variant
    moved = pipelines(order=True)["remove_ad_labels"].names
    assert moved.index("remove_ad_labels") == moved.index("keep_article_core") + 1
    assert "remove_separators" not in pipelines(order=True)  # already after the core


def test_page_scores_without_the_ad_cleaner_leak_the_label():
    scores = page_scores(json.dumps(RECORD), "text", False)
    assert scores is not None
    assert scores[DEFAULT]["junk_leaked"] == (0, 1)
    assert scores["remove_ad_labels"]["junk_leaked"] == (1, 1)
    assert scores[DEFAULT]["body_lost"] == (0, 3)
    # No HTML in the record: nothing to read on that path.
    assert page_scores(json.dumps(RECORD), "html", False) is None


def test_rows_give_each_variant_against_the_default():
    figures = {
        DEFAULT: {"f": 0.9, "lost": 3, "leaked": 1},
        "remove_ad_labels": {"f": 0.85, "lost": 3, "leaked": 2},
    }
    assert rows(figures) == [
        [DEFAULT, "0.90000", "3", "1"],
        ["remove_ad_labels", "-0.05000", "+0", "+1"],
    ]


def test_main_prints_the_table_and_writes_json(tmp_path: Path, capsys):
    data = tmp_path / "tiny.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(RECORD) + "\n")
    out = tmp_path / "figures.json"
    assert main([str(data), "--jobs", "1", "--markdown", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "tiny.jsonl.gz: clean_text" in printed
    assert "| remove_ad_labels |" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))["tiny.jsonl.gz"]
    assert saved["remove_ad_labels"]["leaked"] == saved[DEFAULT]["leaked"] + 1


def test_main_names_a_missing_file(tmp_path: Path):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "nope.jsonl.gz")])
