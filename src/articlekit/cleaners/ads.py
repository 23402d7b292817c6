"""Ad labels: lines that only announce an ad ("Advertisement", "Anzeige", "Sponsored")."""

from __future__ import annotations

from typing import ClassVar

from articlekit.cleaners._common import lexicon_of
from articlekit.cleaners.base import BlockRemover
from articlekit.draft import Draft
from articlekit.features import word_count

__all__ = ["RemoveAdLabels"]


class RemoveAdLabels(BlockRemover):
    """Drops blocks that consist of nothing but an ad label.

    Only whole blocks go: a sentence that mentions an advertisement is text.

    Reason codes: ``ad_label``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Advertisement", "The advertisement ran for a week.", "ANZEIGE"])
        >>> [b.text for b in RemoveAdLabels()(d).blocks]
        ['The advertisement ran for a week.']
    """

    name: ClassVar[str] = "remove_ad_labels"
    reasons: ClassVar[tuple[str, ...]] = ("ad_label",)

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``ad_label`` when the whole block is an ad-label phrase."""
        text = draft.blocks[pos].text
        if word_count(text) > 8:
            return None
        return "ad_label" if lexicon_of(draft).is_phrase("ad_label", text) else None
