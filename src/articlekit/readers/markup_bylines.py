"""Bylines in the page's markup: the elements a page marks as its author's name.

Pages that name their writer outside the metadata still mark the byline in the markup:
``itemprop="author"`` (schema.org microdata), ``rel="author"`` links, hCard's
``class="author vcard"`` with its ``fn``, and the ``author``/``byline`` class and id names
of CMS themes ("post-author", "entry-author", "byline__name"). This reader finds them by those
attributes, leaves out the page parts that name other people (comments, sidebars, widgets,
menus, related-story lists) and reads the name from the element's shape: the name slot
(``itemprop="name"``, ``fn``, the link to the author's page) when there is one, else the
element's text when it is short.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

import regex
from lxml import etree

from articlekit import lexicon
from articlekit.article import AUTHOR_ROLES
from articlekit.bylines import (
    cms_default,
    looks_like_interface_label,
    parse_byline,
    parse_contributors,
)
from articlekit.readers.metadata import element_text

__all__ = ["linked_authors", "markup_authors", "plausible_author", "plausible_authors"]

#: Class or id words that mark an author's name or a byline (as a word part: "post-author",
#: "author_name", "c-byline", "ArticleAuthor").
_AUTHOR_MARK = regex.compile(r"author|byline|autor|auteur", regex.IGNORECASE)
#: Class or id words of page parts that name other people than the article's writer, at the
#: start of a word part ("comment-author", "recentcomments", "sidebar", but not "vcard").
_ELSEWHERE = regex.compile(
    r"\b(?:comment|sidebar|widget|related|recent|popular|trending|menu|navbar|breadcrumb"
    r"|recommend|teaser|card)",
)
_CAMEL = regex.compile(r"(?<=[a-z])(?=[A-Z])")
#: The elements that hold the whole page: never a byline, whatever their class says.
_PAGE_TAGS = frozenset({"html", "body"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "form", "select", "svg"})
#: The path words of an author's page, in the languages of the lexicon.
_AUTHOR_PAGES = "author|authors|autor|autoren|auteur|auteurs|autore"
#: A link to an author's page ("/author/jane-doe", "/autoren/"); group 1: the page's name.
_AUTHOR_HREF = regex.compile(rf"/(?:{_AUTHOR_PAGES})(?:/([^/?#]*)|$|\?)", regex.I)
#: A link to a writer's own page whose last part is the writer's name ("/author/jane-doe/",
#: "/contributor/a._j._neal"); group 1: that part.
_WRITER_PAGE_HREF = regex.compile(
    rf"/(?:{_AUTHOR_PAGES}|contributor|contributors)/([^/?#]+)", regex.I
)
#: A page name of three letters in a row at least: a numeric one ("/author/1234") checks nothing.
_SLUG_LETTERS = regex.compile(r"[a-z]{3}")
#: The site's copyright line ("© 2025 Example Inc.").
_COPYRIGHT = regex.compile(r"(?:©|\(c\)|copyright)\s*\d{4}", regex.IGNORECASE)
#: A byline element holds a name and a few words around it ("By Jane Doe | May 3, 2024").
MAX_WORDS = 12
#: A name slot holds a name only.
MAX_NAME_WORDS = 5


def _marks(element: etree._Element) -> str:
    """Class and id of an element, as one string."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _mark_words(element: etree._Element) -> str:
    """Class and id of an element as lower-case words ("RelatedPosts" -> "related posts")."""
    return _CAMEL.sub(" ", _marks(element)).replace("-", " ").replace("_", " ").casefold()


def _elsewhere(element: etree._Element, layout: frozenset[etree._Element] = frozenset()) -> bool:
    """Whether the element sits in a page part that names other people (comments, menus...).

    The elements in ``layout`` (those that hold the page's headline) are not such a part,
    whatever their class says: a theme marks the page's layout on the body and the wrappers
    around the story ("right-sidebar", "custom-menu", "one-sidebar"), not only on the sidebar
    and the menu themselves.
    """
    node: etree._Element | None = element
    while node is not None:
        if node not in layout and (
            not isinstance(node.tag, str)
            or node.tag in _SKIP_TAGS
            or _ELSEWHERE.search(_mark_words(node))
        ):
            return True
        node = node.getparent()
    return False


