r"""Batches: read pages from files, folders, globs, JSON Lines and WARC, clean them, in order.

The ``articlekit clean`` command is a thin shell around this module; pipelines (a crawler's
post-processing step, a notebook) can use it directly.

A batch is a stream of :class:`Record`\ s: one per text or HTML file, one per line of a JSON
Lines file, one per HTTP response of a WARC file. :func:`clean_record` turns each into one
:class:`Result` — an Article, or the error that record raised — so a bad record is reported
with its position and never silently dropped, and :func:`clean_records` does it for a whole
stream, in input order, in one process or several (``jobs``): the same output either way.

Example:
    >>> import json
    >>> lines = [json.dumps({"url": "https://example.org/a", "text": "Advertisement\nTalks "
    ...          "resumed in Istanbul on Monday, officials said."}), "{not json"]
    >>> records = list(read_jsonl_lines(lines, source="pages.jsonl"))
    >>> [(r.position, r.kind) for r in records]
    [(1, 'text'), (2, 'error')]
    >>> results = list(clean_records(records))
    >>> results[0].article.text
    'Talks resumed in Istanbul on Monday, officials said.'
    >>> results[1].error_type, results[1].where
    ('InputError', 'pages.jsonl:2')
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any, Literal

from articlekit.api import clean_html, clean_text
from articlekit.article import Article
from articlekit.errors import ArticlekitError, InputError, NoArticleError
from articlekit.pipeline import DEFAULT_PIPELINE, Pipeline

__all__ = [
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "TEXT_FIELDS",
    "WARC_SUFFIXES",
    "InputFormat",
    "Record",
    "Result",
    "clean_record",
    "clean_records",
    "expand_inputs",
    "read_inputs",
    "read_jsonl_lines",
    "read_warc",
    "record_from_dict",
]

#: How a record's content is cleaned ("error": the record could not even be read).
RecordKind = Literal["text", "html", "error"]
#: How an input file is read; "auto" decides by its name.
InputFormat = Literal["auto", "text", "html", "jsonl", "warc"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
TEXT_SUFFIXES = (".txt", ".text")
#: The fields of a JSON Lines record tried, in this order, when no field is named: the first
#: that holds a string is cleaned ("html" as HTML, the others as text unless they start with
#: markup).
TEXT_FIELDS = ("html", "text", "page_text", "content", "body")
#: Files a folder is searched for (anything else in a folder is not a page).
_FOLDER_SUFFIXES = HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + TEXT_SUFFIXES


@dataclass(frozen=True)
class Record:
    """One page to clean, and where it came from.

    Attributes:
        source: The file it was read from ("-" for standard input).
        position: 1-based line (JSON Lines) or response number (WARC) in ``source``; None
            when the record is the whole file.
        kind: "text" or "html": which of :func:`~articlekit.clean_text` and
            :func:`~articlekit.clean_html` cleans it; "error" when it could not be read, the
            reason in ``error``.
        content: The text or page (``bytes`` for HTML whose encoding is left to the reader).
        url: The page URL when the input gives one.
        error: Why the record could not be read (``kind == "error"`` only).
        extra: Other fields of a JSON Lines record, passed through to the output.
    """

    source: str
    position: int | None
    kind: RecordKind
    content: str | bytes = ""
    url: str | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def where(self) -> str:
        """``source`` or ``source:position``, as error messages print it."""
        return self.source if self.position is None else f"{self.source}:{self.position}"


@dataclass(frozen=True)
class Result:
    """What cleaning one :class:`Record` gave.

    Attributes:
        source: The record's source file.
        position: The record's position in it (None for a whole file).
        url: The record's URL, if any.
        article: The Article; for a page without main text, the Article of its metadata.
        error_type: The exception's class name when the record failed, else None.
        error: The error message when the record failed, else None.
        extra: The record's other JSON Lines fields.
    """

    source: str
    position: int | None
    url: str | None
    article: Article | None
    error_type: str | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def ok(self) -> bool:
        """True when the record was cleaned without error."""
        return self.error is None

    @property
    def where(self) -> str:
        """``source`` or ``source:position``."""
        return self.source if self.position is None else f"{self.source}:{self.position}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines form: ``path``, ``record``, the extra fields, then the Article.

        A failed record has ``error`` (``{"type": ..., "message": ...}``) and no Article
        fields, except a page without main text, which keeps its metadata Article.
        """
        out: dict[str, Any] = {"path": self.source, "record": self.position}
        out.update({k: v for k, v in self.extra.items() if k not in out})
        if self.error is not None:
            out["error"] = {"type": self.error_type, "message": self.error}
        if self.article is not None:
            out.update(self.article.to_dict())
        elif self.url is not None:
            out["url"] = self.url
        return out


