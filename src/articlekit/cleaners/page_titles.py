"""Whole-page text: the title from the page's first line ("Headline | Site", "Site - Headline").

Text extracted from a whole page (``html-text``, a browser's "select all") starts with the
page's ``<title>``: the headline with the site's name, a section or both, joined by a
separator, and further down the page prints the headline again, alone on its line, above the
story. The first line's parts and every run of consecutive parts are candidate titles; a
logistic model fitted on the dev sets (``python -m benchmarks.page_title``; the weights ship in
``models/page_title_text.json``) rates each from
where it stands in the line, its length, and whether the text prints it again (or prints the
other parts: a site's name as its logo). The best candidate is the title when the model rates
it at least :data:`PAGE_TITLE_THRESHOLD`; otherwise the first line is left to
:class:`~articlekit.cleaners.titles.ExtractTitle`, which reads it as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit.cleaners._common import positions_by_leads
from articlekit.cleaners.base import Extractor
from articlekit.cleaners.metadata import TITLE_SEPARATOR_MARKS, title_separators
from articlekit.draft import Draft
from articlekit.features import first_content, folded_words, is_headline_like, is_prose
from articlekit.scorer import BlockScorer, packaged_scorer

__all__ = [
    "PAGE_TITLE_FEATURES",
    "PAGE_TITLE_THRESHOLD",
    "ExtractPageTitle",
    "TitleCandidate",
    "choose_page_title",
    "page_title_candidates",
    "page_title_model",
]

#: What joins a page title's parts: a bar, a dash, a colon, a bullet, a guillemet... with
#: white space on both sides ("Talks resume | The Daily", "BBC News - Talks resume").
#: The same as the HTML title's (:func:`~articlekit.cleaners.metadata.title_separators`), and
#: a slash: a ``<title>`` on whole-page text ("News / World / Talks resume").
_SEPARATOR = title_separators(TITLE_SEPARATOR_MARKS + "/")

#: A first line of more parts than this is a menu ("Home | News | Sport | ..."), not a title.
MAX_PARTS = 6
#: A first line longer than this (characters) is no page title.
MAX_TITLE_CHARS = 300
#: A repeat of a candidate is a line of at most this many characters (a headline's line).
_MAX_LINE_CHARS = MAX_TITLE_CHARS

#: The features of a candidate, the columns of :func:`page_title_model`.
PAGE_TITLE_FEATURES: tuple[str, ...] = (
    "repeated",
    "starts_line",
    "ends_line",
    "whole_line",
    "log_words",
    "word_share",
    "others_repeated",
    "log_first_repeat",
    "log_repeats",
    "headline_like",
    "prose_follows",
    "single_part",
    "longest_repeated",
    "other_run_repeated",
    "host_share",
    "path_share",
    "domain_like",
)
#: The model :func:`page_title_model` gives in place of the shipped one; None: the shipped one.
#: Benchmarks set it to weights fitted without the dataset they score (leave-one-dataset-out).
_PAGE_TITLE_MODEL: BlockScorer | None = None


def page_title_model() -> BlockScorer:
    """The chooser's weights: a logistic model of :data:`PAGE_TITLE_FEATURES`, read once.

    Fitted on the dev sets' whole-page texts (``python -m benchmarks.page_title``, which
    rebuilds the shipped ``models/page_title_text.json`` exactly and scores it
    leave-one-dataset-out).

    Raises:
        BlockModelError: If the shipped file is not a model of :data:`PAGE_TITLE_FEATURES`.

    Example:
        >>> page_title_model().features == PAGE_TITLE_FEATURES
        True
    """
    if _PAGE_TITLE_MODEL is not None:
        return _PAGE_TITLE_MODEL
    return packaged_scorer("models/page_title_text.json", "page title model", PAGE_TITLE_FEATURES)


#: The best candidate is the title when the model gives it at least this probability of being
#: the page's headline: more likely right than wrong.
PAGE_TITLE_THRESHOLD = 0.5
#: A prose paragraph within this many lines after a repeat (or after the first line) is the
#: story under its headline.
PROSE_WINDOW = 8


@dataclass(frozen=True, slots=True)
class TitleCandidate:
    """A run of consecutive parts of the first line, rated as the page's headline.

    Attributes:
        text: The run as the first line prints it ("Talks resume in Istanbul").
        repeat: Position (among the lines given) of the line that prints the run again, alone;
            None when no line does.
        features: The values of :data:`PAGE_TITLE_FEATURES`.
    """

    text: str
    repeat: int | None
    features: tuple[float, ...]

    @property
    def probability(self) -> float:
        """The model's probability that this candidate is the page's headline."""
        return page_title_model().scores([self.features])[0]


def _parts(line: str) -> list[tuple[int, int]]:
    """The character spans of the line's parts between separators."""
    spans, start = [], 0
    for match in _SEPARATOR.finditer(line):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(line)))
    return [(a, b) for a, b in spans if folded_words(line[a:b])]


