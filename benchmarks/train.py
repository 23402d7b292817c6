"""Fit the block scorer and the article core's region models on the labelled dev pages,
and judge them leave-one-dataset-out.

A block of a page is *content* when its text is in the page's gold text (most of its 4-token
shingles are, or the whole of a block of under four tokens), or holds a ``with`` snippet (and
not a ``without`` one) where the gold has snippets; on messy-dev, when it is a ``body`` line
(not when it is a ``junk`` line). Every block of every page becomes a row of
:data:`articlekit.pagemodel.HTML_FEATURES` (``--path html``: the page's blocks) or of
:data:`articlekit.pagemodel.TEXT_FEATURES` (``--path text``: the lines of ``page_text``, and
messy-dev's records). ``--path regions`` reads the plain-text table's lines into the candidate
regions of :func:`articlekit.regions.article_core` and fits its chooser and extender::

    python -m benchmarks.train table ../shared/data/dev [--limit N] [--cache DIR]
    python -m benchmarks.train lodo [--path html|text|regions] [--cache DIR]
    python -m benchmarks.train fit [--path html|text|regions] [--exclude DATASET] [--out FILE]

``table`` reads the pages once (trafilatura runs on each) and keeps the rows in ``--cache``
(default ``~/.cache/articlekit-train``, outside the repo: they hold the dev pages' text).
``lodo`` fits on all datasets but one and scores the one left out, for each; ``fit`` writes
the weights as :func:`articlekit.scorer.scorer_from_dict` (``html``: gradient-boosted trees,
the shipped ``src/articlekit/models/page_block.json`` is ``fit --path html`` on all the
datasets, byte for byte; ``text``: a logistic model, none ships) or
:meth:`articlekit.regions.RegionModel.from_dict` (``regions``: the shipped
``src/articlekit/models/article_region.json`` is ``fit --path regions`` on all the datasets,
byte for byte) reads them. scikit-learn is needed here only (the ``train`` extra); the library
reads the weights without it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from articlekit import pagemodel, regions
from articlekit.readers.html import read_page_model
from articlekit.readers.text import read_text
from articlekit.scorer import BlockScorer, scorer_from_dict
from benchmarks.metrics import (
    Gold,
    collapse_ws,
    line_counts,
    main_text_scores,
    shingle_match,
    snippet_counts,
    snippet_scores,
    tokenize,
)
from benchmarks.run import count_lines, progress, read_lines
from benchmarks.stamp import warn_if_stale, write_stamp

T = TypeVar("T")

DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "articlekit-train"
#: Datasets whose gold labels blocks (text or snippets); the others only have metadata.
LABELLED = ("l3s-gn1", "wcxb-dev", "dragnet", "trafilatura-eval")
#: The plain-text path also learns from messy-dev's records.
LABELLED_TEXT = (*LABELLED, "messy-dev")
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
    baseline_text: str  # trafilatura's output (html), the whole text (text)
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


def page_rows(line: str) -> tuple[PageRows | None, PageRows | None]:
    """Read one dev record into its HTML rows and its plain-text rows (None where it has none)."""
    record = json.loads(line)
    dataset = str(record.get("dataset") or "")
    gold = Gold.from_dict(record.get("gold") or {})
    if "body" in (record.get("gold") or {}):
        return None, _messy_rows(record)
    if gold.text is None and not gold.has_snippets:
        return None, None
    golds = {"text": gold.text, "with": list(gold.with_), "without": list(gold.without)}
    html_rows = text_rows = None
    if record.get("html"):
        try:
            model = read_page_model(record["html"])
        except Exception:  # a page the reader refuses is no training row
            model = None
        if model is not None:
            texts = [b.text for b in model.page]
            html_rows = PageRows(
                dataset,
                str(record.get("id")),
                texts,
                model.rows,
                labels_of(texts, gold),
                "\n".join(model.trafilatura_texts),
                golds,
            )
    if record.get("page_text"):
        texts = [b.text for b in read_text(record["page_text"]).blocks]
        text_rows = PageRows(
            dataset,
            str(record.get("id")),
            texts,
            pagemodel.text_rows(texts),
            labels_of(texts, gold),
            record["page_text"],
            golds,
        )
    return html_rows, text_rows


def _messy_rows(record: dict[str, Any]) -> PageRows:
    """A messy-dev record: its lines are labelled by the gold's body and junk lists."""
    gold = record["gold"]
    body = {" ".join(str(b).split()) for b in gold.get("body") or ()}
    junk = {" ".join(str(j).split()) for j in gold.get("junk") or ()} - body
    texts = [b.text for b in read_text(record["text"]).blocks]
    labels: list[float | None] = [1.0 if t in body else 0.0 if t in junk else None for t in texts]
    return PageRows(
        "messy-dev",
        str(record.get("id")),
        texts,
        pagemodel.text_rows(texts),
        labels,
        record["text"],
        {"text": "\n".join(gold.get("body") or ()), "body": sorted(body), "junk": sorted(junk)},
    )


