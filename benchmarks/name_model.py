"""Fit the name-line vote of whole-page text on the dev records with gold authors, and judge it
leave-one-dataset-out.

Every record of a dataset whose gold lists authors is cleaned by ``articlekit.clean_text``
(the page's text, or messy-dev's text), with the vote's choice left out: the name-shaped
lines above the article's core that :func:`articlekit.name_lines.name_lines` finds, when
nothing before named anyone, are kept with their rows of
:data:`~articlekit.name_lines.NAME_FEATURES`, and so are the authors the record got without
them. A candidate is positive when it is a gold author (the benchmark's normalisation). The
vote is a logistic model on those rows::

    python -m benchmarks.name_model table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.name_model lodo [--cache DIR]
    python -m benchmarks.name_model fit [--exclude DATASET] [--out FILE]

``lodo`` prints, for each dataset fitted without it, the share of its records with gold
authors whose authors are right (the benchmark's authors accuracy of ``clean_text``) without
the vote and with it, and how many records whose gold names nobody the vote names someone
on. ``fit`` writes the weights; the shipped ``src/articlekit/models/name_line.json`` is
``fit`` on all the datasets, byte for byte. scikit-learn is needed here only (the ``train``
extra); the library reads the weights without it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from benchmarks import votes
from benchmarks.metrics import authors_match, norm_tokens
from benchmarks.train import DEFAULT_CACHE, _logistic

#: The dev sets whose gold lists authors.
WITH_AUTHORS = ("wcxb-dev", "trafilatura-eval", "messy-dev")

#: One record: its dataset, id, gold authors, language, the authors found without the vote,
#: whether the vote was asked, and the candidates it weighed as (text, row).
Page = dict[str, Any]


def page_candidates(line: str) -> Page | None:
    """Clean one dev record's text and return what the vote weighed on it, or None."""
    import importlib

    from articlekit import clean_text
    from articlekit.errors import ArticlekitError

    record = json.loads(line)
    gold = (record.get("gold") or {}).get("authors")
    text = record.get("page_text") or record.get("text")
    if gold is None or not text:
        return None
    authors: list[str] = []
    language = None
    # The cleaner calls the vote by the name it imported.
    cleaner = importlib.import_module("articlekit.cleaners.bylines")
    with votes.recording(cleaner, "choose_name") as weighed:
        try:
            article = clean_text(text)
            authors, language = list(article.authors), article.language
        except ArticlekitError:
            pass
    seen = [[(c.text, list(c.row)) for c in candidates] for candidates in weighed]
    return {
        "dataset": record.get("dataset"),
        "id": record.get("id"),
        "gold": list(gold),
        "language": language,
        "authors": authors,
        "asked": bool(seen),
        "candidates": seen[-1] if seen else [],
    }


def _positive(text: str, gold: Sequence[str]) -> bool:
    return norm_tokens(text) in {norm_tokens(g) for g in gold}


def fit(pages: Sequence[Page]) -> dict[str, Any]:
    """The vote's weights, fitted on ``pages``' candidates (positive: a gold author)."""
    from articlekit.name_lines import NAME_FEATURES

    xs: list[list[float]] = []
    ys: list[int] = []
    for page in pages:
        for text, row in page["candidates"]:
            xs.append(row)
            ys.append(int(_positive(text, page["gold"])))
    return _logistic(xs, ys, NAME_FEATURES)


def _authors(weights: dict[str, Any] | None, page: Page) -> list[str]:
    """The record's authors with the vote (None: without it)."""
    from articlekit import bylines
    from articlekit.name_lines import NameLine, choose_name
    from articlekit.scorer import BlockScorer

    if weights is None or not page["asked"] or page["authors"]:
        return list(page["authors"])
    candidates = [NameLine(t, k, tuple(r)) for k, (t, r) in enumerate(page["candidates"])]
    name = choose_name(candidates, BlockScorer.from_dict(weights))
    if name is None:
        return []
    credited = bylines.parse_contributors(name, language=page["language"], trusted=True)
    return list(bylines.author_names(credited))


def accuracy(weights: dict[str, Any] | None, pages: Sequence[Page]) -> float:
    """The share of ``pages`` with gold authors whose authors are right, as the benchmark
    scores them (records whose gold names nobody are not scored)."""
    scored = [p for p in pages if p["gold"]]
    right = sum(authors_match(p["gold"], _authors(weights, p)) for p in scored)
    return right / len(scored) if scored else 0.0


def lodo_lines(data: dict[str, list[Page]]) -> list[str]:
    """The ``lodo`` table: accuracy without and with the vote, and names given where the gold
    has none, each dataset scored with weights fitted without it."""
    lines = [
        "| held out | records scored | without the vote | with it (fitted without the set) "
        "| gain | named where the gold names nobody |",
        "|---|---|---|---|---|---|",
    ]
    for name, pages in data.items():
        weights = fit([p for other, ps in data.items() if other != name for p in ps])
        base, got = accuracy(None, pages), accuracy(weights, pages)
        unnamed = [p for p in pages if not p["gold"]]
        named = sum(bool(_authors(weights, p)) and not p["authors"] for p in unnamed)
        scored = sum(1 for p in pages if p["gold"])
        lines.append(
            f"| {name} | {scored} | {base:.4f} | {got:.4f} | {got - base:+.4f} "
            f"| {named} of {len(unnamed)} |"
        )
    return lines


#: The vote's parts, for :mod:`benchmarks.votes`.
VOTE = votes.Vote(
    datasets=WITH_AUTHORS,
    read_page=page_candidates,
    fit=fit,
    accuracy=accuracy,
    noun="name lines",
    baseline="without the vote",
    default_cache=DEFAULT_CACHE / "names",
)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.name_model table|lodo|fit``: see the module's docstring."""
    return votes.main(VOTE, "name_model", __doc__.splitlines()[0], argv, lodo=lodo_lines)


if __name__ == "__main__":
    raise SystemExit(main())