def _headline_holders(tree: etree._Element) -> frozenset[etree._Element]:
    """The page's first ``<h1>`` and every element around it (none without an ``<h1>``)."""
    h1 = next(tree.iter("h1"), None)
    return frozenset() if h1 is None else frozenset((h1, *h1.iterancestors()))


def _is_author_element(element: etree._Element) -> int:
    """How strongly the markup says the element holds the author: 3 best, 0 not at all."""
    attributes = element.attrib
    if not attributes:  # most elements of a page: skip the tests below
        return 0
    itemprop = attributes.get("itemprop")
    if itemprop is not None and {"author", "creator"} & set(itemprop.casefold().split()):
        return 3
    rel = attributes.get("rel")
    if rel is not None and element.tag == "a" and "author" in rel.casefold().split():
        return 2
    class_ = attributes.get("class")
    id_ = attributes.get("id")
    if (class_ is not None and _AUTHOR_MARK.search(class_)) or (
        id_ is not None and _AUTHOR_MARK.search(id_)
    ):
        return 1
    return 0


def _maybe_author_elements(tree: etree._Element) -> Iterator[etree._Element]:
    """The elements :func:`_is_author_element` may rate above 0 (a superset), in page order.

    A page has hundreds or thousands of elements and a handful of marked ones. Reading an
    element's attribute names is one call, and lower-casing its class and id for a substring
    test is several times cheaper than :data:`_AUTHOR_MARK`'s case-insensitive search: the
    regular expressions run on the few elements that pass.

    Each of :data:`_AUTHOR_MARK`'s words starts with "aut" or "byl", and only the ASCII
    letters match these letters case-insensitively: a class or id the pattern matches holds
    one of them once lower-cased (the tests check both).
    """
    for element in tree.iter(etree.Element):  # elements only: no comments, no PIs
        names = element.keys()
        if not names:
            continue  # no attribute, no mark
        if "itemprop" in names or ("rel" in names and element.tag == "a"):
            yield element
            continue
        for name in ("class", "id"):
            if name in names:
                folded = (element.get(name) or "").lower()
                if "aut" in folded or "byl" in folded:
                    yield element
                    break


def _name_slots(element: etree._Element) -> list[str]:
    """The texts of the element's name slots: itemprop name, hCard fn, author-page links."""
    slots: list[str] = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        itemprop = (node.get("itemprop") or "").casefold().split()
        classes = (node.get("class") or "").split()
        href = (node.get("href") or "") if node.tag == "a" else ""
        is_link = node.tag == "a" and (
            "author" in (node.get("rel") or "").casefold().split() or _AUTHOR_HREF.search(href)
        )
        named = "name" in itemprop or "fn" in classes
        if not (named or is_link):
            continue
        text = node.get("content") if node.tag == "meta" else element_text(node)
        if not text or text in slots:
            continue
        if is_link and not named and not _names_the_page(text, href):
            # "Archives", "Full bio": a link to the author's page that is not the name. A
            # link marked as the name (hCard's "fn") is the name whatever its URL spells
            # ("marc" linking to /author/murdelta/).
            continue
        slots.append(text)
    return slots


def _names_the_page(text: str, href: str) -> bool:
    """Whether a link's text is the name its author-page URL spells ("/author/jane-doe")."""
    m = _AUTHOR_HREF.search(href)
    if m is None or not m.group(1):
        return True
    slug = _ascii(m.group(1))
    if not regex.search(r"[a-z]{3}", slug):
        return True  # a number or an id: nothing to check against
    return any(len(w) >= 2 and w in slug for w in _ascii(text).split())


