"""The article's region in a run of blocks: which runs of prose are the story, by fitted weights.

A page's text holds several runs of prose: the story, and a disclaimer, a comment form, an
inline script, another story's summary. :func:`prose_regions` finds the candidates (the
densest runs, as the article core always was); :func:`article_core` then asks two models
fitted on the labelled dev pages, instead of taking the densest run:

* the **chooser** picks the run that is the story, from each run's row
  (:data:`REGION_FEATURES`: how dense it is against the densest, where it starts, how much of
  the title stands at its start and inside it, how much of it is program code);
* the **extender** then takes in each other run that belongs to the same story (an intro
  above a long list, a section after a table), from the run's row and its relation to the
  chosen one (:data:`SPAN_FEATURES`: how far, how short the lines between, how many words
  they share).

The chooser is a logistic model; the extender is gradient-boosted trees (a
:class:`~articlekit.scorer.TreeScorer`): how far a run may stand from the story depends on
how much vocabulary it shares and how dense it is, which one weight per column cannot say
(benchmarks/README.md, "Trees for the extender"). The core is the span from the first run
taken to the last. Both models ship in
``articlekit/models/article_region.json``, rebuilt exactly by
``python -m benchmarks.train fit --path regions --out src/articlekit/models/article_region.json``
from ``../shared/data/dev`` (``--exclude DATASET`` for leave-one-dataset-out), and are read
without the training library (a dot product and a logistic function; a walk down each tree),
so the same blocks always get the same core.

Example:
    >>> from articlekit.draft import Draft
    >>> p = "A sentence long enough to count as prose in this little example, truly."
    >>> article_core(Draft.from_texts(["Menu", p, "Sub head", p, "Teaser one", "Two"]).blocks)
    (1, 4)
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from articlekit._memo import document_memo, kept_for, memo_table, memoised
from articlekit.errors import BlockModelError
from articlekit.features import (
    GAP_COST,
    LIST_GAP_COST,
    LIST_MARKER,
    _default_stems,
    content_stems,
    is_story_prose,
    word_count,
)
from articlekit.scorer import Scorer, packaged_model, scorer_from_dict

__all__ = [
    "MAX_REGIONS",
    "PLAIN_TEXT_EXTENDER_THRESHOLD",
    "REGION_FEATURES",
    "SPAN_FEATURES",
    "RegionModel",
    "article_core",
    "prose_regions",
    "region_model",
    "region_rows",
    "scored_core",
    "span_rows",
]

#: How many prose runs :func:`article_core` weighs: the densest, then the densest of what is
#: left on either side of it, and so on. A story's long lists, tables and code split its prose
#: into many runs; the extender weighs each of them, where the densest six (the limit before)
#: left the rest out of the core. Chosen leave-one-dataset-out among 6 to no limit
#: (benchmarks/README.md, "More runs for the extender"); each run costs one row, so time
#: stays linear in the blocks.
MAX_REGIONS = 32

#: The extender's threshold on a whole page's plain text: a run scoring this or more is the
#: story's. Chosen leave-one-dataset-out on plain text among 0.1 to 0.6 (each held-out set's
#: four others chose 0.2; benchmarks/README.md, "The extender's threshold"): below one half,
#: as a run of the story left out costs more than another story's run taken in. An
#: extractor's output (HTML) keeps the model's own threshold: 0.2 cost it on every set. With
#: the extender's trees 0.1 was tried again and cost wcxb-dev and dragnet ("Trees for the
#: extender").
PLAIN_TEXT_EXTENDER_THRESHOLD = 0.2

#: The columns of a candidate region's row (:func:`region_rows`), in order.
REGION_FEATURES = (
    "score_vs_densest",
    "log_score",
    "densest",
    "rank",
    "title_near_start",
    "title_in_region",
    "has_title",
    "start",
    "share_of_prose",
    "log_prose_blocks",
    "code_share",
)

#: The columns of another region's row against the chosen one (:func:`span_rows`), in order.
SPAN_FEATURES = (
    *REGION_FEATURES,
    "log_gap",
    "after",
    "words_between",
    "shared_vocabulary",
    "score_vs_chosen",
    "chooser_score",
)

#: Characters that running prose rarely holds and program code is full of: a page's text can
#: hold its inline scripts, in lines long enough to read as prose.
_CODE = regex.compile(r"[{}\[\]();=<>|&$\\]")
#: Blocks before a region whose words count as its headline's.
_HEAD_BEFORE = 3
#: A title of fewer words says too little of a region's vocabulary.
_TITLE_MIN_WORDS = 3
#: Where the title is looked for in the blocks when none is given.
_TITLE_SEARCH = 5


@dataclass(frozen=True, slots=True)
class RegionModel:
    """The two models :func:`article_core` weighs regions with.

    Attributes:
        chooser: Scores :data:`REGION_FEATURES` rows: the best-scoring region is the story.
        extender: Scores :data:`SPAN_FEATURES` rows: another region scoring at least its
            threshold belongs to the same story.
    """

    chooser: Scorer
    extender: Scorer

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RegionModel:
        """Build the model from the JSON form ``benchmarks.train fit --path regions`` writes.

        Raises:
            BlockModelError: If ``data`` is not such a model, or its columns are not
                :data:`REGION_FEATURES` and :data:`SPAN_FEATURES`.
        """
        if not isinstance(data, Mapping) or data.get("kind") != "article_region":
            msg = "an article region model is a JSON object of kind 'article_region'"
            raise BlockModelError(msg)
        if "chooser" not in data or "extender" not in data:
            msg = "an article region model has a 'chooser' and an 'extender'"
            raise BlockModelError(msg)
        chooser = scorer_from_dict(data["chooser"])
        chooser.check_columns(REGION_FEATURES)
        extender = scorer_from_dict(data["extender"])
        extender.check_columns(SPAN_FEATURES)
        return cls(chooser, extender)


#: The model :func:`article_core` uses in place of the shipped one; None: the shipped one.
#: Benchmarks set it to weights fitted without the dataset they score (leave-one-dataset-out).
_REGION_MODEL: RegionModel | None = None


def region_model() -> RegionModel:
    """The model :func:`article_core` weighs regions with (read once from the package).

    Raises:
        BlockModelError: If the shipped ``models/article_region.json`` is not a model of
            these columns.

    Example:
        >>> region_model().chooser.features == REGION_FEATURES
        True
    """
    return _REGION_MODEL if _REGION_MODEL is not None else _shipped_region_model()


@functools.cache
def _shipped_region_model() -> RegionModel:
    return RegionModel.from_dict(
        packaged_model("models/article_region.json", "article region model")
    )


@memoised
def _list_line(text: str) -> bool:
    return LIST_MARKER.match(text) is not None


def _prose_flags(blocks: Sequence[Any], prose: Callable[[str], bool] | None) -> list[bool]:
    if prose is None:
        story = memo_table(is_story_prose)  # every block of every call: a lookup, not a call
        return [story[b.text] for b in blocks]
    return [prose(b.text) for b in blocks]


def _gains(
    blocks: Sequence[Any], flags: Sequence[bool], exclude: Callable[[Any], bool] | None
) -> list[int]:
    count = memo_table(word_count)  # every block: a lookup, not a call
    listed = memo_table(_list_line)
    gains = [
        count[b.text] if flag else -LIST_GAP_COST if listed[b.text] else -GAP_COST
        for b, flag in zip(blocks, flags, strict=True)
    ]
    if exclude is not None:
        gains = [-GAP_COST if exclude(b) else g for b, g in zip(blocks, gains, strict=True)]
    return gains


def _densest(gains: Sequence[int], lo: int, hi: int) -> tuple[int, int, int]:
    """The maximum-sum run of ``gains[lo:hi]``: ``(start, end, sum)``; sum 0 when none."""
    best = (lo, lo, 0)
    start = lo
    score = 0
    for pos in range(lo, hi):
        if score <= 0:
            start, score = pos, 0
        score += gains[pos]
        if score > best[2]:
            best = (start, pos + 1, score)
    return best


def prose_regions(
    blocks: Sequence[Any],
    *,
    prose: Callable[[str], bool] | None = None,
    exclude: Callable[[Any], bool] | None = None,
) -> list[tuple[int, int, int]]:
    """Return the candidate regions: the densest runs of prose, densest first.

    A prose block scores its word count, a line that starts with a list marker costs
    :data:`~articlekit.features.LIST_GAP_COST` and any other block
    :data:`~articlekit.features.GAP_COST`; the first region is the maximum-sum run, each next
    one the maximum-sum run of what lies outside those found so far, up to
    :data:`MAX_REGIONS`. Time linear in the blocks.

    Args:
        blocks: Objects with a ``text`` attribute (draft blocks).
        prose: The test of a prose block; by default :func:`~articlekit.features.is_prose`
            without the flattened menus and indexes of
            :func:`~articlekit.features.is_flattened_list`.
        exclude: Blocks for which this is true do not count as prose whatever their text
            (in HTML: blocks the markup marks as comments).

    Returns:
        ``(start, end, score)`` per region, half-open ranges, highest score first.

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "A sentence long enough to count as prose in this little example, truly."
        >>> prose_regions(Draft.from_texts([p, "Menu", "Home", "About", p, p]).blocks)
        [(4, 6, 26), (0, 1, 13)]
    """
    return _regions(_gains(blocks, _prose_flags(blocks, prose), exclude))


def _regions(gains: Sequence[int]) -> list[tuple[int, int, int]]:
    found: list[tuple[int, int, int]] = []
    # Each gap between the regions found holds its own densest run: only the two new gaps a
    # region makes are searched again.
    gaps = {(0, len(gains)): _densest(gains, 0, len(gains))}
    while gaps and len(found) < MAX_REGIONS:
        span, best = max(gaps.items(), key=lambda item: (item[1][2], -item[0][0]))
        if best[2] <= 0:
            break
        found.append(best)
        del gaps[span]
        for lo, hi in ((span[0], best[0]), (best[1], span[1])):
            if hi > lo:
                gaps[(lo, hi)] = _densest(gains, lo, hi)
    return found


@memoised
def _code_marks(text: str) -> int:
    """How many of program code's punctuation marks ``text`` holds (every caller asks again)."""
    return len(_CODE.findall(text))


