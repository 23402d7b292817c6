"""Worker processes for batches: a record that runs too long is stopped, not waited for.

Python cannot stop a regular expression or a C call running in a thread, so a time budget per
record needs a process that can be killed: each worker cleans one record at a time; when one
overruns the budget (or dies: a crash, the out-of-memory killer) its record gets an error
Result, the worker is killed and a new one takes its place, and the batch goes on. Results
come back in input order whatever finishes first, and records are read only a window ahead,
so a crawl streams through.
"""

from __future__ import annotations

import ctypes
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

__all__ = ["Work", "run_in_workers"]

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Work(Generic[T, R]):
    """What the workers do, as module-level functions (or partials of them) that pickle.

    Attributes:
        prepare: Runs once in each worker; its value (a pipeline...) is passed to ``run``.
        run: Turns one item into its result (and never raises, but for bugs).
        fail: The error result of an item: ``fail(item, error_type, message)``.
    """

    prepare: Callable[[], Any]
    run: Callable[[Any, T], R]
    fail: Callable[[T, str, str], R]


#: What a worker's receiving thread hands on when the parent's end of the pipe is gone.
_CLOSED = object()

#: A worker hands the memory its allocator holds free back to the system after this many
#: items (see :func:`_memory_release`).
_TRIM_EVERY = 16


