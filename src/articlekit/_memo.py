"""Per-document memos for the pure per-block features (word counts, match keys...).

Every cleaner asks the same features of the same blocks. A process-wide ``lru_cache`` of a
fixed size served that until a document had more distinct blocks than the cache held: then
every lookup missed and the time per MB stepped up (at about 8 MB of text with 8,192
entries). Within :func:`per_document` (the pipeline runs each document inside one) a
:func:`memoised` function keeps its results in a dict that lives as long as the document,
whatever its size; outside one it falls back to a small ``lru_cache`` (direct calls, the HTML
reader before the pipeline).

Example:
    >>> @memoised
    ... def shout(text: str) -> str:
    ...     return text.upper()
    >>> with per_document():
    ...     shout("a"), shout("a")
    ('A', 'A')
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

__all__ = ["document_memo", "memoised", "per_document"]

T = TypeVar("T")

#: Function -> {argument: result}, for the document being cleaned; None outside one.
_MEMO: ContextVar[dict[Callable[..., Any], dict[Any, Any]] | None] = ContextVar(
    "articlekit_memo", default=None
)

#: Size of the fallback cache outside a document.
FALLBACK_SIZE = 8192


@contextlib.contextmanager
def per_document() -> Iterator[None]:
    """Memoise :func:`memoised` functions until the block ends (nested blocks share one memo)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def document_memo() -> dict[Any, Any] | None:
    """The memo of the document being cleaned (any hashable key), or None outside one.

    For values derived from a draft that several cleaners ask for; key them so that they
    cannot clash with a memoised function (a private object of the caller's module).
    """
    return _MEMO.get()


def memoised(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise a pure one-argument function per document (see the module docstring)."""
    fallback = functools.lru_cache(maxsize=FALLBACK_SIZE)(fn)

    @functools.wraps(fn)
    def wrapper(arg: str) -> T:
        memo = _MEMO.get()
        if memo is None:
            return fallback(arg)
        table = memo.get(fn)
        if table is None:
            table = memo[fn] = {}
        try:
            result: T = table[arg]
        except KeyError:
            result = table[arg] = fn(arg)
        return result

    return wrapper
