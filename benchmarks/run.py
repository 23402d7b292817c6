"""Side-by-side benchmark of articlekit and its peers.

Usage (from the repository root)::

    python -m benchmarks.run DATA.jsonl.gz [DATA2 ...] [--limit N] [--systems a,b,...]
        [--jobs N] [--out results.json] [--markdown] [--chart PNG]

Every selected system runs on the same pages; each system is timed per page with
``time.perf_counter``. One table is printed per data file; the raw per-page scores (never page
text) go to a JSON file, by default under ``benchmarks/results/`` (gitignored). A file of
plain-text records (messy-dev: ``text`` and ``gold.body``/``junk``, no HTML) is run by the
systems that read plain text only; the others are left out of its table with a notice.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import multiprocessing
import platform
import socket
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from benchmarks import metrics
from benchmarks.metrics import UPDATED, Gold
from benchmarks.systems import (
    AUTHORS,
    DATE,
    EMPTY,
    SYSTEMS,
    TEXT,
    TITLE,
    Prediction,
    System,
    versions,
)

T = TypeVar("T")

RESULTS_DIR = Path(__file__).resolve().parent / "results"
META_FIELDS = (TITLE, AUTHORS, DATE)
LINE_RATES = ("body_lost", "junk_leaked")  # plain-text records: the lines of gold body / junk
MAX_ERROR_SAMPLES = 5

# --- one page ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One system on one page: time, error and the scores where gold and system allow."""

    seconds: float
    error: str | None = None
    text: tuple[float, float, float] | None = None  # normalised shingle TP, FP, FN
    snippets: tuple[int, int, int] | None = None  # TP, FP, FN
    body: tuple[float, float, float] | None = None  # as text, against a plain-text record's body
    body_lost: tuple[int, int] | None = None  # body blocks lost, body blocks
    junk_leaked: tuple[int, int] | None = None  # junk lines leaked, junk lines scored
    title: bool | None = None
    authors: bool | None = None
    date: bool | None = None


def score(system: System, gold: Gold, pred: Prediction) -> dict[str, Any]:
    """Score one prediction against the gold fields it can be compared with."""
    scores: dict[str, Any] = {}
    if TEXT in system.fields:
        if gold.text is not None:
            scores["text"] = metrics.shingle_match(gold.text, pred["text"])
        if gold.has_snippets:
            scores["snippets"] = metrics.snippet_counts(pred["text"], gold.with_, gold.without)
        if gold.body:
            scores["body"] = metrics.shingle_match(gold.body_text, pred["text"])
            lost, leaked = metrics.line_counts(pred["text"], gold.body, gold.junk)
            scores["body_lost"], scores["junk_leaked"] = lost, leaked
    if TITLE in system.fields and gold.title is not None:
        scores["title"] = metrics.title_match(gold.title, pred["title"])
    if AUTHORS in system.fields and gold.authors:
        scores["authors"] = metrics.authors_match(gold.authors, pred["authors"])
    if DATE in system.fields and gold.date is not None:
        day = pred["updated"] if gold.date_field == UPDATED else pred["date"]
        scores["date"] = metrics.date_match(gold.date, day)
    return scores


def run_system(system: System, page: dict[str, Any], gold: Gold) -> Outcome:
    """Run and time one system on one page; an exception counts as empty output."""
    error = None
    start = time.perf_counter()
    try:
        pred = system.extract(page)
    except Exception as exc:  # any peer failure is an empty output, counted
        pred = EMPTY
        error = f"{type(exc).__name__}: {exc}"[:300]
    seconds = time.perf_counter() - start
    return Outcome(seconds=seconds, error=error, **score(system, gold, pred))


def _refuse_network(*args: Any, **kwargs: Any) -> Any:
    raise OSError("network access is disabled while benchmarking")


def _init_worker(names: Sequence[str], warmup: str | None = None) -> None:
    """Prepare a process: quiet peers, no network (pages are self-contained), warm systems.

    Each system runs once on ``warmup`` (a page line) untimed, so that no system's timing
    pays for imports, model loading or lazily built tables of a library it shares with
    another (trafilatura and htmldate are used by several systems).
    """
    logging.disable(logging.CRITICAL)  # peers log a warning per hard page
    warnings.simplefilter("ignore")
    socket.getaddrinfo = _refuse_network
    socket.socket.connect = _refuse_network  # type: ignore[method-assign]
    if warmup is not None:
        for name in names:
            run_page(name, warmup)


