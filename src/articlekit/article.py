"""The output model: :class:`Article`, its :class:`Block` s and the :class:`Removal` record.

All three are frozen, slotted dataclasses holding tuples, so an Article can be hashed, shared
between threads and compared for equality (the same input always gives an equal Article).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from articlekit import render
from articlekit._fastinit import slot_init
from articlekit.errors import InputError

__all__ = [
    "AUTHOR_ROLES",
    "BLOCK_KINDS",
    "CONTRIBUTOR_KINDS",
    "DATE_ASSUMPTIONS",
    "PUBLISHED_TIME_UNKNOWN",
    "PUBLISHED_ZONE_ASSUMED",
    "ROLES",
    "SPAN_KINDS",
    "UPDATED_TIME_UNKNOWN",
    "UPDATED_ZONE_ASSUMED",
    "Article",
    "Block",
    "Contributor",
    "Image",
    "Removal",
    "Span",
    "stated_dates",
]

#: The kinds of a :class:`Span`: a link (with its target), emphasis, strong emphasis, code, and
#: a table row's cell (a ``table_row`` block's text joins its cells with " | ", which a cell's
#: own text may hold too: the ``cell`` spans say where each cell is).
SPAN_KINDS = frozenset({"link", "emphasis", "strong", "code", "cell"})

#: What joins a table row's cells in its block's text (one definition, the renderers').
CELL_SEPARATOR = render.CELL_SEPARATOR


def joined_cells(cells: Iterable[str]) -> tuple[str, tuple[Span, ...]]:
    """A table row's text, its non-empty cells joined by " | ", and a ``cell`` span for each.

    The spans keep the cells apart where a cell's own text holds " | ", which the joined text
    alone cannot tell from the separator (the renderers read the spans).

    Example:
        >>> text, spans = joined_cells(["North | South", "", "3 euros"])
        >>> text, [text[s.start : s.end] for s in spans]
        ('North | South | 3 euros', ['North | South', '3 euros'])
    """
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    for cell in cells:
        if not cell:
            continue
        if parts:
            position += len(CELL_SEPARATOR)
        spans.append(Span(position, position + len(cell), "cell"))
        parts.append(cell)
        position += len(cell)
    return CELL_SEPARATOR.join(parts), tuple(spans)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a block's text with a meaning: a link and its target, emphasis, code, a cell.

    Attributes:
        start: Where it starts in :attr:`Block.text` (0-based, in characters).
        end: Where it ends (exclusive); ``start < end <= len(text)``.
        kind: One of :data:`SPAN_KINDS`.
        href: The link's target as the page gave it (made absolute against the page's URL
            when the reader knew it), for ``kind="link"``; else None.

    Example:
        >>> Span(4, 9, "link", "https://example.org/talks")
        Span(start=4, end=9, kind='link', href='https://example.org/talks')
    """

    start: int
    end: int
    kind: str
    href: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in SPAN_KINDS:
            msg = f"unknown span kind {self.kind!r}: use one of {sorted(SPAN_KINDS)}"
            raise InputError(msg)
        if not 0 <= self.start < self.end:
            msg = f"a span needs 0 <= start < end, got [{self.start}:{self.end}]"
            raise InputError(msg)


#: The kinds a :class:`Block` may have.
BLOCK_KINDS = frozenset(
    {"paragraph", "heading", "list_item", "quote", "table_row", "code", "caption", "other"}
)


