"""Page metadata into fields: what the HTML reader found in meta tags and JSON-LD.

The body decides first (a byline printed in the article, the article's own headline); the
page's metadata fills what the body did not give.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit.article import AUTHOR_ROLES, Contributor
from articlekit.bylines import author_names, contributors_of, looks_like_organisation
from articlekit.cleaners.base import BaseCleaner
from articlekit.cleaners.furniture import canonical_outlet
from articlekit.dates import DateMatch, find_date
from articlekit.draft import Draft
from articlekit.features import folded_words, words

__all__ = [
    "TITLE_SEPARATOR_MARKS",
    "ApplyPageMetadata",
    "similar_titles",
    "strip_site_name",
    "title_separators",
    "without_the_site",
]

#: The marks that join a page title's parts, with white space on both sides ("Talks resume |
#: The Daily", "BBC News - Talks resume"): one of these, a dash or two, or "::".
TITLE_SEPARATOR_MARKS = "|–—·•:»"


def title_separators(marks: str = TITLE_SEPARATOR_MARKS) -> regex.Pattern[str]:
    """The pattern of a separator between a page title's parts, of ``marks`` (or dashes, "::").

    Example:
        >>> title_separators().split("Talks resume | The Daily - World")
        ['Talks resume', 'The Daily', 'World']
    """
    return regex.compile(rf"\s+(?:[{regex.escape(marks)}]|-{{1,2}}|::)\s+", regex.V1)


_TITLE_SEPARATORS = title_separators()


def similar_titles(a: str, b: str) -> bool:
    """Return whether two titles are the same headline (one may carry a site name or kicker).

    Most of the words of each must be in the other: "What to Expect" is not the title
    "What to Expect When You Move Abroad".

    Example:
        >>> similar_titles("Talks resume in Istanbul", "Talks resume in Istanbul | The Daily")
        True
        >>> similar_titles("What to Expect", "What to Expect When You Move Abroad")
        False
    """
    ta, tb = set(folded_words(a)), set(folded_words(b))
    if not ta or not tb:
        return False
    shared = len(ta & tb)
    return shared / len(ta) >= 0.8 and shared / len(tb) >= 0.6


def names_only_the_site(contributors: tuple[Contributor, ...], site_name: str | None) -> bool:
    """Whether every author a page's metadata credits is the site itself.

    Example:
        >>> from articlekit.article import Contributor
        >>> names_only_the_site((Contributor("USA Today"),), "USA TODAY")
        True
        >>> names_only_the_site((Contributor("Brian Truitt"),), "USA TODAY")
        False
    """
    site = set(folded_words(site_name)) if site_name else set()
    names = [set(folded_words(c.name)) for c in contributors if c.role in AUTHOR_ROLES]
    return bool(site) and bool(names) and all(n and (n <= site or site <= n) for n in names)


def without_the_site(
    contributors: tuple[Contributor, ...], site_name: str | None
) -> tuple[Contributor, ...]:
    """The contributors less the authors that name the site itself, when a person remains.

    "Jane Doe, Daily Planet" or "Daily Planet - Jane Doe": the metadata's author field
    holds the person and the outlet she writes for; the outlet is the article's source,
    not one of its authors. When the site is all the field names, it stays (see
    :func:`names_only_the_site`).

    Example:
        >>> from articlekit.article import Contributor
        >>> names = (Contributor("Jane Doe"), Contributor("Daily Planet"))
        >>> [c.name for c in without_the_site(names, "The Daily Planet")]
        ['Jane Doe']
        >>> [c.name for c in without_the_site(names[1:], "The Daily Planet")]
        ['Daily Planet']
    """
    kept = tuple(
        c
        for c in contributors
        if c.role not in AUTHOR_ROLES or not names_only_the_site((c,), site_name)
    )
    return kept if author_names(kept) else contributors


def _printed_in_body(draft: Draft, text: str) -> bool:
    """Whether a block of the body has the words of ``text``: a description that is the lead.

    A page's description is often its first paragraph: as the subtitle too, the Article would
    hold it twice (issue 19: "the standfirst never twice"); it stays where the page prints it.
    """
    key = folded_words(text)
    return bool(key) and any(folded_words(b.text) == key for b in draft.blocks)


def _one_word_names(contributors: tuple[Contributor, ...]) -> bool:
    """Whether every author the metadata credits has a one-word name (often a user name)."""
    return all(len(c.name.split()) == 1 for c in contributors if c.role in AUTHOR_ROLES)


def _organisations_only(contributors: tuple[Contributor, ...], raw: tuple[str, ...] = ()) -> bool:
    """Whether every author the metadata credits is an organisation named as such.

    A legal form, an organisation noun or a web address ("Verband der Imker e.V.", "Acme
    Media GmbH", "example.de"): the publisher or a CMS default, while the body's byline
    often names the person. Known news agencies are not in this test: a wire story's
    metadata naming the agency is what its byline says. The metadata's own values
    (``raw``) are tested too: the normaliser splits "Institut für Forsten - IFF" into a
    name and an acronym, and the acronym alone does not read as an organisation.
    """
    names = [c.name for c in contributors if c.role in AUTHOR_ROLES]
    if not names:
        return False
    if all(looks_like_organisation(n) for n in names):
        return True
    return bool(raw) and all(looks_like_organisation(value) for value in raw)


def strip_site_name(title: str, site_name: str | None = None) -> str:
    """Remove a site-name prefix or suffix from a page title ("Headline | Site").

    A part is dropped when it matches the site name, or, when the site name is unknown, when
    it is the last of several parts and much shorter than the headline.

    Example:
        >>> strip_site_name("Talks resume in Istanbul - The Daily Planet", "The Daily Planet")
        'Talks resume in Istanbul'
        >>> strip_site_name("BBC News - Talks resume in Istanbul", "BBC News")
        'Talks resume in Istanbul'
    """
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    site = set(folded_words(site_name)) if site_name else set()

    def is_site(part: str) -> bool:
        tokens = set(folded_words(part))
        return bool(site) and bool(tokens) and len(tokens & site) / len(tokens) >= 0.6

    kept = [p for p in parts if not is_site(p)]
    if len(kept) == len(parts) and not site:
        longest = max(parts, key=len)
        if len(parts[-1]) < len(longest) / 2 and len(folded_words(parts[-1])) <= 4:
            kept = parts[:-1]
    if not kept:
        return title.strip()
    separator = _TITLE_SEPARATORS.search(title)
    joiner = separator.group(0) if separator else " "
    return joiner.join(kept).strip()


def _date(values: tuple[str | datetime, ...], draft: Draft) -> DateMatch | None:
    """The first of the metadata's dates that reads as one, with whether it is a day only.

    A string without a time ("2025-11-16", htmldate's form) is a day only; a datetime a
    reader passed is taken as it is (its time as given).
    """
    for value in values:
        if isinstance(value, datetime):
            return DateMatch(value, 0, 0)
        found = find_date(value, language=draft.language, reference_date=draft.reference_date)
        if found is not None:
            return found
    return None


class ApplyPageMetadata(BaseCleaner):
    """Fills fields the body did not give from the page's metadata (HTML input).

    Title: the page's title without the site name (the body's own headline, when the title
    cleaner found one, wins). Subtitle: the description, unless a block of the body has its
    words (the lead: it stays there, not twice). Authors: meta/JSON-LD authors through
    the byline normaliser (the body's byline and the markup search come after, in
    :class:`~articlekit.cleaners.bylines.ExtractByline`).
    Dates: JSON-LD ``datePublished``/``dateModified``, ``article:*_time`` meta, then
    trafilatura's (htmldate) date. Source: the site name. Section: ``article:section``.
    Language: the declared language, when detection gave none.

    Reason codes: none (it removes nothing).

    Example:
        >>> from articlekit.draft import Draft, Hints
        >>> d = Draft.from_texts(["Text."], hints=Hints(title="Talks resume | The Daily",
        ...     site_name="The Daily", authors=("By JANE DOE",), published=("2025-11-16",)))
        >>> d = ApplyPageMetadata()(d)
        >>> d.title, d.authors, d.source, d.published.year
        ('Talks resume', ('Jane Doe',), 'The Daily', 2025)
    """

    name: ClassVar[str] = "apply_page_metadata"
    reasons: ClassVar[tuple[str, ...]] = ()

    def __call__(self, draft: Draft) -> Draft:
        """Fill empty fields from ``draft.hints``."""
        hints = draft.hints
        changes: dict[str, Any] = {}
        if draft.title is None:
            title = self._title(draft)
            if title:
                changes["title"] = title
        if not draft.authors:
            # Metadata fields are known to hold names: trusted. An "author" that is the site
            # itself ("GlossGenius" on glossgenius.com), or only one-word names (a user name:
            # "jdoe77"), is left for last: the body's byline or the markup may name the person
            # (see ExtractByline).
            credited = contributors_of(hints.authors, draft.language, trusted=True)
            credited = without_the_site(credited, hints.site_name)
            if (
                author_names(credited)
                and not names_only_the_site(credited, hints.site_name)
                and not _one_word_names(credited)
                and not _organisations_only(credited, hints.authors)
            ):
                changes["authors"] = author_names(credited)
                changes["contributors"] = credited
        if draft.published is None:
            published = _date(hints.published, draft)
            if published is not None:
                changes["published"] = published.value
                changes["published_day_only"] = published.day_only
        if draft.updated is None:
            updated = _date(hints.updated, draft)
            if updated is not None:
                changes["updated"] = updated.value
                changes["updated_day_only"] = updated.day_only
        if draft.source is None and hints.site_name:
            changes["source"] = canonical_outlet(hints.site_name) or hints.site_name
        if (
            draft.subtitle is None
            and hints.subtitle
            and not _printed_in_body(draft, hints.subtitle)
        ):
            changes["subtitle"] = hints.subtitle
        if draft.section is None and hints.section:
            changes["section"] = hints.section
        declared = lexicon.language_code(hints.language)
        if draft.language is None and declared:
            changes["language"] = declared
        if draft.url is None and hints.url:
            changes["url"] = hints.url
        return draft.replace(**changes) if changes else draft

    @staticmethod
    def _title(draft: Draft) -> str | None:
        """The part of the page's title the page prints, its <h1>, or the title less the site."""
        hints = draft.hints
        headline = hints.extra.get("headline")
        if isinstance(headline, str) and headline:
            return headline  # the part of the page's title the page prints as its headline
        h1 = hints.extra.get("h1")
        site = hints.site_name or ""
        if isinstance(h1, str) and len(words(h1)) >= 3 and not similar_titles(h1, site):
            return h1
        return strip_site_name(hints.title, hints.site_name) if hints.title else None
