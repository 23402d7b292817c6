"""Pause Python's cyclic garbage collector while a step makes many acyclic objects.

A step that makes a block or a removal per line of a large input (a million one-letter lines
make a million of each) sets off a collection every 700 new objects, and a full one each time
the surviving objects grow by a quarter: every collection walks every object made so far.
On such an input a third of ``clean_text``'s time went to collections that could find
nothing, because blocks and removals hold only strings, numbers and tuples of strings: they
cannot form a reference cycle. Mercurial pauses the collector the same way while it builds
large indexes (``util.nogc``).

The same holds at a smaller scale for one document: the young collections that set off
while a page is read find nothing to free, and cost a tenth of ``read_metadata``'s time
(:func:`document_paused`, which each public call takes around its document).

The pause is process-wide (the collector has one switch), so it is kept short: the collector
is back on as soon as the last paused step in any thread ends, or, when threads' steps
overlap without a break, once it has been off for :data:`MAX_PAUSE_SECONDS`. Objects other
threads make meanwhile are collected then, not lost. A collector the program had turned off
stays off.

Example:
    >>> import gc
    >>> with gc_paused(BULK):
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    >>> with gc_paused(10):  # a small step leaves the collector alone
    ...     gc.isenabled()
    True
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections.abc import Iterator

__all__ = ["BULK", "MAX_PAUSE_SECONDS", "document_paused", "gc_paused"]

#: Steps that make at least this many objects pause the collector. A news page has some
#: hundreds of blocks: its steps never touch the collector.
BULK = 20_000

#: Threads whose documents overlap without a break would keep the collector off for good:
#: once it has been off this long, the next step to end turns it back on, and it stays on
#: until every step that began meanwhile has ended.
MAX_PAUSE_SECONDS = 1.0

# Threads may pause at once: the first to enter turns the collector off, the last to leave
# turns it back on (when it was on before the first entered).
_LOCK = threading.Lock()
_pausers = 0
_resume = False
_off_since = 0.0
#: The clock the pause is timed with (a test steps its own).
_clock = time.monotonic


@contextlib.contextmanager
def gc_paused(count: int) -> Iterator[None]:
    """Run the ``with`` block with the collector off if it makes :data:`BULK` objects or more.

    Args:
        count: How many objects the step is about to make (an estimate is fine).
    """
    if count < BULK:
        yield
        return
    with _paused():
        yield


@contextlib.contextmanager
def document_paused() -> Iterator[None]:
    """Run the reading and cleaning of one document with the collector off.

    A document's objects are made and dropped within a few milliseconds, and the young
    collections that set off meanwhile find nothing to free: they walk the page's element
    objects and the draft's blocks, alive until the document ends. Measured on
    htmldate-eval's 386 pages (fastest of three, collector on and off taking turns):
    ``read_metadata`` 5.95 -> 5.37 ms a page, ``clean_html`` 28.98 -> 27.19 ms. What the
    document leaves behind is collected when the collector is back on, at the next
    allocations after it ends.
    """
    with _paused():
        yield


@contextlib.contextmanager
def _paused() -> Iterator[None]:
    global _pausers, _resume, _off_since
    with _LOCK:
        if _pausers == 0:
            _resume = gc.isenabled()
            _off_since = _clock()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _LOCK:
            _pausers -= 1
            if _resume and (_pausers == 0 or _clock() - _off_since > MAX_PAUSE_SECONDS):
                # The last pause ended, or the pauses of overlapping threads have kept the
                # collector off too long: it is on again (the steps still running go on).
                gc.enable()
