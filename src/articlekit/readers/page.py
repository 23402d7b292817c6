"""Whole-page segmentation: every text block of a page, in order, with its link density.

Where trafilatura picks the wrong part of a page (a sidebar of teasers, a promo box) the
article is still the densest run of prose on the page; these blocks let the HTML reader find
it (see :func:`articlekit.regions.article_core`).
"""

from __future__ import annotations

import re

from lxml import etree

from articlekit.draft import DraftBlock
from articlekit.readers._space import normalize_space

__all__ = ["is_block_tag", "page_blocks"]

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
