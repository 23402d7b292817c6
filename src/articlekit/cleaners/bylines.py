"""Bylines: "By Bushra Saleem", "• By X" + "• |", "Von A und B" -> ``authors``."""

from __future__ import annotations

from typing import Any, ClassVar

from articlekit.bylines import parse_byline
from articlekit.cleaners._common import lexicon_of
from articlekit.cleaners.base import Extractor
from articlekit.draft import Draft
from articlekit.features import ends_sentence, word_count

__all__ = ["ExtractByline"]

#: Bylines stand near the top (or at the very end) of an article.
TOP_BLOCKS = 10
BOTTOM_BLOCKS = 3
MAX_WORDS = 16


class ExtractByline(Extractor):
    """Takes byline lines and their leftovers out of the body and sets ``authors``.

    A byline line starts (after bullets) with a byline word ("By", "Von", "Par", "Por",
    "Di", "Door"...) followed by capitalised names, is short and does not end like a sentence
    ("By the end of the year, ..." is prose). Lines of pure decoration right after it (a
    split byline's "• |") go with it.

    Reason codes: ``byline``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = ExtractByline()(Draft.from_texts(["• By Bushra Saleem", "• |", "Text."]))
        >>> d.authors, [r.text for r in d.removed]
        (('Bushra Saleem',), ['• By Bushra Saleem', '• |'])
    """

    name: ClassVar[str] = "extract_byline"
    reasons: ClassVar[tuple[str, ...]] = ("byline",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find byline lines near the top and bottom."""
        lex = lexicon_of(draft)
        n = len(draft.blocks)
        positions = [p for p in range(n) if p < TOP_BLOCKS or p >= n - BOTTOM_BLOCKS]
        found: dict[int, str] = {}
        authors: list[str] = []
        for pos in positions:
            text = draft.blocks[pos].text
            if word_count(text) > MAX_WORDS or ends_sentence(text):
                continue
            if lex.starts_with("byline", text) is None:
                continue
            names = parse_byline(text, language=draft.language)
            if not names:
                continue
            found[pos] = "byline"
            authors.extend(a for a in names if a not in authors)
            follow = pos + 1
            while follow < n and not any(ch.isalnum() for ch in draft.blocks[follow].text):
                found[follow] = "byline"
                follow += 1
        fields = {"authors": tuple(authors)} if authors and not draft.authors else {}
        return found, fields
