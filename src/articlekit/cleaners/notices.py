"""Notices the site prints on every page: cookie and consent banners.

Whole-page text keeps the cookie banner (often with its settings panel, one paragraph per
cookie category) wherever the page put it: above the headline, after the story, in the middle
of the text. A banner is short and says what every banner says ("We use cookies", "Accept all
cookies", "Cookie settings"); its buttons ("Accept", "Reject all", "Save preferences") stand
right next to it.
"""

from __future__ import annotations

import functools
from typing import ClassVar

import regex

from articlekit._memo import PerText
from articlekit.cleaners._common import lexicon_of, may_contain
from articlekit.cleaners.base import Remover
from articlekit.draft import Draft
from articlekit.features import more_words_than
from articlekit.lexicon import Lexicon

__all__ = ["RemoveCookieNotices"]

#: A banner or one of its panel's paragraphs is a few sentences; a longer paragraph that
#: names cookie settings is an article about them.
COOKIE_MAX_WORDS = 80
#: A line next to a notice that names cookies and is at most this long is the panel's too
#: (a table header, a category name: "Performance cookies", "Cookie Duration Description").
COOKIE_LINE_MAX_WORDS = 8
_OPENING_QUOTE = regex.compile(r"^[\p{Pi}\"'«„‘“]", regex.V1)
# "Cookie" is the word most languages use; Turkish, Swedish and Russian have their own.
_COOKIE_WORD = regex.compile(r"cookie|çerez|kakor|куки", regex.V1 | regex.IGNORECASE)


class RemoveCookieNotices(Remover):
    """Drops cookie and consent banners, their settings panels and their buttons.

    A block goes when it holds a cookie-notice phrase ("We use cookies", "Cookie settings",
    "Alle Cookies akzeptieren", "Nous utilisons des cookies"...), is at most
    :data:`COOKIE_MAX_WORDS` words and is not a quotation. Next to such a block, working
    outwards, consent buttons ("Accept all", "Reject", "Save preferences") and short lines that
    name cookies (at most :data:`COOKIE_LINE_MAX_WORDS` words) go with it.

    Reason codes: ``cookie_notice``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["We use cookies to improve your experience on our site.",
        ...     "Accept all", "Reject all", "The council approved the cycle lanes on Monday."])
        >>> [b.text for b in RemoveCookieNotices()(d).blocks]
        ['The council approved the cycle lanes on Monday.']
    """

    name: ClassVar[str] = "remove_cookie_notices"
    reasons: ClassVar[tuple[str, ...]] = ("cookie_notice",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``cookie_notice`` for notices and the buttons and lines next to them."""
        lex = lexicon_of(draft)
        blocks = draft.blocks
        is_notice = PerText(functools.partial(_is_notice, lex))
        # Only a block holding a word of a notice phrase can hold the phrase.
        candidates = may_contain(draft, "cookie_notice")
        notices = [pos for pos in candidates if is_notice[blocks[pos].text]]
        found = dict.fromkeys(notices, "cookie_notice")

        def beside(pos: int) -> bool:
            text = blocks[pos].text
            if lex.is_phrase("consent_button", text):
                return True
            return not more_words_than(text, COOKIE_LINE_MAX_WORDS) and bool(
                _COOKIE_WORD.search(text)
            )

        for pos in notices:
            for step in (-1, 1):
                other = pos + step
                while 0 <= other < len(blocks) and other not in found and beside(other):
                    found[other] = "cookie_notice"
                    other += step
        return found


def _is_notice(lex: Lexicon, text: str) -> bool:
    """A short block, not a quotation, holding a cookie-notice phrase."""
    return (
        not more_words_than(text, COOKIE_MAX_WORDS)
        and not _OPENING_QUOTE.match(text.lstrip())
        and lex.contains("cookie_notice", text) is not None
    )
