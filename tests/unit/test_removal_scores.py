"""Removals a fitted model decided carry its score (issue 17: "explainable as before")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit import Article, Block, Removal
from articlekit.cleaners.core import KeepArticleCore
from articlekit.draft import Draft
from articlekit.regions import (
    PLAIN_TEXT_EXTENDER_THRESHOLD,
    article_core,
    prose_regions,
    region_model,
    scored_core,
)
from articlekit.report import explain_html, explain_text

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))

_STORY = (
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall."
)
_FORM = (
    "Sign up to our weekly newsletter for the best deals on garden furniture, barbecues "
    "and outdoor lighting, delivered to your inbox every Friday morning."
)
_MENU = ["Share", "Tweet", "Email", "More"]


def _blocks(texts: list[str]) -> tuple:
    return Draft.from_texts(texts).blocks


def test_scored_core_is_article_core_with_a_score_per_weighed_region_block() -> None:
    texts = [_STORY, _STORY.replace("Monday", "Tuesday"), *_MENU, _FORM]
    blocks = _blocks(texts)
    start, end, scores = scored_core(blocks)
    assert (start, end) == article_core(blocks) == (0, 2)
    in_regions = {p for lo, hi, _ in prose_regions(blocks) for p in range(lo, hi)}
    assert set(scores) == in_regions == {0, 1, 6}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    # The run left out scored under the extender's threshold; the chosen one is the chooser's.
    assert scores[6] < region_model().extender.threshold
    assert scores[0] == scores[1] > 0.5


def test_a_single_run_is_not_weighed_and_has_no_score() -> None:
    start, end, scores = scored_core(_blocks(["Home", _STORY, _STORY, "Share"]))
    assert (start, end, scores) == (1, 3, {})


def test_outside_core_removals_of_a_weighed_run_carry_its_score_the_rest_none() -> None:
    draft = Draft.from_texts([_STORY, _STORY.replace("Monday", "Tuesday"), *_MENU, _FORM])
    removed = KeepArticleCore()(draft).removed
    assert [r.text for r in removed] == [*_MENU, _FORM]
    assert [r.score for r in removed[:-1]] == [None] * len(_MENU)
    score = removed[-1].score
    assert score is not None and score < PLAIN_TEXT_EXTENDER_THRESHOLD
    assert score == scored_core(draft.blocks)[2][6]


def test_in_clean_text_only_outside_core_removals_have_a_score() -> None:
    # Another story's paragraph under the menu: a run of prose the extender leaves out.
    other = (
        "Police in the northern city arrested two men late on Saturday after a chase through "
        "the old market. Both were released on bail the next morning, a spokeswoman for the "
        "force told reporters outside the station."
    )
    menu = ["Home", "News", "Sport", "Weather", "Contact", "About us", "Archive", "Search"]
    story = [_STORY, _STORY.replace("Monday", "Tuesday"), _STORY.replace("council", "board")]
    page = "\n".join([*menu, *story, *menu, other])
    pages = [page, *(seed.read_text(encoding="utf-8") for seed in SEEDS)]
    scored = []
    for text in pages:
        for removal in articlekit.clean_text(text).removed:
            if removal.score is not None:
                scored.append(removal)
                assert removal.reason == "outside_core", removal
                assert 0.0 <= removal.score < PLAIN_TEXT_EXTENDER_THRESHOLD
    assert [r.text for r in scored] == [other]


def test_a_removal_without_a_score_still_builds_and_round_trips() -> None:
    assert Removal("c", "ad_label", "Ad", 0).score is None
    article = Article(
        blocks=(Block("paragraph", "Kept.", 1),),
        removed=(
            Removal("keep_article_core", "outside_core", "Sign up.", 0, score=0.0412),
            Removal("remove_ad_labels", "ad_label", "Ad", 2),
        ),
    )
    data = json.loads(json.dumps(article.to_dict()))
    assert [r["score"] for r in data["removed"]] == [0.0412, None]
    assert Article.from_dict(data) == article
    for r in data["removed"]:
        del r["score"]  # JSON written before the field existed
    assert [r.score for r in Article.from_dict(data).removed] == [None, None]


@pytest.fixture
def scored_article() -> Article:
    return Article(
        blocks=(Block("paragraph", "Kept.", 1),),
        removed=(
            Removal("keep_article_core", "outside_core", "Sign up.", 0, score=0.0412),
            Removal("remove_ad_labels", "ad_label", "Ad", 2),
        ),
    )


def test_explain_shows_the_score_of_a_model_removal_only(scored_article: Article) -> None:
    lines = explain_text(scored_article).splitlines()
    assert "   0 - [outside_core · keep_article_core · p=0.04] Sign up." in lines
    assert "   2 - [ad_label · remove_ad_labels] Ad" in lines


def test_the_html_report_carries_the_score_as_data(scored_article: Article) -> None:
    page = explain_html(scored_article)
    assert 'data-reason="outside_core" data-cleaner="keep_article_core" data-score="0.0412"' in page
    assert 'data-cleaner="remove_ad_labels">' in page
    assert "outside_core p=0.04</span>" in page
