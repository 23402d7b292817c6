"""Helpers shared by the built-in cleaners."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable

import regex

from articlekit import lexicon
from articlekit._memo import kept_for, memo_table
from articlekit.article import INPUT_REPAIR_REASONS, Removal
from articlekit.bylines import parse_byline, reads_as_byline
from articlekit.draft import Draft, DraftBlock

# After a label phrase, what separates it from the rest of the line: "Also Read: ...",
# "READ MORE | ...", "Lesen Sie auch - ...", "Related » ...".
SEPARATOR = regex.compile(r"^\s*(?:[:|\p{Pd}»>›/]+|\.\.\.|…)\s*", regex.V1)
# One dash with no space on either side.
HYPHEN = regex.compile(r"\p{Pd}", regex.V1)


def may_start_with(draft: Draft, key: str) -> list[int]:
    """Positions of the blocks that may start with a phrase of list ``key`` (or be one).

    Every other block neither starts with such a phrase (:meth:`Lexicon.starts_with`,
    :func:`rest_after_label`) nor is one (:meth:`Lexicon.is_phrase`): its text starts with
    another run of word characters than every phrase does. A cleaner that drops only such
    blocks judges these and keeps the rest unseen: on a page of many distinct short lines the
    phrase tests of every cleaner cost more than the rest of the pipeline together.

    Example:
        >>> from articlekit.draft import Draft
        >>> may_start_with(Draft.from_texts(["Advertisement", "12", "The ad ran."]), "ad_label")
        [0]
    """
    return positions_by_leads(draft.blocks, lexicon_of(draft).lead_words(key))


def positions_by_leads(blocks: tuple[DraftBlock, ...], leads: Iterable[str]) -> list[int]:
    """The positions, ascending, of the blocks whose text starts with one of ``leads``.

    A lead is the run of word characters a text's match key starts with (``lexicon``'s lead
    word); the index of the blocks by lead is the document's, made once (see
    :func:`_positions_by_lead`).

    Example:
        >>> from articlekit.draft import Draft
        >>> positions_by_leads(Draft.from_texts(["Ad one", "Text", "ad two"]).blocks, {"ad"})
        [0, 2]
    """
    index = _positions_by_lead(blocks)
    runs = [index[lead] for lead in index.keys() & set(leads)]
    if len(runs) == 1:
        run = runs[0]
        return [run] if isinstance(run, int) else list(run)
    # Ascending runs, merged in C.
    return sorted(itertools.chain.from_iterable([r] if isinstance(r, int) else r for r in runs))


#: Key of the last lead index in the document's memo (see _positions_by_lead).
_LEAD_INDEX = object()


def _positions_by_lead(blocks: tuple[DraftBlock, ...]) -> dict[str, int | list[int]]:
    """Positions of the blocks by the run of word characters they start with.

    The cleaners that ask :func:`may_start_with` run one after the other on the same blocks
    until one removes something: the index is kept in the document's memo and made once
    for them all, and each asks it for its own list's lead words only. A lead word of one
    block keeps its position as a bare int: a page of distinct lines would otherwise hold a
    list per line (memory, and more for the garbage collector to walk).
    """
    return kept_for(_LEAD_INDEX, blocks, lambda: _lead_index(blocks))


def _lead_index(blocks: tuple[DraftBlock, ...]) -> dict[str, int | list[int]]:
    lead_of = memo_table(lexicon._lead_word)
    index: dict[str, int | list[int]] = {}
    for pos, block in enumerate(blocks):
        lead = lead_of[block.text]
        positions = index.get(lead)
        if positions is None:
            index[lead] = pos
        elif isinstance(positions, int):
            index[lead] = [positions, pos]
        else:
            positions.append(pos)
    return index


def may_contain(draft: Draft, key: str) -> list[int] | range:
    """Positions of the blocks that may contain a phrase of list ``key``.

    Every other block holds no word that a phrase of the list needs, so
    :meth:`Lexicon.contains` finds nothing in it (all blocks when a phrase has no word).

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["We use cookies.", "12", "The council met."])
        >>> may_contain(d, "cookie_notice")
        [0]
    """
    keys = lexicon_of(draft).key_words(key)
    if keys is None:
        return range(len(draft.blocks))
    words_of = memo_table(lexicon._key_word_set)
    isdisjoint = keys.isdisjoint
    return [pos for pos, block in enumerate(draft.blocks) if not isdisjoint(words_of[block.text])]


#: The hint :class:`~articlekit.cleaners.core.KeepArticleCore` leaves on a plain-text draft
#: once it has cut the text to the article's core: what is left is the core.
CORE_KEPT = "article_core_kept"


#: In whole-page text the story's byline, date line and headline stand at most this many
#: input lines above the article's core (cut off with the page's top): the window the
#: ``*_core_*`` steps read. Chosen among 3, 5, 8 and 12 by the held-out authors of the two
#: sets that have them (each set's figure rose with the window; benchmarks/README.md, "A
#: byline next to the core of whole-page text"); the date and title steps read the same lines.
ABOVE_CORE_BLOCKS = 12


def removed_lines(draft: Draft, first: int, end: int | None = None) -> list[Removal]:
    """The input lines ``first`` to ``end`` (exclusive; None: to the last) that left the body.

    What the ``*_core_*`` steps read around the article's core once
    :class:`~articlekit.cleaners.core.KeepArticleCore` has cut the text to it: the lines just
    above or below it are out of the body, but their text is in the removals. A trimmed
    piece of a line (a kicker) and the input boundary's notes (``mojibake``) are no lines.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Home", "By Ann Lee", "Story."]).remove(
        ...     {0: "outside_core", 1: "outside_core"}, cleaner="keep_article_core")
        >>> [r.text for r in removed_lines(d, 1, 2)]
        ['By Ann Lee']
    """
    return sorted(
        (
            r
            for r in draft.removed
            if r.offset == 0
            and first <= r.block_index
            and (end is None or r.block_index < end)
            and r.reason not in INPUT_REPAIR_REASONS
        ),
        key=lambda r: r.block_index,
    )


def input_lines(draft: Draft) -> list[str]:
    """The input's lines in order, those kept and those that left the body whole.

    The whole page of a whole-page text once :class:`~articlekit.cleaners.core.KeepArticleCore`
    has cut it to the core (a trimmed piece of a line and the repairs' notes are no lines).

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Home", "Story.", "Footer"]).remove(
        ...     {0: "outside_core", 2: "outside_core"}, cleaner="keep_article_core")
        >>> input_lines(d)
        ['Home', 'Story.', 'Footer']
    """
    texts = {r.block_index: r.text for r in removed_lines(draft, 0)}
    texts.update((b.index, b.text) for b in draft.blocks)
    return [texts[index] for index in sorted(texts)]


def as_core(draft: Draft) -> Draft:
    """``draft`` with the :data:`CORE_KEPT` hint: its blocks are the article's core.

    What :class:`~articlekit.cleaners.core.KeepArticleCore` leaves on the draft it cut; the
    steps that read around the core (``extract_core_byline``...) act only on such a draft.

    Example:
        >>> from articlekit.draft import Draft
        >>> core_kept(as_core(Draft.from_texts(["A sentence."])))
        True
    """
    return draft.replace(
        hints=dataclasses.replace(draft.hints, extra={**draft.hints.extra, CORE_KEPT: True})
    )


def core_kept(draft: Draft) -> bool:
    """Whether the draft's blocks are already the article's core (see :data:`CORE_KEPT`).

    Example:
        >>> from articlekit.draft import Draft
        >>> core_kept(Draft.from_texts(["A sentence."]))
        False
    """
    return bool(draft.hints.extra.get(CORE_KEPT))


def lexicon_of(draft: Draft) -> lexicon.Lexicon:
    """Return the phrase lists for the draft's language (all languages when unknown)."""
    return lexicon.for_language(draft.language)


