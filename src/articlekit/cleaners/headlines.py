"""Lists of unrelated headlines ("You Might Like:" + teasers of other stories).

Decided by structure and vocabulary, not by a trigger phrase: a run of two or more
headline-shaped blocks outside the article's core, whose words barely overlap the article's
own. A single subheading inside the article is the opposite case: short, but its words recur
in the paragraphs around it, and it stands inside the core.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import ClassVar

from articlekit import lexicon
from articlekit.cleaners._common import lexicon_of
from articlekit.cleaners.base import Remover
from articlekit.draft import Draft, DraftBlock
from articlekit.features import (
    content_stems,
    is_prose,
    is_teaser,
    word_count,
)

__all__ = ["RemoveHeadlineLists", "article_core"]

#: Too few words in the core to tell "same story" from "other story": keep everything.
MIN_CORE_STEMS = 8
#: A teaser whose content words are at most this share article words is "unrelated".
UNRELATED = 0.34
#: With a list heading or doubled lines (strong structural evidence), a looser bar.
UNRELATED_WITH_EVIDENCE = 0.5
#: Cost of a short non-prose block when finding the core: teasers pull a run apart, a
#: subheading between long paragraphs does not.
GAP_COST = 8


def article_core(blocks: Sequence[DraftBlock]) -> tuple[int, int]:
    """Return ``(start, end)`` of the densest run of prose blocks: the article's core.

    Maximum-sum contiguous run, where a prose block scores its word count and any other block
    costs :data:`GAP_COST`. Returns ``(0, 0)`` when there is no prose at all.

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "A sentence long enough to count as prose in this little example, truly."
        >>> article_core(Draft.from_texts(["Menu", p, "Sub head", p, "Teaser one", "Two"]).blocks)
        (1, 4)
    """
    best = (0, 0)
    best_score = 0
    start = 0
    score = 0
    for pos, block in enumerate(blocks):
        gain = word_count(block.text) if is_prose(block.text) else -GAP_COST
        if score <= 0:
            start, score = pos, 0
        score += gain
        if score > best_score:
            best_score, best = score, (start, pos + 1)
    return best


def _is_list_heading(lex: lexicon.Lexicon, text: str) -> bool:
    """A short label that introduces a list: "You Might Like:", "Related Stories"."""
    text = text.strip()
    if word_count(text) > 8 or is_prose(text):
        return False
    return (text.endswith(":") and word_count(text) >= 1) or lex.is_phrase(
        "headline_list_heading", text
    )


class RemoveHeadlineLists(Remover):
    """Drops teaser lists of other stories, and the heading that introduces them.

    A list is a run of two or more teaser-shaped blocks (a headline or a one-line summary:
    one sentence, at most 30 words) outside the article's core (:func:`article_core`), in which
    at least two blocks have content words that barely occur in the core. The short line right
    above such a list ("You Might Like:", "Related stories") goes as its heading. Inside the
    core, only a run under a list heading is taken.

    Reason codes: ``headline_list``, ``headline_list_heading``.

    Example:
        >>> from articlekit.draft import Draft
        >>> body = ("Ukraine is working to resume the exchange of prisoners with Russia, hoping "
        ...         "for the release of 1,200 Ukrainians held in Russian camps since 2022.")
        >>> more = ("Rustem Umerov, secretary of the security council, said talks mediated by "
        ...         "Turkey and the United Arab Emirates had agreed to reactivate the swaps.")
        >>> d = Draft.from_texts([body, more, "You Might Like:",
        ...     "Gen Z takes to streets in Mexico to demand action against crime",
        ...     "Storm Claudia forces authorities to declare major emergency in Britain"])
        >>> sorted({r.reason for r in RemoveHeadlineLists()(d).removed})
        ['headline_list', 'headline_list_heading']
    """

    name: ClassVar[str] = "remove_headline_lists"
    reasons: ClassVar[tuple[str, ...]] = ("headline_list", "headline_list_heading")

    def find(self, draft: Draft) -> dict[int, str]:
        """Find teaser runs with foreign vocabulary."""
        blocks = draft.blocks
        start, end = article_core(blocks)
        if end == 0:
            return {}
        vocab: set[str] = set()
        for block in blocks[start:end]:
            if is_prose(block.text):
                vocab |= content_stems(block.text)
        if len(vocab) < MIN_CORE_STEMS:
            return {}
        found: dict[int, str] = {}
        for heading, run in self._runs(draft):
            if heading is None:
                # Without a heading, only teasers outside the core are candidates: a run may
                # begin with the article's own last one-sentence paragraph.
                run = [p for p in run if not start <= p < end]
                if len(run) < 2:
                    continue
            texts = [blocks[p].text.strip() for p in run]
            doubled = any(a.casefold() == b.casefold() for a, b in itertools.pairwise(texts))
            bar = UNRELATED_WITH_EVIDENCE if (heading is not None or doubled) else UNRELATED
            unrelated = [p for p in run if self._overlap(blocks[p].text, vocab) <= bar]
            if len(unrelated) < (1 if heading is not None else 2):
                continue
            # The list spans from its first to its last unrelated teaser.
            for p in range(unrelated[0], unrelated[-1] + 1):
                found[p] = "headline_list"
            if heading is not None and unrelated[0] == run[0]:
                found[heading] = "headline_list_heading"
        return found

    @staticmethod
    def _runs(draft: Draft) -> list[tuple[int | None, list[int]]]:
        """Return ``(heading position or None, teaser positions)`` for each teaser run.

        A list heading ("You Might Like:", "Related Stories") ends the run before it and opens
        the next one; a run without a heading needs two teasers to be a list.
        """
        lex = lexicon_of(draft)
        runs: list[tuple[int | None, list[int]]] = []
        heading: int | None = None
        current: list[int] = []

        def close() -> None:
            if len(current) >= (1 if heading is not None else 2):
                runs.append((heading, list(current)))

        for pos, block in enumerate(draft.blocks):
            if _is_list_heading(lex, block.text):
                close()
                heading, current = pos, []
            elif is_teaser(block.text):
                current.append(pos)
            else:
                close()
                heading, current = None, []
        close()
        return runs

    @staticmethod
    def _overlap(text: str, vocab: set[str]) -> float:
        stems = content_stems(text)
        if not stems:
            return 0.0
        return len(stems & vocab) / len(stems)