def _init() -> None:
    sys.setrecursionlimit(10_000)


def build_table(files: Sequence[Path], limit: int | None, cache: Path, jobs: int) -> None:
    """Read every labelled record of ``files`` into ``cache/<path>/<dataset>.pkl``, and the
    digest of the code that read them into ``cache/source.sha256``."""
    for path in files:
        name = path.name.split(".")[0]
        if name not in LABELLED_TEXT:
            continue
        total = count_lines(path, limit)
        found: dict[str, list[PageRows]] = {"html": [], "text": []}
        with multiprocessing.get_context("spawn").Pool(jobs, initializer=_init) as pool:
            results = pool.imap(page_rows, read_lines(path, limit), chunksize=4)
            for got in progress(results, total, name):
                for kind, rows in zip(("html", "text"), got, strict=True):
                    if rows is not None:
                        found[kind].append(rows)
        for kind, pages in found.items():
            if not pages:
                continue
            (cache / kind).mkdir(parents=True, exist_ok=True)
            with (cache / kind / f"{name}.pkl").open("wb") as fh:
                # Plain dicts: the class is ``__main__.PageRows`` when this runs as a script.
                pickle.dump([vars(p) for p in pages], fh)
            print(f"{kind} {name}: {len(pages)} pages, {sum(len(p.rows) for p in pages)} blocks")
    write_stamp(cache)


def load(cache: Path, kind: str) -> dict[str, list[PageRows]]:
    """The cached pages of every labelled dataset, for one path (``html`` or ``text``); a
    warning when other code than the one imported now read them."""
    found: dict[str, list[PageRows]] = {}
    for name in LABELLED_TEXT:
        path = cache / kind / f"{name}.pkl"
        if path.exists():
            with path.open("rb") as fh:
                found[name] = [PageRows(**page) for page in pickle.load(fh)]
    if found:
        warn_if_stale(cache, "python -m benchmarks.train table")
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


def fit(pages: Sequence[PageRows], columns: Sequence[str]) -> dict[str, Any]:
    """Fit the scorer on ``pages``; return its weights as the library reads them."""
    from sklearn.linear_model import LogisticRegression

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
        "features": list(columns),
        "weights": [round(float(c), 6) for c in coef],
        "bias": round(bias, 6),
        "threshold": 0.5,
    }


def fit_blocks(pages: Sequence[PageRows], columns: Sequence[str]) -> dict[str, Any]:
    """Fit the page-block model (:func:`articlekit.pagemodel.block_model`) on ``pages``.

    Gradient-boosted trees of :data:`TREE_PARAMS`, each block weighed by the square root of
    its tokens as :func:`fit` weighs it. Trees, not the logistic model: trafilatura's choice
    is the strongest column, and what else says a kept block is no story (a caption's
    class, a box of links) matters only together with it, which one weight per column cannot
    say (benchmarks/README.md, "The page-block model's sure vetoes").
    """
    x, y, w = _matrix(pages)
    # The columns the reader leaves 0.0 for this model (it draws no article core of the
    # page) are 0.0 here too: no tree splits on them.
    for name in pagemodel.BLOCK_MODEL_UNREAD:
        x[:, list(columns).index(name)] = 0.0
    return _trees(x, y, columns, w)


