"""The ``articlekit`` command.

Example:
    $ articlekit clean seeds/004_ea4ee81a95d7319a.txt
    $ articlekit clean --format text --without remove_headline_lists page.txt
    $ cat page.txt | articlekit clean -
    $ articlekit clean --jobs 2 -o articles.jsonl crawl/ 'more/**/*.warc.gz' pages.jsonl.gz
    $ articlekit clean --format markdown https://example.org/news/story
    $ articlekit clean --format html --output-dir clean/ crawl/
    $ articlekit clean --fields url,title,text,input.id pages.jsonl
    $ articlekit explain page.html
    $ articlekit explain --record 12 --html report.html pages.jsonl
"""

from __future__ import annotations

import argparse
import codecs
import functools
import importlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from articlekit._output import (
    EXTENSIONS,
    FORMATS,
    SEPARATORS,
    FileNames,
    Shape,
    html_document,
    output_stem,
    parse_fields,
    render,
)
from articlekit._version import __version__
from articlekit.batch import (
    FETCH_JOBS,
    RECORDS_PER_WORKER,
    Record,
    Result,
    check_warc_support,
    clean_record,
    clean_records,
    count_records,
    expand_inputs,
    read_inputs,
)
from articlekit.cleaners.profile import with_profile
from articlekit.errors import (
    ArticlekitError,
    InputError,
    MissingDependencyError,
    PipelineError,
    ProfileError,
)
from articlekit.fetch import DEFAULT_FETCH_TIMEOUT
from articlekit.pipeline import DEFAULT_PIPELINE, Pipeline
from articlekit.profiles import MAX_LINES, MIN_PAGES, MIN_SHARE, SiteProfile
from articlekit.readers.html import parse_html
from articlekit.readers.html_input import DEFAULT_MAX_BYTES
from articlekit.readers.page import page_blocks
from articlekit.report import explain_html, explain_text, printable

