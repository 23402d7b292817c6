"""benchmarks.train's region table and its evaluation, on pages made here (no training library).

Fitting needs scikit-learn (the ``train`` extra); what the fitted weights are judged with, and
what they are fitted from, does not, and is checked here.
"""

from __future__ import annotations

import math

import pytest
from benchmarks.metrics import tokenize
from benchmarks.train import PageRows, evaluate_regions, export_trees, region_table

from articlekit.regions import (
    PLAIN_TEXT_EXTENDER_THRESHOLD,
    REGION_FEATURES,
    SPAN_FEATURES,
    RegionModel,
)
from articlekit.scorer import TreeScorer
from weights import logistic

STORY = [
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall.",
    "The new timetable adds a boat every hour to the islands of the bay, and the harbour "
    "master said the ferries would also run late on Friday and Saturday nights.",
]
FORM = [
    "Your comment has been saved and will appear once a moderator has read it, which can "
    "take a day or two, so please do not post the same comment again in the meantime.",
] * 3
TITLE = "Harbour council approves new ferry timetable"
MENU = ["Home", "News", "Sport", "Weather", "Contact", "About us", "Archive", "Search"]


def _page() -> PageRows:
    texts = [TITLE, *MENU, *STORY, *MENU, *MENU, *FORM]
    labels: list[float | None] = [1.0] + [0.0] * 8 + [1.0, 1.0] + [0.0] * 16 + [0.0] * 3
    return PageRows("test", "p1", texts, [[0.0]] * len(texts), labels, "\n".join(texts))


def _model(chooser: dict[str, float], extend: float) -> dict[str, object]:
    return {
        "kind": "article_region",
        "chooser": logistic(REGION_FEATURES, **chooser),
        "extender": logistic(SPAN_FEATURES, extend),
    }


def test_region_table_scores_each_region_against_the_labels() -> None:
    (page,) = region_table([_page()])
    assert [r[:2] for r in page.regions] == [(27, 30), (9, 11)]
    assert len(page.rows) == 2 and all(len(r) == len(REGION_FEATURES) for r in page.rows)
    densest, story = page.f1s
    assert densest == 0.0  # the form holds no content
    # The story's tokens are content, and so are the title's, which stands outside the region.
    inside = sum(len(tokenize(t)) for t in STORY)
    content = inside + len(tokenize(TITLE))
    assert story == pytest.approx(2 * inside / (inside + content))
    assert page.content == [False, True]


def test_evaluate_regions_reports_the_densest_the_chosen_and_the_extended_core() -> None:
    densest_only = _model({"densest": 10.0}, extend=-10.0)
    got = evaluate_regions(densest_only, [_page()])
    assert got["densest"] == got["chosen"] == got["core"] == 0.0
    assert got["moved"] == 0
    title_first = _model({"title_near_start": 10.0}, extend=-10.0)
    got = evaluate_regions(title_first, [_page()])
    assert got["chosen"] == got["core"] > 0.9 and got["moved"] == 1
    # An extender that takes every region spans the form too: the core's precision falls.
    take_all = _model({"title_near_start": 10.0}, extend=10.0)
    got = evaluate_regions(take_all, [_page()])
    assert 0.0 < got["core"] < got["chosen"]


def test_evaluate_regions_extends_at_the_plain_text_threshold() -> None:
    # The rows are page text: the core is drawn as clean_text draws it, with the extender at
    # PLAIN_TEXT_EXTENDER_THRESHOLD, not at the model's own 0.5 (the HTML path's).
    probability = (PLAIN_TEXT_EXTENDER_THRESHOLD + 0.5) / 2
    between = _model({"title_near_start": 10.0}, extend=math.log(probability / (1 - probability)))
    got = evaluate_regions(between, [_page()])
    take_all = evaluate_regions(_model({"title_near_start": 10.0}, extend=10.0), [_page()])
    assert got["core"] == take_all["core"] < got["chosen"]


class _Predictor:
    """One tree as scikit-learn's fitted ``HistGradientBoostingClassifier`` holds it."""

    def __init__(self, nodes: list[tuple[float, int, float, int, int, int]]) -> None:
        import numpy as np

        layout = [
            ("value", "f8"),
            ("feature_idx", "u4"),
            ("num_threshold", "f8"),
            ("left", "u4"),
            ("right", "u4"),
            ("is_leaf", "u1"),
        ]
        self.nodes = np.array(nodes, dtype=layout)


class _Fitted:
    """The two attributes of a fitted classifier that export_trees reads."""

    def __init__(self) -> None:
        import numpy as np

        # A split on column 1 at 0.5 (its leaves -1.0 and 2.0), and a single leaf of 0.25.
        split = _Predictor(
            [(0.0, 1, 0.5, 1, 2, 0), (-1.0, 0, 0.0, 0, 0, 1), (2.0, 0, 0.0, 0, 0, 1)]
        )
        self._predictors = [[split], [_Predictor([(0.25, 0, 0.0, 0, 0, 1)])]]
        self._baseline_prediction = np.array([[-0.5]])


def test_export_trees_writes_what_the_tree_scorer_walks() -> None:
    data = export_trees(_Fitted(), ["a", "b"])
    assert data == {
        "kind": "trees",
        "features": ["a", "b"],
        "bias": -0.5,
        "threshold": 0.5,
        "trees": [[[1, 0.5, 1, 2], [-1.0], [2.0]], [[0.25]]],
    }
    low, high = TreeScorer.from_dict(data).scores([[9.0, 0.5], [0.0, 0.6]])
    assert low == pytest.approx(1 / (1 + math.exp(-(-0.5 - 1.0 + 0.25))))
    assert high == pytest.approx(1 / (1 + math.exp(-(-0.5 + 2.0 + 0.25))))


def test_the_shipped_region_model_has_a_logistic_chooser_and_trees_to_extend() -> None:
    from articlekit.scorer import packaged_model

    data = packaged_model("models/article_region.json", "article region model")
    model = RegionModel.from_dict(data)
    assert data["chooser"]["kind"] == "logistic" and data["extender"]["kind"] == "trees"
    assert isinstance(model.extender, TreeScorer) and len(model.extender.trees) > 1
    # A logistic extender, as the weights of earlier releases had, is read too.
    assert RegionModel.from_dict(_model({}, extend=0.0)).extender.scores(
        [[0.0] * len(SPAN_FEATURES)]
    ) == [0.5]


def test_evaluate_reads_the_page_block_model_as_fit_writes_it() -> None:
    from benchmarks.train import evaluate

    page = _page()
    page.gold = {"text": "\n".join(STORY)}

    # Trees of one leaf each: every block above (bias 5) or below (bias -5) the threshold.
    def trees(bias: float) -> dict[str, object]:
        return {
            "kind": "trees",
            "features": ["x"],
            "bias": bias,
            "threshold": 0.5,
            "trees": [[[0.0]]],
        }

    everything = evaluate(trees(5.0), [page])
    nothing = evaluate(trees(-5.0), [page])
    # Keeping every block is the baseline here (the whole text); keeping none finds nothing.
    assert everything["scorer"] == everything["baseline"]
    assert everything["scorer"]["recall"] == 1.0 and nothing["scorer"]["recall"] == 0.0
    assert nothing["block_accuracy"] == pytest.approx(27 / 30)
