"""Page metadata: meta tags, JSON-LD, ``<html lang>`` and trafilatura's findings, as raw hints.

Nothing here is trusted yet: the cleaners decide (a byline from JSON-LD goes through the
byline normaliser, a date string through the date normaliser).
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree

from articlekit import lexicon
from articlekit._memo import kept_for
from articlekit.bylines import cms_default
from articlekit.draft import Hints
from articlekit.readers.text import normalize_space

__all__ = [
    "LEAD_IMAGE_META",
    "element_text",
    "json_ld_objects",
    "lead_image",
    "meta_tags",
    "page_hints",
    "page_tags",
    "without_markup",
]

#: JSON-LD types of a page's main work that are no article but name its author: a recipe, a
#: how-to, a forum thread's first post, a video's page.
_WORK_TYPES = frozenset(
    {"recipe", "howto", "discussionforumposting", "socialmediaposting", "videoobject"}
)

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "webpage",
    }
)


_BREAKS = frozenset({"lb", "br", "p", "div", "li", "item", "cell", "td", "th", "tr", "row"})
#: Elements whose text is code, never words of the page: a headline that holds a CSS-in-JS
#: ``<style>`` ("<h1><style>.css-umyvef{...}</style><span>...") reads without it.
_CODE = frozenset({"style", "script", "template"})
#: Elements that mark words up inside a sentence (a headline's pieces are not split at them).
_EMPHASIS = frozenset(
    {"a", "em", "i", "b", "strong", "u", "mark", "abbr", "q", "cite", "code", "sup", "sub"}
)
#: A letter or digit: a piece of a headline holds one.
_WORD = re.compile(r"\w")


def element_text(element: etree._Element) -> str:
    """Return the element's text content, white space normalised.

    Inline markup adds no space ("the <ref>Plus Membership</ref>." stays "the Plus
    Membership."); line breaks and block children do. The text of ``<style>``, ``<script>``
    and ``<template>`` children is code, not the page's words, and is left out (their tails
    are not).

    Example:
        >>> from lxml import html
        >>> element_text(html.fromstring("<h1><style>.k{x:0}</style>Talks <b>resume</b></h1>"))
        'Talks resume'
    """
    # An explicit stack, not recursion: a user's own tree may be nested deeper than Python's
    # recursion limit. Each entry is a node to open (its text, then its children) or a
    # string to emit (a break, a tail) once the node's children are done.
    parts: list[str] = []
    stack: list[etree._Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item.text:
            parts.append(item.text)
        pending: list[etree._Element | str] = []
        for child in item:
            if isinstance(child.tag, str) and child.tag not in _CODE:
                brk = child.tag in _BREAKS
                if brk:
                    pending.append(" ")
                pending.append(child)
                if brk:
                    pending.append(" ")
            if child.tail:
                pending.append(child.tail)
        stack.extend(reversed(pending))
    return normalize_space("".join(parts))


def headline_pieces(element: etree._Element) -> list[str]:
    """The texts a headline element prints apart: its children's, and the text after them.

    Many sites print a kicker and the headline in one ``<h1>``, each in an element of its
    own ("<h1><span>Klimaschutz</span><span>Bohren, bis es heiß wird</span></h1>"); a page
    may also put a subtitle there, or the headline after the kicker's element. The pieces are
    its children's texts and their tails that hold a letter or digit (a ": " between them is
    none), when no word comes before the first child and no child marks words up (``<a>``,
    ``<em>``, ``<b>``...). A wrapper with one child and no text of its own is looked through.
    Otherwise, or with one piece: the whole text, one piece.

    Example:
        >>> from lxml import html
        >>> headline_pieces(html.fromstring("<h1><a href='/x'><span>Kicker</span>"
        ...     "<span>: </span><span>The news</span></a></h1>"))
        ['Kicker', 'The news']
        >>> headline_pieces(html.fromstring("<h1>The <em>big</em> news</h1>"))
        ['The big news']
    """
    node = element
    while True:
        children = [c for c in node if isinstance(c.tag, str) and c.tag not in _CODE]
        loose = _WORD.search(node.text or "") or any(_WORD.search(c.tail or "") for c in node)
        if len(children) != 1 or loose:
            break
        node = children[0]
    # Words before the first child, a child that marks words up ("The <em>big</em> news",
    # "<a>Apple</a> unveils a phone") or text after a child going on in lower case
    # ("<span>Ferries</span> approve a timetable"): the pieces of one sentence, not elements
    # printed apart. A kicker's tail is a piece ("<span>Immobilienkrise</span> Signa in Sorge").
    if (
        _WORD.search(node.text or "")
        or any(c.tag in _EMPHASIS for c in node if _WORD.search(c.text or ""))
        or any(_starts_lower(c.tail or "") for c in node)
    ):
        return [element_text(element)]
    pieces: list[str] = []
    for child in node:
        if isinstance(child.tag, str) and child.tag not in _CODE:
            pieces.append(element_text(child))
        pieces.append(normalize_space(child.tail or ""))
    found = [piece for piece in pieces if _WORD.search(piece)]
    return found if len(found) > 1 else [element_text(element)]


def _starts_lower(text: str) -> bool:
    """Whether ``text``'s first letter is lower case (it continues the words before it)."""
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()


