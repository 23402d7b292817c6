"""The page's title: every title the page gives, and the parts of them, weighed by a fitted vote.

A page names its headline in several places that disagree: JSON-LD ``headline``, ``og:title``
and ``twitter:title``, the ``<title>`` (most often with the site's name before or after a
separator), its ``<h1>`` elements and the last of the pieces the first one prints apart (the
headline under a kicker), and the title the cleaners found in the body (the first
line that reads as the headline). Each of them, and each run of the parts of a meta title
between its separators ("Talks resume" and "The Daily" of "Talks resume | The Daily"), is a
candidate; candidates with the same words are one. A row of :data:`TITLE_FEATURES` says which
sources give it whole, whether it is a part and which, whether the page prints it near the
body, how much of it is the site's name or the URL's words; a logistic model scores the rows,
and the best-scoring candidate is the title.

The model is fitted, not set by hand, on the dev pages with a gold title, for its pick: the
weights make the page's best-scoring candidate a right one as often as they can (a softmax
over each page's candidates), not each candidate's own probability (the command that
rebuilds the shipped ``models/page_title.json`` exactly, and scores it
leave-one-dataset-out, is in ``benchmarks/title_model.py``).

Example:
    >>> sources = {"title_tag": "Talks resume in Istanbul | The Daily",
    ...            "h1": "Talks resume in Istanbul"}
    >>> found = title_candidates(None, sources, (), None, "The Daily", None)
    >>> [(c.text, c.sources) for c in found]  # doctest: +NORMALIZE_WHITESPACE
    [('Talks resume in Istanbul | The Daily', ('title_tag',)),
     ('Talks resume in Istanbul', ('h1', 'part')), ('The Daily', ('part',))]
    >>> choose_title(found)
    'Talks resume in Istanbul'
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from articlekit._memo import memo_table
from articlekit.draft import DraftBlock
from articlekit.features import folded_words
from articlekit.readers._space import normalize_space
from articlekit.scorer import BlockScorer, packaged_scorer

__all__ = [
    "TITLE_FEATURES",
    "TITLE_SOURCES",
    "TitleCandidate",
    "choose_title",
    "title_candidates",
    "title_model",
    "title_texts",
    "voted_title",
    "without_site_part",
]

#: Where a candidate can come from whole, in the order of the row's first columns. "pipeline"
#: is the title the cleaners chose (the body's headline line, or the metadata's title less
#: the site's name).
TITLE_SOURCES: tuple[str, ...] = (
    "pipeline",
    "json_ld",
    "og",
    "twitter",
    "title_tag",
    "h1",
    "h1_second",
    "h1_last",
)

#: The sources whose parts between separators are candidates of their own.
PART_SOURCES: tuple[str, ...] = ("json_ld", "og", "twitter", "title_tag")

#: The columns of a candidate's row.
TITLE_FEATURES: tuple[str, ...] = (
    *(f"from_{source}" for source in TITLE_SOURCES),
    "part",  # a run of a meta title's parts, not the whole of it
    "part_first",  # ...that starts where the title starts
    "part_last",  # ...that ends where the title ends
    "part_of_title_tag",  # ...of the <title>
    "rest_site",  # ...whose other parts are the site's name (the share of their words)
    "sources",  # how many sources give it whole, a quarter each, at most 1
    "printed_near",  # a short page block near the body reads the same words
    "printed",  # a short page block anywhere does
    "site",  # the share of its words that are the site's name or host
    "url",  # the share of its words in the URL's path
    "words",  # its words, a twentieth each, at most 1
    "one_word",
    "upper",  # written in capitals only
    "separator",  # it still holds a separator
    "rest_short",  # a part whose other parts are three words or fewer (a site's name is short)
    "rest_host",  # a part whose other parts spell the site's host ("Bridgestone Tires")
    "carries_site",  # its first or last part is the site's name (by its words or its host)
    "h1_pieced",  # the whole of an <h1> that prints pieces apart (a kicker and its headline)
)

#: The marks that join a title's parts when white space stands on both sides of them.
TITLE_PART_MARKS = "|–—·•»>"


def title_parts_pattern(extra_marks: str = "", *, colons: bool = True) -> re.Pattern[str]:
    """A separator between a title's parts (the HTML reader's headline search and the vote's).

    One of :data:`TITLE_PART_MARKS` (and ``extra_marks``) with white space on both sides, a
    dash or two so spaced, and, unless ``colons`` is false, "::" or a colon and a space.

    Example:
        >>> title_parts_pattern("/").split("News / Talks resume: Day two | The Daily")
        ['News', 'Talks resume', 'Day two', 'The Daily']
        >>> title_parts_pattern(colons=False).split("Talks resume: Day two | The Daily")
        ['Talks resume: Day two', 'The Daily']
    """
    marks = re.escape(TITLE_PART_MARKS + extra_marks)
    spaced = rf"\s+[{marks}]\s+|\s+-{{1,2}}\s+"
    return re.compile(rf"{spaced}|\s*::\s*|:\s+" if colons else spaced)


#: The vote's separator: a slash too ("News / World / Talks resume").
_SEPARATOR = title_parts_pattern("/")
#: The most parts of a title weighed (runs of them grow with the square).
MAX_PARTS = 8
#: The longest headline looked for in the page's blocks, in words.
PRINTED_MAX_WORDS = 40
#: "Near the body": this many page blocks above its start, to its end.
NEAR_BEFORE = 20
#: How the surface text of a candidate is chosen when several sources give it: the first.
_TEXT_ORDER = (
    "pipeline",
    "h1",
    "h1_second",
    "h1_last",
    "json_ld",
    "og",
    "twitter",
    "title_tag",
    "part",
)


@dataclass(frozen=True, slots=True)
class TitleCandidate:
    """One title the page gives.

    Attributes:
        text: The title as printed (from the first source of ``_TEXT_ORDER`` giving it).
        row: Its values of :data:`TITLE_FEATURES`.
        sources: The sources giving it whole, then "part" when it is a part of one.
    """

    text: str
    row: tuple[float, ...]
    sources: tuple[str, ...] = ()


def _clean(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    # Some CMSs escape twice: "Q&amp;A" in a meta tag is "Q&A".
    text = normalize_space(html.unescape(text) if "&" in text else text)
    return text or None


def _parts(title: str) -> list[tuple[str, bool, bool, str]]:
    """The runs of ``title``'s parts between separators, less the whole.

    Each with whether it is first and last, and the rest of the title (the other parts).
    """
    cuts = [0]
    for match in itertools.islice(_SEPARATOR.finditer(title), MAX_PARTS - 1):
        cuts.extend((match.start(), match.end()))
    cuts.append(len(title))
    starts, ends = cuts[0::2], cuts[1::2]
    runs = []
    for i, begin in enumerate(starts):
        for j in range(i, len(ends)):
            if i == 0 and j == len(ends) - 1:
                continue  # the whole title: a candidate of its own source
            piece = title[begin : ends[j]].strip()
            if piece:
                rest = f"{title[:begin]} {title[ends[j] :]}"
                runs.append((piece, i == 0, j == len(ends) - 1, rest))
    return runs


def _words_of_url(url: str | None) -> frozenset[str]:
    if not url:
        return frozenset()
    try:
        path = urlsplit(url).path
    except ValueError:
        return frozenset()
    return frozenset(folded_words(re.sub(r"[\W_]+", " ", path)))


def _site_words(site_name: str | None, hosts: tuple[str, ...]) -> frozenset[str]:
    """The site's name's words and its host's name labels (see :func:`_hosts`)."""
    found = set(folded_words(site_name)) if site_name else set()
    found.update(hosts)
    return frozenset(found)