def _ascii(text: str) -> str:
    """Lower case, accents off, anything but letters and digits a space ("Beyß" stays)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))


def linked_authors(tree: etree._Element, language: str | None = None) -> tuple[str, ...]:
    """The name of the first link to a writer's own page that spells the page's name.

    CMSs link a post's byline to the writer's archive ("/author/tombreihan/", "/blog/authors/
    emmanuel-oyibo") even where no class or microdata marks the byline. A link counts when
    its text is a short name whose every word stands in the page's name ("Tom Breihan" for
    "tombreihan"), outside the page parts that name other people (comments, sidebars, related
    stories: see :func:`markup_authors`), and when the line around it does not credit the
    name with another role ("Photos by Eirik").

    Args:
        tree: The parsed page.
        language: ISO 639-1 code for the byline words, or None for all languages.

    Returns:
        The name (normalised), or empty when no such link is found.

    Example:
        >>> from lxml import html
        >>> page = html.fromstring(
        ...     '<html><body><h1>Talks resume</h1><p>Nov 6 by <a href="/author/jane-doe/">'
        ...     "Jane Doe</a></p><p>The story.</p></body></html>"
        ... )
        >>> linked_authors(page)
        ('Jane Doe',)
    """
    # The headline's holders are read once, and only for a link that spells a name: most
    # pages that reach this have none, and on a page without an <h1> it is a whole walk.
    layout: frozenset[etree._Element] | None = None
    for link in tree.iter("a"):
        found = _WRITER_PAGE_HREF.search(link.get("href") or "")
        if found is None:
            continue
        text = element_text(link)
        if not text or len(text.split()) > MAX_NAME_WORDS:
            continue
        slug = _ascii(found.group(1))
        words = [w for w in _ascii(text).split() if len(w) >= 2]
        # Every word of the name in the page's name: "Full bio" or "More posts" linking
        # to the same page is no name, and a numeric page name checks nothing.
        if not _SLUG_LETTERS.search(slug) or not words or not all(w in slug for w in words):
            continue
        if layout is None:
            layout = _headline_holders(tree)
        if _elsewhere(link, layout):
            continue
        # The words just before the link say what the name did ("by", "Photos by").
        others = _other_roles(f"{_words_before(link)} {text}", language)
        names = [
            n
            for n in plausible_authors(parse_byline(text, language=language, trusted=True))
            if n not in others
        ]
        if names:
            return tuple(names)
    return ()


#: How many words before a link :func:`linked_authors` reads for the name's role.
ROLE_WORDS = 4


def _words_before(link: etree._Element) -> str:
    """The last :data:`ROLE_WORDS` words of the link's parent before the link."""
    parent = link.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is link:
            break
        if isinstance(sibling.tag, str):
            parts.append(element_text(sibling))
        parts.append(sibling.tail or "")
    return " ".join(" ".join(parts).split()[-ROLE_WORDS:])


def markup_authors(tree: etree._Element, language: str | None = None) -> tuple[str, ...]:
    """Find the author names the page's markup marks, best evidence first.

    Args:
        tree: The parsed page.
        language: ISO 639-1 code for the byline words, or None for all languages.

    Returns:
        The names (normalised), from the first marked element that names someone; empty when
        the markup marks no author.
    """
    return _best_marked(_maybe_author_elements(tree), language, _headline_holders(tree))


def _best_marked(
    elements: Iterable[etree._Element],
    language: str | None,
    layout: frozenset[etree._Element] = frozenset(),
) -> tuple[str, ...]:
    """The names of the strongest marked element among ``elements`` that names someone.

    ``layout``: the elements around the headline (see :func:`_elsewhere`).
    """
    best: tuple[int, tuple[str, ...]] = (0, ())
    for element in elements:
        strength = _is_author_element(element)
        # An element around the headline, or the whole page's, is the page's layout, not a
        # byline ("author" in a theme's body classes, "s-author-admin").
        if (
            strength <= best[0]
            or element in layout
            or element.tag in _PAGE_TAGS
            or _elsewhere(element, layout)
        ):
            continue
        names = _names_of(element, language)
        if names:
            best = (strength, names)
            if strength == 3:
                break
    return best[1]


#: Marked parts inside marked parts are read this many levels deep, no deeper.
MAX_MARKED_DEPTH = 16


