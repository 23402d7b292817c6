"""Which removals take story text: articlekit's removals by reason code, labelled by the gold.

For every labelled page of the given files, runs ``clean_html(html, url=url)`` and
``clean_text(page_text)`` (``clean_text(text)`` for plain-text records such as ``messy-dev``)
and labels each :class:`~articlekit.article.Removal`'s text as a training row of
``benchmarks.train`` is labelled: story text when most of its 4-token shingles are in the
gold text (a short one: when its tokens are in the gold in a row), on trafilatura-eval when it
holds a ``with`` snippet and no ``without`` one, on messy-dev when it is a ``body`` line. Per
path and reason code it prints the story tokens removed, their share of the gold's tokens, and
the other tokens removed: where the cleaners cost recall, and how much junk each one takes for it::

    python -m benchmarks.removals ../shared/data/dev/dragnet.jsonl.gz --markdown

A second copy of a paragraph counts as story text when the gold holds the first, though
removing it costs nothing: switch a cleaner off and run ``benchmarks.run`` before concluding
that it costs F1. ``$ARTICLEKIT_REGION_WEIGHTS`` is honoured as in ``benchmarks.run``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.metrics import Gold, collapse_ws, tokenize
from benchmarks.run import count_lines, progress, read_lines
from benchmarks.systems import _articlekit
from benchmarks.train import labels_of

#: Counter keys: (path, reason, "story" | "other" | "unknown" | "removals").
Key = tuple[str, str, str]


def _labeller(gold: Gold) -> Callable[[str], float | None]:
    """A function from a removed text to 1.0 (story), 0.0 (other) or None (not known)."""
    if gold.body:  # a plain-text record: its lines are listed (Gold normalises them)
        body, junk = set(gold.body), set(gold.junk) - set(gold.body)

        def messy(text: str) -> float | None:
            line = collapse_ws(text)
            return 1.0 if line in body else 0.0 if line in junk else None

        return messy
    return lambda text: labels_of([text], gold)[0]


def page_counts(line: str) -> tuple[Counter[Key], Counter[str]]:
    """The removal counts of one dev record, and its gold tokens per path it was read on."""
    module = _articlekit()
    record = json.loads(line)
    gold = Gold.from_dict(record.get("gold") or {})
    label = _labeller(gold)
    gold_tokens = len(tokenize(gold.text or gold.body_text))
    counts: Counter[Key] = Counter()
    read: Counter[str] = Counter()
    runs: list[tuple[str, Any, str, dict[str, Any]]] = []
    if record.get("html"):
        runs.append(("html", module.clean_html, record["html"], {"url": record.get("url")}))
    for key in ("page_text", "text"):
        if isinstance(record.get(key), str):
            runs.append(("text", module.clean_text, record[key], {}))
    for path, fn, value, kwargs in runs:
        try:
            article = fn(value, **kwargs)
        except module.ArticlekitError:
            continue  # no article, no removals: benchmarks.run counts the errors
        read[path] += gold_tokens
        for removal in article.removed:
            tokens = len(tokenize(removal.text))
            if not tokens:
                continue
            kind = {1.0: "story", 0.0: "other", None: "unknown"}[label(removal.text)]
            counts[(path, removal.reason, kind)] += tokens
            counts[(path, removal.reason, "removals")] += 1
    return counts, read


def file_counts(path: Path, limit: int | None, jobs: int) -> tuple[Counter[Key], Counter[str]]:
    """:func:`page_counts` summed over a file's records."""
    counts: Counter[Key] = Counter()
    gold: Counter[str] = Counter()
    lines = read_lines(path, limit)
    total = count_lines(path, limit)
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = pool.map(page_counts, lines, chunksize=4)
            for page, tokens in progress(results, total, path.name):
                counts.update(page)
                gold.update(tokens)
    else:
        for page, tokens in progress(map(page_counts, lines), total, path.name):
            counts.update(page)
            gold.update(tokens)
    return counts, gold


def table(counts: Counter[Key], gold: Counter[str], path: str, top: int) -> list[list[str]]:
    """Rows of one path's table: reason, removals, story tokens (share of gold), other tokens."""
    reasons = {reason for p, reason, _ in counts if p == path}
    ordered = sorted(reasons, key=lambda r: (-counts[(path, r, "story")], r))[:top]
    rows = []
    for reason in ordered:
        story = counts[(path, reason, "story")]
        share = f"{story / gold[path]:.2%}" if gold[path] else "-"
        rows.append(
            [
                reason,
                str(counts[(path, reason, "removals")]),
                f"{story} ({share})",
                str(counts[(path, reason, "other")]),
                str(counts[(path, reason, "unknown")]),
            ]
        )
    return rows


HEADER = ["reason", "removals", "story tokens (of gold)", "other tokens", "unlabelled tokens"]


def _print(rows: list[list[str]], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "---|" * len(HEADER))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    for row in [HEADER, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="+", type=Path, help="dev .jsonl or .jsonl.gz files")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each file")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=12, help="reasons shown per table")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--out", type=Path, help="write the counts as JSON here too")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.data if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    found: dict[str, Any] = {}
    for path in args.data:
        counts, gold = file_counts(path, args.limit, args.jobs)
        found[path.name] = {
            "gold_tokens": dict(gold),
            "counts": [[*key, n] for key, n in sorted(counts.items())],
        }
        for kind in ("html", "text"):
            rows = table(counts, gold, kind, args.top)
            if rows:
                reader = "clean_html" if kind == "html" else "clean_text"
                print(f"\n{path.name}: {reader}, {gold[kind]} gold tokens")
                _print(rows, args.markdown)
    if args.out:
        args.out.write_text(json.dumps(found, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
