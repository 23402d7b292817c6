"""Features of a block of text that cleaners decide by: words, sentences, shape.

Pure functions over strings, shared by every cleaner so that "headline-like" or "prose" mean
the same thing everywhere.

Example:
    >>> is_headline_like("Hundreds of drones launched at Ukraine")
    True
    >>> is_prose("Ukraine is working to restart the prisoner exchanges with Russia, aides say.")
    True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import regex

from articlekit import lexicon
from articlekit._memo import memoised

__all__ = [
    "GAP_COST",
    "LIST_GAP_COST",
    "LIST_MARKER",
    "TEASER_MAX_WORDS",
    "content_stems",
    "ends_sentence",
    "first_content",
    "first_prose",
    "has_digit",
    "has_letters",
    "is_flattened_list",
    "is_headline_like",
    "is_prose",
    "is_story_prose",
    "is_teaser",
    "sentence_count",
    "word_count",
    "words",
]

_WORD = regex.compile(r"\w+(?:['’]\w+)*", regex.V1)
# _WORD for ASCII text (most blocks), as a pattern of the standard library's: in ASCII the
# word characters of both are the letters, the digits and "_", and "’" cannot occur. Its
# findall takes two thirds of the time of _WORD's, and the word features below are asked of
# every block of a page.
_ASCII_WORD = re.compile(r"[0-9A-Za-z_]+(?:'[0-9A-Za-z_]+)*")
_LETTER = regex.compile(r"\p{L}", regex.V1)
# The scripts written without spaces between words (Chinese, Japanese kana): see word_count.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]", regex.V1)
_UPPER_START = regex.compile(r"^[\p{Pi}\p{Ps}\"'‘“«]*[\p{Lu}\p{Lt}\p{N}]", regex.V1)
# Closing quotes and brackets may follow the final stop: 'they said.”'. Searched from the end
# ``(?r)``, and possessive: a search from the start would scan a run of stops from each of its
# positions (a block of 40,000 dots took 80 s).
_SENTENCE_END = regex.compile(r"(?r)[.!?…。！？][\p{Pf}\p{Pe}\"'’”»]*+\s*+$", regex.V1)
# A stop, optional closing quote, space, then a capital or an opening quote: a new sentence.
# Single capitals before the stop ("U.S. President", "John F. Kennedy") do not split.
# A split starts at the first stop of a run, or at its second when the first follows an
# initial or an abbreviation ("A.. B"), never deeper inside the run: the search would otherwise
# rescan the run from each of its positions (quadratic in a run of dots).
_SENTENCE_SPLIT = regex.compile(
    r"(?:(?<![.!?…])(?<!\b\p{Lu})(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|Sgt|No|vs|etc|Inc|Ltd|Co))"
    r"|(?<=(?<![.!?…])[.!?…]))"
    r"[.!?…]++[\p{Pf}\p{Pe}\"'’”»]*+\s++(?=[\p{Pi}\p{Ps}\"'‘“«]*+\p{Lu})",
    regex.V1,
)


def words(text: str) -> list[str]:
    """Return the words of ``text`` (runs of letters/digits, apostrophes inside kept).

    Args:
        text: Any text.

    Returns:
        The words, in order.
    """
    return _WORD.findall(text)


# The per-text features are pure and asked of the same blocks by every cleaner: memoise them
# per document (see articlekit._memo).
@memoised
def word_count(text: str) -> int:
    """Return how many words ``text`` has.

    Chinese and Japanese put no space between words: a run of their characters counts a word
    for every two (the mean length of a Chinese word), so that a paragraph of them weighs as
    one of a spaced script does, not as one word a clause.

    Example:
        >>> word_count("Talks resume in Istanbul"), word_count("国会で法律ができました。")
        (4, 6)
    """
    if text.isascii():
        return len(_ASCII_WORD.findall(text))
    found = _WORD.findall(text)
    if not _UNSPACED.search(text):
        return len(found)
    return sum(max(1, (n + 1) // 2) if (n := len(_UNSPACED.findall(w))) else 1 for w in found)


def more_words_than(text: str, n: int) -> bool:
    """Return whether ``text`` has more than ``n`` words (``word_count(text) > n``).

    Words are separated, so ``k`` of them take at least ``2k - 1`` characters: a text
    shorter than ``2n`` characters is answered without counting (or a memo lookup, which
    costs more than this test; the cleaners ask it of every block).

    Example:
        >>> more_words_than("Home", 3), more_words_than("one two three four", 3)
        (False, True)
    """
    return len(text) >= 2 * n and word_count(text) > n


@memoised
def folded_words(text: str) -> tuple[str, ...]:
    """Return the words of ``text``, case-folded: what texts are compared by.

    Example:
        >>> folded_words("Ann LEE, Straße")
        ('ann', 'lee', 'strasse')
    """
    return tuple(_folded_list(text))


def _folded_list(text: str) -> list[str]:
    """The words of ``text``, each case-folded (:func:`folded_words` and the stems read them).

    Each word is folded on its own, as the stop lists are: folding the whole text first can
    move a word boundary ("İ" folds to "i" and a combining dot). ASCII text (most blocks)
    folds as it lowers and lowering it moves no boundary: it is lowered whole and split by the
    standard library's pattern.
    """
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return [w.casefold() for w in _WORD.findall(text)]


def has_letters(text: str) -> bool:
    """Return whether ``text`` has at least one letter (in any script)."""
    return _LETTER.search(text) is not None


_ASCII_DIGIT = re.compile(r"[0-9]")


def has_digit(text: str) -> bool:
    """Return whether any character of ``text`` is a digit (``str.isdigit``: "²" counts).

    Example:
        >>> has_digit("Updated"), has_digit("May 3"), has_digit("x²")
        (False, True, True)
    """
    if text.isascii():  # ASCII's only digits are 0-9: one search in C, no loop in Python
        return _ASCII_DIGIT.search(text) is not None
    return any(ch.isdigit() for ch in text)


@memoised
def ends_sentence(text: str) -> bool:
    """Return whether ``text`` ends with sentence punctuation (closing quotes allowed)."""
    return _SENTENCE_END.search(text) is not None


@memoised
def sentence_count(text: str) -> int:
    """Return a rough count of sentences (stops followed by a capitalised word, plus one).

    Example:
        >>> sentence_count("He said so. Moscow did not comment. U.S. officials agreed.")
        3
    """
    if not text.strip():
        return 0
    return len(_SENTENCE_SPLIT.findall(text.strip())) + 1


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (split as :func:`sentence_count` counts them).

    The stop that ends a sentence is dropped with the space after it.

    Example:
        >>> sentences("He said so. U.S. officials agreed!  Why?")
        ['He said so', 'U.S. officials agreed', 'Why?']
    """
    stripped = text.strip()
    return _SENTENCE_SPLIT.split(stripped) if stripped else []


