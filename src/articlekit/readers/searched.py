"""What htmldate and trafilatura search: the page's tree, its hostile parts trimmed.

Their time is not linear in what some pages hold. A search such as trafilatura's
``//p//text()`` grows with the square of the paragraphs (measured: four times the
paragraphs, 18 times the time), and the scoring and pruning read each wrapper's whole
text, so a block nested in hundreds of ``<div>`` costs hundreds of times its size. Each
page is therefore handed to them without four kinds of parts, found on no dev page (4,089):

- the rest of a long run of identical siblings (``<p>Reply</p>`` x 40,000, ``<p><b><i>x``
  left unclosed) after its first :data:`REPEAT_KEEP`;
- the rest of a very long run of siblings of one tag, all different (a comment section of
  100,000 ``<p>Reply 1</p>``, ``<p>Reply 2</p>``...), after its first :data:`DISTINCT_KEEP`;
- the wrappers past :data:`CHAIN_KEEP` of a chain of bare ones, each the only child of the
  one around it (a block in 300 ``<div>``, in 150 ``<div><section>``, an item in 50 nested
  ``<ul><li>``);
- on a huge page, empty containers and inline elements (:func:`without_empty_elements`).

The page's own blocks are read from the page itself, with all of it: nothing here drops text
from the Article, it only bounds what the extractors are shown. The page is left as it is;
a copy is made only when something goes.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from collections.abc import Hashable, Iterator
from typing import cast

from lxml import etree
from lxml import html as lxml_html

__all__ = [
    "CHAIN_KEEP",
    "DISTINCT_KEEP",
    "DISTINCT_RUN",
    "EMPTY_CHECK_ELEMENTS",
    "REPEAT_KEEP",
    "REPEAT_RUN",
    "CutRun",
    "count_elements",
    "searched_tree",
    "without_deep_wrappers",
    "without_empty_elements",
    "without_long_repeats",
]

#: A run of more than this many identical siblings is a long one (the longest of the 4,089
#: dev pages is 101 ``<p>`` holding a line break)...
REPEAT_RUN = 200
#: ...and only its first this many elements are searched.
REPEAT_KEEP = 50
#: Siblings are compared whole when they hold at most this many elements: a repeated
#: button, a link, an unclosed ``<p><b><i>``, not a section of the page.
REPEAT_SUBTREE_ELEMENTS = 8

#: A run of more than this many siblings of one tag is a very long one, however much they
#: differ (the longest of the 4,089 dev pages is 1,908 ``<option>``)...
DISTINCT_RUN = 4_000
#: ...and only its first this many elements are searched. trafilatura's ``//p//text()`` costs
#: the square of the paragraphs it finds: 4,000 ``<p>`` take 10 ms, 64,000 take 3.5 s.
DISTINCT_KEEP = 2_000

#: Of a chain of bare wrappers (no attributes, no text, one child), about this many are
#: searched (the longest chain of the 4,089 dev pages is 13 ``<div>``).
CHAIN_KEEP = 16
#: The wrappers a chain is made of: layout boxes and bare lists, which say nothing of their
#: content. A chain may mix them: ``<div><section>`` x 150 around a paragraph, or
#: ``<ul><li>`` x 50 around a list item, costs the extractors what 300 ``<div>`` do (jusText,
#: trafilatura's fallback, builds each paragraph's whole path of ancestors).
_WRAPPERS = ("div", "span", "section", "article", "main", "ul", "ol", "li")

#: Pages of more elements than this have their empty elements left out of what htmldate and
#: trafilatura search (the largest of 2,322 dev pages has 10,112 elements; 50,000 unclosed
#: ``<p><b><i>`` are 150,000).
EMPTY_CHECK_ELEMENTS = 25_000
#: The elements that may be left out when empty: containers and inline formatting, never
#: media, form fields, line breaks or links.
_PRUNABLE = frozenset(
    {"b", "i", "em", "strong", "span", "font", "u", "small", "big", "s", "strike", "tt"}
    | {"p", "div", "section", "article", "center", "blockquote", "li", "ul", "ol", "dl"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "tbody", "table"}
)


def count_elements(tree: etree._Element) -> int:
    """How many nodes (elements, comments) ``tree`` holds, itself included."""
    return sum(1 for _ in tree.iter())


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _silent(node: etree._Element) -> bool:
    """A comment with only white space after it: what a run of siblings may hold between two.

    A comment is no part of what the extractors read (the reader strips them from the
    searched tree, see ``readers.html``), so one between each two siblings
    (``<!-- c 1 --><p>x1</p><!-- c 2 --><p>x2</p>``...) must not end their run: it did, and
    such a page reached trafilatura whole, its ``//p//text()`` quadratic.
    """
    return isinstance(node, etree._Comment) and _blank(node.tail)


def _subtree_key(element: etree._Element) -> Hashable | None:
    """What makes a small subtree what it is: each node's tag, attributes, text and tail.

    In document order, with each node's number of children (which fixes the shape). The
    root's own tail is left out: it is what follows the subtree. None for a subtree of
    more than :data:`REPEAT_SUBTREE_ELEMENTS` nodes, never compared.
    """
    key: list[Hashable] = []
    for n, node in enumerate(element.iter()):
        if n == REPEAT_SUBTREE_ELEMENTS:
            return None
        tail = None if node is element else node.tail
        key.append((node.tag, len(node), node.text, tail, tuple(node.attrib.items())))
    return tuple(key)


def _repeated(parent: etree._Element) -> Iterator[etree._Element]:
    """The children of ``parent`` past the first :data:`REPEAT_KEEP` of a long run of equals.

    A run is long when it has more than :data:`REPEAT_RUN` siblings. Siblings are equal when
    their subtrees are (:func:`_subtree_key`) and nothing but white space follows them. The
    whole key is built only for a child whose tag, number of children and text are those of
    the one before it, so most children cost a comparison.
    """
    run = 0
    extra: list[etree._Element] = []  # the current run's children past REPEAT_KEEP
    previous: etree._Element | None = None  # the child before, when it can be in a run
    previous_key: Hashable | None = None  # its key, when built
    for child in parent:
        if _silent(child):
            continue
        comparable = isinstance(child.tag, str) and _blank(child.tail)
        key: Hashable | None = None
        if (
            comparable
            and previous is not None
            and child.tag == previous.tag
            and len(child) == len(previous)
            and child.text == previous.text
        ):
            if previous_key is None:
                previous_key = _subtree_key(previous)
            if previous_key is not None:
                key = _subtree_key(child)
        if key is not None and key == previous_key:
            run += 1
            if run > REPEAT_KEEP:
                extra.append(child)
        else:
            if run > REPEAT_RUN:
                yield from extra
            run = 1
            extra = []
        previous = child if comparable else None
        previous_key = key
    if run > REPEAT_RUN:
        yield from extra


@dataclasses.dataclass(frozen=True)
class CutRun:
    """A very long run of siblings of one tag that :func:`searched_tree` cut short.

    Attributes:
        kept: Its last element searched, in the page's own tree: when the extractor takes
            it, the run is content and the rest (read from the page) goes on from it.
        rest: Its elements left out of the search, in the page's own tree, in order.
    """

    kept: etree._Element
    rest: tuple[etree._Element, ...]


def _distinct_runs(parent: etree._Element) -> Iterator[list[etree._Element]]:
    """The very long runs among the children of ``parent``, each a list of its elements.

    A run is very long when it has more than :data:`DISTINCT_RUN` element siblings of one
    tag, each with only white space after it (text between them, as after the ``<br>`` of a
    long poem, would go with them), whatever they hold: a comment section's replies, a
    table's rows, a list's items. Comments between them are passed over (:func:`_silent`).
    """
    run: list[etree._Element] = []
    for child in parent:
        if _silent(child):
            continue
        comparable = isinstance(child.tag, str) and _blank(child.tail)
        if comparable and run and child.tag == run[0].tag:
            run.append(child)
            continue
        if len(run) > DISTINCT_RUN:
            yield run
        run = [child] if comparable else []
    if len(run) > DISTINCT_RUN:
        yield run


#: The elements with children enough for a long run: found by libxml2 in one pass (a page's
#: elements walked in Python cost 2% of ``clean_html``; most pages have no such parent).
_MANY_CHILDREN = f".//*[{REPEAT_RUN + 1}]/.."


def long_repeats(
    tree: etree._Element, cut_runs: list[CutRun] | None = None
) -> list[etree._Element]:
    """The elements :func:`without_long_repeats` leaves out, in document order.

    The rest of each long run of identical siblings (:func:`_repeated`) and of each very
    long run of siblings of one tag (:func:`_distinct_runs`), each element once.

    Args:
        tree: The page.
        cut_runs: When given, filled with the very long runs cut (identical runs are not
            listed: what they repeat is searched).
    """
    parents = cast("list[etree._Element]", tree.xpath(_MANY_CHILDREN))
    out: list[etree._Element] = []
    for parent in parents:
        doomed = set(_repeated(parent))
        runs = list(_distinct_runs(parent)) if len(parent) > DISTINCT_RUN else []
        for run in runs:
            rest = run[DISTINCT_KEEP:]
            doomed.update(rest)
            # The last element searched: one an identical run left in (its first ones are).
            kept = next((e for e in reversed(run[:DISTINCT_KEEP]) if e not in doomed), None)
            if cut_runs is not None and kept is not None:
                cut_runs.append(CutRun(kept, tuple(rest)))
        # In the order of the children: :func:`_trimmed` needs each element once.
        out.extend(child for child in parent if child in doomed)
    return out


def _wrapper(element: etree._Element) -> bool:
    """A bare layout box: no attributes, no text, one child (a wrapper too) and nothing after it."""
    return (
        len(element) == 1
        and element.tag in _WRAPPERS
        and not element.attrib
        and _blank(element.text)
        and element[0].tag in _WRAPPERS
        and _blank(element[0].tail)
    )


def _cut(chain: list[etree._Element]) -> tuple[etree._Element, etree._Element] | None:
    """Where to shorten a chain: the wrapper kept above the cut and the element moved into it.

    ``chain`` is the chain's wrappers from the outside in, then the element they wrap. The
    wrappers cut, from just under the one kept (at most the ``CHAIN_KEEP - 1``-th) down to
    one of the same tag, as deep as can be: so each element kept has a parent of the tag it
    had (an ``<li>`` stays in a list, a ``<p>`` in the ``<section>`` it was in). Nothing is
    cut unless each tag cut is also kept, so that a search for an ``<article>`` or a
    ``<main>`` finds one. For a chain of one tag, the ``CHAIN_KEEP - 1``-th keeps the
    innermost wrapper's child, as it always did.

    Returns:
        None when the chain is short or has no such cut.
    """
    if len(chain) <= CHAIN_KEEP:
        return None
    wrappers = chain[:-1]
    tags = [str(e.tag) for e in chain]
    last_above: dict[str, int] = {}  # per tag, its deepest place among the wrappers kept
    for n, tag in enumerate(tags[: CHAIN_KEEP - 1]):
        last_above[tag] = n
    # Tags of the wrappers from the CHAIN_KEEP-th to the j-th and of the elements after them,
    # counted as j goes up the chain: each cut is checked in a few steps, not a walk.
    middle = Counter(tags[CHAIN_KEEP - 1 : len(wrappers)])
    below = Counter(tags[len(wrappers) :])
    for j in range(len(wrappers) - 1, CHAIN_KEEP - 1, -1):
        above = last_above.get(tags[j])
        if above is not None:
            kept = {*tags[: above + 1], *below}
            cut = {*tags[above + 1 : CHAIN_KEEP - 1], *middle}
            if cut <= kept:
                return wrappers[above], chain[j + 1]
        middle[tags[j]] -= 1
        if not middle[tags[j]]:
            del middle[tags[j]]
        below[tags[j]] += 1
    return None


def deep_wrappers(tree: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """The chains of more than :data:`CHAIN_KEEP` bare wrappers, each wrapping the next.

    Returns:
        Per chain shortened, its wrapper kept above the cut and the element that moves into
        it, the wrappers between them going (see :func:`_cut`). One pass: a chain is walked
        from its outermost wrapper only.
    """
    # A walk in Python, with no libxml2 search first: a path of CHAIN_KEEP steps cost
    # libxml2 more than the walk on dev pages, and 5 s per MB on a page of nested lists.
    chains: list[tuple[etree._Element, etree._Element]] = []
    walked = 0  # the elements of the chain just walked still to come in document order
    for element in tree.iter(*_WRAPPERS):
        if walked:
            # Each element of a chain is a wrapper's only child, of a wrapper tag: the ones
            # after its outermost in this walk (walking a chain from each would be quadratic).
            walked -= 1
            continue
        if not _wrapper(element):
            continue
        chain = [element]
        while _wrapper(chain[-1]):
            chain.append(chain[-1][0])
        walked = len(chain) - 1
        cut = _cut(chain)
        if cut is not None:
            chains.append(cut)
    return chains


def _same_in_copy(
    tree: etree._Element, duplicate: etree._Element, elements: list[etree._Element]
) -> list[etree._Element]:
    """The nodes of ``duplicate`` (a deep copy of ``tree``) at the places of ``elements``.

    The n-th node of a tree is the n-th of its copy: one pass over each.
    """
    wanted = set(elements)
    places = {node: n for n, node in enumerate(tree.iter()) if node in wanted}
    at = {places[element]: i for i, element in enumerate(elements)}
    found: list[etree._Element] = list(elements)
    for n, twin in enumerate(duplicate.iter()):
        i = at.get(n)
        if i is not None:
            found[i] = twin
    return found


def _remove(elements: list[etree._Element]) -> None:
    for element in elements:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def _shorten(chains: list[tuple[etree._Element, etree._Element]]) -> None:
    """Make each chain's element below the cut the child of its top, the wrappers between gone."""
    for top, inner in chains:
        middle = top[0]
        top.append(inner)  # moved out of the wrappers that go, its own (blank) tail with it
        top.remove(middle)


