"""Title, duplicated title lines and subtitle (standfirst) at the top of the text."""

from __future__ import annotations

import statistics
from typing import Any, ClassVar

from articlekit.cleaners._common import (
    ABOVE_CORE_BLOCKS,
    core_kept,
    credits_someone,
    removed_lines,
)
from articlekit.cleaners.base import Extractor, Remover
from articlekit.cleaners.metadata import similar_titles
from articlekit.dates import find_date
from articlekit.draft import Draft
from articlekit.features import (
    ends_sentence,
    first_content,
    first_prose,
    folded_words,
    is_headline_like,
    is_prose,
    sentence_count,
    word_count,
)

__all__ = [
    "ABOVE_CORE_BLOCKS",
    "ChooseTitle",
    "ExtractCoreTitle",
    "ExtractSubtitle",
    "ExtractTitle",
    "RemoveDuplicateTitle",
]

#: The title must stand above the first prose paragraph, at most this many blocks above it
#: (subtitle, byline, date and a repeated headline may sit in between).
TITLE_WINDOW = 8
#: Longest title, in words.
TITLE_MAX_WORDS = 30
#: A title may print several sentences ("What is Catering? What is a Caterer? Types of
#: Catering"; "Tested! The best security cameras"), at most this many.
TITLE_MAX_SENTENCES = 3


def _same_text(a: str, b: str) -> bool:
    return folded_words(a) == folded_words(b)


