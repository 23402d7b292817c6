"""Fit the publication-day vote on the dev pages with a gold date, and judge it
leave-one-dataset-out.

Every page of a dataset whose gold has a ``date`` is read by ``articlekit.clean_html`` (its
URL given, as the benchmark does); the candidate days the reader weighs
(:func:`articlekit.readers.page_dates.day_candidates`) are kept with their rows of
:data:`~articlekit.readers.page_dates.DATE_FEATURES`. A candidate is positive when its day is
the gold day. The vote is a logistic model on those rows; the page's day is its best-scoring
candidate::

    python -m benchmarks.date_model table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.date_model lodo [--cache DIR]
    python -m benchmarks.date_model fit [--exclude DATASET] [--out FILE]

``table`` reads the pages once (the rows are kept in ``--cache``, default
``~/.cache/articlekit-train/dates``, outside the repo: they come from the dev pages). ``lodo``
fits on all datasets but one and scores the one left out, for each, against htmldate's day
alone. ``fit`` writes the weights; the shipped ``src/articlekit/models/published_date.json`` is
``fit`` on all the datasets, byte for byte. scikit-learn is needed here only (the ``train``
extra); the library reads the weights without it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks import votes
from benchmarks.train import DEFAULT_CACHE, _logistic

#: The dev sets whose gold holds a published date.
DATED = ("wcxb-dev", "trafilatura-eval", "htmldate-eval")

#: One page: its dataset, id, gold day and candidates as (day, row, sources).
Page = dict[str, Any]


def page_candidates(line: str) -> Page | None:
    """Read one dev page and return the candidate days the reader weighed, or None."""
    from articlekit import clean_html

    return weighed_days(line, clean_html)


def weighed_days(line: str, read: Callable[..., Any]) -> Page | None:
    """The candidate days ``read`` (``clean_html`` or ``read_metadata``) weighs on one dev
    page, or None for a page whose gold has no full day."""
    from articlekit.errors import ArticlekitError
    from articlekit.readers import page_dates

    record = json.loads(line)
    gold = (record.get("gold") or {}).get("date")
    if not isinstance(gold, str) or len(gold) < 10:
        return None
    # A page with no article still had its dates weighed.
    with votes.recording(page_dates, "choose_day") as seen, contextlib.suppress(ArticlekitError):
        read(record["html"], url=record.get("url"))
    candidates = seen[-1] if seen else []
    return {
        "dataset": record.get("dataset"),
        "id": record.get("id"),
        "gold": gold[:10],
        "candidates": [(c.day.isoformat(), list(c.row), list(c.sources)) for c in candidates],
    }


def fit(pages: Sequence[Page]) -> dict[str, Any]:
    """The vote's weights, fitted on ``pages``' candidates (positive: the gold day)."""
    from articlekit.readers.page_dates import DATE_FEATURES

    xs: list[list[float]] = []
    ys: list[int] = []
    for page in pages:
        for day, row, _ in page["candidates"]:
            xs.append(row)
            ys.append(int(day == page["gold"]))
    return _logistic(xs, ys, DATE_FEATURES)


def accuracy(weights: dict[str, Any] | None, pages: Sequence[Page]) -> float:
    """The share of ``pages`` whose chosen day is the gold day (htmldate's day when None)."""
    from datetime import date

    from articlekit.readers.page_dates import DayCandidate, choose_day
    from articlekit.scorer import BlockScorer

    scorer = BlockScorer.from_dict(weights) if weights is not None else None
    right = 0
    for page in pages:
        candidates = [
            DayCandidate(date.fromisoformat(d), tuple(r), tuple(s))
            for d, r, s in page["candidates"]
        ]
        if scorer is None:
            day = next((c.day for c in candidates if "htmldate" in c.sources), None)
        else:
            day = choose_day(candidates, scorer)
        right += day is not None and day.isoformat() == page["gold"]
    return right / len(pages) if pages else 0.0


#: The vote's parts, for :mod:`benchmarks.votes`.
VOTE = votes.Vote(
    datasets=DATED,
    read_page=page_candidates,
    fit=fit,
    accuracy=accuracy,
    noun="days",
    baseline="htmldate's day",
    default_cache=DEFAULT_CACHE / "dates",
)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.date_model table|lodo|fit``: see the module's docstring."""
    return votes.main(VOTE, "date_model", __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    raise SystemExit(main())
