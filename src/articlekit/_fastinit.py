"""A faster ``__init__`` for the frozen dataclasses made once per block.

A frozen dataclass sets each field in ``__init__`` with ``object.__setattr__(self, name,
value)``, which looks the name up on the class every time: about 1 us for a block of seven
fields, and a page of short lines makes a block (and often a removal) per line. The
``__init__`` made here sets each slot through its descriptor, found once: the same object,
the same signature and defaults, in half the time. Equality, hashing, ``repr``, frozenness
and ``dataclasses.replace`` are the dataclass's own.

Example:
    >>> from dataclasses import dataclass
    >>> @slot_init
    ... @dataclass(frozen=True, slots=True)
    ... class Point:
    ...     x: int
    ...     y: int = 0
    >>> Point(1), Point(1, y=2) == Point(x=1, y=2)
    (Point(x=1, y=0), True)
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

__all__ = ["slot_init"]

T = TypeVar("T")


def slot_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass without ``__post_init__`` or factories a faster init.

    Raises:
        TypeError: If ``cls`` is not such a dataclass (the plain init would be needed).
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not hasattr(cls, "__slots__") or hasattr(cls, "__post_init__"):
        msg = f"{cls.__name__}: slot_init needs a slotted dataclass without __post_init__"
        raise TypeError(msg)
    namespace: dict[str, Any] = {}
    params = []
    for f in fields:
        if f.default_factory is not dataclasses.MISSING or not f.init:
            msg = f"{cls.__name__}.{f.name}: slot_init takes plain fields only"
            raise TypeError(msg)
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields) or "    pass\n"
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 (mypy forbids assigning a method)
    return cls
