"""Fingerprint articlekit's output page by page, to show that a pure speed-up changes nothing.

Runs ``clean_html(html, url=url)`` and ``clean_text(page_text)`` (and, for plain-text records
such as ``messy-dev``, ``clean_text(text)``) on every page of the given files and writes one
line per page and path: the page id, the path and a SHA-256 of the whole Article
(``Article.to_dict()`` as sorted JSON: text, fields, dates and every removal). Compare two runs
with ``--compare``::

    python -m benchmarks.fingerprint $D/*.jsonl.gz --limit 200 --out /tmp/before.tsv
    # ... change the code ...
    python -m benchmarks.fingerprint $D/*.jsonl.gz --limit 200 --out /tmp/after.tsv \\
        --compare /tmp/before.tsv

Errors are fingerprinted too (their class and message), so a page that starts or stops failing
shows up as a difference. ``--without-scores`` hashes the removals without their ``score``
(a field ``Removal`` gained in issue 17), so a run with it compares with a run of code older
than the field.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tqdm import tqdm


def _digest(fn: Any, value: str, scores: bool = True, **kwargs: Any) -> str:
    import articlekit

    try:
        article = fn(value, **kwargs)
    except articlekit.ArticlekitError as exc:
        payload = f"error {type(exc).__name__}: {exc}"
    else:
        data = article.to_dict()
        if not scores:
            for removal in data["removed"]:
                removal.pop("score", None)
        payload = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _page_lines(job: tuple[str, dict[str, Any], bool]) -> list[str]:
    import articlekit

    dataset, page, scores = job
    pid = f"{dataset}/{page.get('id')}"
    out = []
    if page.get("html"):
        digest = _digest(articlekit.clean_html, page["html"], scores, url=page.get("url"))
        out.append(f"{pid}\thtml\t{digest}")
    for key in ("page_text", "text"):
        if isinstance(page.get(key), str):
            out.append(f"{pid}\t{key}\t{_digest(articlekit.clean_text, page[key], scores)}")
    return out


def _pages(paths: list[Path], limit: int | None) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    break
                yield path.name.split(".")[0], json.loads(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path, help=".jsonl.gz files")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each file")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier --out file to compare with")
    parser.add_argument(
        "--without-scores",
        action="store_true",
        help="hash the removals without Removal.score (to compare with code older than it)",
    )
    args = parser.parse_args(argv)

    jobs = [(name, page, not args.without_scores) for name, page in _pages(args.data, args.limit)]
    lines: list[str] = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for chunk in tqdm(pool.map(_page_lines, jobs, chunksize=4), total=len(jobs)):
            lines.extend(chunk)
    args.out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} outputs of {len(jobs)} pages -> {args.out}")
    if args.compare:
        before = {
            tuple(line.split("\t")[:2]): line.split("\t")[2]
            for line in args.compare.read_text(encoding="utf-8").splitlines()
        }
        after = {tuple(line.split("\t")[:2]): line.split("\t")[2] for line in lines}
        shared = before.keys() & after.keys()
        changed = sorted(k for k in shared if before[k] != after[k])
        print(f"compared {len(shared)} outputs: {len(changed)} differ")
        for key in changed[:50]:
            print("  differs:", *key)
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