def credits_someone(draft: Draft, text: str) -> bool:
    """Whether the line ``text`` of ``draft`` reads as a byline and names someone.

    "Story by Jane Doe" and "Jane Doe | Reporter" do; "Vom Boden aus gedacht" opens with a
    byline word and names nobody.

    Example:
        >>> d = Draft.from_texts(["x"], language="en")
        >>> credits_someone(d, "Story by Jane Doe"), credits_someone(d, "By the end, it ended.")
        (True, False)
    """
    return reads_as_byline(text, lexicon_of(draft)) and bool(
        parse_byline(text, language=draft.language)
    )


def rest_after_label(lex: lexicon.Lexicon, key: str, text: str) -> str | None:
    """If ``text`` starts with a phrase of list ``key`` and a separator, return what follows.

    Returns "" when the line is the phrase alone (with or without trailing punctuation), and
    None when the line does not start with such a label.
    """
    phrase = lex.starts_with(key, text)
    if phrase is None:
        return None
    key_text = lexicon.match_key(text)
    rest = key_text[len(phrase) :]
    if not rest.strip(" :.!|-–—»>›…"):
        return ""
    if phrase.endswith(".") and rest[:1].isspace():
        return rest.lstrip()  # an abbreviation's dot is its separator ("Fot. Jan Kowal")
    m = SEPARATOR.match(rest)
    if m is None or not m.group(0).strip():
        return None
    if HYPHEN.fullmatch(m.group(0)) and rest[m.end() :][:1].isalnum():
        return None  # a hyphen joins a compound ("Watch-list", "MIRA-Award"), it separates nothing
    return rest[m.end() :]
