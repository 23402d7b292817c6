"""Bylines: "By Bushra Saleem", "• By X" + "• |", "Von A und B" -> ``authors``."""

from __future__ import annotations

from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit.article import Contributor
from articlekit.bylines import (
    author_box_name,
    author_names,
    contributors_of,
    credits_only_a_role,
    looks_like_name,
    parse_contributors,
    reads_as_byline,
)
from articlekit.cleaners._common import (
    ABOVE_CORE_BLOCKS,
    core_kept,
    input_lines,
    lexicon_of,
    removed_lines,
)
from articlekit.cleaners.base import Extractor, Remover
from articlekit.draft import Draft
from articlekit.features import folded_words, more_words_than, words
from articlekit.name_lines import choose_name, name_lines

__all__ = ["ABOVE_CORE_BLOCKS", "ExtractByline", "ExtractCoreByline", "RemoveAuthorBio"]

#: Bylines stand near the top (or at the very end) of an article...
TOP_BLOCKS = 10
BOTTOM_BLOCKS = 3
#: ...or, in whole-page text, just under the headline, wherever the page prints it.
AFTER_TITLE_BLOCKS = 4


def _after_title(draft: Draft) -> frozenset[int]:
    """The positions of the blocks just under the headline (its first :data:`AFTER_TITLE_BLOCKS`).

    In whole-page text the headline stands after the page's menus, often far below its first
    lines; its byline follows it. The headline is the line taken as the title (a ``title``
    removal: its block index says where it stood) or, when the title was read from another
    line (the page's ``<title>`` on the first line), a line of the body that repeats it.
    """
    anchors = [r.block_index for r in draft.removed if r.reason == "title"][-1:]
    if draft.title:
        key = folded_words(draft.title)
        repeat = next((b.index for b in draft.blocks if folded_words(b.text) == key), None)
        if repeat is not None:
            anchors.append(repeat)
    found: set[int] = set()
    for anchor in anchors:
        below = [p for p, b in enumerate(draft.blocks) if b.index > anchor]
        found.update(below[:AFTER_TITLE_BLOCKS])
    return frozenset(found)


#: The reasons a line that was only a date went under (``remove_date_stubs``, ``extract_dates``).
_DATE_LINE_REASONS = frozenset({"date_stub", "timestamp"})


def _name_over_date(draft: Draft, pos: int, dated: set[int]) -> bool:
    """Whether block ``pos`` is a name alone on its line with the story's date line under it.

    "Andrew King" over "September 4, 2025", under the headline: the byline without its
    byline word. Two to four capitalised words, and the line right under it in the input was
    a date and nothing else.
    """
    block = draft.blocks[pos]
    return (
        block.index + 1 in dated
        and 2 <= len(block.text.split()) <= 4
        and looks_like_name(block.text)
    )


