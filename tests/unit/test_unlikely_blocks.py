"""The page-block model's sure vetoes: rows for some blocks, the reader's scores, the cleaner."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import html as lxml_html
from test_page_model import PAGE as STORY_PAGE

import articlekit
from articlekit import pagemodel
from articlekit.cleaners import RemoveUnlikelyBlocks
from articlekit.cleaners.unlikely import BLOCK_SCORES, UNLIKELY_BLOCK_SCORE
from articlekit.draft import Draft
from articlekit.pagemodel import HTML_FEATURES, block_model, html_rows, text_rows
from articlekit.readers import html as reader
from articlekit.readers.page import page_blocks
from articlekit.scorer import BlockScorer

# The page model tests' page, with a paragraph that trafilatura keeps under a class word
# ("timeline": the "meta" group) that a model below vetoes.
PAGE = STORY_PAGE.replace(
    "</article>",
    '<div class="timeline"><p>Passengers wait for the morning ferry at the harbour, where'
    " the new timetable starts next week.</p></div></article>",
)


def _with_scores(draft: Draft, scores: dict[int, float]) -> Draft:
    return draft.replace(
        hints=dataclasses.replace(draft.hints, extra={**draft.hints.extra, BLOCK_SCORES: scores})
    )


def test_rows_for_some_blocks_are_those_of_the_whole_table() -> None:
    tree = lxml_html.fromstring(PAGE)
    elements: list = []
    page = page_blocks(tree, elements)
    kept = [1.0 if b.text.startswith("The harbour") else 0.0 for b in page]
    full = html_rows(page, elements, kept)
    for only in ([0], [len(page) - 1], [3, 1], list(range(len(page)))):
        assert html_rows(page, elements, kept, only) == [full[i] for i in only]
    texts = [b.text for b in page]
    assert text_rows(texts, [2, 0]) == [text_rows(texts)[2], text_rows(texts)[0]]
    assert html_rows(page, elements, kept, []) == []


def test_the_shipped_model_reads_the_page_model_rows() -> None:
    model = block_model()
    assert model.features == HTML_FEATURES
    rows = html_rows(*_page_and_elements(), [0.0] * len(_page_and_elements()[0]))
    scores = model.scores(rows)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert model.scores(rows) == scores  # the same rows, the same scores


def _page_and_elements() -> tuple[tuple, list]:
    elements: list = []
    page = page_blocks(lxml_html.fromstring(PAGE), elements)
    return page, elements


def test_the_reader_scores_each_block_of_its_output() -> None:
    draft = reader.read_html(PAGE)
    scores = draft.hints.extra[BLOCK_SCORES]
    # Every block of the output is a page block here, so each has its score.
    assert sorted(scores) == [b.index for b in draft.blocks]
    story = next(b for b in draft.blocks if b.text.startswith("The harbour council"))
    assert scores[story.index] > 0.5


def test_a_block_the_model_is_sure_of_goes_with_its_score(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A model that gives a block under a "meta" class word (here "timeline") a probability
    # near 0 and every other block near 1: trafilatura keeps the block, the model vetoes it.
    weights = tuple(-20.0 if f == "class_up_meta" else 0.0 for f in HTML_FEATURES)
    monkeypatch.setattr(pagemodel, "_BLOCK_MODEL", BlockScorer(HTML_FEATURES, weights, 10.0, 0.5))
    article = articlekit.clean_html(PAGE)
    assert "Passengers wait" not in article.text
    assert "The harbour board approved" in article.text
    (removal,) = [r for r in article.removed if r.reason == "unlikely_block"]
    assert removal.cleaner == "remove_unlikely_blocks"
    assert removal.text.startswith("Passengers wait")
    assert removal.score is not None and removal.score < UNLIKELY_BLOCK_SCORE
    # Dropped from the pipeline by name, the block stays.
    kept = articlekit.clean_html(
        PAGE, pipeline=articlekit.DEFAULT_PIPELINE.without("remove_unlikely_blocks")
    )
    assert "Passengers wait" in kept.text


def test_only_scores_under_the_threshold_remove_and_a_block_without_one_stays() -> None:
    draft = Draft.from_texts(["A caption.", "The story, in a sentence or two.", "A teaser."])
    scored = _with_scores(draft, {0: UNLIKELY_BLOCK_SCORE / 2, 1: UNLIKELY_BLOCK_SCORE})
    cleaned = RemoveUnlikelyBlocks()(scored)
    assert [b.text for b in cleaned.blocks] == ["The story, in a sentence or two.", "A teaser."]
    assert [(r.block_index, r.score) for r in cleaned.removed] == [(0, UNLIKELY_BLOCK_SCORE / 2)]


def test_a_draft_without_scores_comes_back_as_it_came() -> None:
    draft = Draft.from_texts(["Menu", "The story, in a sentence or two."])
    assert RemoveUnlikelyBlocks()(draft) is draft
    text = articlekit.clean_text("Menu\n\nThe story, in a sentence or two, goes on here.")
    assert not [r for r in text.removed if r.reason == "unlikely_block"]


def test_the_kept_flags_search_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    page = Draft.from_texts(
        ["First paragraph of the page, long enough.", "Second one, too."]
    ).blocks
    joined = (dataclasses.replace(page[0], text=page[0].text + " " + page[1].text),)
    where = reader._page_index(page)
    # trafilatura joined the two page blocks into one: the search finds the first in it...
    assert reader._kept_flags(page, where, joined) == [1.0, 0.0]
    # ...unless the page's blocks times the joined text's length are over the bound.
    monkeypatch.setattr(reader, "KEPT_SEARCH_MAX", 10)
    assert reader._kept_flags(page, where, joined) == [0.0, 0.0]