def run_page(name: str, line: str) -> dict[str, Any]:
    """Run one system on one JSON line; scores only, no page text."""
    page = json.loads(line)
    gold = Gold.from_dict(page.get("gold") or {})
    return {"id": page.get("id"), "outcome": asdict(run_system(SYSTEMS[name], page, gold))}


# --- aggregation -------------------------------------------------------------------------------


@dataclass
class Totals:
    """Everything one system scored on one file."""

    seconds: float = 0.0
    pages: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    text: list[tuple[float, float, float]] = field(default_factory=list)
    snippets: list[int] = field(default_factory=lambda: [0, 0, 0])
    snippet_pages: int = 0
    body: list[tuple[float, float, float]] = field(default_factory=list)
    # [count, out of, records] of the two line rates, each summed over the file's records
    lines: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in LINE_RATES})
    meta: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in META_FIELDS})

    def add(self, page_id: str, outcome: dict[str, Any]) -> None:
        self.pages += 1
        self.seconds += outcome["seconds"]
        if outcome["error"]:
            self.errors += 1
            if len(self.error_samples) < MAX_ERROR_SAMPLES:
                self.error_samples.append(f"page {page_id}: {outcome['error']}")
        if outcome["text"] is not None:
            self.text.append(tuple(outcome["text"]))
        if outcome["snippets"] is not None:
            self.snippet_pages += 1
            self.snippets = [a + b for a, b in zip(self.snippets, outcome["snippets"], strict=True)]
        if outcome["body"] is not None:
            self.body.append(tuple(outcome["body"]))
        for name in LINE_RATES:
            if outcome[name] is not None:
                count, out_of = outcome[name]
                self.lines[name][0] += count
                self.lines[name][1] += out_of
                self.lines[name][2] += 1
        for name in META_FIELDS:
            if outcome[name] is not None:
                self.meta[name][0] += int(outcome[name])
                self.meta[name][1] += 1

    def summary(self) -> dict[str, Any]:
        tp, fp, fn = self.snippets
        return {
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "errors": self.errors,
            "error_samples": self.error_samples,
            "text": asdict(metrics.main_text_scores(self.text)),
            "snippets": asdict(metrics.snippet_scores(tp, fp, fn, self.snippet_pages)),
            "snippet_counts": {"tp": tp, "fp": fp, "fn": fn},
            "body": asdict(metrics.main_text_scores(self.body)),
            **{
                # A micro-average: a record with many blocks weighs more than a short one.
                name: {
                    "rate": count / out_of if out_of else None,
                    "count": count,
                    "of": out_of,
                    "n": n,
                }
                for name, (count, out_of, n) in self.lines.items()
            },
            **{
                name: {"acc": ok / n if n else None, "correct": ok, "n": n}
                for name, (ok, n) in self.meta.items()
            },
        }


