"""The page model's rows and the block scorer (articlekit.pagemodel, articlekit.scorer)."""

from __future__ import annotations

import math

import pytest
from lxml import html as lxml_html

from articlekit.errors import ArticlekitError, BlockModelError, NoArticleError
from articlekit.pagemodel import HTML_FEATURES, TEXT_FEATURES, html_rows, text_rows
from articlekit.readers.html import read_page_model
from articlekit.readers.page import page_blocks
from articlekit.scorer import TREE_MAX_DEPTH, BlockScorer, TreeScorer, scorer_from_dict

_STORY = (
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said. "
)
PAGE = f"""<html><head><title>Ferry timetable approved</title></head><body>
<nav class="site-menu"><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article class="story-body">
<h1>Harbour council approves new ferry timetable</h1>
<p>{_STORY * 2}</p>
<p>{_STORY.replace("Monday", "Tuesday") * 2}</p>
<p>{_STORY.replace("council", "board") * 2}</p>
</article></main>
<aside class="related-posts"><ul><li><a href="/a">Storm closes the old bridge</a></li>
<li><a href="/b">Mayor opens the new library</a></li></ul></aside>
<footer><p>Copyright 2026 The Harbour News</p></footer>
</body></html>"""


def _rows(page_html: str, kept: list[float] | None = None) -> list[dict[str, float]]:
    tree = lxml_html.fromstring(page_html)
    elements: list = []
    page = page_blocks(tree, elements)
    flags = kept if kept is not None else [0.0] * len(page)
    return [dict(zip(HTML_FEATURES, row, strict=True)) for row in html_rows(page, elements, flags)]


def _texts(page_html: str) -> list[str]:
    return [b.text for b in page_blocks(lxml_html.fromstring(page_html))]


def test_one_row_per_block_with_every_feature() -> None:
    texts = _texts(PAGE)
    rows = _rows(PAGE)
    assert len(rows) == len(texts) > 5
    assert all(len(r) == len(HTML_FEATURES) for r in rows)
    assert all(math.isfinite(v) for r in rows for v in r.values())


def test_sections_and_class_words_are_read_from_the_ancestors() -> None:
    texts = _texts(PAGE)
    rows = dict(zip(texts, _rows(PAGE), strict=True))
    assert rows["Home News"]["in_nav"] == 1.0
    assert rows["Home News"]["class_own_navigation"] == 1.0
    story = next(t for t in texts if t.startswith("The harbour council"))
    assert rows[story]["in_article"] == rows[story]["in_main"] == 1.0
    assert rows[story]["class_up_content"] == 1.0 and rows[story]["class_own_content"] == 0.0
    assert rows[story]["in_nav"] == rows[story]["in_aside"] == 0.0
    assert rows[story]["prose"] == 1.0 and rows[story]["tag_p"] == 1.0
    teaser = rows["Storm closes the old bridge"]
    assert teaser["in_aside"] == teaser["class_up_related"] == teaser["tag_li"] == 1.0
    assert teaser["link_density"] == 1.0
    assert rows["Copyright 2026 The Harbour News"]["in_footer"] == 1.0


def test_kept_flags_and_their_neighbourhood() -> None:
    texts = _texts(PAGE)
    kept = [1.0 if t.startswith(_STORY[:60]) else 0.0 for t in texts]  # the first paragraph
    rows = _rows(PAGE, kept)
    at = kept.index(1.0)
    assert rows[at]["kept"] == 1.0 and rows[at]["log_distance_to_kept"] == 0.0
    assert rows[at + 1]["prev_kept"] == 1.0 and rows[at + 1]["kept"] == 0.0
    assert rows[at + 1]["log_distance_to_kept"] == pytest.approx(math.log(2))
    assert rows[-1]["log_distance_to_kept"] > rows[at + 1]["log_distance_to_kept"]
    assert rows[at]["inside_kept_span"] == 1.0 and rows[0]["inside_kept_span"] == 0.0


def test_rows_are_the_same_for_the_same_page() -> None:
    assert _rows(PAGE) == _rows(PAGE)


def test_an_empty_page_has_no_rows() -> None:
    assert html_rows((), [], []) == []


def test_read_page_model_marks_what_trafilatura_kept() -> None:
    model = read_page_model(PAGE)
    assert len(model.rows) == len(model.page) == len(model.kept) == len(model.elements)
    kept = {b.text for b, k in zip(model.page, model.kept, strict=True) if k}
    assert any(t.startswith("The harbour council") for t in kept)
    assert "Home News" not in kept
    assert model.trafilatura_texts and all(isinstance(t, str) for t in model.trafilatura_texts)