def evaluate(weights: dict[str, Any], pages: Sequence[PageRows]) -> dict[str, Any]:
    """The scorer's selection on ``pages`` against the gold, beside the baseline's text.

    The baseline is trafilatura's output (HTML) or the whole text (plain text). On messy-dev
    also the share of body lines lost and of junk lines kept, counted by
    :func:`benchmarks.metrics.line_counts` as benchmarks.run counts them, over distinct lines.
    """
    scorer = scorer_from_dict(weights)  # once, not per page
    threshold = scorer.threshold
    ours, theirs = [], []
    snip_ours, snip_theirs = [0, 0, 0], [0, 0, 0]
    right = total = 0
    body = lost = junk = leaked = 0
    for page in pages:
        scores = scorer.scores(page.rows)
        for s, label in zip(scores, page.labels, strict=True):
            if label is not None:
                total += 1
                right += (s >= threshold) == (label == 1.0)
        kept = [t for t, s in zip(page.texts, scores, strict=True) if s >= threshold]
        text = "\n".join(kept)
        if "body" in page.gold:
            # The gold's lines are kept distinct (see _messy_rows): each counts once here.
            (lost_here, body_here), (leaked_here, junk_here) = line_counts(
                text, page.gold["body"], page.gold["junk"]
            )
            lost, body = lost + lost_here, body + body_here
            leaked, junk = leaked + leaked_here, junk + junk_here
        if page.gold.get("text"):
            ours.append(shingle_match(page.gold["text"], text))
            theirs.append(shingle_match(page.gold["text"], page.baseline_text))
        else:
            for acc, out in ((snip_ours, text), (snip_theirs, page.baseline_text)):
                got = snippet_counts(out, page.gold["with"], page.gold["without"])
                for k in range(3):
                    acc[k] += got[k]
    result: dict[str, Any] = {"pages": len(pages), "block_accuracy": right / max(1, total)}
    if ours:
        result["scorer"] = _prf(main_text_scores(ours))
        result["baseline"] = _prf(main_text_scores(theirs))
    elif any(snip_ours):  # a set scored by snippets only (some pages of a set have both)
        result["scorer"] = _prf(snippet_scores(*snip_ours))
        result["baseline"] = _prf(snippet_scores(*snip_theirs))
    if body:
        result["body_lost"] = lost / body
        result["junk_leaked"] = leaked / max(1, junk)
    return result


def _prf(prf: Any) -> dict[str, float]:
    return {"f1": prf.f or 0.0, "precision": prf.p or 0.0, "recall": prf.r or 0.0}


def lodo(
    data: dict[str, list[PageRows]],
    columns: Sequence[str],
    fitter: Callable[[Sequence[PageRows], Sequence[str]], dict[str, Any]] = fit,
) -> dict[str, dict[str, Any]]:
    """Each dataset scored by a model ``fitter`` fitted on all the others."""
    results = {}
    for held_out, pages in data.items():
        train = [p for name, ps in data.items() if name != held_out for p in ps]
        results[held_out] = evaluate(fitter(train, columns), pages)
    return results


@dataclass
class _Text:
    """A line as :func:`articlekit.features.article_core` reads blocks: by their ``text``."""

    text: str


def _token_f1(sizes: Sequence[int], labels: Sequence[float | None], start: int, end: int) -> float:
    """F1 of the span ``[start, end)`` against the content blocks, counted in tokens."""
    content = sum(n for n, label in zip(sizes, labels, strict=True) if label == 1.0)
    inside = list(zip(sizes[start:end], labels[start:end], strict=True))
    tp = sum(n for n, label in inside if label == 1.0)
    fp = sum(n for n, label in inside if label == 0.0)
    return 2 * tp / (tp + fp + content) if tp else 0.0


@dataclass
class _PageRegions:
    """One page's candidate regions with what the region models learn from."""

    blocks: list[_Text]
    sizes: list[int]
    labels: list[float | None]
    regions: list[tuple[int, int, int]]
    rows: list[list[float]]
    f1s: list[float]  # of each region alone
    content: list[bool]  # whether each region holds more content tokens than other tokens


