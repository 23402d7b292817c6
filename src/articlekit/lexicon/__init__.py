"""Phrase lists per language, kept as data (one JSON file per language) and compiled once.

Cleaners decide by structure first; these lists confirm ("Also Read:" is a related link because
it is a short line that starts with a known phrase and a separator).

Two kinds of list:

- *junk labels* (:data:`UNIVERSAL_KEYS`: related links, ad labels, calls to action, kickers,
  credit labels, list headings, promotion words such as "newsletter" or "Instagram", the
  verbs that follow a name in an author's biography, cookie and consent notices, comment
  headings and actions, copyright notices, share buttons) are
  specific enough to match in every language at once, and are merged from all languages:
  aggregators print "Lesen Sie auch" on English pages and "Read more" on German ones,
  and a misdetected language must not disarm them;
- *language words* (byline words, date labels, month names, stop words, section names,
  abbreviations) are ambiguous across languages ("Di" is an Italian byline word and a name,
  "Data" a Polish date label and an English heading), so only the page's language and
  English are merged (all of them when the language is unknown, as for the segmenter of
  flat text, :mod:`articlekit.segment`).

Example:
    >>> lex = for_language("de")
    >>> lex.starts_with("related_link", "lesen sie auch: Die Lage in Kyjiw")
    'lesen sie auch'
    >>> lex.months["januar"]
    1
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources

import regex

from articlekit._memo import memoised

__all__ = [
    "LANGUAGES",
    "Lexicon",
    "agencies",
    "available_languages",
    "for_language",
    "known_outlet",
    "language_code",
    "lead_word",
    "match_key",
    "outlets",
    "strip_decoration",
]

#: Keys of a language file whose values are lists of phrases.
PHRASE_KEYS = (
    "related_link",
    "ad_label",
    "call_to_action",
    "kicker",
    "date_word",
    "updated_word",
    "byline",
    "name_joiner",
    "source_credit",
    "caption_credit",
    "figure_label",
    "disclosure",
    "section",
    "headline_list_heading",
    "promotion_word",
    "bio_verb",
    "cookie_notice",
    "consent_button",
    "comment_heading",
    "comment_action",
    "comment_verb",
    "legal_notice",
    "share_word",
    "author_heading",
    "weekdays",
    "stopwords",
    "abbreviation",
)

#: Phrase lists merged from every language whatever the page's language (see module docstring).
UNIVERSAL_KEYS = frozenset(
    {
        "related_link",
        "ad_label",
        "call_to_action",
        "kicker",
        "source_credit",
        "caption_credit",
        "figure_label",
        "disclosure",
        "headline_list_heading",
        "promotion_word",
        "bio_verb",
        "cookie_notice",
        "consent_button",
        "comment_heading",
        "comment_action",
        "comment_verb",
        "legal_notice",
        "share_word",
        "author_heading",
    }
)

# Leading decoration that does not change what a line says: bullets, pipes, dashes, arrows.
_DECORATION = regex.compile(r"^[\s\p{Pd}\p{Po}\p{So}\p{Sm}|>»›·•*#_~=]+", regex.V1)
_SPACE = regex.compile(r"\s+")


_WORD = regex.compile(r"\w+", regex.V1)
# _WORD for ASCII text, as a pattern of the standard library's (whose findall takes about
# two thirds of the time): in ASCII the word characters of both are letters, digits and "_".
_ASCII_WORD = re.compile(r"[0-9A-Za-z_]+")
# The run of word characters a text starts with (possibly empty): see Lexicon.starts_with.
_LEAD = regex.compile(r"\w*", regex.V1)


@functools.lru_cache(maxsize=256)
def _compile_phrases(phrases: frozenset[str], *, anchored: bool) -> regex.Pattern[str]:
    """Compile the alternation of ``phrases``, longest first, ending at a word boundary.

    The alternation is written as a trie (:func:`_trie`): "we use cookies" and "we value your
    privacy" share the branch "we ", so a position that starts no phrase is ruled out after a
    character or two instead of after one try per phrase (a list holds 300 to 600 phrases;
    searches four to six times faster). It matches what the flat alternation, longest phrase
    first, matches (tested): the phrases that match at one position are each a prefix of the
    next longer one, and the trie tries the longer continuation first.

    Cached by the phrase set, not by language: the universal lists are the same set in every
    language's lexicon, and compiling a long alternation is slow enough to do once.
    """
    root: _TrieNode = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    body = _trie(root) or r"(?!x)x"  # no phrase, or only the empty one: no match, as before
    start = "^" if anchored else r"(?<!\w)"
    return regex.compile(rf"{start}(?P<phrase>{body})(?!\w)", regex.V1)


#: A trie of phrases: character -> the rest; the key "" marks the end of a phrase.
_TrieNode = dict[str, "_TrieNode"]


def _trie(node: _TrieNode) -> str:
    """The pattern of the phrases below ``node``: each branch, then (optionally) the end here.

    Greedy ``?`` tries a branch before ending, so of the phrases that match, the longest
    wins, as in the flat alternation sorted longest first.

    Example:
        >>> _trie({"a": {"": {}, "b": {"": {}}}, "c": {"": {}}})
        '(?:a(?:b)?|c)'
    """
    ends = "" in node
    branches = [regex.escape(ch) + _trie(rest) for ch, rest in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends else group


@functools.lru_cache(maxsize=256)
def _key_words(phrases: frozenset[str]) -> frozenset[str] | None:
    """The longest word of every phrase, or None when some phrase has no word at all.

    A phrase matches between word boundaries, so each of its words is a whole word of the
    text it is found in: a text without any phrase's key word holds no phrase. The longest
    word ("cookies", "continuing") rules out far more blocks than the first ("we", "by").
    """
    keys: set[str] = set()
    for phrase in phrases:
        found = _WORD.findall(phrase)
        if not found:
            return None
        keys.add(max(found, key=len))
    return frozenset(keys)


_LANGUAGE_TAG = regex.compile(r"^([a-zA-Z]{2})(?:[-_][A-Za-z0-9]{2,8})*$")


def language_code(tag: str | None) -> str | None:
    """Return the ISO 639-1 code of a declared language tag ("en-GB" -> "en"), or None.

    Example:
        >>> language_code(" de-AT "), language_code("english")
        ('de', None)
    """
    m = _LANGUAGE_TAG.match((tag or "").strip())
    return m.group(1).lower() if m else None


def strip_decoration(text: str) -> str:
    """Return ``text`` without leading bullets, pipes, dashes and white space.

    Example:
        >>> strip_decoration("  • | By Jane Doe")
        'By Jane Doe'
    """
    return _DECORATION.sub("", text).strip()


@memoised
def match_key(text: str) -> str:
    """Return the form of ``text`` that phrase lists are compared with.

    Case-folded, NFKC, typographic apostrophes made plain, leading decoration stripped,
    white space collapsed.

    Args:
        text: A line or phrase.

    Returns:
        The comparison key.

    Example:
        >>> match_key("  • READ MORE ’ |  ")
        "read more ' |"
    """
    if text.isascii():
        # ASCII is its own NFKC form, casefolds as it lowers and holds no typographic quote.
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = text.replace("’", "'").replace("‘", "'")
    # Every block goes through here, and a regex substitution costs more than the rest of
    # the function together: the fast paths below give the same key (tested).
    if not text[:1].isalnum():  # a letter or digit is no decoration: nothing to strip
        text = _DECORATION.sub("", text)
    if not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text):
        # str.split's white space is the pattern's plus U+001C..U+001F.
        return " ".join(text.split())
    return _SPACE.sub(" ", text).strip()


def lead_word(text: str) -> str:
    """The run of word characters the match key of ``text`` starts with ("" for none).

    A text can start with a phrase of a list only when this is one of the list's
    :meth:`Lexicon.lead_words`: read once, it rules a text out of several lists at a time.

    Example:
        >>> lead_word("  Read more: the minister"), lead_word("— ")
        ('read', '')
    """
    return _lead_word(text)


@memoised
def _lead_word(text: str) -> str:
    """The run of word characters the match key of ``text`` starts with ("" for none)."""
    # Before an ASCII letter or digit there is nothing to strip, and the key of ASCII is the
    # text lowered (white space aside, which ends the run anyway): most lines of a page need
    # no key.
    key = text.lower() if text[:1].isalnum() and text.isascii() else match_key(text)
    head = key.split(" ", 1)[0]
    if head.isascii() and head.isalnum():
        return head  # ASCII letters and digits are word characters; a space is none
    m = _LEAD.match(key)
    return m.group() if m else ""


@memoised
def _key_word_set(text: str) -> frozenset[str]:
    """The words of the match key of ``text`` (see :meth:`Lexicon.contains`)."""
    key = match_key(text)
    if key.isascii() and key.replace(" ", "").isalnum():
        # Letters and digits between single spaces: the words are what str.split gives,
        # without the pattern's per-call cost (most short blocks of a page).
        return frozenset(key.split())
    return frozenset((_ASCII_WORD if key.isascii() else _WORD).findall(key))


@functools.lru_cache(maxsize=256)
def _lead_words(phrases: frozenset[str]) -> frozenset[str]:
    """The lead word of every phrase (see :meth:`Lexicon.starts_with`)."""
    return frozenset(m.group() if (m := _LEAD.match(p)) else "" for p in phrases)


@dataclass(frozen=True)
class Lexicon:
    """Merged phrase lists of one or more languages.

    Attributes:
        languages: The languages merged, English last.
        phrases: Phrase-list key -> the phrases (match keys).
        months: Month name or abbreviation -> month number.
    """

    languages: tuple[str, ...]
    phrases: Mapping[str, frozenset[str]]
    months: Mapping[str, int]
    _patterns: dict[tuple[str, bool], regex.Pattern[str]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _words_cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _leads: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.phrases[key]

    def prefix_pattern(self, key: str) -> regex.Pattern[str]:
        """Return a compiled pattern matching any phrase of ``key`` at the start of a match key.

        Longer phrases are tried first, and a phrase must end at a word boundary, so
        "read more" wins over "read" and "ad" does not match "adam".

        Args:
            key: A phrase-list key such as ``"related_link"``.

        Returns:
            The compiled pattern; group ``phrase`` is the phrase matched.
        """
        return self._pattern(key, anchored=True)

    def _pattern(self, key: str, *, anchored: bool) -> regex.Pattern[str]:
        """Return the (shared, compiled once) alternation of the phrases of ``key``."""
        # Asked for every block by several cleaners: a plain dict lookup first.
        pattern = self._patterns.get((key, anchored))
        if pattern is None:
            pattern = _compile_phrases(self.phrases[key], anchored=anchored)
            self._patterns[(key, anchored)] = pattern
        return pattern

    def starts_with(self, key: str, text: str) -> str | None:
        """Return the phrase of list ``key`` that ``text`` starts with, or None.

        Args:
            key: A phrase-list key.
            text: A line (any case; it is turned into its match key first).

        Returns:
            The phrase matched, or None.
        """
        # Most blocks start with no phrase of the list, and a long alternation is slow to try
        # for each of them: the lead-word gate rules them out first.
        if not self.may_start_with(key, text):
            return None
        m = self.prefix_pattern(key).match(match_key(text))
        return m.group("phrase") if m else None

    def may_start_with(self, key: str, text: str) -> bool:
        r"""Whether ``text`` can start with a phrase of list ``key``, or be one: a set lookup.

        A phrase ends where a word does (``(?!\w)``), so a text that starts with it (or is it,
        less trailing punctuation: :meth:`is_phrase`) starts with the same run of word
        characters as the phrase itself. False rules out :meth:`starts_with` and
        :meth:`is_phrase` exactly; True says only that they may hold.

        Example:
            >>> lex = for_language("en")
            >>> lex.may_start_with("related_link", "Read more: x"), lex.may_start_with(
            ...     "related_link", "The minister said")
            (True, False)
        """
        leads = self._leads.get(key)
        if leads is None:
            leads = self.lead_words(key)
        return _lead_word(text) in leads

    def lead_words(self, key: str) -> frozenset[str]:
        """Return the run of word characters each phrase of list ``key`` starts with.

        A text that starts with a phrase (:meth:`starts_with`) or is one (:meth:`is_phrase`)
        starts with the same run: a set lookup of it tells the texts that cannot.

        Example:
            >>> "advertisement" in for_language("en").lead_words("ad_label")
            True
        """
        leads = self._leads.get(key)
        if leads is None:
            leads = self._leads[key] = _lead_words(self.phrases[key])
        return leads

    def key_words(self, key: str) -> frozenset[str] | None:
        """Return a word of each phrase of list ``key``, or None when a phrase has no word.

        A text that contains a phrase (:meth:`contains`) holds one of these words whole.

        Example:
            >>> "cookies" in for_language("en").key_words("cookie_notice")
            True
        """
        return _key_words(self.phrases[key])

    def contains(self, key: str, text: str) -> str | None:
        """Return the first phrase of list ``key`` found anywhere in ``text``, or None.

        Args:
            key: A phrase-list key.
            text: A block (any case).

        Returns:
            The phrase found, or None.
        """
        phrases = self.phrases[key]
        keys = _key_words(phrases)
        # Most blocks hold no phrase at all: an unanchored search of a long alternation tries
        # every position, a set lookup of the block's words rules them out first (the words
        # are memoised: several lists are asked of the same block).
        if keys is not None and keys.isdisjoint(_key_word_set(text)):
            return None
        m = _compile_phrases(phrases, anchored=False).search(match_key(text))
        return m.group("phrase") if m else None

    def words(self, key: str) -> frozenset[str]:
        """Return every single word of the phrases of list ``key`` (cached).

        Example:
            >>> {"published", "on"} <= for_language("en").words("date_word")
            True
        """
        found = self._words_cache.get(key)
        if found is None:
            found = frozenset(w for phrase in self.phrases[key] for w in phrase.split())
            self._words_cache[key] = found
        return found

    def is_phrase(self, key: str, text: str) -> bool:
        """Return whether the whole of ``text`` (less trailing punctuation) is a phrase of ``key``.

        Args:
            key: A phrase-list key.
            text: A line.

        Returns:
            True when the line is exactly one phrase of the list.
        """
        return match_key(text).rstrip(" :.!|-–—»>›") in self.phrases[key]


def available_languages() -> tuple[str, ...]:
    """Return the codes of the languages that have a phrase-list file, sorted."""
    files = resources.files(__name__).iterdir()
    return tuple(
        sorted(
            f.name.removesuffix(".json")
            for f in files
            if f.name.endswith(".json") and len(f.name) in (7, 8) and f.name[:2].isalpha()
        )
    )


LANGUAGES = available_languages()


@functools.cache
def _load_file(language: str) -> dict[str, object]:
    text = resources.files(__name__).joinpath(f"{language}.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def _as_list(value: object) -> list[object]:
    if not isinstance(value, list):
        msg = f"phrase lists must be JSON lists, got {type(value).__name__}"
        raise TypeError(msg)
    return value


@functools.lru_cache(maxsize=64)
def for_language(language: str | None) -> Lexicon:
    """Return the phrase lists for ``language`` (see the module docstring for what is merged).

    Args:
        language: ISO 639-1 code, or None when the language is not known.

    Returns:
        The merged (cached) lexicon.
    """
    if language in LANGUAGES and language != "en":
        langs: tuple[str, ...] = (language, "en")
    elif language == "en":
        langs = ("en",)
    else:
        langs = LANGUAGES
    phrases: dict[str, set[str]] = {key: set() for key in PHRASE_KEYS}
    months: dict[str, int] = {}
    for lang in LANGUAGES:
        data = _load_file(lang)
        for key in PHRASE_KEYS:
            if lang in langs or key in UNIVERSAL_KEYS:
                phrases[key].update(match_key(str(v)) for v in _as_list(data.get(key, [])))
        if lang in langs:
            raw_months = data.get("months", {})
            assert isinstance(raw_months, dict)
            for name, number in raw_months.items():
                months.setdefault(match_key(str(name)).rstrip("."), int(number))
    return Lexicon(
        languages=langs,
        phrases={k: frozenset(v) for k, v in phrases.items()},
        months=months,
    )


@functools.lru_cache(maxsize=1)
def outlets() -> Mapping[str, str]:
    """Return the table of well-known outlets: normalised key -> canonical name.

    The key is the name in lower case with everything but letters and digits removed
    ("ALJAZEERA", "Al Jazeera" and "al-jazeera" all give ``"aljazeera"``).

    Returns:
        The mapping (empty if the data file is missing).
    """
    path = resources.files(__name__).joinpath("outlets.json")
    if not path.is_file():
        return {}
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def known_outlet(name: str) -> str | None:
    """Return the canonical spelling of a well-known outlet or agency, or None.

    Compared on letters and digits only, case-folded: "AL JAZEERA", "al-jazeera" and
    "Aljazeera" are all "Al Jazeera".

    Example:
        >>> known_outlet("ALJAZEERA"), known_outlet("(Reuters)"), known_outlet("Jane Doe")
        ('Al Jazeera', 'Reuters', None)
    """
    key = "".join(ch for ch in name.casefold() if ch.isalnum())
    return outlets().get(key) if key else None


@functools.lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """Return the canonical names of news agencies (wire services), e.g. ``"Reuters"``."""
    path = resources.files(__name__).joinpath("agencies.json")
    if not path.is_file():
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8")))
