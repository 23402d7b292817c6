"""The HTML reader's input boundary: bytes to text, characters no encoder takes, page size.

Everything here is linear in the page's size and never raises on the page's content (only
:class:`~articlekit.errors.InputTooLargeError` for a page over the size limit):

- :func:`decode_html` turns bytes into text: a byte-order mark, UTF-16 or UTF-32 without one,
  the declared charset when it can be the page's, UTF-8 (with stray single-byte characters
  read as Windows-1252), else detection;
- :func:`scrub_surrogates` replaces lone surrogates (which no UTF-8 encoder takes) with
  U+FFFD and says how many there were, for the record;
- :func:`flatten_nesting` takes out the opening and closing tags nested deeper than
  libxml2 reads (it stops at depth 255, dropping the rest of the page), keeping the text.
"""

from __future__ import annotations

import codecs
import functools
import re
import sys
from dataclasses import dataclass, field
from typing import Any

import regex

from articlekit.errors import InputTooLargeError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_ATTRIBUTES",
    "MAX_NESTING",
    "cap_attributes",
    "check_size",
    "decode_html",
    "flatten_nesting",
    "scrub_surrogates",
]

#: The largest page :func:`articlekit.clean_html` reads by default, in bytes (a ``str``
#: counts its UTF-8 length): trafilatura's own ``MAX_FILE_SIZE``.
DEFAULT_MAX_BYTES = 20_000_000


def check_size(html: str | bytes, max_bytes: int | None) -> None:
    """Raise :class:`~articlekit.errors.InputTooLargeError` for a page over ``max_bytes``.

    Args:
        html: The page, as served (bytes) or decoded (str: its UTF-8 length counts).
        max_bytes: The limit; None for none.
    """
    if max_bytes is None:
        return
    if isinstance(html, str):
        # A character is one to four bytes in UTF-8: encode only when it can matter.
        if len(html) <= max_bytes // 4:
            return
        size = len(html) if len(html) > max_bytes else _utf8_length(html)
    else:
        size = len(html)
    if size > max_bytes:
        raise InputTooLargeError(size, max_bytes)


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
#: Charsets a page may declare that cannot be how its bytes are encoded: a declaration
#: written in ASCII cannot be UTF-16 or UTF-32 (the HTML standard reads those as UTF-8),
#: and the others are no charset of a web page at all (Python codecs for host names,
#: escapes, or a decoder that always fails). UTF-7 is not taken either (browsers dropped it).
_UNUSABLE = frozenset(
    {
        "idna",
        "punycode",
        "undefined",
        "utf-7",
        "unicode-escape",
        "raw-unicode-escape",
        "unicode-internal",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "mbcs",
        "oem",
    }
)
#: 7-bit charsets whose pages are all ASCII bytes and still not ASCII text.
_SEVEN_BIT = ("iso2022", "hz")
_ASCII_PROBE = b'<html><meta charset="x"><p class=a>Text, 0-9.</p>'


