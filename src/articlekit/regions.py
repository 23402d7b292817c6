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

On a whole page's plain text (:func:`scored_core` with ``plain_text=True``) a third model,
the **ender**, then reads each place inside that core where a run of prose stops
(:func:`end_rows`, :data:`END_FEATURES`: what stands before the place against what follows
it) and cuts the core at the first place where the story is over: the densest run often goes
on through a comment thread or teaser cards, which are prose too, so no run of the chooser
starts where the story ends (benchmarks/README.md, "The ender on main").

The chooser is a logistic model; the extender and the ender are gradient-boosted trees (a
:class:`~articlekit.scorer.TreeScorer`): how far a run may stand from the story depends on
how much vocabulary it shares and how dense it is, which one weight per column cannot say
(benchmarks/README.md, "Trees for the extender"). The core is the span from the first run
taken to the last. The models ship in
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
    ends_sentence,
    is_story_prose,
    word_count,
)
from articlekit.scorer import Scorer, packaged_model, scorer_from_dict

__all__ = [
    "END_FEATURES",
    "MAX_REGIONS",
    "PLAIN_TEXT_EXTENDER_THRESHOLD",
    "REGION_FEATURES",
    "SPAN_FEATURES",
    "RegionModel",
    "article_core",
    "end_rows",
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
#: extender"). With the ender (which cuts the tail a lower threshold lets in) 0.15 gave recall on
#: four sets and F1 on four (benchmarks/README.md, "The ender on main").
PLAIN_TEXT_EXTENDER_THRESHOLD = 0.15

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

#: The columns of a place inside a whole page's core where the story may end (:func:`end_rows`),
#: against what stands before it in the core and after it: how much prose each side holds and
#: how long its paragraphs are, how many of its short lines repeat on the page or hold digits
#: (a comment thread's names and dates, a list's counts), how much of the vocabulary after is
#: the story's, the gap's own words, addresses and handles, prose
#: lines that end no sentence (cut summaries), list lines, the next run and its region score.
END_FEATURES = (
    "share_before",
    "log_words_before",
    "log_words_after",
    "blocks_after_share",
    "log_mean_prose_before",
    "log_mean_prose_after",
    "nonprose_share_before",
    "nonprose_share_after",
    "short_repeat_after",
    "short_repeat_before",
    "digit_short_after",
    "digit_short_before",
    "vocabulary_after_in_before",
    "title_after",
    "log_gap_words",
    "log_gap_blocks",
    "gap_colon",
    "gap_upper",
    "address_after",
    "open_prose_after",
    "open_prose_before",
    "list_after",
    "list_before",
    "log_next_run_words",
    "next_run_score",
    "in_chosen",
    "next_run_vocabulary",
    "next_run_title",
    "gap_sentence",
    "gap_repeat",
    "gap_digit",
    "window_nonprose",
    "window_repeat",
    "window_vocabulary",
    "window_seen_before",
    "window_code",
)

#: Characters that running prose rarely holds and program code is full of: a page's text can
#: hold its inline scripts, in lines long enough to read as prose.
_CODE = "{}[]();=<>|&$\\"
#: Drops those characters: what a text loses is its count of them (one pass, no pattern).
_NOT_CODE = str.maketrans("", "", _CODE)
#: Blocks before a region whose words count as its headline's.
_HEAD_BEFORE = 3
#: A title of fewer words says too little of a region's vocabulary.
_TITLE_MIN_WORDS = 3
#: Where the title is looked for in the blocks when none is given.
_TITLE_SEARCH = 5


@dataclass(frozen=True, slots=True)
class RegionModel:
    """The models :func:`article_core` weighs regions with.

    Attributes:
        chooser: Scores :data:`REGION_FEATURES` rows: the best-scoring region is the story.
        extender: Scores :data:`SPAN_FEATURES` rows: another region scoring at least its
            threshold belongs to the same story.
        ender: Scores :data:`END_FEATURES` rows (whole-page text only): the core ends at the
            first place inside it scoring at least its threshold. None (models written
            before it, which had no ender): the core is not cut.
    """

    chooser: Scorer
    extender: Scorer
    ender: Scorer | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RegionModel:
        """Build the model from the JSON form ``benchmarks.train fit --path regions`` writes.

        Raises:
            BlockModelError: If ``data`` is not such a model, or its columns are not
                :data:`REGION_FEATURES`, :data:`SPAN_FEATURES` and :data:`END_FEATURES`.
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
        if data.get("ender") is None:
            return cls(chooser, extender)
        ender = scorer_from_dict(data["ender"])
        ender.check_columns(END_FEATURES)
        return cls(chooser, extender, ender)


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
    return len(text) - len(text.translate(_NOT_CODE))


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


#: A web address or a handle: commenters sign with them.
_ADDRESS = regex.compile(r"https?://|www\.|@\w")
_DIGIT = regex.compile(r"\d")
#: A line of at most this many words is a short line (a name, a date, a count, "Reply").
_SHORT_WORDS = 4
#: An address counts in a line of at most this many words (a signature, not a sentence).
_ADDRESS_MAX_WORDS = 8
#: The blocks right after a place that its window columns read: what the whole rest says can
#: be a long tail of furniture far from the place.
_END_WINDOW = 10


_NO_STEMS: frozenset[str] = frozenset()


@memoised
def _line_key(text: str) -> str:
    """A line as it repeats on a page: white space and case aside."""
    return " ".join(text.split()).casefold()


@memoised
def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


@memoised
def _has_address(text: str) -> bool:
    return _ADDRESS.search(text) is not None


def end_rows(
    blocks: Sequence[Any],
    start: int,
    end: int,
    *,
    flags: Sequence[bool] | None = None,
    weighed: Sequence[tuple[int, int, float]] = (),
    title: str | None = None,
) -> list[tuple[int, list[float]]]:
    """The places inside the core ``[start, end)`` where the story may end, with their rows.

    A place is the first block of a gap: a block that is not prose right after one that is.
    Its row (:data:`END_FEATURES`) sets what stands before it in the core against what
    stands after it, and reads the gap and the blocks right after it. Time linear in the
    blocks: every sum is a difference of running sums, the vocabulary before and after is
    kept up to date block by block, and each place reads the gap and the run after it and
    :data:`_END_WINDOW` blocks.

    Args:
        blocks: Objects with a ``text`` attribute (draft blocks).
        start: The core's first block.
        end: The core's end (exclusive).
        flags: Whether each block is prose (default: the test :func:`prose_regions` uses).
        weighed: The weighed regions, the chosen one first (as :func:`scored_core` weighs them).
        title: The article's title, if known (see :func:`region_rows`).

    Returns:
        ``(position, row)`` per place, in order.

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "A sentence long enough to count as prose in this little example, truly."
        >>> [pos for pos, _ in end_rows(Draft.from_texts([p, p, "Ann", p, "Bob", p]).blocks, 0, 6)]
        [2, 4]
    """
    if flags is None:
        flags = _prose_flags(blocks, None)
    core = [b.text for b in blocks[start:end]]
    count = memo_table(word_count)
    line_key = memo_table(_line_key)
    keys = [line_key[t] for t in core]
    repeats: dict[str, int] = {}
    for key in keys:
        repeats[key] = repeats.get(key, 0) + 1
    span = range(start, end)
    words = [count[t] for t in core]
    prose = [flags[k] for k in span]
    short = [n <= _SHORT_WORDS for n in words]
    digit = memo_table(_has_digit)
    address = memo_table(_has_address)
    listed = memo_table(_list_line)
    code = memo_table(_code_marks)
    repeated = [s and repeats[k] >= 2 for k, s in zip(keys, short, strict=True)]
    # Digits and addresses are read in lines of a signature's length only: a long line's
    # say nothing of a thread's or a list's furniture.
    signed = [n <= _ADDRESS_MAX_WORDS for n in words]
    # One running sum per column: a sum over any stretch of the core is a subtraction.
    acc = functools.partial(itertools.accumulate, initial=0)
    s_prose_words = list(acc(n if f else 0 for n, f in zip(words, prose, strict=True)))
    s_prose = list(acc(prose))
    s_short = list(acc(short))
    s_repeated = list(acc(repeated))
    s_digit_short = list(acc(s and digit[t] for s, t in zip(short, core, strict=True)))
    s_digit = list(acc(s and digit[t] for s, t in zip(signed, core, strict=True)))
    s_words = list(acc(words))
    s_address = list(acc(s and address[t] for s, t in zip(signed, core, strict=True)))
    s_open = list(acc(f and not ends_sentence(t) for f, t in zip(prose, core, strict=True)))
    s_listed = list(acc(listed[t] for t in core))
    s_code = list(acc(code[t] for t in core))
    s_chars = list(acc(len(t) for t in core))
    title_stems = _title_stems(blocks, title)
    chosen = weighed[0][:2] if weighed else (start, end)
    score_at: dict[int, float] = {}
    for lo, hi, score in weighed:
        for k in range(lo, hi):
            score_at.setdefault(k, score)
    # The vocabulary is the prose's: a short line says little of a story's subject.
    stems = memo_table(_default_stems)
    vocabulary = [stems[t] if f else _NO_STEMS for t, f in zip(core, prose, strict=True)]
    after: dict[str, int] = {}
    for found in vocabulary:
        for stem in found:
            after[stem] = after.get(stem, 0) + 1
    lines_before: set[str] = set()
    before: set[str] = set()
    shared = 0  # stems both before and after
    title_after = sum(1 for stem in title_stems if stem in after)
    rows: list[tuple[int, list[float]]] = []
    size = end - start
    size_prose_words = s_prose_words[size]
    for cut in range(size):
        if cut and not prose[cut] and prose[cut - 1]:
            gap = cut
            while gap < size and not prose[gap]:
                gap += 1
            run = gap
            while run < size and prose[run]:
                run += 1
            window = min(size, cut + _END_WINDOW)
            following = frozenset().union(*vocabulary[gap:run])
            seen = frozenset().union(*vocabulary[cut:window])
            pw_b = s_prose_words[cut]
            pw_a = size_prose_words - pw_b
            pr_b = s_prose[cut]
            pr_a = s_prose[size] - pr_b
            sh_b = s_short[cut]
            sh_a = s_short[size] - sh_b
            rp_b = s_repeated[cut]
            op_b = s_open[cut]
            li_b = s_listed[cut]
            ds_b = s_digit_short[cut]
            blocks_before, blocks_after = cut, size - cut
            width = window - cut
            rows.append(
                (
                    start + cut,
                    [
                        pw_b / max(1, size_prose_words),
                        math.log1p(pw_b),
                        math.log1p(pw_a),
                        blocks_after / size,
                        math.log1p(pw_b / max(1, pr_b)),
                        math.log1p(pw_a / max(1, pr_a)),
                        (blocks_before - pr_b) / max(1, blocks_before),
                        (blocks_after - pr_a) / max(1, blocks_after),
                        (s_repeated[size] - rp_b) / max(1, sh_a),
                        rp_b / max(1, sh_b),
                        (s_digit_short[size] - ds_b) / max(1, sh_a),
                        ds_b / max(1, sh_b),
                        shared / max(1, len(after)),
                        title_after / max(1, len(title_stems)),
                        math.log1p(s_words[gap] - s_words[cut]),
                        math.log1p(gap - cut),
                        float(core[cut].rstrip().endswith(":")),
                        float(core[cut].isupper()),
                        (s_address[size] - s_address[cut]) / max(1, blocks_after),
                        (s_open[size] - op_b) / max(1, pr_a),
                        op_b / max(1, pr_b),
                        (s_listed[size] - li_b) / max(1, blocks_after),
                        li_b / max(1, blocks_before),
                        math.log1p(s_prose_words[run] - s_prose_words[gap]),
                        score_at.get(start + gap, 1.0),
                        float(chosen[0] <= start + cut < chosen[1]),
                        len(following & before) / max(1, len(following)),
                        len(following & title_stems) / max(1, len(title_stems)),
                        float(ends_sentence(core[cut])),
                        (s_repeated[gap] - rp_b) / (gap - cut),
                        (s_digit[gap] - s_digit[cut]) / (gap - cut),
                        1 - (s_prose[window] - pr_b) / width,
                        (s_repeated[window] - rp_b) / width,
                        len(seen & before) / max(1, len(seen)),
                        sum(1 for k in range(cut, window) if keys[k] in lines_before) / width,
                        (s_code[window] - s_code[cut]) / max(1, s_chars[window] - s_chars[cut]),
                    ],
                )
            )
        lines_before.add(keys[cut])
        # The block moves from after the place to before it.
        for stem in vocabulary[cut]:
            left = after[stem] - 1
            if left:
                after[stem] = left
            else:
                del after[stem]
                if stem in before:
                    shared -= 1
                if stem in title_stems:
                    title_after -= 1
            if stem not in before:
                before.add(stem)
                if left:
                    shared += 1
    return rows


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
    start, end, weighed = _ended_core(blocks, prose, exclude, title, plain_text)
    return start, end, {pos: score for lo, hi, score in weighed for pos in range(lo, hi)}


#: The document memo's tag of the last core drawn with the default tests (see
#: :func:`_weighed_core`), and of the last one the ender cut (see :func:`_ended_core`).
_CORE = object()
_ENDED = object()


def _ended_core(
    blocks: Sequence[Any],
    prose: Callable[[str], bool] | None,
    exclude: Callable[[Any], bool] | None,
    title: str | None,
    plain_text: bool,
) -> tuple[int, int, tuple[tuple[int, int, float], ...]]:
    """:func:`_weighed_core`, cut by the ender on a whole page's plain text (kept as it is)."""
    if not plain_text:
        return _weighed_core(blocks, prose, exclude, title, plain_text)

    def cut() -> tuple[int, int, tuple[tuple[int, int, float], ...]]:
        start, end, weighed = _weighed_core(blocks, prose, exclude, title, plain_text)
        flags = _prose_flags(blocks, prose)
        return _ended(blocks, flags, start, end, weighed, title, region_model())

    if prose is None and exclude is None:
        return kept_for((_ENDED, title), blocks, cut)
    return cut()


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


def _ended(
    blocks: Sequence[Any],
    flags: Sequence[bool],
    start: int,
    end: int,
    weighed: Sequence[tuple[int, int, float]],
    title: str | None,
    model: RegionModel,
) -> tuple[int, int, tuple[tuple[int, int, float], ...]]:
    """The core cut at the first place where the model's ender says the story is over.

    The blocks cut off are weighed with the ender's probability that the story goes on. The
    core stays whole when the model has no ender or no place scores its threshold.
    """
    ender = model.ender
    if ender is None or start >= end:
        return start, end, tuple(weighed)
    places = end_rows(blocks, start, end, flags=flags, weighed=weighed, title=title)
    scores = ender.scores([row for _, row in places])
    for (pos, _), score in zip(places, scores, strict=True):
        if score >= ender.threshold:
            return start, pos, (*weighed, (pos, end, 1.0 - score))
    return start, end, tuple(weighed)