def region_table(pages: Sequence[PageRows]) -> list[_PageRegions]:
    """Each page's candidate regions (:func:`articlekit.regions.prose_regions`) and rows."""
    table = []
    for page in pages:
        blocks = [_Text(t) for t in page.texts]
        found = regions.prose_regions(blocks)
        if not found:
            continue
        sizes = [len(tokenize(t)) for t in page.texts]
        content = []
        for start, end, _ in found:
            inside = list(zip(sizes[start:end], page.labels[start:end], strict=True))
            good = sum(n for n, lab in inside if lab == 1.0)
            content.append(good > sum(n for n, lab in inside if lab == 0.0))
        table.append(
            _PageRegions(
                blocks,
                sizes,
                list(page.labels),
                found,
                regions.region_rows(blocks, found),
                [_token_f1(sizes, page.labels, a, b) for a, b, _ in found],
                content,
            )
        )
    return table


def _logistic(xs: list[list[float]], ys: list[int], columns: Sequence[str]) -> dict[str, Any]:
    """A logistic model on standardised columns, written back in the columns' own units."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x, y = np.array(xs, dtype=float), np.array(ys, dtype=int)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=3000)
    model.fit((x - mean) / scale, y)
    coef = model.coef_[0] / scale
    return {
        "kind": "logistic",
        "features": list(columns),
        "weights": [round(float(c), 6) for c in coef],
        "bias": round(float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum()), 6),
        "threshold": 0.5,
    }


def choice_logistic(
    pages: Sequence[tuple[Sequence[Sequence[float]], Sequence[int]]],
    columns: Sequence[str],
    penalty: float,
) -> dict[str, Any]:
    """A logistic model fitted for its pick: the best-scoring candidate of each page.

    A vote takes the page's best-scoring candidate, so what its weights must get right is the
    order of a page's candidates, not each one's probability. These maximise the mean over
    pages of the log-probability that the pick is right, the probability being a softmax of
    the candidates' scores (a conditional logit), with an L2 ``penalty`` on the standardised
    weights, by L-BFGS from zero. A page with no right candidate, or only right ones, has no
    order to teach and is left out of that fit; a model of "this candidate is right" instead
    learns from it that every candidate of such a page is wrong (or right), and weighs a page
    of many candidates more than one of two. The softmax fixes the weights' scale (a
    difference of scores is the log-odds of one candidate over another); the bias, which no
    pick depends on, is set so that the mean score over every candidate is the share of
    right ones.

    Args:
        pages: Per page, its candidates' rows and whether each is right (1) or not (0).
        columns: The rows' column names.
        penalty: The L2 penalty.

    Returns:
        The weights, as :func:`articlekit.scorer.scorer_from_dict` reads a logistic model, in
        the columns' own units.
    """
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import logsumexp

    x = np.array([row for rows, _ in pages for row in rows], dtype=float)
    y = np.array([label for _, labels in pages for label in labels], dtype=float)
    if x.size == 0:
        msg = "no candidates to fit the vote on"
        raise ValueError(msg)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    ordered = [(rows, labels) for rows, labels in pages if 0 < sum(labels) < len(labels)]
    width = max((len(labels) for _, labels in ordered), default=1)
    rows = np.zeros((len(ordered), width, x.shape[1]))
    right = np.zeros((len(ordered), width))
    real = np.zeros((len(ordered), width), dtype=bool)
    for i, (page_rows, labels) in enumerate(ordered):
        n = len(labels)
        rows[i, :n] = (np.array(page_rows, dtype=float) - mean) / scale
        right[i, :n] = labels
        real[i, :n] = True

    def loss(w: Any) -> tuple[float, Any]:
        # In logs throughout: a right candidate far below the page's best has a softmax
        # share that rounds to 0, and its log would be -inf.
        z = np.where(real, rows @ w, -np.inf)
        every = logsumexp(z, axis=1, keepdims=True)
        good = logsumexp(np.where(right > 0, z, -np.inf), axis=1, keepdims=True)
        # The gradient of -log P(right): the softmax minus its share among the right ones.
        delta = np.exp(z - every) - np.where(right > 0, np.exp(z - good), 0.0)
        grad = (delta[:, :, None] * rows).sum(axis=1).mean(axis=0)
        return float((every - good).mean() + penalty * w @ w), grad + 2 * penalty * w

    start = np.zeros(x.shape[1])
    coef = (minimize(loss, start, jac=True, method="L-BFGS-B").x if ordered else start) / scale
    # The bias at which the mean score is the share of right candidates (the mean is
    # increasing in the bias; the order is the same for every bias).
    z = x @ coef
    low, high = -50.0 - z.max(), 50.0 - z.min()
    for _ in range(200):
        middle = (low + high) / 2
        if (1 / (1 + np.exp(-(z + middle)))).mean() < y.mean():
            low = middle
        else:
            high = middle
    return {
        "kind": "logistic",
        "features": list(columns),
        "weights": [round(float(c), 6) for c in coef],
        "bias": round(float(low + high) / 2, 6),
        "threshold": 0.5,
    }


#: The extender's trees (scikit-learn's ``HistGradientBoostingClassifier``): a hundred trees
#: of up to fifteen leaves, each leaf of forty rows at least; no early stopping, whose
#: validation split would make the number of trees depend on the table's size. Chosen among
#: a few sizes by the held-out core F1 (benchmarks/README.md, "Trees for the extender").
TREE_PARAMS: dict[str, Any] = {
    "max_iter": 100,
    "learning_rate": 0.1,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "early_stopping": False,
    "random_state": 0,
}


def _trees(xs: Any, ys: Any, columns: Sequence[str], weights: Any = None) -> dict[str, Any]:
    """Gradient-boosted trees of :data:`TREE_PARAMS` fitted on the rows (each weighed by
    ``weights`` when given), as :func:`export_trees` writes them."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**TREE_PARAMS)
    model.fit(np.array(xs, dtype=float), np.array(ys, dtype=int), sample_weight=weights)
    return export_trees(model, columns)


