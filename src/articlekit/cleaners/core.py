"""The article in whole-page text: the densest run of prose, and what the page put around it.

Plain text a scraper kept of a whole page holds the menus, teaser lists, footers and comment
threads around the story. Whatever the other cleaners did not recognise by its wording, the
article is still the densest contiguous run of prose (see
:func:`~articlekit.features.article_core`): what stands outside it goes.
"""

from __future__ import annotations

from typing import ClassVar

from articlekit.cleaners.base import Remover
from articlekit.draft import Draft, DraftBlock
from articlekit.features import (
    article_core,
    ends_sentence,
    is_flattened_list,
    is_prose,
    word_count,
)

__all__ = ["KeepArticleCore"]

#: A block right next to the core that reads as a sentence of this many words or more is the
#: article's too (a one-line lead, a short closing line).
NEIGHBOUR_MIN_WORDS = 3


def _prose(text: str) -> bool:
    # A flattened menu or index ("All Audi BMW Citroen Fiat ...") is long enough to pass
    # for prose by length alone; it must not anchor the core.
    return is_prose(text) and not is_flattened_list(text)


def _sentence(block: DraftBlock) -> bool:
    return word_count(block.text) >= NEIGHBOUR_MIN_WORDS and ends_sentence(block.text)


class KeepArticleCore(Remover):
    """Drops what stands outside the article's core in whole-page text.

    The core is the densest run of prose blocks (inner subheadings and short paragraphs
    included; a flattened menu or index is not prose, see
    :func:`~articlekit.features.is_flattened_list`), widened by the headings right above it
    (when the reader marked them) and by one sentence-like block on each side: a one-line
    lead or closing line is the article's.
    Only for text whose content no extractor has chosen: on HTML input trafilatura did
    (``hints.extra["extractor"]`` is set) and its output is kept whole (measured: cutting it
    to the core costs wcxb-dev 0.016 F1). A text without any prose block is left as it is.

    Measured on the dev pages' whole-page text (``page_text``): main-text F1 0.781 -> 0.874
    on l3s-gn1, 0.845 -> 0.894 on wcxb-dev; snippet F 0.768 -> 0.833 on trafilatura-eval
    (without the flattened-list test: 0.856, 0.891, 0.827).

    Reason codes: ``outside_core``.

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "Negotiators met in Istanbul on Monday and agreed to resume the exchange of "
        >>> d = Draft.from_texts(["Home", "World", "Sport", p + "prisoners.", p + "bodies.",
        ...                       "Most read", "Ten things to do this weekend"])
        >>> [r.text for r in KeepArticleCore()(d).removed]
        ['Home', 'World', 'Sport', 'Most read', 'Ten things to do this weekend']
    """

    name: ClassVar[str] = "keep_article_core"
    reasons: ClassVar[tuple[str, ...]] = ("outside_core",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``outside_core`` for every block before or after the widened core."""
        if draft.hints.extra.get("extractor") is not None:
            return {}
        blocks = draft.blocks
        start, end = article_core(blocks, prose=_prose)
        if start == end:
            return {}
        while start > 0 and blocks[start - 1].kind == "heading":
            start -= 1
        if start > 0 and _sentence(blocks[start - 1]):
            start -= 1
        if end < len(blocks) and _sentence(blocks[end]):
            end += 1
        return {pos: "outside_core" for pos in range(len(blocks)) if not start <= pos < end}
