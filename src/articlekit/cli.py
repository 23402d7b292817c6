"""The ``articlekit`` command.

Example:
    $ articlekit clean seeds/004_ea4ee81a95d7319a.txt
    $ articlekit clean --format text --without remove_headline_lists page.txt
    $ cat page.txt | articlekit clean -
    $ articlekit clean --jobs 2 -o articles.jsonl crawl/ 'more/**/*.warc.gz' pages.jsonl.gz
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from datetime import datetime
from typing import Any, TextIO

from articlekit._version import __version__
from articlekit.batch import Record, Result, clean_records, expand_inputs, read_inputs
from articlekit.errors import ArticlekitError, PipelineError
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
        description="Turn scraped news pages (plain text or HTML) into clean, structured articles.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    clean = sub.add_parser(
        "clean",
        help="clean pages into Articles",
        description="Clean pages into Articles: text files (one block per line), HTML files, "
        "JSON Lines (one page per line) and WARC files (HTTP responses), given as files, "
        "folders or glob patterns. Every record gives one output line, failures included.",
    )
    clean.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="file, folder (searched for .txt/.html/.jsonl/.warc files) or glob pattern "
        "('**' for any depth); - reads stdin",
    )
    clean.add_argument(
        "--format",
        choices=("auto", "json", "jsonl", "text"),
        default="auto",
        help="json: an indented object per record; jsonl: one line per record with its path "
        "and record number (failures as an 'error' object); text: title and body; "
        "auto (default): json for one text or HTML file, jsonl otherwise",
    )
    clean.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    clean.add_argument(
        "--input-format",
        choices=("auto", "text", "html", "jsonl", "warc"),
        default="auto",
        help="how to read the inputs (default: by file name; stdin is text)",
    )
    clean.add_argument(
        "--field",
        metavar="NAME",
        help="JSON Lines field with the page (default: the first of html, text, page_text, "
        "content, body); HTML when it is 'html' or starts with '<'",
    )
    clean.add_argument(
        "--url-field", default="url", metavar="NAME", help="JSON Lines field with the URL"
    )
    clean.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes"
    )
    progress = clean.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar"
    )
    clean.add_argument("--url", help="the page URL for records without their own")
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
        help="drop a cleaner from the pipeline by name (repeatable)",
    )
    clean.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="MODULE:NAME[,before=CLEANER|,after=CLEANER]",
        help="add your own cleaner (a Cleaner, a cleaner class or a Draft -> Draft function), "
        "at the end or before/after a named cleaner (repeatable)",
    )
    clean.add_argument(
        "--encoding", default="utf-8", help="encoding of text and JSON Lines files (utf-8)"
    )
    sub.add_parser("cleaners", help="list the default pipeline's cleaners and reason codes")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"must be a whole number of at least 1, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _import_step(spec: str) -> tuple[Any, dict[str, str]]:
    """Import ``module:name[,before=X|,after=X]``; return the step and where to put it."""
    target, *options = spec.split(",")
    module_name, _, attr = target.partition(":")
    if not module_name or not attr:
        msg = f"--add {spec!r}: expected MODULE:NAME, for example mypackage.cleaners:drop_promos"
        raise PipelineError(msg)
    where: dict[str, str] = {}
    for option in options:
        key, _, value = option.partition("=")
        if key.strip() not in ("before", "after") or not value.strip():
            msg = f"--add {spec!r}: options are before=CLEANER or after=CLEANER"
            raise PipelineError(msg)
        where[key.strip()] = value.strip()
    try:
        step: Any = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        msg = f"--add {spec!r}: cannot import {attr} from {module_name} ({exc})"
        raise PipelineError(msg) from None
    if isinstance(step, type):
        step = step()  # a cleaner class: its default configuration
    return step, where


def build_pipeline(without: Sequence[str] = (), add: Sequence[str] = ()) -> Pipeline:
    """The default pipeline without the named cleaners, plus imported ones (see ``--add``).

    Module level so worker processes can rebuild it (``functools.partial`` of it pickles).

    Raises:
        PipelineError: If a name is unknown or an added cleaner cannot be imported or placed.
    """
    pipeline = DEFAULT_PIPELINE.without(*without)
    for spec in add:
        step, where = _import_step(spec)
        try:
            pipeline = pipeline.with_(step, **where)
        except TypeError as exc:
            msg = f"--add {spec!r}: not a cleaner ({exc})"
            raise PipelineError(msg) from None
    return pipeline


def _list_cleaners(out: TextIO) -> None:
    for cleaner in DEFAULT_PIPELINE:
        reasons = ", ".join(getattr(cleaner, "reasons", ())) or "-"
        out.write(f"{cleaner.name:<24} {reasons}\n")


def _write(result: Result, fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return
    if not result.ok or result.article is None:
        return  # reported on stderr; json and text have no place for a failure
    article = result.article
    if fmt == "json":
        out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        if article.title:
            out.write(article.title + "\n\n")
        out.write(article.text + "\n")


def _progress(
    results: Iterator[Result], *, enabled: bool, stderr: TextIO
) -> tuple[Iterator[Result], Callable[[str], None]]:
    """Wrap ``results`` in a tqdm bar on ``stderr`` that shows up after a second's work.

    Returns the iterator and the function that prints a message line on ``stderr`` without
    breaking the bar.
    """
    if not enabled:
        return results, lambda line: print(line, file=stderr)
    from tqdm import tqdm

    def report(line: str) -> None:
        tqdm.write(line, file=stderr)

    return iter(tqdm(results, file=stderr, unit=" records", delay=1.0)), report


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code.

    Exit codes: 0 every record cleaned, 1 some records failed (each reported on stderr with
    its file and line or record number, the others still written), 2 bad usage.

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
    make_pipeline = functools.partial(build_pipeline, tuple(args.without), tuple(args.add))
    try:
        pipeline = make_pipeline()
    except ArticlekitError as exc:
        stderr.write(f"articlekit: {exc}\n")
        return EXIT_USAGE
    files = expand_inputs(args.files)
    fmt = args.format
    if fmt == "auto":
        single = len(files) == 1 and args.input_format in ("auto", "text", "html")
        single = single and not files[0].lower().endswith((".jsonl", ".ndjson", ".gz", ".warc"))
        fmt = "json" if single else "jsonl"
    records: Iterator[Record] = read_inputs(
        files,
        input_format=args.input_format,
        encoding=args.encoding,
        field_name=args.field,
        url_field=args.url_field,
        stdin=stdin,
    )
    results = clean_records(
        records,
        pipeline=pipeline,
        make_pipeline=make_pipeline,
        jobs=args.jobs,
        url=args.url,
        reference_date=args.reference_date,
    )
    show = args.progress if args.progress is not None else stderr.isatty()
    done = failed = 0
    with ExitStack() as stack:
        out = stdout
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
            except OSError as exc:
                stderr.write(f"articlekit: {args.output}: cannot write: {exc.strerror}\n")
                return EXIT_USAGE
        bar, report = _progress(results, enabled=show, stderr=stderr)
        for result in bar:
            done += 1
            if not result.ok:
                failed += 1
                report(f"articlekit: {result.where}: {result.error}")
            _write(result, fmt, out)
    if failed:
        stderr.write(f"articlekit: {failed} of {done} records failed\n")
        return EXIT_SOME_FAILED
    if show:
        stderr.write(f"articlekit: {done} records cleaned\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