def export_trees(model: Any, columns: Sequence[str]) -> dict[str, Any]:
    """A fitted binary ``HistGradientBoostingClassifier`` as :class:`~articlekit.scorer.TreeScorer`
    reads it.

    Each tree is written node by node, the root first: ``[value]`` for a leaf, ``[feature,
    threshold, left, right]`` for a split (a row goes left when its value is at most the
    threshold, as scikit-learn's own prediction does for rows without missing values). The
    library's scores are then the classifier's ``predict_proba`` to the last bit (checked on
    random rows when the extender was first fitted: benchmarks/README.md, "Trees for the
    extender").
    """
    import numpy as np

    trees = []
    for (predictor,) in model._predictors:
        trees.append(
            [
                [float(node["value"])]
                if node["is_leaf"]
                else [
                    int(node["feature_idx"]),
                    float(node["num_threshold"]),
                    int(node["left"]),
                    int(node["right"]),
                ]
                for node in predictor.nodes
            ]
        )
    return {
        "kind": "trees",
        "features": list(columns),
        "bias": float(np.ravel(model._baseline_prediction)[0]),
        "threshold": 0.5,
        "trees": trees,
    }


#: A place inside a whole page's core is the story's end when at most this share of the core's
#: content tokens stands after it (a closing line the gold keeps may stand past a gap).
END_CONTENT_SHARE = 0.02
#: The ender's threshold: the core ends at the first place scoring this or more. A place
#: wrongly taken loses the rest of the story, so only a sure end counts. Chosen
#: leave-one-dataset-out among 0.8 to 0.93, of the thresholds that cost no held-out set more
#: than 0.001 of recall (0.8 cost wcxb-dev 0.005): 0.85 for every held-out set
#: (benchmarks/README.md, "The ender on main").
END_THRESHOLD = 0.85