__all__ = ["main"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
#: 128 + the signal: what a shell reports for a program the signal stopped.
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE (not in the signal module on Windows)
EXIT_TERMINATED = 128 + signal.SIGTERM


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
        "folders or glob patterns, and web pages given as http(s):// URLs. Every record gives "
        "one output (in jsonl, failures included as error lines).",
    )
    clean.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="file, folder (searched for .txt/.html/.jsonl/.warc files), glob pattern "
        "('**' for any depth) or http(s):// URL (fetched); - reads stdin",
    )
    clean.add_argument(
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="json: an indented object per record; jsonl: one line per record with its path "
        "and record number (failures as an 'error' object); text: title and body; "
        "markdown: the article as Markdown (title, subtitle, byline and date first; "
        "records separated by a '---' line); html: the article as clean HTML, each record "
        "an <article> of one UTF-8 page; auto (default): json for one text or HTML file "
        "or URL, or with --output-dir; jsonl otherwise",
    )
    clean.add_argument(
        "--fields",
        type=_field_names,
        metavar="NAME,...",
        help="json and jsonl: write only these fields, in this order: the Article's (title, "
        "text, url, authors, published...), path, record, and input.NAME for a field of a "
        "JSON Lines input record (the input's own fields are dropped unless named); a failed "
        "record keeps its 'error'",
    )
    clean.add_argument(
        "--no-links",
        dest="links",
        action="store_false",
        help="markdown: write a link's text alone, without its target",
    )
    clean.add_argument(
        "--no-metadata",
        dest="metadata",
        action="store_false",
        help="markdown and html: the body alone, without the title, subtitle, byline and "
        "date above it",
    )
    clean.add_argument(
        "--images",
        action="store_true",
        help="markdown and html: the body's images too, where they stood among its blocks",
    )
    output = clean.add_mutually_exclusive_group()
    output.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    output.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one file per record into DIR (created if missing), named after the "
        "input file, the URL's host and path, or the JSON Lines/WARC file and record number, "
        "with the format's extension (.json, .jsonl, .txt, .md, .html); a name taken twice "
        "gets -2, -3...; a failed record gets no file (jsonl: a file with its error line)",
    )
    clean.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes"
    )
    clean.add_argument(
        "--timeout",
        type=_positive_seconds,
        metavar="SECONDS",
        help="time budget per record: a record that takes longer gets an error line "
        "(TimeoutError) in its place and the batch goes on (cleaning then runs in worker "
        "processes, one with --jobs 1)",
    )
    clean.add_argument(
        "--records-per-worker",
        type=_whole_number,
        default=RECORDS_PER_WORKER,
        metavar="N",
        help="replace a worker process by a fresh one after it cleaned N records, so that "
        f"a long batch runs in flat memory (default {RECORDS_PER_WORKER}; 0: never)",
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
    _add_reading_options(clean)
    _add_cleaning_options(clean)
    explain = sub.add_parser(
        "explain",
        help="show what was removed from a page and why",
        description="Clean one input and show its blocks in order: kept text plain, removed "
        "pieces struck through with their reason code and cleaner, then counts per reason. "
        "JSON Lines and WARC inputs: every record in turn, or the one --record names. "
        "--html writes a self-contained HTML report instead.",
    )
    explain.add_argument(
        "file",
        metavar="INPUT",
        help="a text, HTML, JSON Lines or WARC file, or an http(s):// URL; - reads stdin",
    )
    explain.add_argument(
        "--html",
        metavar="REPORT.html",
        help="write an HTML report (removed text struck through and labelled) to this file "
        "instead of printing; needs a single record",
    )
    explain.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the terminal output (default auto: when stdout is a terminal and "
        "NO_COLOR is not set)",
    )
    explain.add_argument(
        "--record",
        type=_positive_int,
        metavar="N",
        help="only the record at line N (JSON Lines) or response N (WARC), the number "
        "'articlekit clean' prints as 'record'",
    )
    _add_reading_options(explain)
    _add_cleaning_options(explain)
    profile = sub.add_parser(
        "profile",
        help="learn a site profile (the lines a site prints on every page) from its pages",
        description="Learn a site profile from pages of one site (text, HTML, JSON Lines, "
        "WARC), for `clean --profile`: the lines on at least --min-pages pages and at "
        "least --min-share of them are the site's template. HTML pages are learned from "
        "their whole text, menus and footers included.",
    )
    profile.add_argument("files", nargs="+", metavar="INPUT", help="as for clean")
    profile.add_argument(
        "-o", "--output", required=True, metavar="PROFILE.json", help="the profile to write"
    )
    profile.add_argument(
        "--update",
        action="store_true",
        help="add the pages to the profile already in --output (its settings are kept)",
    )
    profile.add_argument(
        "--min-pages",
        type=_positive_int,
        default=None,
        metavar="N",
        help=f"a template line is on at least N pages (default {MIN_PAGES})",
    )
    profile.add_argument(
        "--min-share",
        type=float,
        default=None,
        metavar="SHARE",
        help=f"...and on at least this share of the pages (default {MIN_SHARE:g})",
    )
    profile.add_argument(
        "--max-lines",
        type=_positive_int,
        default=None,
        metavar="N",
        help=f"the most distinct lines the profile keeps (default {MAX_LINES:,})",
    )
    _add_reading_options(profile)
    sub.add_parser("cleaners", help="list the default pipeline's cleaners and reason codes")
    return parser


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    """Options that say how to read the inputs (shared by ``clean`` and ``explain``)."""
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "html", "jsonl", "warc"),
        default="auto",
        help="how to read the inputs (default: by file name; URLs are HTML; stdin is HTML when "
        "it starts with markup, a tag, doctype or comment after any BOM and blanks, else text)",
    )
    parser.add_argument(
        "--field",
        metavar="NAME",
        help="JSON Lines field with the page (default: the first of html, text, page_text, "
        "content, body); HTML when it is 'html' or starts with '<'",
    )
    parser.add_argument(
        "--url-field", default="url", metavar="NAME", help="JSON Lines field with the URL"
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of text and JSON Lines files (utf-8)"
    )
    parser.add_argument(
        "--fetch-timeout",
        type=_positive_seconds,
        default=DEFAULT_FETCH_TIMEOUT,
        metavar="SECONDS",
        help="for URL inputs: seconds to connect, to wait for data, and for the whole page "
        f"(default {DEFAULT_FETCH_TIMEOUT:g}); a URL that takes longer is its record's error "
        "(FetchError)",
    )
    parser.add_argument(
        "--fetch-jobs",
        type=_positive_int,
        default=FETCH_JOBS,
        metavar="N",
        help=f"for URL inputs: how many are fetched at once (default {FETCH_JOBS}); the "
        "records keep the order of the inputs",
    )