# --- reading -------------------------------------------------------------------------------


def _suffix(path: str) -> str:
    name = path.lower()
    for suffix in JSONL_SUFFIXES + WARC_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return Path(name).suffix


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Turn files, folders and glob patterns into a list of files, in input order.

    A folder gives the page files under it (text, HTML, JSON Lines, WARC, recursively, sorted);
    a pattern is expanded (sorted, ``**`` meaning any depth) unless the shell already did;
    ``-`` (standard input) stays. An input that matches nothing stays too, so that reading it
    reports it in its place (:func:`read_inputs` gives an error record for it).

    Args:
        inputs: Paths, folders, patterns.

    Returns:
        The files, each once.

    Example:
        >>> expand_inputs(["-", "no/such/*.txt", "-"])
        ['-', 'no/such/*.txt']
    """
    files: list[str] = []
    seen: set[str] = set()
    for item in inputs:
        if item == "-" or os.path.isfile(item):
            found = [item]
        elif os.path.isdir(item):
            found = sorted(
                str(p)
                for p in Path(item).rglob("*")
                if p.is_file() and _suffix(p.name) in _FOLDER_SUFFIXES
            )
        else:
            found = sorted(m for m in glob.glob(item, recursive=True) if os.path.isfile(m))
        for path in found or [item]:
            if path not in seen:
                seen.add(path)
                files.append(path)
    return files


def _format_of(path: str, input_format: InputFormat) -> InputFormat:
    if input_format != "auto":
        return input_format
    suffix = _suffix(path)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in WARC_SUFFIXES:
        return "warc"
    return "text"


def _looks_like_markup(text: str) -> bool:
    return text.lstrip()[:1] == "<"


def read_jsonl_lines(
    lines: Iterable[str],
    *,
    source: str,
    field_name: str | None = None,
    url_field: str = "url",
) -> Iterator[Record]:
    """Read JSON Lines records: one :class:`Record` per non-blank line.

    Args:
        lines: The lines.
        source: The file name, for positions in errors.
        field_name: The field holding the page; when None the first of :data:`TEXT_FIELDS`
            that holds a string. A field called "html", or a value starting with "<", is
            cleaned as HTML.
        url_field: The field holding the page URL.

    Yields:
        The records; a line that is not a JSON object with the field gives an "error" record
        at its line number.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield Record(source, number, "error", error=f"not a JSON line ({exc})")
            continue
        if not isinstance(data, dict):
            what = type(data).__name__
            yield Record(source, number, "error", error=f"a JSON {what}, not an object")
            continue
        yield record_from_dict(
            data, source=source, position=number, field_name=field_name, url_field=url_field
        )


def record_from_dict(
    data: Mapping[str, Any],
    *,
    source: str,
    position: int | None = None,
    field_name: str | None = None,
    url_field: str = "url",
) -> Record:
    """Make the :class:`Record` of one JSON Lines object (or any mapping: a row, an item).

    Args:
        data: The object.
        source: Where it came from, for positions in errors.
        position: Its position there, if any.
        field_name: The field holding the page; when None the first of :data:`TEXT_FIELDS`
            that holds a string. A field called "html", or a value starting with "<", is
            cleaned as HTML.
        url_field: The field holding the page URL.

    Returns:
        The record; an "error" record when no field holds a string. Other fields that hold
        a str, int, float or bool are kept in ``extra`` (of an error record too, so that its
        output line can be joined back to the input by an id).

    Example:
        >>> r = record_from_dict({"id": 7, "url": "https://x.test/a", "text": "Hello."},
        ...                      source="rows")
        >>> r.kind, r.url, r.extra
        ('text', 'https://x.test/a', {'id': 7})
        >>> record_from_dict({"id": 7}, source="rows", position=3).error
        'no string field html or text or page_text or content or body'
    """
    names = (field_name,) if field_name else TEXT_FIELDS
    name = next((n for n in names if isinstance(data.get(n), str)), None)
    url = data.get(url_field)
    url = url if isinstance(url, str) and url else None
    extra = {
        k: v
        for k, v in data.items()
        if k != name and k != url_field and isinstance(v, (str, int, float, bool))
    }
    if name is None:
        wanted = field_name or " or ".join(TEXT_FIELDS)
        error = f"no string field {wanted}"
        return Record(source, position, "error", url=url, error=error, extra=extra)
    content: str = data[name]
    kind: RecordKind = "html" if name == "html" or _looks_like_markup(content) else "text"
    return Record(source, position, kind, content, url, extra=extra)


