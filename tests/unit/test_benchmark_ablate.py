"""benchmarks.ablate: each cleaner's worth on labelled records (records made up here)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.ablate import DEFAULT, main, page_scores, pipelines, rows

PARAS = [
    "The river authority opened the new lock on Thursday, ten months after the old gates "
    "failed in a spring flood and barges had to unload their cargo at the weir.",
    "Boats of up to eighty metres can pass the lock again, the authority said, and the towpath "
    "along the canal reopens for walkers and cyclists at the weekend.",
    "Repairs to the weir itself begin in the autumn and will last two years, during which the "
    "lock keepers will work in shifts around the clock, the authority added.",
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
    # A plain .jsonl file is read as well as a gzipped one.
    (tmp_path / "tiny.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    argv = [str(tmp_path / "tiny.jsonl"), "--jobs", "1", "--markdown"]
    assert main([*argv, "--out", str(tmp_path / "figures.json")]) == 0
    printed = capsys.readouterr().out
    assert "tiny.jsonl: clean_text" in printed and "| remove_ad_labels |" in printed
    saved = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert saved["tiny.jsonl"]["remove_ad_labels"]["leaked"] == 1
    assert saved["tiny.jsonl"][DEFAULT]["leaked"] == 0
    with gzip.open(tmp_path / "tiny.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(RECORD) + "\n")
    assert main([str(tmp_path / "tiny.jsonl.gz"), "--jobs", "1", "--path", "html"]) == 0
    assert "no record to read on the html path" in capsys.readouterr().out


def test_main_names_a_missing_file(tmp_path: Path):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "nope.jsonl.gz")])
