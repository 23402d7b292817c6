"""Site-profile experiment: main-text F1 of ``clean_text`` with and without a site profile.

Usage (from the repository root)::

    python -m benchmarks.site_profiles DATA.jsonl.gz [DATA2 ...] [--jobs N]
        [--min-pages N] [--min-share S] [--max-lines N] [--before STEP]

Pages are grouped by host (the ``url``'s host name, a leading ``www.`` dropped). For every
page on a host with two or more pages, a :class:`articlekit.SiteProfile` is learned from the
*other* pages of that host only (leave-one-out: the page never teaches its own profile), and
``clean_text(page_text)`` is scored without and with it, with the benchmark's main-text
metric (4-token shingles, P and R averaged over pages, F1 their harmonic mean) and the title
metric. One markdown table per file: hosts with two or more pages (a profile learned from a
single other page, which the default ``min_pages`` never trusts) and hosts with three or more.

``--before STEP`` puts the profile's cleaner before that pipeline step instead of where
``clean_text`` puts it (``first`` for the very start, ``after:STEP`` after a step; a final
``!`` sets ``keep_field_lines=False``): the placement experiment.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks import metrics
from benchmarks.metrics import Gold


def host_of(url: str | None) -> str | None:
    """The URL's host, lower case, without a leading ``www.``; None without one.

    >>> host_of("https://WWW.Example.com/a/b?c"), host_of(None)
    ('example.com', None)
    """
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = host.removeprefix("www.")
    return host or None


def load_pages(path: Path) -> list[dict[str, Any]]:
    """The pages of a ``.jsonl(.gz)`` file: url, page_text and gold only."""
    opener = gzip.open if path.suffix == ".gz" else open
    pages = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                page = json.loads(line)
                pages.append(
                    {"url": page.get("url"), "page_text": page["page_text"], "gold": page["gold"]}
                )
    return pages


def _pipeline(profile: Any, before: str | None) -> Any:
    import articlekit
    from articlekit.cleaners.profile import RemoveBoilerplateRepeat

    step = RemoveBoilerplateRepeat(profile, keep_field_lines=not before.endswith("!"))
    before = before.rstrip("!")
    if before == "first":
        return articlekit.Pipeline([step, *articlekit.DEFAULT_PIPELINE])
    if before.startswith("after:"):
        return articlekit.DEFAULT_PIPELINE.with_(step, after=before.removeprefix("after:"))
    return articlekit.DEFAULT_PIPELINE.with_(step, before=before)


def run_page(task: tuple[dict[str, Any], list[str], dict[str, Any]]) -> dict[str, Any]:
    """Score one page without and with a profile learned from ``others``."""
    import articlekit

    page, others, options = task
    gold = Gold.from_dict(page["gold"])
    profile = articlekit.SiteProfile(
        min_pages=options["min_pages"],
        min_share=options["min_share"],
        max_lines=options["max_lines"],
    )
    profile.learn_many(others)
    result: dict[str, Any] = {}
    for label in ("without", "with"):
        kwargs: dict[str, Any] = {"url": page["url"]}
        if label == "with":
            if options["before"] is None:
                kwargs["profile"] = profile
            else:
                kwargs["pipeline"] = _pipeline(profile, options["before"])
        article = articlekit.clean_text(page["page_text"], **kwargs)
        scores: dict[str, Any] = {
            "removed": sum(r.reason == "boilerplate_repeat" for r in article.removed)
        }
        if gold.text is not None:
            scores["text"] = metrics.shingle_match(gold.text, article.text)
        if gold.title is not None:
            scores["title"] = metrics.title_match(gold.title, article.title)
        result[label] = scores
    result["host"] = host_of(page["url"])
    return result


def _prf(results: Sequence[dict[str, Any]], label: str) -> metrics.PRF:
    return metrics.main_text_scores([r[label]["text"] for r in results if "text" in r[label]])


def _title(results: Sequence[dict[str, Any]], label: str) -> str:
    found = [r[label]["title"] for r in results if "title" in r[label]]
    return f"{sum(found) / len(found):.3f}" if found else "-"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(name: str, results: Sequence[dict[str, Any]], counts: dict[str, int]) -> str:
    """The markdown table of one file."""
    lines = [
        f"#### {name}: {counts['pages']} pages on {counts['hosts']} hosts; "
        f"{counts['hosts2']} hosts have 2+ pages ({counts['pages2']} pages), "
        f"{counts['hosts3']} have 3+ ({counts['pages3']} pages)",
        "",
        "| pages on hosts with | pages | hosts | F1 (P / R) without | F1 (P / R) with | ΔF1 "
        "| title without / with | blocks removed (pages) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for least in (2, 3):
        subset = [r for r in results if r["size"] >= least]
        if not subset:
            continue
        without, with_ = _prf(subset, "without"), _prf(subset, "with")
        delta = "-" if without.f is None or with_.f is None else f"{with_.f - without.f:+.3f}"
        removed = sum(r["with"]["removed"] for r in subset)
        touched = sum(r["with"]["removed"] > 0 for r in subset)
        lines.append(
            f"| {least}+ pages | {len(subset)} | {len({r['host'] for r in subset})} "
            f"| {_fmt(without.f)} ({_fmt(without.p)} / {_fmt(without.r)}) "
            f"| {_fmt(with_.f)} ({_fmt(with_.p)} / {_fmt(with_.r)}) | {delta} "
            f"| {_title(subset, 'without')} / {_title(subset, 'with')} "
            f"| {removed} ({touched}) |"
        )
    return "\n".join(lines)


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the experiment on each file and print the tables."""
    import articlekit.profiles as profiles

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-pages", type=int, default=profiles.MIN_PAGES)
    parser.add_argument("--min-share", type=float, default=profiles.MIN_SHARE)
    parser.add_argument("--max-lines", type=int, default=profiles.MAX_LINES)
    parser.add_argument("--before", default=None, help="pipeline step to put the cleaner before")
    args = parser.parse_args(argv)
    options = {
        "min_pages": args.min_pages,
        "min_share": args.min_share,
        "max_lines": args.max_lines,
        "before": args.before,
    }
    print(
        f"Site profiles, {date.today().isoformat()}, commit {_commit()}, "
        f"min_pages={args.min_pages}, min_share={args.min_share}, max_lines={args.max_lines}, "
        f"before={args.before}\n"
    )
    for path in args.files:
        pages = load_pages(path)
        by_host: dict[str, list[int]] = defaultdict(list)
        for i, page in enumerate(pages):
            host = host_of(page["url"])
            if host is not None:
                by_host[host].append(i)
        tasks, sizes = [], []
        for members in by_host.values():
            if len(members) < 2:
                continue
            for i in members:
                others = [pages[j]["page_text"] for j in members if j != i]
                tasks.append((pages[i], others, options))
                sizes.append(len(members))
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(run_page, tasks, chunksize=4)
        for result, size in zip(results, sizes, strict=True):
            result["size"] = size
        counts = {
            "pages": len(pages),
            "hosts": len(by_host),
            "hosts2": sum(len(m) >= 2 for m in by_host.values()),
            "pages2": sum(len(m) for m in by_host.values() if len(m) >= 2),
            "hosts3": sum(len(m) >= 3 for m in by_host.values()),
            "pages3": sum(len(m) for m in by_host.values() if len(m) >= 3),
        }
        name = path.name.removesuffix(".gz").removesuffix(".jsonl")
        print(table(name, results, counts) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
