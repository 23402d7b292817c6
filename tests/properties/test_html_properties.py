"""clean_html on arbitrary markup: an Article or a clear ArticlekitError, never a crash."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import articlekit
from articlekit.errors import ArticlekitError

_TAGS = [
    "p",
    "div",
    "span",
    "a",
    "h1",
    "h2",
    "ul",
    "li",
    "table",
    "tr",
    "td",
    "script",
    "style",
    "title",
    "head",
    "body",
    "html",
    "br",
    "article",
    "aside",
    "nav",
    "meta",
]
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["open", "close", "text", "junk"]))
        tag = draw(st.sampled_from(_TAGS))
        if kind == "open":
            attr = draw(
                st.sampled_from(
                    [
                        "",
                        ' class="x"',
                        " href='/a'",
                        ' content="2025-11-16"',
                        ' type="application/ld+json"',
                        ' charset="utf-8"',
                    ]
                )
            )
            parts.append(f"<{tag}{attr}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        elif kind == "text":
            parts.append(draw(_TEXT))
        else:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "<!--",
                            "-->",
                            "<![CDATA[",
                            "&amp;",
                            "&#0;",
                            "<",
                            ">",
                            '"',
                            "{",
                            "\x00",
                            "\ufeff",
                        ]
                    )
                )
            )
    return "".join(parts)


def _clean(markup: str | bytes) -> None:
    try:
        article = articlekit.clean_html(markup)
    except ArticlekitError:
        return
    assert isinstance(article, articlekit.Article)
    assert articlekit.Article.from_dict(article.to_dict()) == article


@given(tag_soup())
@example("<html><head><title>x</head><body><p>Text</p>")
@example('<script type="application/ld+json">{"@graph": [[[[[[{}]]]]]]}</script><p>x</p>')
@example("<p>" + "word " * 5000 + "</p>")
@example("")
@example("<")
def test_clean_html_is_total_on_tag_soup(markup: str):
    _clean(markup)


@given(st.binary(max_size=300))
def test_clean_html_is_total_on_bytes(data: bytes):
    _clean(b"<html><body><p>" + data + b"</p></body></html>")
    _clean(data)