def _last_piece(element: etree._Element) -> str | None:
    pieces = headline_pieces(element)
    return pieces[-1] if len(pieces) > 1 else None


#: The memo tags of the page's JSON-LD objects and meta tags (see
#: :func:`~articlekit._memo.kept_for`).
_JSON_LD = object()
_META = object()


def json_ld_objects(tree: etree._Element) -> Iterator[dict[str, Any]]:
    """Yield every JSON-LD object of the page, ``@graph`` members and list items included.

    Malformed blocks are skipped: a page's broken JSON-LD must not stop the extraction.
    Within a document (:func:`~articlekit._memo.per_document`) the page's scripts are read
    once: the metadata and the date vote both ask (the objects are shared: read only).
    """
    yield from kept_for(_JSON_LD, tree, lambda: list(_json_ld_objects(tree)))


def _json_ld_objects(tree: etree._Element) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            # RecursionError: arrays or objects nested deeper than the parser's stack (a
            # few kilobytes of "[[[[..."): such a block is ignored like a malformed one.
            continue
        yield from _walk(data)


#: JSON-LD objects are looked for this many lists or ``@graph`` levels deep, no deeper.
JSON_LD_MAX_DEPTH = 4


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD value in document order, down to :data:`JSON_LD_MAX_DEPTH`."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > JSON_LD_MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((item, depth + 1) for item in reversed(value))
        elif isinstance(value, dict):
            yield value
            graph = value.get("@graph")
            if graph is not None:
                stack.append((graph, depth + 1))


#: An HTML tag inside a metadata value ("Ann Lee<br>The Courier", "<a href=...>Ann Lee</a>").
#: No white space before the name, as in HTML: two runs of it side by side ("<\s*/?\s*") made
#: "<" and 8,000 spaces take half a second (quadratic); each try stops at the next "<".
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")


def without_markup(value: str) -> list[str]:
    """A metadata value's texts, white space normalised, without the HTML a CMS left in it.

    Some CMSs escape the value twice ("Maria &amp; Ana" is "Maria & Ana"), and some put the
    author's byline markup in the field: the tags go, and a line break (``<br>``) or a
    block element's end parts two texts.

    Example:
        >>> without_markup("AL ALEXANDER<BR>The Patriot Ledger")
        ['AL ALEXANDER', 'The Patriot Ledger']
        >>> without_markup('&lt;a href="/pl/eksperci/ann-lee"&gt;Ann Lee&lt;/a&gt;')
        ['Ann Lee']
        >>> without_markup("Ann &amp; Lee <ann@x.org>")
        ['Ann & Lee <ann@x.org>']
    """
    text = html.unescape(value) if "&" in value else value
    if "<" not in text:
        return [normalize_space(text)]
    parts = _TAG.sub(_tag_break, text).split("\n")
    return [part for part in map(normalize_space, parts) if part]


#: Elements whose tag parts a metadata value's texts (the rest are inline: nothing).
_BREAKING_TAGS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "td", "h1", "h2", "h3"})


def _tag_break(match: re.Match[str]) -> str:
    name = match.group(1).casefold()
    if name in _BREAKING_TAGS:
        return "\n"
    # Only HTML's own inline elements are markup: "<ann@x.org>" is an address.
    return "" if name in _INLINE_TAGS else match.group(0)


