"""A writer's name alone on its line over the story, in whole-page text, chosen by a fitted vote.

Page text often prints the byline as the name alone, between the headline and the date
line, with no "By" ("How to Rent a Car" / "Andrei Zakhareuski" / "April 10, 2025" / the
story). Such a line is shaped like many others of a page (a menu's "Open Menu", a teaser's
title-case headline, a site's name), so no single test tells it; what tells it is where it
stands: next to a date line or a reading time, under the headline, with a role under it.
Each name-shaped line among those just above the article's core is a candidate with a row
of :data:`NAME_FEATURES`; a logistic model fitted on the dev pages' gold authors
(``models/name_line.json``, ``python -m benchmarks.name_model``) scores them, and the best
one scoring the model's threshold or more is the author.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from articlekit import lexicon
from articlekit.bylines import (
    cms_default,
    is_role,
    looks_like_interface_label,
    looks_like_name,
    looks_like_organisation,
)
from articlekit.dates import find_date
from articlekit.features import has_digit, word_count, words
from articlekit.scorer import BlockScorer, packaged_scorer

#: The columns of a candidate's row, in order.
NAME_FEATURES: tuple[str, ...] = (
    "words",  # the line's words (2 to 4: NAME_MIN_WORDS, NAME_MAX_WORDS)
    "all_caps",  # "LEONARDO GARCIA"
    "next_dated",  # the next line holds a date ("April 10, 2025")
    "prev_dated",  # the line before holds one
    "dated_below",  # a date within the two lines under it
    "next_short_number",  # the next line is short and holds a digit ("9 min read")
    "after_title",  # the line before is the article's title
    "distance",  # lines between it and the core, over the window's length
    "repeated",  # the same line stands elsewhere on the page (an author box, a menu)
    "organisation",  # shaped like an organisation's name ("Everfit Team", "Acme Inc")
    "next_role",  # the next line is a role ("VP - Technology", "Staff Writer")
    "prev_byline_word",  # the line before is a byline word alone ("By", "Author")
    "lower_elsewhere",  # share of its words the page also prints in lower case ("Recent Posts")
    "stop_word",  # one of its words is a stop word of the language ("Le Monde", "About Us")
    "furniture_word",  # one of its words is in a furniture phrase ("Special Reports")
)

#: A candidate has this many words at least and at most. On the dev pages' lines above the
#: core, one word alone was a gold author 17 times in 4,132 ("Supermove", a user name) and a
#: word of a menu or a section the rest; five words or more never were.
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 4

#: A line of this many words or fewer counts as short (a reading time, a count).
SHORT_LINE_WORDS = 6

#: A label's colon or a separator: "Posted in: News", "Ann Lee | Reporter" are read by the
#: byline rules, and such a line is no name alone.
_SEPARATOR = regex.compile(r"[:|•·]")


@dataclass(frozen=True)
class NameLine:
    """One candidate: the line's text, its place in the window and its row."""

    text: str
    position: int
    row: tuple[float, ...]


def name_lines(
    window: Sequence[str],
    title: str | None,
    language: str | None,
    page: Sequence[str] = (),
) -> list[NameLine]:
    """The name-shaped lines of ``window`` (the lines just above the core, top down), with rows.

    Args:
        window: The input lines above the article's core, in order; the last is the nearest.
        title: The article's title, if known.
        language: The text's language (its month names and byline words).
        page: The whole input's lines: how often a candidate stands there (``repeated``),
            and the words it prints in lower case (:func:`lowercase_words`; a writer's name
            is seldom one of them, a menu's or a headline's words often are). Read only
            when the window holds a candidate.

    Example:
        >>> window = ["Open Menu", "How to Rent a Car", "Andrei Zakhareuski", "April 10, 2025"]
        >>> [c.text for c in name_lines(window, "How to Rent a Car", "en")]
        ['Open Menu', 'Andrei Zakhareuski']
        >>> dict(zip(NAME_FEATURES, name_lines(window, "How to Rent a Car", "en")[1].row))[
        ...     "next_dated"]
        1.0
    """
    lex = lexicon.for_language(language)
    stop = lex.words("stopwords")
    vocabulary = _furniture_words(lex)
    lines = [line.strip() for line in window]
    # The shape first (most lines fail it), the phrase lists next; the window's dates and
    # the page's words only for a window that holds a candidate.
    chosen = [k for k, text in enumerate(lines) if _candidate(text, title)]
    chosen = [k for k in chosen if not _furniture(lines[k], lex)]
    if not chosen:
        return []
    n = len(lines)
    dated = [has_digit(line) and find_date(line, language=language) is not None for line in lines]
    counts = collections.Counter(page)
    lower = lowercase_words(page)
    out = []
    for k in chosen:
        text = lines[k]
        prev = lines[k - 1] if k > 0 else ""
        nxt = lines[k + 1] if k + 1 < n else ""
        size = word_count(text)
        folded = [w.casefold() for w in words(text)]
        row = (
            float(size),
            float(text.isupper()),
            float(k + 1 < n and dated[k + 1]),
            float(k > 0 and dated[k - 1]),
            float(any(dated[k + 1 : k + 3])),
            float(has_digit(nxt) and word_count(nxt) <= SHORT_LINE_WORDS),
            float(bool(title) and prev == title),
            (n - 1 - k) / max(1, n),
            float(counts[text] > 1),
            float(looks_like_organisation(text)),
            float(bool(nxt) and is_role(nxt)),
            float(bool(prev) and word_count(prev) == 1 and lex.is_phrase("byline", prev)),
            sum(w in lower for w in folded) / max(1, len(folded)),
            float(any(w in stop for w in folded)),
            float(any(w in vocabulary for w in folded)),
        )
        out.append(NameLine(text, k, row))
    return out


