"""Fit the whole-page title chooser (:mod:`articlekit.cleaners.page_titles`) and judge it
leave-one-dataset-out.

Each page's text (``page_text``; messy-dev's ``text``) goes through the default pipeline's
steps before ``extract_page_title``; the candidates of
:func:`~articlekit.cleaners.page_titles.page_title_candidates` on what is left are the rows
(:data:`~articlekit.cleaners.page_titles.PAGE_TITLE_FEATURES`), a candidate being right when
its words are the gold title's (the benchmark's title metric). The chooser is a logistic
model of "this candidate is right"; the title is the best candidate when it scores
:data:`~articlekit.cleaners.page_titles.PAGE_TITLE_THRESHOLD` or more::

    python -m benchmarks.page_title table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.page_title lodo [--cache DIR]
    python -m benchmarks.page_title fit [--exclude DATASET] [--out FILE]

``table`` reads the pages once (kept in ``--cache``, default
``~/.cache/articlekit-train/page-titles``, outside the repo: they come from the dev pages).
``lodo`` scores each set with weights fitted on the others: the share of its titled pages
whose chosen candidate is right, against the first line taken whole. ``fit`` on all the
datasets writes the shipped ``src/articlekit/models/page_title_text.json`` byte for byte.
scikit-learn is needed here only (the ``train`` extra).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from articlekit._memo import per_document
from articlekit.cleaners import page_titles
from articlekit.pipeline import DEFAULT_PIPELINE
from articlekit.readers.text import read_text
from benchmarks import votes
from benchmarks.metrics import Gold, norm_tokens
from benchmarks.train import DEFAULT_CACHE

#: The dev sets whose gold holds a title, read as text.
TITLED = ("wcxb-dev", "trafilatura-eval", "l3s-gn1", "messy-dev")

#: Inverse regularisation strength of the logistic fit (on the rows as they are).
C = 1.0

#: One page: its dataset, id, and candidates as (text, row, right).
Page = dict[str, Any]


def _candidates(text: str, url: str | None) -> list[page_titles.TitleCandidate]:
    before = DEFAULT_PIPELINE.steps[: DEFAULT_PIPELINE.names.index("extract_page_title")]
    with per_document():
        draft = read_text(text, url=url)
        for step in before:
            draft = step(draft)
        if draft.title is not None:
            return []
        return page_titles.page_title_candidates([b.text for b in draft.blocks], url)


def page_candidates(line: str) -> Page | None:
    """Read one dev record and return the first line's candidates, or None when its gold
    has no title."""
    record = json.loads(line)
    gold = Gold.from_dict(record.get("gold") or {}).title
    if not gold:
        return None
    text = record.get("page_text") if "page_text" in record else record.get("text")
    want = norm_tokens(gold)
    return {
        "dataset": record.get("dataset"),
        "id": record.get("id"),
        "candidates": [
            (c.text, list(c.features), norm_tokens(c.text) == want)
            for c in _candidates(text or "", record.get("url"))
        ],
    }


def fit(pages: Sequence[Page]) -> dict[str, Any]:
    """The chooser's weights: a logistic model over every candidate of ``pages``."""
    from sklearn.linear_model import LogisticRegression

    rows = [row for page in pages for _, row, _ in page["candidates"]]
    labels = [int(ok) for page in pages for *_, ok in page["candidates"]]
    model = LogisticRegression(C=C, max_iter=2000).fit(rows, labels)
    return {
        "kind": "logistic",
        "features": list(page_titles.PAGE_TITLE_FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "threshold": page_titles.PAGE_TITLE_THRESHOLD,
    }


def accuracy(weights: dict[str, Any] | None, pages: Sequence[Page]) -> float:
    """The share of ``pages`` whose chosen candidate is right, chosen as the cleaner chooses
    (:func:`~articlekit.cleaners.page_titles.choose_page_title`); with ``weights`` None, the
    first line whole."""
    from articlekit.scorer import BlockScorer

    scorer = BlockScorer.from_dict(weights) if weights is not None else None
    whole = page_titles.PAGE_TITLE_FEATURES.index("whole_line")
    right = 0
    for page in pages:
        candidates = page["candidates"]
        if not candidates:
            continue
        if scorer is None:
            right += any(ok for _, row, ok in candidates if row[whole])
            continue
        rows = [page_titles.TitleCandidate(text, None, tuple(row)) for text, row, _ in candidates]
        chosen = page_titles.choose_page_title(rows, scorer)
        right += any(ok for r, (*_, ok) in zip(rows, candidates, strict=True) if r is chosen)
    return right / len(pages) if pages else 0.0


#: The chooser's parts, for :mod:`benchmarks.votes`.
VOTE = votes.Vote(
    datasets=TITLED,
    read_page=page_candidates,
    fit=fit,
    accuracy=accuracy,
    noun="candidates",
    baseline="the first line whole",
    default_cache=DEFAULT_CACHE / "page-titles",
)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.page_title table|lodo|fit``: see the module's docstring."""
    return votes.main(VOTE, "page_title", __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    raise SystemExit(main())