@dataclass(frozen=True, slots=True)
class Block:
    """One kept block of the article body.

    Attributes:
        kind: What the block is: one of :data:`BLOCK_KINDS` ("paragraph", "heading"...).
        text: The block's text, whitespace-normalised (runs of white space are one space).
        index: Position of the block in the input's block sequence (0-based), the same index
            that :attr:`Removal.block_index` uses, so kept and removed pieces can be interleaved.
        offset: Where ``text`` starts inside the input block's text (above 0 when a prefix
            such as a kicker label was trimmed off).
        level: A heading's level (2 for ``<h2>``...; 0: not known), or a list item's depth
            (0 for a top-level item, 1 inside a nested list...). 0 for other kinds.
        ordered: Whether a list item belongs to a numbered list.
        spans: The links, emphasis and code inside ``text``, and a table row's cells, in order
            of their start (HTML input; empty for plain text). ``text`` itself holds no
            markup.

    Example:
        >>> Block("heading", "Hundreds of drones launched at Ukraine", 11).kind
        'heading'
        >>> Block("paragraph", "Read the report.", spans=(Span(9, 15, "link", "/r"),)).spans[0].href
        '/r'
    """

    kind: str
    text: str
    index: int = 0
    offset: int = 0
    level: int = 0
    ordered: bool = False
    spans: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            msg = f"unknown block kind {self.kind!r}: use one of {sorted(BLOCK_KINDS)}"
            raise InputError(msg)
        if self.level < 0:
            msg = f"a block's level is 0 or more, got {self.level}"
            raise InputError(msg)
        for span in self.spans:
            if span.end > len(self.text):
                msg = (
                    f"span [{span.start}:{span.end}] ends past the block's text ({len(self.text)})"
                )
                raise InputError(msg)


#: The reasons of the records the input boundary leaves: a lone surrogate replaced
#: (``invalid_character``), mojibake decoded back (``mojibake``). Notes of a repair, not pieces
#: of the input's text.
INPUT_REPAIR_REASONS = frozenset({"invalid_character", "mojibake"})