def _names_of(element: etree._Element, language: str | None, depth: int = 0) -> tuple[str, ...]:
    """The names an author element holds (its marked parts read to :data:`MAX_MARKED_DEPTH`)."""
    if element.tag == "meta":
        content = element.get("content") or ""
        return plausible_authors(parse_byline(content, language=language, trusted=True))
    slots = _name_slots(element)
    if slots:
        names: list[str] = []
        for slot in slots:
            if len(slot.split()) <= MAX_NAME_WORDS:
                read = parse_byline(slot, language=language, trusted=True)
                names.extend(n for n in read if n not in names)
        # "Written by A | Edited by B", both linked: B is no author.
        others = _other_roles(element_text(element), language)
        return plausible_authors([n for n in names if n not in others])
    inner = _inner_names(element, language, depth + 1) if depth < MAX_MARKED_DEPTH else ()
    if inner:
        # A byline box whose parts are marked too ("author-name" beside "author-title"): the
        # part that names, not the box's text, which runs the name into the job title.
        return inner
    text = element_text(element)
    if not text or len(text.split()) > MAX_WORDS or _COPYRIGHT.search(text):
        return ()  # prose, or the site's copyright line
    read = parse_byline(text, language=language)
    return tuple(n for n in plausible_authors(read) if len(n.split()) >= 2)


def _other_roles(text: str, language: str | None) -> set[str]:
    """The people a short credit line names in other roles than author (editor, reviewer)."""
    if len(text.split()) > 3 * MAX_WORDS:
        return set()
    credited = parse_contributors(text, language=language, trusted=True)
    return {c.name for c in credited if c.role not in AUTHOR_ROLES}


def _marked_children(element: etree._Element) -> list[etree._Element]:
    """The outermost marked elements inside ``element``, in document order."""
    found: list[etree._Element] = []
    # An explicit stack: the elements between ``element`` and a marked one may be nested
    # deeper than Python's recursion limit.
    stack = [child for child in reversed(element) if isinstance(child.tag, str)]
    while stack:
        child = stack.pop()
        if _is_author_element(child):
            found.append(child)
        else:
            stack.extend(c for c in reversed(child) if isinstance(c.tag, str))
    return found


def _inner_names(element: etree._Element, language: str | None, depth: int = 0) -> tuple[str, ...]:
    """The names of the first marked part that names someone, and of its like siblings.

    "By <span class=author>A</span> and <span class=author>B</span>" names both.
    """
    names: list[str] = []
    first: etree._Element | None = None
    for child in _marked_children(element):
        if first is not None and (child.tag, child.get("class")) != (first.tag, first.get("class")):
            continue
        found = _names_of(child, language, depth)
        if found and first is None:
            first = child
        names.extend(n for n in found if n not in names)
    return tuple(names)


#: Month names that are also first names and surnames ("Tom May", "Anna August").
_NAMES = frozenset({"may", "june", "april", "august"})


def _is_month(token: str, lex: lexicon.Lexicon) -> bool:
    return lexicon.match_key(token).rstrip(".") in lex.months


def plausible_author(name: str) -> str | None:
    """The name a markup byline gives, or None when it is a label, a count or a date.

    A trailing month name goes ("Jane Doe November": the byline ran into its date line);
    a CMS's default user ("admin", "wordpressadmin"), form labels ("Name") and the labels of
    links and buttons ("Full Bio", "Follow") are no one.
    """
    lex = lexicon.for_language(None)
    tokens = name.split()
    while len(tokens) > 1 and _is_month(tokens[-1], lex) and tokens[-1].casefold() not in _NAMES:
        tokens.pop()
    name = " ".join(tokens)
    key = lexicon.match_key(name)
    if not regex.search(r"[^\W\d_]", key):
        return None  # "4", "29": a count, not a name
    if cms_default(name, strict=True) or looks_like_interface_label(name):
        return None
    single = len(tokens) == 1
    if single and (_is_month(key, lex) or key in lex.words("weekdays")):
        return None
    return name


def plausible_authors(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The plausible names of a list (see :func:`plausible_author`), without repeats."""
    kept: list[str] = []
    for name in names:
        good = plausible_author(name)
        if good and good not in kept:
            kept.append(good)
    return tuple(kept)
