"""Whole-page segmentation: every text block of a page, in order, with its link density.

Where trafilatura picks the wrong part of a page (a sidebar of teasers, a promo box) the
article is still the densest run of prose on the page; these blocks let the HTML reader find
it (see :func:`articlekit.regions.article_core`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import cast

from lxml import etree

from articlekit.article import joined_cells
from articlekit.draft import DraftBlock
from articlekit.readers._space import normalize_space

__all__ = [
    "PageSample",
    "box_under",
    "is_block_tag",
    "lines_after",
    "page_blocks",
    "sample_page",
]

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "head",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "canvas",
        "object",
        "embed",
        "map",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "figcaption",
        "figure",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "form",
        "address",
        "fieldset",
        "legend",
        "details",
        "summary",
        "caption",
        "hr",
        "br",
        "body",
        "center",
    }
)
_KIND = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "blockquote": "quote",
    "pre": "code",
    "td": "table_row",
    "th": "table_row",
    "figcaption": "caption",
}


#: class/id words of page furniture. A block inside an element (or under an ancestor) whose
#: class or id holds one carries it in ``DraftBlock.classes``. Outer wrappers carry them too
#: ("has-sidebar", a newsletter platform's body class), so this marks where text may be
#: furniture, not that it is: it keeps furniture out of what the reader adds back to
#: trafilatura's output, and never removes text on its own.
_FURNITURE = re.compile(
    r"comment|author|byline|(?<![a-z])bio(?![a-z])|cookie|consent|gdpr|related|recommend|share"
    r"|social|newsletter|subscri|signup|promo|sponsor|advert|sidebar|footer|(?<![a-z])nav|menu"
    r"|breadcrumb|popup|modal|caption|credit|disclaimer|disclosure|testimonial|review"
)


#: A heading element's level.
_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}


def is_block_tag(name: str) -> bool:
    """Whether an element of this local name starts a block of its own (``p``, ``li``, ``div``...).

    Example:
        >>> is_block_tag("li"), is_block_tag("em")
        (True, False)
    """
    return name in _BLOCK


def _tag_info(raw_tag: object) -> tuple[str, bool, str]:
    """An element's tag as :func:`page_blocks` reads it: local name, block or not, kind.

    ``{namespace}P`` is ``p``; the name is "" for an element whose text is skipped, and for
    a comment or processing instruction (whose tag is not a string).
    """
    name = raw_tag.rsplit("}", 1)[-1].lower() if isinstance(raw_tag, str) else ""
    if name in _SKIP:
        name = ""
    return name, name in _BLOCK, _KIND.get(name, "paragraph")


def page_blocks(
    tree: etree._Element, elements: list[etree._Element] | None = None
) -> tuple[DraftBlock, ...]:
    """Split the whole page into text blocks at block-level element boundaries.

    Scripts, styles and form controls are skipped. Each block records its link density (the
    share of its characters inside ``<a>``), the tag of the element it started in and, in
    ``classes``, the furniture word ("comment", "share", "sidebar"...) of the outermost
    element around it whose class or id holds one.

    Args:
        tree: The parsed page.
        elements: When given, filled with the block-level element each block was read in
            (the body itself for text loose in it), one per block: the reader uses them to
            tell which blocks share a box of the layout.

    Returns:
        The blocks, numbered in document order.

    Example:
        >>> from lxml import html
        >>> page = html.fromstring("<body><nav><a href='/'>Home</a></nav><p>Some <b>bold</b>"
        ...                        " text.</p><script>x()</script></body>")
        >>> [(b.text, b.link_density) for b in page_blocks(page)]
        [('Home', 1.0), ('Some bold text.', 0.0)]
        >>> page = html.fromstring("<body><div class='post'><p>Text.</p><div class="
        ...                        "'author-box'><p>Ann writes.</p></div></div></body>")
        >>> [(b.text, b.classes) for b in page_blocks(page)]
        [('Text.', ()), ('Ann writes.', ('author',))]
    """
    blocks: list[DraftBlock] = []
    parts: list[str] = []
    # The state of the block being read (the walk below sets it as it enters and leaves
    # block elements): its characters inside links, its kind, tag, furniture word and element.
    linked = 0
    kind = "paragraph"
    tag = "p"
    marked = ""
    owner: etree._Element | None = None
    # Per tag as the element carries it: its local name ("" for a skipped element, a comment
    # or a processing instruction), whether it is a block, and its block's kind. A page has
    # few distinct tags, and the walk asks for every element.
    tags: dict[object, tuple[str, bool, str]] = {}

    def flush() -> None:
        nonlocal linked
        # Called when ``parts`` holds text: ``linked`` grows only with a part added.
        raw = "".join(parts)
        parts.clear()
        text = normalize_space(raw) if raw and not raw.isspace() else ""
        if text:
            density = min(1.0, linked / len(text))
            blocks.append(
                DraftBlock(
                    len(blocks),
                    text,
                    kind=kind,
                    link_density=density,
                    tag=tag,
                    classes=(marked,) if marked else (),
                    level=_HEADING_LEVELS.get(tag, 0),
                    # A cell's block is one cell, whatever its text holds (" | " too).
                    spans=joined_cells((text,))[1] if kind == "table_row" else (),
                )
            )
            if elements is not None:
                elements.append(owner if owner is not None else tree)
        linked = 0

    def walk(node: etree._Element, in_link: bool, mark: str, around: etree._Element) -> None:
        # The text and tails are added here, not by a helper: most are None or white space
        # between tags, and a call for each cost a fifth of the walk.
        nonlocal linked, kind, tag, marked, owner
        for child in node:
            raw_tag = child.tag
            known = tags.get(raw_tag)
            if known is None:
                known = tags[raw_tag] = _tag_info(raw_tag)
            name, is_block, block_kind = known
            if not name:
                if tail := child.tail:
                    parts.append(tail)
                    if in_link:
                        linked += len(" ".join(tail.split()))
                continue
            child_mark = mark
            if is_block:
                # Only block elements: furniture is boxes of blocks, and the inline elements
                # (links, spans, icons) are most of a page's classes.
                if not mark:
                    # The outermost marked element names the block: a comment section's
                    # inner "author" line is still in the comments.
                    names = f"{child.get('class') or ''} {child.get('id') or ''}"
                    # Folding first: a case-insensitive pattern is four times slower.
                    if len(names) > 1 and (found := _FURNITURE.search(names.lower())):
                        child_mark = found.group(0)
                if parts:
                    flush()
                kind = block_kind
                tag = name
                marked = child_mark
                owner = child
            child_link = in_link or name == "a"
            if text := child.text:
                parts.append(text)
                if child_link:
                    linked += len(" ".join(text.split()))
            if len(child):
                walk(child, child_link, child_mark, child if is_block else around)
            if is_block:
                if parts:
                    flush()
                marked = mark
                owner = around
            if tail := child.tail:
                parts.append(tail)
                if in_link:
                    linked += len(" ".join(tail.split()))

    body = tree.find(".//body")
    root = body if body is not None else tree
    if root.text:
        parts.append(root.text)
    owner = root
    walk(root, False, "", root)
    if parts:
        flush()
    return tuple(blocks)


#: :func:`sample_page` reads the lines of at most this many texts...
SAMPLE_MAX_NODES = 32
#: ...each in its block element when that holds at most this many elements (else the text
#: alone is the line: a wrapper of much of the page is not segmented for one line)...
SAMPLE_MAX_ELEMENTS = 48
#: ...found at most this many inline elements above the text...
SAMPLE_MAX_CLIMB = 6
#: ...and only texts of at most this many words: a longer line is prose, neither a
#: headline nor a date line (:data:`~articlekit.readers.title_vote.PRINTED_MAX_WORDS`).
SAMPLE_MAX_WORDS = 40
#: A text of more characters than this is counted in words (see SAMPLE_MAX_WORDS).
SAMPLE_MAX_CHARS = 400
#: A year a text holds for it to be read as a possible date line: 1990 to 2029
#: (:mod:`articlekit.readers.page_dates` reads no day before 1990).
_YEAR = re.compile(r"(?:199|20[0-2])\d")
#: Texts of at least this many characters are prose for :attr:`PageSample.prose`...
PROSE_MIN_CHARS = 80
#: ...at most this many of them.
PROSE_MAX_TEXTS = 8
#: Skipped elements by the tag the parser gives them (lower case), for a quick test.
_SKIP_TAGS = frozenset(_SKIP)


@dataclasses.dataclass(frozen=True)
class PageSample:
    """What :func:`sample_page` reads of a page.

    Attributes:
        lines: The page blocks that may print a headline or a date, numbered from 0 in page
            order (see :func:`sample_page`).
        prose: The page's first long texts (white space normalised), for its language.
        elements: Every element of the page, in page order. Holding them makes the other
            walks of the page cheaper (lxml reuses an element's Python object while one is
            alive, and making them is most of a walk's cost).
        owners: The block element each line is read from, one per line, in the same order
            (for :func:`lines_after` and :func:`box_under`).
    """

    lines: tuple[DraftBlock, ...] = ()
    prose: tuple[str, ...] = ()
    elements: tuple[etree._Element, ...] = dataclasses.field(default=(), repr=False)
    owners: tuple[etree._Element, ...] = dataclasses.field(default=(), repr=False)


def _block_of(owner: etree._Element) -> etree._Element | None:
    """The block element the text of ``owner`` is a line of; None inside a skipped element."""
    block: etree._Element | None = None
    climbed = 0
    element: etree._Element | None = owner
    while element is not None:
        tag = element.tag
        if tag in _SKIP_TAGS:
            return None  # a script's, a form control's, the head's text
        if block is None and (tag in _BLOCK or climbed >= SAMPLE_MAX_CLIMB):
            block = element
        climbed += 1
        element = element.getparent()
    return block


def _add_prose(prose: list[str], text: str, owner: etree._Element | None) -> None:
    if owner is not None and owner.tag not in _SKIP_TAGS and not text.isspace():
        prose.append(normalize_space(text))


def _may_be_line(text: str, has_word: Callable[[str], object] | None) -> bool:
    """Whether a text may stand in a headline or a date line: short, a year or a title word."""
    if len(text) > SAMPLE_MAX_CHARS and len(text.split()) > SAMPLE_MAX_WORDS:
        return False  # prose: its line is longer still (and no pattern need run on it)
    # A substring test first: most texts hold neither "19" nor "20".
    if ("19" in text or "20" in text) and _YEAR.search(text):
        return True
    return has_word is not None and bool(has_word(text))


def _line_blocks(block: etree._Element, text: str) -> tuple[DraftBlock, ...]:
    """The page blocks of ``block``, or ``text`` alone when the block is a large wrapper.

    A block without block or skipped elements inside (most lines) is one block of all its
    text, as :func:`page_blocks` reads it, without its walk.
    """
    nested = False
    for size, element in enumerate(block.iter()):
        if size > SAMPLE_MAX_ELEMENTS:
            line = normalize_space(text)  # a wrapper of much of the page: the text alone
            return (DraftBlock(0, line),) if line else ()
        if size and (element.tag in _BLOCK or element.tag in _SKIP_TAGS):
            nested = True
    if nested:
        return page_blocks(block)
    # An HTML tree's texts are str (lxml-stubs allow bytes for trees parsed from bytes).
    line = normalize_space("".join(cast("Iterator[str]", block.itertext())))
    return (DraftBlock(0, line),) if line else ()


def sample_page(tree: etree._Element, words: Iterable[str] = ()) -> PageSample:
    """The lines that may print a headline or a date, and some prose, without segmenting the page.

    :func:`page_blocks` reads every element of a page; a reader that only needs the lines
    that may print a headline (they hold one of its ``words``) or a date (they hold a year
    from 1990 to 2029) finds those texts in one pass over the page's texts and segments only
    the block elements around them (the first :data:`SAMPLE_MAX_NODES` texts of at most
    :data:`SAMPLE_MAX_WORDS` words). The lines have the texts :func:`page_blocks` gives them,
    in page order; their link density and furniture marks are those of the block element's
    own content. The same pass keeps the first :data:`PROSE_MAX_TEXTS` texts of
    :data:`PROSE_MIN_CHARS` characters or more, for the page's language.

    Args:
        tree: The parsed page.
        words: Words (case as printed) a headline line holds, one of them.

    Returns:
        The sample.

    Example:
        >>> from lxml import html
        >>> tree = html.fromstring("<body><nav>Home</nav><h1>Talks <b>resume</b></h1>"
        ...     "<p class='date'>16 Nov 2025</p><p>The talks resumed on Monday.</p></body>")
        >>> [b.text for b in sample_page(tree, ["Talks"]).lines]
        ['Talks resume', '16 Nov 2025']
    """
    wanted = tuple(dict.fromkeys(w for w in words if w))
    has_word = re.compile("|".join(map(re.escape, wanted))).search if wanted else None
    body = tree.find(".//body")
    root = body if body is not None else tree
    hits: list[tuple[str, etree._Element | None]] = []
    prose: list[str] = []
    # Every element, kept: lxml makes a Python object for an element each time a walk meets
    # it (most of a walk's cost) unless one is alive, so later walks of the page (the author
    # search, the date markup) cost half while the sample is held.
    elements = list(tree.iter())
    # One pass over the body's texts and tails, in page order, until enough is found. The
    # loop is the cost (a page has a thousand texts, most of them white space): cheap tests
    # first. The body's elements follow the head's, to the end of the list.
    for element in itertools.islice(elements, elements.index(root), None):
        text = element.text
        if text and not text.isspace():
            tag = element.tag
            # A script's or a style's text (often tens of kilobytes) is no line, nor a comment.
            if tag.__class__ is str and tag not in _SKIP_TAGS:
                if len(text) >= PROSE_MIN_CHARS and len(prose) < PROSE_MAX_TEXTS:
                    prose.append(normalize_space(text))
                if len(hits) < SAMPLE_MAX_NODES and _may_be_line(text, has_word):
                    hits.append((text, element))
        tail = element.tail
        if tail and not tail.isspace() and element is not root:
            if len(tail) >= PROSE_MIN_CHARS and len(prose) < PROSE_MAX_TEXTS:
                _add_prose(prose, tail, element.getparent())
            if len(hits) < SAMPLE_MAX_NODES and _may_be_line(tail, has_word):
                hits.append((tail, element.getparent()))  # the element around the tail's own
            elif len(hits) >= SAMPLE_MAX_NODES and len(prose) >= PROSE_MAX_TEXTS:
                break
    lines, owners = _lines_of(hits)
    return PageSample(lines, tuple(prose), tuple(elements), owners)


def _lines_of(
    hits: Iterable[tuple[str, etree._Element | None]],
    seen: set[etree._Element] | None = None,
    limit: int | None = None,
) -> tuple[tuple[DraftBlock, ...], tuple[etree._Element, ...]]:
    """The lines of the block elements of ``hits`` (a text and its element), each block once.

    Blocks in ``seen`` are skipped (and those read are added to it); at most ``limit`` lines.
    """
    seen = set() if seen is None else seen
    lines: list[DraftBlock] = []
    owners: list[etree._Element] = []
    for text, owner in hits:
        if limit is not None and len(lines) >= limit:
            break
        if owner is None or len(text.split()) > SAMPLE_MAX_WORDS:
            continue  # prose: its line is longer still
        block = _block_of(owner)
        if block is not None and block not in seen:
            seen.add(block)
            read = _line_blocks(block, text)
            lines.extend(read)
            owners.extend([block] * len(read))
    numbered = tuple(
        DraftBlock(i, b.text, b.kind, b.offset, b.link_density, b.tag, b.classes)
        for i, b in enumerate(lines[:limit])
    )
    return numbered, tuple(owners[:limit])


#: :func:`lines_after` reads at most this many of the page's elements after the line.
AFTER_MAX_ELEMENTS = 400


def _after(sample: PageSample, line: int) -> Iterator[tuple[str, etree._Element | None]]:
    """The texts after the sampled ``line``'s element, each with its element, in page order.

    Neither the texts inside the line's element (the line itself), nor those of skipped
    elements (scripts, styles, controls); at most :data:`AFTER_MAX_ELEMENTS` elements read.
    """
    owner = sample.owners[line]
    elements = sample.elements
    start = elements.index(owner)
    inside = {id(e) for e in owner.iter()}
    for element in itertools.islice(elements, start + 1, start + 1 + AFTER_MAX_ELEMENTS):
        tag = element.tag
        if id(element) not in inside and tag.__class__ is str and tag not in _SKIP_TAGS:
            text = element.text
            if text and not text.isspace():
                yield text, element
        tail = element.tail
        if tail and not tail.isspace():
            yield tail, element.getparent()


def box_under(sample: PageSample, line: int) -> etree._Element | None:
    """The element that holds the sampled ``line`` and the first prose after it, or None.

    Under a headline, that is the article's box: the headline and its story's first
    paragraph (a text of :data:`PROSE_MIN_CHARS` characters or more). None when no prose
    follows within :data:`AFTER_MAX_ELEMENTS` elements.

    Example:
        >>> from lxml import html
        >>> tree = html.fromstring("<body><div id='side'><p>Menu</p></div><article>"
        ...     "<h1>Talks resume</h1><div><p>" + "The talks resumed on Monday. " * 4
        ...     + "</p></div></article></body>")
        >>> box_under(sample_page(tree, ["Talks"]), 0).tag
        'article'
    """
    owner = sample.owners[line]
    prose = next(
        (e for text, e in _after(sample, line) if len(text.strip()) >= PROSE_MIN_CHARS), None
    )
    if prose is None:
        return None
    around = {id(prose), *(id(a) for a in prose.iterancestors())}
    return next((a for a in owner.iterancestors() if id(a) in around), None)


def lines_after(sample: PageSample, line: int, count: int) -> tuple[DraftBlock, ...]:
    """The sampled ``line`` and the page's next ``count`` lines after it, numbered from 0.

    The lines under a headline (its byline, its date line, the story's first paragraphs)
    read as :func:`sample_page` reads its lines, whatever they hold: a long text is no line
    (prose), so a paragraph does not count among the ``count``. At most
    :data:`AFTER_MAX_ELEMENTS` elements after the line's own are read.

    Example:
        >>> from lxml import html
        >>> tree = html.fromstring("<body><h1>Talks resume</h1><p>By <a>Ann Lee</a></p>"
        ...     "<p>Updated</p><p>More</p></body>")
        >>> sample = sample_page(tree, ["Talks"])
        >>> [b.text for b in lines_after(sample, 0, 2)]
        ['Talks resume', 'By Ann Lee', 'Updated']
    """
    after, _ = _lines_of(_after(sample, line), {sample.owners[line]}, count)
    return (
        dataclasses.replace(sample.lines[line], index=0),
        *(dataclasses.replace(b, index=b.index + 1) for b in after),
    )
