"""The output model: :class:`Article`, its :class:`Block` s and the :class:`Removal` record.

All three are frozen, slotted dataclasses holding tuples, so an Article can be hashed, shared
between threads and compared for equality (the same input always gives an equal Article).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from articlekit._fastinit import slot_init
from articlekit.errors import InputError

__all__ = [
    "AUTHOR_ROLES",
    "BLOCK_KINDS",
    "CONTRIBUTOR_KINDS",
    "ROLES",
    "Article",
    "Block",
    "Contributor",
    "Removal",
]

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

    Example:
        >>> Block("heading", "Hundreds of drones launched at Ukraine", 11).kind
        'heading'
    """

    kind: str
    text: str
    index: int = 0
    offset: int = 0

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            msg = f"unknown block kind {self.kind!r}: use one of {sorted(BLOCK_KINDS)}"
            raise InputError(msg)


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
            model weighed and left out (see docs/reason-codes.md). None when a rule decided
            (a phrase list, a layout test), as for every other reason code.

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
        url: The page's URL when the caller gave it or the page states it.
        language: ISO 639-1 code of the body's language ("en"), or None if undecidable.
        published: Publication time; timezone-aware where the page gives the zone.
        updated: Last-update time, same rules as ``published``.
        removed: Everything that left the body, in input order.

    Example:
        >>> a = Article(blocks=(Block("paragraph", "One."), Block("paragraph", "Two.", 1)))
        >>> a.text
        'One.\n\nTwo.'
        >>> Article.from_dict(a.to_dict()) == a
        True
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

    @property
    def text(self) -> str:
        """The cleaned body: the kept blocks' text joined by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)

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
            "language": self.language,
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "text": self.text,
            "blocks": [_row(b) for b in self.blocks],
            "removed": [_row(r) for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an Article from the output of :meth:`to_dict`.

        Args:
            data: A mapping as :meth:`to_dict` returns it (``text`` is ignored: it is derived
                from ``blocks``).

        Returns:
            The equal Article.

        Raises:
            InputError: When a key is unknown or a value has the wrong shape.
        """
        known = {f.name for f in dataclasses.fields(cls)} | {"text"}
        unknown = sorted(set(data) - known)
        if unknown:
            msg = f"Article.from_dict: unknown keys {unknown}; expected a subset of {sorted(known)}"
            raise InputError(msg)
        try:
            blocks = tuple(Block(**b) for b in data.get("blocks", ()))
            removed = tuple(Removal(**r) for r in data.get("removed", ()))
            contributors = tuple(Contributor(**c) for c in data.get("contributors", ()))
        except TypeError as exc:
            msg = f"Article.from_dict: malformed block, removal or contributor: {exc}"
            raise InputError(msg) from exc
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
            published=_parse_datetime(data.get("published"), "published"),
            updated=_parse_datetime(data.get("updated"), "updated"),
            removed=removed,
        )


#: Each record class's field names, in declaration order (asdict's order).
_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _row(item: Block | Removal | Contributor) -> dict[str, Any]:
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
