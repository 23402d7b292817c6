"""The block scorer: fitted weights over the page model's rows, read without the training library.

The weights are JSON, made by ``python -m benchmarks.train fit`` from the labelled dev pages.
A :class:`BlockScorer` is a logistic model: scoring a row is a dot product and a logistic
function. A :class:`TreeScorer` is gradient-boosted trees (the article core's extender, see
:mod:`articlekit.regions`): scoring a row walks each tree to a leaf and adds the leaves.
Either way the same row always gets the same score, without the training library.

Example:
    >>> scorer = BlockScorer(features=("a", "b"), weights=(2.0, -1.0), bias=0.0, threshold=0.5)
    >>> [round(s, 3) for s in scorer.scores([[1.0, 2.0], [1.0, 0.0]])]
    [0.5, 0.881]
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from articlekit.errors import BlockModelError

__all__ = [
    "BlockScorer",
    "Scorer",
    "TreeScorer",
    "packaged_model",
    "packaged_scorer",
    "scorer_from_dict",
]


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
        data = _checked(data, "logistic", ("features", "weights", "bias", "threshold"), "block")
        features_in, weights_in = data["features"], data["weights"]
        if not isinstance(features_in, list) or not isinstance(weights_in, list):
            msg = "block model features and weights must be lists"
            raise BlockModelError(msg)
        features = tuple(str(f) for f in features_in)
        weights = tuple(_number(w, "weight") for w in weights_in)
        if len(features) != len(weights):
            msg = f"block model has {len(weights)} weights for {len(features)} features"
            raise BlockModelError(msg)
        return cls(features, weights, _number(data["bias"], "bias"), _threshold(data["threshold"]))

    def check_columns(self, columns: Sequence[str]) -> None:
        """Make sure the rows this scorer will read have its features, in its order.

        Args:
            columns: The names of the rows' columns (the page model's ``HTML_FEATURES``...).

        Raises:
            BlockModelError: Naming the first column that differs, when they do not match:
                weights fitted on another page model would score every block wrongly.
        """
        _check_columns(self.features, columns)

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The score of each row, between 0 and 1.

        Raises:
            BlockModelError: If a row has not one value per feature.
        """
        weights, bias = self.weights, self.bias

        def raw(row: Sequence[float]) -> float:
            return bias + math.fsum(w * x for w, x in zip(weights, row, strict=True))

        return _scores(rows, len(weights), raw)


def _checked(data: object, kind: str, keys: tuple[str, ...], what: str) -> Mapping[str, Any]:
    """``data`` as a model's JSON object of ``kind`` with every one of ``keys``.

    Raises:
        BlockModelError: Naming what is wrong: no object, another kind, the keys missing.
    """
    if not isinstance(data, Mapping):
        msg = f"a {what} model is a JSON object, got {type(data).__name__}"
        raise BlockModelError(msg)
    if data.get("kind") != kind:
        msg = f"unknown block model kind {data.get('kind')!r}"
        raise BlockModelError(msg)
    missing = [key for key in keys if key not in data]
    if missing:
        msg = f"{what} model lacks {', '.join(missing)}"
        raise BlockModelError(msg)
    return data


def _threshold(value: object) -> float:
    threshold = _number(value, "threshold")
    if not 0.0 <= threshold <= 1.0:
        msg = f"block model threshold must be between 0 and 1, got {threshold}"
        raise BlockModelError(msg)
    return threshold


def _check_columns(features: tuple[str, ...], columns: Sequence[str]) -> None:
    if tuple(columns) == features:
        return
    for at, (have, want) in enumerate(zip(columns, features, strict=False)):
        if have != want:
            msg = f"block model column {at} is {want!r}, the rows have {have!r}"
            raise BlockModelError(msg)
    msg = f"block model has {len(features)} features, the rows {len(columns)} columns"
    raise BlockModelError(msg)


def _scores(
    rows: Sequence[Sequence[float]], width: int, raw: Callable[[Sequence[float]], float]
) -> list[float]:
    """The logistic function of each row's raw score, once its width is checked.

    Raises:
        BlockModelError: If a row has not ``width`` values.
    """
    out = []
    for row in rows:
        if len(row) != width:
            msg = f"a row of {len(row)} values for a block model of {width} features"
            raise BlockModelError(msg)
        out.append(_logistic(raw(row)))
    return out


def _logistic(z: float) -> float:
    """The logistic function without overflow for large ``|z|``."""
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


#: A tree as :class:`TreeScorer` walks it: a leaf's value, or ``(feature, threshold, left,
#: right)``, a row going left when its value of ``feature`` is at most ``threshold``.
Tree = float | tuple[int, float, "Tree", "Tree"]