class ExtractTitle(Extractor):
    """Takes the headline: the first block (with letters), when headline-shaped with prose after.

    Furniture above it (section label, date stubs, source credit, ads) must be gone first,
    so this cleaner runs after those. When the first block is prose, or nothing prose-like
    follows within :data:`TITLE_WINDOW` blocks, the title stays None: a guess is worse than
    nothing.

    Reason codes: ``title``.

    Example:
        >>> from articlekit.draft import Draft
        >>> para = "Ukraine is working to resume the exchange of prisoners with Russia, they said."
        >>> d = ExtractTitle()(Draft.from_texts(["Ukraine Aims to Exchange 1,200 Prisoners", para]))
        >>> d.title
        'Ukraine Aims to Exchange 1,200 Prisoners'
        >>> ExtractTitle()(Draft.from_texts([para, para])).title is None
        True
    """

    name: ClassVar[str] = "extract_title"
    reasons: ClassVar[tuple[str, ...]] = ("title",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Check the first block."""
        pos = first_content(draft.blocks)
        if draft.title is not None or pos is None:
            return {}, {}
        first = draft.blocks[pos].text
        if not is_headline_like(
            first, max_words=TITLE_MAX_WORDS, max_sentences=TITLE_MAX_SENTENCES
        ):
            return {}, {}
        if credits_someone(draft, first):
            # "Jane Doe | Reporter" credits the story: the byline cleaner's. ("Vom Boden aus
            # gedacht" opens with a byline word and names nobody: a headline.)
            return {}, {}
        # With page metadata (HTML), the first line is the title only when it is the page's
        # headline (its <h1> or meta title); a first subheading ("Key takeaways") is not.
        h1 = draft.hints.extra.get("h1")
        references = [t for t in (h1, draft.hints.title) if isinstance(t, str) and t]
        if references:
            if any(similar_titles(first, ref) for ref in references):
                return {pos: "title"}, {"title": first.strip()}
            return {}, {}
        window = draft.blocks[pos + 1 : pos + 1 + TITLE_WINDOW]
        if not any(is_prose(b.text) for b in window):
            return {}, {}
        return {pos: "title"}, {"title": first.strip()}


#: In whole-page text the headline stands among the input lines just above the article's
#: core (:data:`~articlekit.cleaners._common.ABOVE_CORE_BLOCKS`, as the byline and the date
#: line: benchmarks/README.md, "A title next to the core of whole-page text"), has at least
#: this many words...
CORE_TITLE_MIN_WORDS = 3
#: ...and at least this share of them in the text's first line (the page's <title>, which
#: words the headline its own way, the site's name around it). Chosen among 0.2, 0.4, 0.6
#: and 0.8 by the held-out titles of whole-page text (benchmarks/README.md).
CORE_TITLE_MIN_SHARE = 0.4


class ExtractCoreTitle(Extractor):
    """Whole-page text: the headline printed above the story's core, when no title was found.

    :class:`ExtractTitle` takes the first line of a text when it is headline-shaped, and
    :class:`~articlekit.cleaners.page_titles.ExtractPageTitle` the headline part of a page's
    ``<title>`` on the first line; when neither did, in whole-page text the headline is
    printed just above the story, far below the menus. Once
    :class:`~articlekit.cleaners.core.KeepArticleCore` has cut the text to the core, the lines
    it left out just above (:data:`ABOVE_CORE_BLOCKS` input lines, the nearest first) are
    read for the first that is headline-shaped (:func:`~articlekit.features.is_headline_like`,
    at least :data:`CORE_TITLE_MIN_WORDS` words), credits no one, holds no date, and has at
    least :data:`CORE_TITLE_MIN_SHARE` of its words in the text's first line: what the page's
    ``<title>`` says, the headline must say too (an image credit, a "10 min read" or a call
    to action above the story says something else). Nothing happens on other input.

    Reason codes: none (the line is out of the body already; only ``title`` is set).

    Example:
        >>> from articlekit.cleaners._common import as_core
        >>> from articlekit.draft import Draft
        >>> story = ("The council approved the new cycle lanes on Monday after a long "
        ...          "debate about parking and safety.")
        >>> d = Draft.from_texts(["Cycle lanes approved | The Daily", "Home",
        ...     "Cycle lanes approved", story, story]).remove(
        ...     {0: "outside_core", 1: "outside_core", 2: "outside_core"},
        ...     cleaner="keep_article_core")
        >>> ExtractCoreTitle()(as_core(d)).title
        'Cycle lanes approved'
    """

    name: ClassVar[str] = "extract_core_title"
    reasons: ClassVar[tuple[str, ...]] = ()

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find the headline among the lines just above the core."""
        if draft.title is not None or not draft.blocks or not core_kept(draft):
            return {}, {}
        first = _first_line(draft)
        if first is None:
            return {}, {}
        named = set(folded_words(first))
        start = draft.blocks[0].index
        # The nearest line first; the first line itself is the <title> the headline is judged by.
        for removal in reversed(removed_lines(draft, max(1, start - ABOVE_CORE_BLOCKS), start)):
            text = removal.text
            words = folded_words(text)
            if (
                len(words) < CORE_TITLE_MIN_WORDS
                or not is_headline_like(
                    text, max_words=TITLE_MAX_WORDS, max_sentences=TITLE_MAX_SENTENCES
                )
                or sum(w in named for w in words) < CORE_TITLE_MIN_SHARE * len(words)
                or credits_someone(draft, text)
                or find_date(text, language=draft.language) is not None
            ):
                continue
            return {}, {"title": text.strip()}
        return {}, {}


def _first_line(draft: Draft) -> str | None:
    """The text's first input line, kept or removed (None when it was trimmed, not removed)."""
    if draft.blocks[0].index == 0:
        return draft.blocks[0].text
    return next((r.text for r in draft.removed if r.block_index == 0 and r.offset == 0), None)


class RemoveDuplicateTitle(Remover):
    """Drops lines above the first paragraph that repeat the title (caption residue, headers).

    Reason codes: ``duplicate_title``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Big news today", "Text of it."], title="Big News Today")
        >>> [r.reason for r in RemoveDuplicateTitle()(d).removed]
        ['duplicate_title']
    """

    name: ClassVar[str] = "remove_duplicate_title"
    reasons: ClassVar[tuple[str, ...]] = ("duplicate_title",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Find blocks whose words are the title's words."""
        if not draft.title:
            return {}
        # Repeats sit above the story (caption residue, a sticky header); the same words
        # further down are the article quoting its own headline.
        top = first_prose(draft.blocks)
        top = len(draft.blocks) if top is None else top
        return {
            pos: "duplicate_title"
            for pos, block in enumerate(draft.blocks[:top])
            if _same_text(block.text, draft.title)
        }


class ExtractSubtitle(Extractor):
    """Takes the standfirst: a short single sentence right under the title.

    The block must follow the title line directly in the input, be one sentence, and be
    clearly shorter than the article's paragraphs: either unpunctuated (a deck line) or at most
    half the median paragraph length. A lead paragraph is never taken for a subtitle when in
    doubt: it stays in the body.

    Reason codes: ``subtitle``.

    Example:
        >>> from articlekit.draft import Draft
        >>> para = ("Rustem Umerov said on Saturday he held consultations mediated by Turkey and "
        ...         "the United Arab Emirates on resuming the exchanges, which stopped in May.")
        >>> d = ExtractTitle()(Draft.from_texts(
        ...     ["Ukraine negotiates swap", "Ukraine negotiates massive prisoner exchange.", para]))
        >>> ExtractSubtitle()(d).subtitle
        'Ukraine negotiates massive prisoner exchange.'
    """

    name: ClassVar[str] = "extract_subtitle"
    reasons: ClassVar[tuple[str, ...]] = ("subtitle",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Check the block that follows the title."""
        if draft.title is None or draft.subtitle is not None or len(draft.blocks) < 2:
            return {}, {}
        if draft.hints.subtitle:
            # The page's own description is its standfirst (apply_page_metadata's), or, when
            # the body prints it, its lead: that stays in the body, and nothing else is taken.
            return {}, {}
        title_index = next((r.block_index for r in draft.removed if r.reason == "title"), None)
        candidate = draft.blocks[0]
        if title_index is None or candidate.index != title_index + 1:
            return {}, {}
        text = candidate.text.strip()
        n = word_count(text)
        if n < 4 or n > 35 or sentence_count(text) != 1 or text.endswith(":"):
            return {}, {}
        paragraphs = [word_count(b.text) for b in draft.blocks[1:] if is_prose(b.text)]
        if not paragraphs:
            return {}, {}
        if ends_sentence(text) and n > min(25, statistics.median(paragraphs) / 2):
            return {}, {}
        return {0: "subtitle"}, {"subtitle": text}


class ChooseTitle(Extractor):
    """Weighs the title the cleaners chose against every other title the page gives.

    The HTML reader leaves a vote in the draft's hints (``hints.extra["title_vote"]``, see
    :mod:`articlekit.readers.title_vote`): the page's JSON-LD headline, ``og:title``,
    ``twitter:title``, ``<title>``, ``<h1>`` elements and the parts of the meta titles between
    separators, scored by a fitted model together with the title chosen so far. The best is
    the title. Only the field changes: the body is as the cleaners left it. Plain text has no
    vote: the title stays.

    Reason codes: none (no block is taken out).

    Example:
        >>> from articlekit.draft import Draft, Hints
        >>> vote = lambda current: "Talks resume"
        >>> d = Draft.from_texts(["Text."]).replace(
        ...     title="Talks resume | The Daily", hints=Hints(extra={"title_vote": vote}))
        >>> ChooseTitle()(d).title
        'Talks resume'
    """

    name: ClassVar[str] = "choose_title"
    reasons: ClassVar[tuple[str, ...]] = ()

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Ask the reader's vote, when there is one."""
        vote = draft.hints.extra.get("title_vote")
        if not callable(vote):
            return {}, {}
        title = vote(draft.title)
        if not isinstance(title, str) or not title or title == draft.title:
            return {}, {}
        return {}, {"title": title}
