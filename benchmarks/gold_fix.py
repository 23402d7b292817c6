"""dragnet's gold with the readers' comments moved out of ``text``, where the split was missed.

The Dragnet benchmark's gold files hold a page's article, then a separator line (``!@#$%^&*()
COMMENTS``), then the readers' comments. ``../shared/data/dev/dragnet.jsonl.gz`` gives the two
as ``gold.text`` (the article) and ``gold.comments`` (*not* content), split on that line; on 23
of its 1,381 pages the separator was typed differently (``!@ $%^&*()  COMMENTS``, ``#$%^&*()
COMMENTS``, ``!@#$%^&*()  COMMNENTS``, ``!@#$%^&*()  CORRECTED``, the symbols alone) and the
comments stayed in ``text``: up to 97 % of a page's gold. A system that keeps a page's comments
is credited with them there and charged for them on the other 395 pages with comments.

This writes a copy of a data file with those pages split as the others are: ``text`` up to the
separator line, what follows it appended to ``comments``; every other record unchanged, in
order. The copy goes outside the repository (it holds the dev pages)::

    python -m benchmarks.gold_fix ../shared/data/dev/dragnet.jsonl.gz \\
        --out /tmp/dragnet-split.jsonl.gz
    python -m benchmarks.run /tmp/dragnet-split.jsonl.gz --jobs 2 --markdown

The published figures (``../shared/data/README.md``) are on the file as given; report both.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import regex

from benchmarks.run import read_lines

#: A line of the separator's symbols, spaces allowed between them, and at most one word in
#: capitals after them (COMMENTS, and its typos).
_SEPARATOR = regex.compile(r"^[ \t]*([!@#$%^&*()][!@#$%^&*() \t]*)(?:[A-Z]{4,})?[ \t\r]*$", regex.M)
#: The separator's symbols, at least this many of them and this many different ones: lines of
#: ``$$$$`` (a price range) or ``****`` (a rule) are article text.
_MIN_SYMBOLS = 5
_MIN_DISTINCT = 4


def split_comments(text: str) -> tuple[str, str] | None:
    """Split a gold text at its first comments separator line; None when it has none.

    Returns:
        ``(article, comments)``, each stripped of the blank lines at the split.

    Example:
        >>> split_comments("Story.\\n\\n!@ $%^&*()  COMMENTS\\n\\nNice post!")
        ('Story.', 'Nice post!')
        >>> split_comments("Prices: $$$$\\n\\n*****\\n\\nMore story.") is None
        True
    """
    for match in _SEPARATOR.finditer(text):
        symbols = match.group(1).replace(" ", "").replace("\t", "")
        if len(symbols) >= _MIN_SYMBOLS and len(set(symbols)) >= _MIN_DISTINCT:
            return text[: match.start()].rstrip(), text[match.end() :].strip()
    return None


def fix_record(record: dict[str, Any]) -> bool:
    """Move the comments out of ``record["gold"]["text"]`` in place; whether it changed."""
    gold = record.get("gold")
    if not isinstance(gold, dict) or not isinstance(gold.get("text"), str):
        return False
    found = split_comments(gold["text"])
    if found is None:
        return False
    article, comments = found
    gold["text"] = article
    earlier = gold.get("comments")
    gold["comments"] = "\n\n".join(c for c in (earlier, comments) if isinstance(c, str) and c)
    return True


def fix_file(source: Path, out: Path) -> tuple[int, list[str]]:
    """Write ``source`` to ``out`` with :func:`fix_record` applied: (records, changed ids)."""
    if source.resolve() == out.resolve():
        raise SystemExit("--out must differ from the data file")
    changed: list[str] = []
    total = 0
    with gzip.open(out, "wt", encoding="utf-8") as fout:
        for line in read_lines(source, None):
            record = json.loads(line)
            total += 1
            if fix_record(record):
                changed.append(str(record.get("id")))
            fout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total, changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.gold_fix", description=__doc__.split("\n")[0]
    )
    parser.add_argument("data", type=Path, help="a .jsonl.gz data file (dragnet)")
    parser.add_argument("--out", type=Path, required=True, help="the corrected copy (.jsonl.gz)")
    args = parser.parse_args(argv)
    total, changed = fix_file(args.data, args.out)
    print(f"{len(changed)} of {total} records: comments moved out of gold.text")
    if changed:
        print("ids: " + ", ".join(changed))
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