def _add_cleaning_options(parser: argparse.ArgumentParser) -> None:
    """Options that set up the pipeline and its inputs (shared by ``clean`` and ``explain``)."""
    parser.add_argument("--url", help="the page URL for records without their own")
    parser.add_argument(
        "--reference-date",
        type=_parse_date,
        metavar="ISO_DATE",
        help="anchor for year-less and relative dates (default: none, such dates are ignored)",
    )
    parser.add_argument(
        "--max-bytes",
        type=_byte_limit,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"the largest HTML page read, in bytes (default {DEFAULT_MAX_BYTES:,}; 'none': no "
        "limit); a larger page is that record's error (InputTooLargeError; for a URL, "
        "FetchError: its download stops at the limit)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="CLEANER",
        help="drop a cleaner from the pipeline by name (repeatable)",
    )
    parser.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="MODULE:NAME[,before=CLEANER|,after=CLEANER]",
        help="add your own cleaner (a Cleaner, a cleaner class or a Draft -> Draft function), "
        "at the end or before/after a named cleaner (repeatable); MODULE is found in the "
        "current folder too",
    )
    parser.add_argument(
        "--profile",
        metavar="PROFILE.json",
        help="drop the lines this site profile calls template (see `articlekit profile`), "
        "with reason boilerplate_repeat",
    )