def _memory_release() -> Callable[[], object] | None:
    """The C library's ``malloc_trim(0)`` (glibc), or None where it has none (macOS, musl).

    The memory a large page leaves free stays resident in the allocator's heaps, so a
    worker's resident memory keeps the high-water mark of the largest pages it has met.
    Measured over 10,000 distinct pages (``--jobs 2``, benchmarks/README.md, "Memory over a
    long batch"): the workers' and the parent's summed peak 685 MiB at the end without it,
    631 MiB with the memory handed back every 16 items and 584 MiB after every item; a call
    costs about 0.4 ms, 1.3 % of a page's time after every item and 0.1 % every 16.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # no such symbol, or no C library to open
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: trim(0)


def _receive(items: Connection, inbox: queue.SimpleQueue[Any]) -> None:  # pragma: no cover
    """Move items from the pipe into ``inbox`` as soon as they arrive (a worker's thread).

    A page is larger than a pipe's buffer: were the worker to read its next item only when
    it is done with the current one, the parent's send would wait all that time, and the
    other workers, done with theirs, would wait for the parent (measured: ``--jobs 2`` on
    1,000 pages 0.5 s faster of some 21 s, benchmarks/README.md, "Batches").
    """
    while True:
        try:
            item = items.recv()
        except Exception:  # whatever stops the reading ends the worker
            # The parent gone (EOFError, OSError), or an item that does not unpickle: the
            # worker ends after the items before, and the parent fails this item and starts
            # another worker, as when a worker dies. A thread that died here instead would
            # leave the worker waiting for an item forever.
            inbox.put(_CLOSED)
            return
        inbox.put(item)


def _worker(  # pragma: no cover - a child
    items: Connection, results: Connection, work: Work[Any, Any]
) -> None:
    # Ctrl-C goes to the whole process group: the parent stops the workers itself, and a
    # worker's own KeyboardInterrupt would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A SIGTERM handler the parent had (the command line's) is not the worker's.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(items, inbox), daemon=True).start()
    state: Any = None
    broken: Exception | None = None
    try:
        state = work.prepare()
    except Exception as exc:  # every item then reports it
        broken = exc
    release = _memory_release()
    done = 0
    while True:
        item = inbox.get()
        if item is _CLOSED:
            return
        if broken is not None:
            result = work.fail(item, type(broken).__name__, str(broken))
        else:
            try:
                result = work.run(state, item)
            except Exception as exc:  # an item's failure is its result
                result = work.fail(item, type(exc).__name__, str(exc))
        try:
            results.send(result)
        except (EOFError, OSError):
            return
        except Exception as exc:  # a result that does not pickle
            results.send(work.fail(item, type(exc).__name__, str(exc)))
        done += 1
        if release is not None and done % _TRIM_EVERY == 0:
            release()  # after the send: the parent has the result meanwhile


class _Worker(Generic[T]):
    """One worker process and the items sent to it, oldest first."""

    def __init__(self, context: Any, work: Work[T, Any]) -> None:
        # One pipe each way: the worker's thread reading items never shares a connection
        # with its main thread writing results.
        child_items, self.items = context.Pipe(duplex=False)
        self.results, child_results = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_worker, args=(child_items, child_results, work), daemon=True
        )
        self.process.start()
        child_items.close()
        child_results.close()
        self.tasks: deque[tuple[int, T]] = deque()
        self.started = 0.0  # when it began its oldest task
        self.sent = 0  # items sent in its life

    def send(self, index: int, item: T) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append((index, item))
        self.sent += 1
        self.items.send(item)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.items.close()
        self.results.close()


def run_in_workers(
    items: Iterable[T],
    work: Work[T, R],
    *,
    jobs: int,
    timeout: float | None,
    window: int,
    items_per_worker: int | None = None,
) -> Iterator[R]:
    """Run ``work`` on ``items`` in ``jobs`` processes; yield the results in input order.

    Args:
        items: The items (read lazily, a window ahead).
        work: What to do with each.
        jobs: Worker processes.
        timeout: Seconds an item may take; None: no limit.
        window: How many items may be read ahead of the oldest one not yet yielded.
        items_per_worker: A worker that was given this many items gets no more and, once
            it has sent their results, is replaced by a fresh one (multiprocessing's
            ``maxtasksperchild``): what a long batch leaves in a process (caches filled
            by its pages, a heap grown by its largest) goes with it. None: never.

    Yields:
        One result per item, in order; an item over ``timeout`` (or whose worker died) has
        the error result ``work.fail`` makes, "TimeoutError" (or "ChildProcessError").

    Raises:
        Exception: What reading ``items`` raised, after the results of the items before.
    """
    context = get_context()
    # Without a time budget a worker gets its next item before it finishes the current one
    # (no wait between items); with one, an item is sent only to an idle worker, so an
    # item's clock starts when its worker starts it.
    depth = 1 if timeout is not None else 2
    stream = iter(items)
    failure: Exception | None = None
    exhausted = False
    next_in = next_out = 0
    done: dict[int, R] = {}
    workers: list[_Worker[T]] = []
    try:
        workers = [_Worker(context, work) for _ in range(jobs)]
        while True:
            if items_per_worker is not None and not exhausted:
                for worker in workers:
                    if worker.sent >= items_per_worker and not worker.tasks:
                        _retire(workers, worker, context, work)
            for worker in sorted(workers, key=lambda w: len(w.tasks)):
                if items_per_worker is not None and worker.sent >= items_per_worker:
                    continue  # it finishes what it has, then is replaced
                while not exhausted and len(worker.tasks) < depth and next_in - next_out < window:
                    try:
                        item = next(stream)
                    except StopIteration:
                        exhausted = True
                        break
                    except Exception as exc:  # raised after what was read
                        failure, exhausted = exc, True
                        break
                    worker.send(next_in, item)
                    next_in += 1
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                break
            busy = [w for w in workers if w.tasks]
            wait_for = None
            if timeout is not None:
                wait_for = max(0.0, min(w.started + timeout for w in busy) - time.monotonic())
            ready = wait([w.results for w in busy], timeout=wait_for)
            now = time.monotonic()
            for worker in busy:
                index, item = worker.tasks[0]
                if worker.results in ready:
                    try:
                        done[index] = worker.results.recv()
                    except (EOFError, OSError):
                        code = worker.process.exitcode
                        msg = f"the worker process died (exit code {code})"
                        done[index] = work.fail(item, "ChildProcessError", msg)
                        _replace(workers, worker, context, work)
                    else:
                        worker.tasks.popleft()
                        worker.started = now
                elif timeout is not None and now - worker.started >= timeout:
                    msg = f"took more than {timeout:g} s; stopped"
                    done[index] = work.fail(item, "TimeoutError", msg)
                    _replace(workers, worker, context, work)
    finally:
        for worker in workers:
            worker.stop()
    if failure is not None:
        raise failure


def _retire(
    workers: list[_Worker[T]], worker: _Worker[T], context: Any, work: Work[T, Any]
) -> _Worker[T]:
    """Stop ``worker`` and put a fresh one in its place; return the fresh one."""
    worker.stop()
    fresh = _Worker(context, work)
    workers[workers.index(worker)] = fresh
    return fresh


def _replace(
    workers: list[_Worker[T]], worker: _Worker[T], context: Any, work: Work[T, Any]
) -> None:
    """Kill ``worker`` (its first task is settled) and give its other tasks to a new one."""
    fresh = _retire(workers, worker, context, work)
    worker.tasks.popleft()
    for index, item in worker.tasks:
        fresh.send(index, item)