def lowercase_words(lines: Sequence[str]) -> frozenset[str]:
    """The words ``lines`` print in lower case (one pass of a regular expression).

    Example:
        >>> sorted(lowercase_words(["Recent Posts", "See our recent posts, Ann."]))
        ['our', 'posts', 'recent']
    """
    return frozenset(_LOWER_WORD.findall("\n".join(lines)))


_LOWER_WORD = regex.compile(r"(?<![\w'’-])\p{Ll}[\p{Ll}\p{M}]*(?![\w'’-])", regex.V1)


#: The phrase lists whose lines are page furniture, never a name ("Related Articles",
#: "Recent Posts", "Share this", "About the author"): a line that starts with one of them.
FURNITURE_LISTS = (
    "related_link",
    "headline_list_heading",
    "comment_heading",
    "author_heading",
    "call_to_action",
    "share_word",
)


#: The phrase lists whose words make the ``furniture_word`` column: those above, and the
#: lists of sections, kickers, ad labels and comment actions.
FURNITURE_WORD_LISTS = (*FURNITURE_LISTS, "section", "kicker", "ad_label", "comment_action")


def _furniture_words(lex: lexicon.Lexicon) -> frozenset[str]:
    """Every word of the lexicon's furniture phrases, less its stop words (once a lexicon)."""
    found = _FURNITURE_WORDS.get(lex.languages)
    if found is None:
        words_of = set().union(*(lex.words(key) for key in FURNITURE_WORD_LISTS))
        found = _FURNITURE_WORDS[lex.languages] = frozenset(words_of - lex.words("stopwords"))
    return found


_FURNITURE_WORDS: dict[tuple[str, ...], frozenset[str]] = {}


def _furniture(text: str, lex: lexicon.Lexicon) -> bool:
    """Whether a line is one the phrase lists know as furniture, or a section's name."""
    if lex.is_phrase("section", text):
        return True
    return any(lex.starts_with(key, text) is not None for key in FURNITURE_LISTS)


def _candidate(text: str, title: str | None) -> bool:
    """Whether a line may be a writer's name alone: name-shaped, and none of the page's others.

    The name must have a capital letter: in a script without case (Korean, Arabic...) every
    line of a menu is shaped like a name, and the columns that tell them apart (words the
    page prints in lower case) say nothing there.
    """
    if not text or text == title or _SEPARATOR.search(text) or not looks_like_name(text):
        return False
    if not any(ch.isupper() for ch in text):
        return False
    if not NAME_MIN_WORDS <= word_count(text) <= NAME_MAX_WORDS:
        return False
    return not (is_role(text) or looks_like_interface_label(text) or cms_default(text))


def choose_name(candidates: Sequence[NameLine], model: BlockScorer | None = None) -> str | None:
    """The best-scoring candidate's text when it scores the model's threshold or more.

    A tie goes to the line nearest the core (the later one in the window).

    Example:
        >>> m = BlockScorer(NAME_FEATURES, (4.0,) + (0.0,) * 14, -6.0, 0.5)
        >>> rows = [(1.0,) + (0.0,) * 14, (2.0,) + (0.0,) * 14]  # "words" alone weighs
        >>> choose_name([NameLine("Menu", 0, rows[0]), NameLine("Ann Lee", 2, rows[1])], m)
        'Ann Lee'
    """
    if not candidates:
        return None
    scorer = model or name_model()
    scores = scorer.scores([c.row for c in candidates])
    best = max(range(len(candidates)), key=lambda k: (scores[k], candidates[k].position))
    return candidates[best].text if scores[best] >= scorer.threshold else None


#: The model :func:`name_model` gives in place of the shipped one; None: the shipped one
#: (weights fitted without a dataset, to score it held out).
_NAME_MODEL: BlockScorer | None = None


def name_model() -> BlockScorer:
    """The vote's weights (read once from the package).

    Raises:
        BlockModelError: If the shipped ``models/name_line.json`` is not a model of
            :data:`NAME_FEATURES`.
    """
    if _NAME_MODEL is not None:
        return _NAME_MODEL
    return packaged_scorer("models/name_line.json", "name-line model", NAME_FEATURES)
