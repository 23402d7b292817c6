"""Calls to action: "Stay tuned for more updates", "Subscribe to our newsletter", "Follow us on"."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import ClassVar

import regex

from articlekit import lexicon
from articlekit._memo import PerText
from articlekit.cleaners._common import lexicon_of, may_contain, may_start_with
from articlekit.cleaners.base import BlockRemover, Remover
from articlekit.draft import Draft, DraftBlock
from articlekit.features import (
    folded_words,
    is_prose,
    more_words_than,
    sentence_count,
    sentences,
)
from articlekit.regions import article_core

__all__ = ["RemoveCallsToAction", "RemoveDisclosures"]

#: A call to action is a sentence or two; a long paragraph that starts "Follow us..." is prose.
MAX_WORDS = 45
#: At the end of the body, a block of at most this many words with two promotion words
#: ("newsletter", "Instagram", "abonnieren"...) is a promotion...
PROMOTION_MAX_WORDS = 60
#: ...and so is a block of at most this many words with one.
PROMOTION_SHORT_WORDS = 20
#: A promotion is a note of a few sentences; a longer paragraph is the story's own end.
PROMOTION_MAX_SENTENCES = 3
#: The end-of-body promotion search looks at this many blocks at most.
PROMOTION_TAIL_BLOCKS = 4
#: Among this many last blocks, a short note (as for promotions: PROMOTION_MAX_WORDS words,
#: PROMOTION_MAX_SENTENCES sentences) with a call-to-action sentence goes wherever the
#: sentence stands in it ("Search our archive for more. Click here")...
CTA_TAIL_BLOCKS = 6
#: ...and a block of at most this many words with the phrase anywhere ("Abonnieren Sie
#: unseren Newsletter", after a dash or a label).
CTA_TAIL_SHORT_WORDS = 25
_OPENING_QUOTE = regex.compile(r"^[\p{Pi}\"'«„‘“]", regex.V1)


class RemoveCallsToAction(Remover):
    """Drops blocks that ask the reader to do something other than read the story.

    A block goes when it opens with a call-to-action phrase ("Stay tuned", "Subscribe to",
    "Follow us on", "Abonnieren Sie"...), is at most two sentences and :data:`MAX_WORDS` words,
    is not a quotation (a quoted "Subscribe to..." is someone speaking in the story), and stands
    outside the article's core or as its last block: a "check out our guide" in the middle of
    a how-to is part of it. Inside the core, such a block goes only when it promotes the
    site's newsletters, subscriptions or social accounts ("Join our Telegram channel for
    instant updates", as the end-of-body notes below) with words the story's other blocks do
    not use.

    Among the last :data:`CTA_TAIL_BLOCKS` blocks, a short note goes when one of its
    sentences opens with such a phrase ("Search our archive for more stories. Click here"),
    or, in a block of :data:`CTA_TAIL_SHORT_WORDS` words or fewer, when the phrase stands
    anywhere in it; a phrase inside a sentence of a longer paragraph is the story's own.

    The last blocks of the body are also read for what they promote, whatever their wording:
    working back from the end, a short block naming newsletters, subscriptions, social
    networks or cookies (:data:`PROMOTION_MAX_WORDS` words and
    :data:`PROMOTION_MAX_SENTENCES` sentences at most, two such words; one in a block of
    :data:`PROMOTION_SHORT_WORDS` words or fewer) goes, until a block that does not. The
    first block of the body is never taken this way, and a word that the story's prose
    paragraphs used before its last :data:`PROMOTION_TAIL_BLOCKS` blocks is its subject, not a
    promotion ("Facebook" at the end of a story about Facebook).

    Reason codes: ``call_to_action``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts([
        ...     "Stay tuned for more updates on this developing story.",
        ...     "“Stay tuned,” the minister told reporters on Monday, smiling.",
        ... ])
        >>> [b.text for b in RemoveCallsToAction()(d).blocks]
        ['“Stay tuned,” the minister told reporters on Monday, smiling.']
    """

    name: ClassVar[str] = "remove_calls_to_action"
    reasons: ClassVar[tuple[str, ...]] = ("call_to_action",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``call_to_action`` for short blocks opening with a CTA phrase at the edges."""
        start, end = article_core(
            draft.blocks, title=draft.title or draft.hints.title, plain_text=draft.plain_text
        )
        lex = lexicon_of(draft)
        found: dict[int, str] = {}
        opens_with_call = PerText(functools.partial(_opens_with_call, lex))
        promotion = lex.words("promotion_word")
        inside: list[int] = []
        # Only a block that starts as a call-to-action phrase does can open with one.
        for pos in may_start_with(draft, "call_to_action"):
            if not opens_with_call[draft.blocks[pos].text]:
                continue
            if start <= pos < end - 1:
                inside.append(pos)
            else:
                found[pos] = "call_to_action"
        # Inside the core a call to action may be the story's own step ("Download the file"),
        # but one that promotes the site's newsletter or social accounts is not, unless the
        # story's other blocks name them (a story about Telegram). Fewer words promote less:
        # the story's words are read only when a call promotes with them all.
        promoting = [p for p in inside if _promotes(draft.blocks[p].text, promotion)]
        if promoting:
            calls = {*promoting, *found}
            told = _told([b for p, b in enumerate(draft.blocks) if p not in calls])
            own = promotion - told
            for pos in promoting:
                if _promotes(draft.blocks[pos].text, own):
                    found[pos] = "call_to_action"
        for pos in range(max(1, len(draft.blocks) - CTA_TAIL_BLOCKS), len(draft.blocks)):
            if pos not in found and _tail_call_to_action(lex, draft.blocks[pos].text):
                found[pos] = "call_to_action"
        untold: frozenset[str] | None = None
        for pos in range(len(draft.blocks) - 1, 0, -1):
            if len(draft.blocks) - pos > PROMOTION_TAIL_BLOCKS:
                break
            if pos in found:
                continue
            text = draft.blocks[pos].text
            if not _promotes(text, promotion):
                break  # most bodies: their last block names no promotion word at all
            if untold is None:
                # A word the story's own paragraphs used before its last blocks is the
                # story's subject there ("Facebook" in a story about Facebook), no promotion.
                # Fewer words promote less, so the test with them all above rules out
                # nothing this one would take; the story's words are read only when needed.
                told = _told(draft.blocks[: max(1, len(draft.blocks) - PROMOTION_TAIL_BLOCKS)])
                untold = promotion - told
            if not _promotes(text, untold):
                break
            found[pos] = "call_to_action"
        return found


