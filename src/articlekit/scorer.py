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

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from articlekit.errors import BlockModelError

__all__ = ["BlockScorer", "packaged_model", "packaged_scorer"]


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
        """Build a scorer from the JSON form ``benchmarks.train`` writes.

        Raises:
            BlockModelError: If ``data`` is not such a model: another kind, a key missing, a
                weight that is not a finite number, or not one weight per feature.

        Example:
            >>> BlockScorer.from_dict({"kind": "logistic", "features": ["a"], "weights": [1],
            ...                        "bias": 0, "threshold": 0.5}).weights
            (1.0,)
        """
        if not isinstance(data, Mapping):
            msg = f"a block model is a JSON object, got {type(data).__name__}"
            raise BlockModelError(msg)
        if data.get("kind") != "logistic":
            msg = f"unknown block model kind {data.get('kind')!r}"
            raise BlockModelError(msg)
        missing = [key for key in ("features", "weights", "bias", "threshold") if key not in data]
        if missing:
            msg = f"block model lacks {', '.join(missing)}"
            raise BlockModelError(msg)
        features_in, weights_in = data["features"], data["weights"]
        if not isinstance(features_in, list) or not isinstance(weights_in, list):
            msg = "block model features and weights must be lists"
            raise BlockModelError(msg)
        features = tuple(str(f) for f in features_in)
        weights = tuple(_number(w, "weight") for w in weights_in)
        if len(features) != len(weights):
            msg = f"block model has {len(weights)} weights for {len(features)} features"
            raise BlockModelError(msg)
        threshold = _number(data["threshold"], "threshold")
        if not 0.0 <= threshold <= 1.0:
            msg = f"block model threshold must be between 0 and 1, got {threshold}"
            raise BlockModelError(msg)
        return cls(features, weights, _number(data["bias"], "bias"), threshold)

    def check_columns(self, columns: Sequence[str]) -> None:
        """Make sure the rows this scorer will read have its features, in its order.

        Args:
            columns: The names of the rows' columns (the page model's ``HTML_FEATURES``...).

        Raises:
            BlockModelError: Naming the first column that differs, when they do not match:
                weights fitted on another page model would score every block wrongly.
        """
        if tuple(columns) == self.features:
            return
        for at, (have, want) in enumerate(zip(columns, self.features, strict=False)):
            if have != want:
                msg = f"block model column {at} is {want!r}, the rows have {have!r}"
                raise BlockModelError(msg)
        msg = f"block model has {len(self.features)} features, the rows {len(columns)} columns"
        raise BlockModelError(msg)

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The score of each row, between 0 and 1.

        Raises:
            BlockModelError: If a row has not one value per feature.
        """
        weights, bias = self.weights, self.bias
        out = []
        for row in rows:
            if len(row) != len(weights):
                msg = f"a row of {len(row)} values for a block model of {len(weights)} features"
                raise BlockModelError(msg)
            z = bias + math.fsum(w * x for w, x in zip(weights, row, strict=True))
            # The logistic function without overflow for large |z|.
            out.append(1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z)))
        return out


def _number(value: object, what: str) -> float:
    """``value`` as a finite float (JSON numbers only: not a bool, not a string)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        msg = f"block model {what} must be a finite number, got {value!r}"
        raise BlockModelError(msg)
    return float(value)


def packaged_model(path: str, what: str) -> Any:
    """The JSON of a model shipped in the package (``path`` below ``articlekit/``).

    Raises:
        BlockModelError: Naming the file, when it cannot be read or is no JSON: a damaged
            install says which file, not a traceback.

    Example:
        >>> packaged_model("models/published_date.json", "date model")["kind"]
        'logistic'
    """
    file = resources.files("articlekit").joinpath(path)
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"cannot read the {what} {file}: {exc}"
        raise BlockModelError(msg) from exc


@functools.cache
def packaged_scorer(path: str, what: str, columns: tuple[str, ...]) -> BlockScorer:
    """A logistic model shipped in the package, read once, checked against its ``columns``.

    Args:
        path: The file below ``articlekit/`` (``"models/published_date.json"``).
        what: What it is, for the error message ("date model").
        columns: The row's columns the model must weigh, in order.

    Raises:
        BlockModelError: If the file cannot be read, is no model, or weighs other columns.

    Example:
        >>> from articlekit.readers.page_dates import DATE_FEATURES
        >>> packaged_scorer("models/published_date.json", "date model", DATE_FEATURES).threshold
        0.5
    """
    scorer = BlockScorer.from_dict(packaged_model(path, what))
    scorer.check_columns(columns)
    return scorer
