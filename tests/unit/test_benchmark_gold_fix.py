"""benchmarks.gold_fix: comments moved out of a gold text at a mistyped separator (made-up data)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.gold_fix import fix_record, main, split_comments

STORY = "The council approved the ferry timetable.\n\nBoats run every hour from May."
COMMENTS = "Ann 07.15.12 at 11:59\n\n    Great news for the islands!"


@pytest.mark.parametrize(
    "separator",
    [
        "!@#$%^&*() COMMENTS",
        "!@ $%^&*()  COMMENTS",
        "  #$%^&*()  COMMENTS",
        "!@#$%^&*()  COMMNENTS",
        "!@#$%^&*()  CORRECTED",
        "!@#$%^&*()",
        "!@#$%^&*()  \tCOMMENTS\r",
    ],
)
def test_split_comments_at_every_spelling_of_the_separator(separator):
    text = f"{STORY}\n\n\n\n{separator}\n\n\n{COMMENTS}\n"
    assert split_comments(text) == (STORY, COMMENTS.strip())


@pytest.mark.parametrize(
    "line",
    [
        "$$$$",  # a price range
        "*" * 40,  # a rule
        "(***) In general the readers drift from one blog to another.",  # a footnote mark
        "!!! COMMENTS",  # too few different symbols
        "Read the comments: !@#$%^&*()",  # not a line of its own
    ],
)
def test_article_lines_of_symbols_are_no_separator(line):
    assert split_comments(f"{STORY}\n\n{line}\n\nMore of the story.") is None


def test_fix_record_appends_to_the_comments_already_there():
    record = {
        "id": "7",
        "gold": {
            "text": f"{STORY}\n!@ $%^&*() COMMENTS\n{COMMENTS}",
            "comments": "Earlier comment.",
        },
    }
    assert fix_record(record)
    assert record["gold"]["text"] == STORY
    assert record["gold"]["comments"] == "Earlier comment.\n\n" + COMMENTS.strip()
    # Records without a separator, without gold text or without gold are left alone.
    for other in ({"gold": {"text": STORY}}, {"gold": {"with": ["x"]}}, {"text": "plain"}):
        before = json.dumps(other)
        assert not fix_record(other)
        assert json.dumps(other) == before


def test_main_writes_every_record_in_order_and_names_the_changed(tmp_path: Path, capsys):
    rows = [
        {"id": "a", "gold": {"text": STORY}},
        {"id": "b", "gold": {"text": f"{STORY}\n\n!@#$%^&*()  COMMENTS\n\n{COMMENTS}"}},
        {"id": "c", "text": "a plain-text record", "gold": {"body": ["x"], "junk": []}},
    ]
    source, out = tmp_path / "d.jsonl.gz", tmp_path / "fixed.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    assert main([str(source), "--out", str(out)]) == 0
    assert "1 of 3 records" in capsys.readouterr().out
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        written = [json.loads(line) for line in fh]
    assert [r["id"] for r in written] == ["a", "b", "c"]
    assert written[0] == rows[0] and written[2] == rows[2]
    assert written[1]["gold"] == {"text": STORY, "comments": COMMENTS.strip()}
    with pytest.raises(SystemExit):
        main([str(source), "--out", str(source)])