def _opens_with_call(lex: lexicon.Lexicon, text: str) -> bool:
    """A short block, not a quotation, of at most two sentences that opens with a CTA phrase."""
    if more_words_than(text, MAX_WORDS) or _OPENING_QUOTE.match(text.lstrip()):
        return False
    if lex.starts_with("call_to_action", text) is None:
        return False
    return sentence_count(text) <= 2


def _tail_call_to_action(lex: lexicon.Lexicon, text: str) -> bool:
    """Whether a block at the end of the body is a note asking the reader to act.

    A sentence of it opens with a call-to-action phrase, or, in a short block, the phrase
    stands anywhere. A longer paragraph with "subscribe to" or "click here" inside a sentence
    is the story's own ("viewers can subscribe to the new service").
    """
    if not _short_note(text):
        return False
    if not more_words_than(text, CTA_TAIL_SHORT_WORDS) and lex.contains("call_to_action", text):
        return True
    return any(lex.starts_with("call_to_action", s) is not None for s in sentences(text))


def _short_note(text: str) -> bool:
    """A note of a few sentences, not a quotation: what an end-of-body promotion looks like."""
    return (
        not more_words_than(text, PROMOTION_MAX_WORDS)
        and not _OPENING_QUOTE.match(text.lstrip())
        and sentence_count(text) <= PROMOTION_MAX_SENTENCES
    )


def _told(blocks: Sequence[DraftBlock]) -> frozenset[str]:
    """The folded words of the prose paragraphs among ``blocks``."""
    return frozenset().union(*(folded_words(b.text) for b in blocks if is_prose(b.text)))


def _promotes(text: str, promotion: frozenset[str]) -> bool:
    """Whether a block is mostly about newsletters, subscriptions, social accounts or cookies."""
    if not _short_note(text):
        return False
    tokens = folded_words(text)
    hits = {t for t in tokens if t in promotion}
    return len(hits) >= 2 or (len(hits) == 1 and len(tokens) <= PROMOTION_SHORT_WORDS)


#: A disclosure is a note of a few sentences; a long paragraph that mentions commissions is
#: the article's own text.
DISCLOSURE_MAX_WORDS = 70


class RemoveDisclosures(BlockRemover):
    """Drops affiliate and sponsorship disclosures ("We may earn a commission...").

    A block goes when it contains a disclosure phrase and is at most
    :data:`DISCLOSURE_MAX_WORDS` words: the note product pages print above or below reviews.

    Reason codes: ``disclosure``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["If you buy through our links, we may earn a commission.",
        ...                       "The scooter reached 20 mph on our flat test track."])
        >>> [r.reason for r in RemoveDisclosures()(d).removed]
        ['disclosure']
    """

    name: ClassVar[str] = "remove_disclosures"
    reasons: ClassVar[tuple[str, ...]] = ("disclosure",)
    local: ClassVar[bool] = True  # judges the block alone: see BlockRemover

    def candidates(self, draft: Draft) -> Sequence[int]:
        """The blocks that hold a word of a disclosure phrase (the others hold none)."""
        return may_contain(draft, "disclosure")

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``disclosure`` for a short block with a disclosure phrase."""
        text = draft.blocks[pos].text
        if more_words_than(text, DISCLOSURE_MAX_WORDS):
            return None
        return "disclosure" if lexicon_of(draft).contains("disclosure", text) else None