_INLINE_TAGS = frozenset(
    {"a", "span", "b", "strong", "i", "em", "small", "font", "abbr", "cite", "u", "sup", "sub"}
)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).casefold() for v in values if v}


#: Names are looked for this many lists or ``name`` objects deep in an author value, no deeper.
NAME_MAX_DEPTH = 8


def _names(value: Any, nodes: Mapping[str, dict[str, Any]] | None = None) -> list[str]:
    """Names from a JSON-LD author/publisher value: str, object with name, or a list.

    An object without a name that only points at another node of the page's graph
    (``{"@id": "https://example.com/#/person/1"}``, as WordPress' SEO plugins write the
    author) is read through ``nodes``, the page's objects by ``@id``. Nesting deeper than
    :data:`NAME_MAX_DEPTH` is ignored (a hostile page's ``[[[[...]]]]``, or nodes that point
    at each other), without recursion.

    Example:
        >>> person = {"@id": "#ann", "@type": "Person", "name": "Ann Lee"}
        >>> _names([{"@id": "#ann"}, {"name": "Bo Chen"}], {"#ann": person})
        ['Ann Lee', 'Bo Chen']
    """
    names: list[str] = []
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            names.append(item)
        elif depth >= NAME_MAX_DEPTH:
            continue
        elif isinstance(item, dict):
            name = item.get("name")
            if name:
                stack.append((name, depth + 1))
            elif nodes and isinstance(ref := item.get("@id"), str) and ref in nodes:
                stack.append((nodes[ref], depth + 1))
        elif isinstance(item, list):
            stack.extend((x, depth + 1) for x in reversed(item))
    return names


#: The Twitter card's label-and-value pairs read for a credit ("twitter:label1" beside
#: "twitter:data1"), no more.
TWITTER_PAIRS = 4


def _labelled_authors(meta: Mapping[str, list[str]]) -> list[str]:
    """The value of the Twitter card's pair whose label is a byline phrase.

    WordPress' SEO plugins write the post's writer there, labelled in the site's language
    ("Written by", "Verfasst von", "Escrito por"), beside "Est. reading time".

    Example:
        >>> _labelled_authors({"twitter:label1": ["Est. reading time"], "twitter:data1":
        ...     ["4 minutes"], "twitter:label2": ["Written by"], "twitter:data2": ["Ann Lee"]})
        ['Ann Lee']
    """
    lex = lexicon.for_language(None)
    for pair in range(1, TWITTER_PAIRS + 1):
        labels = meta.get(f"twitter:label{pair}")
        values = meta.get(f"twitter:data{pair}")
        if labels and values and lex.is_phrase("byline", labels[0]):
            return values[:1]
    return []


def meta_tags(tree: etree._Element) -> dict[str, list[str]]:
    """The page's ``<meta>`` contents by property, name or itemprop (case-folded), in order.

    Within a document (:func:`~articlekit._memo.per_document`) the page's meta tags are read
    once (the mapping is shared: read only).

    Example:
        >>> from lxml import html
        >>> meta_tags(html.fromstring('<html><head><meta name="Author" content=" Ann  Lee">'
        ...                           '</head><body></body></html>'))
        {'author': ['Ann Lee']}
    """
    return kept_for(_META, tree, lambda: _meta_tags(tree))


def _meta_tags(tree: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.casefold(), []).append(normalize_space(content))
    return found


def _first(*values: Any) -> str | None:
    """The first value given, a string's character references decoded.

    JSON-LD strings hold no markup, yet CMSs write references into them ("Traveler&#8217;s"),
    and some escape a meta tag's content twice ("&amp;#39;" reads "&#39;" once parsed):
    either way the reader is meant to see the character.

    Example:
        >>> _first(None, "", ["Budget Traveler&#8217;s Guide &amp; Tips"])
        'Budget Traveler’s Guide & Tips'
    """
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            if "&" in value:
                value = html.unescape(value)
            return normalize_space(value)
    return None


def _present(*values: Any) -> tuple[str, ...]:
    """The values that are given (see :func:`_first`), in order, without repeats."""
    return tuple(dict.fromkeys(v for v in map(_first, values) if v))


#: The meta tags that name the lead image, in the order they are asked.
LEAD_IMAGE_META = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
)
#: An image value of JSON-LD is read this many lists or objects deep, no deeper.
IMAGE_MAX_DEPTH = 4


