"""What the fitted votes' benchmark commands share: the table of candidates read from the dev
pages once, and the command line that builds, judges (leave-one-dataset-out) and fits a vote.

:mod:`benchmarks.date_model` (the publication day) and :mod:`benchmarks.title_model` (the HTML
title) each give what is their own: which datasets, how a page's candidates are read, how a
vote is fitted on pages and how right it is on them.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import pickle
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.run import count_lines, progress, read_lines
from benchmarks.stamp import warn_if_stale, write_stamp
from benchmarks.train import held_in, write_weights

#: One page of a table: what its candidates are, and what is known of it.
Page = dict[str, Any]


@dataclass(frozen=True)
class Vote:
    """One fitted vote's parts, as its benchmark command uses them.

    Attributes:
        datasets: The dev files (without ``.jsonl.gz``) whose gold the vote is judged on.
        read_page: One dev record's JSON line -> its page of the table, or None to leave it out.
        fit: Pages -> the vote's weights.
        accuracy: Weights (None: without the vote) and pages -> the share of pages right.
        noun: What a page's candidates are, for the table's summary ("days", "candidates").
        baseline: What ``accuracy(None, ...)`` measures, for ``lodo``'s header.
        default_cache: Where ``table`` keeps the pages when ``--cache`` is not given.
    """

    datasets: tuple[str, ...]
    read_page: Callable[[str], Page | None]
    fit: Callable[[Sequence[Page]], dict[str, Any]]
    accuracy: Callable[[dict[str, Any] | None, Sequence[Page]], float]
    noun: str
    baseline: str
    default_cache: Path


@contextlib.contextmanager
def recording(module: Any, choose: str) -> Iterator[list[list[Any]]]:
    """Within the block, ``module.<choose>`` (a vote's choice, as the library calls it)
    records the candidates it is given and chooses nothing; yields those lists, in call
    order. The library's own choice is back in place after the block.

    A table holds what a vote weighed on a page, whatever it would have chosen; the page is
    read in a worker whose logs and warnings say nothing the table needs.

    Example:
        >>> import types
        >>> vote = types.SimpleNamespace(choose=lambda candidates, model=None: candidates[0])
        >>> with recording(vote, "choose") as seen:
        ...     vote.choose(["a", "b"])
        >>> seen, vote.choose(["c"])
        ([['a', 'b']], 'c')
    """
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    seen: list[list[Any]] = []
    chosen = getattr(module, choose)

    def record(candidates: Sequence[Any], model: Any = None) -> None:
        seen.append(list(candidates))

    setattr(module, choose, record)
    try:
        yield seen
    finally:
        setattr(module, choose, chosen)


def _init() -> None:
    sys.setrecursionlimit(10_000)


def build_table(vote: Vote, folder: Path, limit: int | None, cache: Path, jobs: int) -> None:
    """Read every dev file of ``vote.datasets`` in ``folder`` into ``cache/<dataset>.pkl``, and
    the digest of the code that read them into ``cache/source.sha256``."""
    cache.mkdir(parents=True, exist_ok=True)
    for name in vote.datasets:
        path = folder / f"{name}.jsonl.gz"
        if not path.exists():
            print(f"{name}: no {path}, skipped")
            continue
        total = count_lines(path, limit)
        pages: list[Page] = []
        with multiprocessing.get_context("spawn").Pool(jobs, initializer=_init) as pool:
            results = pool.imap(vote.read_page, read_lines(path, limit), chunksize=4)
            for got in progress(results, total, name):
                if got is not None:
                    pages.append(got)
        with (cache / f"{name}.pkl").open("wb") as fh:
            pickle.dump(pages, fh)
        count = sum(len(p["candidates"]) for p in pages)
        print(f"{name}: {len(pages)} pages, {count} {vote.noun}")
    write_stamp(cache)


def load(vote: Vote, cache: Path) -> dict[str, list[Page]]:
    """The cached pages of every dataset of the vote there is."""
    found: dict[str, list[Page]] = {}
    for name in vote.datasets:
        path = cache / f"{name}.pkl"
        if path.exists():
            with path.open("rb") as fh:
                found[name] = pickle.load(fh)
    return found


def main(
    vote: Vote,
    module: str,
    description: str,
    argv: Sequence[str] | None = None,
    lodo: Callable[[dict[str, list[Page]]], list[str]] | None = None,
) -> int:
    """``table``, ``lodo`` and ``fit`` of ``python -m benchmarks.<module>``.

    ``lodo``: the lines of the ``lodo`` table from the cached pages, in place of the default
    table (the vote fitted without each dataset against ``vote.accuracy(None, ...)``)."""
    parser = argparse.ArgumentParser(prog=f"python -m benchmarks.{module}", description=description)
    parser.add_argument("command", choices=("table", "lodo", "fit"))
    parser.add_argument("data", nargs="?", type=Path, help="the folder of the dev .jsonl.gz files")
    parser.add_argument("--limit", type=int, default=None, help="pages per file")
    parser.add_argument("--cache", type=Path, default=vote.default_cache)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--exclude", default="", help="fit without this dataset")
    parser.add_argument("--out", type=Path, default=None, help="where fit writes the weights")
    args = parser.parse_args(argv)
    if args.command == "table":
        if args.data is None:
            parser.error("table needs the data folder")
        build_table(vote, args.data, args.limit, args.cache, args.jobs)
        return 0
    data = load(vote, args.cache)
    if not data:
        parser.error(f"no table in {args.cache}: run `python -m benchmarks.{module} table` first")
    warn_if_stale(args.cache, f"python -m benchmarks.{module} table")
    if args.command == "lodo" and lodo is not None:
        print("\n".join(lodo(data)))
        return 0
    if args.command == "lodo":
        print(f"| held out | pages | {vote.baseline} | the vote (fitted without it) | gain |")
        print("|---|---|---|---|---|")
        for name, pages in data.items():
            train = [p for other, ps in data.items() if other != name for p in ps]
            base, got = vote.accuracy(None, pages), vote.accuracy(vote.fit(train), pages)
            print(f"| {name} | {len(pages)} | {base:.3f} | {got:.3f} | {got - base:+.3f} |")
        return 0
    write_weights(vote.fit(held_in(data, args.exclude, parser)), args.out)
    return 0