@dataclass(frozen=True, slots=True)
class TreeScorer:
    """Gradient-boosted trees: the probability that a row is of the positive class.

    The score is the logistic function of ``bias`` plus, for each tree, the value of the leaf
    the row reaches (as scikit-learn's ``HistGradientBoostingClassifier`` predicts, which
    ``benchmarks.train`` fits and writes out node by node).

    Attributes:
        features: The name of each column of a row.
        bias: The raw score before any tree (the model's baseline).
        trees: The trees, in the order they were fitted (see :data:`Tree`).
        threshold: A row scoring below it is of the negative class.

    Example:
        >>> stump = {"kind": "trees", "features": ["a"], "bias": 0.0, "threshold": 0.5,
        ...          "trees": [[[0, 1.5, 1, 2], [-2.0], [2.0]]]}
        >>> [round(s, 3) for s in TreeScorer.from_dict(stump).scores([[1.0], [3.0]])]
        [0.119, 0.881]
    """

    features: tuple[str, ...]
    bias: float
    trees: tuple[Tree, ...]
    threshold: float
    _raw: Callable[[Sequence[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_raw", _compiled(self.bias, self.trees))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TreeScorer:
        """Build the scorer from the JSON form ``benchmarks.train`` writes.

        Each tree is a list of nodes, the root first: a leaf is ``[value]``, a split is
        ``[feature, threshold, left, right]`` with the positions of its two children, which
        come after it (so no tree loops).

        Raises:
            BlockModelError: If ``data`` is not such a model: another kind, a key missing, a
                node of another shape, a feature or child position out of range.
        """
        data = _checked(data, "trees", ("features", "bias", "trees", "threshold"), "tree")
        if not isinstance(data["features"], list) or not isinstance(data["trees"], list):
            msg = "tree model features and trees must be lists"
            raise BlockModelError(msg)
        features = tuple(str(f) for f in data["features"])
        trees = tuple(_tree(nodes, len(features)) for nodes in data["trees"])
        return cls(features, _number(data["bias"], "bias"), trees, _threshold(data["threshold"]))

    def check_columns(self, columns: Sequence[str]) -> None:
        """As :meth:`BlockScorer.check_columns`."""
        _check_columns(self.features, columns)

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The score of each row, between 0 and 1.

        Raises:
            BlockModelError: If a row has not one value per feature.
        """
        return _scores(rows, len(self.features), self._raw)


def _compiled(bias: float, trees: Sequence[Tree]) -> Callable[[Sequence[float]], float]:
    """A function of a row: ``bias`` plus the leaf each tree takes the row to.

    The trees are written out as Python's own ``if``/``else`` and compiled once: walking
    them node by node in a loop took three times as long (21 to 36 against 8 µs a row of the
    shipped extender). Only numbers go into the source (the nodes' features, thresholds and
    values, checked by :func:`_tree` or typed as such), so the function is the walk, no more;
    the leaves are added in the trees' order, as scikit-learn adds them.
    """
    lines = ["def raw(row):", f"    z = {float(bias)!r}"]

    def emit(node: Tree, indent: str) -> None:
        if isinstance(node, tuple):
            feature, threshold, left, right = node
            lines.append(f"{indent}if row[{int(feature)}] <= {float(threshold)!r}:")
            emit(left, indent + " ")
            lines.append(f"{indent}else:")
            emit(right, indent + " ")
        else:
            lines.append(f"{indent}z += {float(node)!r}")

    for tree in trees:
        emit(tree, "    ")
    lines.append("    return z")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<tree model>", "exec"), namespace)
    function: Callable[[Sequence[float]], float] = namespace["raw"]
    return function


#: The deepest tree :class:`TreeScorer` reads (fitted ones are a few levels deep; the bound
#: keeps a damaged file from recursing without end).
TREE_MAX_DEPTH = 64


def _tree(nodes: object, width: int) -> Tree:
    """A tree of :class:`TreeScorer` from its list of nodes (see :meth:`TreeScorer.from_dict`)."""
    if not isinstance(nodes, list) or not nodes:
        msg = "a tree of a tree model is a non-empty list of nodes"
        raise BlockModelError(msg)

    def build(at: int, depth: int) -> Tree:
        if depth > TREE_MAX_DEPTH:
            msg = f"a tree of a tree model is deeper than {TREE_MAX_DEPTH} nodes"
            raise BlockModelError(msg)
        node = nodes[at]
        if not isinstance(node, list) or len(node) not in (1, 4):
            msg = f"a tree node is [value] or [feature, threshold, left, right], got {node!r}"
            raise BlockModelError(msg)
        if len(node) == 1:
            return _number(node[0], "leaf value")
        feature, threshold, left, right = node
        for index, bound in ((feature, width), (left, len(nodes)), (right, len(nodes))):
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < bound:
                msg = f"a tree node's position or feature {index!r} is out of range"
                raise BlockModelError(msg)
        if not (at < left and at < right):
            msg = "a tree node's children come after it"
            raise BlockModelError(msg)
        threshold = _number(threshold, "split threshold")
        return (feature, threshold, build(left, depth + 1), build(right, depth + 1))

    return build(0, 0)


#: A scorer of rows: logistic (:class:`BlockScorer`) or trees (:class:`TreeScorer`).
Scorer = BlockScorer | TreeScorer


def scorer_from_dict(data: Mapping[str, Any]) -> Scorer:
    """The scorer ``data`` describes, by its ``kind`` ("logistic" or "trees").

    Raises:
        BlockModelError: If ``data`` is no scorer of a known kind.

    Example:
        >>> scorer_from_dict({"kind": "logistic", "features": [], "weights": [], "bias": 0,
        ...                   "threshold": 0.5}).scores([[]])
        [0.5]
    """
    if isinstance(data, Mapping) and data.get("kind") == "trees":
        return TreeScorer.from_dict(data)
    return BlockScorer.from_dict(data)


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
