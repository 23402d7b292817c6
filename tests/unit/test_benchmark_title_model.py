"""benchmarks.title_model's table and its scoring, on pages made here (no training library)."""

from __future__ import annotations

import json

from benchmarks.title_model import accuracy, page_candidates

from articlekit.readers import title_vote
from articlekit.readers.title_vote import TITLE_FEATURES
from weights import logistic

STORY = "".join(
    f"<p>Paragraph {i} of the story tells how the harbour council approved the new ferry "
    "timetable after a long debate, and what the islanders said of it afterwards.</p>"
    for i in range(6)
)


def _line(gold: dict[str, object]) -> str:
    html = (
        "<html><head><title>Ferry timetable approved | Harbour News</title></head><body>"
        f"<h1>Ferry timetable approved</h1><article>{STORY}</article></body></html>"
    )
    return json.dumps({"id": "p1", "dataset": "test", "url": None, "html": html, "gold": gold})


def test_the_table_holds_the_titles_the_vote_weighed() -> None:
    page = page_candidates(_line({"title": "Ferry Timetable Approved"}))
    assert page is not None
    rights = {text: right for text, _, _, right in page["candidates"]}
    assert rights == {
        "Ferry timetable approved": True,
        "Ferry timetable approved | Harbour News": False,
        "Harbour News": False,
    }
    sources = {text: s for text, _, s, _ in page["candidates"]}
    assert sources["Ferry timetable approved"] == ["pipeline", "h1", "part"]
    assert all(len(row) == len(TITLE_FEATURES) for _, row, _, _ in page["candidates"])
    # The reader's own vote is back in place after the table is read.
    assert title_vote.choose_title.__module__ == "articlekit.readers.title_vote"


def test_a_page_without_a_gold_title_is_not_in_the_table() -> None:
    assert page_candidates(_line({"title": None})) is None
    assert page_candidates(_line({})) is None


def _weights(**weights: float) -> dict[str, object]:
    return logistic(TITLE_FEATURES, **weights)


def test_accuracy_of_the_cleaners_title_and_of_a_vote() -> None:
    zero = [0.0] * len(TITLE_FEATURES)
    h1 = [1.0 if f == "from_h1" else 0.0 for f in TITLE_FEATURES]
    pages = [
        {"candidates": [("A | Site", zero, ["pipeline"], False), ("A", h1, ["h1"], True)]},
        {"candidates": [("B", zero, ["pipeline"], True)]},
        {"candidates": [("C", h1, ["h1"], True)]},  # the cleaners found no title
    ]
    assert accuracy(None, pages) == 1 / 3
    assert accuracy(_weights(from_h1=1.0), pages) == 1.0
    assert accuracy(_weights(from_h1=-1.0), pages) == 2 / 3
    assert accuracy(None, []) == 0.0
