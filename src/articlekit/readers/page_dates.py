"""The publication day: every day the page names, weighed by a fitted vote.

A page gives its publication day in many places, and they disagree: JSON-LD
``datePublished`` and ``dateModified``, ``article:published_time`` and other meta tags, an
``itemprop="datePublished"`` element, ``<time>`` elements, a date in the URL, htmldate's search
of the page (its "original date"), and the date lines the page prints for its readers ("Last
updated: 4 Dec 2025"). Each calendar day that any of them names is a candidate; a row of
:data:`DATE_FEATURES` says which sources name it and whether, where and how the page prints it;
a logistic model scores the rows, and the best-scoring day is the publication day.

The model is fitted, not set by hand, on the dev pages with a gold date (the command that
rebuilds the shipped ``models/published_date.json`` exactly, and scores it
leave-one-dataset-out, is in ``benchmarks/date_model.py``). No single source's order decides:
a day named by JSON-LD but by nothing the reader sees loses to one the page prints under its
headline when the weights say so.

Example:
    >>> from lxml import html
    >>> page = html.fromstring('<html><head><meta property="article:published_time" '
    ...     'content="2025-11-16T10:30:00+01:00"></head><body><p>Story.</p></body></html>')
    >>> [(c.day.isoformat(), c.sources) for c in day_candidates(
    ...     page, (), htmldate_day="2025-11-16", url="https://x.org/2025/11/15/a.html",
    ...     span=None, language="en", reference_date=None)]
    [('2025-11-16', ('htmldate', 'meta_published')), ('2025-11-15', ('url',))]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from lxml import etree

from articlekit.dates import find_date
from articlekit.draft import DraftBlock
from articlekit.readers.metadata import json_ld_objects, meta_tags
from articlekit.scorer import BlockScorer, packaged_scorer

__all__ = [
    "DATE_FEATURES",
    "DATE_SOURCES",
    "DayCandidate",
    "choose_day",
    "date_model",
    "day_candidates",
    "markup_date_model",
]

#: Where a candidate day can come from, in the order of the row's first columns.
DATE_SOURCES: tuple[str, ...] = (
    "htmldate",  # htmldate's search (extensive, original date): the day found so far
    "json_ld_published",
    "json_ld_modified",
    "json_ld_created",
    "meta_published",
    "meta_modified",
    "itemprop_published",
    "time_first",  # the page's first <time datetime=...>
    "time_published",  # a <time> marked as the publication's (pubdate, a "publish" class)
    "url",
)

#: The columns of a candidate's row: one per source, then how the page prints the day, then
#: how it stands among the page's other candidates.
DATE_FEATURES: tuple[str, ...] = (
    *(f"from_{source}" for source in DATE_SOURCES),
    "printed",  # a short line of the page's text holds a date of this day
    "printed_first",  # ...and it is the first date the page prints
    "printed_near_body",  # ...in the lines just above or at the top of the extracted body
    # (Whether an "updated" label stands before the printed day is no column: which day the
    # dev sets' gold takes then differs from set to set, and the column cost wcxb-dev 0.006
    # leave-one-dataset-out.)
    "printed_times",  # how many lines print it, a third each, at most 1
    "latest",  # the latest of the page's candidate days
    "earliest",  # the earliest
    "sources",  # how many sources name it, a quarter each
)

_META_PUBLISHED = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "datecreated",
)
_META_MODIFIED = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)

#: Every date find_date gives without a reference date has a year of four digits.
_YEAR = re.compile(r"\d{4}")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")
_URL_DAY_JOINED = re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/_.-]")

#: No publication day before this year (htmldate's own lower bound is 1995).
MIN_YEAR = 1990
#: A line of more words than this is prose, where a date is an event, not a date line.
PRINTED_MAX_WORDS = 30
#: Dates read from at most this many lines a page (a calendar or archive page prints hundreds).
PRINTED_MAX_LINES = 40
#: A printed date counts as near the body this many page blocks above its first block...
NEAR_BEFORE = 8
#: ...or among its first blocks.
NEAR_INSIDE = 3


@dataclass(frozen=True, slots=True)
class DayCandidate:
    """One calendar day the page names, with its row of :data:`DATE_FEATURES`.

    Attributes:
        day: The calendar day.
        row: Its features, one value per column of :data:`DATE_FEATURES`.
        sources: The :data:`DATE_SOURCES` that name it (the row says so too; this is for
            people: ``articlekit explain`` and tests).
    """

    day: date
    row: tuple[float, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Printed:
    at: int  # the page-block index of the line
    day: date


def _row(
    day: date,
    sources: Sequence[str],
    printed: Sequence[_Printed],
    near: range,
    bounds: tuple[date, date],
) -> tuple[float, ...]:
    """The :data:`DATE_FEATURES` of ``day``; ``bounds``: the page's earliest and latest days."""
    named = set(sources)
    own = [p for p in printed if p.day == day]
    return (
        *(1.0 if source in named else 0.0 for source in DATE_SOURCES),
        1.0 if own else 0.0,
        1.0 if printed and printed[0].day == day else 0.0,
        1.0 if any(p.at in near for p in own) else 0.0,
        min(len(own), 3) / 3,
        1.0 if day == bounds[1] else 0.0,
        1.0 if day == bounds[0] else 0.0,
        len(named) / 4,
    )