def read_warc(stream: IO[bytes], *, source: str) -> Iterator[Record]:
    """Read the HTML responses of a WARC file (plain or gzip): one :class:`Record` each.

    Only ``response`` records whose HTTP content type is HTML (or not given) are pages;
    requests, metadata, redirects and images are skipped. Needs FastWARC
    (``pip install 'articlekit[warc]'``).

    Args:
        stream: The file, opened in binary mode.
        source: The file name, for positions in errors.

    Yields:
        The records, numbered by response; a file that stops being valid WARC ends with an
        "error" record naming the position it got to.

    Raises:
        InputError: If FastWARC is not installed.
    """
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:  # pragma: no cover - the test extra installs it
        msg = "reading WARC files needs FastWARC: pip install 'articlekit[warc]'"
        raise InputError(msg) from None
    number = 0
    records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
    while True:
        try:
            rec = next(records)
        except StopIteration:
            return
        except (OSError, ValueError) as exc:
            yield Record(source, number + 1, "error", error=f"not a valid WARC record ({exc})")
            return
        number += 1
        http = rec.http_headers
        ctype = (http.get("Content-Type") or "").lower() if http is not None else ""
        if ctype and "html" not in ctype:
            continue
        if http is not None and not 200 <= int(http.status_code or 200) < 300:
            continue
        uri = rec.headers.get("WARC-Target-URI") or None
        yield Record(source, number, "html", bytes(rec.reader.read()), uri)


def _read_file(
    path: str,
    input_format: InputFormat,
    *,
    encoding: str,
    field_name: str | None,
    url_field: str,
    stdin: IO[str] | None,
) -> Iterator[Record]:
    fmt = _format_of(path, input_format)
    if path != "-" and not os.path.isfile(path):
        if os.path.isdir(path):
            why = "a folder without page files (.txt, .html, .jsonl, .warc...)"
        elif glob.has_magic(path):
            why = "no file matches this pattern"
        else:
            why = "no such file"
        yield Record(path, None, "error", error=why)
        return
    try:
        if path == "-":
            stream: IO[str] = stdin if stdin is not None else io.StringIO("")
            if fmt == "jsonl":
                yield from read_jsonl_lines(
                    stream, source=path, field_name=field_name, url_field=url_field
                )
            else:
                text = stream.read()
                yield Record(path, None, "html" if fmt == "html" else "text", text)
            return
        if fmt == "warc":
            with open(path, "rb") as binary:
                yield from read_warc(binary, source=path)
        elif fmt == "jsonl":
            opener = gzip.open if path.lower().endswith(".gz") else open
            with opener(path, "rt", encoding=encoding, errors="strict") as lines:
                yield from read_jsonl_lines(
                    lines, source=path, field_name=field_name, url_field=url_field
                )
        elif fmt == "html":
            # Bytes: the HTML reader finds the encoding from the BOM or the page's charset.
            yield Record(path, None, "html", Path(path).read_bytes())
        else:
            yield Record(path, None, "text", Path(path).read_text(encoding=encoding))
    except UnicodeDecodeError as exc:
        msg = f"not {encoding} text ({exc.reason} at byte {exc.start}); try --encoding"
        yield Record(path, None, "error", error=msg)
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        yield Record(path, None, "error", error=f"cannot read: {reason}")


def read_inputs(
    files: Iterable[str],
    *,
    input_format: InputFormat = "auto",
    encoding: str = "utf-8",
    field_name: str | None = None,
    url_field: str = "url",
    stdin: IO[str] | None = None,
) -> Iterator[Record]:
    """Read every record of ``files`` in order (see :func:`expand_inputs` for folders).

    Args:
        files: File paths; ``-`` reads ``stdin``.
        input_format: How to read them; "auto" decides by name (``.html``/``.htm`` HTML,
            ``.jsonl``/``.ndjson`` (``.gz``) JSON Lines, ``.warc``/``.warc.gz`` WARC, anything
            else plain text).
        encoding: Encoding of text and JSON Lines files (HTML and WARC pages are decoded from
            their own charset).
        field_name: The JSON Lines field with the page (default: see :data:`TEXT_FIELDS`).
        url_field: The JSON Lines field with the URL.
        stdin: The stream ``-`` reads.

    Yields:
        The records; an unreadable file gives one "error" record.
    """
    for path in files:
        yield from _read_file(
            path,
            input_format,
            encoding=encoding,
            field_name=field_name,
            url_field=url_field,
            stdin=stdin,
        )