def test_scorer_is_a_logistic_model() -> None:
    scorer = BlockScorer(("a", "b"), (2.0, -1.0), 0.5, 0.5)
    low, mid, high = scorer.scores([[-5.0, 0.0], [0.0, 0.5], [5.0, 0.0]])
    assert mid == pytest.approx(0.5)
    assert 0.0 < low < mid < high < 1.0
    # No overflow far out on either side.
    far = scorer.scores([[1e6, 0.0], [-1e6, 0.0]])
    assert far[0] == pytest.approx(1.0) and far[1] == pytest.approx(0.0)


def test_scorer_from_dict_round_trips_and_refuses_bad_weights() -> None:
    data = {"kind": "logistic", "features": ["a"], "weights": [1.5], "bias": -1, "threshold": 0.4}
    scorer = BlockScorer.from_dict(data)
    assert scorer == BlockScorer(("a",), (1.5,), -1.0, 0.4)
    with pytest.raises(ArticlekitError, match="kind"):
        BlockScorer.from_dict({**data, "kind": "forest"})
    with pytest.raises(ArticlekitError, match="2 weights for 1 features"):
        BlockScorer.from_dict({**data, "weights": [1.0, 2.0]})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"bias": None}, "bias must be a finite number"),
        ({"weights": ["1.5"]}, "weight must be a finite number"),
        ({"weights": [float("nan")]}, "weight must be a finite number"),
        ({"weights": [True]}, "weight must be a finite number"),
        ({"weights": "1.5"}, "must be lists"),
        ({"threshold": 2}, "between 0 and 1"),
    ],
)
def test_scorer_from_dict_names_what_is_wrong(change: dict[str, object], message: str) -> None:
    data = {"kind": "logistic", "features": ["a"], "weights": [1.5], "bias": -1, "threshold": 0.4}
    with pytest.raises(BlockModelError, match=message):
        BlockScorer.from_dict({**data, **change})
    with pytest.raises(BlockModelError, match="lacks bias, threshold"):
        BlockScorer.from_dict({"kind": "logistic", "features": ["a"], "weights": [1.5]})
    with pytest.raises(BlockModelError, match="JSON object"):
        BlockScorer.from_dict([data])  # type: ignore[arg-type]


#: Two trees over columns a and b: the first splits on a at 1.5, then on b at 0; the second
#: is a stump on b at 2.
TREES = {
    "kind": "trees",
    "features": ["a", "b"],
    "bias": -0.5,
    "threshold": 0.5,
    "trees": [
        [[0, 1.5, 1, 2], [-1.0], [1, 0.0, 3, 4], [0.25], [2.0]],
        [[1, 2.0, 1, 2], [0.5], [-0.75]],
    ],
}


def _walked(a: float, b: float) -> float:
    """The score of TREES written out by hand: each tree's leaf, added to the bias."""
    first = -1.0 if a <= 1.5 else (0.25 if b <= 0.0 else 2.0)
    second = 0.5 if b <= 2.0 else -0.75
    return 1.0 / (1.0 + math.exp(-(-0.5 + first + second)))


def test_tree_scorer_adds_the_leaf_of_each_tree_to_its_bias() -> None:
    scorer = TreeScorer.from_dict(TREES)
    rows = [[1.0, 5.0], [1.5, 0.0], [2.0, -1.0], [2.0, 0.5], [9.0, 2.0], [9.0, 3.0]]
    assert scorer.scores(rows) == pytest.approx([_walked(a, b) for a, b in rows], rel=1e-12)
    # A value equal to the split's threshold goes left, as in the library that fits them.
    assert scorer.scores([[1.5, 0.0]]) == scorer.scores([[1.0, 0.0]])
    assert scorer_from_dict(TREES) == scorer
    assert isinstance(
        scorer_from_dict({**TREES, "kind": "logistic", "weights": [0, 0]}), BlockScorer
    )
    scorer.check_columns(["a", "b"])
    with pytest.raises(BlockModelError, match="column 1 is 'b', the rows have 'c'"):
        scorer.check_columns(["a", "c"])
    with pytest.raises(BlockModelError, match="a row of 1 values"):
        scorer.scores([[1.0]])


def _chain(splits: int) -> list[list[float]]:
    """A tree of ``splits`` splits one under the other (each with a leaf on its left)."""
    nodes: list[list[float]] = []
    for k in range(splits):
        nodes += [[0, 0.0, 2 * k + 1, 2 * k + 2], [1.0]]
    return [*nodes, [1.0]]