def _plausible(day: date, reference_date: datetime | None) -> bool:
    if day.year < MIN_YEAR:
        return False
    if reference_date is None:
        return True
    # A day after the reference (its own zone's day) is a scheduled event, not a publication.
    return day <= (reference_date + timedelta(days=1)).date()


def _day_of(value: Any, reference_date: datetime | None) -> date | None:
    """The calendar day a metadata value names, in its own zone ("...T01:00+02:00": that day)."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_DAY.match(value)
    day: date | None = None
    if m:
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    else:
        found = find_date(value[:120], reference_date=reference_date)
        day = found.value.date() if found is not None else None
    return day if day is not None and _plausible(day, reference_date) else None


def _json_ld_dates(tree: etree._Element) -> dict[str, str]:
    """The first ``datePublished``, ``dateModified`` and ``dateCreated`` of the page's JSON-LD."""
    found: dict[str, str] = {}
    for obj in json_ld_objects(tree):
        for key in ("datePublished", "dateModified", "dateCreated"):
            value = obj.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str) and key not in found:
                found[key] = value
    return found


def _markup_dates(tree: etree._Element) -> dict[str, str]:
    """``itemprop="datePublished"``, the first ``<time datetime>`` and a publication ``<time>``."""
    found: dict[str, str] = {}
    for element in tree.iterfind(".//*[@itemprop='datePublished']"):
        value = element.get("content") or element.get("datetime") or element.text
        if value and value.strip():
            found["itemprop_published"] = value
            break
    for element in tree.iterfind(".//time[@datetime]"):
        value = element.get("datetime") or ""
        found.setdefault("time_first", value)
        if element.get("pubdate") is not None or "publish" in (element.get("class") or "").lower():
            found["time_published"] = value
            break
    return found


def url_day(url: str | None) -> date | None:
    """The day a URL's path names ("/2025/11/16/", "/2025-11-16-", "_20251116."), or None.

    Example:
        >>> url_day("https://example.com/news/2025/11/16/story.html")
        datetime.date(2025, 11, 16)
        >>> url_day("https://example.com/2025/story") is None
        True
    """
    if not url:
        return None
    m = _URL_DAY.search(url) or _URL_DAY_JOINED.search(url)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _printed(page: Sequence[DraftBlock], language: str | None) -> list[_Printed]:
    """The full dates (a year, a month, a day) the page prints in short lines, in page order.

    Two a line at most; no relative ("3 hours ago") or year-less date: such a line tells the
    reader when, not the day a vote can check against the metadata's.
    """
    found: list[_Printed] = []
    lines = 0
    for block in page:
        text = block.text
        # The text's white space is normalised: its spaces count its words.
        if text.count(" ") >= PRINTED_MAX_WORDS or _YEAR.search(text) is None:
            continue
        rest = text
        seen = False
        for _ in range(2):
            match = find_date(rest, language=language)
            if match is None:
                break
            found.append(_Printed(block.index, match.value.date()))
            seen = True
            rest = rest[: match.start] + " " + rest[match.end :]
        lines += seen
        if lines >= PRINTED_MAX_LINES:
            break
    return found