def _usable_charset(name: str) -> str | None:
    """The codec name for a declared charset when it can be the page's, else None."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if info.name in _UNUSABLE or not getattr(info, "_is_text_encoding", True):
        return None
    try:  # the declaration itself is ASCII: its charset must read ASCII as ASCII
        if _ASCII_PROBE.decode(info.name) != _ASCII_PROBE.decode("ascii"):
            return None
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None
    return info.name


#: UTF-16 or UTF-32 without a byte-order mark: this share of the code units of the first
#: bytes have their NUL bytes on one side (ASCII markup).
_WIDE_NUL_SHARE = 0.6
_WIDE_PROBE = 4096


def _wide_encoding(data: bytes) -> str | None:
    """``utf-16-le`` / ``-be`` or ``utf-32-le`` / ``-be`` when the bytes look like it, else None."""
    head = data[:_WIDE_PROBE]
    if len(head) < 8 or head.count(0) < len(head) // 4:
        return None
    quads = len(head) // 4
    if quads and all(head[k::4].count(0) >= _WIDE_NUL_SHARE * quads for k in (1, 2, 3)):
        return "utf-32-le"
    if quads and all(head[k::4].count(0) >= _WIDE_NUL_SHARE * quads for k in (0, 1, 2)):
        return "utf-32-be"
    pairs = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd >= _WIDE_NUL_SHARE * pairs and even < 0.1 * pairs:
        return "utf-16-le"
    if even >= _WIDE_NUL_SHARE * pairs and odd < 0.1 * pairs:
        return "utf-16-be"
    return None


# Bytes that are not UTF-8, read as Windows-1252 (the five bytes it leaves undefined as
# Latin-1): after decoding with "surrogateescape" they are U+DC80..U+DCFF.
_STRAY_BYTES = {
    0xDC00 + byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
    for byte in range(0x80, 0x100)
}
_ESCAPED = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]{2,}")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
#: A page declared UTF-8 whose stray bytes stand alone this often (accented letters of a
#: pasted Windows-1252 piece) has them read as Windows-1252; runs of them are another
#: encoding altogether.
_ISOLATED_SHARE = 0.8


def _mixed_utf8(escaped: str) -> str:
    """UTF-8 text decoded with ``surrogateescape``, its stray bytes read as Windows-1252."""
    return escaped.translate(_STRAY_BYTES)


def decode_html(data: bytes, charset: str | None = None) -> str:
    r"""Decode page bytes into text, whatever they hold.

    In order: a byte-order mark; UTF-16 or UTF-32 without one (NUL bytes on one side of the
    ASCII markup); valid UTF-8 (which a page in another declared charset almost never is by
    chance: "café" in UTF-8 read as Latin-1 is the familiar "cafÃ©"), unless the page is
    ASCII declared in a 7-bit charset (ISO-2022-JP); UTF-8 mixed with single-byte text (a
    piece pasted from a Windows-1252 page), each byte that is not UTF-8 read as
    Windows-1252; the declared charset, when it can be the page's (not one of Python's
    codecs for host names or escapes, nor UTF-16 declared in ASCII); else detection
    (charset-normalizer).

    Args:
        data: The page as served.
        charset: The charset the server declared for it (the HTTP ``Content-Type``
            header's), if any: it is the declared charset in place of the page's own
            ``<meta>`` one, as the HTML standard puts the transport's first. A name that
            cannot be the page's charset is ignored, as an unusable ``<meta>`` one is.

    Returns:
        The text. Bytes the chosen charset cannot read are replaced (U+FFFD), not dropped.

    Example:
        >>> decode_html('<meta charset="windows-1252"><p>Caf\xe9</p>'.encode("cp1252"))
        '<meta charset="windows-1252"><p>Café</p>'
        >>> page = "<p>Café crème, Straße, ".encode() + "déjà</p>".encode("cp1252")
        >>> decode_html(page)
        '<p>Café crème, Straße, déjà</p>'
        >>> decode_html("<p>Журнал</p>".encode("koi8-r"), charset="koi8-r")  # the server's
        '<p>Журнал</p>'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    wide = _wide_encoding(data)
    if wide is not None:
        return data.decode(wide, errors="replace")
    declared = _usable_charset(charset) if charset else None
    if declared is None:
        match = _META_CHARSET.search(data[:4096])
        declared = _usable_charset(match.group(1).decode("ascii")) if match else None
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED.findall(escaped)) if not data.isascii() else 0
    if not stray:
        if declared and declared.replace("_", "").startswith(_SEVEN_BIT):
            return _decode(data, declared)
        return escaped  # valid UTF-8 (ASCII included)
    utf8 = len(_NON_ASCII.findall(escaped))
    if utf8 >= stray:
        return _mixed_utf8(escaped)  # mostly UTF-8, a few bytes of another charset
    if declared and declared != "utf-8":
        return _decode(data, declared)
    if declared == "utf-8":
        in_runs = sum(len(m) for m in _ESCAPED_RUN.findall(escaped))
        if stray - in_runs >= _ISOLATED_SHARE * stray:
            return _mixed_utf8(escaped)
        return data.decode("utf-8", errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return _decode(data, best.encoding if best is not None else "cp1252")


def _decode(data: bytes, encoding: str) -> str:
    """``data`` decoded with ``encoding`` (bytes it cannot read replaced), else as cp1252."""
    try:
        return data.decode(encoding, errors="replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return data.decode("cp1252", errors="replace")


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


@dataclass(frozen=True)
class Scrubbed:
    """Text with its lone surrogates replaced, and where they were.

    Attributes:
        text: The text, valid for UTF-8.
        count: How many lone surrogates were replaced with U+FFFD.
        first: The position of the first one in the input (0 when there was none).
        code_points: The distinct code points replaced, as ``U+D800``, at most five.
        encoded: ``text`` in UTF-8 when the check made it (the text held no surrogate), else
            None: the reader parses these bytes, which libxml2 reads faster than a ``str``.
    """

    text: str
    count: int = 0
    first: int = 0
    code_points: tuple[str, ...] = ()
    encoded: bytes | None = field(default=None, repr=False, compare=False)


def scrub_surrogates(text: str) -> Scrubbed:
    r"""Make ``text`` encodable as UTF-8: lone surrogates become U+FFFD.

    A surrogate pair (``"\ud83d\ude00"``, text decoded with ``surrogatepass`` or from JSON
    escapes) is the character it stands for; any other surrogate code point is no character
    (what a broken decoder leaves) and is replaced.

    Example:
        >>> s = scrub_surrogates("x \ud800 y \ud83d\ude00")
        >>> s.text, s.count, s.code_points
        ('x \ufffd y 😀', 1, ('U+D800',))
    """
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return Scrubbed(text, encoded=encoded)
    text = _SURROGATE_PAIR.sub(
        lambda m: m.group(0).encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text
    )
    lone = [(m.start(), m.group(0)) for m in _SURROGATE.finditer(text)]
    if not lone:
        return Scrubbed(text)
    points = tuple(dict.fromkeys(f"U+{ord(c):04X}" for _, c in lone))[:5]
    return Scrubbed(_SURROGATE.sub("\ufffd", text), len(lone), lone[0][0], points)


#: Elements are kept this many levels deep at most: libxml2 reads 255 levels and drops the
#: rest of the page; the margin covers the elements the parser adds (html, body) and the
#: implied ones :func:`flatten_nesting` does not model.
MAX_NESTING = 200

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(script|style|textarea|title|xmp|plaintext|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][^\s/>]*)[^>]*>",
    re.I | re.S,
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "basefont",
        "frame",
        "isindex",
    }
)