def _title_stems(blocks: Sequence[Any], title: str | None) -> frozenset[str]:
    if title and word_count(title) >= _TITLE_MIN_WORDS:
        return content_stems(title)
    for block in blocks[:_TITLE_SEARCH]:
        if word_count(block.text) >= _TITLE_MIN_WORDS:
            return content_stems(block.text)
    return frozenset()


#: The document memo's key of the regions' vocabularies (see :func:`_stems`).
_VOCABULARY = object()


def _stems(blocks: Sequence[Any]) -> frozenset[str]:
    """The content stems of ``blocks``, kept for the document by their texts.

    The cleaners that read the core ask for the same regions' vocabularies one after another.
    """
    texts = tuple(b.text for b in blocks)
    memo = document_memo()
    key = (_VOCABULARY, texts)
    if memo is not None and key in memo:
        found: frozenset[str] = memo[key]
        return found
    stems = memo_table(_default_stems)  # content_stems' own results, without a call each
    found = frozenset().union(*(stems[t] for t in texts))
    if memo is not None:
        memo[key] = found
    return found


def region_rows(
    blocks: Sequence[Any],
    regions: Sequence[tuple[int, int, int]],
    title: str | None = None,
    *,
    prose: Callable[[str], bool] | None = None,
) -> list[list[float]]:
    """The row of each candidate region, in the order of :data:`REGION_FEATURES`.

    Args:
        blocks: The blocks the regions were found in.
        regions: :func:`prose_regions`' result.
        title: The article's title, if known; else the first block of three words or more
            among the first five (a page's text starts with its ``<title>``).
        prose: The test of a prose block the regions were found with.

    Returns:
        One list of floats per region.
    """
    return _rows_and_vocabularies(blocks, regions, title, _prose_flags(blocks, prose))[0]