def is_prose(text: str) -> bool:
    """Return whether ``text`` reads as a paragraph of running prose.

    A paragraph has a dozen words or more and ends like a sentence, or is long (30+ words)
    whatever its end: teasers and menu lines are short and unpunctuated.
    """
    # Twelve words take at least 23 characters (a letter each and a gap between): most
    # menu and link blocks of a page are shorter and need no word count (nor a memo lookup,
    # which costs more than this test; several cleaners ask it of every block).
    return len(text) >= 23 and _long_is_prose(text)


@memoised
def _long_is_prose(text: str) -> bool:
    n = word_count(text)
    return (n >= 12 and ends_sentence(text)) or n >= 30


def is_headline_like(text: str, *, max_words: int = 25, max_sentences: int = 1) -> bool:
    """Return whether ``text`` is shaped like a headline.

    Short (2 to ``max_words`` words), starting with a capital or a digit, at most
    ``max_sentences`` sentences, not ending in a full stop or an ellipsis (a question or
    exclamation mark is allowed, as in headlines), not ending in a colon (that is a label
    introducing something).

    Args:
        text: A block's text.
        max_words: Longest headline, in words.
        max_sentences: Most sentences (1: a headline of two, "Tested! The best cameras",
            is not one).

    Example:
        >>> is_headline_like("Tested! The best security cameras for your home")
        False
        >>> is_headline_like("Tested! The best security cameras for your home", max_sentences=3)
        True
        >>> is_headline_like("The cameras were tested. Here are the best.", max_sentences=3)
        False

    Returns:
        True for a headline-shaped line.
    """
    stripped = text.strip()
    n = word_count(stripped)
    if not 2 <= n <= max_words or len(stripped) > 250:
        return False
    if not _UPPER_START.match(stripped):
        return False
    if stripped.endswith((":", ".", "…", ";", ",", "...")):
        return False
    return sentence_count(stripped) <= max_sentences