# --- cleaning ------------------------------------------------------------------------------


def clean_record(
    record: Record,
    pipeline: Pipeline | None = None,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
) -> Result:
    """Clean one record; an :class:`~articlekit.ArticlekitError` becomes a failed Result.

    Args:
        record: The record.
        pipeline: The cleaners (default pipeline when None).
        url: The URL for a record that has none of its own.
        reference_date: Anchors year-less and relative dates.

    Returns:
        The Result, in every case: errors other than articlekit's propagate (they are bugs).
    """
    url = record.url or url

    def failed(article: Article | None, error_type: str, message: str) -> Result:
        # The record's own fields (an id) stay, so a failure can be joined back to its page.
        extra = record.extra
        return Result(record.source, record.position, url, article, error_type, message, extra)

    if record.kind == "error":
        return failed(None, "InputError", record.error or "unreadable record")
    try:
        if record.kind == "html":
            article = clean_html(
                record.content, url=url, reference_date=reference_date, pipeline=pipeline
            )
        else:
            text = record.content
            if isinstance(text, bytes):
                text = text.decode("utf-8", errors="replace")
            article = clean_text(text, url=url, reference_date=reference_date, pipeline=pipeline)
    except NoArticleError as exc:
        meta = exc.article if isinstance(exc.article, Article) else None
        return failed(meta, type(exc).__name__, str(exc))
    except ArticlekitError as exc:
        return failed(None, type(exc).__name__, str(exc))
    return Result(record.source, record.position, url, article, extra=record.extra)


# Each worker process builds its pipeline once (pipelines of user cleaners need not pickle).
_WORKER: dict[str, Any] = {}


def _init_worker(
    make_pipeline: Callable[[], Pipeline] | None, url: str | None, reference_date: datetime | None
) -> None:
    _WORKER["pipeline"] = make_pipeline() if make_pipeline is not None else DEFAULT_PIPELINE
    _WORKER["url"] = url
    _WORKER["reference_date"] = reference_date


def _clean_in_worker(record: Record) -> Result:
    return clean_record(
        record, _WORKER["pipeline"], url=_WORKER["url"], reference_date=_WORKER["reference_date"]
    )


def clean_records(
    records: Iterable[Record],
    *,
    pipeline: Pipeline | None = None,
    make_pipeline: Callable[[], Pipeline] | None = None,
    jobs: int = 1,
    chunksize: int = 8,
    url: str | None = None,
    reference_date: datetime | None = None,
) -> Iterator[Result]:
    """Clean a stream of records, yielding one Result per record in input order.

    Args:
        records: The records (read lazily: a crawl need not fit in memory).
        pipeline: The cleaners, for ``jobs == 1``.
        make_pipeline: A picklable function (module level) that builds the pipeline; used
            in each worker process when ``jobs > 1`` (and in this process when ``pipeline``
            is None). Default: the default pipeline.
        jobs: Worker processes; 1 cleans in this process.
        chunksize: Records sent to a worker at a time.
        url: The URL for records that have none of their own.
        reference_date: Anchors year-less and relative dates.

    Yields:
        The Results, in the order of ``records`` whatever ``jobs`` is.

    Raises:
        ValueError: If ``jobs`` < 1.
    """
    if jobs < 1:
        msg = f"jobs must be at least 1, got {jobs}"
        raise ValueError(msg)
    if jobs == 1:
        if pipeline is None and make_pipeline is not None:
            pipeline = make_pipeline()
        for record in records:
            yield clean_record(record, pipeline, url=url, reference_date=reference_date)
        return
    # Pool.imap would read the whole input ahead into memory; windows of a few chunks per
    # worker keep a crawl streaming while the workers stay busy.
    window = jobs * chunksize * 4
    stream = iter(records)
    initargs = (make_pipeline, url, reference_date)
    with get_context().Pool(jobs, initializer=_init_worker, initargs=initargs) as pool:
        while batch := list(islice(stream, window)):
            yield from pool.imap(_clean_in_worker, batch, chunksize=chunksize)
