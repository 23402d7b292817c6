"""The page model: one row of numbers per block of a page or line of a text, for the scorer.

Every block gets the same features, computed once. :func:`text_rows` reads them from the
texts alone (a plain text's lines): the text's shape (words, sentences, case, digits, list
marker, stop words), the phrase lists it starts with, its place in the page and in the
article's core (:func:`articlekit.regions.article_core`), and a few values of its neighbours.
:func:`html_rows` adds, for the blocks of a page (:func:`articlekit.readers.page.page_blocks`),
what the markup says: link density, tag, depth, the structural words of its own and its
ancestors' ``class``/``id``, the HTML5 sections around it, whether trafilatura kept it and its
neighbours. The scorer
(:mod:`articlekit.scorer`) weighs them with weights fitted on labelled pages: no weight here
is hand-set.

Example:
    >>> from lxml import html
    >>> from articlekit.readers.page import page_blocks
    >>> tree = html.fromstring("<body><nav><a href='/'>Home</a></nav><article><p>The council"
    ...     " met on Monday and approved the plan after a long debate, officials said.</p>"
    ...     "</article></body>")
    >>> elements = []
    >>> page = page_blocks(tree, elements)
    >>> rows = html_rows(page, elements, kept=[0.0, 1.0])
    >>> len(rows), len(rows[0]) == len(HTML_FEATURES)
    (2, True)
    >>> dict(zip(HTML_FEATURES, rows[1]))["in_article"], dict(zip(HTML_FEATURES, rows[0]))["in_nav"]
    (1.0, 1.0)
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from articlekit import lexicon
from articlekit.draft import DraftBlock
from articlekit.features import LIST_MARKER, ends_sentence, is_prose, word_count, words
from articlekit.regions import article_core
from articlekit.scorer import Scorer, packaged_model, scorer_from_dict

__all__ = [
    "BLOCK_MODEL_UNREAD",
    "HTML_FEATURES",
    "TEXT_FEATURES",
    "block_model",
    "html_rows",
    "text_rows",
]

#: Tags a block is read in, by the group the scorer sees (anything else is "other").
_TAG_GROUPS = {
    "p": "p",
    "h1": "h1",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "li",
    "dd": "li",
    "dt": "li",
    "td": "cell",
    "th": "cell",
    "tr": "cell",
    "div": "div",
    "section": "div",
    "article": "div",
    "blockquote": "quote",
    "figcaption": "caption",
    "figure": "caption",
    "pre": "pre",
}
_TAGS = ("p", "h1", "heading", "li", "cell", "div", "quote", "caption", "pre", "other")

#: HTML5 sections around a block, and what they say of it.
_SECTIONS = ("article", "main", "aside", "nav", "footer", "header", "form")

#: Structural words of class and id values, by what they mark. Words, not sites: each group
#: is a kind of page part that templates of every CMS name in English.
_CLASS_GROUPS = {
    "content": r"article|content|story|post|entry|body|text|main|blog|news",
    "comment": r"comment|reply|replies|discussion|disqus",
    "navigation": r"nav|menu|breadcrumb|footer|header|masthead|toolbar",
    "sidebar": r"sidebar|widget|aside|rail",
    "related": r"related|recommend|more|popular|trending|teaser|read-?next|also",
    "share": r"share|social|follow|facebook|twitter|whatsapp",
    "promo": r"promo|newsletter|subscri|signup|sponsor|advert|ads?\b|banner|cta",
    "meta": r"author|byline|bio|date|time|meta|tags?\b|categor|dateline",
    "caption": r"caption|credit|figure|photo|image|gallery|media",
    "notice": r"cookie|consent|gdpr|popup|modal|disclaimer|disclosure|paywall",
}
_CLASS_PATTERNS = {
    name: re.compile(rf"(?:^|[^a-z])(?:{pattern})", re.IGNORECASE)
    for name, pattern in _CLASS_GROUPS.items()
}

#: Blocks either side whose values a block's row carries (its context).
_NEAR = 3

#: Phrase lists of page furniture whose phrases a block may start with (all languages).
_LABEL_LISTS = (
    "ad_label",
    "related_link",
    "call_to_action",
    "share_word",
    "comment_heading",
    "cookie_notice",
    "byline",
    "date_word",
)


#: The columns every block gets, from the texts alone (both paths).
TEXT_FEATURES = (
    "log_words",
    "log_chars",
    "prose",
    "ends_sentence",
    "log_sentences",
    "capitalised_share",
    "digit_share",
    "comma_rate",
    "stopword_share",
    "list_marker",
    "ends_colon",
    "all_caps",
    "repeats",
    "position",
    "words_vs_page_max",
    "in_core",
    "log_distance_to_core",
    "prose_words_near",
    "prev_prose",
    "next_prose",
    "prev_log_words",
    "next_log_words",
    "log_short_run",
    *(f"starts_{key}" for key in _LABEL_LISTS),
)


#: The columns of a row of :func:`html_rows`, in order: :data:`TEXT_FEATURES`, then the markup's.
HTML_FEATURES = (
    *TEXT_FEATURES,
    "link_density",
    "prev_link_density",
    "next_link_density",
    "depth",
    "depth_vs_kept",
    "kept",
    "kept_near",
    "inside_kept_span",
    "log_distance_to_kept",
    "prev_kept",
    "next_kept",
    "same_box_kept",
    "log_box_blocks",
    "box_link_density",
    "box_prose_share",
    *(f"tag_{t}" for t in _TAGS),
    *(f"in_{s}" for s in _SECTIONS),
    *(f"class_own_{g}" for g in _CLASS_GROUPS),
    *(f"class_up_{g}" for g in _CLASS_GROUPS),
)


@dataclass(frozen=True, slots=True)
class _Place:
    """What the markup says of an element: its depth and what surrounds it."""

    depth: int
    sections: frozenset[str]
    own: frozenset[str]  # class groups of the element's own class and id
    up: frozenset[str]  # class groups of its ancestors' (the element's own included)


def _class_groups(element: etree._Element) -> frozenset[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if len(names) < 2:
        return frozenset()
    return _groups_named(names)


@functools.lru_cache(maxsize=4096)
def _groups_named(names: str) -> frozenset[str]:
    """The class groups a class-and-id value names (a page repeats a few values many times)."""
    return frozenset(g for g, pattern in _CLASS_PATTERNS.items() if pattern.search(names))


def _place(element: etree._Element, known: dict[etree._Element, _Place]) -> _Place:
    """The element's place, from its parent's (each element of the page is read once)."""
    chain: list[etree._Element] = []
    node: etree._Element | None = element
    while node is not None and node not in known:
        chain.append(node)
        node = node.getparent()
    above = known[node] if node is not None else _Place(0, frozenset(), frozenset(), frozenset())
    for el in reversed(chain):  # from the highest unknown ancestor down to the element
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        own = _class_groups(el)
        sections = above.sections | {tag} if tag in _SECTIONS else above.sections
        above = known[el] = _Place(above.depth + 1, sections, own, above.up | own)
    return above


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def _distances(marked: Sequence[bool]) -> list[float]:
    """How many blocks away the nearest marked block is (the block count when none is)."""
    n = len(marked)
    distance = [float(n)] * n
    for order in (range(n), range(n - 1, -1, -1)):
        last = None
        for i in order:
            if marked[i]:
                last = i
            if last is not None:
                distance[i] = min(distance[i], float(abs(i - last)))
    return distance


def _short_runs(prose: Sequence[bool]) -> list[int]:
    """The length of the run of consecutive non-prose blocks each block is in (0 for prose)."""
    runs = [0] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        runs[i:j] = [j - i] * (j - i)
        i = j
    return runs


@dataclass(frozen=True, slots=True)
class _Text:
    """A text as :func:`~articlekit.regions.article_core` reads blocks."""

    text: str


def text_rows(
    texts: Sequence[str], only: Sequence[int] | None = None, *, core: bool = True
) -> list[list[float]]:
    """The feature row of every block, from the texts alone, in the order of :data:`TEXT_FEATURES`.

    Args:
        texts: The blocks' texts, in order (a plain text's lines, or a page's blocks).
        only: The positions to give rows for, in this order (default: every block). Each
            row is the one the whole table gives that block: what the page as a whole
            decides (the core, the longest block, runs, repeats) is still read of every
            block, but the per-block columns are computed for these alone.
        core: Whether to draw the article core (:func:`~articlekit.regions.article_core`)
            for the ``in_core`` and ``log_distance_to_core`` columns; False leaves them 0.0
            (the page-block model reads no core: see :data:`BLOCK_MODEL_UNREAD`).

    Returns:
        One list of floats per block (per position of ``only``).

    Example:
        >>> rows = text_rows(["Home", "News", "The council met on Monday and approved the plan "
        ...                   "after a long debate that lasted well into the night.", "• Share"])
        >>> [dict(zip(TEXT_FEATURES, r))["in_core"] for r in rows]
        [0.0, 0.0, 1.0, 0.0]
        >>> share, home = dict(zip(TEXT_FEATURES, rows[3])), dict(zip(TEXT_FEATURES, rows[0]))
        >>> share["list_marker"], home["log_short_run"] > 0
        (1.0, True)
    """
    n = len(texts)
    if n == 0:
        return []
    # Words as every cleaner counts them (Chinese and Japanese by characters), memoised.
    counts = [word_count(t) for t in texts]
    prose = [is_prose(t) for t in texts]
    repeats = Counter(texts)
    most_words = max(counts) or 1
    if core:
        core_start, core_end = article_core([_Text(t) for t in texts])
        to_core = _distances([core_start <= i < core_end for i in range(n)])
    else:
        core_start = core_end = 0
        to_core = [0.0] * n
    running = [0]
    for i in range(n):
        running.append(running[-1] + (counts[i] if prose[i] else 0))
    runs = _short_runs(prose)
    lex = lexicon.for_language(None)
    stopwords = lex.words("stopwords")
    label_leads = [(key, lex.lead_words(key)) for key in _LABEL_LISTS]
    rows: list[list[float]] = []
    for i in range(n) if only is None else only:
        text = texts[i]
        own = words(text)
        lo, hi = max(0, i - _NEAR), min(n, i + _NEAR + 1)
        letters = list(filter(str.isalpha, text))
        row = [
            math.log1p(counts[i]),
            math.log1p(len(text)),
            float(prose[i]),
            float(ends_sentence(text)),
            math.log1p(text.count(". ") + 1),
            _share(sum(1 for w in own if w[:1].isupper()), len(own)),
            _share(sum(map(str.isdigit, text)), len(text)),
            _share(text.count(","), len(own)),
            _share(sum(map(stopwords.__contains__, map(str.lower, own))), len(own)),
            float(LIST_MARKER.match(text) is not None),
            float(text.rstrip().endswith(":")),
            float(len(letters) > 3 and all(map(str.isupper, letters))),
            math.log1p(repeats[text] - 1),
            i / n,
            counts[i] / most_words,
            float(core_start <= i < core_end),
            math.log1p(to_core[i]),
            math.log1p(running[hi] - running[lo]),
            float(prose[i - 1]) if i else 0.0,
            float(prose[i + 1]) if i + 1 < n else 0.0,
            math.log1p(counts[i - 1]) if i else 0.0,
            math.log1p(counts[i + 1]) if i + 1 < n else 0.0,
            math.log1p(runs[i]),
        ]
        # One lead-word lookup rules the text out of most lists at once (starts_with's own
        # gate, read once instead of once per list).
        lead = lexicon.lead_word(text)
        row += [
            float(lead in leads and lex.starts_with(key, text) is not None)
            for key, leads in label_leads
        ]
        rows.append(row)
    return rows


def html_rows(
    page: tuple[DraftBlock, ...],
    elements: Sequence[etree._Element],
    kept: Sequence[float],
    only: Sequence[int] | None = None,
    *,
    core: bool = True,
) -> list[list[float]]:
    """The feature row of every block of the page, in the order of :data:`HTML_FEATURES`.

    Args:
        page: The page's blocks (:func:`~articlekit.readers.page.page_blocks`).
        elements: The element each block was read in (filled by ``page_blocks``).
        kept: Per block, 1.0 when trafilatura's output holds it, else 0.0 (a value between
            for a block it holds in part).
        only: The positions to give rows for, in this order (default: every block), each
            the row the whole table gives it (see :func:`text_rows`): the reader scores
            the blocks of its output alone, a fraction of the page's.
        core: As for :func:`text_rows`.

    Returns:
        One list of floats per block (per position of ``only``).
    """
    n = len(page)
    if n == 0:
        return []
    wanted = range(n) if only is None else only
    texts = [b.text for b in page]
    rows = text_rows(texts, wanted, core=core)
    prose = [is_prose(t) for t in texts]  # as text_rows reads them (memoised, not tested again)
    links = [b.link_density or 0.0 for b in page]
    known: dict[etree._Element, _Place] = {}
    kept_at = [i for i, k in enumerate(kept) if k > 0]
    # Each element's place is read from its parent's: only the blocks scored and the kept
    # ones (whose usual depth a row compares with) need theirs.
    places = {i: _place(elements[i], known) for i in itertools.chain(kept_at, wanted)}
    first_kept, last_kept = (kept_at[0], kept_at[-1]) if kept_at else (-1, -1)
    kept_depths = sorted(places[i].depth for i in kept_at)
    usual_depth = kept_depths[len(kept_depths) // 2] if kept_depths else 0
    to_kept = _distances([k > 0 for k in kept])
    # What trafilatura kept of the block's box, and what the box holds: the blocks read in
    # the same element's parent.
    box_kept: dict[etree._Element | None, list[float]] = {}
    box_links: dict[etree._Element | None, list[float]] = {}
    box_prose: dict[etree._Element | None, list[bool]] = {}
    parents = [el.getparent() for el in elements]
    for i, parent in enumerate(parents):
        box_kept.setdefault(parent, []).append(kept[i])
        box_links.setdefault(parent, []).append(links[i])
        box_prose.setdefault(parent, []).append(prose[i])
    for row, i in zip(rows, wanted, strict=True):
        block = page[i]
        place = places[i]
        lo, hi = max(0, i - _NEAR), min(n, i + _NEAR + 1)
        near_kept = [kept[j] for j in range(lo, hi) if j != i]
        box = box_kept[parents[i]]
        group = _TAG_GROUPS.get(block.tag or "", "other")
        row += [
            links[i],
            links[i - 1] if i else 0.0,
            links[i + 1] if i + 1 < n else 0.0,
            math.log1p(place.depth),
            float(place.depth - usual_depth) / 10.0 if kept_at else 0.0,
            kept[i],
            sum(near_kept) / len(near_kept) if near_kept else 0.0,
            float(first_kept <= i <= last_kept),
            math.log1p(to_kept[i]),
            kept[i - 1] if i else 0.0,
            kept[i + 1] if i + 1 < n else 0.0,
            (sum(box) - kept[i]) / (len(box) - 1) if len(box) > 1 else kept[i],
            math.log1p(len(box)),
            sum(box_links[parents[i]]) / len(box),
            sum(box_prose[parents[i]]) / len(box),
            *(float(group == t) for t in _TAGS),
            *(float(s in place.sections) for s in _SECTIONS),
            *(float(g in place.own) for g in _CLASS_GROUPS),
            *(float(g in place.up) for g in _CLASS_GROUPS),
        ]
    return rows


#: The columns the page-block model does not read: it is fitted with them at 0.0, and the
#: reader leaves them 0.0 (``html_rows(..., core=False)``). Drawing the article core over a
#: whole page runs the region models on it, which the reader otherwise needs on few pages:
#: the rows cost 18 % of the rest of ``clean_html`` on wcxb-dev's pages with it, 12.8 %
#: without; held out, F1 moved by at most 0.0003 (wcxb-dev) without them
#: (benchmarks/README.md, "The page-block model's sure vetoes").
BLOCK_MODEL_UNREAD = ("in_core", "log_distance_to_core")

#: The page-block model :func:`block_model` gives in place of the shipped one; None: the shipped
#: one. Benchmarks set it to trees fitted without the dataset they score (leave-one-dataset-out).
_BLOCK_MODEL: Scorer | None = None


def block_model() -> Scorer:
    """The fitted model of :func:`html_rows`: the probability that a page block is the article's.

    Gradient-boosted trees over :data:`HTML_FEATURES`, shipped in
    ``articlekit/models/page_block.json`` and rebuilt exactly by ``python -m benchmarks.train
    fit --path html --out src/articlekit/models/page_block.json`` from ``../shared/data/dev``
    (``--exclude DATASET`` for leave-one-dataset-out); read once, without the training library.
    The HTML reader scores the blocks of its output with it, and
    :class:`~articlekit.cleaners.RemoveUnlikelyBlocks` drops those it is sure of.

    Raises:
        BlockModelError: If the shipped file is not a model of these columns.

    Example:
        >>> block_model().features == HTML_FEATURES
        True
    """
    return _BLOCK_MODEL if _BLOCK_MODEL is not None else _shipped_block_model()


@functools.cache
def _shipped_block_model() -> Scorer:
    scorer = scorer_from_dict(packaged_model("models/page_block.json", "page block model"))
    scorer.check_columns(HTML_FEATURES)
    return scorer
