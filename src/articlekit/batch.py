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

import codecs
import dataclasses
import functools
import glob
import io
import itertools
import json
import os
import re
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Literal

from articlekit._streams import CHUNK, Gap, file_chunks, gunzip_chunks, split_lines, warc_records
from articlekit.api import clean_html, clean_text
from articlekit.article import Article
from articlekit.errors import ArticlekitError, FetchError, MissingDependencyError, NoArticleError
from articlekit.fetch import DEFAULT_FETCH_TIMEOUT, fetch, is_url, media_type
from articlekit.pipeline import DEFAULT_PIPELINE, Pipeline
from articlekit.readers.html_input import DEFAULT_MAX_BYTES, decode_html, scrub_surrogates

__all__ = [
    "FETCH_JOBS",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "RECORDS_PER_WORKER",
    "TEXT_FIELDS",
    "WARC_SUFFIXES",
    "InputFormat",
    "Record",
    "Result",
    "check_warc_support",
    "clean_record",
    "clean_records",
    "count_records",
    "expand_inputs",
    "failed_result",
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
        charset: For HTML bytes fetched from a URL or read from a WARC response, the charset
            the server declared (passed to :func:`~articlekit.clean_html`).
        error_type: The name of the error class of an "error" record ("FetchError" for a
            URL that could not be fetched).
    """

    source: str
    position: int | None
    kind: RecordKind
    content: str | bytes = ""
    url: str | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    charset: str | None = None
    error_type: str = "InputError"

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
    ``-`` (standard input) and ``http://`` or ``https://`` URLs stay. An input that matches
    nothing stays too, so that reading it reports it in its place (:func:`read_inputs` gives
    an error record for it).

    Args:
        inputs: Paths, folders, patterns.

    Returns:
        The files, each once.

    Example:
        >>> expand_inputs(["-", "no/such/*.txt", "-", "https://example.org/a?b=1"])
        ['-', 'no/such/*.txt', 'https://example.org/a?b=1']
    """
    files: list[str] = []
    seen: set[str] = set()
    for item in inputs:
        if item == "-" or is_url(item) or os.path.isfile(item):
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
    return _jsonl_records(
        lines, source=source, encoding="utf-8", field_name=field_name, url_field=url_field
    )


# A JSON escape of a UTF-16 surrogate: the sign that a string may hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate (from a JSON escape such as ud800) made U+FFFD.

    A lone surrogate is not a character: it cannot be written as UTF-8, so it would break the
    output line of the record; the replacement character keeps the rest of the text.
    """
    if isinstance(value, str):
        return scrub_surrogates(value).text
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _jsonl_records(
    lines: Iterable[str | bytes | Gap],
    *,
    source: str,
    encoding: str,
    field_name: str | None,
    url_field: str,
) -> Iterator[Record]:
    """The records of JSON Lines: each line on its own, damage to the stream once.

    A line (``bytes``) that is not ``encoding`` text, or not a JSON object with the page,
    is an "error" record at its line number; a :class:`Gap` (a corrupt gzip block) is one
    "error" record for the rest of the file, at the line where it starts.
    """
    number = 0
    for line in lines:
        if isinstance(line, Gap):
            where = number + 1
            error = f"{line.message}: line {where} and the rest of the file cannot be read"
            yield Record(source, where, "error", error=error)
            return
        number += 1
        if isinstance(line, bytes):
            try:
                text = line.decode(encoding)
            except UnicodeDecodeError as exc:
                error = (
                    f"not {encoding} text ({exc.reason} at byte {exc.start} of the line); "
                    "try --encoding"
                )
                yield Record(source, number, "error", error=error)
                continue
        else:
            text = line
        if number == 1:
            text = text.removeprefix("\ufeff")
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except ValueError as exc:
            yield Record(source, number, "error", error=f"not a JSON line ({exc})")
            continue
        except RecursionError:
            yield Record(source, number, "error", error="not a JSON line (nested too deep)")
            continue
        if not isinstance(data, dict):
            what = type(data).__name__
            yield Record(source, number, "error", error=f"a JSON {what}, not an object")
            continue
        record = record_from_dict(
            data, source=source, position=number, field_name=field_name, url_field=url_field
        )
        if _SURROGATE_ESCAPE.search(text):
            # The page itself goes to clean_text/clean_html as it is: they replace a lone
            # surrogate and record it in `removed` (reason invalid_character). The fields that
            # are passed through untouched are made writable here.
            record = dataclasses.replace(
                record,
                url=_without_surrogates(record.url),
                error=_without_surrogates(record.error),
                extra=_without_surrogates(record.extra),
            )
        yield record


def _text_chunks(chunks: Iterable[bytes | Gap], encoding: str) -> Iterator[str | Gap]:
    """Decode chunks of a file in an encoding that is not ASCII-compatible (UTF-16...).

    Lines cannot be cut before decoding there; text that does not decode is a :class:`Gap`
    for the rest of the file.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    done = 0
    for chunk in chunks:
        if isinstance(chunk, Gap):
            yield chunk
            return
        try:
            yield decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            at = done + max(exc.start, 0)
            yield Gap(f"not {encoding} text ({exc.reason} near byte {at})", at)
            return
        done += len(chunk)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        yield Gap(f"not {encoding} text ({exc.reason} at the end)", done)


def _ascii_compatible(encoding: str) -> bool:
    """True when newlines and JSON syntax are the same bytes as in ASCII (lines split as bytes)."""
    try:
        return '\n{}:,"'.encode(encoding) == b'\n{}:,"'
    except (LookupError, UnicodeError):
        return False


def _jsonl_stream(
    chunks: Iterable[bytes | Gap],
    *,
    source: str,
    encoding: str,
    field_name: str | None,
    url_field: str,
) -> Iterator[Record]:
    """The records of a JSON Lines byte stream (already decompressed)."""
    lines: Iterable[str | bytes | Gap]
    if _ascii_compatible(encoding):
        lines = split_lines(chunks, b"\n")
    else:
        lines = split_lines(_text_chunks(chunks, encoding), "\n")
    yield from _jsonl_records(
        lines, source=source, encoding=encoding, field_name=field_name, url_field=url_field
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


def _fastwarc() -> Any:
    """The FastWARC module that parses a record, or a MissingDependencyError naming the extra."""
    try:
        from fastwarc import warc
    except ImportError:
        msg = "reading WARC files needs FastWARC: pip install 'articlekit[warc]'"
        raise MissingDependencyError(msg) from None
    return warc


_HTTP_TYPE = re.compile(rb"\ncontent-type:[ \t]*([^\r\n]*)", re.IGNORECASE)


def _maybe_page(record_type: str, block_head: bytes) -> bool:
    """Whether a WARC record may be a page, from its type and the start of its block.

    Only ``response`` records; of those, the ones whose HTTP headers name a type that is not
    HTML are streamed past without being held in memory (FastWARC decides the rest).
    """
    if record_type != "response":
        return False
    headers = block_head.split(b"\r\n\r\n", 1)[0]
    match = _HTTP_TYPE.search(headers)
    return match is None or not match.group(1).strip() or b"html" in match.group(1).lower()


def read_warc(stream: IO[bytes], *, source: str) -> Iterator[Record]:
    """Read the HTML responses of a WARC file (plain or gzip): one :class:`Record` each.

    Only ``response`` records whose HTTP content type is HTML (or not given) are pages;
    requests, metadata, redirects and images are skipped. Needs FastWARC
    (``pip install 'articlekit[warc]'``).

    Damage stays where it is: a record whose Content-Length does not match where the next
    record starts (or the end of the file), bytes between records that are not a record, a
    corrupt gzip member, each gives one "error" record, and reading goes on at the next
    ``WARC/1.x`` header (the next gzip member that holds one) when there is one.

    Args:
        stream: The file, opened in binary mode.
        source: The file name, for positions in errors.

    Yields:
        The records, numbered by response (a damaged part takes a number of its own).

    Raises:
        MissingDependencyError: If FastWARC is not installed.
    """
    warc = _fastwarc()
    first = stream.read(CHUNK)
    chunks: Iterable[bytes | Gap] = itertools.chain([first], file_chunks(stream))
    if _is_gzip(first, source):
        chunks = gunzip_chunks(chunks, resync_prefix=b"WARC/1.")  # type: ignore[arg-type]
    number = 0
    for piece in warc_records(chunks, keep=_maybe_page):
        if piece.error is None and piece.record_type != "response":
            continue
        number += 1
        if piece.error is not None:
            yield Record(source, number, "error", error=piece.error)
            continue
        if not piece.data:
            continue  # a response that is not HTML, streamed past
        try:
            parsed = warc.ArchiveIterator(
                io.BytesIO(piece.data),
                record_types=warc.WarcRecordType.response,
                parse_http=True,
            )
            rec = next(iter(parsed), None)
            if rec is None:
                raise ValueError("FastWARC read no record there")
            http = rec.http_headers
            ctype, charset = media_type(http.get("Content-Type") if http is not None else None)
            if ctype and "html" not in ctype:
                continue
            if http is not None and not 200 <= int(http.status_code or 200) < 300:
                continue
            uri = rec.headers.get("WARC-Target-URI") or None
            content = bytes(rec.reader.read())
        except (OSError, ValueError) as exc:
            error = f"not a valid WARC record at byte {piece.offset} ({exc})"
            yield Record(source, number, "error", error=error)
            continue
        # The charset the server declared, as for a fetched page: a page that names none
        # itself is otherwise left to detection, which can take ISO-8859-2 for Windows-1252.
        yield Record(source, number, "html", content, uri, charset=charset)


def check_warc_support(files: Iterable[str], input_format: InputFormat = "auto") -> None:
    """Check up front that the WARC files among ``files`` can be read.

    Raises:
        MissingDependencyError: If one is a WARC file and FastWARC is not installed.
    """
    # A URL is always an HTML page; standard input is WARC when input_format says so.
    if any(_format_of(f, input_format) == "warc" for f in files if not is_url(f)):
        _fastwarc()


def _is_gzip(head: bytes, source: str) -> bool:
    """Whether a WARC file is gzip: by its name, unless its data says otherwise.

    A ``.warc.gz`` whose first member is damaged is still gzip; a ``.warc`` that starts with
    garbage that looks like gzip is not; a ``.warc`` that holds gzip data is.
    """
    if head.startswith(b"WARC/1."):
        return False
    if source.lower().endswith(".gz"):
        return True
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        start = zlib.decompressobj(31).decompress(head[:4096], 16)
    except zlib.error:
        return False
    return start.startswith(b"WARC/")


#: How an HTML page starts: a tag, an end tag, a doctype or comment (``<!``), an XML
#: declaration (``<?``). "<3 my cat" or "<<< back" is text.
_MARKUP_START = re.compile(r"<[A-Za-z!?/]")


def _sniffed_kind(content: str | bytes) -> RecordKind:
    r"""HTML when the content starts with markup, else text.

    What comes before the first character is skipped: a byte-order mark (UTF-8, UTF-16 or
    UTF-32: bytes are read as the HTML reader reads them) and white space.

    Example:
        >>> page = "\n  <!DOCTYPE html><html><p>Hi</p>".encode("utf-16")  # with its BOM
        >>> _sniffed_kind(page), _sniffed_kind("<3 my cat"), _sniffed_kind("  <!-- x --><p>")
        ('html', 'text', 'html')
    """
    head = content[:4096]
    if isinstance(head, bytes):
        head = decode_html(head)
    return "html" if _MARKUP_START.match(head.lstrip("\ufeff \t\r\n\f\v")) else "text"


def _read_stdin(
    stdin: IO[str] | None,
    input_format: InputFormat,
    *,
    encoding: str,
    field_name: str | None,
    url_field: str,
) -> Iterator[Record]:
    """The records of standard input: its bytes when it has them, else its text.

    With ``input_format`` "auto", JSON Lines or WARC only when asked, and HTML when it starts
    with markup (``<``), else plain text.
    """
    source = "-"
    stream: IO[str] = stdin if stdin is not None else io.StringIO("")
    binary: IO[bytes] | None = getattr(stream, "buffer", None)
    if input_format == "jsonl":
        if binary is not None:
            chunks = file_chunks(binary)
            yield from _jsonl_stream(
                chunks, source=source, encoding=encoding, field_name=field_name, url_field=url_field
            )
        else:
            yield from read_jsonl_lines(
                stream, source=source, field_name=field_name, url_field=url_field
            )
        return
    if input_format == "warc":
        if binary is None:
            yield Record(source, None, "error", error="WARC needs a binary standard input")
        else:
            yield from read_warc(binary, source=source)
        return
    content: str | bytes = binary.read() if binary is not None else stream.read()
    kind = _sniffed_kind(content) if input_format == "auto" else input_format
    if kind == "text" and isinstance(content, bytes):
        try:
            content = content.decode(encoding)
        except UnicodeDecodeError as exc:
            msg = f"not {encoding} text ({exc.reason} at byte {exc.start}); try --encoding"
            yield Record(source, None, "error", error=msg)
            return
    yield Record(source, None, "html" if kind == "html" else "text", content)


def _read_url(url: str, *, timeout: float, max_bytes: int | None) -> Record:
    """The record of a page fetched from ``url``: its bytes, or why it cannot be had."""
    try:
        page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        return Record(url, None, "error", url=url, error=exc.reason, error_type="FetchError")
    return Record(url, None, "html", page.content, page.url, charset=page.charset)


def _read_file(
    path: str,
    input_format: InputFormat,
    *,
    encoding: str,
    field_name: str | None,
    url_field: str,
    stdin: IO[str] | None,
    fetch_timeout: float,
    max_bytes: int | None,
) -> Iterator[Record]:
    if is_url(path):
        yield _read_url(path, timeout=fetch_timeout, max_bytes=max_bytes)
        return
    if path != "-" and not os.path.isfile(path):
        if os.path.isdir(path):
            why = "a folder without page files (.txt, .html, .jsonl, .warc...)"
        elif glob.has_magic(path):
            why = "no file matches this pattern"
        else:
            why = "no such file"
        yield Record(path, None, "error", error=why)
        return
    fmt = _format_of(path, input_format) if path != "-" else input_format
    try:
        if path == "-":
            yield from _read_stdin(
                stdin, fmt, encoding=encoding, field_name=field_name, url_field=url_field
            )
        elif fmt == "warc":
            with open(path, "rb") as binary:
                yield from read_warc(binary, source=path)
        elif fmt == "jsonl":
            with open(path, "rb") as binary:
                chunks: Iterable[bytes | Gap] = file_chunks(binary)
                if path.lower().endswith(".gz"):
                    chunks = gunzip_chunks(chunks)  # type: ignore[arg-type]
                yield from _jsonl_stream(
                    chunks,
                    source=path,
                    encoding=encoding,
                    field_name=field_name,
                    url_field=url_field,
                )
        elif fmt == "html":
            # Bytes: the HTML reader finds the encoding from the BOM or the page's charset.
            yield Record(path, None, "html", Path(path).read_bytes())
        else:
            yield Record(path, None, "text", Path(path).read_text(encoding=encoding))
    except UnicodeDecodeError as exc:
        msg = f"not {encoding} text ({exc.reason} at byte {exc.start}); try --encoding"
        yield Record(path, None, "error", error=msg)
    except MissingDependencyError as exc:
        yield Record(path, None, "error", error=str(exc))
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        yield Record(path, None, "error", error=f"cannot read: {reason}")


#: URL inputs fetched at once by default (threads: a fetch waits on the network).
FETCH_JOBS = 4


def read_inputs(
    files: Iterable[str],
    *,
    input_format: InputFormat = "auto",
    encoding: str = "utf-8",
    field_name: str | None = None,
    url_field: str = "url",
    stdin: IO[str] | None = None,
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    fetch_jobs: int = FETCH_JOBS,
) -> Iterator[Record]:
    """Read every record of ``files`` in order (see :func:`expand_inputs` for folders).

    Args:
        files: File paths; ``-`` reads ``stdin``; an ``http://`` or ``https://`` URL is
            fetched (:func:`articlekit.fetch.fetch`, in this process, up to ``fetch_jobs``
            URLs of a run of them at once) and read as HTML, whatever ``input_format`` says:
            its record has the page's bytes, the URL it was found at (after redirects) and
            the charset its server declared, or a "FetchError" error record.
        input_format: How to read them; "auto" decides by name (``.html``/``.htm`` HTML,
            ``.jsonl``/``.ndjson`` (``.gz``) JSON Lines, ``.warc``/``.warc.gz`` WARC, anything
            else plain text).
        encoding: Encoding of text and JSON Lines files (HTML and WARC pages are decoded from
            their own charset).
        field_name: The JSON Lines field with the page (default: see :data:`TEXT_FIELDS`).
        url_field: The JSON Lines field with the URL.
        stdin: The stream ``-`` reads.
        fetch_timeout: Seconds a URL may take (see :func:`articlekit.fetch.fetch`).
        max_bytes: The largest page fetched from a URL, in bytes; None for no limit.
        fetch_jobs: How many URLs are fetched at once (1: one after the other). The
            records come in the order of ``files`` whatever finishes first.

    Yields:
        The records; an unreadable file or URL gives one "error" record.

    Raises:
        ValueError: If ``fetch_jobs`` < 1.
    """
    if fetch_jobs < 1:
        msg = f"fetch_jobs must be at least 1, got {fetch_jobs}"
        raise ValueError(msg)
    fetching: deque[Future[Record]] = deque()
    pool: ThreadPoolExecutor | None = None
    try:
        for path in files:
            if is_url(path) and fetch_jobs > 1:
                if pool is None:
                    pool = ThreadPoolExecutor(fetch_jobs, thread_name_prefix="articlekit-fetch")
                if len(fetching) >= fetch_jobs:
                    yield fetching.popleft().result()
                fetching.append(
                    pool.submit(_read_url, path, timeout=fetch_timeout, max_bytes=max_bytes)
                )
                continue
            while fetching:  # the URLs before this input come first
                yield fetching.popleft().result()
            yield from _read_file(
                path,
                input_format,
                encoding=encoding,
                field_name=field_name,
                url_field=url_field,
                stdin=stdin,
                fetch_timeout=fetch_timeout,
                max_bytes=max_bytes,
            )
        while fetching:
            yield fetching.popleft().result()
    finally:
        if pool is not None:
            # A reader stopped early leaves the fetches under way to end on their own.
            pool.shutdown(wait=False, cancel_futures=True)


def count_records(
    files: Iterable[str], *, input_format: InputFormat = "auto", encoding: str = "utf-8"
) -> int | None:
    """How many records :func:`read_inputs` will read from ``files``, when that is cheap to know.

    A text or HTML file, a URL and an input that cannot be read are one record each; a
    JSON Lines file is one record per line that holds something (the file is read once
    more, line by line, no JSON parsed). Standard input, compressed JSON Lines, WARC files
    and JSON Lines in an encoding whose line breaks are not ASCII bytes (UTF-16...) are not
    counted.

    Args:
        files: The files, as :func:`expand_inputs` gives them.
        input_format: As for :func:`read_inputs`.
        encoding: As for :func:`read_inputs`.

    Returns:
        The count, or None when it is not known without reading the records.

    Example:
        >>> count_records(["no/such.txt", "https://example.org/a"])
        2
        >>> count_records(["-"]) is None
        True
    """
    total = 0
    for path in files:
        if path == "-":
            return None
        if is_url(path) or not os.path.isfile(path):
            total += 1
            continue
        fmt = _format_of(path, input_format)
        if fmt in ("text", "html"):
            total += 1
        elif fmt == "jsonl" and not path.lower().endswith(".gz") and _ascii_compatible(encoding):
            lines = _count_lines(path)
            if lines is None:
                return None
            total += lines
        else:
            return None
    return total


def _count_lines(path: str) -> int | None:
    """The lines of a file that hold more than white space (None when it cannot be read)."""
    try:
        with open(path, "rb") as lines:
            # isspace() stops at the first character that is not a blank: a 600 KB line
            # costs its reading only.
            return sum(1 for line in lines if not line.isspace())
    except OSError:
        return None


# --- cleaning ------------------------------------------------------------------------------


def failed_result(
    record: Record, article: Article | None, error_type: str, message: str, url: str | None = None
) -> Result:
    """The Result of a record that failed (its own fields kept, to join it back to its page).

    Args:
        record: The record.
        article: What is left of it (a page without main text: its metadata Article).
        error_type: The name of the exception class.
        message: What went wrong.
        url: The URL for a record that has none of its own.
    """
    url = record.url or url
    return Result(record.source, record.position, url, article, error_type, message, record.extra)


def clean_record(
    record: Record,
    pipeline: Pipeline | None = None,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Result:
    """Clean one record; whatever it raises becomes a failed Result.

    Args:
        record: The record.
        pipeline: The cleaners (default pipeline when None).
        url: The URL for a record that has none of its own.
        reference_date: Anchors year-less and relative dates.
        max_bytes: The largest HTML page read (see :func:`articlekit.clean_html`); a larger
            one is the record's ``InputTooLargeError``.

    Returns:
        The Result, in every case: an :class:`~articlekit.ArticlekitError` (a page without
        text, input that is not HTML), and any other exception too (a bug, in articlekit or
        in a cleaner of yours), is the record's error; KeyboardInterrupt and SystemExit go
        through.
    """
    url = record.url or url
    if record.kind == "error":
        message = record.error or "unreadable record"
        return failed_result(record, None, record.error_type, message, url)
    try:
        if record.kind == "html":
            article = clean_html(
                record.content,
                url=url,
                reference_date=reference_date,
                pipeline=pipeline,
                max_bytes=max_bytes,
                charset=record.charset,
            )
        else:
            text = record.content
            if isinstance(text, bytes):
                text = text.decode("utf-8", errors="replace")
            article = clean_text(text, url=url, reference_date=reference_date, pipeline=pipeline)
    except NoArticleError as exc:
        meta = exc.article if isinstance(exc.article, Article) else None
        return failed_result(record, meta, type(exc).__name__, str(exc), url)
    except ArticlekitError as exc:
        return failed_result(record, None, type(exc).__name__, str(exc), url)
    except Exception as exc:  # one record's bug must not end the batch
        return failed_result(record, None, type(exc).__name__, _message(exc), url)
    return Result(record.source, record.position, url, article, extra=record.extra)


def _message(exc: BaseException) -> str:
    """An exception's message, or its class name when it has none (a bare ``raise X()``)."""
    text = str(exc)
    if not text:
        return type(exc).__name__
    return " ".join(text.split())  # one line on stderr, whatever the exception says


_WorkerState = tuple[Pipeline, str | None, datetime | None, int | None]


def _worker_state(
    make_pipeline: Callable[[], Pipeline] | None,
    pipeline: Pipeline | None,
    url: str | None,
    reference_date: datetime | None,
    max_bytes: int | None,
) -> _WorkerState:
    """What a worker process cleans with (built there: user cleaners need not pickle)."""
    built = make_pipeline() if make_pipeline is not None else pipeline
    return (built if built is not None else DEFAULT_PIPELINE), url, reference_date, max_bytes


#: A worker process is replaced after cleaning this many records (see :func:`clean_records`).
#: Measured on 10,000 dev pages with ``--jobs 2`` (benchmarks/README.md, issue 18), the peak
#: memory grew +12.2 % and +13.5 % from the first 1,000 pages to the end with no replacement,
#: +8.4 % and +9.6 % with one every 2,000 records and +4.5 % to +9.4 % every 1,000, in the
#: same time (a fresh worker warms up in about a second: imports are inherited, the tables
#: its pages need are built again).
RECORDS_PER_WORKER = 1000


def _clean_in_worker(state: _WorkerState, record: Record) -> Result:
    pipeline, url, reference_date, max_bytes = state
    return clean_record(
        record, pipeline, url=url, reference_date=reference_date, max_bytes=max_bytes
    )


def _fail_in_worker(record: Record, error_type: str, message: str) -> Result:
    return failed_result(record, None, error_type, message)


def clean_records(
    records: Iterable[Record],
    *,
    pipeline: Pipeline | None = None,
    make_pipeline: Callable[[], Pipeline] | None = None,
    jobs: int = 1,
    chunksize: int = 8,
    url: str | None = None,
    reference_date: datetime | None = None,
    timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    records_per_worker: int | None = RECORDS_PER_WORKER,
) -> Iterator[Result]:
    """Clean a stream of records, yielding one Result per record in input order.

    Args:
        records: The records (read lazily: a crawl need not fit in memory).
        pipeline: The cleaners.
        make_pipeline: A picklable function (module level) that builds the pipeline; used
            in each worker process when there are workers (``jobs > 1`` or a ``timeout``),
            and in this process when ``pipeline`` is None. Default: ``pipeline`` (passed to
            the workers as it is), else the default pipeline.
        jobs: Worker processes; 1 cleans in this process (unless ``timeout`` is set).
        chunksize: Sets how far records are read ahead of the oldest one not yet yielded
            (``jobs * chunksize * 4``).
        url: The URL for records that have none of their own.
        reference_date: Anchors year-less and relative dates.
        timeout: Seconds one record may take; a record that takes longer gets a failed
            Result ("TimeoutError") in its place, and the batch goes on. The cleaning then
            runs in worker processes (one when ``jobs`` is 1), since only a process can be
            stopped in the middle of a regular expression or a C call.
        max_bytes: The largest HTML page read (see :func:`articlekit.clean_html`); a larger
            one fails its record (``InputTooLargeError``), None reads pages of any size.
        records_per_worker: A worker process that has cleaned this many records is replaced
            by a fresh one, so that a long batch runs in flat memory (a process keeps what
            its pages filled its caches with, and the heap its largest page grew); None:
            never. Default :data:`RECORDS_PER_WORKER`. No effect without workers.

    Yields:
        The Results, in the order of ``records`` whatever ``jobs`` is. A worker process that
        dies (a crash, the out-of-memory killer) fails its record ("ChildProcessError") and
        is replaced.

    Raises:
        ValueError: If ``jobs`` < 1, ``timeout`` is not a positive number or
            ``records_per_worker`` is below 1.
    """
    if jobs < 1:
        msg = f"jobs must be at least 1, got {jobs}"
        raise ValueError(msg)
    if records_per_worker is not None and records_per_worker < 1:
        msg = f"records_per_worker must be at least 1 (or None), got {records_per_worker}"
        raise ValueError(msg)
    if timeout is not None and not timeout > 0:
        msg = f"timeout must be a positive number of seconds, got {timeout}"
        raise ValueError(msg)
    if jobs == 1 and timeout is None:
        if pipeline is None and make_pipeline is not None:
            pipeline = make_pipeline()
        for record in records:
            yield clean_record(
                record, pipeline, url=url, reference_date=reference_date, max_bytes=max_bytes
            )
        return
    from articlekit._workers import Work, run_in_workers

    work: Work[Record, Result] = Work(
        functools.partial(
            _worker_state,
            make_pipeline,
            pipeline if make_pipeline is None else None,
            url,
            reference_date,
            max_bytes,
        ),
        _clean_in_worker,
        _fail_in_worker,
    )
    window = max(jobs * chunksize * 4, jobs * 2)
    yield from run_in_workers(
        records,
        work,
        jobs=jobs,
        timeout=timeout,
        window=window,
        items_per_worker=records_per_worker,
    )
