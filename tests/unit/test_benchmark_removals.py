"""benchmarks.removals: removals by reason, labelled by the gold (records made up here)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.removals import main, page_counts

PARAS = [
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall.",
    "The new timetable adds a boat every hour to the islands of the bay, and the harbour "
    "master said the ferries would also run late on Friday and Saturday nights.",
    "Fares stay the same until the spring, when the council will look at them again with "
    "the operators and the islanders' association, the harbour master added.",
]


def _record(**extra: object) -> dict[str, object]:
    # The first paragraph printed twice (a repeat the cleaners drop) and an ad label.
    text = "\n\n".join([PARAS[0], "Advertisement", PARAS[1], PARAS[0], PARAS[2]])
    return {"id": "r1", "dataset": "test", "text": text, **extra}


def test_page_counts_label_each_removal_by_the_gold():
    line = json.dumps(_record(gold={"body": PARAS, "junk": ["Advertisement"]}))
    counts, gold = page_counts(line)
    # The second copy of a story paragraph is story text (the gold holds it once: the
    # caveat the module's docstring names); the ad label is other text.
    assert counts[("text", "duplicate_block", "story")] > 0
    assert counts[("text", "duplicate_block", "removals")] == 1
    assert counts[("text", "ad_label", "other")] == 1
    assert counts[("text", "ad_label", "story")] == 0
    assert gold["text"] == sum(len(p.split()) for p in PARAS)


def test_page_counts_with_a_page_gold_label_by_shingles():
    # A page's gold text labels by 4-token shingles, a short removal by its tokens in a row.
    record = _record(gold={"text": "\n".join(PARAS)})
    record["page_text"] = record.pop("text")
    counts, gold = page_counts(json.dumps(record))
    assert counts[("text", "duplicate_block", "story")] == len(PARAS[0].split())
    assert counts[("text", "ad_label", "other")] == 1
    assert gold["text"] == sum(len(p.split()) for p in PARAS)


def test_page_counts_of_records_with_nothing_to_read_or_unlisted_lines():
    line = json.dumps(_record(gold={"text": "\n".join(PARAS)}, text=None))
    assert page_counts(line) == ({}, {})  # no html, no text: nothing is read
    # A plain-text record's line in neither list is not known to be either.
    counts, _ = page_counts(json.dumps(_record(gold={"body": PARAS[1:], "junk": []})))
    assert counts[("text", "ad_label", "unknown")] == 1


def test_main_prints_a_table_per_path_and_writes_json(tmp_path: Path, capsys):
    data = tmp_path / "tiny.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(_record(gold={"body": PARAS, "junk": ["Advertisement"]})) + "\n")
    out = tmp_path / "counts.json"
    assert main([str(data), "--jobs", "1", "--markdown", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "tiny.jsonl.gz: clean_text" in printed
    assert "| duplicate_block | 1 |" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))["tiny.jsonl.gz"]
    assert ["text", "ad_label", "other", 1] in saved["counts"]


def test_main_names_a_missing_file(tmp_path: Path):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "nope.jsonl.gz")])
