"""benchmarks.date_model's table and its scoring, on pages made here (no training library).

Fitting needs scikit-learn (the ``train`` extra); what the table holds and how a fitted vote
is judged does not, and is checked here.
"""

from __future__ import annotations

import json

from benchmarks.date_model import accuracy, page_candidates

from articlekit.readers import page_dates
from articlekit.readers.page_dates import DATE_FEATURES
from weights import logistic

STORY = "".join(
    f"<p>Paragraph {i} of the story tells how the harbour council approved the new ferry "
    "timetable after a long debate, and what the islanders said of it afterwards.</p>"
    for i in range(6)
)


def _line(gold: dict[str, object]) -> str:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2025-11-16T10:30:00Z"})
    html = (
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
        f"<h1>Ferry timetable</h1><p>Updated 4 December 2025</p><article>{STORY}</article>"
        "</body></html>"
    )
    return json.dumps(
        {"id": "p1", "dataset": "test", "url": "https://x.org/a", "html": html, "gold": gold}
    )


def test_the_table_holds_the_days_the_reader_weighed() -> None:
    page = page_candidates(_line({"date": "2025-11-16"}))
    assert page is not None
    assert page["gold"] == "2025-11-16"
    days = {day: sources for day, _, sources in page["candidates"]}
    assert set(days) == {"2025-11-16", "2025-12-04"}
    assert "json_ld_published" in days["2025-11-16"]
    assert all(len(row) == len(DATE_FEATURES) for _, row, _ in page["candidates"])
    # The reader's own vote is back in place after the table is read.
    assert page_dates.choose_day.__module__ == "articlekit.readers.page_dates"


def test_a_page_without_a_full_gold_date_is_not_in_the_table() -> None:
    assert page_candidates(_line({"date": None})) is None
    assert page_candidates(_line({"date": "2003-11"})) is None


def _weights(**weights: float) -> dict[str, object]:
    return logistic(DATE_FEATURES, **weights)


def test_accuracy_of_htmldate_alone_and_of_a_vote() -> None:
    zero = [0.0] * len(DATE_FEATURES)
    printed = [1.0 if f == "printed" else 0.0 for f in DATE_FEATURES]
    pages = [
        {
            "gold": "2025-01-03",
            "candidates": [("2025-01-02", zero, ["htmldate"]), ("2025-01-03", printed, [])],
        },
        {"gold": "2025-01-02", "candidates": [("2025-01-02", zero, ["htmldate"])]},
        {"gold": "2025-01-09", "candidates": []},
    ]
    assert accuracy(None, pages) == 1 / 3  # htmldate's day: right on the second page only
    assert accuracy(_weights(printed=1.0), pages) == 2 / 3
    assert accuracy(_weights(printed=-1.0), pages) == 1 / 3
    assert accuracy(None, []) == 0.0