# --- tables ------------------------------------------------------------------------------------


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _prf(prf: dict[str, Any]) -> str:
    return f"{_num(prf['f'])} ({_num(prf['p'])} / {_num(prf['r'])})"


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def _gold_counts(summaries: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Pages that count for each column: the same for every system producing the field.

    For the line rates also the lines they are taken over (``body_lost_of``, ``junk_leaked_of``).
    """
    keys = ("text", "snippets", "body", *LINE_RATES, *META_FIELDS)
    counts = dict.fromkeys((*keys, *(f"{name}_of" for name in LINE_RATES)), 0)
    for summary in summaries.values():
        for column in keys:
            counts[column] = max(counts[column], summary[column]["n"])
        for name in LINE_RATES:
            counts[f"{name}_of"] = max(counts[f"{name}_of"], summary[name]["of"])
    return counts


Column = tuple[str | None, str, Callable[[dict[str, Any]], str]]


def _columns(counts: dict[str, int]) -> list[Column]:
    """(summary key, heading, cell) of the columns that have gold on this file."""
    columns: list[Column] = []
    if counts["text"]:
        columns.append(("text", f"main-text F1 (P / R), n={counts['text']}", _cell_prf("text")))
    if counts["snippets"]:
        heading = f"snippet F (P / R), n={counts['snippets']}"
        columns.append(("snippets", heading, _cell_prf("snippets")))
    # Plain-text records: the two line rates (over lines, not records) and the body's F1.
    if counts["body_lost"]:
        heading = f"body lost ({counts['body_lost_of']} blocks)"
        columns.append(("body_lost", heading, _cell_rate("body_lost")))
    if counts["junk_leaked_of"]:  # records may all be without junk
        heading = f"junk leaked ({counts['junk_leaked_of']} lines)"
        columns.append(("junk_leaked", heading, _cell_rate("junk_leaked")))
    if counts["body"]:
        columns.append(("body", f"body F1 (P / R), n={counts['body']}", _cell_prf("body")))
    columns += [
        (name, f"{name} acc (n={counts[name]})", _cell_acc(name))
        for name in META_FIELDS
        if counts[name]
    ]
    columns.append((None, "seconds", lambda s: f"{s['seconds']:.1f}"))
    columns.append((None, "errors", lambda s: str(s["errors"])))
    return columns


def _cell_prf(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda summary: _prf(summary[key])


def _cell_acc(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda summary: _num(summary[key]["acc"])


def _cell_rate(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda summary: _percent(summary[key]["rate"])


def table_rows(summaries: dict[str, dict[str, Any]]) -> list[list[str]]:
    """Header plus one row per system; "-" where a system does not produce the field."""
    columns = _columns(_gold_counts(summaries))
    rows = [["system", *(heading for _, heading, _ in columns)]]
    for name, summary in summaries.items():
        cells = [
            cell(summary) if key is None or summary[key]["n"] else "-" for key, _, cell in columns
        ]
        rows.append([name, *cells])
    return rows


def render(rows: list[list[str]], markdown: bool) -> str:
    """A markdown pipe table, or space-aligned plain text."""
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + "|".join("---" for _ in rows[0]) + "|")
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


# --- driver ------------------------------------------------------------------------------------


def read_lines(path: Path, limit: int | None) -> Iterator[str]:
    """The raw JSON lines of a ``.jsonl`` or ``.jsonl.gz`` file, at most ``limit`` of them."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield line


def count_lines(path: Path, limit: int | None) -> int:
    return sum(1 for _ in read_lines(path, limit))


def progress(results: Iterable[T], total: int, label: str) -> Iterator[T]:
    """Wrap results with a tqdm bar on stderr, or a plain counter if tqdm is missing."""
    try:
        from tqdm import tqdm
    except ImportError:
        for i, item in enumerate(results, 1):
            if i % 25 == 0 or i == total:
                print(f"\r{label}: {i}/{total}", end="", file=sys.stderr, flush=True)
            yield item
        print(file=sys.stderr)
        return
    yield from tqdm(results, total=total, desc=label, unit="page", file=sys.stderr)


def run_file(
    path: Path, names: Sequence[str], limit: int | None, jobs: int, repeat: int = 1
) -> dict[str, Any]:
    """Run the systems on every page of one file; per-system summaries and per-page scores.

    With ``repeat`` > 1 each system goes over the file that many times (fresh workers each
    time) and a page's time is its fastest run: timeit's rule, as noise only ever adds time.
    The rounds take turns (every system's first pass, then every system's second...), so
    that a change in the machine's speed during the run reaches all systems alike rather
    than the one that happened to run then. Scores come from the first pass (every system is
    deterministic).
    """
    totals = {name: Totals() for name in names}
    pages: dict[Any, dict[str, Any]] = {}
    start = time.perf_counter()
    warmup = next(read_lines(path, 1), None)
    total = count_lines(path, limit)
    # One system at a time, each in fresh worker processes: systems that share libraries
    # (trafilatura, htmldate and their caches) must not time each other's work on a page.
    outcomes: dict[str, dict[Any, dict[str, Any]]] = {name: {} for name in names}
    for round_ in range(repeat):
        for name in names:
            label = f"{path.name} {name}" + (f" ({round_ + 1}/{repeat})" if repeat > 1 else "")
            with multiprocessing.Pool(jobs, _init_worker, ([name], warmup)) as pool:
                results = pool.imap(partial(run_page, name), read_lines(path, limit), chunksize=4)
                for result in progress(results, total, label):
                    kept = outcomes[name].setdefault(result["id"], result["outcome"])
                    kept["seconds"] = min(kept["seconds"], result["outcome"]["seconds"])
    for name in names:
        for page_id, outcome in outcomes[name].items():
            page = pages.setdefault(page_id, {"id": page_id, "systems": {}})
            page["systems"][name] = outcome
            totals[name].add(page_id, outcome)
    return {
        "file": str(path),
        "pages": len(pages),
        "wall_seconds": round(time.perf_counter() - start, 1),
        "systems": {name: t.summary() for name, t in totals.items()},
        "per_page": list(pages.values()),
    }


def readable_by(path: Path, names: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The systems that can read this file's records, and the others with the reason.

    The first record speaks for the file (each file is of one kind: pages with ``html`` and
    ``page_text``, or plain-text records with ``text``); a later record that lacks a system's
    input is an error of that page, counted as any other.
    """
    first = next(read_lines(path, 1), None)
    record = json.loads(first) if first is not None else {}
    missing = {n: reason for n in names if (reason := SYSTEMS[n].missing_input(record))}
    return [n for n in names if n not in missing], missing


def select_systems(spec: str | None) -> tuple[list[str], dict[str, str]]:
    """Selected runnable systems in registry order, and the skipped ones with the reason."""
    wanted = list(SYSTEMS) if not spec else [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in wanted if n not in SYSTEMS]
    if unknown:
        raise SystemExit(f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SYSTEMS)}")
    skipped = {n: reason for n in wanted if (reason := SYSTEMS[n].unavailable())}
    return [n for n in SYSTEMS if n in wanted and n not in skipped], skipped


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("data", nargs="+", type=Path, help="benchmark .jsonl.gz file(s)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each file")
    parser.add_argument("--systems", help=f"comma-separated subset of: {','.join(SYSTEMS)}")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes across pages")
    parser.add_argument(
        "--out",
        type=Path,
        help="raw results JSON (default: benchmarks/results/results-<timestamp>.json)",
    )
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    parser.add_argument(
        "--chart",
        type=Path,
        metavar="PNG",
        help="also draw precision/recall per system and file into this PNG (matplotlib)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each system N times, rounds in turn; a page's time is its fastest run "
        "(default 1)",
    )
    return parser.parse_args(argv)


def report(result: dict[str, Any], skipped: dict[str, str], markdown: bool) -> str:
    """The printed block for one file: heading, table, skipped systems, error samples."""
    name = Path(result["file"]).name
    if result["systems"]:
        table = render(table_rows(result["systems"]), markdown)
    else:
        table = "no selected system reads these records"
    lines = [
        f"{'## ' if markdown else ''}{name}: {result['pages']} pages, "
        f"{result['wall_seconds']:.0f} s wall",
        "",
        table,
    ]
    # Systems skipped everywhere (not installed), then those that cannot read this file.
    skipped = {**skipped, **result.get("skipped", {})}
    lines += [f"skipped {n}: {reason}" for n, reason in skipped.items()]
    for system, summary in result["systems"].items():
        if summary["errors"]:
            lines.append(
                f"{system}: {summary['errors']} error(s), e.g. {summary['error_samples'][0]}"
            )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    names, skipped = select_systems(args.systems)
    for name, reason in skipped.items():
        print(f"notice: skipping {name}: {reason}", file=sys.stderr)
    if not names:
        print("nothing to run", file=sys.stderr)
        return 1
    started = datetime.now(timezone.utc)
    out = args.out or RESULTS_DIR / f"results-{started:%Y%m%d-%H%M%S}.json"
    run = {
        "started": started.isoformat(timespec="seconds"),
        "command": " ".join(["python -m benchmarks.run", *(argv or sys.argv[1:])]),
        "python": platform.python_version(),
        "versions": versions(SYSTEMS[n] for n in names),
        "jobs": args.jobs,
        "repeat": max(1, args.repeat),
        "skipped": skipped,
        "files": [],
    }
    for path in args.data:
        readers, unreadable = readable_by(path, names)
        for name, reason in unreadable.items():
            print(f"notice: skipping {name} on {path.name}: {reason}", file=sys.stderr)
        result = run_file(path, readers, args.limit, max(1, args.jobs), max(1, args.repeat))
        result["skipped"] = unreadable
        run["files"].append(result)
        print(report(result, skipped, args.markdown), flush=True)
        write_json(out, run)
    print("versions: " + ", ".join(f"{k} {v}" for k, v in run["versions"].items()))
    print(f"raw results: {out}", file=sys.stderr)
    if args.chart:
        from benchmarks.chart import draw

        print(f"chart: {draw(run, args.chart)}", file=sys.stderr)
    return 0


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        traceback.print_exc(limit=0)
        sys.exit(130)
