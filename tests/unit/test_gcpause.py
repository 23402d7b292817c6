"""The collector pause of steps that make many acyclic objects (``articlekit._gcpause``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import articlekit
from articlekit._gcpause import BULK, gc_paused
from articlekit.draft import Draft


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_only_a_bulk_step_pauses_the_collector() -> None:
    with gc_paused(BULK - 1):
        assert gc.isenabled()
    with gc_paused(BULK):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_end_with_the_last() -> None:
    # Two threads' steps overlap and end in the order they began.
    first, second = gc_paused(BULK), gc_paused(BULK)
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_an_error_inside_turns_the_collector_back_on() -> None:
    with pytest.raises(RuntimeError), gc_paused(BULK):
        raise RuntimeError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_program_stays_off() -> None:
    gc.disable()
    with gc_paused(BULK):
        assert not gc.isenabled()
    assert not gc.isenabled()


def _collections_during(step: object) -> int:
    started = 0

    def count(phase: str, info: dict[str, int]) -> None:
        nonlocal started
        started += phase == "start"

    gc.callbacks.append(count)
    try:
        step()  # type: ignore[operator]
    finally:
        gc.callbacks.remove(count)
    return started


# Without the pause a collection starts every 700 new objects: dozens in these steps. With
# it, at most the one the collector owes when it is turned back on.


@pytest.fixture(params=[True, False], ids=["paused", "not paused"])
def paused(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether bulk steps pause the collector; the control case raises the bar out of reach."""
    if not request.param:
        monkeypatch.setattr("articlekit._gcpause.BULK", 10**9)
    return bool(request.param)


def test_removing_many_blocks_sets_off_no_collection(paused: bool) -> None:
    draft = Draft.from_texts(f"line {i}" for i in range(3 * BULK))
    reasons = dict.fromkeys(range(0, 3 * BULK, 2), "test")
    collections = _collections_during(lambda: draft.remove(reasons, cleaner="test"))
    assert (collections <= 1) is paused, collections
    assert gc.isenabled()


def test_reading_many_lines_sets_off_no_collection_and_keeps_every_line(paused: bool) -> None:
    from articlekit.readers.text import read_text

    text = "".join(f"Line {i}\n" for i in range(2 * BULK))
    drafts: list[Draft] = []
    collections = _collections_during(lambda: drafts.append(read_text(text)))
    assert (collections <= 1) is paused, collections
    assert len(drafts[0].blocks) == 2 * BULK
    assert gc.isenabled()


def test_clean_text_leaves_the_collector_on() -> None:
    article = articlekit.clean_text("a\n" * (2 * BULK))
    assert gc.isenabled()
    assert len(article.blocks) + len(article.removed) == 2 * BULK
