"""White-space normalisation, shared by the plain-text reader and the page segmenter.

Its own module so that :mod:`articlekit.readers.text` (which reads a line of HTML source as a
page) and :mod:`articlekit.readers.page` (which normalises each block's text) can both use it
without importing each other. Both names are public in :mod:`articlekit.readers.text`.
"""

from __future__ import annotations

import regex

__all__ = ["normalize_space", "normalized_lines"]

# Zero-width spaces and byte-order marks separate words like a space but are not white space to
# str.split(); make them spaces first.
_ZERO_WIDTH_CHARACTERS = "\u200b\u2060\ufeff"
_ZERO_WIDTH = regex.compile(f"[{_ZERO_WIDTH_CHARACTERS}]", regex.V1)


def normalize_space(text: str) -> str:
    r"""Collapse runs of white space to one space and strip the ends.

    Example:
        >>> normalize_space("  • By\tBushra   Saleem ")
        '• By Bushra Saleem'
    """
    # str.split() knows exactly the white space that str.splitlines() and users' .split() do.
    return " ".join(_ZERO_WIDTH.sub(" ", text).split())


def normalized_lines(text: str) -> list[str]:
    r"""The non-blank lines of ``text``, each white-space normalised (:func:`normalize_space`).

    The same as normalising line by line, in one pass over the whole text: the zero-width
    characters are no line boundaries, so they can become spaces before the text is split into
    lines, and the rest runs in C (``map`` of ``str`` methods) instead of a Python call a line,
    which was most of the reader's time on text of many short lines.

    Args:
        text: Any text.

    Returns:
        The lines, in order; blank ones left out.

    Example:
        >>> normalized_lines(" a\u200bb \n\n\tc  d\r\n")
        ['a b', 'c d']
    """
    # Few pages hold a zero-width character at all: three scans for them in C cost a tenth
    # of the substitution's pass over the page, which finds nothing to replace.
    if any(character in text for character in _ZERO_WIDTH_CHARACTERS):
        text = _ZERO_WIDTH.sub(" ", text)
    lines = text.splitlines()
    return list(filter(None, map(" ".join, map(str.split, lines))))
