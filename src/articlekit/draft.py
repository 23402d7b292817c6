"""The working state a pipeline passes from cleaner to cleaner.

A :class:`Draft` is immutable: a cleaner returns a new Draft (``dataclasses.replace`` or the
helpers below) and never changes the one it was given. The helpers keep the bookkeeping in one
place: whatever leaves the body through :meth:`Draft.remove` or :meth:`Draft.trim` is recorded
as a :class:`~articlekit.article.Removal`, so kept blocks plus removals always account for the
whole input.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from articlekit._fastinit import slot_init
from articlekit._gcpause import gc_paused
from articlekit.article import (
    BLOCK_KINDS,
    Article,
    Block,
    Contributor,
    Image,
    Removal,
    Span,
    stated_dates,
)

__all__ = ["Draft", "DraftBlock", "Hints"]


@slot_init  # made once per block: see articlekit._fastinit
@dataclass(frozen=True, slots=True)
class DraftBlock:
    """A block on its way through the pipeline.

    Attributes:
        index: Position in the input's block sequence; stays fixed while blocks are removed.
        text: Current text (whitespace-normalised); a trim shortens it.
        kind: Block kind as the reader saw it ("paragraph", "heading", "list_item"...).
        offset: Where ``text`` starts inside the block's original text (grows with prefix trims).
        link_density: Share of the text inside links, when the reader knew it (HTML); else None.
        tag: Name of the source element (HTML), else None.
        classes: Furniture words ("comment", "share", "sidebar"...) in the class or id of the
            source element or an ancestor (HTML page blocks), lower case; else empty.
        level: A heading's level or a list item's depth (see :attr:`Block.level`).
        ordered: Whether a list item belongs to a numbered list.
        spans: The links, emphasis and code of the block, placed in its *original* text (the
            text before any trim: a trim moves ``offset``, not the spans; :meth:`Draft.to_article`
            places them in the kept text).
    """

    index: int
    text: str
    kind: str = "paragraph"
    offset: int = 0
    link_density: float | None = None
    tag: str | None = None
    classes: tuple[str, ...] = ()
    level: int = 0
    ordered: bool = False
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Hints:
    """Raw metadata a reader found outside the body (meta tags, JSON-LD...), not yet trusted.

    Attributes:
        title: Candidate title (for example ``og:title``), raw.
        subtitle: Candidate standfirst (for example the meta description), raw.
        authors: Raw author strings, to go through the byline normaliser.
        published: Raw published-date strings or datetimes, best first.
        updated: Raw updated-date strings or datetimes, best first.
        site_name: The site's own name (``og:site_name``), raw.
        section: Candidate section (``article:section``), raw.
        language: Declared language (``<html lang>``), raw.
        url: Canonical URL the page declares.
        extra: Anything else a reader wants to pass on to custom cleaners.
        author_search: A slower search for author names, run only when asked (by
            :class:`~articlekit.cleaners.bylines.ExtractByline`, when neither the body's
            byline nor ``authors`` named a person). It returns names already read (trusted:
            a user name such as "marc" is one). The HTML reader sets it to its search of the
            page around the body and of the markup (see ``docs/bylines-and-dates.md``).
        image: The lead image the page's metadata names (``og:image``, ``twitter:image``,
            the article's JSON-LD ``image``), raw: as the page wrote it.
        tags: The page's keywords and tags (``article:tag``, JSON-LD ``keywords``, the
            keywords meta tags), each once, in that order.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: tuple[str | datetime, ...] = ()
    updated: tuple[str | datetime, ...] = ()
    site_name: str | None = None
    section: str | None = None
    language: str | None = None
    url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    author_search: Callable[[], tuple[str, ...]] | None = field(
        default=None, compare=False, repr=False
    )
    image: str | None = None
    tags: tuple[str, ...] = ()


#: Removals in input order: by block, then by place in the block. Two stable sorts on one int
#: each (attrgetter: no Python call per removal, and a page can have hundreds of thousands)
#: give the order of one sort on the pair at a third of its cost: ints compare on a fast path.
_BY_OFFSET = operator.attrgetter("offset")
_BY_BLOCK = operator.attrgetter("block_index")