_INLINE = frozenset(
    {"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span"}
    | {"strong", "sub", "sup", "time", "u"}
)


def flatten_nesting(html: str, max_depth: int = MAX_NESTING) -> tuple[str, int]:
    """Take out the tags that open elements deeper than ``max_depth``, and their end tags.

    The text inside them stays, in the element at ``max_depth``. One pass over the tags,
    with a count of the open elements of each name, so that an end tag is matched without
    a search: linear in the page.

    Args:
        html: The markup.
        max_depth: The deepest level kept.

    Returns:
        The markup and how many start tags were taken out.

    Example:
        >>> flatten_nesting("<div><div><div><p>Deep</p></div></div></div><p>After</p>", 2)
        ('<div><div>  Deep  </div></div><p>After</p>', 2)
    """
    out: list[str] = []
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}  # start tags taken out whose end tag has not come yet
    taken = 0
    last = 0
    for match in _TOKEN.finditer(html):
        name = match.group(3)
        if name is None:  # a comment or a raw-text element (a leaf): kept as it is
            continue
        name = name.lower()
        if name in _VOID:
            continue
        is_end = bool(match.group(2))
        if is_end and open_count.get(name) and not dropped.get(name):
            while stack:  # close what is open down to this element, as parsers do
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break
            continue
        if is_end and not dropped.get(name):
            continue  # a stray end tag: parsers ignore it
        if not is_end and len(stack) < max_depth:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            continue
        # A start tag beyond the bound, or the end tag of one: out, its text stays.
        if is_end:
            dropped[name] -= 1
        else:
            dropped[name] = dropped.get(name, 0) + 1
            taken += 1
        out.append(html[last : match.start()])
        # A block's tag separated its text from the next; an inline one's did not.
        out.append("" if name in _INLINE else " ")
        last = match.end()
    if not taken:
        return html, 0
    out.append(html[last:])
    return "".join(out), taken


#: The most attributes a start tag keeps (:func:`cap_attributes`); no dev page has a tag
#: with more than a few dozen.
MAX_ATTRIBUTES = 256
# One attribute: a name and maybe a value, after white space or "/" (or nothing, after a
# quoted value). Possessive throughout: a tag that falls short fails at once, so the search
# is linear in the page.
_ATTRIBUTE = r"""[\s/]*+[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>=`]++))?+"""
# The standard library's engine runs this pattern 13 times faster than ``regex`` (1.7 against
# 23 ms per MB of dev pages), but takes possessive quantifiers only from Python 3.11 on.
_ENGINE: Any = re if sys.version_info >= (3, 11) else regex


@functools.cache  # one pattern per limit, compiled on first use
def _many_attributes(limit: int) -> re.Pattern[str]:
    return _ENGINE.compile(  # type: ignore[no-any-return]
        rf"(<[A-Za-z][^\s/>]*+(?:{_ATTRIBUTE}){{{limit}}}+)(?:{_ATTRIBUTE})++"
    )


def cap_attributes(html: str, limit: int = MAX_ATTRIBUTES) -> tuple[str, int]:
    """Keep the first ``limit`` attributes of each start tag; drop the rest.

    libxml2 checks each attribute of a tag against all those before it, and lxml's
    ``attrib.items()`` (htmldate lists the attributes of the elements it looks at) is
    quadratic too: one tag of 48,000 attributes took 3 s to parse and 6.6 s to list.
    Attributes hold no article text, so dropping those past the first ``limit`` loses none.
    The search costs about 2 ms per MB of markup, so every page gets it (a cheaper gate,
    such as counting spaces, misses attributes separated by new lines).

    Args:
        html: The markup.
        limit: How many attributes a tag keeps (the default is :data:`MAX_ATTRIBUTES`).

    Returns:
        The markup and how many tags lost attributes.

    Example:
        >>> cap_attributes('<div a="1" b=2 c><p x="y">Text</p></div>', 2)
        ('<div a="1" b=2><p x="y">Text</p></div>', 1)
    """
    return _many_attributes(limit).subn(r"\1", html)