def _hosts(url: str | None) -> tuple[str, ...]:
    """The host's name labels ("bridgestonetire"; "news.example.co.uk": "news", "example").

    Labels of three letters or fewer ("co", "uk", "com") and the last are no site's name.
    """
    if not url:
        return ()
    try:
        host = urlsplit(url).netloc.lower().removeprefix("www.")
    except ValueError:
        return ()
    return tuple(label for label in host.split(".")[:-1] if len(label) > 3)


def _spells_host(key: tuple[str, ...], hosts: tuple[str, ...]) -> bool:
    """Whether words run together spell a host label, or one holds the other.

    "Bridgestone Tires" at bridgestonetire.com, "News & Observer" at newsobserver.com: the
    site's name and its host share a long run of letters that no word of it matches alone.
    """
    joined = "".join(key)
    return len(joined) > 3 and any(
        host in joined or (len(joined) >= 6 and joined in host) for host in hosts
    )


def _site_like(key: tuple[str, ...], site: frozenset[str], hosts: tuple[str, ...]) -> bool:
    """Whether a title's part is the site's name: mostly its words, or its host spelled."""
    return bool(key) and (_share(key, site) >= 0.5 or _spells_host(key, hosts))


def _share(key: tuple[str, ...], words: frozenset[str]) -> float:
    unique = set(key)
    return len(unique & words) / len(unique) if unique and words else 0.0