def _ender(
    table: Sequence[_PageRegions], chooser: dict[str, Any], extender: dict[str, Any]
) -> dict[str, Any]:
    """Fit the ender on the cores the chooser and extender draw of whole-page text.

    Each place where the story may end (:func:`articlekit.regions.end_rows`) inside a page's
    core is positive when at most :data:`END_CONTENT_SHARE` of the core's content tokens
    stand after it.
    """
    model = regions.RegionModel.from_dict(
        {"kind": "article_region", "chooser": chooser, "extender": extender}
    )
    xs: list[list[float]] = []
    ys: list[int] = []
    for page in table:
        start, end, weighed = _drawn_core(model, page, plain_text=True)
        content = [
            n if label == 1.0 else 0
            for n, label in zip(page.sizes[start:end], page.labels[start:end], strict=True)
        ]
        total = sum(content)
        for pos, row in regions.end_rows(page.blocks, start, end, weighed=weighed):
            xs.append(row)
            ys.append(int(sum(content[pos - start :]) <= END_CONTENT_SHARE * max(1, total)))
    ender = _trees(xs, ys, regions.END_FEATURES)
    ender["threshold"] = END_THRESHOLD
    return ender


@contextlib.contextmanager
def _region_model(model: regions.RegionModel) -> Iterator[None]:
    """The library weighs regions with ``model`` inside the block (as with held-out weights)."""
    saved = regions._REGION_MODEL
    regions._REGION_MODEL = model
    try:
        yield
    finally:
        regions._REGION_MODEL = saved


def _drawn_core(
    model: regions.RegionModel, page: _PageRegions, *, plain_text: bool
) -> tuple[int, int, tuple[tuple[int, int, float], ...]]:
    """The core the library draws of a page with ``model``, before the ender's cut, with each
    weighed region: at the plain-text extender threshold or at the model's own."""
    with _region_model(model):
        return regions._weighed_core(page.blocks, None, None, None, plain_text, kept=False)


def _chosen(scorer: BlockScorer, page: _PageRegions) -> tuple[int, list[float]]:
    scores = scorer.scores(page.rows)
    return max(range(len(scores)), key=lambda k: (scores[k], -k)), scores


def fit_regions(pages: Sequence[PageRows]) -> dict[str, Any]:
    """Fit :func:`articlekit.regions.article_core`'s two models.

    The chooser (logistic): a region is positive when it is the page's best by F1 (the first
    of the best), every other candidate negative. The extender (gradient-boosted trees, see
    :data:`TREE_PARAMS`), on the chooser's picks: another region is positive when most of its
    tokens are content.
    """
    table = region_table(pages)
    xs: list[list[float]] = []
    ys: list[int] = []
    for page in table:
        best = page.f1s.index(max(page.f1s))
        xs += page.rows
        ys += [int(k == best) for k in range(len(page.rows))]
    chooser = _logistic(xs, ys, regions.REGION_FEATURES)
    scorer = BlockScorer.from_dict(chooser)
    xs, ys = [], []
    for page in table:
        if len(page.regions) < 2:
            continue
        pick, scores = _chosen(scorer, page)
        xs += regions.span_rows(page.blocks, page.regions, page.rows, scores, pick)
        ys += [int(c) for k, c in enumerate(page.content) if k != pick]
    extender = _trees(xs, ys, regions.SPAN_FEATURES)
    ender = _ender(table, chooser, extender)
    return {"kind": "article_region", "chooser": chooser, "extender": extender, "ender": ender}


