"""Pause Python's cyclic garbage collector while a step makes many acyclic objects.

A step that makes a block or a removal per line of a large input (a million one-letter lines
make a million of each) sets off a collection every 700 new objects, and a full one each time
the surviving objects grow by a quarter: every collection walks every object made so far.
On such an input a third of ``clean_text``'s time went to collections that could find
nothing, because blocks and removals hold only strings, numbers and tuples of strings: they
cannot form a reference cycle. Mercurial pauses the collector the same way while it builds
large indexes (``util.nogc``).

The same holds at a smaller scale for one document: the young collections that set off
while a page is read find little to free, and cost a tenth of ``read_metadata``'s time. Each
public call spaces them out around its document (:func:`fewer_collections`) rather than
pausing them: turned off for a whole document, the collector let a large page's reference
cycles pile up until its end, and the peak memory of a long batch grew by a third.

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

__all__ = ["BULK", "DOCUMENT_SPACING", "fewer_collections", "gc_paused"]

#: Steps that make at least this many objects pause the collector. A news page has some
#: hundreds of blocks: its steps never touch the collector.
BULK = 20_000

#: While a document is read, the youngest generation is collected after this many times the
#: new objects it is otherwise collected after (Python's default: 700).
DOCUMENT_SPACING = 10

# Threads may pause at once: the first to enter turns the collector off, the last to leave
# turns it back on (when it was on before the first entered).
_LOCK = threading.Lock()
_pausers = 0
_resume = False
# Threads' documents may overlap too: the first sets the spaced thresholds, the last puts
# back the ones it found (unless the program set others meanwhile).
_spacers = 0
_found: tuple[int, int, int] = (0, 0, 0)
_spaced: tuple[int, int, int] = (0, 0, 0)


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


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect the youngest generation :data:`DOCUMENT_SPACING` times less often meanwhile.

    For the reading of one document. Its objects are made and dropped within a few
    milliseconds, and most of the young collections that set off meanwhile walk the page's
    element objects and the draft's blocks, alive until the document ends. Measured on
    htmldate-eval's 386 pages (fastest of three, the settings taking turns):
    ``read_metadata`` 6.30 ms a page with Python's thresholds, 5.53 spaced out, 5.44 with
    the collector off; ``clean_html`` 30.0, 27.6, 27.4. Unlike a pause, the cycles a large
    page makes are still collected while it is read: memory stays bounded.

    Example:
        >>> import gc
        >>> before = gc.get_threshold()
        >>> with fewer_collections():
        ...     gc.get_threshold()[0] == before[0] * DOCUMENT_SPACING
        True
        >>> gc.get_threshold() == before
        True
    """
    global _spacers, _found, _spaced
    with _LOCK:
        if _spacers == 0:
            _found = gc.get_threshold()
            _spaced = (_found[0] * DOCUMENT_SPACING, *_found[1:])
            gc.set_threshold(*_spaced)
        _spacers += 1
    try:
        yield
    finally:
        with _LOCK:
            _spacers -= 1
            if _spacers == 0 and gc.get_threshold() == _spaced:
                gc.set_threshold(*_found)
