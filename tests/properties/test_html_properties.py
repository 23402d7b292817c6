"""clean_html on arbitrary markup and bytes: an Article or a clear ArticlekitError, never a crash.

The Article is valid UTF-8, the same for the same input, and the prose of a generated article
is in its text or recorded in ``removed``, however the markup around it is nested or broken.
"""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

import articlekit
from articlekit.errors import ArticlekitError

_TAGS = [
    "p",
    "div",
    "span",
    "a",
    "b",
    "i",
    "em",
    "h1",
    "h2",
    "ul",
    "ol",
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
    "section",
    "main",
    "footer",
    "blockquote",
    "pre",
    "noscript",
    "textarea",
    "iframe",
    "svg",
    "font",
    "center",
]
_ATTRIBUTES = [
    "",
    ' class="x"',
    " href='/a'",
    ' content="2025-11-16"',
    ' type="application/ld+json"',
    ' charset="utf-8"',
    ' charset="idna"',
    ' charset="utf-16"',
    ' class="comment"',
    ' id="footer"',
    ' class="article-body"',
    ' itemprop="author"',
    " lang=de",
    ' style="display:none"',
    " data-x='&quot;&#0;'",
    " \ud800='1'",
    ' rel="author"',
]
# Every character, surrogates included: lone surrogates are part of what a str may hold.
_TEXT = st.text(alphabet=st.characters(), max_size=40)
_JUNK = [
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&#x110000;",
    "&nbsp;",
    "&bogus;",
    "<",
    ">",
    '"',
    "{",
    '{"@type": "NewsArticle", "author": [[[["A"]]]]}',
    "[" * 200,
    "\x00",
    "\x0b",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\U0010ffff",
    "\u202e",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    "</",
    "<p",
]


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    """Markup of common tags, opened and closed at random (often unclosed, sometimes deep)."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(["open", "close", "text", "junk", "nest"]))
        tag = draw(st.sampled_from(_TAGS))
        if kind == "open":
            parts.append(f"<{tag}{draw(st.sampled_from(_ATTRIBUTES))}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        elif kind == "text":
            parts.append(draw(_TEXT))
        elif kind == "nest":
            depth = draw(st.sampled_from([2, 10, 100, 300]))
            parts.append(
                f"<{tag}>" * depth + draw(_TEXT) + f"</{tag}>" * draw(st.integers(0, depth))
            )
        else:
            parts.append(draw(st.sampled_from(_JUNK)))
    return "".join(parts)


def _check(article: articlekit.Article) -> None:
    assert isinstance(article, articlekit.Article)
    # Valid UTF-8 through and through: strict encoding of the whole record.
    json.dumps(article.to_dict(), ensure_ascii=False, default=str).encode("utf-8")
    assert articlekit.Article.from_dict(article.to_dict()) == article


def _clean(markup: str | bytes) -> articlekit.Article | None:
    try:
        article = articlekit.clean_html(markup)
    except ArticlekitError as exc:
        if isinstance(exc, articlekit.NoArticleError) and exc.article is not None:
            _check(exc.article)
        return None
    _check(article)
    return article


def _same_twice(markup: str | bytes) -> None:
    first = _clean(markup)
    second = _clean(markup)
    assert (first.to_dict() if first else None) == (second.to_dict() if second else None)


@given(tag_soup())
@example("<html><head><title>x</head><body><p>Text</p>")
@example('<script type="application/ld+json">{"@graph": [[[[[[{}]]]]]]}</script><p>x</p>')
@example('<script type="application/ld+json">' + "[" * 1000 + "]" * 1000 + "</script><p>x</p>")
@example("<p>" + "word " * 5000 + "</p>")
@example("<div>" * 400 + "<p>" + "deep words here and more. " * 10 + "</p>")
@example("<p>before \ud800 after, and then some more words of the page.</p>")
@example("")
@example("<")
def test_clean_html_is_total_on_tag_soup(markup: str):
    _same_twice(markup)


@given(st.binary(max_size=300))
@example(b'<meta charset="idna"><p>x</p>')
@example(b'<meta charset="undefined"><p>x</p>')
@example("<p>Text of a page</p>".encode("utf-16-le"))
def test_clean_html_is_total_on_bytes(data: bytes):
    _same_twice(b"<html><body><p>" + data + b"</p></body></html>")
    _same_twice(data)


_ENCODINGS = ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252", "latin-1", "cp1251"]
_CHARSETS = ["", "utf-8", "utf-16", "idna", "undefined", "utf-7", "windows-1252", "koi8-r"]


@given(tag_soup(), st.sampled_from(_ENCODINGS), st.sampled_from(_CHARSETS))
def test_clean_html_is_total_on_encoded_tag_soup(markup: str, encoding: str, charset: str):
    head = f'<meta charset="{charset}">' if charset else ""
    _same_twice((head + markup).encode(encoding, errors="replace"))


_VOCABULARY = (
    "the council met on monday and voted to repair old bridge after long debate "
    "residents said they had waited years for work which will start next spring "
    "engineers warned that costs could rise if the river floods again this winter"
)
_WORDS = _VOCABULARY.split()


@st.composite
def prose(draw: st.DrawFn) -> str:
    """A paragraph of plain sentences (lower-case words, so no cleaner reads it as a byline)."""
    sentences = []
    for _ in range(draw(st.integers(2, 4))):
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=8, max_size=16))
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


_WRAPPERS = [
    ("<div>", "</div>"),
    ("<section>", "</section>"),
    ("<div class='x'><div>", "</div></div>"),
    ("<span>", "</span>"),
    ("", ""),
]
_NOISE = [
    "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>",
    "<script>var x = '<p>not text</p>';</script>",
    "<style>p { color: red }</style>",
    "<!-- a comment <p>with markup</p> -->",
    "<p>Advertisement</p>",
    "<br>",
    "<img src='a.png'>",
    "&nbsp;",
    "\ud800",
]


@st.composite
def article_page(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page of prose paragraphs in random (sometimes unclosed or deep) markup, with junk."""
    paragraphs = draw(st.lists(prose(), min_size=3, max_size=8, unique=True))
    parts = ["<html><head><title>Bridge repair</title></head><body>"]
    opened = draw(st.sampled_from([1, 3, 50, 300]))
    parts.append("<div>" * opened)
    for paragraph in paragraphs:
        before, after = draw(st.sampled_from(_WRAPPERS))
        close = draw(st.booleans())
        parts.append(f"{before}<p>{paragraph}{'</p>' if close else ''}{after}")
        parts.append(draw(st.sampled_from(_NOISE)))
    parts.append("</div>" * draw(st.integers(0, opened)))
    parts.append("</body></html>")
    return "".join(parts), paragraphs


@given(article_page())
def test_every_prose_paragraph_is_kept_or_recorded(page: tuple[str, list[str]]):
    markup, paragraphs = page
    article = _clean(markup)
    assert article is not None
    removed = [r.text for r in article.removed]
    for paragraph in paragraphs:
        assert paragraph in article.text or any(paragraph in r for r in removed), paragraph
