"""The batch's worker processes (``articlekit._workers``): what they do besides cleaning."""

from __future__ import annotations

import functools
import platform
import sys
from multiprocessing import get_context
from typing import Any

import pytest

from articlekit import _workers
from articlekit._workers import Work, run_in_workers

#: Far larger than a pipe's buffer (64 KiB on Linux): a send of it waits for a reader.
BIG = 2_000_000
#: How long the first item waits for the parent to get past the send of the second.
PATIENCE = 20.0


def _prepare(event: Any) -> Any:
    return event


def _run(event: Any, item: str) -> object:
    if item == "first":
        # True when the parent could hand the next item over while this one was running.
        return event.wait(PATIENCE)
    return len(item)


def _fail(item: str, error_type: str, message: str) -> tuple[str, str]:
    return error_type, message


def test_a_busy_worker_takes_its_next_item_without_keeping_the_parent_waiting():
    # The first worker gets two items, "first" and the big one; the parent reads on (for the
    # second worker) only when its send of the big one has returned, and that read is what
    # releases "first". A worker that read its next item only after finishing the current
    # one would keep the parent in that send until "first" gave up waiting: in a real batch,
    # the other workers idle meanwhile.
    event = get_context().Event()

    def items():
        yield "first"
        yield "x" * BIG
        event.set()

    work = Work(functools.partial(_prepare, event), _run, _fail)
    results = list(run_in_workers(items(), work, jobs=2, timeout=None, window=4))
    assert results == [True, BIG]


def test_results_come_back_in_input_order_from_two_workers():
    event = get_context().Event()
    event.set()
    items = [f"item {'x' * n}" for n in (50_000, 10, 200_000, 3, 70_000, 0)]
    work = Work(functools.partial(_prepare, event), _run, _fail)
    assert list(run_in_workers(iter(items), work, jobs=2, timeout=None, window=4)) == [
        len(i) for i in items
    ]


def _explode() -> None:
    raise ValueError("this item does not unpickle")


class _Unpicklable:
    """Pickles in the parent; unpickling it in the worker raises."""

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return _explode, ()


def test_an_item_that_does_not_unpickle_fails_alone_and_the_batch_goes_on():
    event = get_context().Event()
    event.set()
    items = ["ab", _Unpicklable(), "abc"]
    work = Work(functools.partial(_prepare, event), _run, _fail)
    # A time budget, so that a worker left waiting would fail the test instead of hanging it.
    results = list(run_in_workers(iter(items), work, jobs=1, timeout=30.0, window=4))
    assert results[0] == 2
    assert results[1][0] == "ChildProcessError"
    assert results[2] == 3


def _count_release(counter: Any) -> Any:
    def release() -> None:
        with counter.get_lock():
            counter.value += 1

    return release


@pytest.mark.skipif(
    get_context().get_start_method() != "fork",
    reason="the patched module reaches the workers only when they are forked",
)
def test_a_worker_hands_free_memory_back_every_trim_every_items(monkeypatch):
    counter = get_context().Value("i", 0)
    monkeypatch.setattr(_workers, "_memory_release", lambda: _count_release(counter))
    event = get_context().Event()
    event.set()
    n = 3 * _workers._TRIM_EVERY + 5
    work = Work(functools.partial(_prepare, event), _run, _fail)
    assert list(run_in_workers(iter(["ab"] * n), work, jobs=1, timeout=None, window=8)) == [2] * n
    assert counter.value == 3


def test_memory_release_is_the_c_librarys_trim_where_there_is_one():
    release = _workers._memory_release()
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        assert release is not None
        assert release() in (0, 1)  # 1: memory was handed back, 0: there was none to
    else:
        assert release is None or callable(release)


def _pid(state: Any, item: int) -> tuple[int, int]:
    import os

    return item, os.getpid()


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_a_worker_is_replaced_after_items_per_worker_items(timeout):
    work = Work(functools.partial(_prepare, None), _pid, _fail)
    results = list(
        run_in_workers(iter(range(20)), work, jobs=2, timeout=timeout, window=8, items_per_worker=3)
    )
    assert [item for item, _ in results] == list(range(20))
    served: dict[int, int] = {}
    for _, pid in results:
        served[pid] = served.get(pid, 0) + 1
    assert max(served.values()) <= 3
    assert len(served) >= 7  # 20 items, 3 a process at most


def test_without_items_per_worker_the_workers_stay():
    work = Work(functools.partial(_prepare, None), _pid, _fail)
    results = list(run_in_workers(iter(range(20)), work, jobs=2, timeout=None, window=8))
    assert len({pid for _, pid in results}) <= 2