def _rows_and_vocabularies(
    blocks: Sequence[Any],
    regions: Sequence[tuple[int, int, int]],
    title: str | None,
    flags: Sequence[bool],
) -> tuple[list[list[float]], list[frozenset[str]]]:
    """:func:`region_rows`, and each region's content stems (:func:`span_rows` needs them)."""
    title_stems = _title_stems(blocks, title)
    known = len(title_stems) or 1
    count = memo_table(word_count)
    total = sum(count[b.text] for b, flag in zip(blocks, flags, strict=True) if flag) or 1
    densest = regions[0][2] if regions else 1
    rows = []
    vocabularies = []
    for rank, (start, end, score) in enumerate(regions):
        head = _stems(blocks[max(0, start - _HEAD_BEFORE) : start + 2])
        inside = _stems(blocks[start:end])
        vocabularies.append(inside)
        chars = sum(len(b.text) - b.text.count(" ") for b in blocks[start:end]) or 1
        code = sum(_code_marks(b.text) for b in blocks[start:end])
        rows.append(
            [
                score / densest,
                math.log1p(score),
                float(rank == 0),
                float(rank),
                len(title_stems & head) / known,
                len(title_stems & inside) / known,
                float(bool(title_stems)),
                start / max(1, len(blocks)),
                score / total,
                math.log1p(sum(flags[start:end])),
                code / chars,
            ]
        )
    return rows, vocabularies


