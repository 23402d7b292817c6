"""Blocks the page model is sure are not the article's, though the extractor kept them.

The HTML reader scores each block of its output with the page-block model
(:func:`articlekit.pagemodel.block_model`: gradient-boosted trees over the page model's row of
the block, trafilatura's choice one column among many). A block scored under
:data:`UNLIKELY_BLOCK_SCORE` goes: on the dev pages mostly short furniture that
trafilatura's output held (a menu row, a "Subscribe" button, a run of "Learn more about ..."
links, a reader's comment). Plain text has no scores, so this cleaner leaves it alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from articlekit.cleaners.base import Remover
from articlekit.draft import Draft

__all__ = ["BLOCK_SCORES", "UNLIKELY_BLOCK_SCORE", "RemoveUnlikelyBlocks"]

#: The draft hint (``hints.extra``) where the HTML reader leaves ``{block index: score}``.
BLOCK_SCORES = "block_scores"

#: A block the page-block model gives less than this probability of being the article's goes.
#: A sure veto, not the model's even odds: a story's paragraph lost costs more than a kept
#: caption. Of 0.05, 0.1 and 0.3, held out on the four page sets (tried with the veto in the
#: reader and the core's columns read), 0.05 is the one that raised F1 on all four and cost
#: none of them more than 0.0001 of recall (0.1 cost up to 0.0014 of recall and
#: trafilatura-eval 0.0002 of F; 0.3 cost wcxb-dev 0.0047): benchmarks/README.md, "The
#: page-block model's sure vetoes".
UNLIKELY_BLOCK_SCORE = 0.05


class RemoveUnlikelyBlocks(Remover):
    """Drops the blocks the HTML reader's page-block model scores under the threshold.

    Each removal carries the model's score (:attr:`~articlekit.article.Removal.score`).
    A draft without scores (plain text, a draft made by hand) comes back unchanged.

    Reason codes: ``unlikely_block``.

    Example:
        >>> import dataclasses
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["The council met on Monday.", "Loading Slideshow"])
        >>> extra = {BLOCK_SCORES: {0: 0.97, 1: 0.01}}
        >>> d = d.replace(hints=dataclasses.replace(d.hints, extra=extra))
        >>> [(r.text, r.reason, r.score) for r in RemoveUnlikelyBlocks()(d).removed]
        [('Loading Slideshow', 'unlikely_block', 0.01)]
    """

    name: ClassVar[str] = "remove_unlikely_blocks"
    reasons: ClassVar[tuple[str, ...]] = ("unlikely_block",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``unlikely_block`` for every block scored under the threshold."""
        return self.scored(draft)[0]

    def scored(self, draft: Draft) -> tuple[dict[int, str], dict[int, float]]:
        """:meth:`find`, with each removed block's score."""
        scores: Mapping[int, float] = draft.hints.extra.get(BLOCK_SCORES) or {}
        if not scores:
            return {}, {}
        low = {
            pos: scores[block.index]
            for pos, block in enumerate(draft.blocks)
            if scores.get(block.index, 1.0) < UNLIKELY_BLOCK_SCORE
        }
        return dict.fromkeys(low, "unlikely_block"), low
