"""Pause Python's cyclic garbage collector while a step makes many acyclic objects.

A step that makes a block or a removal per line of a large input (a million one-letter lines
make a million of each) sets off a collection every 700 new objects, and a full one each time
the surviving objects grow by a quarter: every collection walks every object made so far.
On such an input a third of ``clean_text``'s time went to collections that could find
nothing, because blocks and removals hold only strings, numbers and tuples of strings: they
cannot form a reference cycle. Mercurial pauses the collector the same way while it builds
large indexes (``util.nogc``).

The pause is process-wide (the collector has one switch), so it is kept short and rare: only
steps that make at least :data:`BULK` objects take it, and the collector is back on as soon as
the last such step in any thread ends. Objects other threads make meanwhile are collected then,
not lost. A collector the program had turned off stays off.

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
from collections.abc import Iterator

__all__ = ["BULK", "gc_paused"]

#: Steps that make at least this many objects pause the collector. A news page has some
#: hundreds of blocks: its steps never touch the collector.
BULK = 20_000

# Threads may pause at once: the first to enter turns the collector off, the last to leave
# turns it back on (when it was on before the first entered).
_LOCK = threading.Lock()
_pausers = 0
_resume = False


@contextlib.contextmanager
def gc_paused(count: int) -> Iterator[None]:
    """Run the ``with`` block with the collector off if it makes :data:`BULK` objects or more.

    Args:
        count: How many objects the step is about to make (an estimate is fine).
    """
    global _pausers, _resume
    if count < BULK:
        yield
        return
    with _LOCK:
        if _pausers == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _LOCK:
            _pausers -= 1
            if _pausers == 0 and _resume:
                gc.enable()