def _field_names(value: str) -> tuple[str, ...]:
    try:
        return parse_fields(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _byte_limit(value: str) -> int | None:
    if value.strip().lower() == "none":
        return None
    return _positive_int(value.replace("_", "").replace(",", ""))


def _int_at_least(value: str, minimum: int) -> int:
    try:
        number = int(value)
    except ValueError:
        number = minimum - 1
    if number < minimum:
        msg = f"must be a whole number of at least {minimum}, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _positive_int(value: str) -> int:
    return _int_at_least(value, 1)


def _whole_number(value: str) -> int:
    return _int_at_least(value, 0)


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        msg = f"must be a number of seconds above 0, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return seconds


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
        step: Any = getattr(_import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        msg = f"--add {spec!r}: cannot import {attr} from {module_name} ({exc})"
        raise PipelineError(msg) from None
    if isinstance(step, type):
        step = step()  # a cleaner class: its default configuration
    return step, where


def _import_module(name: str) -> Any:
    """Import ``name`` as ``python -m`` would: modules in the current folder are found too.

    The ``articlekit`` script, unlike ``python -m articlekit``, does not put the current
    folder on ``sys.path``: a cleaner written next to the pages would not be found. It is
    put first, as ``python -m`` does, in each worker process too (they build the pipeline
    with this function).
    """
    here = os.getcwd()
    if here not in sys.path and "" not in sys.path:
        sys.path.insert(0, here)
    importlib.invalidate_caches()  # a module written since the last import is seen
    return importlib.import_module(name)


def build_pipeline(
    without: Sequence[str] = (), add: Sequence[str] = (), profile: str | None = None
) -> Pipeline:
    """The default pipeline without the named cleaners, plus imported ones (see ``--add``).

    Module level so worker processes can rebuild it (``functools.partial`` of it pickles).

    Args:
        without: Names of cleaners to drop.
        add: ``--add`` specs of cleaners to import and place.
        profile: Path of a saved :class:`~articlekit.SiteProfile`, applied with
            :func:`~articlekit.cleaners.profile.with_profile`.

    Raises:
        PipelineError: If a name is unknown or an added cleaner cannot be imported or placed.
        ProfileError: If the profile file cannot be read or is not a profile.
    """
    pipeline = DEFAULT_PIPELINE.without(*without)
    if profile is not None:
        try:
            loaded = SiteProfile.load(profile)
        except OSError as exc:
            msg = f"{profile}: cannot read the site profile: {exc.strerror or exc}"
            raise ProfileError(msg) from None
        except ProfileError as exc:
            raise type(exc)(f"{profile}: {exc}") from None
        pipeline = with_profile(pipeline, loaded)
    for spec in add:
        step, where = _import_step(spec)
        try:
            pipeline = pipeline.with_(step, **where)
        except TypeError as exc:
            msg = f"--add {spec!r}: not a cleaner ({exc})"
            raise PipelineError(msg) from None
    return pipeline


def _page_lines(record: Record) -> str:
    """The whole text of a record's page, one block per line, as a profile learns it."""
    content = record.content
    if record.kind == "html":
        # Bytes of a fetched page or a WARC response: in the charset their server declared.
        blocks = page_blocks(parse_html(content, charset=record.charset))
        return "\n".join(b.text for b in blocks)
    return content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content


def _learn_profile(args: argparse.Namespace, *, stdin: TextIO, stderr: TextIO) -> int:
    """``articlekit profile``: learn the pages of the inputs into a saved SiteProfile."""
    settings = {
        k: v
        for k, v in (
            ("min_pages", args.min_pages),
            ("min_share", args.min_share),
            ("max_lines", args.max_lines),
        )
        if v is not None
    }
    try:
        if args.update and Path(args.output).exists():
            profile = SiteProfile.load(args.output)
        else:
            profile = SiteProfile(**settings)
    except ArticlekitError as exc:
        stderr.write(f"articlekit: {exc}\n")
        return EXIT_USAGE
    records = read_inputs(
        expand_inputs(args.files),
        input_format=args.input_format,
        encoding=args.encoding,
        field_name=args.field,
        url_field=args.url_field,
        stdin=stdin,
        fetch_timeout=args.fetch_timeout,
        fetch_jobs=args.fetch_jobs,
    )
    learned = failed = 0
    for record in records:
        try:
            if record.kind == "error":
                raise InputError(record.error or "unreadable record")
            profile.learn(_page_lines(record))
            learned += 1
        except ArticlekitError as exc:
            failed += 1
            stderr.write(f"articlekit: {record.where}: {exc}\n")
    try:
        profile.save(args.output)
    except (OSError, ArticlekitError) as exc:
        stderr.write(f"articlekit: {args.output}: cannot write the profile: {exc}\n")
        return EXIT_USAGE
    template = len(profile.template_lines())
    stderr.write(
        f"articlekit: {args.output}: {profile.pages} pages learned ({learned} now), "
        f"{template} template lines\n"
    )
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _list_cleaners(out: TextIO) -> None:
    for cleaner in DEFAULT_PIPELINE:
        reasons = ", ".join(getattr(cleaner, "reasons", ())) or "-"
        out.write(f"{cleaner.name:<24} {reasons}\n")


#: The signals held while a line is written, so that an interrupt lands between lines.
_HELD = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends (they are handled right after)."""
    hold = hasattr(signal, "pthread_sigmask")
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD) if hold else None
    try:
        yield
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _write(out: TextIO, text: str) -> None:
    """Write ``text`` in one write, flushed, SIGINT and SIGTERM held until it is out.

    An interrupted run so leaves whole lines: the signal waits for the line to be written
    (it is not lost: it is handled right after).
    """
    if not text:
        return
    with _signals_held():
        out.write(text)
        out.flush()


class _StreamSink:
    """Writes the records one after the other on one stream (stdout or ``-o FILE``).

    Markdown records are separated by a ``---`` line; HTML ones are ``<article>``
    elements of one page, begun before the first and ended by :meth:`close`.
    """

    def __init__(self, out: TextIO, shape: Shape) -> None:
        self.out = out
        self.shape = shape
        self.written = 0
        self.end = ""

    def write(self, result: Result) -> None:
        text = render(result, self.shape)
        if not text:
            return
        if self.written:
            text = SEPARATORS.get(self.shape.format, "") + text
        elif self.shape.format == "html":
            start, self.end = html_document(result.article.title if result.article else None)
            text = start + text
        self.written += 1
        _write(self.out, text)

    def close(self) -> None:
        _write(self.out, self.end)


class _FolderSink:
    """Writes each record into a file of its own in ``--output-dir`` (see :func:`output_stem`)."""

    def __init__(self, folder: Path, shape: Shape) -> None:
        self.folder = folder
        self.shape = shape
        self.names = FileNames(EXTENSIONS[shape.format])

    def write(self, result: Result) -> None:
        text = render(result, self.shape)
        if not text:
            return
        if self.shape.format == "html":
            start, end = html_document(result.article.title if result.article else None)
            text = start + text + end
        path = self.folder / self.names.take(output_stem(result))
        with _signals_held():  # an interrupt leaves whole files only
            path.write_text(text, encoding="utf-8")

    def close(self) -> None:
        pass


class _Terminated(BaseException):
    """SIGTERM arrived (a BaseException, so that no ``except Exception`` catches it)."""


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """Turn SIGTERM into :class:`_Terminated` while a batch runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet_stdout(out: TextIO) -> None:
    """After a broken pipe: point stdout at /dev/null so exiting flushes nowhere, quietly.

    As the Python docs' "Note on SIGPIPE" does.
    """
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _say(stderr: TextIO, line: str) -> None:
    """One line on stderr, whatever happens to stderr."""
    try:
        stderr.write(line + "\n")
        stderr.flush()
    except (OSError, ValueError):
        pass


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _use_colour(choice: str, stream: TextIO) -> bool:
    """``--color``: always, never, or auto (a terminal, unless NO_COLOR is set).

    An explicit ``--color always`` wins over NO_COLOR, as https://no-color.org asks: the
    variable sets the default, a command-line flag overrides it.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _explain(
    args: argparse.Namespace, pipeline: Pipeline, *, stdin: TextIO, stdout: TextIO, stderr: TextIO
) -> int:
    """``articlekit explain``: see :func:`main` and docs/explain.md."""
    records: Iterator[Record] = read_inputs(
        [args.file],
        input_format=args.input_format,
        encoding=args.encoding,
        field_name=args.field,
        url_field=args.url_field,
        stdin=stdin,
        fetch_timeout=args.fetch_timeout,
        fetch_jobs=args.fetch_jobs,
        max_bytes=args.max_bytes,
    )
    if args.record is not None:
        # A whole text or HTML file is one record (position None): --record does not apply.
        wanted = (r for r in records if r.position is None or r.position == args.record)
        chosen = next(wanted, None)
        if chosen is None:
            stderr.write(f"articlekit: {args.file}: no record {args.record}\n")
            return EXIT_USAGE
        records = iter([chosen])
    if args.html:
        head = list(islice(records, 2))
        if len(head) > 1:
            stderr.write(
                f"articlekit: {args.file} holds several records; an HTML report shows one: "
                "pick it with --record N\n"
            )
            return EXIT_USAGE
        records = iter(head)
    colour = _use_colour(args.color, stdout)
    done = failed = 0
    for record in records:
        done += 1
        result = clean_record(
            record,
            pipeline,
            url=args.url,
            reference_date=args.reference_date,
            max_bytes=args.max_bytes,
        )
        if not result.ok or result.article is None:
            failed += 1
            stderr.write(f"articlekit: {result.where}: {result.error}\n")
            continue
        article = result.article
        if args.html:
            page = explain_html(article, source=result.where)
            try:
                with open(args.html, "w", encoding="utf-8") as out:
                    out.write(page)
            except OSError as exc:
                stderr.write(f"articlekit: {args.html}: cannot write: {exc.strerror}\n")
                return EXIT_USAGE
            stderr.write(
                f"articlekit: wrote {args.html} ({len(article.blocks)} blocks kept, "
                f"{len(article.removed)} pieces removed)\n"
            )
            continue
        if record.position is not None:  # one of many: say which
            rule = f"== {result.where}" + (f" {result.url}" if result.url else "")
            stdout.write(("\n" if done > 1 else "") + _heading(rule, colour) + "\n")
        stdout.write(explain_text(article, color=colour) + "\n")
    if not done:
        stderr.write(f"articlekit: {args.file}: no page to explain\n")
        return EXIT_SOME_FAILED
    if failed:
        if done > 1:
            stderr.write(f"articlekit: {failed} of {done} records failed\n")
        return EXIT_SOME_FAILED
    return EXIT_OK


def _heading(line: str, colour: bool) -> str:
    """A record's heading line, bold on a colour terminal, control characters escaped."""
    line = printable(line)  # a URL from a JSON line or a WARC header is page data too
    return f"\x1b[1m{line}\x1b[0m" if colour else line


def _progress(
    results: Iterator[Result], *, enabled: bool, stderr: TextIO, total: int | None = None
) -> tuple[Iterator[Result], Callable[[str], None]]:
    """Wrap ``results`` in a tqdm bar on ``stderr`` that shows up after a second's work.

    With ``total`` (the number of records, when it is known up front) the bar shows the
    share done and the time left.

    Returns the iterator and the function that prints a message line on ``stderr`` without
    breaking the bar.
    """
    if not enabled:
        return results, lambda line: print(line, file=stderr)
    from tqdm import tqdm

    def report(line: str) -> None:
        tqdm.write(line, file=stderr)

    bar = tqdm(results, total=total, file=stderr, unit=" records", delay=1.0)
    return iter(bar), report


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code.

    Exit codes: 0 every record cleaned (or explained), 1 some records failed (each reported
    on stderr with its file and line or record number, the others still written; for
    ``explain`` also an input without any page), 2 bad usage (for ``explain`` also a
    ``--record`` that is not there, or ``--html`` on several records).

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
    try:
        return _command(args, stdin=stdin, stdout=stdout, stderr=stderr)
    except KeyboardInterrupt:
        _say(stderr, "articlekit: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout(stdout)
        return EXIT_BROKEN_PIPE


def _command(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run the parsed command (see :func:`main`)."""
    if args.command == "cleaners":
        _list_cleaners(stdout)
        return EXIT_OK
    if (problem := _check_reading(args)) is not None:
        stderr.write(f"articlekit: {problem}\n")
        return EXIT_USAGE
    if args.command == "profile":
        return _learn_profile(args, stdin=stdin, stderr=stderr)
    make_pipeline = functools.partial(
        build_pipeline, tuple(args.without), tuple(args.add), args.profile
    )
    try:
        pipeline = make_pipeline()
    except ArticlekitError as exc:
        stderr.write(f"articlekit: {exc}\n")
        return EXIT_USAGE
    if args.command == "explain":
        return _explain(args, pipeline, stdin=stdin, stdout=stdout, stderr=stderr)
    files = expand_inputs(args.files)
    shape = _shape(args, files)
    if isinstance(shape, str):
        stderr.write(f"articlekit: {shape}\n")
        return EXIT_USAGE
    records: Iterator[Record] = read_inputs(
        files,
        input_format=args.input_format,
        encoding=args.encoding,
        field_name=args.field,
        url_field=args.url_field,
        stdin=stdin,
        fetch_timeout=args.fetch_timeout,
        fetch_jobs=args.fetch_jobs,
        max_bytes=args.max_bytes,
    )
    results = clean_records(
        records,
        pipeline=pipeline,
        make_pipeline=make_pipeline,
        jobs=args.jobs,
        url=args.url,
        reference_date=args.reference_date,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        records_per_worker=args.records_per_worker or None,
    )
    show = args.progress if args.progress is not None else stderr.isatty()
    # Counting reads a JSON Lines file once more: only for a bar that shows it.
    total = (
        count_records(files, input_format=args.input_format, encoding=args.encoding)
        if show
        else None
    )
    done = failed = 0
    out = stdout
    try:
        with _sigterm_stops(), ExitStack() as stack:
            close = getattr(results, "close", None)  # stops the worker processes
            if close is not None:
                stack.callback(close)
            sink: _StreamSink | _FolderSink
            if args.output_dir:
                try:
                    Path(args.output_dir).mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    why = exc.strerror or exc
                    _say(stderr, f"articlekit: {args.output_dir}: cannot create: {why}")
                    return EXIT_USAGE
                sink = _FolderSink(Path(args.output_dir), shape)
            else:
                if args.output:
                    try:
                        out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
                    except OSError as exc:
                        _say(stderr, f"articlekit: {args.output}: cannot write: {exc.strerror}")
                        return EXIT_USAGE
                sink = _StreamSink(out, shape)
            bar, report = _progress(results, enabled=show, stderr=stderr, total=total)
            for result in bar:
                done += 1
                if not result.ok:
                    failed += 1
                    report(f"articlekit: {result.where}: {_one_line(result.error)}")
                sink.write(result)
            sink.close()
    except KeyboardInterrupt:
        _say(stderr, f"articlekit: interrupted after {done} records")
        return EXIT_INTERRUPTED
    except _Terminated:
        _say(stderr, f"articlekit: terminated after {done} records")
        return EXIT_TERMINATED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other Unix tools do.
        _quiet_stdout(out)
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        where = args.output or exc.filename or args.output_dir or "standard output"
        _say(stderr, f"articlekit: {where}: cannot write: {exc.strerror or exc}")
        return EXIT_USAGE
    if failed:
        _say(stderr, f"articlekit: {failed} of {done} records failed")
        return EXIT_SOME_FAILED
    if show:
        _say(stderr, f"articlekit: {done} records cleaned")
    return EXIT_OK


def _shape(args: argparse.Namespace, files: Sequence[str]) -> Shape | str:
    """How ``clean`` writes each record, or what is wrong with the output options."""
    fmt = args.format
    if fmt == "auto":
        single = len(files) == 1 and args.input_format in ("auto", "text", "html")
        single = single and not files[0].lower().endswith((".jsonl", ".ndjson", ".gz", ".warc"))
        fmt = "json" if single or args.output_dir else "jsonl"
    if args.fields is not None and fmt not in ("json", "jsonl"):
        return f"--fields chooses the fields of json and jsonl output, not of --format {fmt}"
    if not args.links and fmt != "markdown":
        return f"--no-links is for --format markdown, not {fmt}"
    if not args.metadata and fmt not in ("markdown", "html"):
        return f"--no-metadata is for --format markdown and html, not {fmt}"
    if args.images and fmt not in ("markdown", "html"):
        return f"--images is for --format markdown and html, not {fmt}"
    return Shape(fmt, args.fields, links=args.links, metadata=args.metadata, images=args.images)


def _check_reading(args: argparse.Namespace) -> str | None:
    """What is wrong with the reading options, up front (None: nothing)."""
    try:
        codecs.lookup(args.encoding)
        "".encode(args.encoding)  # rot13, base64... are codecs, not text encodings
    except LookupError:
        return f"--encoding {args.encoding!r}: not a text encoding (for example utf-8, latin-1)"
    inputs = [args.file] if hasattr(args, "file") else list(args.files)
    try:
        check_warc_support(expand_inputs(inputs), args.input_format)
    except MissingDependencyError as exc:
        return str(exc)
    return None


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
