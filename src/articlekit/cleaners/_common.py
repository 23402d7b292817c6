"""Helpers shared by the built-in cleaners."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import regex

from articlekit import lexicon
from articlekit.draft import Draft

T = TypeVar("T")

# After a label phrase, what separates it from the rest of the line: "Also Read: ...",
# "READ MORE | ...", "Lesen Sie auch - ...", "Related » ...".
SEPARATOR = regex.compile(r"^\s*(?:[:|\p{Pd}»>›/]+|\.\.\.|…)\s*", regex.V1)
# One dash with no space on either side.
HYPHEN = regex.compile(r"\p{Pd}", regex.V1)


class PerText(dict[str, T]):
    """The answers of ``judge`` by text, each asked once: ``answers[text]``.

    For one cleaner's pass over one draft, with a test that depends on a block's text and on
    draft-wide values only (what :attr:`~articlekit.cleaners.base.BlockRemover.local` says of
    a whole judge): a page that prints a line a thousand times costs one answer. A known
    text is a dict lookup, no call (this runs for every block).

    Example:
        >>> answers = PerText(str.upper)
        >>> answers["a"], answers["a"], len(answers)
        ('A', 'A', 1)
    """

    __slots__ = ("judge",)

    def __init__(self, judge: Callable[[str], T]) -> None:
        super().__init__()
        self.judge = judge

    def __missing__(self, text: str) -> T:
        answer = self[text] = self.judge(text)
        return answer


def lexicon_of(draft: Draft) -> lexicon.Lexicon:
    """Return the phrase lists for the draft's language (all languages when unknown)."""
    return lexicon.for_language(draft.language)


def rest_after_label(lex: lexicon.Lexicon, key: str, text: str) -> str | None:
    """If ``text`` starts with a phrase of list ``key`` and a separator, return what follows.

    Returns "" when the line is the phrase alone (with or without trailing punctuation), and
    None when the line does not start with such a label.
    """
    phrase = lex.starts_with(key, text)
    if phrase is None:
        return None
    key_text = lexicon.match_key(text)
    rest = key_text[len(phrase) :]
    if not rest.strip(" :.!|-–—»>›…"):
        return ""
    if phrase.endswith(".") and rest[:1].isspace():
        return rest.lstrip()  # an abbreviation's dot is its separator ("Fot. Jan Kowal")
    m = SEPARATOR.match(rest)
    if m is None or not m.group(0).strip():
        return None
    if HYPHEN.fullmatch(m.group(0)) and rest[m.end() :][:1].isalnum():
        return None  # a hyphen joins a compound ("Watch-list", "MIRA-Award"), it separates nothing
    return rest[m.end() :]
