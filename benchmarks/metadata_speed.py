"""How much faster :func:`articlekit.read_metadata` is than :func:`articlekit.clean_html`, and
how often the two give the same metadata.

Usage (from the repository root)::

    python -m benchmarks.metadata_speed ../shared/data/dev/*.jsonl.gz [--limit N] [--repeat 3]
        [--markdown]

On every page of each file (records without ``html`` are skipped: messy-dev's are plain
text), the two functions take turns, ``--repeat`` times each (3 by default; each turn the
other one goes first), and each page counts the fastest run of each: the figures measure the
code, not what else the machine was doing. A page on which ``clean_html`` finds no main
text still has its metadata (the :class:`~articlekit.errors.NoArticleError`'s Article),
which is the one compared.

Per file it prints the pages, both totals and the speed-up (and the pages' median speed-up,
and the share of pages at least :data:`SPEEDUP_BAR` times faster), then per field how often
``read_metadata`` gives ``clean_html``'s value (title, authors, the published day, updated,
source, section, language, url, canonical_url, image, tags), and, where the gold has a
title, authors or a date, the accuracy of each (``benchmarks.metrics``'s ``title_match``,
``authors_match``, ``date_match``). Nothing is written but the table: no page text leaves the
data files.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import metrics
from benchmarks.metrics import UPDATED, Gold
from benchmarks.run import count_lines, progress, read_lines, render
from benchmarks.systems import _articlekit

#: The fields compared, each as a function of an Article (a value two Articles share or not).
FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": lambda a: a.title,
    "authors": lambda a: a.authors,
    "published day": lambda a: a.published.date() if a.published else None,
    "updated": lambda a: a.updated,
    "source": lambda a: a.source,
    "section": lambda a: a.section,
    "language": lambda a: a.language,
    "url": lambda a: a.url,
    "canonical_url": lambda a: a.canonical_url,
    "image": lambda a: a.image,
    "tags": lambda a: a.tags,
}
#: The gold fields scored, with the metric that scores one.
GOLD_FIELDS = ("title", "authors", "date")
SYSTEMS = ("clean_html", "read_metadata")
#: Issue 20's bar: ``read_metadata`` at least this many times faster than ``clean_html``.
SPEEDUP_BAR = 5.0


@dataclass
class FileResult:
    """What one file's pages gave: times, agreements, gold scores."""

    pages: int = 0
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0))
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0.0))
    same: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    compared: int = 0
    #: Each page's speed-up (its clean_html time over its read_metadata time).
    ratios: list[float] = field(default_factory=list)
    gold: dict[str, dict[str, list[bool]]] = field(
        default_factory=lambda: {s: {g: [] for g in GOLD_FIELDS} for s in SYSTEMS}
    )

    @property
    def speedup(self) -> float | None:
        fast = self.seconds["read_metadata"]
        return self.seconds["clean_html"] / fast if fast else None

    def per_page(self, bar: float = SPEEDUP_BAR) -> str:
        """The pages' median speed-up and the share of pages at least ``bar`` times faster."""
        if not self.ratios:
            return "-"
        share = sum(r >= bar for r in self.ratios) / len(self.ratios)
        return f"median {statistics.median(self.ratios):.1f}x, {share:.3f} of the pages >= {bar:g}x"


def _timed(function: Callable[[], Any]) -> tuple[float, Any, str | None]:
    """Run once: seconds, the Article (a NoArticleError's too), the error type of a failure."""
    articlekit = _articlekit()
    start = time.perf_counter()
    try:
        result, error = function(), None
    except articlekit.NoArticleError as exc:
        result, error = exc.article, None
    except articlekit.ArticlekitError as exc:
        result, error = None, type(exc).__name__
    return time.perf_counter() - start, result, error