def title_texts(sources: Mapping[str, str | None]) -> list[str]:
    """The texts a page's titles give as candidates: each title whole, and its parts.

    Example:
        >>> title_texts({"title_tag": "Talks resume | The Daily", "h1": "Talks resume"})
        ['Talks resume | The Daily', 'Talks resume', 'The Daily', 'Talks resume']
    """
    texts: list[str] = []
    for source in TITLE_SOURCES:
        text = _clean(sources.get(source))
        if text is not None:
            texts.append(text)
            if source in PART_SOURCES:
                texts.extend(piece for piece, _, _, _ in _parts(text))
    return texts


def title_candidates(
    current: str | None,
    sources: Mapping[str, str | None],
    page: Sequence[DraftBlock],
    span: tuple[int, int] | None,
    site_name: str | None,
    url: str | None,
) -> list[TitleCandidate]:
    """Every title the page gives, each with its row of :data:`TITLE_FEATURES`.

    Args:
        current: The title the cleaners chose, or None.
        sources: The page's titles by source (the names of :data:`TITLE_SOURCES` but
            "pipeline"); missing or None: the page has none there.
        page: The page's blocks (every text-bearing element, in page order).
        span: The page-block indices of the extracted body's first and last block, or None.
        site_name: The site's name from the metadata, or None.
        url: The page's URL, or None.

    Returns:
        The candidates, in the order their words were first given (the sources in the order
        of :data:`TITLE_SOURCES`, then the parts).
    """
    whole: dict[tuple[str, ...], list[str]] = {}
    texts: dict[tuple[str, ...], dict[str, str]] = {}
    # A part's source, whether it is first and last, and its rest's share of site words.
    parts: dict[tuple[str, ...], list[tuple[str, bool, bool, float]]] = {}
    # A part's rests: whether one is short, whether one spells the host.
    rests: dict[tuple[str, ...], tuple[bool, bool]] = {}
    hosts = _hosts(url)  # the URL's host is read once: for the site's words and its spelling
    site, in_url = _site_words(site_name, hosts), _words_of_url(url)
    given = {"pipeline": current, **sources}
    for source in TITLE_SOURCES:
        text = _clean(given.get(source))
        if text is None:
            continue
        key = folded_words(text)
        if key:
            if source not in whole.setdefault(key, []):
                whole[key].append(source)
            texts.setdefault(key, {}).setdefault(source, text)
    for source in PART_SOURCES:
        text = _clean(given.get(source))
        if text is None:
            continue
        for piece, first, last, rest in _parts(text):
            key = folded_words(piece)
            if key:
                whole.setdefault(key, [])
                rest_key = folded_words(rest)
                rest_site = _share(rest_key, site)
                parts.setdefault(key, []).append((source, first, last, rest_site))
                short, spelled = rests.get(key, (False, False))
                rests[key] = (
                    short or 0 < len(rest_key) <= 3,
                    spelled or _spells_host(rest_key, hosts),
                )
                texts.setdefault(key, {}).setdefault("part", piece)
    if not whole:
        return []
    pieced = folded_words(_clean(given.get("h1")) or "") if _clean(given.get("h1_last")) else None
    low, high = (max(0, span[0] - NEAR_BEFORE), span[1] + 1) if span else (0, len(page))
    printed: set[tuple[str, ...]] = set()
    near: set[tuple[str, ...]] = set()
    folded = memo_table(folded_words)  # the reader folded most of these blocks already
    for i, block in enumerate(page):
        if len(block.text) > PRINTED_MAX_WORDS * 12:
            continue  # far longer than a headline: no need to fold its words
        key = folded[block.text]
        if len(key) <= PRINTED_MAX_WORDS:
            printed.add(key)
            if low <= i < high:
                near.add(key)
    found = []
    for key, named in whole.items():
        of_parts = parts.get(key, [])
        text = next(texts[key][s] for s in _TEXT_ORDER if s in texts[key])
        letters = [c for c in text if c.isalpha()]
        row = (
            *(float(s in named) for s in TITLE_SOURCES),
            float(bool(of_parts)),
            float(any(first for _, first, _, _ in of_parts)),
            float(any(last for _, _, last, _ in of_parts)),
            float(any(source == "title_tag" for source, _, _, _ in of_parts)),
            max((rest for _, _, _, rest in of_parts), default=0.0),
            min(1.0, len(named) / 4),
            float(key in near),
            float(key in printed),
            _share(key, site),
            _share(key, in_url),
            min(1.0, len(key) / 20),
            float(len(key) == 1),
            float(len(letters) > 1 and all(c.isupper() for c in letters)),
            float(_SEPARATOR.search(text) is not None),
            *(float(flag) for flag in rests.get(key, (False, False))),
            float(_carries_site(text, site, hosts)),
            float(key == pieced),
        )
        found.append(TitleCandidate(text, row, (*named, *(("part",) if of_parts else ()))))
    return found


