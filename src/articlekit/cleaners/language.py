"""Language detection: sets ``Draft.language`` from the body's prose.

langdetect is randomised; a private, seeded detector factory makes the answer the same on every
run without touching langdetect's global factory (which the caller may use with other settings).
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit.cleaners.base import BaseCleaner
from articlekit.draft import Draft
from articlekit.features import is_prose, word_count

__all__ = [
    "DetectLanguage",
    "detect_language",
    "langdetect_prose",
    "prose_language",
    "stopword_language",
    "stopword_shares",
]

#: How much text langdetect sees at most: enough for a stable answer on prose, bounded in time
#: (detection cost grows with the sample; 2,000 characters cost four times as much).
SAMPLE_CHARS = 600
#: Below this many letters the answer is a guess, and a guess is worse than None.
MIN_LETTERS = 20

_LOCK = threading.Lock()


@functools.cache
def _factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    # The profiles hold ~110,000 lists of floats. Lists stay tracked by the garbage collector,
    # so each full collection while a large document is cleaned walked them all (0.13 s of a
    # 0.3 s call on 65,536 short lines). Tuples of floats are untracked by the collector's
    # next pass; langdetect only reads these rows.
    factory.word_lang_prob_map = {
        word: tuple(probs) for word, probs in factory.word_lang_prob_map.items()
    }
    return factory


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when it cannot be told.

    Deterministic: the detector is seeded and sees at most :data:`SAMPLE_CHARS` characters.

    Args:
        text: Any text.

    Returns:
        A two-letter code ("en", "de", "zh"...), or None for too little text.

    Example:
        >>> detect_language("Die Bundesregierung hat am Montag neue Regeln beschlossen.")
        'de'
        >>> detect_language("!!!") is None
        True
    """
    sample = text[:SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    with _LOCK:  # the factory is shared; langdetect's detectors are not documented thread-safe
        detector = _factory().create()
        detector.append(sample)
        try:
            code: str = detector.detect()
        except LangDetectException:
            return None
    return None if code == "unknown" else code.split("-")[0]


_WORD = regex.compile(r"\w+", regex.V1)
#: Share of a language's stop words that its prose has at least (English prose: ~40%).
MIN_STOPWORD_SHARE = 0.1


#: A language is told by its stop words alone when they are at least this share of the prose's
#: first words, at least :data:`STOPWORD_MARGIN` times the next language's share, over at least
#: :data:`STOPWORD_MIN_WORDS` words. Chosen on the 4,766 dev documents with prose
#: (``python -m benchmarks.language``): the stop words then decide 90.8 % of them, never
#: against langdetect where the page's declared language agrees with langdetect, and the
#: declared language is found on 97.6 % of the pages that declare one (langdetect alone:
#: 97.2 %). See ``benchmarks/README.md``, "Language: stop words first".
STOPWORD_LANGUAGE_SHARE = 0.25
STOPWORD_MARGIN = 3.0
STOPWORD_MIN_WORDS = 50
#: How many of the prose's first words the stop-word tests read: enough for a stable share.
STOPWORD_SAMPLE_WORDS = 400


@functools.cache
def _own_stopwords() -> Mapping[str, frozenset[str]]:
    """Each lexicon language's stop words that are not English ones (English: its own list).

    Every language's list also holds the English stop words (English menus and buttons appear
    on pages in any language), so a language is told by the words that are its own. Built
    once: the declared-language check and the stop-word vote read it for every document.
    """
    english = lexicon.for_language("en")["stopwords"]
    return {
        code: english if code == "en" else lexicon.for_language(code)["stopwords"] - english
        for code in lexicon.LANGUAGES
    }


@functools.cache
def _stopword_index() -> Mapping[str, tuple[str, ...]]:
    """Each own stop word (see :func:`_own_stopwords`) -> the languages whose list holds it.

    One lookup a word tells every language's count: asking each language's set of each word
    cost more than the rest of the cleaner together (some twenty languages, for every page).
    """
    index: dict[str, list[str]] = {}
    for code, stop in _own_stopwords().items():
        for word in stop:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def _sample_words(texts: list[str]) -> list[str]:
    """The first :data:`STOPWORD_SAMPLE_WORDS` words of the first 20 texts, case-folded."""
    words: list[str] = []
    for text in texts[:20]:
        words.extend(w.casefold() for w in _WORD.findall(text))
        if len(words) >= STOPWORD_SAMPLE_WORDS:  # the rest would be cut off
            break
    return words[:STOPWORD_SAMPLE_WORDS]


def stopword_language(texts: list[str]) -> str | None:
    """Tell the language of prose by the lexicon's stop words, or None when they do not tell.

    Much cheaper than langdetect. It answers only for the lexicon's languages, and only when one
    language's own stop words clearly lead; anything else (a language without a list, a close
    neighbour such as Catalan or Ukrainian, too few words) gets None, and langdetect decides.

    Args:
        texts: The prose blocks, in order; the first :data:`STOPWORD_SAMPLE_WORDS` words count.

    Returns:
        A two-letter code, or None.

    Example:
        >>> stopword_language(["The government said on Monday that it would not change the "
        ...     "rules for the railways, and that the talks with the unions were over. It was "
        ...     "the first time in a year that the minister had spoken about it, and he said "
        ...     "that he would not do so again, because the unions had said what they wanted."])
        'en'
        >>> stopword_language(["Menu"]) is None
        True
    """
    words, shares = stopword_shares(texts)
    if words < STOPWORD_MIN_WORDS:
        return None
    (best, code), (second, _) = shares[0], shares[1]
    if best >= STOPWORD_LANGUAGE_SHARE and best >= STOPWORD_MARGIN * second:
        return code
    return None


def stopword_shares(texts: list[str]) -> tuple[int, list[tuple[float, str]]]:
    """The words :func:`stopword_language` reads, and each language's share of its own stop words.

    Args:
        texts: The prose blocks, in order.

    Returns:
        The number of words read, and ``(share, code)`` pairs, largest share first (all 0.0
        when there are no words).
    """
    words = _sample_words(texts)
    size = len(words) or 1
    totals = dict.fromkeys(_own_stopwords(), 0)
    index = _stopword_index()
    for word, n in Counter(words).items():
        for code in index.get(word, ()):
            totals[code] += n
    shares = sorted(
        ((n / size, code) for code, n in totals.items()), key=lambda pair: (-pair[0], pair[1])
    )
    return len(words), shares


def _confirmed(language: str, texts: list[str]) -> bool:
    """Check a declared language against the prose, cheaply, by its stop words.

    CMS templates often declare "en" on pages in another language; a language whose stop
    words barely occur in the prose is not the prose's language. Languages without a stop
    word list are taken as declared.
    """
    if language not in lexicon.LANGUAGES:
        return True
    stop = _own_stopwords()[language]
    tokens = _sample_words(texts)
    if not tokens:
        return False
    return sum(1 for t in tokens if t in stop) / len(tokens) >= MIN_STOPWORD_SHARE


class DetectLanguage(BaseCleaner):
    """Sets ``language`` from the prose blocks, unless the caller already set it.

    A language the page declares (``<html lang>``, HTML input) is taken when its stop words
    occur in the prose; otherwise the lexicon's stop words decide when one language clearly
    leads (:func:`stopword_language`), and langdetect (seeded, on a bounded sample) when none
    does.

    Without a prose block (a paragraph of a dozen words or more) the language stays None, and
    the cleaners use the phrase lists of every language.

    Reason codes: none (it removes nothing).

    Example:
        >>> d = Draft.from_texts(["Menu", "The government agreed on new rules for the "
        ...                       "railways on Monday, officials said in a statement."])
        >>> DetectLanguage()(d).language
        'en'
    """

    name: ClassVar[str] = "detect_language"
    reasons: ClassVar[tuple[str, ...]] = ()

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft."""
        if draft.language is not None:
            return draft
        # The article's prose decides: menus and teasers may be in another language (an
        # English "Read more" on a German page) and are short. Prose blocks are also what a
        # second cleaning keeps, so the answer stays the same on the cleaned text.
        texts = [b.text for b in draft.blocks if is_prose(b.text)]
        language = prose_language(texts, lexicon.language_code(draft.hints.language))
        return draft if language is None else draft.replace(language=language)


def prose_language(
    texts: list[str], declared: str | None = None, *, detect: bool = True
) -> str | None:
    """The language of prose, as :class:`DetectLanguage` tells it.

    The declared language when its stop words occur, else the lexicon's stop words' answer,
    else langdetect's.

    Args:
        texts: The prose blocks, in order.
        declared: The language the page declares (an ISO 639-1 code), or None.
        detect: Whether langdetect may decide; without it, the stop words undecided give the
            declared language (or None).

    Returns:
        A two-letter code, or None (no prose, or nothing decided).

    Example:
        >>> prose_language(["Die Stadt hat am Montag beschlossen, die Brücke zu reparieren, "
        ...                 "und die Arbeiten sollen im nächsten Monat beginnen."], "de")
        'de'
        >>> prose_language([], "de") is None
        True
    """
    if not texts:
        return None
    if declared is not None and _confirmed(declared, texts):
        return declared
    # The stop words tell most pages' language at a tenth of langdetect's cost; langdetect
    # stays for the rest (other languages, close neighbours, little prose).
    told = stopword_language(texts)
    if told is not None:
        return told
    return langdetect_prose(texts) if detect else declared


def langdetect_prose(texts: list[str]) -> str | None:
    """Ask langdetect about prose blocks, the longest first, up to :data:`SAMPLE_CHARS`.

    Args:
        texts: The prose blocks.

    Returns:
        A language code, or None.
    """
    ordered = sorted(texts, key=lambda t: (-word_count(t), t))
    sample: list[str] = []
    size = 0
    for text in ordered:
        if size >= SAMPLE_CHARS:
            break
        sample.append(text)
        size += len(text) + 1
    return detect_language("\n".join(sample))
