"""The article core's candidate regions and its fitted models (articlekit.regions, issue 17)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from articlekit import regions, scorer
from articlekit.draft import Draft
from articlekit.errors import BlockModelError
from articlekit.features import is_flattened_list, is_prose
from articlekit.regions import (
    MAX_REGIONS,
    REGION_FEATURES,
    SPAN_FEATURES,
    RegionModel,
    article_core,
    prose_regions,
    region_model,
    region_rows,
)
from articlekit.scorer import BlockScorer

_STORY = (
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall."
)
_OTHER = (
    "Your comment has been saved and will appear once a moderator has read it, which can "
    "take a day or two, so please do not post the same comment again in the meantime."
)
_MENU = ["Home", "News", "Sport", "Weather", "Contact", "About us", "Archive", "Search"]


def _blocks(texts: list[str]) -> tuple:
    return Draft.from_texts(texts).blocks


def test_regions_are_the_densest_runs_densest_first_and_disjoint() -> None:
    texts = [_STORY, *_MENU, _OTHER, _OTHER, *_MENU, _STORY]
    regions = prose_regions(_blocks(texts))
    assert [r[:2] for r in regions] == [(9, 11), (0, 1), (19, 20)]
    scores = [r[2] for r in regions]
    assert scores == sorted(scores, reverse=True)
    assert all(a[1] <= b[0] or b[1] <= a[0] for a in regions for b in regions if a is not b)


def test_there_are_at_most_max_regions_and_none_without_prose() -> None:
    many = [t for _ in range(MAX_REGIONS + 4) for t in (_STORY, *_MENU)]
    assert len(prose_regions(_blocks(many))) == MAX_REGIONS
    assert prose_regions(_blocks(_MENU)) == []
    assert article_core(_blocks(_MENU)) == (0, 0)


def test_a_story_cut_by_code_into_a_dozen_runs_is_one_core_in_plain_text() -> None:
    # A tutorial's paragraphs, each followed by its code: twelve runs of prose. With the six
    # densest only (the limit before), the core stopped after the sixth section.
    topics = ["harbour", "ferry", "timetable", "islands", "council", "fares"]
    topics += ["boats", "night", "spring", "operators", "pier", "tickets"]
    texts = ["Ferry timetable: the harbour council's new plan, section by section"]
    for i, topic in enumerate(topics):
        texts.append(
            f"The {topic} part of the harbour council's ferry plan changes how the boats "
            "serve the islands of the bay, and the harbour master explained the "
            f"{topic} rules to the islanders at the meeting on Monday."
        )
        texts += [f"{topic}_rate = compute({topic}, {i});", f"print({topic}_rate)"]
        texts += [f"assert {topic}_rate > {i}", f"log({topic}_rate)", f"save({topic}_rate)"]
    texts += ["Most Popular", "Ten gadgets you need this winter", "Stocks fall on rate fears"]
    blocks = _blocks(texts)
    assert len(prose_regions(blocks)) == len(topics) <= MAX_REGIONS
    start, end = article_core(blocks, plain_text=True)
    # From the first section's paragraph to the last one's: its code and the teasers stay out.
    last = texts.index(next(t for t in texts if t.startswith(f"The {topics[-1]} part")))
    assert (start, end) == (1, last + 1)


def test_the_densest_run_is_the_first_region_as_the_core_used_to_be() -> None:
    texts = ["Menu", _STORY, "Sub head", _STORY, "Teaser one", "Two"]
    assert prose_regions(_blocks(texts))[0][:2] == article_core(_blocks(texts)) == (1, 4)


def test_region_rows_say_where_the_title_stands() -> None:
    title = "Harbour council approves new ferry timetable"
    texts = [*_MENU, title, _STORY, *_MENU, *_MENU, _OTHER, _OTHER]
    blocks = _blocks(texts)
    regions = prose_regions(blocks)
    rows = [dict(zip(REGION_FEATURES, r, strict=True)) for r in region_rows(blocks, regions, title)]
    densest, story = rows
    assert densest["densest"] == 1.0 and story["densest"] == 0.0
    assert story["title_near_start"] > 0.5 > densest["title_near_start"]
    assert story["score_vs_densest"] < 1.0 == densest["score_vs_densest"]
    # Without a title given, the first block of three words or more stands for it.
    first = region_rows(_blocks([title, *texts]), prose_regions(_blocks([title, *texts])))
    assert dict(zip(REGION_FEATURES, first[1], strict=True))["has_title"] == 1.0


def test_the_core_is_the_story_under_the_title_not_a_longer_comment_form() -> None:
    # A short story under its headline, then a longer run of a comment form's prose: by words
    # alone the form is the densest run; the chooser takes the story the title announces.
    title = "Harbour council approves new ferry timetable"
    story = [_STORY, _STORY.replace("Monday", "Tuesday")]
    form = [_OTHER, _OTHER.replace("day", "week"), _OTHER.replace("comment", "reply")]
    texts = [title, *_MENU, title, *story, *_MENU, *_MENU, *form]
    blocks = _blocks(texts)
    assert prose_regions(blocks)[0][:2] == (28, 31)
    assert article_core(blocks, title=title) == (10, 12)


def test_without_the_title_the_densest_run_stays_the_core() -> None:
    texts = [*_MENU, _STORY, *_MENU, *_MENU, _OTHER, _OTHER.replace("day", "week")]
    blocks = _blocks(texts)
    assert article_core(blocks, title="Storm closes the old bridge for a week") == (25, 27)


def test_the_shipped_model_is_a_model_of_the_region_columns() -> None:
    path = resources.files("articlekit").joinpath("models/article_region.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(data["chooser"]["features"]) == REGION_FEATURES
    assert tuple(data["extender"]["features"]) == SPAN_FEATURES
    assert region_model() == RegionModel.from_dict(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "logistic"}, "kind 'article_region'"),
        ({"extender": None}, "'chooser' and an 'extender'"),
        (
            {
                "chooser": {
                    "kind": "logistic",
                    "features": ["a"],
                    "weights": [1.0],
                    "bias": 0.0,
                    "threshold": 0.5,
                }
            },
            "column 0",
        ),
    ],
)
def test_a_model_of_other_columns_or_shape_is_refused(change: dict, message: str) -> None:
    path = resources.files("articlekit").joinpath("models/article_region.json")
    data = {**json.loads(path.read_text(encoding="utf-8")), **change}
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(BlockModelError, match=message):
        RegionModel.from_dict(data)


def test_a_broken_shipped_file_is_named_not_a_key_error(monkeypatch: pytest.MonkeyPatch) -> None:
    regions._shipped_region_model.cache_clear()

    class _File:
        def joinpath(self, _name: str) -> _File:
            return self

        def read_text(self, encoding: str) -> str:
            return json.dumps({"kind": "article_region", "chooser": {}})

    monkeypatch.setattr(scorer.resources, "files", lambda _package: _File())
    try:
        with pytest.raises(BlockModelError):
            region_model()
    finally:
        regions._shipped_region_model.cache_clear()


def test_a_shipped_file_that_is_not_json_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    regions._shipped_region_model.cache_clear()

    class _File:
        def joinpath(self, _name: str) -> _File:
            return self

        def read_text(self, encoding: str) -> str:
            return '{"kind": "article_region", "chooser": '  # cut short

        def __str__(self) -> str:
            return "models/article_region.json"

    monkeypatch.setattr(scorer.resources, "files", lambda _package: _File())
    try:
        with pytest.raises(BlockModelError, match=r"article_region\.json"):
            region_model()
    finally:
        regions._shipped_region_model.cache_clear()


def _only_density() -> RegionModel:
    """Weights that take the densest run alone, as the core was found before the models."""
    chooser = BlockScorer(
        REGION_FEATURES,
        tuple(10.0 if name == "densest" else 0.0 for name in REGION_FEATURES),
        -5.0,
        0.5,
    )
    extender = BlockScorer(SPAN_FEATURES, (0.0,) * len(SPAN_FEATURES), -5.0, 0.5)
    return RegionModel(chooser, extender)


def test_a_benchmark_can_set_other_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    # Leave-one-dataset-out: the benchmark sets weights fitted without the set it scores.
    title = "Harbour council approves new ferry timetable"
    story = [_STORY, _STORY.replace("Monday", "Tuesday")]
    form = [_OTHER, _OTHER.replace("day", "week"), _OTHER.replace("comment", "reply")]
    texts = [title, *_MENU, title, *story, *_MENU, *_MENU, *form]
    assert article_core(_blocks(texts), title=title) == (10, 12)
    monkeypatch.setattr(regions, "_REGION_MODEL", _only_density())
    assert article_core(_blocks(texts), title=title) == (28, 31)


def test_the_intro_above_a_long_list_of_the_story_is_part_of_the_core() -> None:
    # A list of short lines between the intro and the body costs more than the intro's
    # words: the densest run is the body alone. The intro shares the body's words.
    title = "The ten best ferry routes of the harbour this summer"
    intro = [
        "Summer is the season of the harbour ferry, and the council's new timetable adds "
        "routes to every island of the bay, with boats leaving the harbour every hour.",
        "We tried every ferry route of the harbour timetable and ranked them, from the short "
        "hop to the lighthouse to the long crossing to the northern islands.",
    ]
    routes = [f"Route {n}: harbour to island {n}" for n in range(1, 19)]
    body = [
        f"Route {n} leaves the harbour from the east pier, and its ferry crosses the bay to "
        f"island {n} in under an hour, with a stop at the lighthouse on the way back."
        for n in range(1, 8)
    ]
    texts = [*_MENU, title, *intro, *routes, *body, *_MENU]
    blocks = _blocks(texts)
    first = len(_MENU) + 1
    assert prose_regions(blocks)[0][:2] == (first + 2 + len(routes), first + 2 + 18 + 7)
    assert article_core(blocks, title=title) == (first, first + 2 + 18 + 7)


def test_a_bulleted_list_does_not_pull_the_story_apart() -> None:
    # The same list printed with list markers costs nothing: the densest run is the whole
    # story, while a menu of as many unmarked lines still splits it.
    intro = (
        "We tried every ferry route of the harbour timetable and ranked them, from the short "
        "hop to the lighthouse to the long crossing to the northern islands."
    )
    body = [_STORY, _STORY.replace("Monday", "Tuesday")]
    marked = [f"- Route {n}: harbour to island {n}" for n in range(1, 19)]
    unmarked = [m.removeprefix("- ") for m in marked]
    first = len(_MENU)
    assert prose_regions(_blocks([*_MENU, intro, *marked, *body, *_MENU]))[0][:2] == (
        first,
        first + 1 + 18 + 2,
    )
    assert prose_regions(_blocks([*_MENU, intro, *unmarked, *body, *_MENU]))[0][:2] == (
        first + 1 + 18,
        first + 1 + 18 + 2,
    )
    # Marked lines at the edges of a run add nothing to it: it does not grow over them.
    assert prose_regions(_blocks([*marked, *body, *marked]))[0][:2] == (18, 20)


def test_a_flattened_menu_does_not_anchor_a_region() -> None:
    # A site's menu flattened into one line is long enough to pass for prose by its length;
    # by default it is not a run's prose, so the story below it is the only region.
    menu = (
        "All Audi BMW Citroen Fiat Ford Honda Hyundai Jaguar Kia Land Rover Lexus Mazda "
        "Mercedes Mini Nissan Peugeot Renault Seat Skoda Toyota Vauxhall Volkswagen Volvo "
        "Dealers Finance."
    )
    assert is_prose(menu) and is_flattened_list(menu)
    blocks = _blocks([menu, *_MENU, _STORY, _STORY.replace("Monday", "Tuesday")])
    assert [r[:2] for r in prose_regions(blocks)] == [(9, 11)]
    # A caller's own prose test still decides when given.
    assert [r[:2] for r in prose_regions(blocks, prose=is_prose)][-1] == (0, 1)


def test_plain_text_takes_in_a_run_from_its_own_lower_threshold() -> None:
    # A run the extender scores between the plain-text threshold and the model's own: left
    # out of an extractor's output, taken in on a whole page's plain text (recall first).
    from articlekit.regions import PLAIN_TEXT_EXTENDER_THRESHOLD, scored_core

    p = "A sentence long enough to count as prose in this little example, truly."
    q = "Sign up to our newsletter for the best deals on garden furniture and more, every week."
    blocks = _blocks([q, "Menu", "Home", "About", p, p, p])
    start, end, scores = scored_core(blocks)
    assert PLAIN_TEXT_EXTENDER_THRESHOLD <= scores[0] < region_model().extender.threshold
    assert (start, end) == article_core(blocks) == (4, 7)
    assert article_core(blocks, plain_text=True) == scored_core(blocks, plain_text=True)[:2]
    assert article_core(blocks, plain_text=True) == (0, 7)