def day_candidates(
    tree: etree._Element,
    page: Sequence[DraftBlock],
    *,
    htmldate_day: str | None,
    url: str | None,
    span: tuple[int, int] | None,
    language: str | None,
    reference_date: datetime | None,
) -> list[DayCandidate]:
    """Every day the page names, each with its row of :data:`DATE_FEATURES`.

    Args:
        tree: The parsed page.
        page: The page's blocks (every text-bearing element, in page order).
        htmldate_day: htmldate's day ("YYYY-MM-DD"), or None.
        url: The page's URL, when known.
        span: The page-block indices of the extracted body's first and last block, or None.
        language: ISO 639-1 code of the page's language (for month names and labels).
        reference_date: Now: no day after it counts.

    Returns:
        The candidates, in the order their day was first named.
    """
    named: dict[date, list[str]] = {}

    def name(source: str, value: Any) -> None:
        day = _day_of(value, reference_date)
        if day is not None and source not in named.setdefault(day, []):
            named[day].append(source)

    name("htmldate", htmldate_day)
    json_ld = _json_ld_dates(tree)
    name("json_ld_published", json_ld.get("datePublished"))
    name("json_ld_modified", json_ld.get("dateModified"))
    name("json_ld_created", json_ld.get("dateCreated"))
    meta = meta_tags(tree)
    name("meta_published", next((meta[k][0] for k in _META_PUBLISHED if k in meta), None))
    name("meta_modified", next((meta[k][0] for k in _META_MODIFIED if k in meta), None))
    for source, value in _markup_dates(tree).items():
        name(source, value)
    in_url = url_day(url)
    if in_url is not None and _plausible(in_url, reference_date):
        name("url", in_url.isoformat())

    printed = [p for p in _printed(page, language) if _plausible(p.day, reference_date)]
    # The first few printed days are candidates of their own: a page whose metadata names
    # none of the days it shows its readers.
    for item in printed[:3]:
        named.setdefault(item.day, [])
    if not named:
        return []
    near = range(span[0] - NEAR_BEFORE, span[0] + NEAR_INSIDE + 1) if span is not None else range(0)
    bounds = (min(named), max(named))
    return [
        DayCandidate(day, _row(day, sources, printed, near, bounds), tuple(sources))
        for day, sources in named.items()
    ]


def choose_day(candidates: Sequence[DayCandidate], model: BlockScorer | None = None) -> date | None:
    """The best-scoring candidate's day (the first named of equal scores), or None.

    Args:
        candidates: From :func:`day_candidates`.
        model: The vote's weights; the shipped :func:`date_model` when None.

    Example:
        >>> scorer = BlockScorer(DATE_FEATURES, (1.0,) + (0.0,) * (len(DATE_FEATURES) - 1),
        ...                      0.0, 0.5)
        >>> row = (0.0,) * len(DATE_FEATURES)
        >>> choose_day([DayCandidate(date(2025, 1, 2), row),
        ...             DayCandidate(date(2025, 1, 3), (1.0,) + row[1:])], scorer)
        datetime.date(2025, 1, 3)
    """
    if not candidates:
        return None
    scores = (model or date_model()).scores([c.row for c in candidates])
    best = max(range(len(candidates)), key=lambda k: (scores[k], -k))
    return candidates[best].day


#: The model :func:`choose_day` uses in place of the shipped one; None: the shipped one.
#: Benchmarks set it to weights fitted without the dataset they score (leave-one-dataset-out).
_DATE_MODEL: BlockScorer | None = None


def date_model() -> BlockScorer:
    """The vote's weights (read once from the package).

    Raises:
        BlockModelError: If the shipped ``models/published_date.json`` is not a model of
            :data:`DATE_FEATURES`.

    Example:
        >>> date_model().features == DATE_FEATURES
        True
    """
    return _DATE_MODEL if _DATE_MODEL is not None else _shipped_date_model()


def _shipped_date_model() -> BlockScorer:
    return packaged_scorer("models/published_date.json", "date model", DATE_FEATURES)


#: The model :func:`markup_date_model` gives in place of the shipped one; None: the shipped
#: one (weights fitted without a dataset, to score ``read_metadata`` on it held out).
_MARKUP_DATE_MODEL: BlockScorer | None = None


def markup_date_model() -> BlockScorer:
    """The vote's weights for a reader that has neither htmldate's day nor the body.

    :func:`articlekit.read_metadata` weighs the days the markup and the page's lines name,
    without htmldate's search (the strongest column of :func:`date_model`) and without the
    body's place (``printed_near_body``). Weights fitted where those columns are always
    there rate the rest wrongly; these are fitted on the candidates ``read_metadata`` itself
    weighs (``python -m benchmarks.markup_date_model``), the same columns, read the same way.

    Raises:
        BlockModelError: If the shipped ``models/published_date_markup.json`` is not a model of
            :data:`DATE_FEATURES`.

    Example:
        The columns ``read_metadata`` never fills have no weight:

        >>> weights = dict(zip(DATE_FEATURES, markup_date_model().weights, strict=True))
        >>> weights["from_htmldate"], weights["printed_near_body"]
        (0.0, 0.0)
    """
    if _MARKUP_DATE_MODEL is not None:
        return _MARKUP_DATE_MODEL
    return packaged_scorer("models/published_date_markup.json", "date model", DATE_FEATURES)
