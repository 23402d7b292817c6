"""trafilatura's author search, in one walk over the page and without copying it.

:func:`trafilatura.metadata.extract_author` copies the whole tree, deletes the page parts that
name other people (comments, sidebars, dates, figures) from the copy and runs three XPath
expressions over it whose ``re:test`` predicates call back into Python for every element: on
a news page that is several milliseconds, the largest cost articlekit adds to trafilatura's
own extraction. :func:`trafilatura_author` gives the same answer (the tests compare the two on
pages shaped to reach every branch) from one pass over the elements with compiled regular
expressions, and reads a candidate's text as it would read in the pruned copy.

The expressions are trafilatura 2.x's ``AUTHOR_XPATHS`` and ``AUTHOR_DISCARD_XPATHS``
(``trafilatura/xpaths.py``), written out as predicates on one element.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from lxml import etree

__all__ = ["trafilatura_author"]

#: trafilatura's length bounds for an author string (``extract_metainfo(len_limit=120)``).
MIN_LENGTH = 2
MAX_LENGTH = 120

# ``re:test`` in lxml is Python's ``re.search``, case-sensitive unless flagged.
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
_NAME_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_GENERIC_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_ANY_ID = re.compile(r"[Aa]uthor")
_ANY_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")

#: Class words without which no predicate below can hold (a superset of the predicates' class
#: tests): most elements of a page fail this one search and skip the rest. No anchored
#: alternative: with one (the whole classes below), the search took 1.6 times as long.
_CLASS_HINT = re.compile(
    r"omments|ommentlist|sidebar|is-hidden|quote|embedly-instagram|article-|print|category"
    r"|meta-date|meta-reviewer|uthor|channel-name|zuozhe|bianji|xiaobian|submitted-by"
    r"|posted-by|journalist-name|screenname|writer|yline"
)
#: The classes the predicates compare whole that :data:`_CLASS_HINT` does not find.
_HINT_CLASSES = frozenset({"title", "date", "username", "byl", "BBL"})
_ID_HINT = re.compile(r"omment|ProductReviews|uthor|zuozhe|bianji|xiaobian")
_HINT_TAGS = frozenset({"time", "figure", "author"})
#: The attributes besides ``class`` that any predicate below reads.
_HINT_ATTRIBUTES = frozenset({"id", "itemprop", "rel", "data-testid", "data-component"})

_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})


def _discarded(element: etree._Element, is_root: bool) -> bool:
    """Whether ``AUTHOR_DISCARD_XPATHS`` select the element (its subtree leaves the copy)."""
    tag = element.tag
    if tag in ("time", "figure"):
        return True
    if is_root or tag not in _DISCARD_TAGS:  # the first expression is relative: ".//*"
        return False
    id_ = element.get("id")
    class_ = element.get("class")
    return (
        id_ == "comments"
        or class_ in ("comments", "title", "date")
        or (id_ is not None and _DISCARD_ID.search(id_) is not None)
        or (class_ is not None and _DISCARD_CLASS.search(class_) is not None)
        or "Figure" in (element.get("data-component") or "")
    )


def _hinted_elements(root: etree._Element, rel_me: set[etree._Element]) -> Iterator[etree._Element]:
    """The elements any predicate below may hold for, in page order (a superset of them).

    A page has hundreds or thousands of elements and a few dozen that any predicate can
    select. Each element's attribute names are read in one call and a value only when the
    element has the attribute; an attribute hints only with a value some predicate can
    select (most ``rel`` and ``itemprop`` attributes name no author); a class's search is
    kept for the walk, as pages repeat their class strings (a third are distinct).
    """
    class_hinted: dict[str, bool] = {}
    for element in root.iter(etree.Element):  # elements only: no comments, no PIs
        if element.tag in _HINT_TAGS or element in rel_me:
            yield element
            continue
        names = element.keys()
        if not names:
            continue  # no attribute, no mark
        if "class" in names:
            class_ = element.get("class") or ""
            hinted = class_hinted.get(class_)
            if hinted is None:
                hinted = class_hinted[class_] = _hinted_class(class_)
            if hinted:
                yield element
                continue
        if not _HINT_ATTRIBUTES.isdisjoint(names) and _hinted_attributes(element, names):
            yield element


def _hinted_class(class_: str) -> bool:
    """Whether any predicate below may hold for an element of this class."""
    return class_ in _HINT_CLASSES or _CLASS_HINT.search(class_) is not None


def _hinted_attributes(element: etree._Element, names: Collection[str | bytes]) -> bool:
    """Whether the element's id, ``itemprop``, ``rel`` or ``data-*`` may let a predicate hold."""
    get = element.get
    if "id" in names and _ID_HINT.search(get("id") or "") is not None:
        return True
    if "itemprop" in names and "author" in (get("itemprop") or ""):  # "author name" too
        return True
    if "rel" in names and get("rel") == "author":
        return True
    if "data-testid" in names and get("data-testid") in ("AuthorCard", "AuthorURL"):
        return True
    component = get("data-component") or ""
    return "Figure" in component or "Byline" in component


