"""benchmarks.name_model's table and its scoring, on records made here (no training library)."""

from __future__ import annotations

import json

from benchmarks.name_model import accuracy, page_candidates

from articlekit.cleaners import bylines
from articlekit.name_lines import NAME_FEATURES
from weights import logistic
from whole_pages import menu, story

HEADLINE = "Ferry timetable approved after long debate"


def _line(gold: dict[str, object], *over_story: str) -> str:
    text = "\n".join(["Harbour News", *menu(12), HEADLINE, *over_story, *story(), "Contact us"])
    return json.dumps({"id": "r1", "page_text": text, "gold": gold})


def test_the_table_holds_the_lines_the_vote_weighed_and_the_authors_without_it() -> None:
    page = page_candidates(_line({"authors": ["Ann Lee"]}, "Ann Lee", "April 10, 2025"))
    assert page is not None
    assert page["asked"] and page["authors"] == []  # the vote left out: nobody named
    assert [text for text, _ in page["candidates"]] == ["Ann Lee"]
    assert all(len(row) == len(NAME_FEATURES) for _, row in page["candidates"])
    # The cleaner's own vote is back in place after the table is read.
    assert bylines.choose_name.__module__ == "articlekit.name_lines"


def test_a_record_the_byline_rules_already_name_keeps_its_authors() -> None:
    page = page_candidates(_line({"authors": ["Ann Lee"]}, "By Ann Lee", "April 10, 2025"))
    assert page is not None
    assert page["authors"] == ["Ann Lee"] and not page["asked"]


def test_a_record_without_gold_authors_is_not_in_the_table() -> None:
    assert page_candidates(_line({"title": "x"}, "Ann Lee")) is None


def _weights(**weights: float) -> dict[str, object]:
    return logistic(NAME_FEATURES, -2.0, **weights)


def _page(
    gold: list[str], candidates: list[tuple[str, list[float]]], **kw: object
) -> dict[str, object]:
    page: dict[str, object] = {"gold": gold, "language": "en", "authors": [], "asked": True}
    return {**page, "candidates": candidates, **kw}


def test_accuracy_without_and_with_a_vote() -> None:
    plain = [0.0] * len(NAME_FEATURES)
    dated = [1.0 if f == "next_dated" else 0.0 for f in NAME_FEATURES]
    pages = [
        _page(["Ann Lee"], [("Open Menu", plain), ("Ann Lee", dated)]),
        _page(["Bo Chen"], [("Top News", dated)]),  # the vote names the wrong line
        _page(["Cy Diaz"], [], authors=["Cy Diaz"], asked=False),  # named before the vote
        _page([], [("Dee Eve", dated)]),  # no gold authors: not scored
    ]
    assert accuracy(None, pages) == 1 / 3
    assert accuracy(_weights(next_dated=4.0), pages) == 2 / 3
