"""The page model gives every block one finite row, the same for the same page, on any input."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import html as lxml_html

from articlekit.errors import ArticlekitError
from articlekit.pagemodel import HTML_FEATURES, TEXT_FEATURES, html_rows, text_rows
from articlekit.readers.html import read_page_model
from articlekit.readers.page import page_blocks

_WORDS = st.sampled_from(
    ["The", "council", "met", "on", "Monday.", "Share", "•", "1.", "ADVERTISEMENT", "read:", "😀"]
)
_LINE = st.one_of(
    st.text(max_size=40),
    st.lists(_WORDS, max_size=40).map(" ".join),
)
_TAGS = ["p", "div", "li", "ul", "h1", "h3", "td", "article", "nav", "aside", "footer", "a", "b"]
_ATTRS = ["", ' class="story-body"', ' id="comments"', ' class="related share"', ' class=""']


@st.composite
def _page(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(_TAGS))
        kind = draw(st.sampled_from(["open", "close", "text"]))
        if kind == "open":
            parts.append(f"<{tag}{draw(st.sampled_from(_ATTRS))}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(_LINE).replace("<", " "))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _finite(rows: list[list[float]], width: int) -> None:
    assert all(len(row) == width for row in rows)
    assert all(math.isfinite(v) for row in rows for v in row)


@given(st.lists(_LINE, max_size=30))
@example([""])
@example(["a"] * 5)
def test_text_rows_are_finite_and_the_same_twice(texts: list[str]) -> None:
    rows = text_rows(texts)
    assert len(rows) == len(texts)
    _finite(rows, len(TEXT_FEATURES))
    assert text_rows(texts) == rows


@given(_page(), st.data())
def test_html_rows_are_finite_and_begin_with_the_text_rows(markup: str, data: st.DataObject):
    tree = lxml_html.document_fromstring(markup)
    elements: list = []
    page = page_blocks(tree, elements)
    kept = data.draw(
        st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=len(page), max_size=len(page))
    )
    rows = html_rows(page, elements, kept)
    assert len(rows) == len(page)
    _finite(rows, len(HTML_FEATURES))
    assert [r[: len(TEXT_FEATURES)] for r in rows] == text_rows([b.text for b in page])


@given(_page())
@example("<html><body></body></html>")
def test_read_page_model_is_total(markup: str) -> None:
    try:
        model = read_page_model(markup)
    except ArticlekitError:
        return
    assert len(model.rows) == len(model.page) == len(model.kept)
    assert all(0.0 <= k <= 1.0 for k in model.kept)
    _finite(model.rows, len(HTML_FEATURES))
