"""The collector pause of steps that make many acyclic objects (``articlekit._gcpause``)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import pytest

import articlekit
from articlekit._gcpause import BULK, DOCUMENT_SPACING, fewer_collections, gc_paused
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


def test_a_document_is_read_with_spaced_young_collections() -> None:
    seen: list[tuple[int, int, int]] = []

    def step(draft: Draft) -> Draft:
        seen.append(gc.get_threshold())
        return draft

    before = gc.get_threshold()
    articlekit.Pipeline([step])(Draft.from_texts(["One line."]))
    assert seen == [(before[0] * DOCUMENT_SPACING, *before[1:])]
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_overlapping_documents_put_the_thresholds_back_with_the_last() -> None:
    before = gc.get_threshold()
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == before[0] * DOCUMENT_SPACING
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_thresholds_the_program_sets_meanwhile_stay() -> None:
    before = gc.get_threshold()
    try:
        with fewer_collections():
            gc.set_threshold(123, 4, 5)
        assert gc.get_threshold() == (123, 4, 5)
    finally:
        gc.set_threshold(*before)


def test_a_large_page_s_cycles_are_still_collected_while_it_is_read() -> None:
    # The reason the collector is spaced out, not paused: garbage cycles made during one
    # document are freed before it ends.
    class Node:
        def __init__(self) -> None:
            self.me = self

    collected: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            collected.append(info["collected"])

    gc.callbacks.append(count)
    try:
        with fewer_collections():
            for _ in range(50 * 700 * DOCUMENT_SPACING // 10):
                Node()
    finally:
        gc.callbacks.remove(count)
    assert sum(collected) > 0


@pytest.mark.parametrize("call", ["clean_html", "read_metadata", "clean_text"])
def test_the_public_calls_leave_the_collector_as_they_found_it(call: str) -> None:
    page = "<html><body><h1>Talks resume</h1><p>The talks resumed on Monday in Istanbul.</p>"
    text = page if call != "clean_text" else "Talks resume\n\nThe talks resumed on Monday."
    before = gc.get_threshold()
    for enabled in (True, False):
        gc.enable() if enabled else gc.disable()
        with contextlib.suppress(articlekit.NoArticleError):
            getattr(articlekit, call)(text)
        assert gc.isenabled() is enabled
        assert gc.get_threshold() == before
