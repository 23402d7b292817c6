"""Date furniture: stubs of date widgets, and date lines that give the publication time."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit._memo import PerText
from articlekit.bylines import reads_as_byline
from articlekit.cleaners._common import (
    ABOVE_CORE_BLOCKS,
    core_kept,
    lexicon_of,
    may_start_with,
    removed_lines,
)
from articlekit.cleaners.base import BaseCleaner, BlockRemover, Extractor
from articlekit.dates import DateMatch, find_date, parse_dateline
from articlekit.draft import Draft
from articlekit.features import first_prose, has_digit, has_letters, more_words_than

__all__ = [
    "ABOVE_CORE_BLOCKS",
    "ExtractCoreDates",
    "ExtractDates",
    "ReadDateline",
    "RemoveDateStubs",
]

_NON_WORD = regex.compile(r"[^\w\s']+", regex.V1)
# Prepositions and the like that date labels carry ("published on", "updated at").
_GLUE = frozenset({"on", "at", "am", "um", "le", "el", "il", "em", "de", "the", "op", "den"})


def _is_only_date_words(lex: lexicon.Lexicon, text: str) -> bool:
    tokens = _NON_WORD.sub(" ", lexicon.match_key(text)).split()
    if not tokens:
        return False
    words = lex.words("date_word")
    return all(t in words for t in tokens) and any(t not in _GLUE for t in tokens)


class RemoveDateStubs(BlockRemover):
    """Drops what is left of a date widget whose date was lost ("Published on", "•Updated").

    Reason codes: ``date_stub``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Published on", "•Updated", "Updated rules apply from May."])
        >>> [r.text for r in RemoveDateStubs()(d).removed]
        ['Published on', '•Updated']
    """

    name: ClassVar[str] = "remove_date_stubs"
    reasons: ClassVar[tuple[str, ...]] = ("date_stub",)
    local: ClassVar[bool] = True  # judges the block alone: see BlockRemover

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``date_stub`` for a block made of date labels only."""
        text = draft.blocks[pos].text
        if more_words_than(text, 6) or has_digit(text):
            return None
        return "date_stub" if _is_only_date_words(lexicon_of(draft), text) else None