def span_rows(
    blocks: Sequence[Any],
    regions: Sequence[tuple[int, int, int]],
    rows: Sequence[Sequence[float]],
    scores: Sequence[float],
    chosen: int,
    vocabularies: Sequence[frozenset[str]] | None = None,
) -> list[list[float]]:
    """The row of every region but the chosen one, against it (:data:`SPAN_FEATURES`).

    Args:
        blocks: The blocks the regions were found in.
        regions: :func:`prose_regions`' result.
        rows: Their :func:`region_rows`.
        scores: The chooser's score of each.
        chosen: The position of the chosen region in ``regions``.
        vocabularies: Each region's content stems, when already known.

    Returns:
        One list of floats per region other than ``chosen``, in their order.
    """
    if vocabularies is None:
        vocabularies = [_stems(blocks[lo:hi]) for lo, hi, _ in regions]
    start, end, score = regions[chosen]
    vocabulary = vocabularies[chosen]
    count = memo_table(word_count)  # every block: a lookup, not a call
    # Words up to each position: the words between two runs in one subtraction, as up to
    # MAX_REGIONS runs each ask for the blocks between them and the chosen one.
    words = list(itertools.accumulate((count[b.text] for b in blocks), initial=0))
    out = []
    for k, (lo, hi, other) in enumerate(regions):
        if k == chosen:
            continue
        after = lo >= end
        first, last = (end, lo) if after else (hi, start)
        between = last - first
        own = vocabularies[k]
        out.append(
            [
                *rows[k],
                math.log1p(between),
                float(after),
                (words[last] - words[first]) / max(1, between),
                len(own & vocabulary) / (len(own) or 1),
                other / max(1, score),
                scores[k],
            ]
        )
    return out


def article_core(
    blocks: Sequence[Any],
    *,
    prose: Callable[[str], bool] | None = None,
    exclude: Callable[[Any], bool] | None = None,
    title: str | None = None,
    plain_text: bool = False,
) -> tuple[int, int]:
    """Return ``(start, end)`` of the article's core: the runs of prose the story is.

    The candidates are :func:`prose_regions`; when there are several, the chooser of
    :func:`region_model` picks the story's, and the extender takes in the others that belong
    to it. The core spans them all.

    Args:
        blocks: Objects with a ``text`` attribute (draft blocks).
        prose: The test of a prose block; by default :func:`~articlekit.features.is_prose`
            without the flattened menus and indexes of
            :func:`~articlekit.features.is_flattened_list`.
        exclude: Blocks for which this is true do not count as prose whatever their text
            (in HTML: blocks the markup marks as comments).
        title: The article's title, if known (see :func:`region_rows`).
        plain_text: Whether ``blocks`` are a whole page's plain text, not an extractor's
            output: the extender then takes in a run from
            :data:`PLAIN_TEXT_EXTENDER_THRESHOLD` on, else from its own threshold.

    Returns:
        The half-open range of positions; ``(0, 0)`` when there is no prose at all.

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "A sentence long enough to count as prose in this little example, truly."
        >>> article_core(Draft.from_texts(["Home", "News", p, p, "Share", "Tweet"]).blocks)
        (2, 4)
    """
    start, end, _ = _weighed_core(blocks, prose, exclude, title, plain_text)
    return start, end