@dataclass(frozen=True, slots=True)
class Draft:
    """Blocks still in the body, what left it, and the fields found so far.

    Attributes:
        blocks: Blocks still in the body, in input order.
        removed: Removals so far, in the order they were made.
        title: See :class:`~articlekit.article.Article`; the same for the fields below.
        subtitle: Standfirst.
        authors: Author names.
        contributors: Everyone the byline credits (see :class:`~articlekit.article.Contributor`).
        section: Section label.
        source: Credited outlet.
        url: Page URL.
        language: ISO 639-1 code.
        published: Publication time, as the source gave it: naive when it gave no zone
            (:meth:`to_article` attaches UTC and records that).
        updated: Update time, likewise.
        reference_date: Anchors year-less and relative dates; None means "unknown", in which
            case such dates are not resolved.
        hints: Raw metadata from the reader.
        published_day_only: Whether the source gave only the day of ``published``, no time
            of day (see :attr:`articlekit.dates.DateMatch.day_only`). A cleaner that sets
            ``published`` sets this too.
        updated_day_only: Likewise for ``updated``.
        canonical_url: The page's canonical link, absolute when it can be made so.
        image: The lead image's URL.
        images: The body's images (see :class:`~articlekit.article.Image`).
        tags: The page's keywords and tags.

    Example:
        >>> d = Draft.from_texts(["Advertisement", "A sentence."])
        >>> d = d.remove({0: "ad_label"}, cleaner="remove_ad_labels")
        >>> [b.text for b in d.blocks], [r.reason for r in d.removed]
        (['A sentence.'], ['ad_label'])
    """

    blocks: tuple[DraftBlock, ...] = ()
    removed: tuple[Removal, ...] = ()
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
    reference_date: datetime | None = None
    hints: Hints = field(default_factory=Hints)
    published_day_only: bool = False
    updated_day_only: bool = False
    # The fields a reader fills from the page's markup, which no cleaner changes.
    canonical_url: str | None = None
    image: str | None = None
    images: tuple[Image, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def plain_text(self) -> bool:
        """Whether the blocks are a whole text no extractor chose (not trafilatura's output).

        Example:
            >>> Draft.from_texts(["A sentence."]).plain_text
            True
        """
        return self.hints.extra.get("extractor") is None

    @classmethod
    def from_texts(cls, texts: Iterable[str], **fields: Any) -> Draft:
        """Build a Draft of paragraph blocks from texts (handy in tests and docs).

        Args:
            texts: One text per block.
            **fields: Other Draft fields (``url=...``, ``reference_date=...``).

        Returns:
            A new Draft.
        """
        blocks = tuple(DraftBlock(i, t) for i, t in enumerate(texts))
        return cls(blocks=blocks, **fields)

    def replace(self, **changes: Any) -> Draft:
        """Return a copy with some fields changed (``dataclasses.replace``)."""
        return dataclasses.replace(self, **changes)

    def remove(
        self,
        reasons: Mapping[int, str],
        *,
        cleaner: str,
        scores: Mapping[int, float] | None = None,
    ) -> Draft:
        """Drop blocks from the body and record why.

        Args:
            reasons: Position in :attr:`blocks` (not the input index) -> reason code.
            cleaner: Name of the cleaner doing it, for the record.
            scores: Position -> the fitted score that decided it, for the removals a model
                decided (:attr:`Removal.score`); positions not in it get None.

        Returns:
            A new Draft; the same object when ``reasons`` is empty.
        """
        blocks = self.blocks
        # Only the removed positions are visited: the kept runs between them are copied as
        # slices (a cleaner that removes three blocks of 60,000 does not loop over the rest).
        positions = sorted(pos for pos in reasons if 0 <= pos < len(blocks))
        if not positions:
            return self
        kept: list[DraftBlock] = []
        removed = list(self.removed)
        start = 0
        with gc_paused(len(positions)):
            for pos in positions:
                kept += blocks[start:pos]
                block = blocks[pos]
                score = scores.get(pos) if scores else None
                removed.append(
                    Removal(cleaner, reasons[pos], block.text, block.index, block.offset, score)
                )
                start = pos + 1
        kept += blocks[start:]
        return self._with_body(tuple(kept), tuple(removed))

    def _with_body(self, blocks: tuple[DraftBlock, ...], removed: tuple[Removal, ...]) -> Draft:
        """A copy with new ``blocks`` and ``removed``: ``dataclasses.replace`` in half the time.

        Every cleaner that removes something makes one (``replace`` looks each field up by
        name; here the other fields come from one attrgetter, in the order ``__init__`` takes).
        """
        return Draft(blocks, removed, *_OTHER_FIELDS(self))

    def trim(self, pos: int, *, start: int, end: int, reason: str, cleaner: str) -> Draft:
        """Cut a prefix (``start == 0``) or a suffix (``end == len(text)``) off one block.

        White space at the cut is dropped from the kept text. Trimming the whole text removes
        the block.

        Args:
            pos: Position of the block in :attr:`blocks`.
            start: Start of the cut in the block's current text.
            end: End of the cut.
            reason: Reason code for the record.
            cleaner: Name of the cleaner doing it.

        Returns:
            A new Draft.

        Raises:
            ValueError: If the cut is neither a prefix nor a suffix.
        """
        return self.trim_many({pos: (start, end, reason)}, cleaner=cleaner)

    def trim_many(self, cuts: Mapping[int, tuple[int, int, str]], *, cleaner: str) -> Draft:
        """Make several cuts as :meth:`trim` makes one, in one pass over the blocks.

        One :meth:`trim` after the other copies the blocks each time: many cuts in a long
        draft would take quadratic time.

        Args:
            cuts: Position in :attr:`blocks` -> ``(start, end, reason)``, each as in :meth:`trim`.
            cleaner: Name of the cleaner doing it.

        Returns:
            A new Draft (the same object when no cut removes anything). The removals are
            recorded from the last position to the first.

        Raises:
            ValueError: If a cut is neither a prefix nor a suffix.
        """
        blocks: list[DraftBlock | None] = list(self.blocks)
        removed: list[Removal] = []
        for pos in sorted(cuts, reverse=True):
            start, end, reason = cuts[pos]
            block = self.blocks[pos]
            text = block.text
            if start != 0 and end != len(text):
                msg = f"trim must cut a prefix or a suffix of the block, got [{start}:{end}]"
                raise ValueError(msg)
            cut = text[start:end].strip()
            if not cut:
                continue
            if start == 0:
                rest = text[end:]
                kept_text = rest.lstrip()
                new_offset = block.offset + len(text) - len(kept_text)
                cut_offset = block.offset + (len(text[:end]) - len(text[:end].lstrip()))
            else:
                kept_text = text[:start].rstrip()
                new_offset = block.offset
                cut_offset = block.offset + start + (len(text[start:]) - len(text[start:].lstrip()))
            if not kept_text:
                # The whole block goes, recorded as :meth:`remove` records it.
                removed.append(Removal(cleaner, reason, text, block.index, block.offset))
                blocks[pos] = None
                continue
            removed.append(Removal(cleaner, reason, cut, block.index, cut_offset))
            blocks[pos] = dataclasses.replace(block, text=kept_text, offset=new_offset)
        if not removed:
            return self
        return self._with_body(tuple(b for b in blocks if b is not None), (*self.removed, *removed))

    def to_article(self) -> Article:
        """Freeze the draft into an :class:`~articlekit.article.Article`.

        Returns:
            The Article; removals sorted into input order; dates made timezone-aware, with
            what that assumed in ``date_assumptions`` (see
            :func:`~articlekit.article.stated_dates`).

        Example:
            >>> from datetime import datetime
            >>> a = Draft(published=datetime(2025, 11, 16), published_day_only=True).to_article()
            >>> a.published.isoformat(), a.date_assumptions
            ('2025-11-16T00:00:00+00:00', ('published_zone_assumed', 'published_time_unknown'))
        """
        blocks = tuple(
            Block(
                b.kind if b.kind in BLOCK_KINDS else "other",
                b.text,
                b.index,
                b.offset,
                b.level,
                b.ordered,
                _kept_spans(b) if b.spans else (),
            )
            for b in self.blocks
        )
        in_order = sorted(self.removed, key=_BY_OFFSET)
        in_order.sort(key=_BY_BLOCK)
        removed = tuple(in_order)
        published, updated, assumptions = stated_dates(
            self.published,
            self.updated,
            published_day_only=self.published_day_only,
            updated_day_only=self.updated_day_only,
        )
        return Article(
            blocks=blocks,
            title=self.title,
            subtitle=self.subtitle,
            authors=self.authors,
            contributors=self.contributors,
            section=self.section,
            source=self.source,
            url=self.url,
            language=self.language,
            published=published,
            updated=updated,
            removed=removed,
            date_assumptions=assumptions,
            canonical_url=self.canonical_url,
            image=self.image,
            images=self.images,
            tags=self.tags,
        )


#: The fields of a Draft after ``blocks`` and ``removed`` (the first two; tested), in order.
_DRAFT_FIELDS = tuple(f.name for f in dataclasses.fields(Draft))
_OTHER_FIELDS = operator.attrgetter(*_DRAFT_FIELDS[2:])


def _kept_spans(block: DraftBlock) -> tuple[Span, ...]:
    """The block's spans placed in its kept text: shifted by its trim, cut to its ends."""
    kept: list[Span] = []
    length = len(block.text)
    for span in block.spans:
        start, end = max(0, span.start - block.offset), min(length, span.end - block.offset)
        # A trim strips white space at the cut: a span in the cut part is gone with it.
        if start < end:
            kept.append(Span(start, end, span.kind, span.href))
    return tuple(kept)
