"""Draft._with_body: the fast copy is ``dataclasses.replace`` of the body's two fields."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

from articlekit.article import Removal
from articlekit.draft import Draft, DraftBlock, Hints


def test_blocks_and_removed_are_the_first_fields() -> None:
    names = [f.name for f in dataclasses.fields(Draft)]
    assert names[:2] == ["blocks", "removed"]


def test_with_body_is_replace() -> None:
    draft = Draft(
        blocks=(DraftBlock(0, "a"), DraftBlock(1, "b")),
        title="T",
        authors=("Ann",),
        language="en",
        published=datetime(2024, 1, 2, tzinfo=timezone.utc),
        reference_date=datetime(2024, 1, 3),
        hints=Hints(site_name="S"),
    )
    blocks = (DraftBlock(1, "b"),)
    removed = (Removal("c", "r", "a", 0, 0),)
    copy = draft._with_body(blocks, removed)
    assert copy == dataclasses.replace(draft, blocks=blocks, removed=removed)
    assert all(
        getattr(copy, f.name) is getattr(draft, f.name)
        for f in dataclasses.fields(Draft)
        if f.name not in ("blocks", "removed")
    )
