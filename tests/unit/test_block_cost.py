"""Per-block cost: repeated blocks are judged once, and phrase lookups skip blocks cheaply.

These guard the work done (calls counted), not wall-clock time: see benchmarks/hostile.py for
the seconds per MB.
"""

from __future__ import annotations

from typing import ClassVar

from articlekit import lexicon
from articlekit.cleaners import BUILTIN
from articlekit.cleaners.base import BlockRemover
from articlekit.draft import Draft


class _Counting(BlockRemover):
    name: ClassVar[str] = "counting"
    reasons: ClassVar[tuple[str, ...]] = ("short",)
    local: ClassVar[bool] = True

    def __init__(self) -> None:
        self.calls = 0

    def judge(self, draft: Draft, pos: int) -> str | None:
        self.calls += 1
        return "short" if len(draft.blocks[pos].text) < 5 else None


def test_a_local_block_remover_judges_each_distinct_block_once() -> None:
    cleaner = _Counting()
    draft = Draft.from_texts(["Home", "A longer line of text."] * 500)
    out = cleaner(draft)
    assert cleaner.calls == 2
    # Every copy is still removed and recorded, at its own position.
    assert len(out.blocks) == 500
    assert [r.text for r in out.removed] == ["Home"] * 500


def test_a_non_local_block_remover_still_judges_every_block() -> None:
    class _Positional(_Counting):
        local: ClassVar[bool] = False

    cleaner = _Positional()
    cleaner(Draft.from_texts(["Home"] * 50))
    assert cleaner.calls == 50


def test_blocks_that_differ_in_kind_are_judged_apart() -> None:
    from articlekit.draft import DraftBlock

    cleaner = _Counting()
    blocks = (DraftBlock(0, "Home"), DraftBlock(1, "Home", kind="heading"), DraftBlock(2, "Home"))
    cleaner(Draft(blocks=blocks))
    assert cleaner.calls == 2


def test_local_builtins_judge_only_the_block() -> None:
    # A cleaner marked local must give the same answers judged block by block.
    texts = [
        "Advertisement",
        "Photo: Ann Lee/AFP",
        "***",
        "Published on",
        "<div>x</div>",
        "We may earn a commission.",
        "A sentence of the story, told at length.",
    ] * 3
    draft = Draft.from_texts(texts)
    local = [c for c in BUILTIN.values() if isinstance(c, BlockRemover) and c.local]
    assert len(local) >= 5
    for cleaner in local:
        one_by_one = {p: r for p in range(len(texts)) if (r := cleaner.judge(draft, p))}
        assert dict(cleaner.find(draft)) == one_by_one, cleaner.name


def test_starts_with_skips_the_pattern_for_a_block_whose_first_word_starts_no_phrase(
    monkeypatch: object,
) -> None:
    lex = lexicon.for_language("en")
    pattern = lex.prefix_pattern("related_link")
    calls = []

    class _Spy:
        def match(self, text: str) -> object:
            calls.append(text)
            return pattern.match(text)

    lex._patterns[("related_link", True)] = _Spy()  # type: ignore[assignment]
    try:
        assert lex.starts_with("related_link", "Zebra crossings repainted") is None
        assert calls == []
        assert lex.starts_with("related_link", "Also read: Storm floods towns") == "also read"
        assert len(calls) == 1
    finally:
        lex._patterns[("related_link", True)] = pattern


def test_the_html_reader_renumbers_blocks_with_every_field() -> None:
    # readers.html._renumbered builds DraftBlocks field by field (faster than
    # dataclasses.replace): a new field must be added there too.
    import dataclasses

    from articlekit.draft import DraftBlock

    assert [f.name for f in dataclasses.fields(DraftBlock)] == [
        "index",
        "text",
        "kind",
        "offset",
        "link_density",
        "tag",
        "classes",
        "level",
        "ordered",
        "spans",
    ]
