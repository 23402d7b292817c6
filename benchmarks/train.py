"""Fit the block scorer on the labelled dev pages, and judge it leave-one-dataset-out.

A block of a page is *content* when its text is in the page's gold text (most of its 4-token
shingles are, or the whole of a block of under four tokens), or holds a ``with`` snippet (and
not a ``without`` one) where the gold has snippets. Every block of every page becomes a row of
:data:`articlekit.pagemodel.HTML_FEATURES`::

    python -m benchmarks.train table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.train lodo [--cache DIR]         # leave-one-dataset-out figures
    python -m benchmarks.train fit [--exclude DATASET] [--cache DIR] [--out FILE]

``table`` reads the pages once (trafilatura runs on each) and keeps the rows in ``--cache``
(default ``~/.cache/articlekit-train``, outside the repo: they hold the dev pages' text).
``lodo`` fits a model on all datasets but one and scores the one left out, for each; ``fit``
writes the shipped weights. scikit-learn is needed here only (the ``train`` extra); the
library reads the weights without it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.metrics import (
    Gold,
    collapse_ws,
    main_text_scores,
    shingle_match,
    snippet_counts,
    snippet_scores,
    tokenize,
)
from benchmarks.run import count_lines, progress, read_lines

DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "articlekit-train"
#: Datasets whose gold labels blocks (text or snippets); the others only have metadata.
LABELLED = ("l3s-gn1", "wcxb-dev", "dragnet", "trafilatura-eval")
#: A block of four tokens or more is content when this share of its shingles is in the gold.
CONTENT_SHARE = 0.5


@dataclass
class PageRows:
    """One page's blocks as the scorer sees them, with what is known of them."""

    dataset: str
    page_id: str
    texts: list[str]
    rows: list[list[float]]
    labels: list[float | None]
    trafilatura_text: str
    gold: dict[str, Any] = field(default_factory=dict)


def _label_by_text(text: str, gold_shingles: set[tuple[str, ...]], gold_joined: str) -> float:
    tokens = tokenize(text)
    if len(tokens) >= 4:
        grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
        inside = sum(g in gold_shingles for g in grams)
        return 1.0 if inside >= CONTENT_SHARE * len(grams) else 0.0
    return 1.0 if f" {' '.join(tokens)} " in gold_joined else 0.0


def _label_by_snippets(text: str, with_: list[str], without: list[str]) -> float | None:
    block = collapse_ws(text)
    if len(block) < 2:
        return None
    good = any(s in block for s in with_) or (len(block) >= 20 and any(block in s for s in with_))
    bad = any(s in block for s in without) or (
        len(block) >= 20 and any(block in s for s in without)
    )
    if good == bad:
        return None
    return 1.0 if good else 0.0


def labels_of(texts: Sequence[str], gold: Gold) -> list[float | None]:
    """The label of each block: 1.0 content, 0.0 not, None unknown."""
    if gold.text is not None:
        tokens = tokenize(gold.text)
        shingles = {tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3))}
        joined = f" {' '.join(tokens)} "
        return [_label_by_text(t, shingles, joined) if tokenize(t) else None for t in texts]
    if gold.has_snippets:
        with_ = [collapse_ws(s) for s in gold.with_ if collapse_ws(s)]
        without = [collapse_ws(s) for s in gold.without if collapse_ws(s)]
        return [_label_by_snippets(t, with_, without) for t in texts]
    return [None] * len(texts)


def page_rows(line: str) -> PageRows | None:
    """Read one dev page into rows (None when it has no labels or the reader fails on it)."""
    from articlekit.readers.html import read_page_model

    record = json.loads(line)
    gold = Gold.from_dict(record.get("gold") or {})
    if gold.text is None and not gold.has_snippets:
        return None
    html = record.get("html")
    if not html:
        return None
    try:
        model = read_page_model(html)
    except Exception:  # a page the reader refuses is no training row
        return None
    texts = [b.text for b in model.page]
    return PageRows(
        dataset=str(record.get("dataset")),
        page_id=str(record.get("id")),
        texts=texts,
        rows=model.rows,
        labels=labels_of(texts, gold),
        trafilatura_text="\n".join(model.trafilatura_texts),
        gold={"text": gold.text, "with": list(gold.with_), "without": list(gold.without)},
    )


def _init() -> None:
    sys.setrecursionlimit(10_000)


def build_table(files: Sequence[Path], limit: int | None, cache: Path, jobs: int) -> None:
    """Read every labelled page of ``files`` into ``cache/<dataset>.pkl``."""
    cache.mkdir(parents=True, exist_ok=True)
    for path in files:
        name = path.name.split(".")[0]
        if name not in LABELLED:
            continue
        total = count_lines(path, limit)
        pages: list[PageRows] = []
        with multiprocessing.get_context("spawn").Pool(jobs, initializer=_init) as pool:
            results = pool.imap(page_rows, read_lines(path, limit), chunksize=4)
            for got in progress(_as_dicts(results), total, name):
                if got["page"] is not None:
                    pages.append(got["page"])
        with (cache / f"{name}.pkl").open("wb") as fh:
            # Plain dicts: the class is ``__main__.PageRows`` when this runs as a script.
            pickle.dump([vars(p) for p in pages], fh)
        print(f"{name}: {len(pages)} pages, {sum(len(p.rows) for p in pages)} blocks")


def _as_dicts(results: Iterator[PageRows | None]) -> Iterator[dict[str, Any]]:
    for page in results:
        yield {"page": page}


