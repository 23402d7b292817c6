"""slot_init: the faster __init__ of DraftBlock and Removal behaves as the dataclass's own."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from articlekit._fastinit import slot_init
from articlekit.article import Removal
from articlekit.draft import DraftBlock


def _plain(cls: type) -> type:
    """The same fields as a dataclass with the generated __init__ (the reference)."""
    return dataclasses.make_dataclass(
        "Plain" + cls.__name__,
        [(f.name, f.type, f) for f in dataclasses.fields(cls)],
        frozen=True,
        slots=True,
    )


@pytest.mark.parametrize("cls", [DraftBlock, Removal])
def test_the_signature_and_fields_are_the_dataclass_ones(cls: type) -> None:
    def shape(c: type) -> list[tuple[str, object, object]]:
        params = inspect.signature(c).parameters.values()
        return [(p.name, p.kind, p.default) for p in params]

    assert shape(cls) == shape(_plain(cls))


def test_a_block_is_built_as_before_and_stays_frozen() -> None:
    block = DraftBlock(3, "Home", kind="heading", tag="h2")
    assert (block.index, block.text, block.kind, block.offset, block.tag) == (
        3,
        "Home",
        "heading",
        0,
        "h2",
    )
    assert block == DraftBlock(index=3, text="Home", kind="heading", tag="h2")
    assert hash(block) == hash(DraftBlock(3, "Home", "heading", 0, None, "h2"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.text = "x"  # type: ignore[misc]
    assert dataclasses.replace(block, text="News").text == "News"
    assert pickle.loads(pickle.dumps(block)) == block
    removal = Removal("remove_ad_labels", "ad_label", "Advertisement", 4)
    assert pickle.loads(pickle.dumps(removal)) == removal and removal.offset == 0
    with pytest.raises(TypeError):
        DraftBlock(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        DraftBlock(1, "a", colour="red")  # type: ignore[call-arg]


def test_a_class_it_cannot_speed_up_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        x: list[int] = dataclasses.field(default_factory=list)

    for cls in (NoSlots, WithFactory):
        with pytest.raises(TypeError):
            slot_init(cls)