def _specific(element: etree._Element, rel_me: set[etree._Element]) -> bool:
    """The first author expression: the specific and almost specific marks."""
    tag = element.tag
    if tag == "author":
        return True
    if tag not in _SPECIFIC_TAGS:
        return False
    class_ = element.get("class")
    return (
        element.get("rel") == "author"
        or element.get("id") == "author"
        or class_ == "author"
        or element.get("itemprop") == "author name"
        or element in rel_me
        or element.get("data-testid") in ("AuthorCard", "AuthorURL")
        or (class_ is not None and _NAME_CLASS.search(class_) is not None)
    )


def _generic(element: etree._Element) -> bool:
    """The second author expression: generic class and id names."""
    if element.tag not in _GENERIC_TAGS:
        return False
    id_ = element.get("id")
    class_ = element.get("class")
    return (
        class_ in ("byline", "username", "byl", "BBL")
        or "author" in (element.get("itemprop") or "")
        or (id_ is not None and _GENERIC_ID.search(id_) is not None)
        or (class_ is not None and _GENERIC_CLASS.search(class_) is not None)
    )


def _last_resort(element: etree._Element) -> bool:
    """The third author expression: any element."""
    id_ = element.get("id")
    class_ = element.get("class")
    return (
        "Byline" in (element.get("data-component") or "")
        or "author" in (element.get("itemprop") or "")
        or (id_ is not None and _ANY_ID.search(id_) is not None)
        or (class_ is not None and _ANY_CLASS.search(class_) is not None)
    )


_EXPRESSIONS: tuple[Callable[[etree._Element], bool], ...] = (_generic, _last_resort)


def _pruned_pieces(element: etree._Element, gone: set[etree._Element]) -> Iterator[str]:
    """``element.itertext()`` as it reads once the ``gone`` elements are deleted.

    trafilatura deletes an element keeping its tail, which it glues to the previous sibling's
    tail (or the parent's text): the glued text is one piece, not two joined by a space.
    """
    open_piece = element.text or ""
    for child in element:
        if child in gone:
            open_piece += child.tail or ""
            continue
        if open_piece:
            yield open_piece
        if isinstance(child.tag, str):  # comments and processing instructions add no text
            yield from _pruned_pieces(child, gone)
        open_piece = child.tail or ""
    if open_piece:
        yield open_piece


def trafilatura_author(tree: etree._Element) -> str | None:
    """What :func:`trafilatura.metadata.extract_author` returns for ``tree``, without copying it.

    Args:
        tree: The parsed page (its root element); left unchanged.

    Returns:
        The author string trafilatura would find (its ``normalize_authors`` applied), or None.

    Example:
        >>> from lxml import html
        >>> page = html.fromstring(
        ...     '<html><body><p class="author">Jane Doe</p>'
        ...     '<div class="comments"><span class="author">A Reader</span></div></body></html>'
        ... )
        >>> trafilatura_author(page)
        'Jane Doe'
    """
    from trafilatura.json_metadata import normalize_authors

    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    # The first expression says ``rel='me'`` without "@": a child element <rel> whose text
    # is "me" (lxml finds those elements by tag in C).
    rel_me = {
        parent
        for rel in root.iter("rel")
        if "".join(str(piece) for piece in rel.itertext()) == "me"
        and (parent := rel.getparent()) is not None
    }
    gone: set[etree._Element] = set()  # deleted with their subtrees (tails kept)
    found: list[list[etree._Element]] = [[], [], []]
    for element in _hinted_elements(root, rel_me):
        if _discarded(element, element is root):
            gone.add(element)
            continue
        if _specific(element, rel_me):
            found[0].append(element)
        for matches, expression in zip(found[1:], _EXPRESSIONS, strict=True):
            if expression(element):
                matches.append(element)
    for matches in found:
        for element in matches:
            if any(a in gone for a in element.iterancestors()):
                continue  # in a deleted subtree
            content = " ".join(" ".join(_pruned_pieces(element, gone)).split())
            if content and MIN_LENGTH < len(content) < MAX_LENGTH:
                author: str | None = normalize_authors(None, content)
                return author
    return None
