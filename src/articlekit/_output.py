r"""What ``articlekit clean`` writes for each record: the formats, ``--fields``, file names.

Pure functions of a :class:`~articlekit.batch.Result`: the command decides where the text
goes (standard output, ``-o FILE``, one file per record with ``--output-dir``).

Example:
    >>> from articlekit.article import Article, Block
    >>> from articlekit.batch import JSONL_SUFFIXES, WARC_SUFFIXES, Result
    >>> result = Result("pages.jsonl", 3, None, Article(title="Talks", blocks=(
    ...     Block("paragraph", "Talks resumed."),)), extra={"id": 7})
    >>> render(result, Shape("jsonl", fields=("input.id", "title")))
    '{"id": 7, "title": "Talks"}\n'
    >>> output_stem(result)
    'pages-3'
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from articlekit.batch import JSONL_SUFFIXES, WARC_SUFFIXES, Result
from articlekit.fetch import is_url
from articlekit.integrations import ARTICLE_FIELDS

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "ROW_FIELDS",
    "FileNames",
    "Shape",
    "article_fields",
    "output_stem",
    "parse_fields",
    "render",
]

#: The output formats (``--format``), "auto" aside.
FORMATS = ("json", "jsonl", "text", "markdown", "html")
#: The extension of a file of each format (``--output-dir``).
EXTENSIONS = {
    "json": ".json",
    "jsonl": ".jsonl",
    "text": ".txt",
    "markdown": ".md",
    "html": ".html",
}
#: The fields of a JSON Lines row that are not the Article's: where the record came from.
ROW_FIELDS = ("path", "record")
#: How a field of the input record (a JSON Lines object's own key) is named in ``--fields``.
INPUT_PREFIX = "input."


def article_fields() -> tuple[str, ...]:
    """The names ``--fields`` takes from an Article: :meth:`~articlekit.Article.to_dict`'s keys.

    They are :data:`~articlekit.integrations.ARTICLE_FIELDS`, the integrations' fields.

    Example:
        >>> "title" in article_fields() and "text" in article_fields()
        True
    """
    return ARTICLE_FIELDS


def parse_fields(value: str) -> tuple[str, ...]:
    """The names of ``--fields a,b,c``, checked.

    Args:
        value: Comma-separated names: Article fields (:func:`article_fields`), ``path``,
            ``record``, or ``input.NAME`` for the field NAME of a JSON Lines input record.

    Returns:
        The names, in the order given.

    Raises:
        ValueError: For an unknown name (the message lists the valid ones), no name, or two
            names written as the same key.

    Example:
        >>> parse_fields("title, text,input.id")
        ('title', 'text', 'input.id')
        >>> parse_fields("titel")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: unknown field 'titel': choose from path, record, title, ...
    """
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    if not names:
        msg = "no field named: give names separated by commas, for example title,text"
        raise ValueError(msg)
    valid = (*ROW_FIELDS, *article_fields())
    for name in names:
        own = name.startswith(INPUT_PREFIX) and len(name) > len(INPUT_PREFIX)
        if name not in valid and not own:
            msg = (
                f"unknown field {name!r}: choose from {', '.join(valid)}, or input.NAME for "
                "the field NAME of a JSON Lines input record (for example input.id)"
            )
            raise ValueError(msg)
    seen: dict[str, str] = {}
    for name in names:
        key = _key(name)
        if key in seen:
            msg = f"{seen[key]!r} and {name!r} would both be written as {key!r}: name it once"
            raise ValueError(msg)
        seen[key] = name
    return names


def _key(name: str) -> str:
    """The output key of a ``--fields`` name (``input.id`` is written as ``id``)."""
    return name[len(INPUT_PREFIX) :] if name.startswith(INPUT_PREFIX) else name


@dataclass(frozen=True)
class Shape:
    """How each record is written.

    Attributes:
        format: One of :data:`FORMATS`.
        fields: For json and jsonl, the ``--fields`` names to write (None: every field, the
            input record's own included, as before ``--fields`` existed).
        links: For markdown, whether links stay ``[text](target)`` (else their text alone).
        metadata: For markdown and html, whether the title, subtitle, byline and date come
            above the body.
        images: For markdown and html, whether the body's images are rendered.
    """

    format: str
    fields: tuple[str, ...] | None = None
    links: bool = True
    metadata: bool = True
    images: bool = False


def chosen(result: Result, fields: tuple[str, ...]) -> dict[str, Any]:
    """The ``--fields`` of a result, in the order named, and its ``error`` if it failed.

    A field of the input record that the record does not have is null; a failed record
    has no Article fields (but ``url``), as in the full row.
    """
    article = result.article.to_dict() if result.article is not None else None
    out: dict[str, Any] = {}
    for name in fields:
        if name.startswith(INPUT_PREFIX):
            out[_key(name)] = result.extra.get(_key(name))
        elif name == "path":
            out[name] = result.source
        elif name == "record":
            out[name] = result.position
        elif article is not None:
            out[name] = article[name]
        elif name == "url" and result.url is not None:
            out[name] = result.url
    if result.error is not None:
        out["error"] = {"type": result.error_type, "message": result.error}
    return out


def _json_line(row: dict[str, Any]) -> str:
    line = json.dumps(row, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate a cleaner made: escaped, not lost
        line = json.dumps(row)
    return line + "\n"


def render(result: Result, shape: Shape) -> str:
    """The output of one record in ``shape``, whole lines ("" for a failure outside jsonl).

    json, jsonl and text are as they always were; markdown is
    :meth:`~articlekit.Article.to_markdown`, html an ``<article>`` element around
    :meth:`~articlekit.Article.to_html` (see :func:`html_document` for the page around it).
    """
    if shape.format == "jsonl":
        row = result.to_dict() if shape.fields is None else chosen(result, shape.fields)
        return _json_line(row)
    if not result.ok or result.article is None:
        return ""  # reported on stderr; these formats have no place for a failure
    article = result.article
    if shape.format == "json":
        if shape.fields is None:
            text = article.to_json(indent=2) + "\n"
        else:
            text = json.dumps(chosen(result, shape.fields), ensure_ascii=False, indent=2) + "\n"
    elif shape.format == "markdown":
        text = (
            article.to_markdown(links=shape.links, metadata=shape.metadata, images=shape.images)
            + "\n"
        )
    elif shape.format == "html":
        lang = f' lang="{html.escape(article.language)}"' if article.language else ""
        body = article.to_html(metadata=shape.metadata, images=shape.images)
        text = f"<article{lang}>\n{body}\n</article>\n"
    else:
        text = (article.title + "\n\n" if article.title else "") + article.text + "\n"
    return text.encode("utf-8", "replace").decode("utf-8")


#: What comes between two records of one stream: a thematic break between Markdown
#: documents; nothing elsewhere (the records of json and text follow one another as they
#: always did, HTML ones are sibling <article> elements).
SEPARATORS = {"markdown": "\n---\n\n"}


def html_document(title: str | None) -> tuple[str, str]:
    r"""The start and end of the HTML page the ``<article>`` elements are written into.

    UTF-8 declared, so that a browser opening the file reads it right.

    Example:
        >>> start, end = html_document("Fish & chips")
        >>> start.splitlines()[4], end
        ('<title>Fish &amp; chips</title>', '</body>\n</html>\n')
    """
    head = f"<title>{html.escape(title)}</title>\n" if title else ""
    start = f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n{head}</head>\n<body>\n'
    return start, "</body>\n</html>\n"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|xhtml|php\d?|aspx?|jsp|cgi)$", re.IGNORECASE)
#: The input suffixes of two parts (".jsonl.gz"): all of it goes from a file's name.
_LONG_SUFFIXES = tuple(s for s in (*JSONL_SUFFIXES, *WARC_SUFFIXES) if s.count(".") > 1)
#: A file name stem is cut to this many characters (file systems take 255 bytes a name).
MAX_STEM = 100


def _file_stem(path: str) -> str:
    name = PurePath(path).name
    for suffix in _LONG_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return PurePath(name).stem or name


def output_stem(result: Result) -> str:
    """The name (without extension) of a record's file in ``--output-dir``.

    A URL gives its host and path ("example.org-news-story"), a file its name without
    extension, standard input "stdin"; a record inside a file (a JSON Lines line, a WARC
    response) adds its number ("pages-3"). Only letters, digits, ``.``, ``_`` and ``-``.

    Example:
        >>> from articlekit.batch import JSONL_SUFFIXES, WARC_SUFFIXES, Result
        >>> output_stem(Result("https://example.org/news/story.html?id=2", None, None, None))
        'example.org-news-story'
        >>> output_stem(Result("crawl/2025 pages.warc.gz", 12, None, None))
        '2025-pages-12'
    """
    source = result.source
    if is_url(source):
        parts = urlsplit(source)
        base = _PAGE_SUFFIX.sub("", f"{parts.hostname or ''}{parts.path}".rstrip("/"))
    elif source == "-":
        base = "stdin"
    else:
        base = _file_stem(source)
    stem = _UNSAFE.sub("-", base).strip("-.")[:MAX_STEM].rstrip("-.") or "page"
    return stem if result.position is None else f"{stem}-{result.position}"


class FileNames:
    """Hands out one file name per record, a counter added to a name already taken.

    Names are compared without case, so that they stay distinct on a file system that
    ignores it (macOS, Windows).

    Example:
        >>> names = FileNames(".md")
        >>> names.take("page"), names.take("Page"), names.take("page-2")
        ('page.md', 'Page-2.md', 'page-2-2.md')
    """

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self._taken: set[str] = set()

    def take(self, stem: str) -> str:
        """A name for ``stem`` not handed out before."""
        name, number = stem, 1
        while (name + self.extension).casefold() in self._taken:
            number += 1
            name = f"{stem}-{number}"
        self._taken.add((name + self.extension).casefold())
        return name + self.extension