#: A flattened list has at least this many words...
FLATTENED_LIST_MIN_WORDS = 20
#: ...at least this share of them capitalised or numbers, counts in brackets included
#: ("Blog Archive October (18) September (14)", "10/21/12 - 10/28/12 (77)")...
FLATTENED_LIST_CAPS_SHARE = 0.6
#: ...and at most one sentence end per this many words.
FLATTENED_LIST_WORDS_PER_END = 25
# A bracketed number counts as a number; a bracketed word does not count as capitalised
# (German prose capitalises its nouns and brackets them: "(Volvo-Tester)").
_CAPITALISED = regex.compile(r"^(?:[\p{Lu}\p{N}]|[(\[]\p{N})", regex.V1)
_SENTENCE_MARK = regex.compile(r"[.!?]", regex.V1)


@memoised
def is_flattened_list(text: str) -> bool:
    """Return whether ``text`` is a menu, index or tag list run together into one block.

    Whole-page text flattens a car-make menu or a list of sections into a long line: long
    enough to pass for prose, but nearly every word capitalised and hardly a sentence end.

    Example:
        >>> menu = " ".join(["All Audi BMW Citroen Fiat Ford Honda Jaguar Kia Lexus Mazda",
        ...                  "Nissan Opel Peugeot Renault Rover Saab Seat Skoda Toyota Volvo"])
        >>> is_flattened_list(menu)
        True
        >>> is_flattened_list("Blog Archive " + " ".join(
        ...     f"{m} ({n})" for m, n in [("October", 18), ("September", 14), ("August", 21),
        ...         ("July", 27), ("June", 21), ("May", 30), ("April", 24), ("March", 30),
        ...         ("February", 30), ("January", 39)]))
        True
        >>> is_flattened_list("Negotiators from Kyiv and Moscow met in Istanbul on Monday and "
        ...                   "agreed to resume the exchange of prisoners, officials said.")
        False
    """
    parts = text.split()
    if len(parts) < FLATTENED_LIST_MIN_WORDS:
        return False
    # Sentence ends first: one pass that rules out nearly all prose before the word-by-word
    # capital count.
    if len(_SENTENCE_MARK.findall(text)) * FLATTENED_LIST_WORDS_PER_END > len(parts):
        return False
    capitalised = sum(1 for w in parts if _CAPITALISED.match(w)) / len(parts)
    return capitalised >= FLATTENED_LIST_CAPS_SHARE


@memoised
def is_story_prose(text: str) -> bool:
    """Return whether ``text`` is prose that can be a story's: prose, not a flattened list.

    A flattened menu or index ("All Audi BMW Citroen Fiat ...") is long enough to pass
    :func:`is_prose` by length alone; it must not anchor the article's core.

    Example:
        >>> is_story_prose("Negotiators from Kyiv and Moscow met in Istanbul on Monday and "
        ...                "agreed to resume the exchange of prisoners, officials said.")
        True
    """
    return is_prose(text) and not is_flattened_list(text)