def _url_words(url: str | None) -> tuple[str, str]:
    """The URL's host and path, folded and without punctuation ("" when there is no URL)."""
    if not url:
        return "", ""
    match = _URL.match(url)
    if match is None:
        return "", ""
    host = "".join(folded_words(match.group(1)))
    return host, " ".join(folded_words(match.group(2) or ""))


_URL = regex.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/?#]*)([^?#]*)", regex.I)
#: A web address in a title part ("Goal.com", "TheBestVPN.com"): the site's name.
_DOMAIN = regex.compile(
    r"\w\.(?:com|net|org|co|uk|de|fr|es|it|nl|pl|ru|in|io|at|ch|au|ca|info)\b", regex.I
)


def _share_in(key: tuple[str, ...], haystack: str) -> float:
    """The share of the words (of 3 letters or more) of ``key`` that ``haystack`` holds."""
    long_words = [w for w in key if len(w) >= 3]
    if not long_words or not haystack:
        return 0.0
    return sum(w in haystack for w in long_words) / len(long_words)


def page_title_candidates(
    lines: Sequence[str],
    url: str | None = None,
    *,
    lead_positions: Callable[[set[str]], Iterable[int]] | None = None,
) -> list[TitleCandidate]:
    """The candidate titles of a text whose first line may be a page's ``<title>``.

    Args:
        lines: The text's lines (blocks), the first line first.
        url: The page's URL, if known: a part named like its host is the site.
        lead_positions: The positions in ``lines``, ascending, of the lines that start with
            one of the given lead words (:func:`articlekit.lexicon._lead_word`), when the
            caller has an index of them; else every line is read. Only lines that start as a
            candidate does are compared with the candidates.

    Returns:
        One candidate per run of consecutive parts of the first line, with its features; none
        when the first line is prose, too long, a menu of more than :data:`MAX_PARTS` parts,
        or a single word.

    Example:
        >>> lines = ["Talks resume in Istanbul | The Daily", "The Daily", "Home",
        ...          "Talks resume in Istanbul", "Negotiators met on Monday in Istanbul and "
        ...          "agreed to resume the exchange of prisoners, officials said."]
        >>> [(c.text, c.repeat) for c in page_title_candidates(lines)]
        [('Talks resume in Istanbul', 3), ('Talks resume in Istanbul | The Daily', None), \
('The Daily', 1)]
    """
    if not lines:
        return []
    first = lines[0].strip()
    if len(first) > MAX_TITLE_CHARS or is_prose(first):
        return []
    spans = _parts(first)
    if not spans or len(spans) > MAX_PARTS:
        return []
    if len(spans) == 1 and len(folded_words(first)) < 2:
        return []  # a word alone on the first line is a menu item or a logo, not a <title>
    runs = [(i, j) for i in range(len(spans)) for j in range(i, len(spans))]
    wanted = {folded_words(first[spans[i][0] : spans[j][1]]) for i, j in runs}
    # Where each candidate's words stand again, alone on a line (first and every place).
    seen: dict[tuple[str, ...], list[int]] = {}
    if lead_positions is None:
        places: Iterable[int] = range(1, len(lines))
    else:
        # A line whose key starts with a mark that is no decoration ("„Zitat“") has the lead "".
        leads = {lexicon._lead_word(first[spans[i][0] : spans[j][1]]) for i, j in runs} | {""}
        places = [p for p in lead_positions(leads) if p > 0]
    for pos in places:
        text = lines[pos]
        if len(text) > _MAX_LINE_CHARS:
            continue
        key = folded_words(text)
        if key in wanted:
            seen.setdefault(key, []).append(pos)
    line_words = len(folded_words(first))
    host, path = _url_words(url)
    repeated = [(len(k), k) for k in seen]
    longest = max(repeated)[1] if repeated else None
    prose_after = [is_prose(t) for t in lines[: 1 + _last_needed(seen) + PROSE_WINDOW]]
    candidates = []
    for i, j in runs:
        text = first[spans[i][0] : spans[j][1]].strip()
        key = folded_words(text)
        repeats = seen.get(key, [])
        others = [folded_words(first[a:b]) for n, (a, b) in enumerate(spans) if not i <= n <= j]
        anchor = repeats[0] if repeats else 0
        features = (
            float(bool(repeats)),
            float(i == 0),
            float(j == len(spans) - 1),
            float(i == 0 and j == len(spans) - 1),
            math.log(len(key)),
            len(key) / line_words,
            float(any(o in seen for o in others)),
            math.log1p(anchor),
            math.log1p(len(repeats)),
            float(is_headline_like(text, max_words=30)),
            float(any(prose_after[anchor + 1 : anchor + 1 + PROSE_WINDOW])),
            float(len(spans) == 1),
            float(key == longest),
            float(any(k != key for k in seen)),
            _share_in(key, host),
            _share_in(key, path),
            float(_DOMAIN.search(text) is not None),
        )
        candidates.append(TitleCandidate(text, repeats[0] if repeats else None, features))
    return candidates