class ExtractByline(Extractor):
    """Takes byline lines out of the body; sets ``authors`` and ``contributors``.

    A byline line starts (after bullets) with a byline word ("By", "Von", "Par", "Por",
    "Di", "Door"...) followed by capitalised names, is short and does not end like a sentence
    ("By the end of the year, ..." is prose). Lines of pure decoration right after it (a
    split byline's "• |") go with it. A name alone over the story's date line ("Andrew King"
    over "September 4, 2025") is a byline too: in an HTML body among its first lines or under
    its headline, in plain text only under the headline (the first lines of whole-page text
    are the site's menus, and a menu's last line may stand over the day's date). Authors the
    page's metadata gave are kept; when neither
    the metadata nor the body names a person, the reader's search
    (:attr:`~articlekit.draft.Hints.author_search`, HTML) is asked.

    Reason codes: ``byline``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = ExtractByline()(Draft.from_texts(["• By Bushra Saleem", "• |", "Text."]))
        >>> d.authors, [r.text for r in d.removed]
        (('Bushra Saleem',), ['• By Bushra Saleem', '• |'])
    """

    name: ClassVar[str] = "extract_byline"
    reasons: ClassVar[tuple[str, ...]] = ("byline",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find byline lines near the top and bottom."""
        lex = lexicon_of(draft)
        n = len(draft.blocks)
        after_title = _after_title(draft)
        positions = [
            p for p in range(n) if p < TOP_BLOCKS or p >= n - BOTTOM_BLOCKS or p in after_title
        ]
        found: dict[int, str] = {}
        contributors: list[Contributor] = []
        # The input blocks that were date lines (gone before this cleaner runs).
        dated = {r.block_index for r in draft.removed if r.reason in _DATE_LINE_REASONS}
        # In plain text a name over a date line is a byline only under the headline: the
        # first lines of whole-page text are the site's menus, where "Submit News Item" or
        # "My Profile Logout" stands over the day's date. An HTML body starts at the story.
        under_title = after_title if draft.plain_text else None
        for pos in positions:
            text = draft.blocks[pos].text
            parts = [pos]
            if lex.is_phrase("byline", text) and pos + 1 < n:
                # A byline word alone on its line ("By", "Written by"): the name is the next.
                parts.append(pos + 1)
                text = f"{text} {draft.blocks[pos + 1].text}"
            if pos in found:
                continue
            if not reads_as_byline(text, lex, unlabelled=pos < TOP_BLOCKS):
                if not _name_over_date(draft, pos, dated):
                    continue
                if under_title is not None and pos not in under_title:
                    continue
                # A name over the story's date line credits the story ("By" read into it,
                # unless the line has its own byline word: "By Ann Lee." ends as a sentence).
                if lex.starts_with("byline", text) is None:
                    text = f"By {text}"
            credited = parse_contributors(text, language=draft.language)
            if not author_names(credited) and not credits_only_a_role(text, lex):
                continue
            found.update(dict.fromkeys(parts, "byline"))
            contributors.extend(c for c in credited if c not in contributors)
            follow = parts[-1] + 1
            while follow < n and not any(ch.isalnum() for ch in draft.blocks[follow].text):
                found[follow] = "byline"
                follow += 1
        if not contributors and not draft.authors and draft.hints.author_search is not None:
            # Neither the page's metadata nor the body named anyone: the page's search (HTML:
            # byline lines around the body, the marked byline; run only now, it is the slow
            # one). It returns names it has already read (a user name such as "marc" is one).
            found_raw = draft.hints.author_search()
            contributors = list(contributors_of(found_raw, draft.language, trusted=True))
        if not contributors and not draft.authors and draft.hints.authors:
            # Metadata that names only the site itself, or only one-word names
            # (apply_page_metadata left it): better than nothing.
            contributors = list(contributors_of(draft.hints.authors, draft.language, trusted=True))
        fields: dict[str, Any] = {}
        if contributors and not draft.authors:
            fields = {
                "authors": author_names(tuple(contributors)),
                "contributors": tuple(contributors),
            }
        return found, fields


#: In whole-page text a byline the first search missed stands at most
#: :data:`~articlekit.cleaners._common.ABOVE_CORE_BLOCKS` input lines above the article's core,
#: among the core's own first or last lines, or this many below it (a signature closing the
#: story), read after the core's own lines.
BELOW_CORE_BLOCKS = 3


class ExtractCoreByline(ExtractByline):
    """Whole-page text: the byline next to the article's core, when none was found before.

    :class:`ExtractByline` reads the first lines of the text and those under the headline;
    in whole-page text the story often starts far below the page's menus, and its byline
    ("By Ann Lee", "Written by Ann Lee", "Ann Lee | Reporter" over the story) stands where
    the story does, which is known only once
    :class:`~articlekit.cleaners.core.KeepArticleCore` has cut the text to the core. When
    neither a byline nor the metadata named anyone, this reads the lines just above the core
    (:data:`ABOVE_CORE_BLOCKS` input lines, which the core left out: they are out of the body
    already), from the page's top down, then the core as :class:`ExtractByline` reads a
    body (its first :data:`TOP_BLOCKS` and last :data:`BOTTOM_BLOCKS` lines, those under
    the headline), then the :data:`BELOW_CORE_BLOCKS` lines under the core for a labelled
    signature ("Written by Ann Lee"; a name and a role there sign a quote or a letter), then
    the whole page for an author box (:func:`~articlekit.bylines.author_box_name`: the name
    alone on a line over a biography that opens with it and names a role), and last the
    name printed alone just above the core, with no byline word, as the fitted vote of
    :mod:`articlekit.name_lines` chooses it ("Ann Lee" between the headline and the date
    line). Nothing happens on other input: on HTML the reader's author search looks around
    the extracted body.

    Measured held out (``clean_text(page_text)``, authors): see benchmarks/README.md, "A
    byline next to the core of whole-page text".

    Reason codes: ``byline`` (a line of the core; a line above or below it keeps the removal
    the core gave it).

    Example:
        >>> from articlekit.cleaners._common import as_core
        >>> from articlekit.draft import Draft
        >>> story = ("The council approved the new cycle lanes on Monday after a long "
        ...          "debate about parking and safety.")
        >>> d = Draft.from_texts(["Home", "By Ann Lee", story, story]).remove(
        ...     {0: "outside_core", 1: "outside_core"}, cleaner="keep_article_core")
        >>> ExtractCoreByline()(as_core(d)).authors
        ('Ann Lee',)
    """

    name: ClassVar[str] = "extract_core_byline"
    reasons: ClassVar[tuple[str, ...]] = ("byline",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find a byline above the core or at its edges, when there are no authors yet."""
        if draft.authors or draft.contributors or not draft.blocks or not core_kept(draft):
            return {}, {}
        lex = lexicon_of(draft)
        start = draft.blocks[0].index
        above = removed_lines(draft, start - ABOVE_CORE_BLOCKS, start)
        for removal in above:
            fields = _credited(draft, lex, removal.text)
            if fields:
                return {}, fields
        found, fields = super().extract(draft)
        if fields:
            return found, fields
        # A signature closing the story ("Written by Ann Lee") the core left out.
        end = draft.blocks[-1].index + 1
        for removal in removed_lines(draft, end, end + BELOW_CORE_BLOCKS):
            fields = _credited(draft, lex, removal.text, unlabelled=False)
            if fields:
                return {}, fields
        # An author box anywhere on the page: the name alone on a line over a biography that
        # opens with it and names a role ("Ann Lee" / "Ann Lee is a senior writer at ...").
        lines = input_lines(draft)
        name = author_box_name(lines)
        if name is None:
            # The name alone on its line just above the core, between the headline and the
            # date line ("Ann Lee" / "April 10, 2025"): the fitted vote of name_lines.
            window = [r.text for r in above]
            name = choose_name(name_lines(window, draft.title, draft.language, lines))
        if name is not None:
            credited = parse_contributors(name, language=draft.language, trusted=True)
            names = author_names(credited)
            if names:
                return {}, {"authors": names, "contributors": credited}
        return {}, {}


def _credited(
    draft: Draft, lex: lexicon.Lexicon, text: str, *, unlabelled: bool = True
) -> dict[str, Any]:
    """The ``authors`` and ``contributors`` a byline line names; {} for any other line."""
    if not reads_as_byline(text, lex, unlabelled=unlabelled):
        return {}
    credited = parse_contributors(text, language=draft.language)
    names = author_names(credited)
    return {"authors": names, "contributors": credited} if names else {}


#: The author box sits among the last blocks of the body...
BIO_TAIL_BLOCKS = 4
#: ...and a biography is a short paragraph.
BIO_MAX_WORDS = 80
#: A label before the name ("About the author:", "Autorin:") has at most this many words.
BIO_LABEL_MAX_WORDS = 4


class RemoveAuthorBio(Remover):
    """Drops the author box at the end of the body: a biography of the article's author.

    Among the last :data:`BIO_TAIL_BLOCKS` blocks, the first one that opens with the full name
    of one of the article's authors (after an optional short label such as "About the
    author:") and has at most :data:`BIO_MAX_WORDS` words starts the author box: it goes, and
    so does everything after it (the box's links and the page furniture below). The name must
    stand alone or be followed by an apposition ("Ann Lee, a reporter...", "Ann Lee (37)") or a
    verb of biographies ("is", "ist", "writes", "est"...): "Ann Lee said..." is the story. An author
    with a one-word name, or an article without authors, is never matched: a surname alone
    opens too many sentences of the story. The first block of the body never goes.

    Reason codes: ``author_bio``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts([
        ...     "The council voted on Monday to close the bridge for repairs.",
        ...     "Repairs will take six months, the mayor said after the vote.",
        ...     "Ann Lee is a reporter covering city hall. She lives in Leeds.",
        ... ]).replace(authors=("Ann Lee",))
        >>> [r.reason for r in RemoveAuthorBio()(d).removed]
        ['author_bio']
    """

    name: ClassVar[str] = "remove_author_bio"
    reasons: ClassVar[tuple[str, ...]] = ("author_bio",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Find the first tail block that opens with an author's name; cut from there."""
        names = [a for a in draft.authors if len(words(a)) >= 2]
        n = len(draft.blocks)
        if not names or n < 3:
            return {}
        verbs = lexicon_of(draft).words("bio_verb")
        for pos in range(max(1, n - BIO_TAIL_BLOCKS), n):
            text = draft.blocks[pos].text
            if not more_words_than(text, BIO_MAX_WORDS) and _opens_biography(text, names, verbs):
                return dict.fromkeys(range(pos, n), "author_bio")
        return {}


def _opens_biography(text: str, authors: list[str], verbs: frozenset[str]) -> bool:
    """Whether ``text`` opens with an author's name alone, in apposition or before a bio verb."""
    rest = _without_label(text).strip()
    for author in authors:
        pattern = r"\W*" + r"\W+".join(regex.escape(w) for w in words(author)) + r"\b"
        match = regex.match(pattern, rest, flags=regex.IGNORECASE | regex.V1)
        if match is None:
            continue
        after = rest[match.end() :]
        following = words(after)
        # "Ann Lee", "Ann Lee, a reporter...", "Ann Lee (37) ist...", "Ann Lee is...".
        if not following or after.lstrip()[:1] in ",(" or following[0].casefold() in verbs:
            return True
    return False


def _without_label(text: str) -> str:
    """The text after a short leading label ending in a colon ("About the author: ...")."""
    label, colon, rest = text.partition(":")
    if colon and 0 < len(words(label)) <= BIO_LABEL_MAX_WORDS:
        return rest
    return text