def measure(page: dict[str, Any], repeat: int) -> tuple[dict[str, float], dict[str, Any]]:
    """The fastest of ``repeat`` turns of each function on one page, and what each gave."""
    articlekit = _articlekit()
    html, url = page["html"], page.get("url")
    calls: dict[str, Callable[[], Any]] = {
        "clean_html": lambda: articlekit.clean_html(html, url=url),
        "read_metadata": lambda: articlekit.read_metadata(html, url=url),
    }
    best = dict.fromkeys(SYSTEMS, float("inf"))
    out: dict[str, Any] = {}
    for turn in range(repeat):
        # Taking turns, the first of each turn changing: neither always runs right after the
        # other (clean_html leaves the caches cold for what follows it).
        for name in SYSTEMS if turn % 2 == 0 else SYSTEMS[::-1]:
            seconds, article, error = _timed(calls[name])
            best[name] = min(best[name], seconds)
            out[name] = error if error else article
    return best, out


def _day(article: Any) -> str | None:
    return article.published.date().isoformat() if article.published else None


def add_page(result: FileResult, page: dict[str, Any], repeat: int) -> None:
    """Measure one page and add it to the file's figures."""
    seconds, out = measure(page, repeat)
    result.pages += 1
    for name in SYSTEMS:
        result.seconds[name] += seconds[name]
        if isinstance(out[name], str):
            result.errors[name] += 1
    if seconds["read_metadata"] > 0:
        result.ratios.append(seconds["clean_html"] / seconds["read_metadata"])
    full, meta = out["clean_html"], out["read_metadata"]
    if isinstance(full, str) or isinstance(meta, str) or full is None or meta is None:
        return
    result.compared += 1
    for name, value in FIELDS.items():
        result.same[name] += value(full) == value(meta)
    gold = Gold.from_dict(page.get("gold") or {})
    for name, article in (("clean_html", full), ("read_metadata", meta)):
        scores = result.gold[name]
        if gold.title is not None:
            scores["title"].append(metrics.title_match(gold.title, article.title))
        if gold.authors:
            scores["authors"].append(metrics.authors_match(gold.authors, list(article.authors)))
        if gold.date is not None:
            day = article.updated if gold.date_field == UPDATED else article.published
            scores["date"].append(
                metrics.date_match(gold.date, day.date().isoformat() if day else None)
            )


def run_file(path: Path, limit: int | None, repeat: int) -> FileResult:
    """Every page of one file with HTML (at most ``limit`` lines read)."""
    result = FileResult()
    lines = read_lines(path, limit)
    for line in progress(lines, count_lines(path, limit), path.name):
        page = json.loads(line)
        if isinstance(page.get("html"), str):
            add_page(result, page, repeat)
    return result


def _share(count: int, total: int) -> str:
    return f"{count / total:.3f}" if total else "-"


def _accuracy(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({len(values)})" if values else "-"


def report(name: str, result: FileResult, markdown: bool) -> str:
    """The tables of one file."""
    speed = f"{result.speedup:.1f}x" if result.speedup else "-"
    head = (
        f"{name}: {result.pages} pages; clean_html {result.seconds['clean_html']:.2f} s, "
        f"read_metadata {result.seconds['read_metadata']:.2f} s: {speed}; per page "
        f"{result.per_page()} (errors: clean_html {result.errors['clean_html']}, "
        f"read_metadata {result.errors['read_metadata']})"
    )
    same = [["field", f"same as clean_html ({result.compared} pages)"]]
    same += [[f, _share(n, result.compared)] for f, n in result.same.items()]
    gold = [["gold", "clean_html", "read_metadata"]]
    gold += [
        [g, _accuracy(result.gold["clean_html"][g]), _accuracy(result.gold["read_metadata"][g])]
        for g in GOLD_FIELDS
        if result.gold["clean_html"][g]
    ]
    parts = [head, render(same, markdown)]
    if len(gold) > 1:
        parts.append(render(gold, markdown))
    return "\n\n".join(parts)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.metadata_speed")
    parser.add_argument("data", nargs="+", type=Path, help="benchmark .jsonl.gz file(s)")
    parser.add_argument("--limit", type=int, default=None, help="at most N pages a file")
    parser.add_argument("--repeat", type=int, default=3, help="turns a page (fastest counts)")
    parser.add_argument("--markdown", action="store_true", help="tables as Markdown")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.repeat < 1:
        print("--repeat must be 1 or more", file=sys.stderr)
        return 2
    for path in args.data:
        result = run_file(path, args.limit, args.repeat)
        if not result.pages:
            print(f"{path.name}: no page with html: skipped\n")
            continue
        print(report(path.name, result, args.markdown) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
