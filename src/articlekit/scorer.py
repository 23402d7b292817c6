"""The block scorer: fitted weights over the page model's rows, read without the training library.

The weights are JSON, made by ``python -m benchmarks.train fit`` from the labelled dev pages
(the model is not used by the readers yet: see benchmarks/README.md, "Block model"); scoring a
row is a dot product and a logistic function, so the same row always gets the same score.

Example:
    >>> scorer = BlockScorer(features=("a", "b"), weights=(2.0, -1.0), bias=0.0, threshold=0.5)
    >>> [round(s, 3) for s in scorer.scores([[1.0, 2.0], [1.0, 0.0]])]
    [0.5, 0.881]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from articlekit.errors import ArticlekitError

__all__ = ["BlockScorer"]


@dataclass(frozen=True, slots=True)
class BlockScorer:
    """A logistic model: the probability that a block is article content.

    Attributes:
        features: The name of each column of a row (they must match the page model's).
        weights: One weight per feature.
        bias: The intercept.
        threshold: A block scoring below it is not article content.
    """

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BlockScorer:
        """Build a scorer from the JSON form ``benchmarks.train`` writes."""
        if data.get("kind") != "logistic":
            msg = f"unknown block model kind {data.get('kind')!r}"
            raise ArticlekitError(msg)
        features = tuple(str(f) for f in data["features"])
        weights = tuple(float(w) for w in data["weights"])
        if len(features) != len(weights):
            msg = f"block model has {len(weights)} weights for {len(features)} features"
            raise ArticlekitError(msg)
        return cls(features, weights, float(data["bias"]), float(data["threshold"]))

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The score of each row, between 0 and 1."""
        weights, bias = self.weights, self.bias
        out = []
        for row in rows:
            z = bias + math.fsum(w * x for w, x in zip(weights, row, strict=True))
            # The logistic function without overflow for large |z|.
            out.append(1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z)))
        return out