def without_long_repeats(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """``tree`` without the long runs of identical siblings (see :func:`searched_tree`)."""
    return _trimmed(tree, long_repeats(tree), [])


def without_deep_wrappers(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """``tree`` with its chains of bare wrappers shortened (see :func:`searched_tree`)."""
    return _trimmed(tree, [], deep_wrappers(tree))


def _trimmed(
    tree: lxml_html.HtmlElement,
    doomed: list[etree._Element],
    chains: list[tuple[etree._Element, etree._Element]],
) -> lxml_html.HtmlElement:
    """A copy of ``tree`` without ``doomed`` and with ``chains`` shortened; ``tree`` for none."""
    if not doomed and not chains:
        return tree
    duplicate = copy.deepcopy(tree)
    wanted = [*doomed, *(element for chain in chains for element in chain)]
    places = _same_in_copy(tree, duplicate, wanted)
    _remove(places[: len(doomed)])
    rest = places[len(doomed) :]
    _shorten(list(zip(rest[0::2], rest[1::2], strict=True)))
    return duplicate


def without_empty_elements(
    tree: lxml_html.HtmlElement, *, copied: bool = False
) -> lxml_html.HtmlElement:
    """``tree`` (a copy, unless ``copied``) without its empty containers and inline elements.

    An element of :data:`_PRUNABLE` with no child left, no text and only white space after
    it reads as nothing; a hostile page of 50,000 unclosed ``<p><b><i>`` is 150,000 of them,
    and htmldate and trafilatura spend most of their (linear) time on them: 10 s per MB.
    Children go before their parents (reversed document order), so a nest of empty elements
    goes whole. One pass.
    """
    pruned = tree if copied else copy.deepcopy(tree)
    for element in reversed(list(pruned.iter(*_PRUNABLE))):
        if (
            len(element) == 0
            and _blank(element.text)
            and _blank(element.tail)
            and (parent := element.getparent()) is not None
        ):
            parent.remove(element)
    return pruned


def searched_tree(
    tree: lxml_html.HtmlElement, cut_runs: list[CutRun] | None = None
) -> lxml_html.HtmlElement:
    """The tree htmldate and trafilatura search: ``tree`` with its hostile parts trimmed.

    Left out: each run of identical small siblings (same subtree, see
    :func:`_subtree_key`, only white space after them) past its first :data:`REPEAT_KEEP`;
    each run of more than :data:`DISTINCT_RUN` siblings of one tag (only white space after
    them, see :func:`_distinct_run_rest`) past its first :data:`DISTINCT_KEEP`;
    the wrappers of a chain of bare ones (:func:`deep_wrappers`) past :data:`CHAIN_KEEP`,
    what the innermost held moving into the last one kept; and on a page of more than
    :data:`EMPTY_CHECK_ELEMENTS` nodes, the empty elements (:func:`without_empty_elements`).

    Args:
        tree: The page (left as it is).
        cut_runs: When given, filled with the very long runs cut short, so that the reader
            can put their rest back where the extractor took the run (see :class:`CutRun`).

    Returns:
        ``tree`` itself when nothing goes (as for every dev page), else one copy.
    """
    searched = _trimmed(tree, long_repeats(tree, cut_runs), deep_wrappers(tree))
    if count_elements(searched) > EMPTY_CHECK_ELEMENTS:
        searched = without_empty_elements(searched, copied=searched is not tree)
    return searched
