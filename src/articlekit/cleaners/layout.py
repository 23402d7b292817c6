"""The page's layout: what an HTML reader found outside the element that holds the article."""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from articlekit.cleaners.base import Remover
from articlekit.draft import Draft

__all__ = ["RemoveAfterArticle"]


class RemoveAfterArticle(Remover):
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

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``after_article`` for the blocks the reader listed."""
        listed = draft.hints.extra.get("after_article")
        if not isinstance(listed, Collection) or not listed:
            return {}
        wanted = set(listed)
        return {pos: "after_article" for pos, b in enumerate(draft.blocks) if b.index in wanted}
