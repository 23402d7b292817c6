"""Fetching a page from its URL: the one module of articlekit that opens a network connection.

``articlekit clean https://...`` fetches with :func:`fetch`, and so can a Python caller::

    page = fetch("https://example.org/news/story")
    article = clean_html(page.content, url=page.url, charset=page.charset)

It is a plain, careful GET with urllib3: connect and read timeouts and a budget for the
whole fetch, redirects followed (at most :data:`MAX_REDIRECTS`), the body streamed and
abandoned as soon as it passes the size limit (decompressed size: urllib3 decodes gzip in
bounded steps), a User-Agent that names articlekit, and the charset of the ``Content-Type``
header kept for the HTML reader. Whatever goes wrong is one :class:`~articlekit.errors.FetchError`
naming the URL and the cause.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from articlekit._version import __version__
from articlekit.errors import FetchError
from articlekit.readers.html_input import DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_FETCH_TIMEOUT",
    "HTML_TYPES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "FetchedPage",
    "fetch",
    "is_url",
    "media_type",
]

#: Seconds a fetch may take by default: to connect, to wait for data, and in all.
DEFAULT_FETCH_TIMEOUT = 30.0
#: Redirects followed before a fetch gives up (browsers stop at about 20; a page that needs
#: more than a few is a loop or a trap).
MAX_REDIRECTS = 10
#: The ``User-Agent`` header: articlekit and its version, so a site can tell who asks.
USER_AGENT = f"articlekit/{__version__}"
#: The content types of a page: any type that names HTML ("text/html",
#: "application/xhtml+xml", "text/x-html"), as WARC responses are read; anything else (a
#: PDF, an image, JSON) is a FetchError. A response without a ``Content-Type`` is read as
#: HTML (the HTML reader says if it is not).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchedPage:
    """A page fetched from its URL.

    Attributes:
        url: Where the page was found: the URL asked for, or where its redirects led.
        requested_url: The URL asked for.
        status: The HTTP status (2xx).
        content_type: The media type the server sent, lower case ("text/html"); "" when it
            sent none.
        charset: The charset of the ``Content-Type`` header, if any: pass it to
            :func:`~articlekit.clean_html` with the bytes (it wins over the page's own
            ``<meta>`` declaration, as in a browser).
        content: The body, decompressed, as served (bytes).

    Example:
        >>> page = FetchedPage("https://x.test/a", "http://x.test/a", 200, "text/html",
        ...                    "utf-8", b"<p>Hi</p>")
        >>> page.url, len(page.content)
        ('https://x.test/a', 9)
    """

    url: str
    requested_url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes


def is_url(value: str) -> bool:
    """Whether ``value`` is an ``http://`` or ``https://`` URL (what :func:`fetch` takes).

    Example:
        >>> is_url("https://example.org/a"), is_url("HTTP://example.org"), is_url("page.html")
        (True, True, False)
    """
    return value[:8].lower().startswith(("http://", "https://"))


def media_type(header: str | None) -> tuple[str, str | None]:
    """The media type (lower case) and charset of a ``Content-Type`` header value.

    The charset is None when the header names none, or names it in a form that cannot be
    read (the page's own declaration is read instead). A fetched page's header and a WARC
    record's HTTP header are read alike.

    Example:
        >>> media_type('Text/HTML; charset="ISO-8859-2"')
        ('text/html', 'ISO-8859-2')
        >>> media_type("text/html"), media_type(None)
        (('text/html', None), ('', None))
    """
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    if not isinstance(charset, str) or not charset.strip():
        charset = None  # a malformed parameter: the page's own declaration is read instead
    # The type as sent: the email parser would make a malformed one "text/plain".
    media = header.partition(";")[0].strip().lower()
    return media, charset.strip() if charset else None


def _root_cause(exc: BaseException) -> str:
    """The innermost reason of a urllib3 error: "Connection refused", not its wrapping."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    last = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        last = cause
        if isinstance(cause, MaxRetryError) and cause.reason is not None:
            cause = cause.reason
            continue
        cause = cause.__cause__ or cause.__context__
    text = getattr(last, "strerror", None) or str(last) or type(last).__name__
    return " ".join(str(text).split())


def _reason(exc: Exception, timeout: float) -> str:
    """What a urllib3 error means for the user, in a few words."""
    if isinstance(exc, MaxRetryError) and isinstance(exc.reason, Exception):
        return _reason(exc.reason, timeout)
    if isinstance(exc, NewConnectionError):  # a subclass of ConnectTimeoutError: first
        return f"cannot connect: {_root_cause(exc)}"
    if isinstance(exc, ConnectTimeoutError):
        return f"cannot connect: no answer within {timeout:g} s"
    if isinstance(exc, ReadTimeoutError):
        return f"timed out: no data for {timeout:g} s"
    if isinstance(exc, SSLError):
        return f"TLS error: {_root_cause(exc)}"
    if isinstance(exc, LocationParseError):
        return "not a valid URL"
    if isinstance(exc, DecodeError):
        return f"cannot decompress the body: {_root_cause(exc)}"
    if isinstance(exc, ProtocolError):
        return f"the connection broke: {_root_cause(exc)}"
    return f"{type(exc).__name__}: {_root_cause(exc)}"


def _read_body(
    response: urllib3.BaseHTTPResponse,
    url: str,
    max_bytes: int | None,
    deadline: float,
    timeout: float,
) -> bytes:
    """The body, streamed: stopped as soon as it passes ``max_bytes`` or the deadline."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    declared = response.headers.get("Content-Length") or ""
    if max_bytes is not None and encoding == "identity" and declared.strip().isdigit():
        size = int(declared)
        if size > max_bytes:  # said up front: not a byte read
            raise FetchError(url, _too_large(f"{size:,} bytes", max_bytes))
    body = bytearray()
    # read1, not stream(): it returns what one read of the socket gave, where stream()
    # waits for a whole chunk, so that a server trickling a byte at a time meets the
    # deadline between two reads, not after 64 KiB of them.
    while chunk := response.read1(_CHUNK, decode_content=True):
        body += chunk
        if max_bytes is not None and len(body) > max_bytes:
            raise FetchError(url, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out: the page took more than {timeout:g} s")
    return bytes(body)


def _too_large(size: str, max_bytes: int) -> str:
    return (
        f"the page is {size}, over the limit of {max_bytes:,} bytes: pass a larger "
        "max_bytes (--max-bytes) to read it"
    )


def _check_url(url: str) -> None:
    if not isinstance(url, str) or not is_url(url):
        raise FetchError(str(url), "not an http:// or https:// URL")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if not host:
        raise FetchError(url, "not a valid URL (no host)")


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> FetchedPage:
    """GET a page: its body, where it was found, and the charset its server declared.

    Args:
        url: An ``http://`` or ``https://`` URL.
        timeout: Seconds to connect, seconds to wait for each piece of data, and the budget
            of the whole fetch, redirects included (a server that trickles its page is cut
            off: the fetch then ends within about twice ``timeout``).
        max_bytes: The largest body read, in bytes, after decompression (the limit
            :func:`~articlekit.clean_html` applies too); None for no limit. A larger body is
            abandoned as soon as it passes the limit, or before a byte is read when the
            server's ``Content-Length`` says so.
        max_redirects: Redirects (301, 302, 303, 307, 308) followed before giving up.

    Returns:
        The page (a 2xx answer with an HTML content type, or none).

    Raises:
        FetchError: When the page cannot be had: not an http(s) URL, the host cannot be
            resolved or refuses the connection, a timeout, an HTTP status that is not 2xx
            (``status`` holds it), more than ``max_redirects`` redirects, a body over
            ``max_bytes``, a content type that is not HTML. The message names the URL
            and the cause; ``reason`` has the cause alone.

    Example:
        >>> fetch("ftp://x.test/a")
        Traceback (most recent call last):
        ...
        articlekit.errors.FetchError: cannot fetch ftp://x.test/a: not an http:// or https:// URL
    """
    _check_url(url)
    if not timeout > 0:
        msg = f"timeout must be a positive number of seconds, got {timeout!r}"
        raise ValueError(msg)
    deadline = time.monotonic() + timeout
    headers = urllib3.util.make_headers(accept_encoding=True, user_agent=USER_AGENT)
    headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
    pool = urllib3.PoolManager(headers=headers)
    current = url
    try:
        for _ in range(max_redirects + 1):
            remaining = max(deadline - time.monotonic(), 0.001)
            wait = urllib3.Timeout(connect=min(timeout, remaining), read=min(timeout, remaining))
            try:
                response = pool.request(
                    "GET",
                    current,
                    redirect=False,
                    retries=False,
                    timeout=wait,
                    preload_content=False,
                )
            except (HTTPError, OSError) as exc:
                raise FetchError(url, _reason(exc, timeout)) from exc
            except ValueError as exc:  # a URL urllib3 cannot parse (a bad port...)
                raise FetchError(url, f"not a valid URL ({_root_cause(exc)})") from exc
            try:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(url, f"HTTP {response.status} redirect without a Location")
                    current = urljoin(current, location.strip())
                    if not is_url(current):
                        raise FetchError(url, f"redirected to {current!r}, not an http(s) URL")
                    continue
                return _page(url, current, response, max_bytes, deadline, timeout)
            finally:
                response.close()  # never drained: an abandoned body is not read on
        raise FetchError(url, f"more than {max_redirects} redirects (the last to {current})")
    finally:
        pool.clear()


def _page(
    url: str,
    current: str,
    response: urllib3.BaseHTTPResponse,
    max_bytes: int | None,
    deadline: float,
    timeout: float,
) -> FetchedPage:
    """The page of a final (not redirecting) response, or its FetchError."""
    status = response.status
    if not 200 <= status < 300:
        phrase = f" {response.reason}" if response.reason else ""
        where = f" (at {current})" if current != url else ""
        raise FetchError(url, f"HTTP {status}{phrase}{where}", status=status)
    content_type, charset = media_type(response.headers.get("Content-Type"))
    if content_type and content_type not in HTML_TYPES and "html" not in content_type:
        raise FetchError(url, f"not an HTML page: the server sent {content_type}")
    try:
        content = _read_body(response, url, max_bytes, deadline, timeout)
    except FetchError:
        raise
    except (HTTPError, OSError) as exc:
        raise FetchError(url, _reason(exc, timeout)) from exc
    return FetchedPage(current, url, status, content_type, charset, content)
