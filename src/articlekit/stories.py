"""Find the same story among cleaned articles: syndicated copies and rewrites of one report.

Sites that carry one wire story rewrite it: the five seed documents share only 1-18% of their
five-word shingles, so exact-shingle MinHash misses them, and their plain content words do
not set them apart either (long pages share much everyday vocabulary). What a story keeps
through every rewrite is its *names*: people, places, organisations, days. Measured on the
seeds and on the l3s-gn1 and wcxb-dev pages, the Jaccard index of two articles' name sets
(capitalised words that do not open a sentence) is 0.25-0.68 between the seeds, at most 0.11
between a seed and any dev page, and above 0.17 for only one pair in a thousand of the news
pages (most of those are the same event from two outlets).

Each article becomes a :class:`StorySignature`, a MinHash of its names; :class:`StoryIndex`
finds candidate pairs by locality-sensitive hashing (bands of two MinHash values) and keeps
the pairs whose estimated Jaccard index reaches its threshold. The MinHash is computed here
(a few lines over ``hashlib``) rather than with datasketch, which would bring numpy and scipy
to a library that needs neither; the result is the same on every machine and Python version.

Example:
    >>> from articlekit.stories import StoryIndex
    >>> index = StoryIndex()
    >>> index.add("a", "Ukraine and Russia agreed in Istanbul to swap prisoners, the Ukrainian "
    ...           "negotiator Rustem Umerov said after talks hosted by Turkey and the Red Cross.")
    >>> index.add("b", "Kyiv's negotiator, Rustem Umerov, said in Istanbul that Ukraine and "
    ...           "Russia would swap prisoners, with Turkey and the Red Cross as go-betweens.")
    >>> index.add("c", "The European Central Bank raised rates in Frankfurt, its president "
    ...           "Christine Lagarde said, as inflation in Germany and France kept rising.")
    >>> index.groups()
    [['a', 'b']]
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import regex

from articlekit import lexicon
from articlekit.article import Article
from articlekit.errors import InputTypeError
from articlekit.features import words

__all__ = ["StoryIndex", "StorySignature", "signature", "story_words"]

#: MinHash values per signature...
NUM_PERM = 128
#: ...compared in bands of this many: a pair with Jaccard index 0.2 lands in one bucket at
#: least once with probability 0.93 (0.25: 0.98), a pair at 0.05 with probability 0.15.
BAND_ROWS = 2
#: Two articles are one story when their name sets have at least this Jaccard index.
SIMILARITY_THRESHOLD = 0.2

_PRIME = (1 << 61) - 1


@functools.cache
def _stopwords(language: str | None) -> frozenset[str]:
    # Without a language, every language's stopwords: a mixed collection stays comparable.
    return frozenset(lexicon.for_language(language).words("stopwords"))


#: A capitalised word ("Umerov", "Istanbul", "UN", "Kyiv's").
_NAME = regex.compile(r"(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\p{N}]*(?:['’-]\p{L}+)*", regex.V1)
#: What may stand before a sentence's first word: its capital says nothing.
_SENTENCE_END = frozenset(".!?:;\"“”„'‘’«»()[]—–-•|")
_POSSESSIVE = regex.compile(r"['’]s$", regex.V1)
#: Fewer names than this (a caseless script, a short note): the content words stand in.
MIN_NAMES = 5


def story_words(article: Article | str, *, language: str | None = None) -> frozenset[str]:
    """The names an article mentions: capitalised words that do not open a sentence.

    Case-folded, possessives off ("Kyiv's" -> "kyiv"), three letters or more, stopwords of
    ``language`` left out (by default the article's own language, else every supported
    one's). A text with fewer than :data:`MIN_NAMES` names (a caseless script, a brief) is
    represented by all its content words instead. An Article's title counts with its text.

    Args:
        article: A cleaned :class:`~articlekit.Article` or a text.
        language: ISO 639-1 code of the text's language, if known.

    Returns:
        The set of words.

    Raises:
        InputTypeError: For anything else than an Article or a str.

    Example:
        >>> sorted(story_words("Talks in Istanbul resumed. Kyiv's envoy Rustem Umerov met "
        ...                    "the Red Cross and Turkey's Hakan Fidan."))
        ['cross', 'fidan', 'hakan', 'istanbul', 'red', 'rustem', 'turkey', 'umerov']
    """
    if isinstance(article, Article):
        text = f"{article.title or ''}\n{article.text}"
        language = language or article.language
    elif isinstance(article, str):
        text = article
    else:
        msg = f"story_words takes an Article or a str, got {type(article).__name__}"
        raise InputTypeError(msg)
    stop = _stopwords(language)
    names: set[str] = set()
    for line in text.splitlines():
        for match in _NAME.finditer(line):
            before = line[: match.start()].rstrip()
            if not before or before[-1] in _SENTENCE_END:
                continue
            word = _POSSESSIVE.sub("", match.group(0).casefold())
            if len(word) > 2 and word not in stop:
                names.add(word)
    if len(names) >= MIN_NAMES:
        return frozenset(names)
    return frozenset(
        w
        for w in (_POSSESSIVE.sub("", m.casefold()) for m in words(text))
        if len(w) > 2 and not w.isdigit() and w not in stop
    )


@functools.cache
def _permutations(count: int) -> tuple[tuple[int, int], ...]:
    # Fixed seed: the same words give the same signature in every process and version.
    rng = random.Random(20261122)
    return tuple((rng.randrange(1, _PRIME), rng.randrange(0, _PRIME)) for _ in range(count))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class StorySignature:
    """A MinHash of an article's names (see :func:`story_words`), and how many there are.

    Attributes:
        minhash: The smallest hash of the words under each of :data:`NUM_PERM` permutations
            (empty for an article without words).
        size: The number of words.
    """

    minhash: tuple[int, ...]
    size: int

    def similarity(self, other: StorySignature) -> float:
        """Estimated Jaccard index of the two articles' word sets (0 when either is empty).

        Example:
            >>> a = signature("Rustem Umerov said in Istanbul that Ukraine and Turkey agreed.")
            >>> a.similarity(a)
            1.0
        """
        if not self.size or not other.size or len(self.minhash) != len(other.minhash):
            return 0.0
        same = sum(x == y for x, y in zip(self.minhash, other.minhash, strict=True))
        return same / len(self.minhash)


def signature(
    article: Article | str, *, language: str | None = None, num_perm: int = NUM_PERM
) -> StorySignature:
    """The :class:`StorySignature` of an article (see :func:`story_words`).

    Example:
        >>> s = signature("Negotiators gathered in Istanbul.")
        >>> s.size, len(s.minhash)
        (3, 128)
    """
    hashes = [_word_hash(w) for w in story_words(article, language=language)]
    if not hashes:
        return StorySignature((), 0)
    minhash = tuple(min((a * h + b) % _PRIME for h in hashes) for a, b in _permutations(num_perm))
    return StorySignature(minhash, len(hashes))


class StoryIndex:
    """Articles indexed by story: which of them report the same thing.

    Add articles under keys of your choice (URLs, ids); ask which stored articles match
    another one, or for the groups of articles that are one story (pairs at or above the
    threshold, joined transitively). Memory is one signature (128 integers) and 64 bucket
    entries per article.

    Args:
        threshold: Estimated Jaccard index of the name sets (see
            :meth:`StorySignature.similarity`) from which two articles are one story.
        num_perm: MinHash values per signature (a multiple of ``band_rows``).
        band_rows: MinHash values per LSH band; fewer finds looser pairs, at more candidate
            checks.
    """

    def __init__(
        self,
        threshold: float = SIMILARITY_THRESHOLD,
        *,
        num_perm: int = NUM_PERM,
        band_rows: int = BAND_ROWS,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            msg = f"threshold must be in (0, 1], got {threshold!r}"
            raise ValueError(msg)
        if num_perm < band_rows or num_perm % band_rows:
            msg = f"num_perm ({num_perm}) must be a multiple of band_rows ({band_rows})"
            raise ValueError(msg)
        self.threshold = threshold
        self.num_perm = num_perm
        self.band_rows = band_rows
        self._signatures: dict[Hashable, StorySignature] = {}
        # Insertion positions, for ties in matches() without a walk over the whole index.
        self._position: dict[Hashable, int] = {}
        self._buckets: dict[tuple[int, tuple[int, ...]], list[Hashable]] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def _bands(self, sig: StorySignature) -> Iterable[tuple[int, tuple[int, ...]]]:
        rows = self.band_rows
        for band, start in enumerate(range(0, len(sig.minhash), rows)):
            yield band, sig.minhash[start : start + rows]

    def add(self, key: Hashable, article: Article | str, *, language: str | None = None) -> None:
        """Index an article under ``key``.

        Raises:
            KeyError: When ``key`` is already in the index.
            InputTypeError: For anything else than an Article or a str.
        """
        if key in self._signatures:
            msg = f"key {key!r} is already in the index"
            raise KeyError(msg)
        sig = signature(article, language=language, num_perm=self.num_perm)
        self._signatures[key] = sig
        self._position[key] = len(self._position)
        for band in self._bands(sig):
            self._buckets.setdefault(band, []).append(key)

    def _candidates(self, sig: StorySignature) -> list[Hashable]:
        """The indexed keys sharing at least one band with ``sig``, each once."""
        seen: dict[Hashable, None] = {}
        for band in self._bands(sig):
            for key in self._buckets.get(band, ()):
                seen.setdefault(key)
        return list(seen)

    def matches(
        self, article: Article | str, *, language: str | None = None
    ) -> list[tuple[Hashable, float]]:
        """The indexed articles that report the same story, best first, with their similarity."""
        sig = signature(article, language=language, num_perm=self.num_perm)
        scored = [(k, sig.similarity(self._signatures[k])) for k in self._candidates(sig)]
        found = [(k, s) for k, s in scored if s >= self.threshold]
        return sorted(found, key=lambda ks: (-ks[1], self._position[ks[0]]))

    def groups(self) -> list[list[Hashable]]:
        """Groups of two or more articles that are one story, in the order they were added.

        Pairs at or above the threshold are joined transitively (a rewrite of a rewrite
        belongs to the story).
        """
        keys = list(self._signatures)
        parent = {k: k for k in keys}

        def root(k: Hashable) -> Hashable:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for key in keys:
            sig, here = self._signatures[key], self._position[key]
            for other in self._candidates(sig):
                # Each pair once: from its earlier member (the similarity is symmetric).
                if self._position[other] <= here:
                    continue
                if sig.similarity(self._signatures[other]) >= self.threshold:
                    a, b = root(key), root(other)
                    if a != b:
                        parent[b] = a
        members: dict[Hashable, list[Hashable]] = {}
        for key in keys:
            members.setdefault(root(key), []).append(key)
        return [group for group in members.values() if len(group) > 1]