def scored_core(
    blocks: Sequence[Any],
    *,
    prose: Callable[[str], bool] | None = None,
    exclude: Callable[[Any], bool] | None = None,
    title: str | None = None,
    plain_text: bool = False,
) -> tuple[int, int, dict[int, float]]:
    """:func:`article_core`, with the fitted probability that each weighed block is the story's.

    :func:`article_core` weighs the candidate runs of prose: the chosen one's blocks get the
    chooser's score, every other run's blocks the extender's (the probability that the run
    belongs to the same story; below the extender's threshold it is left out of the core).
    Blocks in no candidate run were never weighed by a model and have no score; neither has
    any block when the text holds a single run (there was nothing to choose between). This
    is the score an ``outside_core`` removal carries.

    Args:
        blocks: As for :func:`article_core`.
        prose: As for :func:`article_core`.
        exclude: As for :func:`article_core`.
        title: As for :func:`article_core`.
        plain_text: As for :func:`article_core`.

    Returns:
        ``(start, end, scores)``: the core as :func:`article_core` returns it, and
        ``{position: score}`` for the blocks the models weighed.

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "A sentence long enough to count as prose in this little example, truly."
        >>> q = "Sign up to our newsletter for the best deals on garden furniture, every week."
        >>> texts = [p, p, p, "Share", "Tweet", "Email", "More", q]
        >>> start, end, scores = scored_core(Draft.from_texts(texts).blocks)
        >>> (start, end), sorted(scores), scores[7] < 0.5 < scores[0]
        ((0, 3), [0, 1, 2, 7], True)
    """
    start, end, weighed = _weighed_core(blocks, prose, exclude, title, plain_text)
    return start, end, {pos: score for lo, hi, score in weighed for pos in range(lo, hi)}


#: The document memo's tag of the last core drawn with the default tests (see
#: :func:`_weighed_core`).
_CORE = object()


def _weighed_core(
    blocks: Sequence[Any],
    prose: Callable[[str], bool] | None,
    exclude: Callable[[Any], bool] | None,
    title: str | None,
    plain_text: bool,
    *,
    kept: bool = True,
) -> tuple[int, int, tuple[tuple[int, int, float], ...]]:
    """The core's ``(start, end)`` and each weighed region's ``(start, end, score)``.

    Several cleaners in turn ask for the core of the same draft blocks (the footer, the core,
    the teaser lists, the calls to action...): with the default tests it is drawn once per
    blocks, title and kind of text, and kept for the document (``kept=False`` draws it).
    """
    if kept and prose is None and exclude is None:
        return kept_for(
            (_CORE, title, plain_text),
            blocks,
            lambda: _weighed_core(blocks, None, None, title, plain_text, kept=False),
        )
    flags = _prose_flags(blocks, prose)
    regions = _regions(_gains(blocks, flags, exclude))
    if not regions:
        return 0, 0, ()
    if len(regions) == 1:
        return regions[0][0], regions[0][1], ()
    model = region_model()
    rows, vocabularies = _rows_and_vocabularies(blocks, regions, title, flags)
    scores = model.chooser.scores(rows)
    # The first of the best: a tie goes to the denser run.
    chosen = max(range(len(regions)), key=lambda k: (scores[k], -k))
    start, end, _ = regions[chosen]
    weighed = [(start, end, scores[chosen])]
    others = [r for k, r in enumerate(regions) if k != chosen]
    extended = model.extender.scores(span_rows(blocks, regions, rows, scores, chosen, vocabularies))
    threshold = PLAIN_TEXT_EXTENDER_THRESHOLD if plain_text else model.extender.threshold
    for (lo, hi, _), score in zip(others, extended, strict=True):
        weighed.append((lo, hi, score))
        if score >= threshold:
            start, end = min(start, lo), max(end, hi)
    return start, end, tuple(weighed)
