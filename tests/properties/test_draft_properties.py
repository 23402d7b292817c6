"""Draft bookkeeping: what :meth:`Draft.remove` keeps and records, for any set of positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlekit.article import Removal
from articlekit.draft import Draft, DraftBlock


def _remove_block_by_block(draft: Draft, reasons: dict[int, str], cleaner: str) -> Draft:
    """The plain loop over every block that :meth:`Draft.remove` replaces (it copies the kept
    runs as slices instead): the two must agree on every input."""
    kept: list[DraftBlock] = []
    removed = list(draft.removed)
    for pos, block in enumerate(draft.blocks):
        reason = reasons.get(pos)
        if reason is None:
            kept.append(block)
        else:
            removed.append(Removal(cleaner, reason, block.text, block.index, block.offset))
    return draft.replace(blocks=tuple(kept), removed=tuple(removed))


@given(
    texts=st.lists(st.sampled_from(["a", "b", "Advertisement", "A sentence."]), max_size=30),
    # Keys outside the blocks (negative, past the end) are ignored, as they always were.
    reasons=st.dictionaries(st.integers(-3, 35), st.sampled_from(["ad_label", "duplicate"])),
    earlier=st.integers(0, 3),
)
def test_remove_keeps_and_records_as_the_block_by_block_loop(
    texts: list[str], reasons: dict[int, str], earlier: int
) -> None:
    draft = Draft.from_texts(texts)
    for _ in range(min(earlier, len(draft.blocks))):  # removals made before this one stay first
        draft = draft.remove({0: "earlier"}, cleaner="before")
    got = draft.remove(reasons, cleaner="c")
    assert got == _remove_block_by_block(draft, reasons, "c")
    assert got.to_article().removed == tuple(
        sorted(got.removed, key=lambda r: (r.block_index, r.offset))
    )
