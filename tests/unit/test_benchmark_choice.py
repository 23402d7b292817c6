"""benchmarks.train.choice_logistic: a vote fitted for its pick, on candidates made here.

These fit small models, so they need the ``train`` extra (scikit-learn and SciPy), which the
``test`` extra installs.
"""

from __future__ import annotations

from benchmarks.title_model import accuracy
from benchmarks.title_model import fit as fit_title_vote
from benchmarks.train import _logistic, choice_logistic

from articlekit.readers.title_vote import TITLE_FEATURES
from articlekit.scorer import BlockScorer

COLUMNS = ("a",)


def _pages() -> list[tuple[list[list[float]], list[int]]]:
    """Pages whose right candidate is always the one with the most ``a`` of its page, where
    ``a`` is higher among wrong candidates than among right ones over all pages: a page of
    ten candidates (one right, nine wrong at a = 9) and a page of two (right at a = 1)."""
    many = ([[10.0]] + [[9.0]] * 9, [1] + [0] * 9)
    two = ([[0.0], [1.0]], [0, 1])
    return [many, two] * 20


def _picks(weights: dict[str, object], pages: list[tuple[list[list[float]], list[int]]]) -> int:
    scorer = BlockScorer.from_dict(weights)
    right = 0
    for rows, labels in pages:
        scores = scorer.scores(rows)
        best = max(range(len(scores)), key=lambda k: (scores[k], -k))
        right += labels[best]
    return right


def test_the_choice_fit_picks_each_page_right_where_a_model_of_right_does_not() -> None:
    pages = _pages()
    xs = [row for rows, _ in pages for row in rows]
    ys = [label for _, labels in pages for label in labels]
    # A model of "this candidate is right" learns that much of a is a wrong candidate's mark:
    # the nine wrong candidates at a = 9 outweigh the two pages' right ones.
    assert _picks(_logistic(xs, ys, COLUMNS), pages) < len(pages) / 2
    assert _picks(choice_logistic(pages, COLUMNS, 1e-4), pages) == len(pages)


def test_the_choice_fit_gives_probabilities_that_do_not_tie() -> None:
    pages = _pages()
    scorer = BlockScorer.from_dict(choice_logistic(pages, COLUMNS, 1e-4))
    scores = scorer.scores([[10.0], [9.0], [1.0], [0.0]])
    assert all(0.0 < s < 1.0 for s in scores)
    assert scores[0] > scores[1] and scores[2] > scores[3]


def test_pages_with_no_order_to_teach_do_not_move_the_picks() -> None:
    pages = _pages()
    # A page whose candidates are all wrong, and one whose candidates are all right, each
    # with the most a of all: a model of "right" would learn from them; the order does not.
    noise = [([[50.0], [49.0]], [0, 0]), ([[-5.0], [-6.0]], [1, 1])] * 10
    weights = choice_logistic(pages + noise, COLUMNS, 1e-4)
    assert _picks(weights, pages) == len(pages)


def test_the_choice_fit_is_deterministic_and_in_the_columns_own_units() -> None:
    pages = _pages()
    assert choice_logistic(pages, COLUMNS, 1e-4) == choice_logistic(pages, COLUMNS, 1e-4)
    scaled = [([[100.0 * v for v in row] for row in rows], labels) for rows, labels in pages]
    weights = choice_logistic(scaled, COLUMNS, 1e-4)
    assert _picks(weights, scaled) == len(scaled)
    assert weights["features"] == ["a"] and isinstance(weights["bias"], float)


def test_the_title_vote_is_fitted_for_its_pick() -> None:
    zero = [0.0] * len(TITLE_FEATURES)
    column = TITLE_FEATURES.index("from_h1")

    def row(value: float) -> list[float]:
        out = list(zero)
        out[column] = value
        return out

    # The same shape as above in one column of the vote's rows.
    many = {"candidates": [("A", row(10.0), ["h1"], True)]}
    many["candidates"] += [(f"W{k}", row(9.0), ["meta"], False) for k in range(9)]
    two = {"candidates": [("B | Site", row(0.0), ["pipeline"], False)]}
    two["candidates"] += [("B", row(1.0), ["h1"], True)]
    pages = [many, two] * 20
    assert accuracy(fit_title_vote(pages), pages) == 1.0


def test_a_right_candidate_far_below_the_best_keeps_the_fit_finite() -> None:
    # Columns a thousand apart: the softmax share of the right candidate rounds to 0 at the
    # first steps; the fit must still find the order, not stop on an infinite loss.
    pages = [([[1000.0], [0.0]], [0, 1]), ([[0.0], [1000.0]], [1, 0])] * 3
    pages += [([[900.0], [0.0]], [0, 1])] * 3
    weights = choice_logistic(pages, COLUMNS, 1e-4)
    assert all(abs(w) < 1e6 for w in weights["weights"])  # type: ignore[union-attr]
    assert isinstance(weights["bias"], float)


def test_no_candidates_is_a_clear_error() -> None:
    import pytest

    with pytest.raises(ValueError, match="no candidates"):
        choice_logistic([], COLUMNS, 1e-4)