@slot_init  # made once per block: see articlekit._fastinit
@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the input that left the body, with who removed it and why.

    Attributes:
        cleaner: Name of the cleaner that removed it (``"remove_ad_labels"``).
        reason: Stable reason code (``"ad_label"``); see docs/reason-codes.md.
        text: The removed text, whitespace-normalised.
        block_index: Index of the input block it came from.
        offset: Where the removed text starts inside that block's text: 0 for a whole block or
            a trimmed prefix, larger for a trimmed suffix.
        score: For a removal a fitted model decided, its probability (0 to 1) that the piece
            was the article's: ``outside_core`` removals of a run of prose the article-region
            model weighed and left out, ``unlikely_block`` removals of the page-block model
            (see docs/reason-codes.md). None when a rule decided (a phrase list, a layout
            test), as for every other reason code.

    Example:
        >>> Removal("trim_kickers", "kicker", "URGENT UPDATE:", 2).reason
        'kicker'
        >>> Removal("keep_article_core", "outside_core", "Sign up today.", 9, score=0.04).score
        0.04
    """

    cleaner: str
    reason: str
    text: str
    block_index: int
    offset: int = 0
    score: float | None = None


#: What a contributor did for the article (:attr:`Contributor.role`).
ROLES = frozenset(
    {
        "author",
        "reporting",
        "writing",
        "additional_reporting",
        "editing",
        "photos",
        "video",
        "graphics",
        "translation",
    }
)
#: The roles whose contributors are the article's :attr:`Article.authors`.
AUTHOR_ROLES = frozenset({"author", "reporting", "writing"})
#: What a contributor is (:attr:`Contributor.kind`).
CONTRIBUTOR_KINDS = frozenset({"person", "organisation"})


@dataclass(frozen=True, slots=True)
class Contributor:
    """One person or organisation a byline credits, with what they did.

    Attributes:
        name: The name in natural case ("Jane Doe", "Mary McDonald"); agencies and outlets
            in their canonical spelling ("AFP", "Reuters", "Al Jazeera").
        role: One of :data:`ROLES`: ``"author"`` for a plain byline, ``"reporting"``,
            ``"editing"``, ``"photos"``... as the credit line labels it.
        organisation: The outlet or agency a person wrote for, when the byline ties them
            ("Jane Doe | Reuters"), else None.
        kind: ``"person"`` or ``"organisation"`` (agencies, outlets, collective bylines such
            as "Podium Staff").

    Example:
        >>> Contributor("Jane Doe", organisation="Reuters")
        Contributor(name='Jane Doe', role='author', organisation='Reuters', kind='person')
    """

    name: str
    role: str = "author"
    organisation: str | None = None
    kind: str = "person"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            msg = f"unknown contributor role {self.role!r}: use one of {sorted(ROLES)}"
            raise InputError(msg)
        if self.kind not in CONTRIBUTOR_KINDS:
            msg = f"unknown contributor kind {self.kind!r}: use one of {sorted(CONTRIBUTOR_KINDS)}"
            raise InputError(msg)


@dataclass(frozen=True, slots=True)
class Image:
    """One image of the article body, as the page shows it.

    Attributes:
        src: The image's URL, absolute when the page's URL is known (the caller's ``url``,
            else the page's canonical link); as the page wrote it otherwise.
        alt: The image's ``alt`` text, white space normalised, or None when it has none.
        caption: The ``<figcaption>`` of the ``<figure>`` around the image, else its
            ``alt`` text, or None.
        before: The :attr:`Block.index` of the first block of the body that comes after
            the image in the page (where :meth:`Article.to_markdown` and
            :meth:`Article.to_html` put it with ``images=True``); None when no block of the
            body follows it, or where it stood is not known.

    Example:
        >>> Image("https://news.test/swap.jpg", caption="Freed prisoners arrive.").alt is None
        True
    """

    src: str
    alt: str | None = None
    caption: str | None = None
    before: int | None = None


#: :attr:`Article.date_assumptions` code: the page gave ``published`` without a zone or
#: offset; UTC is attached to the time as printed (not converted to it: the day stays).
PUBLISHED_ZONE_ASSUMED = "published_zone_assumed"
#: :attr:`Article.date_assumptions` code: the page gave the day of ``published`` and no time
#: of day; the time is 00:00.
PUBLISHED_TIME_UNKNOWN = "published_time_unknown"
#: As :data:`PUBLISHED_ZONE_ASSUMED`, for ``updated``.
UPDATED_ZONE_ASSUMED = "updated_zone_assumed"
#: As :data:`PUBLISHED_TIME_UNKNOWN`, for ``updated``.
UPDATED_TIME_UNKNOWN = "updated_time_unknown"
#: Every :attr:`Article.date_assumptions` code, in the order an Article lists them.
DATE_ASSUMPTIONS = (
    PUBLISHED_ZONE_ASSUMED,
    PUBLISHED_TIME_UNKNOWN,
    UPDATED_ZONE_ASSUMED,
    UPDATED_TIME_UNKNOWN,
)


def _is_aware(value: datetime) -> bool:
    # Python's own definition: a tzinfo whose utcoffset() is None leaves a datetime naive.
    return value.utcoffset() is not None


def _assumed(
    value: datetime | None, zone_code: str, time_code: str, *, day_only: bool
) -> tuple[datetime | None, tuple[str, ...]]:
    """One date made aware (UTC attached when it has no zone), with the codes that say how."""
    if value is None:
        return None, ()
    codes: list[str] = []
    if not _is_aware(value):
        # Attached, not converted: the wall-clock time and calendar day stay as printed.
        value = value.replace(tzinfo=timezone.utc)
        codes.append(zone_code)
    if day_only:
        codes.append(time_code)
    return value, tuple(codes)


def stated_dates(
    published: datetime | None,
    updated: datetime | None,
    *,
    published_day_only: bool = False,
    updated_day_only: bool = False,
) -> tuple[datetime | None, datetime | None, tuple[str, ...]]:
    """Make the dates a source gave timezone-aware, and say what was assumed.

    The one place where an Article's dates get their zone (see
    :meth:`~articlekit.draft.Draft.to_article`). A date without a zone gets UTC attached to
    its wall-clock time, as printed: never converted, so its calendar day is the page's. A
    date with a zone keeps its own offset (the day its readers saw).

    Args:
        published: The publication time the source gave, naive when it gave no zone.
        updated: The update time, likewise.
        published_day_only: Whether the source gave only the day of ``published`` (its
            time, 00:00, was not stated).
        updated_day_only: Likewise for ``updated``.

    Returns:
        ``(published, updated, date_assumptions)``: the dates, aware (or None), and the
        codes of :data:`DATE_ASSUMPTIONS` that apply, in that order.

    Example:
        >>> from datetime import timedelta
        >>> p, u, codes = stated_dates(datetime(2025, 11, 16), None, published_day_only=True)
        >>> p.isoformat(), u, codes
        ('2025-11-16T00:00:00+00:00', None, ('published_zone_assumed', 'published_time_unknown'))
        >>> cet = timezone(timedelta(hours=1))
        >>> stated_dates(None, datetime(2025, 11, 16, 0, 30, tzinfo=cet))[1].isoformat()
        '2025-11-16T00:30:00+01:00'
    """
    published, first = _assumed(
        published, PUBLISHED_ZONE_ASSUMED, PUBLISHED_TIME_UNKNOWN, day_only=published_day_only
    )
    updated, second = _assumed(
        updated, UPDATED_ZONE_ASSUMED, UPDATED_TIME_UNKNOWN, day_only=updated_day_only
    )
    return published, updated, first + second


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_datetime(value: Any, name: str) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    msg = f"Article.from_dict: {name!r} must be an ISO 8601 string or null, got {value!r}"
    raise InputError(msg)


def _parse_assumptions(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)) and all(isinstance(code, str) for code in value):
        return tuple(value)
    msg = f"Article.from_dict: 'date_assumptions' must be a list of codes, got {value!r}"
    raise InputError(msg)


@dataclass(frozen=True, slots=True)
class Article:
    r"""A clean article: the kept body blocks plus typed metadata and the record of removals.

    Attributes:
        blocks: The kept blocks, in input order.
        title: The headline, or None when the input has no line that is clearly one.
        subtitle: The standfirst (a one-sentence summary under the title), or None.
        authors: One person or organisation a name, in natural case: the contributors whose
            role is in :data:`AUTHOR_ROLES`.
        contributors: Everyone the byline credits, with role and organisation (editors and
            photographers too), in byline order.
        section: The section label the page printed ("World"), or None.
        source: The original outlet the text is credited to ("Al Jazeera"), or None.
        url: The page's URL: the one the caller gave, else the page's canonical link (as the
            page wrote it) when it has one.
        language: ISO 639-1 code of the body's language ("en"), or None if undecidable.
        published: Publication time, or None; always timezone-aware, so Articles' dates sort
            and compare. It keeps the offset the page gave (not converted to UTC: the
            calendar day is the one the page's readers saw). Where the page gave no zone,
            UTC is attached to the time as printed and ``date_assumptions`` says so; where
            it gave only a day, the time is 00:00 and ``date_assumptions`` says that too.
        updated: Last-update time, same rules as ``published``.
        removed: Everything that left the body, in input order.
        date_assumptions: What ``published`` and ``updated`` hold that the page did not say,
            as codes of :data:`DATE_ASSUMPTIONS`, in that order: ``published_zone_assumed``
            (no zone given: UTC attached), ``published_time_unknown`` (only the day given:
            the time is 00:00), ``updated_zone_assumed``, ``updated_time_unknown``. Empty
            when the dates are as the page gave them, or absent.
        canonical_url: The page's own canonical link (``<link rel="canonical">``, else
            ``og:url``), made absolute against the caller's ``url`` (or the page's
            ``<base href>``); None when the page has none. Unlike ``url`` it never holds the
            caller's URL: the two differ when the page was fetched under another address.
        image: The lead image's URL (absolute as :attr:`Image.src` is): the page's
            ``og:image``, else ``twitter:image``, else the article's JSON-LD ``image``,
            else the first of ``images``; None when there is none (always for plain text).
        images: The images of the article body, in page order: no tracking pixels, icons,
            logos or avatars, each URL once (see :class:`Image`). Empty for plain text.
        tags: The page's keywords and tags (``article:tag``, JSON-LD ``keywords``,
            ``<meta name="keywords">``, ``news_keywords``), in that order, each once (case
            aside), white space normalised. Empty for plain text.

    Raises:
        InputError: When ``published`` or ``updated`` is naive (see :func:`stated_dates`),
            or ``date_assumptions`` holds a code not in :data:`DATE_ASSUMPTIONS`.

    Example:
        >>> a = Article(blocks=(Block("paragraph", "One."), Block("paragraph", "Two.", 1)))
        >>> a.text
        'One.\n\nTwo.'
        >>> Article.from_dict(a.to_dict()) == a
        True
        >>> from articlekit import clean_text
        >>> a = clean_text("Published: 16.11.2025\nThe talks resumed in Istanbul on Sunday.")
        >>> a.published.isoformat(), a.date_assumptions
        ('2025-11-16T00:00:00+00:00', ('published_zone_assumed', 'published_time_unknown'))
    """

    blocks: tuple[Block, ...] = ()
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    section: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    removed: tuple[Removal, ...] = field(default=())
    # Last, so that the fields before keep their positions in ``Article(...)`` calls.
    date_assumptions: tuple[str, ...] = ()
    canonical_url: str | None = None
    image: str | None = None
    images: tuple[Image, ...] = ()
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name, value in (("published", self.published), ("updated", self.updated)):
            if value is not None and not _is_aware(value):
                msg = (
                    f"Article.{name} must be timezone-aware, got {value!r}: attach the zone "
                    "(articlekit.article.stated_dates attaches UTC and gives the codes)"
                )
                raise InputError(msg)
        unknown = [code for code in self.date_assumptions if code not in DATE_ASSUMPTIONS]
        if unknown:
            msg = f"unknown date assumptions {unknown}: use codes of {list(DATE_ASSUMPTIONS)}"
            raise InputError(msg)

    @property
    def text(self) -> str:
        """The cleaned body: the kept blocks' text joined by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)

    def to_markdown(
        self, *, links: bool = True, metadata: bool = False, images: bool = False
    ) -> str:
        r"""The body as Markdown: headings, nested lists, quotes, code, tables, links, emphasis.

        Args:
            links: Whether links are rendered as ``[text](target)`` (else their text alone).
            metadata: Whether the title (``# Title``), the subtitle and a line with the
                authors and the publication day come first.
            images: Whether the body's :attr:`images` are rendered, ``![alt](src)``, where
                they stood among the blocks (see :attr:`Image.before`; the others last).

        Returns:
            Markdown whose words, its formatting stripped, are those of :attr:`text` (with
            ``metadata``, those of the title, subtitle and credit line first). See
            :mod:`articlekit.render`.

        Example:
            >>> a = Article(title="Talks", blocks=(Block("heading", "Next", 0, level=2),
            ...     Block("paragraph", "Talks *resume* soon.", 1)))
            >>> print(a.to_markdown(metadata=True))
            # Talks
            <BLANKLINE>
            ## Next
            <BLANKLINE>
            Talks \*resume\* soon.
        """
        return render.to_markdown(self, links=links, metadata=metadata, images=images)

    def to_html(self, *, metadata: bool = False, images: bool = False) -> str:
        """The body as a clean, safe HTML fragment (no scripts, no attribute but ``href``).

        Args:
            metadata: Whether the title (``<h1>``), the subtitle and a line with the authors
                and the publication day come first.
            images: Whether the body's :attr:`images` are rendered, ``<img src alt>`` (the
                only other attributes), where they stood among the blocks.

        Returns:
            HTML of ``p``, ``h1``-``h6``, ``ul``/``ol``/``li``, ``blockquote``, ``pre``,
            ``code``, ``table``, ``a``, ``em``, ``strong``, every text escaped; a link to a
            ``javascript:`` or ``data:`` target is its text alone. See :mod:`articlekit.render`.

        Example:
            >>> Article(blocks=(Block("paragraph", "Fish & <chips>"),)).to_html()
            '<p>Fish &amp; &lt;chips&gt;</p>'
        """
        return render.to_html(self, metadata=metadata, images=images)

    def to_json(self, *, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 text, not ASCII escapes).

        Args:
            indent: Indentation of the JSON, or None for one line.

        Example:
            >>> Article(title="Café").to_json()[:17]
            '{"title": "Café",'
        """
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (datetimes as ISO 8601 strings, tuples as lists).

        Returns:
            A dict with ``text`` plus every field; :meth:`from_dict` turns it back.
        """
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "contributors": [_row(c) for c in self.contributors],
            "section": self.section,
            "source": self.source,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "language": self.language,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "date_assumptions": list(self.date_assumptions),
            "image": self.image,
            "images": [_row(i) for i in self.images],
            "tags": list(self.tags),
            "text": self.text,
            "blocks": [_block_row(b) for b in self.blocks],
            "removed": [_row(r) for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an Article from the output of :meth:`to_dict`.

        Args:
            data: A mapping as :meth:`to_dict` returns it (``text`` is ignored: it is derived
                from ``blocks``). A dict of an older articlekit, without
                ``date_assumptions`` and with dates without an offset, is read as
                :meth:`~articlekit.draft.Draft.to_article` reads a page's dates: UTC is
                attached where no zone is given, and ``date_assumptions`` says so (whether
                only a day was known such a dict does not say). A missing key takes the
                field's default (an older dict has no ``canonical_url``, ``image``,
                ``images`` or ``tags``).

        Returns:
            The equal Article.

        Raises:
            InputError: When a key is unknown or a value has the wrong shape (a date
                assumption that is not a code of :data:`DATE_ASSUMPTIONS`, a date without an
                offset in a dict that has ``date_assumptions``).

        Example:
            >>> old = Article.from_dict({"published": "2025-11-16T10:30:00"})
            >>> old.published.isoformat(), old.date_assumptions
            ('2025-11-16T10:30:00+00:00', ('published_zone_assumed',))
        """
        known = {f.name for f in dataclasses.fields(cls)} | {"text"}
        unknown = sorted(set(data) - known)
        if unknown:
            msg = f"Article.from_dict: unknown keys {unknown}; expected a subset of {sorted(known)}"
            raise InputError(msg)
        try:
            blocks = tuple(_block_from(b) for b in data.get("blocks", ()))
            removed = tuple(Removal(**r) for r in data.get("removed", ()))
            contributors = tuple(Contributor(**c) for c in data.get("contributors", ()))
            images = tuple(Image(**i) for i in data.get("images", ()))
        except TypeError as exc:
            msg = f"Article.from_dict: malformed block, removal, contributor or image: {exc}"
            raise InputError(msg) from exc
        published = _parse_datetime(data.get("published"), "published")
        updated = _parse_datetime(data.get("updated"), "updated")
        if "date_assumptions" in data:
            assumptions = _parse_assumptions(data["date_assumptions"])
        else:
            # An older articlekit's dict: its naive dates are dates the page gave no zone for.
            published, updated, assumptions = stated_dates(published, updated)
        return cls(
            blocks=blocks,
            title=data.get("title"),
            subtitle=data.get("subtitle"),
            authors=tuple(data.get("authors", ())),
            contributors=contributors,
            section=data.get("section"),
            source=data.get("source"),
            url=data.get("url"),
            language=data.get("language"),
            published=published,
            updated=updated,
            removed=removed,
            date_assumptions=assumptions,
            canonical_url=data.get("canonical_url"),
            image=data.get("image"),
            images=images,
            tags=tuple(data.get("tags", ())),
        )


#: Each record class's field names, in declaration order (asdict's order).
_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _block_row(block: Block) -> dict[str, Any]:
    """A block's dict: its fields, the spans as dicts of theirs."""
    row = _row(block)
    if block.spans:
        row["spans"] = [_row(span) for span in block.spans]
    else:
        row["spans"] = []
    return row


def _block_from(row: Mapping[str, Any]) -> Block:
    """The Block of a :func:`_block_row` dict (a dict of an older articlekit has no spans)."""
    spans = row.get("spans")
    if not spans:
        return Block(**row) if "spans" not in row else Block(**{**row, "spans": ()})
    return Block(**{**row, "spans": tuple(Span(**span) for span in spans)})


def _row(item: Block | Removal | Contributor | Image | Span) -> dict[str, Any]:
    """``dataclasses.asdict(item)`` for a record whose fields hold str, int, float or None.

    ``asdict`` deep-copies every value, which for these immutable values gives the value
    itself at ten times the cost of the dict (measured: 6.7 against 0.6 us a Removal); with
    some 37 blocks and removals a page, ``to_dict`` was the largest own cost in a profile of
    a batch's parent process, which writes every result.
    """
    names = _FIELD_NAMES.get(type(item))
    if names is None:
        names = _FIELD_NAMES[type(item)] = tuple(f.name for f in dataclasses.fields(item))
    return {name: getattr(item, name) for name in names}
