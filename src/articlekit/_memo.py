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
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

from articlekit._gcpause import fewer_collections

__all__ = ["PerText", "document_memo", "kept_for", "memo_table", "memoised", "per_document"]

T = TypeVar("T")

#: Function -> {argument: result}, for the document being cleaned; None outside one.
_MEMO: ContextVar[_DocumentMemo | None] = ContextVar("articlekit_memo", default=None)

#: Size of the fallback cache outside a document.
FALLBACK_SIZE = 8192


@contextlib.contextmanager
def per_document() -> Iterator[None]:
    """Memoise :func:`memoised` functions until the block ends (nested blocks share one memo).

    The outermost block also spaces out the cyclic garbage collector's young collections
    (:func:`~articlekit._gcpause.fewer_collections`).
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set(_DocumentMemo())
    try:
        with fewer_collections():  # the document's young objects are no garbage yet
            yield
    finally:
        _MEMO.reset(token)


def document_memo() -> dict[Any, Any] | None:
    """The memo of the document being cleaned (any hashable key), or None outside one.

    For values derived from a draft that several cleaners ask for; key them so that they
    cannot clash with a memoised function (a private object of the caller's module).
    """
    return _MEMO.get()


def kept_for(tag: object, source: object, build: Callable[[], T]) -> T:
    """``build()``, kept in the document's memo while it is asked for the same ``source``.

    For a value several cleaners derive from the same draft blocks (a grouping, an index):
    they run one after the other on one tuple of blocks until one removes something, so the
    last value made is kept under ``tag`` (a private object of the caller's module) with the
    object it was made from, and made anew for another one (compared by identity). Outside
    a document it is made every time.

    Example:
        >>> blocks = ("a", "b")
        >>> with per_document():
        ...     kept_for("count", blocks, lambda: len(blocks)) is kept_for("count", blocks, list)
        True
    """
    memo = document_memo()
    if memo is None:
        return build()
    last = memo.get(tag)
    if last is not None and last[0] is source:
        kept: T = last[1]
        return kept
    value = build()
    memo[tag] = (source, value)
    return value


class PerText(dict[str, T]):
    """The answers of ``judge`` by text, each asked once: ``answers[text]``.

    A known text is a dict lookup, no call: what the memo of a :func:`memoised` function is,
    and what a cleaner keeps for one pass over one draft, with a test that depends on a
    block's text and on draft-wide values only (a page that prints a line a thousand times
    costs one answer).

    Example:
        >>> answers = PerText(str.upper)
        >>> answers["a"], answers["a"], len(answers)
        ('A', 'A', 1)
    """

    __slots__ = ("judge",)

    def __init__(self, judge: Callable[[str], T]) -> None:
        super().__init__()
        self.judge = judge

    def __missing__(self, text: str) -> T:
        answer = self[text] = self.judge(text)
        return answer


class _DocumentMemo(dict[Any, Any]):
    """A document's memo: ``memo[fn]`` is the :class:`PerText` table of ``fn``, made on first use.

    Two subscripts find a memoised result, with no Python call between them: the cleaners
    ask some 3,000 features of a page, and a call to look the table up cost 2 to 3 % of
    ``clean_text``'s time. Other keys (see :func:`document_memo`) are read with ``get`` or
    ``in``: a subscript of a missing one would make a table of it.
    """

    def __missing__(self, fn: Callable[[str], Any]) -> PerText[Any]:
        table = self[fn] = PerText(fn)
        return table


def memoised(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise a pure one-argument function per document (see the module docstring)."""
    fallback = functools.lru_cache(maxsize=FALLBACK_SIZE)(fn)

    @functools.wraps(fn)
    def wrapper(arg: str) -> T:
        memo = _MEMO.get()
        if memo is None:
            return fallback(arg)
        result: T = memo[fn][arg]
        return result

    return wrapper


def memo_table(memoised_fn: Callable[[str], T]) -> Mapping[str, T]:
    """The document's results of a :func:`memoised` function: ``table[arg]`` is ``fn(arg)``.

    The same results the function's calls share, read without a call: a loop over every
    block of a page asks it at the cost of a dict lookup. Outside a document, a new table
    that lives as long as the caller keeps it.

    Example:
        >>> @memoised
        ... def shout(text: str) -> str:
        ...     return text.upper()
        >>> with per_document():
        ...     table = memo_table(shout)
        ...     table["a"], shout("a"), len(table)
        ('A', 'A', 1)
    """
    fn: Callable[[str], T] = memoised_fn.__wrapped__  # type: ignore[attr-defined]
    memo = _MEMO.get()
    if memo is None:
        return PerText(fn)
    table: PerText[T] = memo[fn]
    return table
