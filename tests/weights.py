"""Model files written in tests: a logistic model of named columns, as the fits write them."""

from __future__ import annotations

from collections.abc import Sequence


def logistic(columns: Sequence[str], bias: float = 0.0, **weights: float) -> dict[str, object]:
    """A ``logistic`` model file of ``columns``: each named weight, the others 0, threshold 0.5.

    Example:
        >>> logistic(("a", "b"), bias=-1.0, b=2.0)["weights"]
        [0.0, 2.0]
    """
    return {
        "kind": "logistic",
        "features": list(columns),
        "weights": [weights.get(c, 0.0) for c in columns],
        "bias": bias,
        "threshold": 0.5,
    }
