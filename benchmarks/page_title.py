"""Fit the whole-page title chooser (:mod:`articlekit.cleaners.page_titles`) and judge it
leave-one-dataset-out.

Each page's text (``page_text``; messy-dev's ``text``) goes through the default pipeline's
steps before ``extract_page_title``; the candidates of
:func:`~articlekit.cleaners.page_titles.page_title_candidates` on what is left are the rows, a
candidate being right when its words are the gold title's (the benchmark's title metric)::

    python -m benchmarks.page_title lodo DATA.jsonl.gz [DATA2 ...]
    python -m benchmarks.page_title fit DATA.jsonl.gz [DATA2 ...] [--exclude DATASET]

``lodo`` fits on all datasets but one and prints, for the one left out, the share of its
titled pages whose chosen candidate is right (and how often one is chosen); ``fit`` prints the
weights to paste into ``page_titles.py``; ``--no-url`` reads the pages without their URL (text
that comes without one). scikit-learn is needed here only.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from articlekit._memo import per_document
from articlekit.cleaners import page_titles
from articlekit.pipeline import DEFAULT_PIPELINE
from articlekit.readers.text import read_text
from benchmarks.metrics import Gold, norm_tokens
from benchmarks.run import read_lines

#: Inverse regularisation strength of the logistic fit.
C = 1.0


@dataclass
class Page:
    """One titled page's candidates: features and whether each is the gold title."""

    dataset: str
    rows: list[tuple[float, ...]]
    labels: list[bool]


def _candidates(text: str, url: str | None) -> list[page_titles.TitleCandidate]:
    before = DEFAULT_PIPELINE.steps[: DEFAULT_PIPELINE.names.index("extract_page_title")]
    with per_document():
        draft = read_text(text, url=url)
        for step in before:
            draft = step(draft)
        if draft.title is not None:
            return []
        return page_titles.page_title_candidates([b.text for b in draft.blocks], url)


def read_pages(paths: Sequence[str], *, use_url: bool = True) -> list[Page]:
    """The titled pages of the data files, as candidate rows (``use_url``: with their URL)."""
    pages = []
    for path in map(Path, paths):
        for line in read_lines(path, None):
            record = json.loads(line)
            gold = Gold.from_dict(record["gold"])
            if not gold.title:
                continue
            text = record.get("page_text") if "page_text" in record else record.get("text")
            cands = _candidates(text or "", record.get("url") if use_url else None)
            want = norm_tokens(gold.title)
            pages.append(
                Page(
                    path.name.split(".")[0],
                    [c.features for c in cands],
                    [norm_tokens(c.text) == want for c in cands],
                )
            )
    return pages


def fit(pages: Sequence[Page]) -> tuple[list[float], float]:
    """Logistic weights and bias over every candidate of ``pages``."""
    from sklearn.linear_model import LogisticRegression

    rows = [r for p in pages for r in p.rows]
    labels = [int(x) for p in pages for x in p.labels]
    model = LogisticRegression(C=C, max_iter=2000).fit(rows, labels)
    return [round(float(w), 6) for w in model.coef_[0]], round(float(model.intercept_[0]), 6)


def score(pages: Sequence[Page], weights: Sequence[float], bias: float) -> tuple[float, float]:
    """Title accuracy and share of pages given a title, choosing as the cleaner does."""
    right = chosen = 0
    for page in pages:
        best, label = -1.0, False
        for row, is_title in zip(page.rows, page.labels, strict=True):
            z = bias + sum(w * x for w, x in zip(weights, row, strict=True))
            p = 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))
            if p > best:
                best, label = p, is_title
        if best >= page_titles.PAGE_TITLE_THRESHOLD:
            chosen += 1
            right += label
    return right / len(pages), chosen / len(pages)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["lodo", "fit"])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--exclude", default=None)
    parser.add_argument("--no-url", action="store_true", help="read the pages without URL")
    args = parser.parse_args(argv)
    pages = read_pages(args.data, use_url=not args.no_url)
    datasets = sorted({p.dataset for p in pages})
    if args.command == "fit":
        weights, bias = fit([p for p in pages if p.dataset != args.exclude])
        print("features:", page_titles.PAGE_TITLE_FEATURES)
        print("weights:", tuple(weights))
        print("bias:", bias)
        return
    print(f"{'held out':<20} {'pages':>6} {'acc':>6} {'chosen':>7}")
    for held in datasets:
        train = [p for p in pages if p.dataset != held]
        test = [p for p in pages if p.dataset == held]
        weights, bias = fit(train)
        acc, chosen = score(test, weights, bias)
        print(f"{held:<20} {len(test):>6} {acc:>6.3f} {chosen:>7.3f}")


if __name__ == "__main__":
    main()
