"""The built-in cleaners, one module per family, and the registry of them by name.

Example:
    >>> get("remove_ad_labels").reasons
    ('ad_label',)
    >>> "remove_headline_lists" in BUILTIN
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from articlekit.cleaners.ads import RemoveAdLabels, RemoveMarkup
from articlekit.cleaners.base import (
    BaseCleaner,
    BlockRemover,
    Cleaner,
    Extractor,
    FunctionCleaner,
    Remover,
    Trimmer,
    as_cleaner,
)
from articlekit.cleaners.bylines import ExtractByline, ExtractCoreByline, RemoveAuthorBio
from articlekit.cleaners.comments import RemoveComments
from articlekit.cleaners.core import KeepArticleCore, RemoveFooter
from articlekit.cleaners.dates import ExtractCoreDates, ExtractDates, ReadDateline, RemoveDateStubs
from articlekit.cleaners.furniture import (
    ExtractSourceCredit,
    MarkHeadings,
    RemoveCaptionCredits,
    RemoveDuplicateBlocks,
    RemoveOrphanHeadings,
    RemoveSectionLabel,
    RemoveSeparators,
    TrimKickers,
)
from articlekit.cleaners.headlines import RemoveHeadlineLists
from articlekit.cleaners.language import DetectLanguage
from articlekit.cleaners.layout import (
    RemoveAfterArticle,
    RemoveFurniture,
    RemoveTeaserCards,
)
from articlekit.cleaners.links import RemoveRelatedLinks
from articlekit.cleaners.metadata import ApplyPageMetadata
from articlekit.cleaners.notices import RemoveCookieNotices
from articlekit.cleaners.page_titles import ExtractPageTitle
from articlekit.cleaners.profile import RemoveBoilerplateRepeat
from articlekit.cleaners.promos import RemoveCallsToAction, RemoveDisclosures
from articlekit.cleaners.titles import (
    ChooseTitle,
    ExtractCoreTitle,
    ExtractSubtitle,
    ExtractTitle,
    RemoveDuplicateTitle,
)
from articlekit.cleaners.unlikely import RemoveUnlikelyBlocks
from articlekit.errors import UnknownCleanerError

__all__ = [
    "BUILTIN",
    "ApplyPageMetadata",
    "BaseCleaner",
    "BlockRemover",
    "ChooseTitle",
    "Cleaner",
    "DetectLanguage",
    "ExtractByline",
    "ExtractCoreByline",
    "ExtractCoreDates",
    "ExtractCoreTitle",
    "ExtractDates",
    "ExtractPageTitle",
    "ExtractSourceCredit",
    "ExtractSubtitle",
    "ExtractTitle",
    "Extractor",
    "FunctionCleaner",
    "KeepArticleCore",
    "MarkHeadings",
    "ReadDateline",
    "RemoveAdLabels",
    "RemoveAfterArticle",
    "RemoveAuthorBio",
    "RemoveBoilerplateRepeat",
    "RemoveCallsToAction",
    "RemoveCaptionCredits",
    "RemoveComments",
    "RemoveCookieNotices",
    "RemoveDateStubs",
    "RemoveDisclosures",
    "RemoveDuplicateBlocks",
    "RemoveDuplicateTitle",
    "RemoveFooter",
    "RemoveFurniture",
    "RemoveHeadlineLists",
    "RemoveMarkup",
    "RemoveOrphanHeadings",
    "RemoveRelatedLinks",
    "RemoveSectionLabel",
    "RemoveSeparators",
    "RemoveTeaserCards",
    "RemoveUnlikelyBlocks",
    "Remover",
    "TrimKickers",
    "Trimmer",
    "as_cleaner",
    "get",
]

_ALL: tuple[BaseCleaner, ...] = (
    # The HTML reader's blocks that the page-block model is sure are no story's, before any
    # cleaner reads the body's edges or its vocabulary (as the model was judged).
    RemoveUnlikelyBlocks(),
    # What the HTML reader found after the article's own element, in furniture at its edges
    # and in teaser cards goes before anything reads the ends of the body (calls to action,
    # author boxes, footers look there) or its top (section label, title).
    RemoveAfterArticle(),
    RemoveFurniture(),
    RemoveTeaserCards(),
    DetectLanguage(),
    # Self-evident junk first, so that the cleaners that look at the top of the text (section
    # label, title) see the same first lines whether or not the text was cleaned before.
    RemoveAdLabels(),
    RemoveMarkup(),
    RemoveComments(),
    RemoveCookieNotices(),
    RemoveRelatedLinks(),
    RemoveCallsToAction(),
    RemoveDisclosures(),
    RemoveDateStubs(),
    ExtractDates(),
    ExtractSourceCredit(),
    RemoveSectionLabel(),
    # Whole-page text: its first line is the page's <title>; the headline's repeat confirms
    # which part is the headline. Before extract_title, which reads the first line as a whole.
    ExtractPageTitle(),
    ExtractTitle(),
    ApplyPageMetadata(),
    ReadDateline(),
    RemoveDuplicateTitle(),
    ExtractByline(),
    RemoveAuthorBio(),
    ExtractSubtitle(),
    TrimKickers(),
    RemoveCaptionCredits(),
    RemoveOrphanHeadings(),
    # The footer reads the page's end before duplicates go: a teaser title doubled under
    # "You Might Like:" is still there to show the list for what it is.
    RemoveFooter(),
    RemoveDuplicateBlocks(),
    KeepArticleCore(),
    # Whole-page text: a byline the first search missed stands next to the story's core.
    ExtractCoreByline(),
    # ...and its date line and headline, when the text's first lines gave none.
    ExtractCoreDates(),
    ExtractCoreTitle(),
    # After the core: a teaser list the core left out no longer moves its edges (removed
    # before it, the list's gap went and the core ran on into other stories' lists)...
    RemoveHeadlineLists(),
    # ...and a rule line is a section's edge, which the core's regions should see.
    RemoveSeparators(),
    MarkHeadings(),
    # Last: the title the cleaners chose is one vote among the page's titles; only the field
    # changes, whatever the vote says (the body was cleaned with the cleaners' title).
    ChooseTitle(),
)

#: Every built-in cleaner by name, in default pipeline order (read-only).
BUILTIN: Mapping[str, BaseCleaner] = MappingProxyType({c.name: c for c in _ALL})


def get(name: str) -> BaseCleaner:
    """Return the built-in cleaner called ``name``.

    Args:
        name: A cleaner name such as ``"remove_ad_labels"``.

    Returns:
        The (stateless, shareable) cleaner instance.

    Raises:
        UnknownCleanerError: If there is no built-in of that name (the message lists them).
    """
    try:
        return BUILTIN[name]
    except KeyError:
        msg = f"no built-in cleaner named {name!r}; the built-ins are: {', '.join(BUILTIN)}"
        raise UnknownCleanerError(msg) from None
