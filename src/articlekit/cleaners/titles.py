"""Title, duplicated title lines and subtitle (standfirst) at the top of the text."""

from __future__ import annotations

import statistics
from typing import Any, ClassVar

from articlekit.cleaners._common import credits_someone
from articlekit.cleaners.base import Extractor, Remover
from articlekit.cleaners.metadata import similar_titles
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

__all__ = ["ChooseTitle", "ExtractSubtitle", "ExtractTitle", "RemoveDuplicateTitle"]

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