#: Cost of a short non-prose block when finding the article's regions
#: (:func:`articlekit.regions.prose_regions`): teasers pull a run apart,
#: a subheading between long paragraphs does not. Chosen leave-one-dataset-out among 4, 6 and
#: 8, 4 would win for every held-out set but costs trafilatura-eval's plain text 0.004
#: (benchmarks/README.md, "The article core's gap cost"): it stays at 8.
GAP_COST = 8

#: Cost of a non-prose line that starts with a list marker (:data:`LIST_MARKER`): nothing. A
#: bulleted list between or after the story's paragraphs is the story's own (its steps, its
#: picks, its closing "other recommendations"), and should not pull the run apart as a menu
#: does. Chosen leave-one-dataset-out among 8, 4 and 0: each held-out set's four others
#: chose 0 (benchmarks/README.md, "List lines in the article's regions").
LIST_GAP_COST = 0

#: List markers a plain-text line may start with ("• ", "- ", "1. ", "(a) ").
LIST_MARKER = regex.compile(r"^\s*(?:[•·▪◦●■►*–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")


#: Longest teaser line (a headline or its one-line summary), in words.
TEASER_MAX_WORDS = 30


def is_teaser(text: str) -> bool:
    """Return whether ``text`` could be one line of a teaser list: a headline or a summary.

    Two to :data:`TEASER_MAX_WORDS` words, one sentence, not a label ending in a colon.

    Example:
        >>> is_teaser("Storm Claudia forces authorities to declare major emergency")
        True
    """
    n = word_count(text)
    return 2 <= n <= TEASER_MAX_WORDS and sentence_count(text) <= 1 and not text.endswith(":")


def first_prose(blocks: Sequence[Any]) -> int | None:
    """Return the position of the first prose block (see :func:`is_prose`), or None.

    Args:
        blocks: Objects with a ``text`` attribute.

    Returns:
        The position, or None when no block is prose.
    """
    return next((i for i, b in enumerate(blocks) if is_prose(b.text)), None)


def first_content(blocks: Sequence[Any], start: int = 0) -> int | None:
    """Return the position of the first block from ``start`` on with a letter or digit.

    Blocks of pure decoration ("***", "• |") are transparent to the cleaners that look at
    the top of the text: they go later, and a second cleaning must see the same top lines.

    Args:
        blocks: Objects with a ``text`` attribute.
        start: Where to start looking.

    Returns:
        The position, or None.
    """
    for pos in range(start, len(blocks)):
        if any(ch.isalnum() for ch in blocks[pos].text):
            return pos
    return None


def content_stems(text: str, stopwords: Iterable[str] | None = None) -> frozenset[str]:
    """Return the content words of ``text`` as crude stems, for comparing vocabularies.

    Lower-cased words of three letters or more, stop words left out, cut to their first five
    characters so that "drone"/"drones" or "launch"/"launched" meet. Crude on purpose: it only
    has to tell "same story" from "another story", in any language.

    Args:
        text: Any text.
        stopwords: Words to leave out; English and every known language's by default.

    Returns:
        The set of stems.

    Example:
        >>> sorted(content_stems("Hundreds of drones launched at Ukraine"))
        ['drone', 'hundr', 'launc', 'ukrai']
    """
    if stopwords is None:
        return _default_stems(text)
    return _stems(text, frozenset(stopwords))


@memoised
def _default_stems(text: str) -> frozenset[str]:
    return _stems(text, _all_stopwords())


def _stems(text: str, stop: frozenset[str]) -> frozenset[str]:
    return frozenset(
        folded[:5]
        for folded in _folded_list(text)
        if len(folded) >= 3 and folded not in stop and not folded.isdigit()
    )


@functools.cache
def _all_stopwords() -> frozenset[str]:
    return lexicon.for_language(None)["stopwords"]
