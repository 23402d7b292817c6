"""The article's images: the lead image and the images of the body, with absolute URLs.

The HTML reader knows which element of the page holds the article (its box, see
:func:`~articlekit.readers.boxes.article_box`) and which element holds the last block it
kept: the body's images are the ``<img>`` elements inside that box up to the end of that
block, so that the cost stays that of the article's own markup, and the teaser grid after the
story is not read. Tracking pixels, icons, logos and avatars, ``data:`` URIs and repeats are
left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

from lxml import etree

from articlekit.article import Image
from articlekit.draft import Hints
from articlekit.readers.metadata import element_text
from articlekit.readers.text import normalize_space

__all__ = [
    "MAX_IMAGES",
    "absolute_url",
    "body_images",
    "image_src",
    "lead_image",
    "metadata_image",
    "not_content",
    "page_base",
]

#: At most this many images a page (a gallery of hundreds is still read only this far).
MAX_IMAGES = 50
#: An image whose declared width or height is at most this many pixels is a tracking pixel
#: or a spacer.
MAX_PIXEL_SIZE = 2

#: The elements read as images.
_IMAGE_TAGS = frozenset({"img", "amp-img"})
#: The attributes that hold an image's URL, in the order they are asked: lazy-loading
#: scripts keep the real URL in a ``data-`` attribute and a placeholder in ``src``.
SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "src")
#: The attributes that hold a ``srcset`` (its first candidate is taken).
SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")

#: An ``<img>`` is read as a ``<picture>``'s within this many ``<source>`` levels of it.
PICTURE_MAX_DEPTH = 8

#: Words of an image's class, id or file name that make it page furniture, not the article's.
_NOT_CONTENT_WORDS = frozenset(
    {
        "1x1",
        "arrow",
        "avatar",
        "avatars",
        "badge",
        "blank",
        "btn",
        "bullet",
        "button",
        "emoji",
        "emojis",
        "favicon",
        "gravatar",
        "icon",
        "icons",
        "logo",
        "logos",
        "loader",
        "loading",
        "pixel",
        "placeholder",
        "rss",
        "spacer",
        "sprite",
        "sprites",
        "tracking",
        "transparent",
    }
)
#: Words of an image URL's host or folders that name an ad server.
_AD_SERVER_WORDS = frozenset({"adserver", "adservice", "ads", "doubleclick"})
#: Elements whose images are controls, not the article's: a form's captcha, a button's icon.
_CONTROLS = frozenset({"form", "button"})
_CAMEL = re.compile(r"([a-z])([A-Z])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_SIZE = re.compile(r"\s*(\d+)")

#: Class or id words of the elements around an image that make it furniture: the page's
#: other stories, share and follow bars, author boxes, ads. (Captions and credits are the
#: image's own: page furniture words of :mod:`articlekit.readers.page` without those.)
_FURNITURE = re.compile(
    r"comment|author|byline|(?<![a-z])bio(?![a-z])|related|recommend|share|social|newsletter"
    r"|subscri|signup|promo|sponsor|advert|sidebar|(?<![a-z])nav|menu|breadcrumb|popup|modal"
    r"|teaser"
)


def absolute_url(src: str, base: str | None) -> str:
    """``src`` made absolute against ``base``; as it is when there is no base or it fails.

    Example:
        >>> absolute_url("../img/a.jpg", "https://news.test/world/story.html")
        'https://news.test/img/a.jpg'
        >>> absolute_url("/img/a.jpg", None)
        '/img/a.jpg'
    """
    src = src.strip()
    if not base:
        return src
    try:
        return urljoin(base, src)
    except ValueError:  # a malformed URL ("http://[::1"): left as the page wrote it
        return src


def page_base(tree: etree._Element, url: str | None, canonical: str | None) -> str | None:
    """The URL the page's relative links resolve against, None when it is unknown.

    The caller's ``url``, else the page's canonical link; a ``<base href>`` in the page
    applies on top of it, as in a browser.

    Example:
        >>> from lxml import html
        >>> tree = html.fromstring('<html><head><base href="/static/"></head><body></body></html>')
        >>> page_base(tree, "https://news.test/a/b.html", None)
        'https://news.test/static/'
    """
    base = url or canonical
    # <base> belongs in the head (the parser puts it there): no search of the whole page.
    head = tree.find("head")
    element = (head if head is not None else tree).find(".//base[@href]")
    href = (element.get("href") or "").strip() if element is not None else ""
    if href:
        if base:
            base = absolute_url(href, base)
        elif href.lower().startswith(("http://", "https://")):
            base = href
    return base


def _words(text: str | None) -> set[str]:
    return set(_NOT_WORD.split(_CAMEL.sub(r"\1 \2", text or "").lower()))


def _size(value: str | None) -> int | None:
    match = _SIZE.match(value or "")
    return int(match.group(1)) if match else None


def _first_candidate(srcset: str | None) -> str | None:
    """The URL of a ``srcset``'s first candidate ("a.jpg 1x, b.jpg 2x": "a.jpg")."""
    first = (srcset or "").strip().split(",", 1)[0].split()
    return first[0] if first else None


