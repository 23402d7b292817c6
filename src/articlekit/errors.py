"""Exceptions raised by articlekit.

Every error articlekit raises on purpose derives from :class:`ArticlekitError`, so a caller can
catch one class around a whole batch. Each subclass also derives from the built-in exception
a Python user would expect (``TypeError`` for a value of the wrong type, ``ValueError`` for a
value of the right type that cannot work, ``KeyError`` for an unknown name)::

    ArticlekitError
    ├── InputError (ValueError)           input that cannot be read: wrong type, not HTML...
    │   ├── InputTypeError (TypeError)    input of a type articlekit does not take
    │   ├── InputTooLargeError            a page over clean_html's size limit (max_bytes)
    │   ├── UnreadableInputError          a page a dependency (lxml, trafilatura...) fails on
    │   └── NoArticleError                a page with no main text at all (clean_html)
    ├── PipelineError (ValueError)        a pipeline that can never work (duplicate names...)
    │   └── UnknownCleanerError (KeyError)  a cleaner name that is not in the pipeline/registry
    ├── ProfileError (ValueError)         a site profile that cannot work or cannot be read
    │   └── ProfileVersionError           a profile saved in another format version
    ├── CleanerError (RuntimeError)       a cleaner raised or returned something that is not a Draft
    ├── FetchError (OSError)              a URL that cannot be fetched (HTTP status, timeout...)
    └── MissingDependencyError (ImportError)  an optional extra (scrapy, dask) is not installed

Messages say what went wrong *and* what to do about it.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ArticlekitError",
    "BlockModelError",
    "CleanerError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "InputTypeError",
    "MissingDependencyError",
    "NoArticleError",
    "PipelineError",
    "ProfileError",
    "ProfileVersionError",
    "UnknownCleanerError",
    "UnreadableInputError",
]


class ArticlekitError(Exception):
    """Base class of every error articlekit raises on purpose."""


class InputError(ArticlekitError, ValueError):
    """The input cannot be turned into an article (for example: it is not HTML)."""


class InputTypeError(InputError, TypeError):
    """The input is of a type articlekit does not accept (for example ``bytes`` to clean_text)."""


class InputTooLargeError(InputError):
    """The page is larger than the limit :func:`articlekit.clean_html` was given (``max_bytes``).

    Attributes:
        size: The page's size in bytes (a ``str`` counts its UTF-8 length).
        limit: The limit in bytes.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"the page is {size:,} bytes, over the limit of {limit:,} bytes: pass a larger "
            "max_bytes (or None for no limit) to read it"
        )
        self.size = size
        self.limit = limit


class UnreadableInputError(InputError):
    """A library articlekit reads pages with failed on this page (a parser's resource limit...).

    The message names the library's error; the original exception is the ``__cause__``.
    """


class NoArticleError(InputError):
    """The page has no article text at all (an index page, a script-only page, a paywall stub).

    Raised by :func:`articlekit.clean_html` instead of returning an empty Article, so that a
    batch can count such pages instead of storing empty articles. What the page's metadata
    still says (title, dates, authors...) is in :attr:`article`, an Article without blocks.

    Attributes:
        article: The metadata-only :class:`~articlekit.Article`, or None when the error was
            raised before the metadata was read.
    """

    def __init__(self, message: str, *, article: Any = None) -> None:
        super().__init__(message)
        self.article = article


class PipelineError(ArticlekitError, ValueError):
    """A pipeline was configured in a way that can never work."""


class UnknownCleanerError(PipelineError, KeyError):
    """A cleaner was named that the pipeline or the registry does not have."""

    def __str__(self) -> str:
        # KeyError.__str__ would print the message with quotes around it.
        return str(self.args[0]) if self.args else ""


class ProfileError(ArticlekitError, ValueError):
    """A :class:`~articlekit.SiteProfile` that cannot work or cannot be read.

    For example a ``min_share`` of 2, or a file that is not JSON, not a saved profile, or
    holds a value of the wrong type.
    """


class ProfileVersionError(ProfileError):
    """A saved site profile in a format version this articlekit does not read: learn it again."""


class BlockModelError(ArticlekitError, ValueError):
    """A block model's weights are malformed or do not fit the rows they are asked to score."""


class CleanerError(ArticlekitError, RuntimeError):
    """A cleaner failed: it raised, or returned something other than a Draft."""


class FetchError(ArticlekitError, OSError):
    """A page could not be fetched from its URL (see :func:`articlekit.fetch.fetch`).

    The message names the URL and the cause: an HTTP status, a timeout, a connection
    refused, a body over the size limit, a content type that is not HTML, too many
    redirects.

    Attributes:
        url: The URL asked for.
        reason: The cause alone, without the URL ("HTTP 404 Not Found").
        status: The HTTP status when the server answered with an error, else None.

    Example:
        >>> str(FetchError("https://example.org/a", "HTTP 404 Not Found", status=404))
        'cannot fetch https://example.org/a: HTTP 404 Not Found'
    """

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"cannot fetch {url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status

    def __reduce__(self) -> tuple[Any, ...]:
        # The default would call FetchError(message): rebuilt from its parts instead, so
        # that it crosses a process boundary (a worker's error) whole.
        return (_fetch_error, (self.url, self.reason, self.status))


def _fetch_error(url: str, reason: str, status: int | None) -> FetchError:
    return FetchError(url, reason, status=status)


class MissingDependencyError(ArticlekitError, ImportError):
    """An optional integration was used without its extra installed.

    The message names the ``pip install 'articlekit[...]'`` command that installs it.
    """
