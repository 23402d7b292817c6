"""Random nested pages, for testing the faster stand-ins against trafilatura's own code."""

from __future__ import annotations

import random


def random_page(
    rng: random.Random, tags: list[str], values: dict[str, list[str]], depth: int = 0
) -> str:
    """Nested random elements, each with up to three of ``values``' attributes, in any order.

    Example:
        >>> random_page(random.Random(3), ["div"], {"class": ["a"]}).startswith("<div")
        True
    """
    parts = []
    for _ in range(rng.randint(0, 4 if depth < 4 else 0)):
        tag = rng.choice(tags)
        names = rng.sample(sorted(values), rng.randint(0, min(3, len(values))))
        attributes = "".join(f' {n}="{rng.choice(values[n])}"' for n in names)
        parts.append(f"<{tag}{attributes}>t{random_page(rng, tags, values, depth + 1)}</{tag}>")
    return "".join(parts)
