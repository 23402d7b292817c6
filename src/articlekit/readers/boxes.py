"""The page's boxes: which element holds the article, and what sits in other boxes.

The HTML reader knows, for each block of the extractor's output, the page element it was
read in. From those elements it finds the article's own box (the smallest element around
the output's longest paragraphs) and, outside it, the blocks that belong to the page's other
boxes: the row of cards after the story, a teaser grid beside it. These functions only
look; the cleaners in :mod:`articlekit.cleaners.layout` remove what they list, on the record.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

from lxml import etree

from articlekit._memo import memo_table
from articlekit.draft import DraftBlock
from articlekit.features import is_prose, word_count, words

__all__ = [
    "ARTICLE_BOX_PROSE_SHARE",
    "after_box",
    "article_box",
    "contains",
    "furniture_at_edges",
    "host_of",
    "in_box",
    "mark_of",
    "own_mark",
    "placed_elements",
    "teaser_cards",
]

#: The article's box holds the longest prose blocks that carry this share of the prose words
#: of the output (measured over the dev pages: 0.6 cuts article parts in sibling boxes, 0.97
#: widens the box over the page's other boxes).
ARTICLE_BOX_PROSE_SHARE = 0.8

#: A teaser card is one of at least this many sibling elements of the same tag and class...
CARD_SIBLINGS = 3
#: ...found this many levels above a block at most (its own element is level 0)...
CARD_LEVELS = 4
#: ...holding at most this many words, in two blocks or more...
CARD_MAX_WORDS = 120
#: ...one of them a link of a few words (the other story's headline): at least this share of
#: the block's characters are link text...
CARD_TITLE_LINK_DENSITY = 0.8
#: ...and at least this many words.
CARD_TITLE_MIN_WORDS = 3


def placed_elements(
    elements: list[etree._Element], positions: list[int | None]
) -> dict[int, etree._Element]:
    """The page element of each output block the page index placed, by output position.

    Args:
        elements: The element of each page block (see
            :func:`~articlekit.readers.page.page_blocks`).
        positions: Where each output block sits among the page blocks (None: not found).
    """
    return {i: elements[p] for i, p in enumerate(positions) if p is not None}


def contains(outer: etree._Element, element: etree._Element) -> bool:
    """Whether ``element`` is ``outer`` or lies inside it."""
    return element is outer or any(a is outer for a in element.iterancestors())


def in_box(at: Mapping[int, etree._Element], box: etree._Element | None) -> list[int]:
    """The positions of the placed output blocks inside ``box``, in order (none without one)."""
    return [i for i in sorted(at) if contains(box, at[i])] if box is not None else []


def article_box(
    at: Mapping[int, etree._Element], blocks: tuple[DraftBlock, ...]
) -> etree._Element | None:
    """The smallest element around (not of) the output's longest prose blocks.

    The prose blocks are taken longest first until they carry
    :data:`ARTICLE_BOX_PROSE_SHARE` of the output's prose words; the box is their nearest
    common ancestor.

    Args:
        at: The element of each placed output block, by its position in ``blocks``.
        blocks: The extractor's output.

    Returns:
        The element, or None when no placed block is prose.

    Example:
        >>> from lxml import html
        >>> from articlekit.readers.page import page_blocks
        >>> p = "<p>" + "The council met on Monday and voted to repair the bridge. " * 3 + "</p>"
        >>> note = "<p>Sign up for our weekly letter about the city and its people today.</p>"
        >>> page = f"<body><main id='story'>{p}{p}</main><aside>{note}</aside></body>"
        >>> tree = html.fromstring(page)
        >>> elements = []
        >>> blocks = page_blocks(tree, elements)
        >>> article_box(placed_elements(elements, [0, 1, 2]), blocks).get("id")
        'story'
    """
    prose = sorted(
        ((word_count(blocks[i].text), i) for i in at if is_prose(blocks[i].text)), reverse=True
    )
    total = sum(count for count, _ in prose)
    common: list[etree._Element] = []
    taken = 0
    for count, i in prose:
        # The elements around the block, not the block's own: one long paragraph is not
        # the article's box, the element holding it is.
        chain = list(at[i].iterancestors())
        if taken:
            around = set(chain)
            chain = [e for e in common if e in around]
        common = chain
        taken += count
        if taken >= ARTICLE_BOX_PROSE_SHARE * total:
            break
    return common[0] if common else None


def after_box(
    at: Mapping[int, etree._Element], blocks: tuple[DraftBlock, ...], box: etree._Element | None
) -> tuple[int, ...]:
    """The output blocks that come after the article's box, outside it.

    trafilatura's output sometimes runs on past the box into the page's next boxes (a
    newsletter sign-up, an author card, the site's story list): the output blocks after the
    box's last block, in elements outside it, are those. Blocks the page index could not
    place stay.

    Args:
        at: The element of each placed output block, by its position in ``blocks``.
        blocks: The output.
        box: The article's box (see :func:`article_box`), or None when it is unknown
            (nothing is listed then).

    Returns:
        The ``index`` of each such block.
    """
    inside = in_box(at, box)
    if not inside:
        return ()
    last = inside[-1]
    return tuple(blocks[i].index for i in sorted(at) if i > last)  # all outside the box


#: Furniture marks (see :mod:`articlekit.readers.page`) that never list a block on their own:
#: author and byline boxes are the byline and bio cleaners' to read, and a "review" box is
#: as often a review site's article as its readers' comments.
KEPT_MARKS = frozenset({"author", "byline", "bio", "review"})


def mark_of(block: DraftBlock) -> str:
    """The furniture mark of a page block: its first class word, "" for none.

    See :func:`~articlekit.readers.page.page_blocks` for the words.
    """
    return block.classes[0] if block.classes else ""


def own_mark(page: tuple[DraftBlock, ...], placed: Iterable[int | None]) -> str:
    """The furniture mark most of the words of the given page blocks carry ("" for none).

    A site that wraps its whole layout in a ``has-sidebar`` or ``page-promo`` element marks
    every block of the page, the article's too: that mark is the article's own and tells
    nothing about a block.

    Args:
        page: The page's blocks.
        placed: Positions among the page blocks (None, for blocks not found, is skipped).

    Example:
        >>> from articlekit.draft import DraftBlock
        >>> page = (DraftBlock(0, "Menu", classes=("nav",)),
        ...         DraftBlock(1, "The story, told at length.", classes=("sidebar",)))
        >>> own_mark(page, [0, 1]), own_mark(page, [None])
        ('sidebar', '')
    """
    weight: Counter[str] = Counter()
    count = memo_table(word_count)  # every block of the page: a lookup, not a call
    for p in placed:
        if p is not None:
            weight[mark_of(page[p])] += count[page[p].text]
    return weight.most_common(1)[0][0] if weight else ""


def furniture_at_edges(
    page: tuple[DraftBlock, ...],
    positions: list[int | None],
    at: Mapping[int, etree._Element],
    blocks: tuple[DraftBlock, ...],
    box: etree._Element | None,
) -> tuple[int, ...]:
    """The output blocks at the article's edges that sit in the page's furniture.

    A block's furniture mark is the word its page block carries in ``classes`` (the class or
    id of an element around it names a promo bar, a sidebar, a newsletter box; see
    :func:`~articlekit.readers.page.page_blocks`). The article's own mark is the one most of
    the box's words carry (often none; "sidebar" when the whole layout sits in a
    ``has-sidebar`` wrapper, and then that mark says nothing). Listed are the blocks with
    another mark (not one of :data:`KEPT_MARKS`) that come

    - before the box's first block, from elements outside it: a promo bar's slides or a
      menu the extractor took from above the story;
    - after the last block that carries the article's own mark: a republishing policy, a
      newsletter box or a share panel the box holds after the story.

    A text the page prints as an ``<h1>`` is never listed: it is the page's headline, which
    sites print in a hero or banner element of its own ("promo-hero") and repeat in the menu
    or the breadcrumb, and the title cleaners read it.

    Args:
        page: The page's blocks.
        positions: Where each output block sits among the page blocks (None: not found).
        at: The element of each placed output block, by its position in ``blocks``.
        blocks: The output.
        box: The article's box (see :func:`article_box`), or None when it is unknown
            (nothing is listed then).

    Returns:
        The ``index`` of each such block.
    """
    inside = in_box(at, box)
    if not inside:
        return ()
    placed = {i: page[p] for i, p in enumerate(positions) if p is not None}
    headlines = {b.text for b in page if b.tag == "h1"}

    def mark(i: int) -> str:
        return mark_of(placed[i])

    own = own_mark(page, (positions[i] for i in inside))
    last_own = max(i for i in inside if mark(i) == own)
    return tuple(
        blocks[i].index
        for i in sorted(at)
        if (i < inside[0] or i > last_own)
        and (m := mark(i))
        and m != own
        and m not in KEPT_MARKS
        and blocks[i].text not in headlines
    )


def teaser_cards(
    page: tuple[DraftBlock, ...],
    elements: list[etree._Element],
    positions: list[int | None],
    blocks: tuple[DraftBlock, ...],
    box: etree._Element | None,
    host: str | None = None,
) -> tuple[int, ...]:
    """The output blocks that sit in teaser cards: outside the article's box, or after the story.

    A teaser card is an element repeated among its siblings (:data:`CARD_SIBLINGS` or more
    of the same tag and class: a grid or a list of stories) that holds a few short blocks,
    one of them the linked headline of another page: at most :data:`CARD_MAX_WORDS` words
    in two blocks or more, one of them :data:`CARD_TITLE_MIN_WORDS` words or more of link
    text. Two kinds of output blocks in cards are listed:

    - outside the article's box. The box, the elements around it and the elements inside it
      are not searched for these: a listicle's items or a layout table's cells repeat too,
      and they are the article (measured on the dev pages, cards inside the box are as often
      the story as not);
    - after the output's last prose block that is in no card, in cards whose headline links
      to the page's own site (a relative link, or ``host``), :data:`TRAILING_CARD_MIN_BLOCKS`
      blocks or more: the river of the site's other stories that the box took in when it is
      as long as the story (the box holds 80% of the output's prose words). A listicle's
      items are followed by its conclusion, or link elsewhere (shops, sources).

    Args:
        page: The page's blocks.
        elements: The element of each page block.
        positions: Where each output block sits among the page blocks.
        blocks: The output.
        box: The article's box, or None when it is unknown (no card outside it is listed).
        host: The page's host name, without "www."; None when unknown (then only relative
            links count as the site's own).

    Returns:
        The ``index`` of each output block in such a card.
    """
    cards = _CardTest(page, elements)
    listed = _cards_outside(cards, positions, box) | _trailing_cards(cards, positions, blocks, host)
    return tuple(blocks[i].index for i in sorted(listed))


#: After the story, a river of the site's own cards is listed from this many blocks on (two
#: cards of a headline and a summary): measured on the dev pages, two blocks take the
#: story's own closing links too.
TRAILING_CARD_MIN_BLOCKS = 4


class _CardTest:
    """Which elements are teaser cards (repeated, short, with a linked headline), cached."""

    def __init__(self, page: tuple[DraftBlock, ...], elements: list[etree._Element]) -> None:
        self.page = page
        self.elements = elements
        self.siblings: dict[etree._Element, Counter[tuple[object, str | None]]] = {}
        self.verdicts: dict[etree._Element, bool] = {}

    def __call__(self, card: etree._Element, at: int) -> bool:
        """Whether ``card`` (around page block ``at``) is a teaser card."""
        if card not in self.verdicts:
            self.verdicts[card] = self._judge(card, at)
        return self.verdicts[card]

    def _judge(self, card: etree._Element, at: int) -> bool:
        parent = card.getparent()
        if parent is None or not isinstance(card.tag, str):
            return False
        if parent not in self.siblings:
            self.siblings[parent] = Counter((child.tag, child.get("class")) for child in parent)
        if self.siblings[parent][card.tag, card.get("class")] < CARD_SIBLINGS:
            return False
        inner = list(_blocks_in(self.page, self.elements, card, at))
        if len(inner) < 2 or sum(word_count(b.text) for b in inner) > CARD_MAX_WORDS:
            return False
        return any(
            (b.link_density or 0.0) >= CARD_TITLE_LINK_DENSITY
            and word_count(b.text) >= CARD_TITLE_MIN_WORDS
            for b in inner
        )


def _cards_outside(
    cards: _CardTest, positions: list[int | None], box: etree._Element | None
) -> set[int]:
    """Output positions in cards outside the box (the search stops at the box's elements)."""
    if box is None:
        return set()
    around_box = {box, *box.iterancestors()}
    found: set[int] = set()
    for i, p in enumerate(positions):
        if p is None:
            continue
        for candidate in _card_candidates(cards.elements[p]):
            if candidate in around_box or box in candidate.iterancestors():
                break
            if cards(candidate, p):
                found.add(i)
                break
    return found


def _trailing_cards(
    cards: _CardTest, positions: list[int | None], blocks: tuple[DraftBlock, ...], host: str | None
) -> set[int]:
    """Output positions in the site's own cards after the last prose block in no card."""
    # From the end back to that prose block: the blocks before it never count, and most
    # pages end in a paragraph, so this reads one or two blocks where a forward pass read all.
    after: set[int] = set()
    for i in range(len(blocks) - 1, -1, -1):
        p = positions[i]
        if p is not None and _in_home_card(cards, p, host):
            after.add(i)
        elif is_prose(blocks[i].text):
            return after if len(after) >= TRAILING_CARD_MIN_BLOCKS else set()
    return set()  # no prose outside the cards: no story to come after


def _in_home_card(cards: _CardTest, p: int, host: str | None) -> bool:
    """Whether page block ``p`` sits in a teaser card whose headline links into the site."""
    return any(
        cards(candidate, p) and _links_home(candidate, host)
        for candidate in _card_candidates(cards.elements[p])
    )


def _links_home(card: etree._Element, host: str | None) -> bool:
    """Whether a headline-long link in ``card`` points into the site (relative, or ``host``)."""
    for link in card.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        text = " ".join(t for t in link.itertext() if isinstance(t, str))
        if len(words(text)) < CARD_TITLE_MIN_WORDS:
            continue
        where = host_of(href)
        if where is not None and where in ("", host):
            return True
    return False


def host_of(url: str) -> str | None:
    """The host of ``url``, lower-case, without "www."; "" for a relative link, None if malformed.

    Example:
        >>> host_of("https://www.Example.com/a"), host_of("/a"), host_of("http://[x/")
        ('example.com', '', None)
    """
    try:
        return urlsplit(url).netloc.lower().removeprefix("www.")
    except ValueError:  # an unclosed IPv6 bracket
        return None


def _card_candidates(element: etree._Element) -> Iterator[etree._Element]:
    """The elements that may be the card of a block read in ``element``.

    Its own element and :data:`CARD_LEVELS` ancestors, nearest first.
    """
    yield element
    yield from itertools.islice(element.iterancestors(), CARD_LEVELS)


def _blocks_in(
    page: tuple[DraftBlock, ...], elements: list[etree._Element], card: etree._Element, at: int
) -> Iterator[DraftBlock]:
    """The page blocks read inside ``card``, around page position ``at`` (one of them).

    Stops early once past :data:`CARD_MAX_WORDS`: a box that long is no card anyway.
    """
    start = at
    while start > 0 and contains(card, elements[start - 1]):
        start -= 1
    words = 0
    end = start
    while end < len(page) and contains(card, elements[end]):
        words += word_count(page[end].text)
        yield page[end]
        end += 1
        if words > CARD_MAX_WORDS:
            return
