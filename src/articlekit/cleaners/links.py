"""Related links: "Also Read: <another story>", "READ MORE | ...", "Lesen Sie auch: ..."."""

from __future__ import annotations

import functools
from typing import ClassVar

from articlekit._memo import PerText
from articlekit.cleaners._common import lexicon_of, may_start_with, rest_after_label
from articlekit.cleaners.base import BlockRemover
from articlekit.draft import Draft
from articlekit.features import is_teaser, more_words_than, sentence_count
from articlekit.lexicon import Lexicon

__all__ = ["RemoveRelatedLinks"]

#: A related link is a label plus one headline; anything longer is a paragraph that happens to
#: start with "Read more" and stays.
MAX_WORDS = 30


class RemoveRelatedLinks(BlockRemover):
    """Drops blocks that point the reader to another story.

    A block goes when it starts with a related-link label followed by a separator and at most
    one short sentence (the linked headline), or when it is the label alone. In HTML, a block
    that is almost all link text and starts with such a label goes too.

    Reason codes: ``related_link``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts([
        ...     "Also Read: Trump Warns Zelenskyy ‘Putin Will Destroy You’",
        ...     "Read more about the talks in our explainer, which covers the history of the "
        ...     "exchanges since 2022 and what both sides want.",
        ... ])
        >>> [r.reason for r in RemoveRelatedLinks()(d).removed]
        ['related_link']
    """

    name: ClassVar[str] = "remove_related_links"
    reasons: ClassVar[tuple[str, ...]] = ("related_link",)

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``related_link`` for a label + headline block."""
        return self._decide(draft, pos, _shape(lexicon_of(draft), draft.blocks[pos].text))

    def find(self, draft: Draft) -> dict[int, str]:
        """Judge every block; what a block's text says is read once per distinct text."""
        shape_of = PerText(functools.partial(_shape, lexicon_of(draft)))
        found: dict[int, str] = {}
        # Only a block that starts as a label does can be a label or a label and a link.
        for pos in may_start_with(draft, "related_link"):
            shape = shape_of[draft.blocks[pos].text]
            if shape is not None and self._decide(draft, pos, shape) is not None:
                found[pos] = "related_link"
        return found

    @staticmethod
    def _decide(draft: Draft, pos: int, shape: str | None) -> str | None:
        if shape != "label":
            return "related_link" if shape == "link" else None
        # A label alone above teaser lines ("Related Stories") heads a list: the list
        # cleaner takes it with the list, under its own reason.
        following = draft.blocks[pos + 1].text if pos + 1 < len(draft.blocks) else ""
        return None if is_teaser(following) else "related_link"


def _shape(lex: Lexicon, text: str) -> str | None:
    """What the text is: ``"link"`` (a label and one headline), ``"label"`` (alone) or None."""
    if more_words_than(text, MAX_WORDS):
        return None
    rest = rest_after_label(lex, "related_link", text)
    if rest is None:
        return None
    if rest == "":
        return "label"
    return "link" if sentence_count(rest) <= 1 else None