def evaluate_regions(weights: dict[str, Any], pages: Sequence[PageRows]) -> dict[str, Any]:
    """The mean F1 of the core :func:`~articlekit.regions.article_core` takes with these
    weights, beside the densest run's and the chosen run's alone.

    The rows are a whole page's plain text, so the core is the one ``clean_text`` draws, by
    the library's own :func:`~articlekit.regions.scored_core`: the extender at
    :data:`~articlekit.regions.PLAIN_TEXT_EXTENDER_THRESHOLD` (not at the model's own
    threshold, which is the HTML path's), then the ender's cut.
    """
    model = regions.RegionModel.from_dict(weights)
    densest, chosen, cores, moved = [], [], [], 0
    for page in region_table(pages):
        pick, _ = _chosen(model.chooser, page)
        with _region_model(model):
            start, end, _ = regions.scored_core(page.blocks, plain_text=True)
        densest.append(page.f1s[0])
        chosen.append(page.f1s[pick])
        cores.append(_token_f1(page.sizes, page.labels, start, end))
        moved += (start, end) != page.regions[0][:2]
    n = max(1, len(densest))
    return {
        "pages": len(densest),
        "densest": sum(densest) / n,
        "chosen": sum(chosen) / n,
        "core": sum(cores) / n,
        "moved": moved,
    }


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
    parser.add_argument(
        "--path",
        choices=("html", "text", "regions"),
        default="html",
        help="which rows: page blocks, plain-text lines, or the article core's candidate regions"
        " (of the plain-text table)",
    )
    parser.add_argument("--exclude", default="", help="fit without this dataset")
    parser.add_argument("--out", type=Path, default=None, help="where fit writes the weights")
    args = parser.parse_args(argv)
    if args.command == "table":
        if args.data is None:
            parser.error("table needs the data folder")
        build_table(sorted(args.data.glob("*.jsonl.gz")), args.limit, args.cache, args.jobs)
        return 0
    data = load(args.cache, "text" if args.path == "regions" else args.path)
    columns = pagemodel.HTML_FEATURES if args.path == "html" else pagemodel.TEXT_FEATURES
    # Trees for the page-block model (the one that ships), a logistic model for text lines.
    fitter = fit_blocks if args.path == "html" else fit
    if not data:
        parser.error(f"no table in {args.cache}: run `python -m benchmarks.train table` first")
    if args.command == "lodo" and args.path == "regions":
        print("| held out | pages | densest run F1 | chosen run F1 | core F1 | cores moved |")
        print("|---|---|---|---|---|---|")
        for name, pages in data.items():
            train = [p for other, ps in data.items() if other != name for p in ps]
            got = evaluate_regions(fit_regions(train), pages)
            print(
                f"| {name} | {got['pages']} | {got['densest']:.4f} | {got['chosen']:.4f} "
                f"| {got['core']:.4f} ({got['core'] - got['densest']:+.4f}) | {got['moved']} |"
            )
        return 0
    if args.command == "lodo":
        baseline = "trafilatura" if args.path == "html" else "the whole text"
        print(f"| held out | pages | block acc | scorer F1 (P / R) | {baseline} F1 (P / R) |")
        print("|---|---|---|---|---|")
        for name, got in lodo(data, columns, fitter).items():
            messy = (
                f" (body lost {got['body_lost']:.1%}, junk leaked {got['junk_leaked']:.1%})"
                if "body_lost" in got
                else ""
            )
            print(
                f"| {name} | {got['pages']} | {got['block_accuracy']:.3f} "
                f"| {_fmt(got.get('scorer'))}{messy} | {_fmt(got.get('baseline'))} |"
            )
        return 0
    pages = held_in(data, args.exclude, parser)
    weights = fit_regions(pages) if args.path == "regions" else fitter(pages, columns)
    write_weights(weights, args.out)
    return 0


def held_in(data: dict[str, list[T]], exclude: str, parser: argparse.ArgumentParser) -> list[T]:
    """The pages of every dataset but ``exclude`` (all of them when it is empty).

    A misspelt ``--exclude`` is an error: the set would otherwise be fitted on silently, and
    "held out" it is not.
    """
    if exclude and exclude not in data:
        parser.error(f"--exclude {exclude}: no such dataset (have: {', '.join(sorted(data))})")
    return [p for name, ps in data.items() if name != exclude for p in ps]


#: A tree's place in the indented JSON, before its one-line text is put there.
_PLACEHOLDER = re.compile(r'"@tree(\d+)@"')


def write_weights(weights: dict[str, Any], out: Path | None) -> None:
    """Print the weights as JSON, or write them to ``out`` (the form the package ships).

    Indented, except that each tree of a tree model stands on one line: a node a line would
    make the shipped file thousands of lines long.
    """
    trees: list[str] = []

    def compact(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get("kind") == "trees":
                trees.extend(json.dumps(tree, separators=(",", ":")) for tree in value["trees"])
                start = len(trees) - len(value["trees"])
                return {**value, "trees": [f"@tree{k}@" for k in range(start, len(trees))]}
            return {key: compact(item) for key, item in value.items()}
        return value

    # Every placeholder back to its tree in one pass over the text.
    text = _PLACEHOLDER.sub(
        lambda m: trees[int(m.group(1))], json.dumps(compact(weights), indent=1) + "\n"
    )
    if out is None:
        print(text)
    else:
        out.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