class ExtractDates(Extractor):
    """Takes date lines ("Published: 16 Nov 2025 10:30 GMT", "Updated 3 hours ago") out of the body.

    A date line is short and holds nothing but date labels and one or two dates. It counts
    where a page prints its dates: above the first paragraph, among the last three blocks, or
    anywhere when it carries an explicit label ("Published", "Aktualisiert"). A date in a
    sentence of the story is an event and is never taken. The first date sets ``published``
    (unless the page's metadata gives one: HTML), a date after an "updated" label
    ("Last updated on ...") sets ``updated``; fields already set are kept. A date without a
    time of day sets ``published_day_only`` (``updated_day_only``) with it.

    Reason codes: ``timestamp``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Published: 16 November 2025, 10:30 GMT",
        ...                       "Officials met on 12 November 2025 to discuss the plan."])
        >>> d = ExtractDates()(d)
        >>> d.published.isoformat(), len(d.blocks)
        ('2025-11-16T10:30:00+00:00', 1)
    """

    name: ClassVar[str] = "extract_dates"
    reasons: ClassVar[tuple[str, ...]] = ("timestamp",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find date lines; return them and the dates they give."""
        lex = lexicon_of(draft)
        top = first_prose(draft.blocks) or 0
        tail = len(draft.blocks) - 3
        found: dict[int, str] = {}
        fields: dict[str, Any] = {}
        page_days = {str(v)[:10] for v in draft.hints.published}
        # A line's dates depend on its text and the draft's language and reference date
        # only: a line printed again (a date under every teaser) is read once.
        dates_in = PerText(functools.partial(self._dates_in, draft))
        # Between the top and the last three blocks only a line that starts as a date label
        # does may carry one.
        may_be_labelled = frozenset(may_start_with(draft, "date_word"))
        for pos, block in enumerate(draft.blocks):
            if top <= pos < tail and pos not in may_be_labelled:
                continue
            text = block.text
            if more_words_than(text, 16):
                continue
            labelled = lex.starts_with("date_word", text) is not None
            if not (pos < top or pos >= tail or labelled):
                continue
            dates = dates_in[text]
            if dates is None:
                continue
            published, updated = dates
            # A page's metadata (htmldate's original date, JSON-LD) knows the publication
            # day better than a date line of the page, which often is the last update or an
            # event's date: a line of another day goes without setting the field (a line of
            # the same day adds its time).
            if (
                published is not None
                and (not page_days or published.value.date().isoformat() in page_days)
                and draft.published is None
                and "published" not in fields
            ):
                fields["published"] = published.value
                fields["published_day_only"] = published.day_only
            if updated is not None and draft.updated is None and "updated" not in fields:
                fields["updated"] = updated.value
                fields["updated_day_only"] = updated.day_only
            found[pos] = "timestamp"
        return found, fields

    def _dates_in(
        self, draft: Draft, text: str
    ) -> tuple[DateMatch | None, DateMatch | None] | None:
        """Return (published, updated) when the whole line is date labels and dates."""
        lex = lexicon_of(draft)
        published, updated, rest = self._labelled(draft, text)
        if published is None and updated is None:
            return None
        # Everything left must be labels or decoration: otherwise the date is part of a
        # sentence ("Officials met on 12 November 2025...") and stays.
        leftover = _NON_WORD.sub(" ", lexicon.match_key(rest)).split()
        label_words = lex.words("date_word") | lex["weekdays"]
        if any(t not in label_words and has_letters(t) for t in leftover):
            return None
        return published, updated

    @staticmethod
    def _labelled(draft: Draft, text: str) -> tuple[DateMatch | None, DateMatch | None, str]:
        """The first published and updated dates of ``text``, and the text left without them.

        A date is an update when the label right before it is one ("Last updated on").
        """
        lex = lexicon_of(draft)
        rest = text
        published: DateMatch | None = None
        updated: DateMatch | None = None
        for _ in range(2):
            match = find_date(rest, language=draft.language, reference_date=draft.reference_date)
            if match is None:
                break
            # The label right before the date, less its glue: "Last updated on" -> "last updated".
            label = lexicon.match_key(rest[: match.start]).rstrip(" :|•-").split()
            while label and label[-1] in _GLUE:
                label.pop()
            before = " ".join(label)
            is_update = before.endswith(tuple(lex["updated_word"]))
            if is_update:
                updated = updated or match
            else:
                published = published or match
            rest = rest[: match.start] + " " + rest[match.end :]
        return published, updated, rest


#: In whole-page text the story's date line stands among the input lines just above the
#: article's core (:data:`~articlekit.cleaners._common.ABOVE_CORE_BLOCKS`), or among the
#: core's first this many lines.
CORE_TOP_BLOCKS = 10


class ExtractCoreDates(ExtractDates):
    """Whole-page text: the story's date line next to its core, when no date was found before.

    :class:`ExtractDates` takes a date line above the text's first prose block, among its
    last three blocks, or anywhere with a label ("Published: ..."); in whole-page text the
    story starts far below the page's menus and its date ("August 25, 2025", "Nov 08, 2025
    7 min read") often stands unlabelled just above the story. When the draft has no
    ``published`` yet and :class:`~articlekit.cleaners.core.KeepArticleCore` has cut the text
    to the core, the lines the core left out just above it (:data:`ABOVE_CORE_BLOCKS` input
    lines, the nearest first), then the core's first :data:`CORE_TOP_BLOCKS` lines, are read
    for the first date line (a line of dates and date labels only, as
    :class:`ExtractDates` reads one) or byline line holding a date ("By Ann Lee Published:
    Jan 29, 2025", "Posted on May 3, 2012 by Ann Lee") that gives a published date; an
    "updated" date met on the way sets ``updated`` when nothing did. A date line of the core
    leaves the body; a byline line stays where it is (it is the byline's to take). Nothing
    happens on other input.

    Measured held out (``clean_text(page_text)``, published day): see benchmarks/README.md,
    "A date next to the core of whole-page text".

    Reason codes: ``timestamp`` (a line of the core; a line above it keeps the removal the
    core gave it).

    Example:
        >>> from articlekit.cleaners._common import as_core
        >>> from articlekit.draft import Draft
        >>> story = ("The council approved the new cycle lanes on Monday after a long "
        ...          "debate about parking and safety.")
        >>> d = Draft.from_texts(["Home", "August 25, 2025", story, story]).remove(
        ...     {0: "outside_core", 1: "outside_core"}, cleaner="keep_article_core")
        >>> ExtractCoreDates()(as_core(d)).published.date().isoformat()
        '2025-08-25'
    """

    name: ClassVar[str] = "extract_core_dates"
    reasons: ClassVar[tuple[str, ...]] = ("timestamp",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find the story's date line above the core or among its first lines."""
        if draft.published is not None or not draft.blocks or not core_kept(draft):
            return {}, {}
        start = draft.blocks[0].index
        # The nearest line above the core first: the story's date stands right above it.
        above = reversed(removed_lines(draft, start - ABOVE_CORE_BLOCKS, start))
        candidates: list[tuple[int | None, str]] = [(None, r.text) for r in above]
        candidates += [(pos, b.text) for pos, b in enumerate(draft.blocks[:CORE_TOP_BLOCKS])]
        lex = lexicon_of(draft)
        found: dict[int, str] = {}
        fields: dict[str, Any] = {}
        for pos, text in candidates:
            if more_words_than(text, 16) or not has_digit(text):
                continue
            dates = self._dates_in(draft, text)
            line = dates is not None
            if dates is None:
                if not reads_as_byline(text, lex):
                    continue
                dates = self._labelled(draft, text)[:2]
            published, updated = dates
            if line and pos is not None:
                found[pos] = "timestamp"
            if updated is not None and draft.updated is None and "updated" not in fields:
                fields["updated"] = updated.value
                fields["updated_day_only"] = updated.day_only
            if published is not None:
                fields["published"] = published.value
                fields["published_day_only"] = published.day_only
                break
        return found, fields


class ReadDateline(BaseCleaner):
    """Reads the dateline a wire story opens with ("KYIV, Nov 16 (Reuters) - ...").

    The first prose paragraph is read with :func:`articlekit.dates.parse_dateline`; its agency
    becomes ``source`` and its date ``published`` when nothing before set them (page metadata
    and date lines are more precise: they carry the year and the time). The dateline stays in
    the text: it is part of the story as the agency filed it.

    Reason codes: none (it removes nothing).

    Example:
        >>> from datetime import datetime
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["KYIV, Nov 16 (Reuters) - Ukraine is working to restart "
        ...                       "the exchanges of prisoners of war, officials said."],
        ...                      reference_date=datetime(2025, 11, 20))
        >>> d = ReadDateline()(d)
        >>> d.source, d.published
        ('Reuters', datetime.datetime(2025, 11, 16, 0, 0))
    """

    name: ClassVar[str] = "read_dateline"
    reasons: ClassVar[tuple[str, ...]] = ()

    def __call__(self, draft: Draft) -> Draft:
        """Fill ``source`` and ``published`` from the opening dateline, if there is one."""
        if draft.source is not None and draft.published is not None:
            return draft
        first = first_prose(draft.blocks)
        if first is None:
            return draft
        dateline = parse_dateline(
            draft.blocks[first].text, language=draft.language, reference_date=draft.reference_date
        )
        if dateline is None:
            return draft
        changes: dict[str, Any] = {}
        if draft.source is None and dateline.agency is not None:
            changes["source"] = dateline.agency
        if draft.published is None and dateline.date is not None:
            changes["published"] = dateline.date
            changes["published_day_only"] = dateline.day_only
        return draft.replace(**changes) if changes else draft