def _image_url(value: Any) -> str | None:
    """The first URL of a JSON-LD ``image``: a string, an ImageObject, or a list of them.

    An ImageObject gives its ``url`` or ``contentUrl``; ``data:`` URIs are no URL here.

    Example:
        >>> _image_url([{"@type": "ImageObject", "contentUrl": "/a.jpg"}, "/b.jpg"])
        '/a.jpg'
        >>> _image_url({"url": ["data:image/gif;base64,R0l", "https://x.test/c.png"]})
        'https://x.test/c.png'
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            url = item.strip()
            if url and not url.lower().startswith("data:"):
                return url
        elif depth >= IMAGE_MAX_DEPTH:
            continue
        elif isinstance(item, dict):
            stack.extend((item.get(key), depth + 1) for key in ("contentUrl", "url"))
        elif isinstance(item, list):
            stack.extend((x, depth + 1) for x in reversed(item))
    return None


def lead_image(meta: dict[str, list[str]], article: dict[str, Any]) -> str | None:
    """The lead image the page's metadata names, as the page wrote it (maybe relative).

    ``og:image`` (or its ``:url``, ``:secure_url`` forms), ``twitter:image``, then the
    ``image`` of the article's JSON-LD object; None when none names one.

    Example:
        >>> lead_image({"twitter:image": ["/t.jpg"]}, {"image": {"url": "/j.jpg"}})
        '/t.jpg'
        >>> lead_image({}, {"image": ["/j.jpg"]})
        '/j.jpg'
    """
    for key in LEAD_IMAGE_META:
        for value in meta.get(key, ()):
            if not value.lower().startswith("data:"):
                return value
    return _image_url(article.get("image"))


#: A "key: value" pair a CMS writes among its keywords for its own scripts ("locale: US",
#: "contentId: 15cd..."): a lower-case key, no tag.
_MACHINE_PAIR = re.compile(r"[a-z][A-Za-z]*(?:[-_][A-Za-z]+)*:")
#: At most this many tags are kept (a page's keywords meta tag may list hundreds)...
MAX_TAGS = 50
#: ...each of at most this many characters (longer is a sentence, not a tag).
MAX_TAG_CHARS = 100


def _keyword_values(value: Any) -> list[str]:
    """The keywords of a JSON-LD ``keywords``: a comma-separated string or a list of them."""
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        # A list's items are single keywords (DefinedTerm objects give their name).
        return [item for item in _names(value) if isinstance(item, str)]
    return []


def page_tags(meta: dict[str, list[str]], article: dict[str, Any]) -> tuple[str, ...]:
    """The page's tags: ``article:tag``, JSON-LD ``keywords``, the keywords meta tags.

    Each ``article:tag`` is one tag; the others are comma-separated lists. Tags are white
    space normalised and kept once, the first spelling of each (case aside), in that order,
    at most :data:`MAX_TAGS` of them. A CMS's "key: value" pairs ("locale: US") are no tags.

    Example:
        >>> page_tags({"article:tag": ["Ukraine"], "keywords": ["ukraine, Prisoner  swaps,"]},
        ...           {"keywords": ["Diplomacy"]})
        ('Ukraine', 'Diplomacy', 'Prisoner swaps')
    """
    values: list[str] = list(meta.get("article:tag", ()))
    values += _keyword_values(article.get("keywords"))
    for key in ("keywords", "news_keywords"):
        for value in meta.get(key, ()):
            values += value.split(",")
    tags: dict[str, str] = {}
    for value in values:
        tag = _first(value)
        if tag and len(tag) <= MAX_TAG_CHARS and not _MACHINE_PAIR.match(tag):
            tags.setdefault(tag.casefold(), tag)
            if len(tags) >= MAX_TAGS:
                break
    return tuple(tags.values())


def page_hints(tree: etree._Element, document: Any = None) -> Hints:
    """Collect the page's metadata as :class:`~articlekit.draft.Hints`.

    Args:
        tree: The parsed page.
        document: trafilatura's Document from ``bare_extraction(with_metadata=True)``, whose
            findings are used last, or None.

    Returns:
        The hints; ``extra`` holds ``h1`` (the page's first ``<h1>``) and ``json_ld_type``.
    """
    meta = meta_tags(tree)
    article: dict[str, Any] = {}
    publisher: list[str] = []
    nodes: dict[str, dict[str, Any]] = {}
    work: dict[str, Any] = {}
    for obj in json_ld_objects(tree):
        ref = obj.get("@id")
        # A graph may mention a node before it describes it: the first one with a name.
        if isinstance(ref, str) and (ref not in nodes or not nodes[ref].get("name")):
            nodes[ref] = obj
        types = _types(obj)
        if types & _ARTICLE_TYPES and (not article or "webpage" in _types(article)):
            article = obj
        if types & _WORK_TYPES and not work and obj.get("author"):
            work = obj
        if types & {"organization", "newsmediaorganization"} and not publisher:
            publisher = _names(obj, nodes)
    doc = document

    # The first source that names someone, not all of them merged: a page whose JSON-LD
    # names the writer and whose meta tag names the company has one author (measured on
    # the dev pages: merging sources made a wrong superset on one page in forty).
    authors: list[str] = []
    for raw in (
        _names(article.get("author"), nodes),
        _names(work.get("author"), nodes),
        meta.get("author", []),
        meta.get("article:author", []),
        meta.get("parsely-author", []),
        meta.get("sailthru.author", []),
        meta.get("dc.creator", []),
        _labelled_authors(meta),
        [a.strip() for a in (getattr(doc, "author", None) or "").split(";")],
    ):
        seen: set[str] = set()  # a list of thousands of names: a set, not a search per name
        for value in raw:
            for name in without_markup(value):
                # article:author is often a profile URL, not a name; "admin" is no one.
                if name and "://" not in name and name not in seen and not cms_default(name):
                    seen.add(name)
                    authors.append(name)
        if authors:
            break

    published = _present(
        article.get("datePublished"),
        meta.get("article:published_time"),
        meta.get("og:published_time"),
        meta.get("datepublished"),
        meta.get("pubdate"),
        meta.get("publishdate"),
        meta.get("dc.date"),
        getattr(doc, "date", None),
    )
    updated = _present(
        article.get("dateModified"),
        meta.get("article:modified_time"),
        meta.get("og:updated_time"),
        meta.get("datemodified"),
        meta.get("lastmod"),
    )
    h1s = list(itertools.islice(tree.iter("h1"), 2))
    h1 = h1s[0] if h1s else None
    title_tag = tree.find(".//title")
    canonical = tree.find(".//link[@rel='canonical']")
    html_lang = tree.get("lang") if tree.tag == "html" else None
    return Hints(
        title=_first(
            article.get("headline"),
            meta.get("og:title"),
            meta.get("twitter:title"),
            getattr(doc, "title", None),
            element_text(title_tag) if title_tag is not None else None,
        ),
        subtitle=_first(
            article.get("description"),
            meta.get("og:description"),
            meta.get("description"),
            getattr(doc, "description", None),
        ),
        authors=tuple(authors),
        published=published,
        updated=updated,
        site_name=_first(
            meta.get("og:site_name"),
            _names(article.get("publisher"), nodes),
            publisher,
            meta.get("application-name"),
            getattr(doc, "sitename", None),
        ),
        section=_first(
            meta.get("article:section"),
            article.get("articleSection"),
            getattr(doc, "categories", None),
        ),
        language=_first(html_lang, meta.get("content-language"), meta.get("og:locale")),
        url=_first(
            canonical.get("href") if canonical is not None else None,
            meta.get("og:url"),
            getattr(doc, "url", None),
        ),
        image=lead_image(meta, article),
        tags=page_tags(meta, article),
        extra={
            "h1": element_text(h1) if h1 is not None else None,
            "title_tag": element_text(title_tag) if title_tag is not None else None,
            "json_ld_type": sorted(_types(article)) if article else [],
            # Every title the page gives, by source, for the title vote (readers.title_vote).
            "title_sources": {
                "json_ld": _first(article.get("headline")),
                "og": _first(meta.get("og:title")),
                "twitter": _first(meta.get("twitter:title")),
                "title_tag": element_text(title_tag) if title_tag is not None else None,
                "h1": element_text(h1) if h1 is not None else None,
                "h1_second": element_text(h1s[1]) if len(h1s) > 1 else None,
                # The last of the pieces an <h1> prints apart (a kicker's headline).
                "h1_last": _last_piece(h1) if h1 is not None else None,
            },
        },
    )
