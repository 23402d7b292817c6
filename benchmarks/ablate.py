"""What each cleaner is worth: the default pipeline against the pipeline without each one.

Every labelled page of the given files is read once (``read_html`` of its HTML, the text
reader of its ``page_text``, or of ``text`` for plain-text records such as ``messy-dev``); the
default pipeline and one variant per cleaner then run on that same draft, and each output is
scored as ``benchmarks.run`` scores ``articlekit_html`` and ``articlekit_text``: main-text F1,
snippet F on trafilatura-eval, body F1 with lines lost and leaked on messy-dev. With
``--order`` the variants are instead the default pipeline with one cleaner moved to just after
``keep_article_core`` (the order sweep of benchmarks/README.md)::

    python -m benchmarks.ablate ../shared/data/dev/dragnet.jsonl.gz --path text --markdown

The table gives each variant's change against the default pipeline: positive when the cleaner
costs more than it gives. Cleaners interact (several read the article core that the earlier
ones leave), so a row is that cleaner's worth in this pipeline, not alone.
``$ARTICLEKIT_REGION_WEIGHTS`` is honoured as in ``benchmarks.run`` (held-out weights for
leave-one-dataset-out figures).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.metrics import Gold
from benchmarks.run import Outcome, Totals, count_lines, progress, read_lines, render, score
from benchmarks.systems import SYSTEMS, Prediction, _articlekit, plain_text, prediction

#: Steps that remove nothing, left in every variant.
KEPT = ("detect_language", "apply_page_metadata", "mark_headings")
#: The variants' name for the default pipeline.
DEFAULT = "(default)"


@functools.cache  # built once per process, not once per record
def pipelines(order: bool) -> dict[str, Any]:
    """The default pipeline and its variants, by name."""
    pipeline = _articlekit().DEFAULT_PIPELINE
    names = [n for n in pipeline.names if n not in KEPT]
    found: dict[str, Any] = {DEFAULT: pipeline}
    if order:
        core = pipeline.names.index("keep_article_core")
        for name in names:
            if pipeline.names.index(name) < core:
                moved = pipeline.without(name).with_(pipeline[name], after="keep_article_core")
                found[name] = moved
    else:
        found.update({name: pipeline.without(name) for name in names})
    return found


def _prediction(article: Any) -> Prediction:
    # Only the text is scored here: the metadata does not change between variants.
    return prediction(article.text, None, [], None, None)


def page_scores(line: str, path: str, order: bool) -> dict[str, dict[str, Any]] | None:
    """Each variant's scores on one record, or None when the record has nothing to read."""
    _articlekit()
    from articlekit._memo import per_document

    # One memo for the read and every variant, as clean_html and clean_text hold one.
    with per_document():
        return _page_scores(json.loads(line), path, order)


def _page_scores(page: dict[str, Any], path: str, order: bool) -> dict[str, dict[str, Any]] | None:
    module = _articlekit()
    from articlekit.readers.html import read_html
    from articlekit.readers.text import read_text

    gold = Gold.from_dict(page.get("gold") or {})
    variants = pipelines(order)
    if path == "html":
        if not page.get("html"):
            return None
        try:
            draft = read_html(page["html"], url=page.get("url"))
        except module.NoArticleError as exc:
            draft = exc.article
        except module.ArticlekitError:
            return None  # a page the reader refuses scores the same in every variant
        system = SYSTEMS["articlekit_html"]
    else:
        if "page_text" not in page and not page.get("text"):
            return None
        draft = read_text(plain_text(page), url=page.get("url"))
        system = SYSTEMS["articlekit_text"]
    return {
        name: score(system, gold, _prediction(pipeline(draft).to_article()))
        for name, pipeline in variants.items()
    }


def summary(pages: Sequence[dict[str, dict[str, Any]]], name: str) -> dict[str, float | None]:
    """One variant's file figures, totalled as ``benchmarks.run`` totals a system's: F (body
    F1 on plain-text records, else main-text F1, else snippet F), and lines lost and leaked."""
    totals = Totals()
    for page in pages:
        totals.add("", asdict(Outcome(seconds=0.0, **page[name])))
    got = totals.summary()
    kind = next((k for k in ("body", "text") if got[k]["n"]), "snippets")
    lines = {k: got[k]["count"] if got[k]["n"] else None for k in ("body_lost", "junk_leaked")}
    return {"f": got[kind]["f"], "lost": lines["body_lost"], "leaked": lines["junk_leaked"]}


def file_scores(
    data: Path, path: str, order: bool, limit: int | None, jobs: int
) -> dict[str, dict[str, float | None]]:
    """Every variant's figures on one file."""
    work = partial(page_scores, path=path, order=order)
    total = count_lines(data, limit)
    lines = read_lines(data, limit)
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            found = list(progress(pool.map(work, lines, chunksize=4), total, data.name))
    else:
        found = list(progress(map(work, lines), total, data.name))
    pages = [p for p in found if p is not None]
    if not pages:
        return {}
    return {name: summary(pages, name) for name in pages[0]}


def rows(figures: dict[str, dict[str, float | None]]) -> list[list[str]]:
    """Table rows: the default's figures, then each variant's change against them."""
    base = figures[DEFAULT]
    found = [[DEFAULT, f"{base['f']:.5f}", _count(base["lost"]), _count(base["leaked"])]]
    for name, got in figures.items():
        if name == DEFAULT or base["f"] is None or got["f"] is None:
            continue
        cells = [f"{got['f'] - base['f']:+.5f}"]
        for key in ("lost", "leaked"):
            b, g = base[key], got[key]
            cells.append("" if b is None or g is None else f"{int(g - b):+d}")
        found.append([name, *cells])
    return found


def _count(value: float | None) -> str:
    return "" if value is None else str(int(value))


HEADER = ["variant", "F (change)", "lines lost", "lines leaked"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="+", type=Path, help="labelled .jsonl(.gz) files")
    parser.add_argument("--path", choices=("html", "text"), default="text")
    parser.add_argument("--order", action="store_true", help="move each cleaner after the core")
    parser.add_argument("--limit", type=int, help="read only the first N records of each")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--markdown", action="store_true", help="markdown tables")
    parser.add_argument("--out", type=Path, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)
    if absent := [str(f) for f in args.files if not f.is_file()]:
        parser.error(f"no such file: {', '.join(absent)}")
    reader = "clean_html" if args.path == "html" else "clean_text"
    written: dict[str, Any] = {}
    for data in args.files:
        written[data.name] = figures = file_scores(
            data, args.path, args.order, args.limit, args.jobs
        )
        if figures:
            print(f"\n{data.name}: {reader}\n{render([HEADER, *rows(figures)], args.markdown)}")
        else:
            print(f"\n{data.name}: no record to read on the {args.path} path")
    if args.out:
        args.out.write_text(json.dumps(written, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