@pytest.mark.parametrize(
    ("trees", "message"),
    [
        ([[[0, 1.5, 1, 2], [-1.0]]], "out of range"),  # a child that is not there
        ([[[2, 1.5, 1, 2], [-1.0], [1.0]]], "out of range"),  # a third feature of two
        ([[[0, 1.5, 0, 1], [1.0]]], "come after it"),  # a node that is its own child
        ([[[0, 1.5, 1, 2], [-1.0, 2.0], [1.0]]], r"\[value\] or"),
        ([[[0, "1.5", 1, 2], [-1.0], [1.0]]], "split threshold must be a finite number"),
        ([[[float("inf")]]], "leaf value must be a finite number"),
        ([[]], "non-empty list"),
        ([_chain(TREE_MAX_DEPTH + 2)], "deeper"),
    ],
)
def test_tree_scorer_names_what_is_wrong(trees: list[object], message: str) -> None:
    with pytest.raises(BlockModelError, match=message):
        TreeScorer.from_dict({**TREES, "trees": trees})


def test_tree_scorer_refuses_other_kinds_and_missing_keys() -> None:
    with pytest.raises(BlockModelError, match="kind"):
        TreeScorer.from_dict({**TREES, "kind": "logistic"})
    with pytest.raises(BlockModelError, match="lacks trees"):
        TreeScorer.from_dict({k: v for k, v in TREES.items() if k != "trees"})
    with pytest.raises(BlockModelError, match="between 0 and 1"):
        TreeScorer.from_dict({**TREES, "threshold": -1})


def test_scorer_refuses_rows_and_columns_that_are_not_its_features() -> None:
    scorer = BlockScorer(("a", "b"), (1.0, 1.0), 0.0, 0.5)
    scorer.check_columns(["a", "b"])
    with pytest.raises(BlockModelError, match="column 1 is 'b', the rows have 'c'"):
        scorer.check_columns(["a", "c"])
    with pytest.raises(BlockModelError, match="2 features, the rows 3 columns"):
        scorer.check_columns(["a", "b", "x"])
    with pytest.raises(BlockModelError, match="a row of 3 values"):
        scorer.scores([[1.0, 2.0, 3.0]])


def test_the_reader_can_pick_its_blocks_with_a_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    import articlekit.readers.html as reader

    def scorer(**weights: float) -> BlockScorer:
        return BlockScorer(
            HTML_FEATURES, tuple(weights.get(f, 0.0) for f in HTML_FEATURES), -5.0, 0.5
        )

    default = [b.text for b in reader.read_html(PAGE).blocks]
    # A scorer that keeps the links of the HTML5 <nav> only: no article is left.
    monkeypatch.setattr(reader, "_BLOCK_SCORER", scorer(in_nav=10.0))
    with pytest.raises(NoArticleError):
        reader.read_html(PAGE)
    # One that keeps the blocks of the <article>: headline and three paragraphs, renumbered.
    monkeypatch.setattr(reader, "_BLOCK_SCORER", scorer(in_article=10.0))
    picked = [b.text for b in reader.read_html(PAGE).blocks]
    assert picked[0] == "Harbour council approves new ferry timetable" and len(picked) == 4
    assert [b.index for b in reader.read_html(PAGE).blocks] == [0, 1, 2, 3]
    monkeypatch.setattr(reader, "_BLOCK_SCORER", None)
    assert [b.text for b in reader.read_html(PAGE).blocks] == default


def test_text_rows_read_the_shape_and_the_neighbourhood_of_lines() -> None:
    story = _STORY * 2
    lines = ["Home", "News", "Sport", story, "• A bullet of the story", story, "SHARE THIS:", story]
    rows = [dict(zip(TEXT_FEATURES, r, strict=True)) for r in text_rows(lines)]
    assert [r["prose"] for r in rows] == [0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0]
    # The menu is a run of three short lines, the bullet a run of one.
    assert rows[0]["log_short_run"] == rows[2]["log_short_run"] == pytest.approx(math.log(4))
    assert rows[4]["log_short_run"] == pytest.approx(math.log(2))
    assert rows[4]["list_marker"] == 1.0 and rows[3]["list_marker"] == 0.0
    assert rows[6]["all_caps"] == rows[6]["ends_colon"] == 1.0
    assert rows[3]["repeats"] == pytest.approx(math.log(3)) and rows[0]["repeats"] == 0.0
    # The core runs from the first paragraph to the last; the menu is outside it.
    assert [r["in_core"] for r in rows] == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0]
    assert rows[0]["log_distance_to_core"] == pytest.approx(math.log(4))
    assert rows[4]["prev_prose"] == rows[4]["next_prose"] == 1.0
    assert text_rows([]) == []


def test_html_rows_start_with_the_text_rows_of_the_page() -> None:
    texts = _texts(PAGE)
    tree = lxml_html.fromstring(PAGE)
    elements: list = []
    page = page_blocks(tree, elements)
    html = html_rows(page, elements, [0.0] * len(page))
    assert [r[: len(TEXT_FEATURES)] for r in html] == text_rows(texts)