def _usable(src: str | None) -> bool:
    return bool(src) and not src.lstrip().lower().startswith("data:")  # type: ignore[union-attr]


def image_src(img: etree._Element) -> str | None:
    """The URL an ``<img>`` shows, as the page wrote it; None when it has none but a ``data:`` URI.

    The lazy-loading attributes first, then ``src``, the ``srcset`` and, in a ``<picture>``,
    its first ``<source>``.

    Example:
        >>> from lxml import html
        >>> image_src(html.fromstring('<img src="data:image/gif;base64,R0l" data-src="/a.jpg">'))
        '/a.jpg'
        >>> image_src(html.fromstring('<picture><source srcset="/b.webp 1x, /c.webp 2x">'
        ...                           '<img></picture>').find(".//img"))
        '/b.webp'
    """
    for name in SRC_ATTRIBUTES:
        value = img.get(name)
        if _usable(value):
            return value.strip()  # type: ignore[union-attr]
    for name in SRCSET_ATTRIBUTES:
        value = _first_candidate(img.get(name))
        if _usable(value):
            return value
    # libxml2 reads <source> as a container: the <img> of a <picture> stands inside its
    # sources, nested one in the other.
    for ancestor in itertools.islice(img.iterancestors(), PICTURE_MAX_DEPTH):
        if ancestor.tag == "picture":
            for source in ancestor.iter("source"):
                value = _first_candidate(source.get("srcset") or source.get("data-srcset"))
                if _usable(value):
                    return value
            break
        if ancestor.tag != "source":
            break
    return None


def not_content(src: str) -> bool:
    """Whether an image URL names an icon, a logo, a pixel or a placeholder, or an ad server.

    Its file name is read for the words of an icon ("logo.png", "icon-print.gif",
    "blank.jpg"), its host and folders for an ad server's.

    Example:
        >>> not_content("https://news.test/img/site-logo.png"), not_content("/img/bridge.jpg")
        (True, False)
    """
    try:
        parts = urlsplit(src)
        host, path = parts.hostname or "", parts.path
    except ValueError:
        host, path = "", src
    folders, _, name = path.rpartition("/")
    if _words(name) & _NOT_CONTENT_WORDS:
        return True
    return bool((_words(host) | _words(folders)) & _AD_SERVER_WORDS)


def _pixel(img: etree._Element) -> bool:
    """Whether the image declares a width or a height of a tracking pixel or a spacer."""
    width, height = _size(img.get("width")), _size(img.get("height"))
    return (width is not None and width <= MAX_PIXEL_SIZE) or (
        height is not None and height <= MAX_PIXEL_SIZE
    )


class _Around:
    """What the elements around an image in the box say of it: furniture, and its figure.

    An element's verdict is kept: the images of one gallery share their ancestors.
    """

    def __init__(self, box: etree._Element) -> None:
        self.box = box
        self.furniture: dict[etree._Element, bool] = {}

    def read(self, img: etree._Element) -> tuple[bool, etree._Element | None]:
        """Whether an element around ``img`` is furniture or a control, and its ``<figure>``."""
        figure: etree._Element | None = None
        for ancestor in img.iterancestors():
            if ancestor is self.box:
                break
            if figure is None and ancestor.tag == "figure":
                figure = ancestor
            verdict = self.furniture.get(ancestor)
            if verdict is None:
                names = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower()
                verdict = ancestor.tag in _CONTROLS or _FURNITURE.search(names) is not None
                self.furniture[ancestor] = verdict
            if verdict:
                return True, None
        return False, figure


def _caption(figure: etree._Element | None) -> str | None:
    """The text of the figure's ``<figcaption>``, None without one."""
    caption = figure.find(".//figcaption") if figure is not None else None
    return (element_text(caption) or None) if caption is not None else None


