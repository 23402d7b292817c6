"""The plain-text reader: one block per non-blank line."""

from __future__ import annotations

import itertools
from datetime import datetime

import regex
from lxml import etree
from lxml import html as lxml_html

from articlekit._gcpause import gc_paused
from articlekit.draft import Draft, DraftBlock
from articlekit.errors import InputTypeError
from articlekit.readers._space import normalize_space, normalized_lines
from articlekit.readers.page import page_blocks
from articlekit.segment import looks_flat, segment_text

__all__ = ["normalize_space", "normalized_lines", "read_text"]


def read_text(
    text: str, *, url: str | None = None, reference_date: datetime | None = None
) -> Draft:
    r"""Turn plain text into a Draft: each non-blank line is a block, in order.

    Lines are split on every line boundary Python knows (``\n``, ``\r\n``, ``\r``, form
    feed, U+2028...). Blank lines only separate. A block's ``index`` is its rank among the
    non-blank lines, so the original line structure can be recovered from blocks and removals.

    Text that lost its line breaks (a page joined with spaces, see
    :func:`~articlekit.segment.looks_flat`) is cut into sentences and blocks by
    :func:`~articlekit.segment.segment_text` instead; a block's ``index`` is then its rank
    among those blocks.

    Args:
        text: The text.
        url: The page URL, if known.
        reference_date: Anchors relative and year-less dates.

    Returns:
        The draft.

    Raises:
        InputTypeError: If ``text`` is not a str.

    Example:
        >>> [b.text for b in read_text("Title\n\n  First line.\r\nSecond.").blocks]
        ['Title', 'First line.', 'Second.']
    """
    if not isinstance(text, str):
        hint = (
            " (decode bytes first, or pass HTML bytes to clean_html)"
            if isinstance(text, (bytes, bytearray))
            else ""
        )
        msg = f"clean_text takes a str, got {type(text).__name__}{hint}"
        raise InputTypeError(msg)
    lines = normalized_lines(text)
    texts: tuple[str, ...] | None = _page_source(text, lines)
    if texts is None:
        texts = segment_text(text) if looks_flat(text) else tuple(lines)
    with gc_paused(len(texts)):
        blocks = tuple(map(DraftBlock, itertools.count(), texts))
    return Draft(blocks=blocks, url=url, reference_date=reference_date)


def _page_source(text: str, lines: list[str]) -> tuple[str, ...] | None:
    """The blocks of the page when a line of ``text`` is a page's HTML source, else None.

    A line is read as a page only when long and full of tags (:func:`_without_markup`): most
    texts have no line that long or no ``<`` at all, and are not looked at line by line.
    """
    if max(map(len, lines), default=0) < DUMP_MIN_CHARS or "<" not in text:
        return None
    read = [_without_markup(line) for line in lines]
    if any(len(r) > 1 for r in read):  # a page's source, read as a page: its lines are real
        return tuple(t for r in read for t in r)
    return None


#: A line this long that holds this many tags, which make up this share of its characters, is
#: a page's HTML source kept as its text (a text extractor that failed on the page)...
DUMP_MIN_CHARS = 1000
DUMP_MIN_TAGS = 20
DUMP_TAG_SHARE = 0.2
_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]{0,500})?/?>")


def _without_markup(line: str) -> list[str]:
    """The text of a line that is an HTML dump, block by block; other lines as they are.

    ...and its text is read as a page's (scripts and styles skipped, one line per block of the
    page) instead of leaving one block of tags that ``remove_markup`` would drop whole, with
    the article in it. Measured on the dev pages: 10 of 621 l3s-gn1 page texts are such
    dumps, and their article was lost.
    """
    if len(line) < DUMP_MIN_CHARS:
        return [line]
    tags = _TAG.findall(line)
    if len(tags) < DUMP_MIN_TAGS or sum(map(len, tags)) < DUMP_TAG_SHARE * len(line):
        return [line]
    try:
        tree = lxml_html.document_fromstring(f"<html><body>{line}</body></html>")
    except (ValueError, etree.LxmlError):
        return [line]
    texts = [b.text for b in page_blocks(tree)]
    return texts if texts else [line]
