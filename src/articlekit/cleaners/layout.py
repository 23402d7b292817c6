"""The page's layout: what an HTML reader found outside the element that holds the article.

The reader has the page's tree and lists the blocks (by ``index``) in ``hints.extra``; these
cleaners remove them, so that the removal is on the record and a pipeline can leave it out.
On plain text, or when a reader lists nothing, they do nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from articlekit.cleaners.base import Remover
from articlekit.draft import Draft

__all__ = ["RemoveAfterArticle", "RemoveFurniture", "RemoveTeaserCards"]


class _ReaderListed(Remover):
    """Removes the blocks whose ``index`` the reader listed under ``hints.extra[key]``."""

    key: ClassVar[str]

    def find(self, draft: Draft) -> dict[int, str]:
        """Return the cleaner's reason for the blocks the reader listed."""
        listed = draft.hints.extra.get(self.key)
        if not isinstance(listed, Collection) or not listed:
            return {}
        wanted = set(listed)
        reason = self.reasons[0]
        return {pos: reason for pos, b in enumerate(draft.blocks) if b.index in wanted}


class RemoveAfterArticle(_ReaderListed):
    """Drops the blocks the HTML reader found after the article's own element, outside it.

    An extractor's output sometimes runs on past the element that holds the story into the
    page's next boxes: a newsletter sign-up, an author card, a row of other stories. The HTML
    reader (:func:`~articlekit.readers.html.read_html`) finds the smallest element around the
    output's longest paragraphs and lists the output blocks that come after its last block
    from elements outside it, in ``hints.extra["after_article"]`` (their ``index``). This
    cleaner removes them; on plain text, or when a reader lists nothing, it does nothing.
    It runs first, so the cleaners that read the end of the body see the article's end.

    Reason codes: ``after_article``.

    Example:
        >>> from articlekit.draft import Draft, DraftBlock, Hints
        >>> story = DraftBlock(0, "The council voted to repair the bridge before winter.")
        >>> signup = DraftBlock(1, "Get our weekly letter about the city in your inbox.")
        >>> d = Draft(blocks=(story, signup), hints=Hints(extra={"after_article": (1,)}))
        >>> [(r.reason, r.text[:10]) for r in RemoveAfterArticle()(d).removed]
        [('after_article', 'Get our we')]
    """

    name: ClassVar[str] = "remove_after_article"
    reasons: ClassVar[tuple[str, ...]] = ("after_article",)

    key: ClassVar[str] = "after_article"


class RemoveFurniture(_ReaderListed):
    """Drops the blocks the HTML reader found in page furniture at the article's edges.

    An extractor's output sometimes opens with what the page prints above the story (a
    promo bar's slides, a menu, a sidebar card) or ends with what the article's element
    holds after it (a republishing policy, a newsletter box, a share panel). The HTML
    reader lists those blocks in ``hints.extra["furniture"]``: before the article's
    element, or after the last block of the article's own kind, from elements whose class
    or id names furniture ("promo-bar", "sidebar", "newsletter") other than the one around
    the article itself (see :func:`~articlekit.readers.boxes.furniture_at_edges`); this
    cleaner removes them. Author, byline, bio and review boxes are never listed.

    Reason codes: ``furniture``.

    Example:
        >>> from articlekit.draft import Draft, DraftBlock, Hints
        >>> promo = DraftBlock(0, "Free shipping on orders over $40")
        >>> story = DraftBlock(1, "The council voted to repair the bridge before winter.")
        >>> d = Draft(blocks=(promo, story), hints=Hints(extra={"furniture": (0,)}))
        >>> [(r.reason, r.text) for r in RemoveFurniture()(d).removed]
        [('furniture', 'Free shipping on orders over $40')]
    """

    name: ClassVar[str] = "remove_furniture"
    reasons: ClassVar[tuple[str, ...]] = ("furniture",)

    key: ClassVar[str] = "furniture"


class RemoveTeaserCards(_ReaderListed):
    """Drops the blocks the HTML reader found in teaser cards outside the article's element.

    A grid or list of other stories repeats one element per story (same tag, same class),
    each holding the story's linked headline and a line or two of summary. When the
    extractor's output takes such cards from outside the article's element (the box the
    reader finds around the output's longest paragraphs), the reader lists their blocks in
    ``hints.extra["teaser_cards"]`` (see :func:`~articlekit.readers.boxes.teaser_cards`);
    this cleaner removes them. Repeated elements inside the article's element (a listicle's
    items) are never listed.

    Reason codes: ``teaser_card``.

    Example:
        >>> from articlekit.draft import Draft, DraftBlock, Hints
        >>> story = DraftBlock(0, "The council voted to repair the bridge before winter.")
        >>> card = DraftBlock(1, "Mayor opens new library")
        >>> d = Draft(blocks=(story, card), hints=Hints(extra={"teaser_cards": (1,)}))
        >>> [(r.reason, r.text) for r in RemoveTeaserCards()(d).removed]
        [('teaser_card', 'Mayor opens new library')]
    """

    name: ClassVar[str] = "remove_teaser_cards"
    reasons: ClassVar[tuple[str, ...]] = ("teaser_card",)

    key: ClassVar[str] = "teaser_cards"