def body_images(
    box: etree._Element | None,
    last: etree._Element | None,
    base: str | None,
    placed: Sequence[tuple[int, etree._Element]] = (),
    most: int = MAX_IMAGES,
) -> tuple[Image, ...]:
    """The images of the article body: in ``box``, up to the end of ``last``.

    Args:
        box: The element that holds the article (see
            :func:`~articlekit.readers.boxes.article_box`); None: no images.
        last: The element of the last block kept inside the box; the images after it (the
            box's teasers and share bars after the story) are not read. None: the whole box.
        base: What relative URLs resolve against (see :func:`page_base`); None keeps them
            as the page wrote them.
        placed: The body's blocks the page placed, in page order: each block's index and
            its element. An image's :attr:`~articlekit.article.Image.before` is the index of
            the first of them after it (an image inside a block's element comes after that
            block); without them, None.
        most: How many images are read at most (1: the lead image's search).

    Returns:
        At most ``most`` images, in page order, each URL once.

    Example:
        >>> from lxml import html
        >>> box = html.fromstring('<article><figure><img src="a.jpg" alt="A"><figcaption>'
        ...     'The bridge.</figcaption></figure><img src="logo.png"><p>Text.</p>'
        ...     '<img src="pixel.gif" width="1" height="1"></article>')
        >>> body_images(box, box.find("p"), "https://news.test/x/", [(4, box.find("p"))])
        (Image(src='https://news.test/x/a.jpg', alt='A', caption='The bridge.', before=4),)
    """
    if box is None:
        return ()
    found: dict[str, Image] = {}
    around = _Around(box)
    # Where each placed block's element stands in the list (its last entry: one element may
    # give several blocks); those outside the box before its first one inside are passed
    # before the box's first image, those after it never.
    ends = {id(element): n for n, (_, element) in enumerate(placed)}
    inside = [n for n, (_, element) in enumerate(placed) if element is box or _inside(element, box)]
    following = inside[0] if inside else len(placed)
    # The images, the last block's element and the placed blocks' elements, in page order
    # (lxml picks them by tag): an image met after the last block's element, outside it,
    # comes after the article's text.
    tags = {*_IMAGE_TAGS, *(placed[n][1].tag for n in inside)}
    if last is not None:
        tags.add(last.tag)
    passed = False
    for element in box.iter(*tags):
        if element is last:
            passed = True
        end = ends.get(id(element))
        if end is not None and end >= following:
            following = end + 1
        if element.tag not in _IMAGE_TAGS or element is last:
            continue
        if passed and last is not None and not _inside(element, last):
            break
        src = image_src(element)
        if src is None or _pixel(element) or not_content(src):
            continue
        if (_words(element.get("class")) | _words(element.get("id"))) & _NOT_CONTENT_WORDS:
            continue
        furniture, figure = around.read(element)
        if furniture:
            continue
        src = absolute_url(src, base)
        if src in found:
            continue
        alt = normalize_space(element.get("alt") or "") or None
        before = placed[following][0] if following < len(placed) else None
        found[src] = Image(src, alt, _caption(figure) or alt, before)
        if len(found) >= most:
            break
    return tuple(found.values())


def _inside(element: etree._Element, outer: etree._Element) -> bool:
    return any(ancestor is outer for ancestor in element.iterancestors())


def lead_image(hints: Hints, base: str | None, body: tuple[Image, ...] = ()) -> str | None:
    """The lead image: the one the page's metadata names, else the body's first.

    The metadata's image is made absolute against ``base``; an icon, a logo or a placeholder
    there (a blog platform's ``blank.jpg``, the site's logo) is none (see :func:`not_content`).

    Example:
        >>> from articlekit.draft import Hints
        >>> lead_image(Hints(image="/i/lead.jpg"), "https://news.test/a")
        'https://news.test/i/lead.jpg'
        >>> body = (Image("https://news.test/i/first.jpg"),)
        >>> lead_image(Hints(image="https://s0.wp.test/i/blank.jpg"), None, body)
        'https://news.test/i/first.jpg'
    """
    named = metadata_image(hints, base)
    if named is not None:
        return named
    return body[0].src if body else None


def metadata_image(hints: Hints, base: str | None) -> str | None:
    """The image the page's metadata names, made absolute against ``base``; None for none.

    An icon, a logo or a placeholder there is none (see :func:`not_content`).

    Example:
        >>> from articlekit.draft import Hints
        >>> metadata_image(Hints(image="/i/lead.jpg"), "https://news.test/a")
        'https://news.test/i/lead.jpg'
        >>> metadata_image(Hints(image="https://s0.wp.test/i/blank.jpg"), None) is None
        True
    """
    if hints.image and not not_content(hints.image):
        return absolute_url(hints.image, base)
    return None
