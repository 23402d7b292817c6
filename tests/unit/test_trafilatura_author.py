"""trafilatura_author answers as trafilatura's own extract_author does, without copying the page.

Each case is an invented page shaped to reach one branch of trafilatura's author expressions
(or of the parts it deletes first); the property test builds random pages from the same
class, id and tag vocabulary and compares the two functions on each.
"""

from __future__ import annotations

import copy
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import extract_author

from articlekit.readers.trafilatura_author import (
    _discarded,
    _generic,
    _hinted_elements,
    _last_resort,
    _specific,
    trafilatura_author,
)
from random_pages import random_page

CASES = {
    "rel author link": '<p>Story</p><a rel="author" href="/u/1">Jane Doe</a>',
    "class author": '<div class="author">Jane Doe</div>',
    "itemprop author name": '<span itemprop="author name">Jane Doe</span>',
    "author element": "<author>Jane Doe</author>",
    "data-testid": '<div data-testid="AuthorCard">Jane Doe</div>',
    "author-name class": '<span class="meta author-name">Jane Doe</span>',
    "rel child me": "<p>Jane Doe<rel>me</rel></p>",
    "generic byline class": '<h4 class="byline">By Jane Doe</h4>',
    "generic id": '<div id="post-author-box">Jane Doe</div>',
    "generic posted-by": '<span class="posted-by">Posted by Jane Doe</span>',
    "last resort writer": '<section class="writer">Jane Doe</section>',
    "last resort data-component": '<li data-component="Byline">Jane Doe</li>',
    "too short": '<div class="author">JD</div><h4 class="byline">Jane Doe</h4>',
    "too long": '<div class="author">' + "word " * 40 + "</div><h3 class=byl>Jane Doe</h3>",
    "in comments": '<div id="comments"><span class="author">A Reader</span></div>',
    "in sidebar": (
        '<aside><div class="sidebar"><p class="author">Other Writer</p></div></aside>'
        '<p class="author">Jane Doe</p>'
    ),
    "time inside byline": (
        '<div class="author">Jane Doe <time>May 3</time>, staff <span class="date">x</span>y</div>'
    ),
    "figure before byline": '<figure><p class="author">Photo: Lee</p></figure><p>By</p>',
    "deleted first child": '<p class="author"><span class="print">P</span>Jane Doe</p>',
    "tails glued": '<p class="author">Jane<span class="quote">q</span>Doe</p>',
    "comment inside": '<p class="author">Jane <!-- c --> Doe</p>',
    "two authors": '<span class="author">Jane Doe and John Roe</span>',
    "nothing": "<p>No author anywhere on this page.</p>",
}


def _page(body: str) -> etree._Element:
    return lxml_html.fromstring(f"<html><head><title>T</title></head><body>{body}</body></html>")


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_same_answer_as_trafilatura(body: str) -> None:
    tree = _page(body)
    before = etree.tostring(tree)
    assert trafilatura_author(tree) == extract_author(copy.deepcopy(tree))
    assert etree.tostring(tree) == before  # the page is left as it was


def test_finds_the_byline_and_skips_the_comments() -> None:
    tree = _page(
        '<div class="comments"><span class="author">A Reader</span></div>'
        '<p class="author">Jane Doe</p>'
    )
    assert trafilatura_author(tree) == "Jane Doe"


def test_takes_an_element_tree() -> None:
    tree = _page('<p class="author">Jane Doe</p>')
    assert trafilatura_author(tree.getroottree()) == "Jane Doe"  # type: ignore[arg-type]


_CLASSES = [
    "author",
    "byline",
    "Author",
    "author-name",
    "comments",
    "comment-list",
    "sidebar",
    "date",
    "title",
    "quote",
    "writer",
    "print",
    "username",
    "post",
    "entry",
    "",
]
_IDS = ["author", "comments", "main", "commentlist", "byline-1", ""]
_TAGS = ["div", "span", "p", "a", "section", "h3", "h4", "time", "figure", "strong", "li"]
_WORDS = st.sampled_from(["Jane", "Doe", "By", "and", "J", "Smith", "posted", " ", "", "Ann"])


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    attributes = ""
    class_ = draw(st.sampled_from(_CLASSES))
    if class_:
        attributes += f' class="{class_}"'
    id_ = draw(st.sampled_from(_IDS))
    if id_:
        attributes += f' id="{id_}"'
    if draw(st.booleans()) and draw(st.booleans()):
        attributes += ' itemprop="author"'
    inner = " ".join(draw(st.lists(_WORDS, max_size=4)))
    children = draw(st.lists(_element(depth + 1), max_size=3)) if depth < 3 else []
    tail = " ".join(draw(st.lists(_WORDS, max_size=2)))
    return f"<{tag}{attributes}>{inner}{''.join(children)}</{tag}>{tail}"


@given(st.lists(_element(), min_size=1, max_size=4))
def test_property_same_answer_as_trafilatura(parts: list[str]) -> None:
    tree = _page("".join(parts))
    assert trafilatura_author(tree) == extract_author(copy.deepcopy(tree))


_RANDOM_TAGS = [*_TAGS, "address", "link", "author", "rel", "section"]
_RANDOM_ATTRIBUTES = {
    "class": [
        *(c for c in _CLASSES if c),
        "AuthorName",
        "meta-date",
        "is-hidden",
        "BBL",
        "byl",
        "screenname",
        "posted-by",
        "x Byline",
    ],
    "id": ["author", "comments", "comment-list", "ProductReviews", "main", "xiaobian"],
    "itemprop": ["author", "author name", "name", "x author", "Author"],
    "rel": ["author", "me", "nofollow", "Author"],
    "data-testid": ["AuthorCard", "AuthorURL", "x"],
    "data-component": ["Figure", "Byline", "x", "SmallByline"],
}
_RANDOM_TEXTS = ["Jane Doe", "t", "me", "By Jane Doe and John Roe", "JD"]


def _random_pages(seed: int, count: int) -> list[etree._Element]:
    rng = random.Random(seed)
    pages = []
    for _ in range(count):
        page = random_page(rng, _RANDOM_TAGS, _RANDOM_ATTRIBUTES)
        page = re.sub(">t<", lambda _: f">{rng.choice(_RANDOM_TEXTS)}<", page)
        pages.append(_page(page))
    return pages


def test_random_pages_same_answer_as_trafilatura() -> None:
    found = 0
    for tree in _random_pages(37, 400):
        expected = extract_author(copy.deepcopy(tree))
        assert trafilatura_author(tree) == expected, etree.tostring(tree)
        found += expected is not None
    assert 100 < found < 400  # authors found, and not on every page


def test_the_walk_reads_every_element_a_predicate_selects() -> None:
    # _hinted_elements skips elements without reading them in full: every element that a
    # predicate (or the <rel>me</rel> child) selects must be among those it lets through, in
    # the page's order.
    selected = 0
    for root in _random_pages(41, 400):
        rel_me = {
            parent
            for rel in root.iter("rel")
            if rel.text == "me" and not len(rel) and (parent := rel.getparent()) is not None
        }
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        hinted = list(_hinted_elements(root, rel_me))
        assert hinted == [e for e in elements if e in set(hinted)]
        for element in elements:
            if (
                _discarded(element, element is root)
                or _specific(element, rel_me)
                or _generic(element)
                or _last_resort(element)
            ):
                assert element in hinted, etree.tostring(element)
                selected += 1
    assert selected > 1000
