"""The ``articlekit`` command.

Example:
    $ articlekit clean seeds/004_ea4ee81a95d7319a.txt
    $ articlekit clean --format text --without remove_headline_lists page.txt
    $ cat page.txt | articlekit clean -
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from articlekit._version import __version__
from articlekit.api import clean_text
from articlekit.article import Article
from articlekit.errors import ArticlekitError
from articlekit.pipeline import DEFAULT_PIPELINE, Pipeline

__all__ = ["main"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def _parse_date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        msg = f"not an ISO 8601 date: {value!r} (for example 2025-11-16 or 2025-11-16T10:30+00:00)"
        raise argparse.ArgumentTypeError(msg) from None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Turn scraped news text into clean, structured articles.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    clean = sub.add_parser(
        "clean",
        help="clean text files into Articles",
        description="Clean plain-text files (one block per line) into Articles.",
    )
    clean.add_argument("files", nargs="+", metavar="FILE", help="text files; - reads stdin")
    clean.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="json",
        help="json: an indented object per file; jsonl: one line per file with its path; "
        "text: title and body (default: json)",
    )
    clean.add_argument("--url", help="the page URL, copied to the Article")
    clean.add_argument(
        "--reference-date",
        type=_parse_date,
        metavar="ISO_DATE",
        help="anchor for year-less and relative dates (default: none, such dates are ignored)",
    )
    clean.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="CLEANER",
        help="drop a built-in cleaner by name (repeatable)",
    )
    clean.add_argument("--encoding", default="utf-8", help="encoding of the files (default: utf-8)")
    sub.add_parser("cleaners", help="list the default pipeline's cleaners and reason codes")
    return parser


def _read(path: str, encoding: str, stdin: TextIO) -> str:
    if path == "-":
        return stdin.read()
    try:
        return Path(path).read_text(encoding=encoding)
    except UnicodeDecodeError as exc:
        msg = f"{path}: not {encoding} text ({exc.reason} at byte {exc.start}); try --encoding"
        raise ArticlekitError(msg) from exc
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise ArticlekitError(msg) from exc


def _write(article: Article, path: str, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps({"path": path, **article.to_dict()}, ensure_ascii=False) + "\n")
    else:
        if article.title:
            out.write(article.title + "\n\n")
        out.write(article.text + "\n")


def _list_cleaners(out: TextIO) -> None:
    for cleaner in DEFAULT_PIPELINE:
        reasons = ", ".join(getattr(cleaner, "reasons", ())) or "-"
        out.write(f"{cleaner.name:<24} {reasons}\n")


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code.

    Exit codes: 0 all files cleaned, 1 some files failed (each reported on stderr, the others
    still written), 2 bad usage.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` when None.
        stdin: Stream for ``-`` (default ``sys.stdin``).
        stdout: Output stream (default ``sys.stdout``).
        stderr: Error stream (default ``sys.stderr``).

    Returns:
        The exit code.
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help/--version/usage errors
        return int(exc.code or 0)
    if args.command == "cleaners":
        _list_cleaners(stdout)
        return EXIT_OK
    try:
        pipeline: Pipeline = DEFAULT_PIPELINE.without(*args.without)
    except ArticlekitError as exc:
        stderr.write(f"articlekit: {exc}\n")
        return EXIT_USAGE
    failed = 0
    for path in args.files:
        try:
            text = _read(path, args.encoding, stdin)
            article = clean_text(
                text, url=args.url, reference_date=args.reference_date, pipeline=pipeline
            )
        except ArticlekitError as exc:
            stderr.write(f"articlekit: {exc}\n")
            failed += 1
            continue
        _write(article, path, args.format, stdout)
    if failed:
        stderr.write(f"articlekit: {failed} of {len(args.files)} files failed\n")
        return EXIT_SOME_FAILED
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
