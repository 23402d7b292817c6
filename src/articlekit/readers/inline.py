"""The links, emphasis and code inside a block, placed in the block's text.

A block's text is its element's text, white space normalised; the inline elements inside it
(``<a href>``, ``<em>``, ``<strong>``, ``<code>``, or trafilatura's ``<ref target>``, ``<hi
rend>``, ``<code>``) become :class:`~articlekit.article.Span` s at the place their own text
has in the block's. Each is looked for from where the one before it was found (in document
order: a link inside an emphasis is looked for inside it), so a phrase the text repeats is
placed where the element stands; an element whose text is not found (white space the page
trimmed differently) gives no span rather than a wrong one.

Example:
    >>> from lxml import html
    >>> p = html.fromstring('<p>Talks <em>resume</em> in <a href="/ist">Istanbul</a>.</p>')
    >>> for span in inline_spans(p, "Talks resume in Istanbul.", html_span_kind):
    ...     print(span)
    Span(start=6, end=12, kind='emphasis', href=None)
    Span(start=16, end=24, kind='link', href='/ist')
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from articlekit.article import Span
from articlekit.readers.images import absolute_url
from articlekit.readers.metadata import element_text

__all__ = [
    "absolute_spans",
    "html_span_kind",
    "inline_spans",
    "trafilatura_span_kind",
]

#: What an inline element is: its span's kind and link target, or None for no span.
SpanKind = Callable[[etree._Element], tuple[str, str | None] | None]

#: HTML's inline elements that make spans.
_HTML_KINDS = {
    "em": "emphasis",
    "i": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
#: trafilatura's ``<hi rend=...>`` renditions that make spans (underline and others do not).
_HI_KINDS = {"#i": "emphasis", "#b": "strong", "#t": "code"}
#: The most inline elements read in one block (a block of thousands of links is a link farm:
#: its first ones are enough, and the time stays linear).
MAX_SPANS = 500


def html_span_kind(element: etree._Element) -> tuple[str, str | None] | None:
    """The span an HTML element makes: ``<a href>`` a link, ``<em>`` emphasis...; else None.

    Example:
        >>> from lxml import html
        >>> html_span_kind(html.fromstring('<a href="/x">x</a>'))
        ('link', '/x')
        >>> html_span_kind(html.fromstring('<span>x</span>')) is None
        True
    """
    tag = element.tag
    if not isinstance(tag, str):
        return None
    name = tag.rsplit("}", 1)[-1].lower()
    if name == "a":
        href = element.get("href")
        return ("link", href.strip()) if href and href.strip() else None
    kind = _HTML_KINDS.get(name)
    return (kind, None) if kind is not None else None


def trafilatura_span_kind(element: etree._Element) -> tuple[str, str | None] | None:
    """The span an element of trafilatura's output makes: ``<ref target>``, ``<hi>``, ``<code>``.

    Example:
        >>> from lxml import etree
        >>> trafilatura_span_kind(etree.fromstring('<hi rend="#b">x</hi>'))
        ('strong', None)
    """
    tag = element.tag
    if tag == "ref":
        target = element.get("target")
        return ("link", target.strip()) if target and target.strip() else None
    if tag == "hi":
        kind = _HI_KINDS.get(element.get("rend") or "")
        return (kind, None) if kind is not None else None
    if tag == "code":
        return "code", None
    return None


def inline_spans(
    element: etree._Element,
    text: str,
    kind_of: SpanKind,
    skip: Callable[[etree._Element], bool] | None = None,
) -> tuple[Span, ...]:
    """The spans of ``element``'s inline descendants, placed in ``text`` (its block's text).

    Args:
        element: The block's element.
        text: The block's text (``element_text(element)``, or the part of it the block is).
        kind_of: Which descendants make spans: :func:`html_span_kind` or
            :func:`trafilatura_span_kind`.
        skip: Descendants whose subtree is another block's (a page block's nested
            paragraphs), not read; None: every descendant is read.

    Returns:
        The spans, in document order (an outer one before those inside it).
    """
    spans: list[Span] = []
    # Depth-first, children in order, with an explicit stack (a page may nest deeper than
    # Python's recursion limit). An entry is an element to visit and the search start inside
    # its parent span, or a marker closing a span: then the search goes on past its end.
    cursor = 0
    stack: list[tuple[etree._Element | None, int]] = [
        (child, 0) for child in reversed(list(element))
    ]
    visited = 0
    while stack and len(spans) < MAX_SPANS and visited < MAX_SPANS * 8:
        node, closing_end = stack.pop()
        if node is None:
            cursor = max(cursor, closing_end)  # past the span just closed
            continue
        visited += 1
        if not isinstance(node.tag, str) or (skip is not None and skip(node)):
            continue
        made = kind_of(node)
        children = [(child, 0) for child in reversed(list(node))]
        if made is None:
            stack.extend(children)
            continue
        piece = element_text(node)
        found = text.find(piece, cursor) if piece else -1
        if found < 0:
            stack.extend(children)
            continue
        end = found + len(piece)
        spans.append(Span(found, end, made[0], made[1]))
        # Inside it, the search starts where it starts; after it, past its end.
        stack.append((None, end))
        stack.extend(children)
        cursor = found
    return tuple(spans)


def absolute_spans(spans: tuple[Span, ...], base: str | None) -> tuple[Span, ...]:
    """``spans`` with each link's target made absolute against ``base`` (the page's URL).

    Example:
        >>> absolute_spans((Span(0, 1, "link", "/a#b"),), "https://x.org/news/1")
        (Span(start=0, end=1, kind='link', href='https://x.org/a#b'),)
    """
    if not base:
        return spans
    made: list[Span] = []
    for span in spans:
        if span.kind == "link" and span.href:
            span = Span(span.start, span.end, span.kind, absolute_url(span.href, base))
        made.append(span)
    return tuple(made)