def _last_needed(seen: dict[tuple[str, ...], list[int]]) -> int:
    return max((p[0] for p in seen.values()), default=0)


def page_title(
    lines: Sequence[str],
    url: str | None = None,
    *,
    lead_positions: Callable[[set[str]], Iterable[int]] | None = None,
) -> TitleCandidate | None:
    """The page's headline among the first line's candidates, or None when none is likely.

    Example:
        >>> page_title(["Home | News | Sport | Weather", "Home", "News"]) is None
        True
    """
    return choose_page_title(page_title_candidates(lines, url, lead_positions=lead_positions))


def choose_page_title(
    candidates: Sequence[TitleCandidate], model: BlockScorer | None = None
) -> TitleCandidate | None:
    """The best-scoring candidate when it scores :data:`PAGE_TITLE_THRESHOLD` or more.

    The first of equal scores wins. ``model`` defaults to :func:`page_title_model` (the
    benchmark passes weights fitted without the dataset it scores).

    Example:
        >>> m = BlockScorer(PAGE_TITLE_FEATURES, (0.0,) * len(PAGE_TITLE_FEATURES), 1.0, 0.5)
        >>> row = (0.0,) * len(PAGE_TITLE_FEATURES)
        >>> choose_page_title([TitleCandidate("A", None, row), TitleCandidate("B", 3, row)], m).text
        'A'
    """
    if not candidates:
        return None
    # Every candidate scored once (the first of equal scores wins, as ``max`` gives it).
    scores = (model or page_title_model()).scores([c.features for c in candidates])
    best = max(range(len(candidates)), key=lambda k: scores[k])
    return candidates[best] if scores[best] >= PAGE_TITLE_THRESHOLD else None


class ExtractPageTitle(Extractor):
    """Takes the title of whole-page text from its first line and the headline's repeat.

    Plain text only (a page's metadata, when there is one, says the title). The best
    candidate of :func:`page_title` becomes the title; the line it was read from goes with
    reason ``title``: the headline's repeat near the story when the page prints it again and
    the first line holds more (the site's name), else the first line itself.

    Reason codes: ``title``.

    Example:
        >>> from articlekit.draft import Draft
        >>> story = ("Negotiators met on Monday in Istanbul and agreed to resume the exchange "
        ...          "of prisoners, officials said.")
        >>> d = ExtractPageTitle()(Draft.from_texts([
        ...     "Talks resume in Istanbul | The Daily", "The Daily", "Home", "World",
        ...     "Talks resume in Istanbul", story]))
        >>> d.title, [(r.text, r.reason) for r in d.removed]
        ('Talks resume in Istanbul', [('Talks resume in Istanbul', 'title')])
    """

    name: ClassVar[str] = "extract_page_title"
    reasons: ClassVar[tuple[str, ...]] = ("title",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Rate the first line's candidates."""
        if draft.title is not None or draft.hints.title or draft.hints.extra.get("h1"):
            return {}, {}
        pos = first_content(draft.blocks)
        if pos is None:
            return {}, {}
        lines = [b.text for b in draft.blocks[pos:]]

        def lead_positions(leads: set[str]) -> list[int]:
            # The document's lead index, shared with the other cleaners.
            return [p - pos for p in positions_by_leads(draft.blocks, leads)]

        best = page_title(lines, draft.url, lead_positions=lead_positions)
        if best is None:
            return {}, {}
        if best.repeat is not None and best.text != lines[0].strip():
            return {pos + best.repeat: "title"}, {"title": lines[best.repeat].strip()}
        # The first line is the title (a part of it, or all of it: then its repeats are
        # remove_duplicate_title's, and the standfirst under it extract_subtitle's).
        return {pos: "title"}, {"title": best.text}
