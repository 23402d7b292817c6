"""Fit the publication-day vote of ``read_metadata`` (no htmldate, no body) on the dev pages
with a gold date, and judge it leave-one-dataset-out.

:func:`articlekit.read_metadata` weighs the candidate days that the page's markup and lines
name (:func:`articlekit.readers.page_dates.day_candidates`, the same
:data:`~articlekit.readers.page_dates.DATE_FEATURES`), but htmldate does not run and there is
no body: the columns ``from_htmldate`` and ``printed_near_body`` are always 0. The weights of
:mod:`benchmarks.date_model`, fitted on ``clean_html``'s candidates, lean on those columns;
these are fitted on the candidates ``read_metadata`` itself weighs::

    python -m benchmarks.markup_date_model table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.markup_date_model lodo [--cache DIR]
    python -m benchmarks.markup_date_model fit [--exclude DATASET] [--out FILE]

``table`` reads each dated page with ``read_metadata`` (its URL given, as the benchmark does)
and keeps the candidates in ``--cache`` (default ``~/.cache/articlekit-train/dates-markup``,
outside the repo). ``lodo`` scores each set with weights fitted on the others, against the
``clean_html`` weights on the same candidates: the shipped ones (``models/published_date.json``,
what ``read_metadata`` used before its own; fitted with the set, so not held out) and, when
:mod:`benchmarks.date_model`'s table is there, ones fitted without the set.
``fit`` on all the datasets writes the shipped ``src/articlekit/models/published_date_markup.json``
byte for byte. scikit-learn is needed here only (the ``train`` extra).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks import date_model, votes
from benchmarks.train import DEFAULT_CACHE

Page = date_model.Page


def page_candidates(line: str) -> Page | None:
    """Read one dev page with ``read_metadata`` and return the candidate days it weighed."""
    from articlekit import read_metadata

    return date_model.weighed_days(line, read_metadata)


def accuracy(weights: dict[str, Any] | None, pages: Sequence[Page]) -> float:
    """The share of ``pages`` whose chosen day is the gold day; with ``weights`` None, the
    shipped ``clean_html`` weights choose (what ``read_metadata`` used before its own)."""
    if weights is None:
        from articlekit.scorer import packaged_model

        weights = packaged_model("models/published_date.json", "date model")
    return date_model.accuracy(weights, pages)


#: The vote's parts, for :mod:`benchmarks.votes`.
VOTE = votes.Vote(
    datasets=date_model.DATED,
    read_page=page_candidates,
    fit=date_model.fit,
    accuracy=accuracy,
    noun="days",
    baseline="clean_html's weights",
    default_cache=DEFAULT_CACHE / "dates-markup",
)


def lodo(markup: dict[str, list[Page]]) -> list[str]:
    """The lines of ``lodo``'s table: each set's ``read_metadata`` candidates chosen by the
    shipped ``clean_html`` weights, by ``clean_html`` weights fitted without the set (on
    :mod:`benchmarks.date_model`'s table, when it is in its default cache) and by these
    weights fitted without it (on ``markup``)."""
    full = votes.load(date_model.VOTE, date_model.VOTE.default_cache)
    lines = [
        "| held out | pages | clean_html's shipped weights | clean_html's, fitted without it "
        "| these, fitted without it |",
        "|---|---|---|---|---|",
    ]
    for name, pages in markup.items():
        train = [p for other, ps in markup.items() if other != name for p in ps]
        full_train = [p for other, ps in full.items() if other != name for p in ps]
        held_out = (
            f"{date_model.accuracy(date_model.fit(full_train), pages):.3f}" if full_train else "-"
        )
        got = accuracy(date_model.fit(train), pages)
        lines.append(
            f"| {name} | {len(pages)} | {accuracy(None, pages):.3f} | {held_out} | {got:.3f} |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.markup_date_model table|lodo|fit``: see the module's docstring."""
    return votes.main(VOTE, "markup_date_model", __doc__.splitlines()[0], argv, lodo=lodo)


if __name__ == "__main__":
    raise SystemExit(main())