def _carries_site(text: str, site: frozenset[str], hosts: tuple[str, ...]) -> bool:
    """Whether a title's first or last part (of two or more) is the site's name."""
    pieces = _SEPARATOR.split(text, maxsplit=MAX_PARTS - 1)
    if len(pieces) < 2:
        return False
    return any(_site_like(folded_words(p), site, hosts) for p in (pieces[0], pieces[-1]))


def choose_title(
    candidates: Sequence[TitleCandidate], model: BlockScorer | None = None
) -> str | None:
    """The best-scoring candidate's text (the first given of equal scores), or None.

    Args:
        candidates: From :func:`title_candidates`.
        model: The vote's weights; the shipped :func:`title_model` when None.
    """
    if not candidates:
        return None
    scores = (model or title_model()).scores([c.row for c in candidates])
    best = max(range(len(candidates)), key=lambda k: (scores[k], -k))
    return candidates[best].text


def voted_title(
    sources: Mapping[str, str | None],
    page: Sequence[DraftBlock],
    span: tuple[int, int] | None,
    site_name: str | None,
    url: str | None,
    current: str | None,
) -> str | None:
    """The vote's title given the cleaners' ``current`` one (see :func:`title_candidates`).

    The vote's pick keeps no site's name at its end or its start (see :func:`without_site_part`).
    """
    title = choose_title(title_candidates(current, sources, page, span, site_name, url))
    if title is None:
        return current
    return without_site_part(title, _site_words(site_name, _hosts(url)))


#: A separator that sets a site's name apart in a title: a mark or a dash with spaces around
#: (a colon sets off the headline's own parts).
_SITE_SEPARATOR = title_parts_pattern(colons=False)
#: A site's name in a title is at most this many words.
SITE_PART_MAX_WORDS = 4


def without_site_part(title: str, site: frozenset[str]) -> str:
    """``title`` less its last part, else its first, when that part is the site's name alone.

    The vote weighs where the site's name stands in each candidate, but a headline printed
    with the site's name ("Best UK Art Exhibitions 2025 – Artlyst" in the ``<h1>``) can still
    win it. A part set apart by a spaced mark or dash, of at most
    :data:`SITE_PART_MAX_WORDS` words, every one of them a word of the site's name or its host
    label, goes. A colon sets no site apart ("Redfin's 2026 Predictions: ..." at
    redfin.com is the headline's own), nor does a part that shares only some words with it.

    Example:
        >>> site = frozenset({"the", "daily"})
        >>> without_site_part("Talks resume in Istanbul – The Daily", site)
        'Talks resume in Istanbul'
        >>> without_site_part("The Daily | Talks resume in Istanbul", site)
        'Talks resume in Istanbul'
        >>> without_site_part("The Daily Show: a review – Culture", site)
        'The Daily Show: a review – Culture'
    """
    separators = list(_SITE_SEPARATOR.finditer(title))
    if not separators or not site:
        return title

    def site_only(part: str) -> bool:
        words = folded_words(part)
        return 0 < len(words) <= SITE_PART_MAX_WORDS and all(w in site for w in words)

    last, first = separators[-1], separators[0]
    if site_only(title[last.end() :]) and title[: last.start()].strip():
        return title[: last.start()].strip()
    if site_only(title[: first.start()]) and title[first.end() :].strip():
        return title[first.end() :].strip()
    return title


#: The model :func:`choose_title` uses in place of the shipped one; None: the shipped one.
#: Benchmarks set it to weights fitted without the dataset they score (leave-one-dataset-out).
_TITLE_MODEL: BlockScorer | None = None


def title_model() -> BlockScorer:
    """The vote's weights (read once from the package).

    Raises:
        BlockModelError: If the shipped ``models/page_title.json`` is not a model of
            :data:`TITLE_FEATURES`.

    Example:
        >>> title_model().features == TITLE_FEATURES
        True
    """
    return _TITLE_MODEL if _TITLE_MODEL is not None else _shipped_title_model()


def _shipped_title_model() -> BlockScorer:
    return packaged_scorer("models/page_title.json", "title model", TITLE_FEATURES)
