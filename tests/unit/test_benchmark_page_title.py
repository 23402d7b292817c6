"""benchmarks.page_title: whole-page text's title chooser, its table and its scoring, on pages
made here; and the cleaner reading the chooser's weights from the package."""

from __future__ import annotations

import json

import pytest
from benchmarks.page_title import accuracy, page_candidates

from articlekit.cleaners import page_titles
from articlekit.cleaners.page_titles import PAGE_TITLE_FEATURES, page_title, page_title_model
from articlekit.scorer import BlockScorer
from weights import logistic

HEADLINE = "Talks resume in Istanbul after months of delay"
STORY = [
    "Negotiators for both countries met on Monday in Istanbul and agreed to resume the "
    "exchange of prisoners, officials said after the talks.",
    "The exchanges stopped in May, when both sides accused each other of delays, and the "
    "mediators had tried since then to bring them back to the table.",
]


def _line(gold: dict[str, object]) -> str:
    text = "\n".join([f"{HEADLINE} | The Daily Planet", "Home", "World", HEADLINE, *STORY])
    return json.dumps({"id": "p1", "dataset": "test", "url": None, "page_text": text, "gold": gold})


def test_the_table_holds_the_first_lines_candidates() -> None:
    page = page_candidates(_line({"title": HEADLINE.upper()}))
    assert page is not None
    rights = {text: right for text, _, right in page["candidates"]}
    assert rights == {
        f"{HEADLINE} | The Daily Planet": False,
        HEADLINE: True,
        "The Daily Planet": False,
    }
    assert all(len(row) == len(PAGE_TITLE_FEATURES) for _, row, _ in page["candidates"])
    assert page_candidates(_line({"title": None})) is None


def _weights(bias: float = 0.0, **weights: float) -> dict[str, object]:
    return logistic(PAGE_TITLE_FEATURES, bias, **weights)


def _row(**values: float) -> list[float]:
    return [values.get(f, 0.0) for f in PAGE_TITLE_FEATURES]


def test_accuracy_counts_a_pick_only_at_the_threshold() -> None:
    pages = [
        {"candidates": [("A | Site", _row(whole_line=1), False), ("A", _row(repeated=1), True)]},
        {"candidates": [("B", _row(whole_line=1.0, repeated=1.0), True)]},
        {"candidates": []},  # no candidate: the chooser has nothing to say
    ]
    assert accuracy(None, pages) == 1 / 3  # the first line whole
    assert accuracy(_weights(repeated=2.0), pages) == 2 / 3
    # The best candidate under the threshold is no title.
    assert accuracy(_weights(bias=-5.0, repeated=2.0), pages) == 0.0


def test_the_cleaner_reads_the_shipped_model_or_one_put_in_its_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert page_title_model().features == PAGE_TITLE_FEATURES
    lines = [f"{HEADLINE} | The Daily Planet", "Home", HEADLINE, *STORY]
    best = page_title(lines)
    assert best is not None and best.text == HEADLINE
    # Weights that rate every candidate under the threshold: no title from the first line.
    monkeypatch.setattr(page_titles, "_PAGE_TITLE_MODEL", BlockScorer.from_dict(_weights(-20.0)))
    assert page_title(lines) is None
