"""Fit the HTML title vote on the dev pages with a gold title, and judge it
leave-one-dataset-out.

Every page of a dataset whose gold has a ``title`` is read by ``articlekit.clean_html`` (its
URL given, as the benchmark does); the candidate titles the vote weighs
(:func:`articlekit.readers.title_vote.title_candidates`, the cleaners' own title among them)
are kept with their rows of :data:`~articlekit.readers.title_vote.TITLE_FEATURES`. A candidate
is right when it equals the gold title as the benchmark compares titles. The vote is a
logistic model on those rows, fitted for its pick (the page's best-scoring candidate, the
page's title) by :func:`benchmarks.train.choice_logistic`::

    python -m benchmarks.title_model table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.title_model lodo [--cache DIR]
    python -m benchmarks.title_model fit [--exclude DATASET] [--out FILE]

``table`` reads the pages once (the rows are kept in ``--cache``, default
``~/.cache/articlekit-train/titles``, outside the repo: they come from the dev pages).
``lodo`` fits on all datasets but one and scores the one left out, for each, against the
cleaners' title alone. ``fit`` writes the weights; the shipped
``src/articlekit/models/page_title.json`` is ``fit`` on all the datasets, byte for byte.
scikit-learn is needed here only (the ``train`` extra); the library reads the weights without
it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from typing import Any

from benchmarks import votes
from benchmarks.metrics import Gold, title_match
from benchmarks.train import DEFAULT_CACHE, choice_logistic

#: The dev sets whose gold holds a title and whose records are pages.
TITLED = ("wcxb-dev", "trafilatura-eval", "l3s-gn1")

#: One page: its dataset, id, and candidates as (text, row, sources, right).
Page = dict[str, Any]


def page_candidates(line: str) -> Page | None:
    """Read one dev page and return the candidate titles the vote weighed, or None."""
    from articlekit import clean_html
    from articlekit.errors import ArticlekitError
    from articlekit.readers import title_vote

    record = json.loads(line)
    gold = Gold.from_dict(record.get("gold") or {}).title
    if not gold or "html" not in record:
        return None
    # A page with no article still had its titles weighed.
    with votes.recording(title_vote, "choose_title") as seen, contextlib.suppress(ArticlekitError):
        clean_html(record["html"], url=record.get("url"))
    candidates = seen[-1] if seen else []
    return {
        "dataset": record.get("dataset"),
        "id": record.get("id"),
        "candidates": [
            (c.text, list(c.row), list(c.sources), title_match(gold, c.text)) for c in candidates
        ],
    }


#: The L2 penalty of the vote's fit (:func:`benchmarks.train.choice_logistic`). Held out,
#: every penalty from 1e-6 to 2e-2 gains on each set; below 2e-2 the vote takes a site's
#: name printed in the page's logo for the title (a test of the suite, and a blog's name on
#: pages of dragnet), so 2e-2, the smallest penalty of the grid that does not
#: (benchmarks/README.md, "The title vote fitted for its pick").
PENALTY = 2e-2


def fit(pages: Sequence[Page]) -> dict[str, Any]:
    """The vote's weights, fitted on ``pages``' candidates for the page's pick (a candidate
    is right when it is the gold title): see :func:`benchmarks.train.choice_logistic`."""
    from articlekit.readers.title_vote import TITLE_FEATURES

    groups = [
        ([row for _, row, _, _ in page["candidates"]], [int(ok) for *_, ok in page["candidates"]])
        for page in pages
    ]
    return choice_logistic(groups, TITLE_FEATURES, PENALTY)


def accuracy(weights: dict[str, Any] | None, pages: Sequence[Page]) -> float:
    """The share of ``pages`` whose chosen title is right (the cleaners' title when None)."""
    from articlekit.readers.title_vote import TitleCandidate, choose_title
    from articlekit.scorer import BlockScorer

    scorer = BlockScorer.from_dict(weights) if weights is not None else None
    right = 0
    for page in pages:
        candidates = [TitleCandidate(t, tuple(r), tuple(s)) for t, r, s, _ in page["candidates"]]
        rights = {t: ok for t, _, _, ok in page["candidates"]}
        if scorer is None:
            title = next((c.text for c in candidates if "pipeline" in c.sources), None)
        else:
            title = choose_title(candidates, scorer)
        right += title is not None and rights[title]
    return right / len(pages) if pages else 0.0


#: The vote's parts, for :mod:`benchmarks.votes`.
VOTE = votes.Vote(
    datasets=TITLED,
    read_page=page_candidates,
    fit=fit,
    accuracy=accuracy,
    noun="candidates",
    baseline="the cleaners' title",
    default_cache=DEFAULT_CACHE / "titles",
)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.title_model table|lodo|fit``: see the module's docstring."""
    return votes.main(VOTE, "title_model", __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    raise SystemExit(main())
