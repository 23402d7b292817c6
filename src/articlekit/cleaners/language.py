"""Language detection: sets ``Draft.language`` from the body's prose.

langdetect is randomised; a private, seeded detector factory makes the answer the same on every
run without touching langdetect's global factory (which the caller may use with other settings).
"""

from __future__ import annotations

import functools
import threading
from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit.cleaners.base import BaseCleaner
from articlekit.draft import Draft
from articlekit.features import is_prose, word_count

__all__ = ["DetectLanguage", "detect_language"]

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


def _confirmed(language: str, texts: list[str]) -> bool:
    """Check a declared language against the prose, cheaply, by its stop words.

    CMS templates often declare "en" on pages in another language; a language whose stop
    words barely occur in the prose is not the prose's language. Languages without a stop
    word list are taken as declared.
    """
    if language not in lexicon.LANGUAGES:
        return True
    stop = (
        lexicon.for_language(language)["stopwords"]
        if language == "en"
        else (lexicon.for_language(language)["stopwords"] - lexicon.for_language("en")["stopwords"])
    )
    tokens = [w.casefold() for t in texts[:20] for w in _WORD.findall(t)][:400]
    if not tokens:
        return False
    return sum(1 for t in tokens if t in stop) / len(tokens) >= MIN_STOPWORD_SHARE


class DetectLanguage(BaseCleaner):
    """Sets ``language`` from the prose blocks, unless the caller already set it.

    A language the page declares (``<html lang>``, HTML input) is taken when its stop words
    occur in the prose; otherwise langdetect (seeded, on a bounded sample) decides.

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
        if not texts:
            return draft
        declared = lexicon.language_code(draft.hints.language)
        if declared is not None and _confirmed(declared, texts):
            return draft.replace(language=declared)
        texts.sort(key=lambda t: (-word_count(t), t))
        sample: list[str] = []
        size = 0
        for text in texts:
            if size >= SAMPLE_CHARS:
                break
            sample.append(text)
            size += len(text) + 1
        language = detect_language("\n".join(sample))
        return draft if language is None else draft.replace(language=language)
