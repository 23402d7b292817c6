"""The plain-text reader: one block per non-blank line."""

from __future__ import annotations

from datetime import datetime

import regex

from articlekit.draft import Draft, DraftBlock
from articlekit.errors import InputTypeError

__all__ = ["normalize_space", "read_text"]

# Zero-width spaces and byte-order marks separate words like a space but are not white space to
# str.split(); make them spaces first.
_ZERO_WIDTH = regex.compile(r"[\u200b\u2060\ufeff]", regex.V1)


def normalize_space(text: str) -> str:
    r"""Collapse runs of white space to one space and strip the ends.

    Example:
        >>> normalize_space("  • By\tBushra   Saleem ")
        '• By Bushra Saleem'
    """
    # str.split() knows exactly the white space that str.splitlines() and users' .split() do.
    return " ".join(_ZERO_WIDTH.sub(" ", text).split())


def read_text(
    text: str, *, url: str | None = None, reference_date: datetime | None = None
) -> Draft:
    r"""Turn plain text into a Draft: each non-blank line is a block, in order.

    Lines are split on every line boundary Python knows (``\n``, ``\r\n``, ``\r``, form
    feed, U+2028...). Blank lines only separate. A block's ``index`` is its rank among the
    non-blank lines, so the original line structure can be recovered from blocks and removals.

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
    lines = (normalize_space(line) for line in text.splitlines())
    blocks = tuple(DraftBlock(i, line) for i, line in enumerate(line for line in lines if line))
    return Draft(blocks=blocks, url=url, reference_date=reference_date)