def load(cache: Path) -> dict[str, list[PageRows]]:
    """The cached pages of every labelled dataset."""
    found: dict[str, list[PageRows]] = {}
    for name in LABELLED:
        path = cache / f"{name}.pkl"
        if path.exists():
            with path.open("rb") as fh:
                found[name] = [PageRows(**page) for page in pickle.load(fh)]
    return found


def _matrix(pages: Sequence[PageRows]) -> tuple[Any, Any, Any]:
    import numpy as np

    xs, ys, ws = [], [], []
    for page in pages:
        for row, label, text in zip(page.rows, page.labels, page.texts, strict=True):
            if label is None:
                continue
            xs.append(row)
            ys.append(label)
            ws.append(max(1, len(tokenize(text))) ** 0.5)
    return np.array(xs, dtype=float), np.array(ys, dtype=int), np.array(ws, dtype=float)


def fit(pages: Sequence[PageRows]) -> dict[str, Any]:
    """Fit the scorer on ``pages``; return its weights as the library reads them."""
    from sklearn.linear_model import LogisticRegression

    from articlekit.pagemodel import HTML_FEATURES

    x, y, w = _matrix(pages)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit((x - mean) / scale, y, sample_weight=w)
    coef = model.coef_[0] / scale
    bias = float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum())
    return {
        "kind": "logistic",
        "features": list(HTML_FEATURES),
        "weights": [round(float(c), 6) for c in coef],
        "bias": round(bias, 6),
        "threshold": 0.5,
    }


def _scores(weights: dict[str, Any], rows: Sequence[Sequence[float]]) -> list[float]:
    from articlekit.scorer import BlockScorer

    return BlockScorer.from_dict(weights).scores(rows)


def evaluate(weights: dict[str, Any], pages: Sequence[PageRows]) -> dict[str, Any]:
    """The scorer's selection on ``pages`` against the gold, beside trafilatura's output."""
    threshold = float(weights["threshold"])
    ours, theirs = [], []
    snip_ours, snip_theirs = [0, 0, 0], [0, 0, 0]
    right = total = 0
    for page in pages:
        scores = _scores(weights, page.rows)
        for s, label in zip(scores, page.labels, strict=True):
            if label is not None:
                total += 1
                right += (s >= threshold) == (label == 1.0)
        text = "\n".join(t for t, s in zip(page.texts, scores, strict=True) if s >= threshold)
        if page.gold.get("text"):
            ours.append(shingle_match(page.gold["text"], text))
            theirs.append(shingle_match(page.gold["text"], page.trafilatura_text))
        else:
            for acc, out in ((snip_ours, text), (snip_theirs, page.trafilatura_text)):
                got = snippet_counts(out, page.gold["with"], page.gold["without"])
                for k in range(3):
                    acc[k] += got[k]
    result: dict[str, Any] = {"pages": len(pages), "block_accuracy": right / max(1, total)}
    if ours:
        result["f1"] = _prf(main_text_scores(ours))
        result["trafilatura_f1"] = _prf(main_text_scores(theirs))
    if any(snip_ours):
        result["snippet"] = _prf(snippet_scores(*snip_ours))
        result["trafilatura_snippet"] = _prf(snippet_scores(*snip_theirs))
    return result


def _prf(prf: Any) -> dict[str, float]:
    return {"f1": prf.f or 0.0, "precision": prf.p or 0.0, "recall": prf.r or 0.0}


def lodo(data: dict[str, list[PageRows]]) -> dict[str, dict[str, Any]]:
    """Each dataset scored by a model fitted on all the others."""
    results = {}
    for held_out, pages in data.items():
        train = [p for name, ps in data.items() if name != held_out for p in ps]
        results[held_out] = evaluate(fit(train), pages)
    return results


def _fmt(prf: dict[str, Any] | None) -> str:
    if not prf:
        return "-"
    return f"{prf['f1']:.3f} ({prf['precision']:.3f} / {prf['recall']:.3f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("table", "lodo", "fit"))
    parser.add_argument("data", nargs="?", type=Path, help="the folder of the dev .jsonl.gz files")
    parser.add_argument("--limit", type=int, default=None, help="pages per file")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--exclude", default="", help="fit without this dataset")
    parser.add_argument("--out", type=Path, default=None, help="where fit writes the weights")
    args = parser.parse_args(argv)
    if args.command == "table":
        if args.data is None:
            parser.error("table needs the data folder")
        build_table(sorted(args.data.glob("*.jsonl.gz")), args.limit, args.cache, args.jobs)
        return 0
    data = load(args.cache)
    if not data:
        parser.error(f"no table in {args.cache}: run `python -m benchmarks.train table` first")
    if args.command == "lodo":
        print("| held out | pages | block acc | scorer F1 (P / R) | trafilatura F1 (P / R) |")
        print("|---|---|---|---|---|")
        for name, got in lodo(data).items():
            ours = got.get("f1") or got.get("snippet")
            theirs = got.get("trafilatura_f1") or got.get("trafilatura_snippet")
            print(
                f"| {name} | {got['pages']} | {got['block_accuracy']:.3f} | {_fmt(ours)} "
                f"| {_fmt(theirs)} |"
            )
        return 0
    pages = [p for name, ps in data.items() if name != args.exclude for p in ps]
    weights = fit(pages)
    text = json.dumps(weights, indent=1) + "\n"
    if args.out is None:
        print(text)
    else:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
