"""How the text path tells a document's language: stop words first, langdetect for the rest.

For every record's plain text (``page_text``, or ``text`` for plain-text sets) it reads the
text as :func:`articlekit.clean_text` does, runs the default pipeline's steps before
``detect_language``, and takes the prose blocks that step sees. On them it asks the lexicon's
stop words (:func:`articlekit.cleaners.language.stopword_shares`) and langdetect
(:func:`~articlekit.cleaners.language.langdetect_prose`), and compares both with the language
the page declares in ``<html lang>`` where it declares one::

    python -m benchmarks.language ../shared/data/dev/*.jsonl.gz

It prints, per file and for all files together, how many documents the stop words tell, how
often they agree with langdetect, and how often langdetect alone and the stop words with
langdetect as fallback give the declared language. A grid over the two thresholds
(:data:`~articlekit.cleaners.language.STOPWORD_LANGUAGE_SHARE` and ``STOPWORD_MARGIN``) shows
the choice; the shipped values are the ones that tell the most documents without ever
contradicting a langdetect answer the declaration confirms.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import regex

from benchmarks.run import count_lines, progress, read_lines

_LANG = regex.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", regex.IGNORECASE)

SHARES = (0.15, 0.2, 0.25, 0.3)
MARGINS = (2.0, 3.0, 4.0)


def page_row(line: str) -> dict[str, Any] | None:
    """One record's prose statistics: words read, stop-word shares, langdetect, declaration."""
    from articlekit import lexicon
    from articlekit.cleaners.language import langdetect_prose, stopword_shares
    from articlekit.errors import ArticlekitError
    from articlekit.features import is_prose
    from articlekit.pipeline import DEFAULT_PIPELINE
    from articlekit.readers.text import read_text

    record = json.loads(line)
    text = record.get("page_text") if isinstance(record.get("page_text"), str) else None
    if text is None and isinstance(record.get("text"), str):
        text = record["text"]
    if text is None:
        return None
    try:
        draft = read_text(text)
    except ArticlekitError:
        return None
    for step in DEFAULT_PIPELINE:
        if step.name == "detect_language":
            break
        draft = step(draft)
    prose = [b.text for b in draft.blocks if is_prose(b.text)]
    if not prose:
        return None
    words, shares = stopword_shares(prose)
    found = _LANG.search(record.get("html") or "")
    return {
        "words": words,
        "best": shares[0],
        "second": shares[1][0],
        "langdetect": langdetect_prose(prose),
        "declared": lexicon.language_code(found.group(1)) if found else None,
    }


def told(row: dict[str, Any], share: float, margin: float, min_words: int) -> str | None:
    """The stop words' answer for a row under the given thresholds (as ``stopword_language``)."""
    best, code = row["best"]
    if row["words"] >= min_words and best >= share and best >= margin * row["second"]:
        return str(code)
    return None


def summary(rows: list[dict[str, Any]], share: float, margin: float, min_words: int) -> list[str]:
    """One table row: documents, told, agreement with langdetect, accuracy on declared pages."""
    answers = [(told(r, share, margin, min_words), r) for r in rows]
    said = [(a, r) for a, r in answers if a is not None]
    agree = sum(1 for a, r in said if a == r["langdetect"])
    declared = [(a, r) for a, r in answers if r["declared"]]
    alone = sum(1 for _, r in declared if r["langdetect"] == r["declared"])
    both = sum(1 for a, r in declared if (a or r["langdetect"]) == r["declared"])
    # Told against langdetect where langdetect gave the declared language: the costly error.
    wrong = sum(1 for a, r in declared if a and a != r["declared"] == r["langdetect"])

    def pct(n: int, d: int) -> str:
        return f"{n / d:.1%}" if d else "-"

    return [
        str(len(rows)),
        pct(len(said), len(rows)),
        pct(agree, len(said)),
        str(len(declared)),
        pct(alone, len(declared)),
        pct(both, len(declared)),
        str(wrong),
    ]


HEADER = [
    "documents",
    "told by stop words",
    "= langdetect",
    "declared",
    "langdetect right",
    "stop words + langdetect right",
    "told wrong, langdetect right",
]


def _rows(path: Path, limit: int | None, jobs: int) -> Iterator[dict[str, Any]]:
    lines = read_lines(path, limit)
    total = count_lines(path, limit)
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = pool.map(page_row, lines, chunksize=8)
            yield from (r for r in progress(results, total, path.name) if r is not None)
    else:
        yield from (r for r in progress(map(page_row, lines), total, path.name) if r is not None)


def _table(rows: list[list[str]], header: list[str]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: Sequence[str] | None = None) -> int:
    from articlekit.cleaners import language

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="+", type=Path, help="dev .jsonl or .jsonl.gz files")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each file")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.data if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    shipped = (
        language.STOPWORD_LANGUAGE_SHARE,
        language.STOPWORD_MARGIN,
        language.STOPWORD_MIN_WORDS,
    )
    every: list[dict[str, Any]] = []
    per_file: list[list[str]] = []
    for path in args.data:
        rows = list(_rows(path, args.limit, args.jobs))
        every.extend(rows)
        per_file.append([path.name.split(".")[0], *summary(rows, *shipped)])
    per_file.append(["all", *summary(every, *shipped)])
    print(f"\nShipped thresholds: share {shipped[0]}, margin {shipped[1]}, {shipped[2]} words")
    _table(per_file, ["file", *HEADER])
    print("\nThresholds, all files")
    grid = [
        [f"{share}", f"{margin}", *summary(every, share, margin, shipped[2])]
        for share in SHARES
        for margin in MARGINS
    ]
    _table(grid, ["share", "margin", *HEADER])
    return 0


if __name__ == "__main__":
    sys.exit(main())
