"""The HTML reader: trafilatura finds the main content, its body tree becomes blocks.

The page is decoded and parsed once; trafilatura extracts the main content from a copy of the
tree (with links kept, so each block's link density is known) and the page metadata (meta
tags, JSON-LD) is read from the same parsed tree.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

import regex
from lxml import etree
from lxml import html as lxml_html

from articlekit import dates, lexicon, mojibake
from articlekit._gcpause import gc_paused
from articlekit._memo import memo_table
from articlekit.article import CELL_SEPARATOR, Removal, Span, joined_cells
from articlekit.bylines import is_name_particle, parse_byline, reads_as_byline
from articlekit.cleaners.language import prose_language, stopword_language
from articlekit.cleaners.unlikely import BLOCK_SCORES
from articlekit.draft import Draft, DraftBlock, Hints
from articlekit.errors import InputError, InputTypeError, NoArticleError, UnreadableInputError
from articlekit.features import (
    ends_sentence,
    folded_words,
    is_prose,
    word_count,
    words,
)
from articlekit.pagemodel import block_model, html_rows
from articlekit.readers import boxes, images, page_dates, title_vote
from articlekit.readers.faster_trafilatura import (
    dateparser_languages,
    faster_trafilatura,
    invalid_xml_absent,
    month_only_first,
)
from articlekit.readers.html_input import (
    DEFAULT_MAX_BYTES,
    MAX_NESTING,
    Scrubbed,
    cap_attributes,
    check_size,
    decode_html,
    flatten_nesting,
    scrub_surrogates,
)
from articlekit.readers.inline import (
    absolute_spans,
    html_span_kind,
    inline_spans,
    trafilatura_span_kind,
)
from articlekit.readers.markup_bylines import linked_authors, markup_authors, plausible_authors
from articlekit.readers.metadata import element_text, page_hints
from articlekit.readers.page import (
    PageSample,
    box_under,
    is_block_tag,
    lines_after,
    page_blocks,
    sample_page,
)
from articlekit.readers.searched import CutRun, searched_tree
from articlekit.readers.trafilatura_author import trafilatura_author
from articlekit.regions import article_core
from articlekit.scorer import BlockScorer, Scorer

__all__ = [
    "HtmlInput",
    "PageModel",
    "decode_html",
    "parse_html",
    "read_html",
    "read_html_metadata",
    "read_page_model",
    "repair_html",
]

#: What :func:`read_html` accepts: markup as ``str`` or ``bytes``, an lxml element, or a
#: BeautifulSoup object.
HtmlInput = Any

_TAG = re.compile(r"<\s*(?:[a-zA-Z][\w:-]*|!doctype|!--)", re.I)
_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.I)
_NEXT_TAG = re.compile(r"<[a-zA-Z/!]")


def repair_html(html: str) -> str:
    """Repair markup that would hide the page: an unclosed ``<title>``, an early ``</html>``.

    A ``<title>`` is raw text up to its end tag; when the end tag is missing (truncated or
    broken pages), parsers put the whole document into the title and the body is lost. The
    title is closed before the next tag instead.

    Templates that print the site's header as a document of its own close ``</body>`` and
    ``</html>`` before the article. Browsers carry on in the body (HTML5 parses what follows
    ``</html>`` into it); libxml2 may drop what follows. Such end tags are taken out when
    markup follows them, and the parser closes the body at the end of the page.

    Example:
        >>> repair_html("<html><head><title>Talks resume<body><p>Text.</p></body></html>")
        '<html><head><title>Talks resume</title><body><p>Text.</p></body></html>'
        >>> repair_html("<html><body><nav>Menu</nav></body></html><p>Story.</p>")
        '<html><body><nav>Menu</nav><p>Story.</p>'
    """
    html = _early_end_tags_out(html)
    opening = _TITLE_OPEN.search(html)
    if opening is None or _TITLE_CLOSE.search(html, opening.end()):
        return html
    following = _NEXT_TAG.search(html, opening.end())
    end = following.start() if following else len(html)
    return f"{html[:end]}</title>{html[end:]}"


_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.I)
_MARKUP = re.compile(r"<[a-zA-Z]")


def _early_end_tags_out(html: str) -> str:
    """Take out ``</body>`` and ``</html>`` when an element starts after the first of them."""
    first = _DOCUMENT_END.search(html)
    if first is None or _MARKUP.search(html, first.end()) is None:
        return html
    return _DOCUMENT_END.sub("", html)


def parse_html(
    html: HtmlInput, *, max_bytes: int | None = DEFAULT_MAX_BYTES, charset: str | None = None
) -> lxml_html.HtmlElement:
    """Return an lxml tree for ``html`` (parsing it unless it already is one).

    Args:
        html: ``str``, ``bytes``, an lxml ``HtmlElement`` or a BeautifulSoup object.
        max_bytes: The largest page read, in bytes (see :func:`read_html`).
        charset: For ``bytes``, the charset the server declared, as for :func:`read_html`.

    Returns:
        The root element.

    Raises:
        InputTypeError: For any other type.
        InputTooLargeError: For a page over ``max_bytes``.
        InputError: For text without markup, or markup lxml cannot parse.
    """
    return _read_input(html, max_bytes, charset).tree


@dataclasses.dataclass(frozen=True)
class _Input:
    """The parsed page and what the input boundary replaced on the way."""

    tree: lxml_html.HtmlElement
    scrubbed: Scrubbed | None = None
    repaired: mojibake.Repair | None = None


def _read_input(
    html: HtmlInput, max_bytes: int | None, charset: str | None = None, caller: str = "clean_html"
) -> _Input:
    """Check, decode (bytes: ``charset`` is the server's), scrub and parse the page.

    ``caller``: the function the user called, named in the message of a wrong type.
    """
    if isinstance(html, lxml_html.HtmlElement):
        if not _deeper_than(html, MAX_NESTING):
            return _Input(html)
        # A tree built by hand may be nested deeper than the readers walk: it is read from
        # its markup, flattened like a page's (the user's tree is left as it is).
        html = etree.tostring(html, encoding="unicode")
    elif isinstance(html, etree._Element):
        html = etree.tostring(html, encoding="unicode")
    elif hasattr(html, "find_all") and hasattr(html, "decode"):  # BeautifulSoup / Tag
        html = str(html)
    elif isinstance(html, (bytes, bytearray)):
        check_size(bytes(html), max_bytes)
        html = decode_html(bytes(html), charset)
    elif not isinstance(html, str):
        msg = (
            f"{caller} takes HTML as str or bytes, an lxml element or a BeautifulSoup object, "
            f"got {type(html).__name__}"
        )
        raise InputTypeError(msg)
    else:
        check_size(html, max_bytes)  # a str; bytes were measured as served, trees are not
    scrubbed = scrub_surrogates(html)
    repaired = mojibake.repair(scrubbed.text, scrubbed.encoded)
    html = repaired.text
    if not _TAG.search(html[:65536]):
        msg = "the input has no HTML tags: for plain text use articlekit.clean_text"
        raise InputError(msg)
    html = repair_html(html)
    html, _ = cap_attributes(html)  # one tag's thousands of attributes: quadratic to parse
    # The scrub's UTF-8 bytes are the page's while no repair changed it (most pages).
    tree, limit = _load_tree(html, _parser(), scrubbed.encoded if html is scrubbed.text else None)
    depth = MAX_NESTING
    while limit == "depth" and depth >= MAX_NESTING // 4:
        # libxml2 stopped at its depth limit and dropped the rest of the page: the tags
        # nested deeper than the bound go, their text stays.
        html, _ = flatten_nesting(html, depth)
        tree, limit = _load_tree(html, _parser())
        depth //= 2
    if limit == "size":
        # A text node over libxml2's 10 MB limit empties the whole tree: such a page is read
        # with the limits lifted (XML_PARSE_HUGE), nested no deeper than the bound, as
        # lifting them also lets elements nest 2,048 levels deep.
        html, _ = flatten_nesting(html, MAX_NESTING)
        tree, limit = _load_tree(html, _parser(huge=True))
    if tree is None:
        # trafilatura refuses fragments; a fragment is still HTML a user may hand us.
        try:
            tree = lxml_html.fromstring(f"<html><body>{html}</body></html>", parser=_parser())
        except (etree.ParserError, ValueError) as exc:
            msg = f"could not parse the HTML: {exc}"
            raise InputError(msg) from exc
    # The page's bytes are the parser's only: not kept while the page is read.
    # The record needs what was repaired, not a second copy of the page.
    return _Input(
        tree, dataclasses.replace(scrubbed, encoded=None), dataclasses.replace(repaired, text="")
    )


def _deeper_than(tree: etree._Element, bound: int) -> bool:
    """Whether elements in ``tree`` are nested more than ``bound`` levels deep (one pass)."""
    depth = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > bound:
            return True
    return False


@functools.cache
def _parser(*, huge: bool = False) -> lxml_html.HTMLParser:
    """Return a parser with trafilatura's settings (comments kept) and a C-level class lookup.

    Comments are kept for htmldate, which reads dates in them (blog engines print an
    entry's trackback RDF with its ``dc:date`` in a comment) on its own parse;
    :func:`read_html` strips them before trafilatura runs, whose output changes with
    comments in the tree (measured: l3s-gn1 F1 0.929 -> 0.923).

    ``lxml.html``'s own lookup is a Python method called for every element object lxml
    creates; trafilatura and the page segmentation touch each element several times, and
    that lookup cost 5% of ``clean_html``. Its only effect, special classes for form
    elements (``<input>``, ``<select>``...), is never used here: every element is an
    ``HtmlElement``.
    """
    parser = lxml_html.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=False,
        remove_pis=True,
        huge_tree=huge,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


def _load_tree(
    html: str, parser: lxml_html.HTMLParser, encoded: bytes | None = None
) -> tuple[lxml_html.HtmlElement | None, str | None]:
    """Parse a page as ``trafilatura.utils.load_html`` does, with :func:`_parser`.

    The same repairs (invalid XML characters, a broken doctype, a self-closing ``<html/>``)
    and the same rejection of a tree too small to be a page when the markup never says
    "html". trafilatura parses the ``str`` and retries with its UTF-8 bytes (a ``str`` with
    an XML encoding declaration is refused, and an empty tree is tried again); here the
    bytes are parsed at once: the parser reads them as UTF-8 whatever the page declares, so
    the tree is the same (all 4,089 HTML dev pages, checked), and libxml2 reads UTF-8 a
    sixth faster than a ``str`` that is not ASCII.

    Args:
        html: The page.
        parser: The parser (:func:`_parser`).
        encoded: ``html`` in UTF-8 when the caller has it (else it is encoded here).

    Returns:
        The tree (None when there is none) and the libxml2 limit the parse ran into, which
        lost part of the page: "depth" (elements nested more than 255 levels: the page
        after the deepest is missing), "size" (a text node over 10 MB: the tree is empty),
        or None.
    """
    from trafilatura.utils import is_dubious_html

    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    repaired = _repaired(html, beginning, encoded)
    if repaired is not html or encoded is None:
        encoded = repaired.encode("utf-8", "surrogatepass")
    tree: lxml_html.HtmlElement | None = None
    limit: str | None = None
    try:
        tree = lxml_html.fromstring(encoded, parser=parser)
        limit = _limit_hit(parser)
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is not None and dubious and len(tree) < 2:
        return None, limit
    return tree, limit


def _repaired(html: str, beginning: str, encoded: bytes | None = None) -> str:
    """``trafilatura.utils.repair_faulty_html``, the same string, without copying the page.

    trafilatura splits off the first line of every page that starts with a doctype and joins
    it back (two copies of the whole page, four bytes a character on a page with an emoji):
    here the page is rebuilt only when the doctype is repaired. The same result
    (tests/unit/test_html_input.py checks it against trafilatura's). ``encoded``, the page
    in UTF-8 when the caller has it, tells faster than the ``str`` that it holds no
    character XML does not take (:func:`invalid_xml_absent`).
    """
    from trafilatura import utils
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML

    if encoded is None or not invalid_xml_absent(encoded):
        with faster_trafilatura():  # its test for characters XML does not take, in a quarter
            html = utils.INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:
        end = html.find("\n")
        first = html if end < 0 else html[:end]
        fixed = DOCTYPE_TAG.sub("", first, count=1)
        if end < 0:
            html = fixed + "\n"  # trafilatura joins the (missing) rest with a line break
        elif fixed != first:
            html = fixed + html[end:]
    # A self-closing <html/> in the first lines.
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def _limit_hit(parser: etree._BaseParser) -> str | None:
    """Which of libxml2's resource limits the parser's last run hit (see :func:`_load_tree`)."""
    for entry in parser.error_log:
        message = entry.message
        if "Excessive depth" in message:
            return "depth"
        if "Resource limit exceeded" in message or "XML_PARSE_HUGE" in message:
            return "size"
    return None


def _text_and_links(element: etree._Element) -> tuple[str, int]:
    """Return the element's normalised text and how many characters sit inside links."""
    text = element_text(element)
    linked = sum(len(element_text(ref)) for ref in element.iter("ref"))
    return text, linked


def _loose_text(text: str | None) -> etree._Element | None:
    """A paragraph element for text that sits directly in the body, outside any block."""
    if text is None or not text.strip():
        return None
    paragraph = etree.Element("p")
    paragraph.text = text
    return paragraph


def _block_elements(body: etree._Element) -> Iterator[tuple[str, etree._Element, int, bool]]:
    """Yield ``(kind, element, level, ordered)`` for each text block of trafilatura's output tree.

    Text loose in the body (before the first element, or after one: the tail of a ``<p>``, of
    a line break) is a paragraph of its own: trafilatura puts a page's unwrapped text there,
    sometimes all of its article. ``level`` and ``ordered`` are a heading's level and a list
    item's depth and numbering (see :attr:`articlekit.article.Block.level`).
    """
    if (loose := _loose_text(body.text)) is not None:
        yield "paragraph", loose, 0, False
    for element in body:
        yield from _one_block(element)
        if (loose := _loose_text(element.tail)) is not None:
            yield "paragraph", loose, 0, False


#: trafilatura's heading renditions: "h2" is level 2.
_HEADING_REND = re.compile(r"h([1-6])")


def _one_block(element: etree._Element) -> Iterator[tuple[str, etree._Element, int, bool]]:
    """Yield the blocks of one child of the body (without its tail), as :func:`_block_elements`."""
    tag = element.tag
    if tag == "head":
        level = _HEADING_REND.fullmatch(element.get("rend") or "")
        yield "heading", element, int(level.group(1)) if level else 0, False
    elif tag == "list":
        for item in element.iter("item"):
            # The item's depth and numbering are read before a nested list is cut off it (the
            # cut item is a copy, outside the tree).
            lists = list(item.iterancestors("list"))
            depth = max(0, len(lists) - 1 - _lists_above(element))
            ordered = bool(lists) and lists[0].get("rend") == "ol"
            # A nested list's items come on their own; the outer item keeps its own text.
            nested = item.find("list")
            if nested is not None:
                item = _without(item, nested)
            yield "list_item", item, depth, ordered
    elif tag == "table":
        for row in element.iter("row"):
            yield "table_row", row, 0, False
    elif tag == "quote":
        paragraphs = element.findall("p")
        if paragraphs:
            for p in paragraphs:
                yield "quote", p, 0, False
        else:
            yield "quote", element, 0, False
    elif tag == "code":
        yield "code", element, 0, False
    elif tag in ("graphic", "lb"):
        return
    else:
        yield "paragraph", element, 0, False


def _lists_above(element: etree._Element) -> int:
    """How many lists hold ``element`` (a top-level list of the body: none)."""
    return sum(1 for _ in element.iterancestors("list"))


def _without(element: etree._Element, child: etree._Element) -> etree._Element:
    clone = etree.fromstring(etree.tostring(element))
    for nested in clone.findall(child.tag):
        clone.remove(nested)
    return clone


def _cell_text(row: etree._Element) -> tuple[str, tuple[Span, ...]]:
    return joined_cells(element_text(c) for c in row.iter("cell"))


def body_blocks(body: etree._Element) -> tuple[DraftBlock, ...]:
    """Turn trafilatura's output tree into draft blocks with kind and link density.

    Args:
        body: The ``body`` element of ``trafilatura.bare_extraction``'s Document.

    Returns:
        The blocks, numbered in document order.
    """
    blocks: list[DraftBlock] = []
    for kind, element, level, ordered in _block_elements(body):
        text, linked = _text_and_links(element)
        spans: tuple[Span, ...] = ()
        if kind == "table_row":
            cells, spans = _cell_text(element)
            text = cells or text
        if not text:
            continue
        density = min(1.0, linked / len(text)) if text else 0.0
        if kind not in ("table_row", "code"):
            spans = _spans_of(element, text)
        blocks.append(
            DraftBlock(
                len(blocks),
                text,
                kind=kind,
                link_density=density,
                tag=str(element.tag),
                level=level,
                ordered=ordered,
                spans=spans,
            )
        )
    return tuple(blocks)


def _with_structure(
    blocks: tuple[DraftBlock, ...],
    positions: list[int | None],
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    url: str | None,
) -> tuple[DraftBlock, ...]:
    """The blocks with what the page's markup says of them.

    A block found among the page's own blocks (most are: :func:`_page_positions` matches
    them by text) gets the links, emphasis and code of its element in the page (trafilatura's
    output keeps links, not emphasis) and, for a list item of the page, its depth and
    numbering. Links are made absolute against the page's URL.
    """
    made: list[DraftBlock] = []
    changed = False
    for block, pos in zip(blocks, positions, strict=True):
        new = block
        if pos is not None and block.kind not in ("code", "table_row"):
            element = elements[pos]
            spans = _page_spans(element, block.text) or block.spans
            level, ordered = block.level, block.ordered
            if block.kind == "list_item" and block.tag == "li":
                lists = list(element.iterancestors("ul", "ol"))
                level = max(0, len(lists) - 1)
                ordered = bool(lists) and lists[0].tag == "ol"
            if spans != block.spans or (level, ordered) != (block.level, block.ordered):
                new = dataclasses.replace(block, spans=spans, level=level, ordered=ordered)
        if new.spans and url and any(s.kind == "link" for s in new.spans):
            new = dataclasses.replace(new, spans=absolute_spans(new.spans, url))
        changed = changed or new is not block
        made.append(new)
    return tuple(made) if changed else blocks


def _page_spans(element: etree._Element, text: str) -> tuple[Span, ...]:
    """The spans of a page block: the inline elements of its element, not of blocks inside it.

    A page block is the text of its element up to the next block element inside it: the
    elements of a nested block (a paragraph inside the ``<div>`` whose loose text the block
    is) are another block's.
    """
    return inline_spans(element, text, html_span_kind, skip=_nested_block)


def _nested_block(element: etree._Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and is_block_tag(tag.rsplit("}", 1)[-1].lower())


def _spans_of(element: etree._Element, text: str) -> tuple[Span, ...]:
    """The links, emphasis and code of a block of trafilatura's output (none: no lookup)."""
    for child in element.iter("ref", "hi", "code"):
        if child is not element:
            return inline_spans(element, text, trafilatura_span_kind)
    return ()


#: Fewer words than this outside links: the page has no article.
MIN_ARTICLE_WORDS = 5
#: trafilatura's output is replaced by the page's own prose core when it covers less than this
#: share of the core's words...
MIN_CORE_COVERAGE = 0.4
#: ...and is shorter than this share of the core (a teaser box picked instead of the story).
MIN_LENGTH_RATIO = 0.3
#: Neither fallback takes a core with more than this share of its words in link text,
#: readers' comments, the page's navigation or sidebars: a menu whose entries are long
#: descriptions, a sidebar of teasers, the comment thread under a short post, is no story the
#: output missed.
MAX_CORE_NOT_STORY_SHARE = 0.5


#: A table row longer than this many words is page layout, not data (unless it spreads them
#: over at least DATA_ROW_CELLS cells)...
LAYOUT_ROW_WORDS = 60
DATA_ROW_CELLS = 4
#: ...and when more than this share of trafilatura's output is in such rows, the page's prose
#: core is used instead.
MAX_LAYOUT_SHARE = 0.2


#: A page block of at least this many spaces (words less one) is prose enough to tell the
#: page's language by its stop words, for dateparser, when the page declares none.
PROSE_SAMPLE_SPACES = 11

#: trafilatura's byline search naming more one-word "authors" than this found a list of tags.
MAX_SEARCH_NAMES = 3


def _complete_hints(
    tree: etree._Element,
    hints: Hints,
    url: str | None,
    reference_date: datetime | None,
    *,
    extensive: bool = True,
    page: Sequence[DraftBlock] = (),
) -> Hints:
    """Complete the metadata's dates with htmldate's search of the page.

    The publication day comes from htmldate (``extensive_search``, ``original_date``: the
    settings trafilatura uses), with the time and zone of a JSON-LD or meta timestamp of that
    day. Without ``extensive``, htmldate's search of the free text is left out (its XPath
    search is quadratic in the page's text nodes: pages of more than
    :data:`REPEAT_CHECK_BLOCKS` blocks). (The slower author search is deferred: see
    :attr:`~articlekit.draft.Hints.author_search`, set by :func:`read_html`.) ``page``: the
    page's blocks, whose long ones' stop words tell dateparser the page's language when the
    page declares none (see :func:`~articlekit.readers.faster_trafilatura.dateparser_languages`).
    """
    changes: dict[str, Any] = {}
    from htmldate import find_date

    # htmldate's original-date search is right more often than a page's own metadata (which
    # often carries the last update or the crawl date); the metadata's timestamp is kept
    # when it falls on the day htmldate found, for its time and zone.
    # The reference date bounds htmldate's search, so the same page and reference give the
    # same date whatever day it runs (htmldate's default bound is today).
    max_date = reference_date.strftime("%Y-%m-%d") if reference_date is not None else None
    # dateparser tries the page's language and English, not its 200-odd locales: the declared
    # one, else the one the stop words of the page's long blocks tell (read only then).
    language = lexicon.language_code(hints.language) or stopword_language(
        [b.text for b in page if b.text.count(" ") >= PROSE_SAMPLE_SPACES]
    )
    languages = tuple(dict.fromkeys((language, "en"))) if language else None
    try:
        # htmldate's markup search among the stand-ins; a month-only date the first of its
        # month, not today's day of it; dateparser told the page's language.
        with faster_trafilatura(), month_only_first(), dateparser_languages(languages):
            found = find_date(
                tree, extensive_search=extensive, original_date=True, url=url, max_date=max_date
            )
    except Exception:  # htmldate failing on a hostile page finds no date
        found = None
    if found:
        changes["published"] = _published_values(hints.published, found)
        # The vote on the publication day (:func:`_voted_published`) weighs htmldate's day
        # with the page's others once the body is known.
        changes["extra"] = {**hints.extra, "htmldate_day": found}
    return dataclasses.replace(hints, **changes) if changes else hints


def _published_values(values: tuple[str | datetime, ...], day: str) -> tuple[str | datetime, ...]:
    """``day`` last, after the metadata timestamps of that day (for its time and zone).

    A timestamp of that day in its own zone comes first, then one whose UTC form falls on
    it (see :func:`_local_forms`).
    """
    same_day = [v for v in values if isinstance(v, str) and v[:10] == day]
    return (*_local_forms(values, day), *same_day, day)


def _voted_published(
    tree: etree._Element,
    page: tuple[DraftBlock, ...],
    hints: Hints,
    metadata: tuple[str | datetime, ...],
    url: str | None,
    span: tuple[int, int] | None,
    reference_date: datetime | None,
    model: BlockScorer | None = None,
) -> Hints:
    """The hints with the publication day the fitted vote of every date source chose.

    ``metadata`` is the page's own published values (meta tags, JSON-LD), before htmldate's
    day was added: their timestamps of the chosen day give its time and zone. ``model``: the
    vote's weights, :func:`~articlekit.readers.page_dates.date_model` when None. See
    :mod:`articlekit.readers.page_dates`.
    """
    htmldate_day = hints.extra.get("htmldate_day")
    candidates = page_dates.day_candidates(
        tree,
        page,
        htmldate_day=htmldate_day if isinstance(htmldate_day, str) else None,
        url=url or hints.url,
        span=span,
        language=lexicon.language_code(hints.language),
        reference_date=reference_date,
    )
    day = page_dates.choose_day(candidates, model)
    if day is None or day.isoformat() == htmldate_day:
        return hints
    return dataclasses.replace(hints, published=_published_values(metadata, day.isoformat()))


def _local_forms(values: tuple[str | datetime, ...], day: str) -> list[str]:
    """Metadata timestamps of another calendar day in their own zone than in UTC, ``day``.

    Near midnight the same moment falls on two days: "2020-12-25T01:59:50+02:00" is
    24 December in UTC. htmldate compares days and may have taken the UTC form; the page's
    own day is the one of its own zone, as its readers saw it.
    """
    local = []
    for value in values:
        if not isinstance(value, str) or value[:10] == day:
            continue
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            continue
        offset = moment.utcoffset()
        if offset and moment.astimezone(timezone.utc).date().isoformat() == day:
            local.append(value)
    return local


def _markup_fields(
    tree: etree._Element,
    hints: Hints,
    url: str | None,
    box: etree._Element | None = None,
    at: dict[int, etree._Element] | None = None,
    blocks: tuple[DraftBlock, ...] = (),
    most: int = images.MAX_IMAGES,
) -> dict[str, Any]:
    """The Draft's fields the page's markup gives as they are: canonical URL, images, tags.

    The body's images are read in the article's box (``box``), up to the end of the last
    block kept inside it (``at``: the element of each placed output block of ``blocks``),
    each with the index of the first of ``blocks`` after it; without a box, there are none,
    and the lead image is the metadata's only; at most ``most`` are read. URLs are made
    absolute against the caller's ``url``, else the canonical link (see
    :func:`~articlekit.readers.images.page_base`).
    """
    base = images.page_base(tree, url, hints.url)
    placed = at or {}
    # The last placed block inside the box, from the end: most often the last one is.
    last = next(
        (
            placed[i]
            for i in sorted(placed, reverse=True)
            if box is not None and boxes.contains(box, placed[i])
        ),
        None,
    )
    placed_blocks = [(blocks[i].index, placed[i]) for i in sorted(placed) if i < len(blocks)]
    body = images.body_images(box, last, base, placed_blocks, most)
    lead = images.lead_image(hints, base, body)
    return {
        "canonical_url": images.absolute_url(hints.url, base) if hints.url else None,
        "image": lead,
        "images": body,
        "tags": hints.tags,
    }


def _search_authors(
    tree: etree._Element,
    page: tuple[DraftBlock, ...] = (),
    span: tuple[int, int] | None = None,
    language: str | None = None,
    *,
    with_trafilatura: bool = True,
) -> tuple[str, ...]:
    """The authors the page names outside its metadata and body, already read.

    Deferred (see :attr:`~articlekit.draft.Hints.author_search`): most pages print a byline
    in the body or name the author in their metadata. In order: a byline line printed just
    above or below the extracted body ("By Jane Doe" between the headline and the text), the
    byline the markup marks (:func:`~articlekit.readers.markup_bylines.markup_authors`), then
    trafilatura's search (:func:`~articlekit.readers.trafilatura_author.trafilatura_author`),
    unless ``with_trafilatura`` is false, and last the name of a link to the writer's own
    page (:func:`~articlekit.readers.markup_bylines.linked_authors`). A printed name of
    more than two words that is a run of the page's tag links is no one (see
    :func:`_without_tag_runs`), and one that starts with a marked name of two words or more
    is cut to that name (see :func:`_marked_prefix`).
    """
    found = _page_byline(page, span, language)
    if any(len(name.split()) > MAX_PLAIN_NAME_WORDS for name in found):
        found = _without_tag_runs(found, _tag_links(tree))
        found = _marked_prefix(found, markup_authors(tree, language), language)
    if not found:
        found = markup_authors(tree, language)
    if not found and with_trafilatura:
        found = _trafilatura_authors(tree)
    if not found:
        found = linked_authors(tree, language)
    return found


#: A printed byline's name of more words than this is checked against the marked byline: most
#: names are two words, and a longer one is where a line runs a category, a role or a
#: label into the name.
MAX_PLAIN_NAME_WORDS = 2


def _marked_prefix(
    printed: tuple[str, ...], marked: tuple[str, ...], language: str | None = None
) -> tuple[str, ...]:
    """The printed byline's names, each cut to a marked name of two words or more it starts with.

    A byline line is read from the page's text, where the elements' texts are joined as the
    page shows them: a category link after the name ("von Christian Spließ" then "in
    Allgemeines", printed "Christian Spließin Allgemeines") or a role ("Liz Kenny Former
    McKinsey Consultant") runs into it. The markup's author element bounds the name, so
    where its name starts the printed one, the rest is what ran in. A marked name of one
    word (a user name, a first name) is no bound: "Ann" does not cut "Ann Lee Smith". Inside
    a printed word, the cut is made only before a stop word of the page's ``language`` run
    into the name (German "in"), not inside a longer surname ("Ann Lee" does not cut "Ann
    Leeson Smith" on an English page), and not at all when the language is unknown (every
    language's stop words would take French "son").

    Example:
        >>> _marked_prefix(("Christian Spließin Allgemeines",), ("Christian Spließ",), "de")
        ('Christian Spließ',)
        >>> _marked_prefix(("Mary Ann Evans",), ("Mary",))
        ('Mary Ann Evans',)
        >>> _marked_prefix(("Ann Leeson Smith",), ("Ann Lee",), "en")
        ('Ann Leeson Smith',)
    """
    stopwords = lexicon.for_language(language).words("stopwords") if language else frozenset()

    def bounds(mark: str, name: str) -> bool:
        if len(mark.split()) < 2 or len(mark) >= len(name):
            return False
        if not name.casefold().startswith(mark.casefold()):
            return False
        rest = name[len(mark) :]
        return rest[0].isspace() or rest.split()[0].casefold() in stopwords

    cut: list[str] = []
    for name in printed:
        bound = next((m for m in marked if bounds(m, name)), name)
        if bound not in cut:
            cut.append(bound)
    return tuple(cut)


def _without_tag_runs(printed: tuple[str, ...], tags: frozenset[str]) -> tuple[str, ...]:
    """The printed byline's names less those that are two or more of the page's tag links.

    A bare "By" over the post's tag links (``rel="tag"``) reads them as the name, their texts
    joined as printed: "Wedding ChecklistsJust EngagedWedding Planning". A name that is one
    tag's text stays (sites tag their writers); one spelt, letter for letter, by two or more
    tag texts in a row is a list of tags, not a person.

    Example:
        >>> tags = frozenset({"wedding checklists", "just engaged", "ann lee"})
        >>> _without_tag_runs(("Wedding ChecklistsJust Engaged",), tags)
        ()
        >>> _without_tag_runs(("Ann Lee", "Bo Chen"), tags)
        ('Ann Lee', 'Bo Chen')
    """
    # Texts compared as the project compares them, their folded words run together.
    pieces = {"".join(folded_words(t)) for t in tags} - {""}
    if len(pieces) < 2:
        return printed

    def tag_run(name: str) -> bool:
        letters = "".join(folded_words(name))
        # runs[i]: the most tag texts that spell letters[:i] in a row (None: they cannot).
        runs: list[int | None] = [0] + [None] * len(letters)
        for i in range(len(letters)):
            done = runs[i]
            if done is None:
                continue
            for piece in pieces:
                if letters.startswith(piece, i):
                    end = i + len(piece)
                    runs[end] = max(runs[end] or 0, done + 1)
        return (runs[-1] or 0) >= 2

    return tuple(name for name in printed if not tag_run(name))


def _trafilatura_authors(tree: etree._Element) -> tuple[str, ...]:
    """The names trafilatura's author search finds, less the page's tags.

    The search reads a box marked "author" whole, and a byline box often holds the post's tag
    links too ("01.12.2022 / Harbours / Top City News", the author's name an image): a name
    that is the text of a tag link (``rel="tag"``) goes. Only here: the markup's own author
    marks and a printed byline name the person even where the site also tags the author.
    """
    try:
        raw = trafilatura_author(tree)
    except Exception:  # trafilatura failing on a hostile page finds nobody
        raw = None
    names: list[str] = []
    for part in raw.split(";") if raw else ():
        names.extend(n for n in parse_byline(part) if n not in names)
    if len(names) > MAX_SEARCH_NAMES and all(len(n.split()) == 1 for n in names):
        return ()  # a list of tags or categories, not a byline
    if names:
        tags = _tag_links(tree)
        names = [n for n in names if n.casefold() not in tags]
    return plausible_authors(names)


def _tag_links(tree: etree._Element) -> frozenset[str]:
    """The texts (case-folded) of the page's tag and category links (``rel="tag"``)."""
    found: set[str] = set()
    for link in tree.iterfind(".//a[@rel]"):
        if _TAG_RELS.intersection((link.get("rel") or "").casefold().split()):
            text = element_text(link)
            if text:
                found.add(text.casefold())
    return frozenset(found)


#: The ``rel`` values of a link to a tag's or category's page (rel-tag; WordPress's
#: "category tag").
_TAG_RELS = frozenset({"tag", "category"})


#: A byline line printed outside the extracted body stands this many page blocks above it...
BYLINE_WINDOW_BEFORE = 8
#: ...or among its own first blocks (a bare "By" with the name on the next line only among
#: the first few: deeper in, "by" + a section name credits a teaser)...
BYLINE_WINDOW_INSIDE = 12
BARE_BYLINE_WINDOW_INSIDE = 3
#: ...or this many below its end.
BYLINE_WINDOW_AFTER = 3


#: A capitalised word glued to the next one: "ByJane Doe" (a byline word and the name's link,
#: their elements' texts joined without a space).
_GLUED_WORD = regex.compile(r"^(\p{Lu}\p{Ll}+)(?=\p{Lu}[\p{Ll}.])", regex.V1)


def _unglued_byline(text: str, lex: lexicon.Lexicon) -> str:
    """``text`` with a byline word glued to the name split off ("ByJane Doe" -> "By Jane Doe").

    A name particle is left glued: "DeAndre", "VonDrehle" are names.
    """
    match = _GLUED_WORD.match(text)
    if match is None:
        return text
    word = match.group(1)
    if is_name_particle(word) or not lex.is_phrase("byline", word):
        return text
    return f"{word} {text[match.end() :]}"


def _is_link(block: DraftBlock) -> bool:
    return block.link_density is not None and block.link_density >= 0.5


def _page_byline(
    page: tuple[DraftBlock, ...], span: tuple[int, int] | None, language: str | None
) -> tuple[str, ...]:
    """The names of a byline line the page prints just around the start or the end of the body.

    The headline block often holds the byline too, and trafilatura leaves it out with the
    headline; an author box below the article is left out with the page's furniture. The
    line must read like a byline, as in the body (a byline word first, short, not a sentence,
    names after it); a byline word alone on its line ("Author") takes the next block as the
    name.
    """
    if span is None:
        return ()
    lex = lexicon.for_language(language)
    start, end = span
    # Nearest to the body's start first: above it, then its own first blocks (those
    # trafilatura dropped), then below its end.
    above = range(start - 1, max(-1, start - 1 - BYLINE_WINDOW_BEFORE), -1)
    top = range(start, min(end + 1, start + BYLINE_WINDOW_INSIDE))
    below = range(end + 1, min(len(page), end + 1 + BYLINE_WINDOW_AFTER))
    for i in itertools.chain(above, top, below):
        text = _unglued_byline(page[i].text, lex)
        if lex.is_phrase("byline", text) and i + 1 < len(page):
            if _is_link(page[i]):
                continue  # "Autoren" in the site's menu
            bare = len(words(text)) == 1 and len(text.strip(" :")) <= 3
            if bare and (i > end or i >= start + BARE_BYLINE_WINDOW_INSIDE):
                continue  # a bare "By" below the body credits the next story's teaser
            text = f"{text} {page[i + 1].text}"
        if not reads_as_byline(text, lex, unlabelled=i <= end):
            continue
        names = plausible_authors(parse_byline(text, language=language))
        if names:
            return names
    return ()


def _layout_row(text: str) -> bool:
    """Whether a table row (cells joined by " | ") is page layout rather than data.

    A layout row is long and holds its words in a cell or two (a column of teasers, the
    whole article in one cell). A row spreading them over many columns is a data table
    (a comparison chart: "Small business | too complex | free tier | ..."), the article's own.
    """
    if word_count(text) <= LAYOUT_ROW_WORDS:
        return False
    cells = text.split(CELL_SEPARATOR)
    return len(cells) < DATA_ROW_CELLS or max(word_count(c) for c in cells) > LAYOUT_ROW_WORDS


def _word_share(blocks: tuple[DraftBlock, ...], test: Callable[[DraftBlock], bool]) -> float:
    """The share of the blocks' words that stand in blocks passing ``test`` (0 for none)."""
    total = sum(word_count(b.text) for b in blocks)
    return sum(word_count(b.text) for b in blocks if test(b)) / total if total else 0.0


def _layout_share(blocks: tuple[DraftBlock, ...]) -> float:
    """Share of the words that sit in long table rows: a layout table, not a data table."""
    return _word_share(blocks, lambda b: b.kind == "table_row" and _layout_row(b.text))


def _core_with_neighbours(page: tuple[DraftBlock, ...], start: int, end: int) -> tuple[int, int]:
    """Widen the prose core by the headings above it and by plain-text neighbours.

    The core holds the long paragraphs; the headline, a standfirst or a short last paragraph
    right next to it are the article too, when they are not link lists.
    """

    def plain(block: DraftBlock) -> bool:
        return (block.link_density or 0.0) < 0.3 and word_count(block.text) >= 3

    while start > 0 and page[start - 1].kind == "heading":
        start -= 1
    for _ in range(3):
        if start > 0 and plain(page[start - 1]):
            start -= 1
    for _ in range(2):
        if end < len(page) and plain(page[end]) and ends_sentence(page[end].text):
            end += 1
    return start, end


#: Furniture marks (see :mod:`articlekit.readers.page`) of page blocks that are never the
#: article's prose, however long: readers' comments are the densest prose of many pages.
NOT_ARTICLE_MARKS = frozenset({"comment"})


def _not_article(block: DraftBlock) -> bool:
    return any(mark in NOT_ARTICLE_MARKS for mark in block.classes)


#: Furniture marks of the page's navigation and sidebars: with the comments', the blocks a
#: fallback's core must not mostly be (a footer can hold a story: it is not among them).
NOT_STORY_MARKS = NOT_ARTICLE_MARKS | {"sidebar", "nav", "menu"}


def _not_story_share(blocks: tuple[DraftBlock, ...]) -> float:
    """The share of the blocks' words in link text, comments, navigation or sidebars."""
    return _word_share(
        blocks, lambda b: _is_link(b) or any(mark in NOT_STORY_MARKS for mark in b.classes)
    )


def _check_against_page_core(
    page: tuple[DraftBlock, ...], blocks: tuple[DraftBlock, ...], title: str | None = None
) -> tuple[tuple[DraftBlock, ...], str]:
    """Fall back on the page's densest prose run when trafilatura missed or blurred the story.

    Two failures are caught. trafilatura sometimes returns a sidebar of teasers or a promo box
    (or nothing) while the article sits elsewhere: its output then covers little of the page's
    densest run of prose and is much shorter. And on pages laid out with tables (common
    before CSS), it returns whole layout-table rows, menus and all. In both cases the run
    (with its headline and plain-text neighbours) is used instead. A run that is mostly link
    text, readers' comments, navigation or sidebars (a menu of long entries, a sidebar of
    teasers, the thread under a short post) is never taken for the story: on dragnet's pages
    it was, and a blog post trafilatura had right was lost.

    Returns:
        The blocks to use and which extractor gave them ("trafilatura", "page_core").
    """
    extracted_length = sum(word_count(b.text) for b in blocks)
    laid_out = _layout_share(blocks) > MAX_LAYOUT_SHARE
    # The core is a span of the page, so no core outweighs the page: an output of at least
    # MIN_LENGTH_RATIO of the page's words passes the length test whatever the core, and
    # the region models (the costly part) need not run when the layout test passes too.
    if not laid_out and extracted_length >= MIN_LENGTH_RATIO * sum(
        word_count(b.text) for b in page
    ):
        return blocks, "trafilatura"
    start, end = article_core(page, exclude=_not_article, title=title)
    core_length = sum(word_count(b.text) for b in page[start:end])
    if not core_length:
        return blocks, "trafilatura"
    # The length test is cheap (word counts are cached); the vocabulary only when it fails.
    missed = extracted_length < MIN_LENGTH_RATIO * core_length
    if missed:
        core_words = [w for b in page[start:end] for w in folded_words(b.text)]
        vocabulary = {w for b in blocks for w in folded_words(b.text)}
        coverage = sum(1 for w in core_words if w in vocabulary) / len(core_words)
        missed = coverage < MIN_CORE_COVERAGE
    if not missed and not laid_out:
        return blocks, "trafilatura"
    if _not_story_share(page[start:end]) > MAX_CORE_NOT_STORY_SHARE:
        return blocks, "trafilatura"
    start, end = _core_with_neighbours(page, start, end)
    chosen = _renumbered(page[start:end])
    return chosen, "page_core"


#: The standfirst is looked for this many page blocks above trafilatura's first block...
STANDFIRST_WINDOW_BEFORE = 12
#: ...and this many below it (a photo caption often comes first).
STANDFIRST_WINDOW_AFTER = 3
#: A block and the description share this many leading words, or this share of their words.
STANDFIRST_PREFIX_WORDS = 8
STANDFIRST_OVERLAP = 0.7


def _same_standfirst(block: tuple[str, ...], description: tuple[str, ...]) -> bool:
    """Whether a page block prints the meta description (maybe shortened or cut off)."""
    if len(block) < 6:
        return False
    n = min(len(block), len(description))
    prefix = 0
    while prefix < n and block[prefix] == description[prefix]:
        prefix += 1
    if prefix >= min(STANDFIRST_PREFIX_WORDS, n):
        return True
    a, b = set(block), set(description)
    return len(a & b) / len(a | b) >= STANDFIRST_OVERLAP


#: Where each text stands in the page: a block's text -> its positions, in order.
PageIndex = dict[str, list[int]]


def _page_index(page: tuple[DraftBlock, ...]) -> PageIndex:
    """Index the page's blocks by their text, once for every step that looks blocks up.

    Both segmentations normalise white space the same way, so an extracted block has the
    same text as the page block it came from (measured on the dev pages: matching by
    case-folded words instead finds 9 more of 18,235 blocks, at a regex call per page block).
    """
    where: PageIndex = {}
    for i, block in enumerate(page):
        where.setdefault(block.text, []).append(i)
    return where


def _next_place(places: Sequence[int], last: int) -> int | None:
    """The first of a text's page positions (in order) after ``last``, None when none is."""
    at = bisect.bisect_right(places, last)
    return places[at] if at < len(places) else None


def _page_positions(where: PageIndex, blocks: tuple[DraftBlock, ...]) -> list[int | None]:
    """Where each extracted block sits in the page, matched by text, in document order."""
    positions: list[int | None] = []
    last = -1
    for block in blocks:
        # The first place after the last one found: a binary search of the text's places
        # (in order), so that a text the page repeats thousands of times ("Reply") costs a
        # logarithm per block, not a scan of all its places.
        found = _next_place(where.get(block.text, ()), last)
        positions.append(found)
        if found is not None:
            last = found
    return positions


def _with_standfirst(
    page: tuple[DraftBlock, ...],
    where: PageIndex,
    blocks: tuple[DraftBlock, ...],
    description: str | None,
) -> tuple[DraftBlock, ...]:
    """Put back the standfirst printed above the article when trafilatura left it out.

    Many news pages print the lead (the meta description) in its own element above the body,
    and trafilatura's body often starts below it. A page block next to where the body starts
    that reads like the description is that lead: it goes first in the body (a link-heavy
    block never does).
    """
    if not blocks or not description:
        return blocks
    wanted = folded_words(description)
    if len(wanted) < 6 or any(_same_standfirst(folded_words(b.text), wanted) for b in blocks):
        return blocks
    found = [i for i in _page_positions(where, blocks[:5]) if i is not None]
    if not found:
        return blocks
    start = min(found)
    low, high = max(0, start - STANDFIRST_WINDOW_BEFORE), start + STANDFIRST_WINDOW_AFTER + 1
    for i in range(low, min(len(page), high)):
        block = page[i]
        near = _same_standfirst(folded_words(block.text), wanted)
        if near and (block.link_density or 0.0) <= 0.3:
            lead = dataclasses.replace(block, kind="paragraph", index=0)
            rest = (dataclasses.replace(b, index=j + 1) for j, b in enumerate(blocks))
            return (lead, *rest)
    return blocks


#: A page heading between two extracted blocks is put back when its link density is at most this.
SUBHEADING_MAX_LINK_DENSITY = 0.1


def _with_subheadings(
    page: tuple[DraftBlock, ...], where: PageIndex, blocks: tuple[DraftBlock, ...]
) -> tuple[DraftBlock, ...]:
    """Put back the subheadings trafilatura dropped between two paragraphs it kept.

    A page block that is the only thing between two consecutive extracted blocks, is a
    heading, carries no links and no furniture mark but the article's own (see
    :func:`_subheading`) is the article's own section heading (trafilatura drops headings
    whose inner markup looks like page furniture). Linked headings stay out; paragraphs
    in wider gaps are :func:`_with_gap_prose`'s (measured on the dev pages, headings in wider
    gaps bring back as much furniture as text).
    """
    if len(blocks) < 2:
        return blocks
    positions = _page_positions(where, blocks)
    own = boxes.own_mark(page, positions)
    out: list[DraftBlock] = [blocks[0]]
    for (before, after), block in zip(itertools.pairwise(positions), blocks[1:], strict=True):
        if before is not None and after is not None and after - before == 2:
            between = page[before + 1]
            if _subheading(between, own):
                out.append(between)
        out.append(block)
    if len(out) == len(blocks):
        return blocks
    return _renumbered(out)


#: A page block between two extracted blocks is put back when it is prose with less than this
#: share of its text in links...
GAP_PROSE_MAX_LINK_DENSITY = 0.3


def _with_gap_prose(
    page: tuple[DraftBlock, ...], where: PageIndex, blocks: tuple[DraftBlock, ...]
) -> tuple[DraftBlock, ...]:
    """Put back the paragraphs and list items trafilatura dropped from the article's middle and top.

    trafilatura discards elements by class and id words, and some of its words match the
    article's own containers: "slide" a listicle's items, "expand" an accordion's sections,
    "meta" or "bar" a layout class. The paragraphs it loses that way sit between two
    blocks it kept. A page block there is put back when it reads as prose (see
    :func:`~articlekit.features.is_prose`), carries few links, is not a caption and no
    element around it has a furniture word in its class or id (author boxes, comments,
    cookie notices, newsletter forms keep out). Measured on the dev pages, the blocks put
    back are 87% article text by words (caption and furniture-marked ones would be 32%).
    A list item between two kept blocks is put back by the same marks (:func:`_gap_block`).
    """
    if not blocks:
        return blocks
    positions = _page_positions(where, blocks)
    own = boxes.own_mark(page, positions)
    out: list[DraftBlock] = [blocks[0]]
    for (before, after), block in zip(itertools.pairwise(positions), blocks[1:], strict=True):
        if before is not None and after is not None and after - before > 1:
            out.extend(b for b in page[before + 1 : after] if _gap_block(b, own))
        out.append(block)
    # The lead printed right above the body (a teaser paragraph trafilatura took for one)
    # is the article's first paragraph by the same test. Only the one next block: measured on
    # the dev pages, taking more of the blocks above brings back as much furniture as text.
    first = next((p for p in positions if p is not None), None)
    if first and positions[0] == first and _article_like(page[first - 1], own):
        out.insert(0, page[first - 1])
    if len(out) == len(blocks):
        return blocks
    return _renumbered(out)


#: The article's end trafilatura cut is put back when it is at least this many blocks: a
#: single trailing paragraph in the article's box is as often a post's meta line or a promo
#: as the story (measured on the dev pages).
TAIL_MIN_BLOCKS = 2


def _with_article_tail(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    positions: list[int | None],
    blocks: tuple[DraftBlock, ...],
    box: etree._Element | None,
) -> tuple[DraftBlock, ...]:
    """Put back the article's end that trafilatura cut, from the article's own box.

    trafilatura sometimes stops before the story does (at a data table, an embed, a class word
    of its lists): the page blocks after the last one it kept, still inside the article's box
    (see :func:`~articlekit.readers.boxes.article_box`), are then the story's. They are read
    on to the box's end or the first block that is not the article's: paragraphs and list
    items by the gap-fill test (:func:`_gap_block`), a subheading when the next block is put
    back, data table rows skipped (left out, as in the gap fill). At least
    :data:`TAIL_MIN_BLOCKS` blocks, or nothing.
    """
    if box is None or not blocks or positions[-1] is None:
        return blocks
    last = positions[-1]
    if any(p is not None and p > last for p in positions):
        return blocks  # the output is not in page order at its end: nothing to extend
    own = boxes.own_mark(page, positions)
    added: list[DraftBlock] = []
    heading: DraftBlock | None = None
    for block, element in zip(page[last + 1 :], elements[last + 1 :], strict=True):
        if not boxes.contains(box, element):
            break
        if _gap_block(block, own):
            added.extend([heading] if heading else [])
            heading = None
            added.append(block)
        elif heading is None and _subheading(block, own):
            heading = block
        elif block.kind != "table_row":
            break
    if len(added) < TAIL_MIN_BLOCKS:
        return blocks
    return _renumbered((*blocks, *added))


def _unmarked(block: DraftBlock, own: str = "") -> bool:
    """Whether no element around ``block`` is named like furniture, but the article's own.

    A comment section's mark is never the article's own: when trafilatura's output sits in
    one, the comments around it are still comments.
    """
    mark = boxes.mark_of(block)
    return not mark or (mark == own and own not in NOT_ARTICLE_MARKS)


def _subheading(block: DraftBlock, own: str = "") -> bool:
    """A heading of the article's own: no furniture mark, (almost) no links."""
    return (
        block.kind == "heading"
        and _unmarked(block, own)
        and (block.link_density or 0.0) <= SUBHEADING_MAX_LINK_DENSITY
    )


def _gap_block(block: DraftBlock, own: str = "") -> bool:
    """A page block between two kept blocks that is the article's: prose, a list item, code.

    A list's items and code blocks dropped from the middle of the story (steps, ingredients,
    points of a listicle, a tutorial's commands) are its own when they are no link list and no
    element around them is named like furniture: measured on the dev pages, trafilatura-eval
    snippet F 0.9424 -> 0.9436 and wcxb-dev F1 0.9465 -> 0.9469, l3s-gn1 unchanged (table
    rows too: wcxb-dev lower).
    """
    if block.kind in ("list_item", "code"):
        return (
            _unmarked(block, own)
            and (block.link_density or 0.0) < GAP_PROSE_MAX_LINK_DENSITY
            and word_count(block.text) >= 2
        )
    return _article_like(block, own)


def _article_like(block: DraftBlock, own: str = "") -> bool:
    """Prose with few links, not a caption, in no element named like furniture."""
    return (
        _unmarked(block, own)
        and block.kind != "caption"
        and (block.link_density or 0.0) < GAP_PROSE_MAX_LINK_DENSITY
        and is_prose(block.text)
    )


# Where a page title may join the headline and the site's name or section: liberal on
# purpose, as only a piece the page itself prints as a block is taken.
_TITLE_PARTS = title_vote.title_parts_pattern()
#: Longest headline looked for, in words.
HEADLINE_MAX_WORDS = 40


#: The headline is printed at most this many page blocks above where the body starts (or
#: inside the body's span: the extracted body may start above it).
HEADLINE_WINDOW_BEFORE = 20


def _printed_headline(
    page: tuple[DraftBlock, ...],
    span: tuple[int, int] | None,
    titles: list[str],
    site_name: str | None,
) -> str | None:
    """The longest piece of the page's titles that the page prints, alone, above the body.

    "Fulham wrap up Hangeland capture - Yahoo! Eurosport UK" has the headline and the site
    name; the page prints the headline alone (its ``<h1>``, or a bold line on older pages)
    just above the article. The site's name is printed too, but at the top of the page, in
    its logo: only blocks from a little above the body to its end count, and never the site
    name. Pieces
    are runs of the title's parts between separators, so a headline with a colon of its own
    is still found whole.
    """
    # Without the body's place in the page (its text did not match page blocks: layout
    # tables), the whole page is searched.
    low, high = (max(0, span[0] - HEADLINE_WINDOW_BEFORE), span[1] + 1) if span else (0, len(page))
    count, folded = memo_table(word_count), memo_table(folded_words)  # lookups, not calls
    printed = {folded[b.text] for b in page[low:high] if count[b.text] <= HEADLINE_MAX_WORDS}
    site = set(folded_words(site_name)) if site_name else set()
    best: str | None = None
    best_words = 1  # a headline has two words or more
    for title in titles:
        cuts = [0]
        for m in _TITLE_PARTS.finditer(title):
            cuts.extend((m.start(), m.end()))
        cuts.append(len(title))
        starts, ends = cuts[0::2], cuts[1::2]
        for i, begin in enumerate(starts):
            for end in ends[i:]:
                piece = title[begin:end].strip()
                key = folded_words(piece)
                if len(key) <= best_words or key not in printed:
                    continue
                if site and len(set(key) & site) / len(set(key)) >= 0.6:
                    continue  # the site's name, printed in its logo
                best, best_words = piece, len(key)
    return best


#: trafilatura's default output shorter than this share of the page's prose (the words of its
#: prose blocks with few links) may have missed part of the article...
RECALL_COVERAGE = 0.8
#: ...and its ``favor_recall`` output replaces it when it has this many times the words.
RECALL_MIN_GAIN = 1.5


def _trafilatura_blocks(tree: etree._Element, *, favor_recall: bool) -> tuple[DraftBlock, ...]:
    """Return the main content trafilatura finds, as blocks (it works on a copy of the tree).

    When trafilatura fails on a hostile page (an exception of its own or of a library under
    it), it found nothing: the page's own prose core is used instead (see
    :func:`_check_against_page_core`), so the page is still read.
    """
    from trafilatura import bare_extraction

    try:
        with faster_trafilatura():
            document = bare_extraction(
                tree,
                # No URL: trafilatura uses it only to make every link target absolute (a URL
                # parse per link, 2 ms a page), and the blocks keep link text, not targets.
                url=None,
                with_metadata=False,
                include_comments=False,
                include_links=True,
                include_tables=True,
                # Not include_formatting: it changes which text trafilatura keeps (214 of the
                # 4,089 dev pages); the blocks' emphasis is read from the page instead.
                favor_recall=favor_recall,
                output_format="python",
            )
    except Exception:  # a dependency's failure on a page must not end the read
        return ()
    body = getattr(document, "body", None)
    return body_blocks(body) if body is not None else ()


def _with_cut_runs(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    where: PageIndex,
    blocks: tuple[DraftBlock, ...],
    cut_runs: list[CutRun],
) -> tuple[DraftBlock, ...]:
    """Put back the rest of each very long run that trafilatura was shown the start of.

    trafilatura searches a page without the rest of a run of thousands of siblings of one
    tag (see :func:`~articlekit.readers.searched.searched_tree`). Where its output holds a
    block of the run's last element it searched, the run is the article's (a story of
    thousands of paragraphs, a data table): the page's blocks of the rest of the run follow
    that block, as they would have had trafilatura read them all. Elsewhere (a comment
    section it left out) nothing is added. A table's rows are put back as trafilatura
    gives them: one block a row, its cells joined by " | " (:func:`_cell_text`).
    """
    if not blocks:
        return blocks
    read_in: dict[etree._Element, list[int]] = {}
    for i, element in enumerate(elements):
        read_in.setdefault(element, []).append(i)

    def blocks_of(element: etree._Element) -> list[int]:
        return [i for node in element.iter() for i in read_in.get(node, ())]

    out = list(blocks)
    for run in cut_runs:
        positions = _page_positions(where, tuple(out))
        kept = set(blocks_of(run.kept))
        after = [j for j, at in enumerate(positions) if at is not None and at in kept]
        rows = run.kept.tag == "tr"
        if rows:
            # A row's output block joins its cells, which the page reads one by one.
            row = _row_block([page[i] for i in sorted(kept)])
            after += [j for j, b in enumerate(out) if row and b.text == row.text]
        if not after:
            continue
        taken = {at for at in positions if at is not None}
        rest: list[DraftBlock] = []
        for element in run.rest:
            own = [page[i] for i in blocks_of(element) if i not in taken]
            if not rows:
                rest.extend(own)
            elif (block := _row_block(own)) is not None:
                rest.append(block)
        at = max(after) + 1
        out[at:at] = rest
    if len(out) == len(blocks):
        return blocks
    return _renumbered(out)


def _row_block(cells: list[DraftBlock]) -> DraftBlock | None:
    """A table row's block as :func:`body_blocks` reads trafilatura's: cells joined by " | "."""
    text, spans = joined_cells(c.text for c in cells)
    if not text:
        return None
    linked = sum((c.link_density or 0.0) * len(c.text) for c in cells)
    return DraftBlock(
        0,
        text,
        kind="table_row",
        link_density=min(1.0, linked / len(text)),
        tag="row",
        spans=spans,
    )


#: A page block can start a merged output block when it has this many characters: its first
#: ones key the search.
MERGED_KEY_CHARS = 4


def _renumbered(blocks: Iterable[DraftBlock]) -> tuple[DraftBlock, ...]:
    """The blocks numbered anew from 0, in order.

    Built field by field, not with ``dataclasses.replace`` (ten times slower: a page of many
    short lines has tens of thousands of blocks); a block already in its place is kept.
    """
    blocks = tuple(blocks)
    with gc_paused(len(blocks)):
        return tuple(
            b
            if b.index == i
            else DraftBlock(
                i,
                b.text,
                b.kind,
                b.offset,
                b.link_density,
                b.tag,
                b.classes,
                b.level,
                b.ordered,
                b.spans,
            )
            for i, b in enumerate(blocks)
        )


def _unmerged(
    page: tuple[DraftBlock, ...], where: PageIndex, blocks: tuple[DraftBlock, ...]
) -> tuple[DraftBlock, ...]:
    """Split the blocks trafilatura merged from several page blocks back into those.

    trafilatura sometimes flattens a region into one paragraph (a post's text with its share
    row and byline, a list without its items' breaks): one output block whose text is a run
    of consecutive page blocks, joined by a space or nothing. The page's own blocks are used
    instead, with their kinds and link densities, so that the cleaners judge each part (the
    share row, the author line) on its own. Measured on the dev pages: l3s-gn1 F1 0.9376 ->
    0.9386, wcxb-dev 0.9489 -> 0.9500, trafilatura-eval snippet F 0.9443 -> 0.9446.
    """
    if all(b.text in where for b in blocks):
        return blocks
    starts: dict[str, list[int]] = {}
    for i, block in enumerate(page):
        if len(block.text) >= MERGED_KEY_CHARS:
            starts.setdefault(block.text[:MERGED_KEY_CHARS], []).append(i)
    out: list[DraftBlock] = []
    for block in blocks:
        run = None if block.text in where else _page_run(page, starts, block.text)
        out.extend(run or (block,))
    if len(out) == len(blocks):
        return blocks
    return _renumbered(out)


def _page_run(
    page: tuple[DraftBlock, ...], starts: dict[str, list[int]], text: str
) -> tuple[DraftBlock, ...] | None:
    """The first run of two or more consecutive page blocks whose texts make up ``text``."""
    for first in starts.get(text[:MERGED_KEY_CHARS], ()):
        if not text.startswith(page[first].text):
            continue
        end = len(page[first].text)
        last = first
        while end < len(text) and last + 1 < len(page):
            at = end + 1 if text[end] == " " else end
            following = page[last + 1].text
            if not text.startswith(following, at):
                break
            end = at + len(following)
            last += 1
        if end == len(text) and last > first:
            return page[first : last + 1]
    return None


def _words_in(blocks: tuple[DraftBlock, ...]) -> int:
    return sum(word_count(b.text) for b in blocks)


#: The missing prose must sit in or near the extracted span (within this many page blocks)...
RECALL_NEAR_BLOCKS = 10
#: ...and amount to this share of the extracted words for recall mode to be asked.
RECALL_NEAR_SHARE = 0.2


def _under_extracted(
    page: tuple[DraftBlock, ...], where: PageIndex, blocks: tuple[DraftBlock, ...]
) -> bool:
    """Whether trafilatura's output is short next to the prose the page holds around it.

    Then its recall mode is asked too: where it finds much more, that is mostly the
    article's own lists, headings and sections that the default mode judged too link- or
    layout-like. Prose far from the extracted span (other stories, comments) is not what
    recall mode adds: measured on the dev pages, asking only when the missing prose sits in
    or near the span halves the runs (180 instead of 372 over three files) and keeps 19 of
    the 20 that were taken.
    """

    def plain_prose(block: DraftBlock) -> bool:
        return (block.link_density or 0.0) < 0.3 and is_prose(block.text)

    extracted = _words_in(blocks)
    prose = sum(word_count(b.text) for b in page if plain_prose(b))
    if extracted >= RECALL_COVERAGE * prose:
        return False
    found = [i for i in _page_positions(where, blocks) if i is not None]
    if not found:
        return True  # the output is not the page's own blocks: no span to look around
    got = set(found)
    low = max(0, min(found) - RECALL_NEAR_BLOCKS)
    high = min(len(page), max(found) + RECALL_NEAR_BLOCKS + 1)
    near = sum(
        word_count(page[i].text) for i in range(low, high) if i not in got and plain_prose(page[i])
    )
    return near >= RECALL_NEAR_SHARE * extracted


@dataclasses.dataclass(frozen=True)
class PageModel:
    """A page as the block scorer reads it (see :mod:`articlekit.pagemodel`).

    Attributes:
        page: Every text block of the page, in order.
        elements: The element each block was read in.
        trafilatura: trafilatura's output, as blocks.
        kept: Per page block, 1.0 when trafilatura's output holds it, else 0.0.
        rows: The feature row of each page block.
    """

    page: tuple[DraftBlock, ...]
    elements: list[etree._Element]
    trafilatura: tuple[DraftBlock, ...]
    kept: list[float]
    rows: list[list[float]]

    @property
    def trafilatura_texts(self) -> list[str]:
        """The text of trafilatura's blocks."""
        return [b.text for b in self.trafilatura]


#: The most page blocks times characters of unmatched output :func:`_kept_flags` searches
#: (a tenth of a second or so); the largest dev page asks 6.6e8, the next 5.4e7.
KEPT_SEARCH_MAX = 100_000_000


def _kept_flags(
    page: tuple[DraftBlock, ...], where: PageIndex, blocks: tuple[DraftBlock, ...]
) -> list[float]:
    """1.0 for each page block trafilatura's output holds, matched by text in order.

    A block of its output that matches no page block (trafilatura joined several) still
    holds the page blocks whose text it contains (of 20 characters or more: a shorter one
    would match by chance). That search takes the page's blocks times the length of the
    unmatched output, so it runs only up to :data:`KEPT_SEARCH_MAX` of that product: time
    stays linear in the page (one dev page of 3,703 goes over it).
    """
    kept = [0.0] * len(page)
    unmatched: list[str] = []
    for block, at in zip(blocks, _page_positions(where, blocks), strict=True):
        if at is None:
            unmatched.append(block.text)
        else:
            kept[at] = 1.0
    joined = "\n".join(unmatched)
    if unmatched and len(page) * len(joined) <= KEPT_SEARCH_MAX:
        for i, block in enumerate(page):
            if not kept[i] and len(block.text) >= 20 and block.text in joined:
                kept[i] = 1.0
    return kept


def read_page_model(html: HtmlInput, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> PageModel:
    """Read a page into its :class:`PageModel`: page blocks, trafilatura's choice, rows.

    Raises:
        InputError: As :func:`read_html` does for input it cannot read.
    """
    tree = _read_input(html, max_bytes).tree
    elements: list[etree._Element] = []
    page = page_blocks(tree, elements)
    cut_runs: list[CutRun] = []
    searched = searched_tree(tree, cut_runs)
    where, blocks = _trafilatura_read(html, page, elements, searched, cut_runs)
    kept = _kept_flags(page, where, blocks)
    return PageModel(page, elements, blocks, kept, html_rows(page, elements, kept))


def _trafilatura_read(
    html: HtmlInput,
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    searched: etree._Element,
    cut_runs: list[CutRun],
) -> tuple[PageIndex, tuple[DraftBlock, ...]]:
    """The page's index by text, and trafilatura's output of the searched tree as blocks."""
    if searched is not html:  # a user's own tree is left as it is
        etree.strip_tags(searched, etree.Comment)
    where = _page_index(page)
    return where, _trafilatura_output(page, elements, where, searched, cut_runs, recall=False)


def _trafilatura_output(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    where: PageIndex,
    searched: etree._Element,
    cut_runs: list[CutRun],
    *,
    recall: bool,
) -> tuple[DraftBlock, ...]:
    """The searched tree as trafilatura outputs it, in blocks (``recall``: its favor_recall run)."""
    blocks = _trafilatura_blocks(searched, favor_recall=recall)
    blocks = _rejoined(page, where, blocks)
    # The rest of the runs trafilatura was shown the start of goes back in before its output
    # is judged, as if it had read them whole.
    if cut_runs:
        blocks = _with_cut_runs(page, elements, where, blocks, cut_runs)
    return blocks


#: A piece of trafilatura's output is looked up among the page's blocks by this many of its
#: first characters (white space left out)...
REJOIN_KEY_CHARS = 8
#: ...in at most this many page blocks after the last one matched (a page may repeat a
#: paragraph's opening thousands of times: the lookup stays bounded).
REJOIN_MAX_CANDIDATES = 8


def _squashed(text: str) -> str:
    return "".join(text.split())


def _rejoin_key(text: str) -> str:
    """The first :data:`REJOIN_KEY_CHARS` characters of ``text`` without its white space."""
    return _squashed(text[: 4 * REJOIN_KEY_CHARS])[:REJOIN_KEY_CHARS]


def _rejoined(
    page: tuple[DraftBlock, ...], where: PageIndex, blocks: tuple[DraftBlock, ...]
) -> tuple[DraftBlock, ...]:
    """Join back the pieces trafilatura cut one page paragraph into at its links.

    On text loose in a container (a post's paragraphs between ``<br>`` lines, common in old
    blog templates), trafilatura's link output (``include_links``, which the reader needs
    for link density) starts a new paragraph at every link and drops the space after it:
    "Take a look at the profiles of" / "Scott Jarvie," / "Colby Brownor" / "Claire
    Grigautto see..." (trafilatura issue 476). Consecutive output blocks whose texts, white
    space left out, make up exactly one page block's (or one block that differs from a page
    block in its spaces alone) are replaced by a block of the page's text and link density
    (the kind stays trafilatura's). Nothing else changes: a page block that the pieces cover
    only in part is left alone.
    """
    if len(blocks) < 2:
        return blocks
    # A piece too short to key (under REJOIN_KEY_CHARS characters) starts no join.
    wanted = {_rejoin_key(b.text) for b in blocks if b.text not in where}
    wanted = {key for key in wanted if len(key) == REJOIN_KEY_CHARS}
    if not wanted:
        return blocks  # most pages: every output block is a page block
    # Only the page blocks that open as an unmatched output block does are looked up: the
    # first character rules out most of a page's blocks before any key is made.
    openings = {key[:1] for key in wanted}
    starts: dict[str, list[int]] = {}
    for k, page_block in enumerate(page):
        if page_block.text[:1] not in openings:
            continue
        key = _rejoin_key(page_block.text)
        if key in wanted:
            starts.setdefault(key, []).append(k)
    out: list[DraftBlock] = []
    changed = False
    last = -1  # the page position of the last block matched, for document order
    i = 0
    while i < len(blocks):
        block = blocks[i]
        places = where.get(block.text)
        if places is not None or i + 1 == len(blocks):
            found = _next_place(places or (), last)
            if found is not None:
                last = found
            out.append(block)
            i += 1
            continue
        joined = _pieces_of(page, starts, blocks, i, last)
        if joined is None:
            out.append(block)
            i += 1
            continue
        k, i = joined
        last = k
        changed = True
        out.append(
            # The page's text and link density; the kind is trafilatura's, as for its other
            # blocks (the page's segmentation keeps a heading's kind for text after it).
            DraftBlock(
                0,
                page[k].text,
                kind=block.kind,
                link_density=page[k].link_density,
                tag=block.tag,
                level=block.level,
                ordered=block.ordered,
            )
        )
    return _renumbered(out) if changed else blocks


def _pieces_of(
    page: tuple[DraftBlock, ...],
    starts: dict[str, list[int]],
    blocks: tuple[DraftBlock, ...],
    first: int,
    last: int,
) -> tuple[int, int] | None:
    """``(page block, end)`` when ``blocks[first:end]`` make up that block, spaces aside."""
    head = _squashed(blocks[first].text)
    places = starts.get(_rejoin_key(blocks[first].text), ())
    at = bisect.bisect_right(places, last)
    for k in places[at : at + REJOIN_MAX_CANDIDATES]:
        whole = _squashed(page[k].text)
        if whole == head:
            return k, first + 1  # one block, its spaces lost at a link: the page's text
        if len(whole) <= len(head) or not whole.startswith(head):
            continue
        end, j = len(head), first + 1
        while j < len(blocks) and end < len(whole):
            piece = _squashed(blocks[j].text)
            if not piece or not whole.startswith(piece, end):
                break
            end += len(piece)
            j += 1
        if end == len(whole):
            return k, j
    return None


def read_html(
    html: HtmlInput,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    charset: str | None = None,
) -> Draft:
    """Turn a page into a Draft: main-content blocks plus the page's metadata as hints.

    Args:
        html: ``str`` or ``bytes`` (decoded from the BOM, the declared charset, else by
            detection), an lxml element, or a BeautifulSoup object.
        url: The page URL, if known (helps trafilatura and fills ``Article.url``).
        reference_date: Anchors relative and year-less dates.
        max_bytes: The largest page read, in bytes (a ``str`` counts its UTF-8 length);
            None for no limit. Trees (lxml, BeautifulSoup) are not measured.
        charset: For ``bytes``, the charset the server declared (HTTP ``Content-Type``),
            which takes the place of the page's own declaration.

    Returns:
        The draft. Lone surrogates in the input (no character: what a broken decoder
        leaves) are replaced with U+FFFD and recorded in ``removed`` with reason
        ``invalid_character``; mojibake is decoded back (reason ``mojibake``).

    Raises:
        InputTypeError: For input of another type.
        InputTooLargeError: For a page over ``max_bytes``.
        InputError: For input that is not HTML.
        UnreadableInputError: When a library under the reader fails on the page in a way
            the reader cannot work around.
        NoArticleError: When the page has no main text at all (an index page, a script-only
            page, a paywall stub).
    """
    return _read_page(
        html,
        max_bytes,
        charset,
        "clean_html",
        lambda tree: _read_tree(tree, html, url, reference_date),
    )


def _page_titles(hints: Hints) -> list[str]:
    """The page's titles its printed headline is looked for in: the metadata's, the ``<title>``."""
    return [t for t in (hints.title, hints.extra.get("title_tag")) if isinstance(t, str) and t]


def _read_page(
    html: HtmlInput,
    max_bytes: int | None,
    charset: str | None,
    caller: str,
    read_tree: Callable[[lxml_html.HtmlElement], Draft],
) -> Draft:
    """Check, decode and parse the page, then ``read_tree`` it.

    What the input boundary replaced (lone surrogates, mojibake) is a removal of the draft
    (of a :class:`NoArticleError`'s too); a page nested too deeply for a reader is an
    :class:`UnreadableInputError`.
    ``caller`` is the function the user called, named in the message of a wrong type.
    """
    read = _read_input(html, max_bytes, charset, caller)
    removals = input_removals(read.scrubbed, read.repaired, cleaner="read_html")
    try:
        draft = read_tree(read.tree)
    except NoArticleError as exc:
        if removals and isinstance(exc.article, Draft):
            exc.article = exc.article.replace(removed=(*exc.article.removed, *removals))
        raise
    except RecursionError as exc:
        msg = f"could not read the page: it is nested too deeply for a reader ({exc})"
        raise UnreadableInputError(msg) from exc
    if removals:
        draft = draft.replace(removed=(*draft.removed, *removals))
    return draft


def invalid_characters(scrubbed: Scrubbed, *, cleaner: str) -> Removal | None:
    """The record of the lone surrogates :func:`scrub_surrogates` replaced, None for none.

    Reason ``invalid_character``; its text names the code points (and how many there were
    when some repeat), its offset is where the first one stood in the input.
    """
    if not scrubbed.count:
        return None
    text = " ".join(scrubbed.code_points)
    if scrubbed.count > len(scrubbed.code_points):
        text = f"{text} ({scrubbed.count} replaced with U+FFFD)"
    return Removal(cleaner, "invalid_character", text, 0, scrubbed.first)


def input_removals(
    scrubbed: Scrubbed | None, repaired: mojibake.Repair | None, *, cleaner: str
) -> tuple[Removal, ...]:
    """The records of what the input boundary replaced: lone surrogates, then mojibake."""
    found = (
        invalid_characters(scrubbed, cleaner=cleaner) if scrubbed else None,
        repaired_mojibake(repaired, cleaner=cleaner) if repaired else None,
    )
    return tuple(r for r in found if r is not None)


def repaired_mojibake(repaired: mojibake.Repair, *, cleaner: str) -> Removal | None:
    """The record of the mojibake :func:`articlekit.mojibake.repair` decoded, None for none.

    Reason ``mojibake``; its text names the first runs repaired (``"â€™ → ’"``) and how many
    characters they stand for, its offset is where the first one stood in the input.
    """
    if not repaired.count:
        return None
    text = f"{'; '.join(repaired.examples)} ({repaired.count} characters repaired)"
    return Removal(cleaner, "mojibake", text, 0, repaired.first)


#: Pages of more blocks than this have htmldate search their markup only, not their free text
#: (the largest of 2,322 dev pages has 6,569 blocks).
REPEAT_CHECK_BLOCKS = 10_000


#: The block scorer the reader picks the article's blocks with, in place of trafilatura's
#: output and the put-back steps after it; None (the default) keeps those. Set by the
#: benchmark only, to judge the scorer on real drafts (issue 17), until it beats them.
_BLOCK_SCORER: Scorer | None = None


def _scored_blocks(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    where: PageIndex,
    blocks: tuple[DraftBlock, ...],
    scorer: Scorer,
) -> tuple[DraftBlock, ...]:
    """The page blocks the scorer keeps, with trafilatura's choice as one of their features."""
    kept = _kept_flags(page, where, blocks)
    scores = scorer.scores(html_rows(page, elements, kept))
    return _renumbered(b for b, s in zip(page, scores, strict=True) if s >= scorer.threshold)


def _put_back(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    where: PageIndex,
    searched: etree._Element,
    blocks: tuple[DraftBlock, ...],
    cut_runs: list[CutRun],
    hints: Hints,
) -> tuple[tuple[DraftBlock, ...], str]:
    """Return trafilatura's output with what it missed put back, and the extractor that won."""
    if _under_extracted(page, where, blocks):
        recall = _trafilatura_output(page, elements, where, searched, cut_runs, recall=True)
        if _words_in(recall) > RECALL_MIN_GAIN * _words_in(blocks):
            blocks = recall
    blocks, extractor = _check_against_page_core(page, blocks, hints.title)
    if extractor == "trafilatura":
        blocks = _unmerged(page, where, blocks)
    blocks = _with_standfirst(page, where, blocks, hints.subtitle)
    blocks = _with_subheadings(page, where, blocks)
    blocks = _with_gap_prose(page, where, blocks)
    return blocks, extractor


def _block_scores(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    where: PageIndex,
    extracted: tuple[DraftBlock, ...],
    blocks: tuple[DraftBlock, ...],
    positions: list[int | None],
) -> dict[int, float]:
    """The page-block model's score of each block of the reader's output, by block index.

    Each block found among the page's blocks gets its page block's score, from the row the
    page model gives it with trafilatura's own output (``extracted``) as the ``kept`` column, as
    the model was fitted (:func:`~articlekit.pagemodel.block_model`). Rows are made for those
    page blocks alone. A block found nowhere in the page (trafilatura joined several) has no
    row and no score: no model decides on it.
    """
    at = [
        (block.index, pos) for block, pos in zip(blocks, positions, strict=True) if pos is not None
    ]
    if not at:
        return {}
    wanted = sorted({pos for _, pos in at})
    rows = html_rows(page, elements, _kept_flags(page, where, extracted), wanted, core=False)
    score = dict(zip(wanted, block_model().scores(rows), strict=True))
    return {index: score[pos] for index, pos in at}


def _read_tree(
    tree: lxml_html.HtmlElement,
    html: HtmlInput,
    url: str | None,
    reference_date: datetime | None,
) -> Draft:
    """:func:`read_html` on the parsed page."""
    # Metadata and the page's own blocks are read first: trafilatura works on a copy of the
    # tree, and htmldate below copies it too (trafilatura's author search only reads it).
    hints = page_hints(tree)
    elements: list[etree._Element] = []
    page = page_blocks(tree, elements)
    # What htmldate and trafilatura read: the page, or a copy without the parts that make
    # their time grow faster than the page (long runs of one repeated element, deep nests).
    cut_runs: list[CutRun] = []
    searched = searched_tree(tree, cut_runs)
    metadata_published = hints.published
    hints = _complete_hints(
        searched,
        hints,
        url,
        reference_date,
        extensive=len(page) <= REPEAT_CHECK_BLOCKS,
        page=page,
    )
    where, blocks = _trafilatura_read(html, page, elements, searched, cut_runs)
    extracted = blocks  # trafilatura's own output: the page-block model's "kept" column
    if _BLOCK_SCORER is not None:
        blocks, extractor = _scored_blocks(page, elements, where, blocks, _BLOCK_SCORER), "scorer"
    else:
        blocks, extractor = _put_back(page, elements, where, searched, blocks, cut_runs, hints)
    positions = _page_positions(where, blocks)
    at = boxes.placed_elements(elements, positions)
    box = boxes.article_box(at, blocks)
    extended = _with_article_tail(page, elements, positions, blocks, box)
    if extended is not blocks:
        blocks = extended
        positions = _page_positions(where, blocks)
        at = boxes.placed_elements(elements, positions)
    blocks = _with_structure(blocks, positions, page, elements, url or hints.url)
    scores = _block_scores(page, elements, where, extracted, blocks, positions)
    titles = _page_titles(hints)
    found = [i for i in positions if i is not None]
    span = (min(found), max(found)) if found else None
    hints = _voted_published(tree, page, hints, metadata_published, url, span, reference_date)
    extra = {
        **hints.extra,
        "extractor": extractor,
        BLOCK_SCORES: scores,
        "after_article": boxes.after_box(at, blocks, box),
        "furniture": boxes.furniture_at_edges(page, positions, at, blocks, box),
        "teaser_cards": boxes.teaser_cards(
            page, elements, positions, blocks, box, boxes.host_of(url or hints.url or "") or None
        ),
        "headline": _printed_headline(page, span, titles, hints.site_name),
        # The title vote, run by the pipeline's choose_title once the cleaners chose theirs.
        "title_vote": functools.partial(
            title_vote.voted_title,
            hints.extra.get("title_sources") or {},
            page,
            span,
            hints.site_name,
            url or hints.url,
        ),
    }
    hints = dataclasses.replace(
        hints,
        extra=extra,
        author_search=functools.partial(
            _search_authors, tree, page, span, lexicon.language_code(hints.language)
        ),
    )
    # Link text alone is navigation, not an article.
    own_words = sum(
        len(words(b.text)) for b in blocks if b.link_density is None or b.link_density < 0.5
    )
    draft = Draft(
        blocks=blocks,
        url=url or hints.url,
        reference_date=reference_date,
        hints=hints,
        **_markup_fields(tree, hints, url, box, at, blocks),
    )
    if own_words < MIN_ARTICLE_WORDS:
        msg = (
            "no article text found in the page: it may be an index page, a paywall stub or "
            "rendered by scripts"
        )
        # The metadata is still worth having: clean_html turns this draft into the
        # error's metadata-only Article.
        raise NoArticleError(msg, article=draft.replace(blocks=()))
    return draft


def read_html_metadata(
    html: HtmlInput,
    *,
    url: str | None = None,
    reference_date: datetime | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Draft:
    """Read what a page's markup says about it into a Draft without blocks: no main text.

    The page is checked, decoded and parsed as :func:`read_html` does it. Then the metadata
    (meta tags, JSON-LD, ``<html lang>``) gives the hints, and one pass over the page's
    texts (:func:`~articlekit.readers.page.sample_page`) finds what the title and date votes
    read of a page: the lines that may print its headline or a date, and some of its prose
    for its language. trafilatura's extraction, htmldate and the page's segmentation do not
    run: the votes see no body. The author search reads a byline line among the lines under
    the printed headline (where the body would start), then the markup's marked byline
    (:func:`~articlekit.readers.markup_bylines.markup_authors`), not trafilatura's author
    search (another walk of the whole page, as costly as the rest of the markup search);
    without a lead image in the metadata, the first image of the box that holds the
    headline and its first paragraph is the lead image.

    Args:
        html: As for :func:`read_html`.
        url: The page URL, if known (fills ``url``; makes image URLs absolute).
        reference_date: Anchors relative and year-less dates.
        max_bytes: As for :func:`read_html`.

    Returns:
        The draft, with no blocks; lone surrogates replaced are recorded in ``removed``.

    Raises:
        InputTypeError: For input of another type.
        InputTooLargeError: For a page over ``max_bytes``.
        InputError: For input that is not HTML.
        UnreadableInputError: When the page is nested too deeply for a reader.
    """
    return _read_page(
        html,
        max_bytes,
        None,
        "read_metadata",
        lambda tree: _read_metadata_tree(tree, url, reference_date),
    )


def _read_metadata_tree(
    tree: lxml_html.HtmlElement, url: str | None, reference_date: datetime | None
) -> Draft:
    """:func:`read_html_metadata` on the parsed page."""
    hints = page_hints(tree)
    sources = hints.extra.get("title_sources") or {}
    # A line that prints the headline holds its longest word, whatever else it holds.
    words = [_longest_word(text) for text in title_vote.title_texts(sources)]
    sample = sample_page(tree, words)
    lines = sample.lines
    titles = _page_titles(hints)
    headline = _printed_headline(lines, None, titles, hints.site_name)
    key = folded_words(headline) if headline else None
    # The line that prints the headline: where the body would start.
    at = next((i for i, b in enumerate(lines) if key and folded_words(b.text) == key), None)
    # No htmldate and no body here: the vote's weights fitted on what this reader weighs.
    markup_model = page_dates.markup_date_model()
    hints = _voted_published(
        tree, lines, hints, hints.published, url, None, reference_date, markup_model
    )
    declared = lexicon.language_code(hints.language)
    hints = _with_printed_time(hints, lines, declared, reference_date)
    # The language the body's prose would tell (as DetectLanguage does), from the page's;
    # langdetect only for a page that declares none: on a page's sample (short lines, a
    # paywall's scrambled text) it may take tens of milliseconds, and the declaration is
    # the answer it would mostly confirm.
    prose = [t for t in sample.prose if is_prose(t)]
    language = prose_language(prose, declared, detect=declared is None)
    extra = {
        **hints.extra,
        "headline": headline,
        "title_vote": functools.partial(
            title_vote.voted_title, sources, lines, None, hints.site_name, url or hints.url
        ),
    }
    hints = dataclasses.replace(
        hints,
        extra=extra,
        # The search holds the sample: its elements' Python objects stay alive for the walk.
        author_search=functools.partial(_markup_search, tree, declared, sample, at),
    )
    # Without a lead image in the metadata, clean_html takes the body's first: here the
    # first in the box of the headline and its story's first paragraph (the one image read).
    named = images.metadata_image(hints, None) is not None
    box = box_under(sample, at) if at is not None and not named else None
    return Draft(
        url=url or hints.url,
        language=language,
        reference_date=reference_date,
        hints=hints,
        # The body's images are clean_html's: this reader has no body.
        **{**_markup_fields(tree, hints, url, box, most=1), "images": ()},
    )


def _markup_search(
    tree: etree._Element, language: str | None, sample: PageSample, at: int | None
) -> tuple[str, ...]:
    """:func:`_search_authors` with the lines under the printed headline in place of the body.

    :func:`clean_html`'s search (a byline line, then the marked byline) where the body's
    first lines are the page's lines under the sample's line ``at``, the headline's
    (:func:`~articlekit.readers.page.lines_after`); without a printed headline, no byline
    line is read. trafilatura's search, last in :func:`clean_html`'s chain, is left out: it
    would make this reader a tenth slower. The sample's elements (see
    :attr:`~articlekit.readers.page.PageSample.elements`) make the searches' walks of the
    page cheaper while they are alive.
    """
    if at is None:
        return _search_authors(tree, language=language, with_trafilatura=False)
    # The headline, then the lines the body would start with: "By Jane Doe" is among them.
    under = lines_after(sample, at, BYLINE_WINDOW_INSIDE)
    return _search_authors(tree, under, (1, len(under) - 1), language, with_trafilatura=False)


def _with_printed_time(
    hints: Hints,
    lines: tuple[DraftBlock, ...],
    language: str | None,
    reference_date: datetime | None,
) -> Hints:
    """The vote's day with the time of day a line of the page prints with it, if one does.

    The vote gives a day; the metadata's timestamps of that day give its time. Without one,
    :func:`clean_html` takes the time from the date line the body prints ("Published 16
    November 2025, 10:30"): here the first of the page's lines that prints that day with a
    time gives it, before the bare day.
    """
    day = hints.published[0] if len(hints.published) == 1 else None
    if not isinstance(day, str) or len(day) != len("2025-11-16"):
        return hints  # no day, or a timestamp of the metadata's gives its time
    for line in lines:
        if day[:4] not in line.text:
            continue  # no date of that year: no need to read the line
        found = dates.find_date(line.text, language=language, reference_date=reference_date)
        if found is not None and not found.day_only and found.value.date().isoformat() == day:
            return dataclasses.replace(hints, published=(found.value, day))
    return hints


_WORD = re.compile(r"\w+")


def _longest_word(text: str) -> str:
    """The longest word of ``text`` (the first of equal length), "" for none."""
    return max(_WORD.findall(text), key=len, default="")
