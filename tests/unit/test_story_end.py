"""The ender: where the story stops inside a whole page's core (articlekit.regions.end_rows)."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import regions
from articlekit.draft import Draft
from articlekit.errors import BlockModelError
from articlekit.features import is_story_prose, word_count
from articlekit.regions import (
    END_FEATURES,
    RegionModel,
    article_core,
    end_rows,
    region_model,
    scored_core,
)
from articlekit.scorer import BlockScorer

P = "A sentence long enough to count as prose in this little example, truly."
STORY = [
    "The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall.",
    "The new timetable adds a boat every hour to the islands of the bay, and the harbour "
    "master said the ferries would also run late on Friday and Saturday nights in summer.",
    "Islanders had asked for more crossings for years, saying that the last boat left the "
    "mainland too early for anyone who worked a late shift at the hospital or the port.",
    "The council will pay for the extra crossings from the harbour fees, which rise by a "
    "tenth in April, and the ferry company has agreed to hire twelve more deckhands.",
    "The first boats on the new timetable sail on the first of May, the harbour master said, "
    "and the old timetable stays on the quay until the end of the month for visitors.",
]
COMMENTS = [
    ("Ann Lee", "Finally! I have waited ten years for a late boat home from my shift, thank you."),
    ("Bob", "Who pays for this? My harbour fees went up last year too and nobody asked me first."),
    (
        "Ann Lee",
        "Bob, the fees pay for it, it says so right there in the article you commented on.",
    ),
    ("Carla M", "I hope they keep the Sunday boat as well, my kids visit their gran every week."),
    ("Bob", "Twelve deckhands is nothing, they could not even crew the old timetable in August."),
    (
        "Dev",
        "Great news for the islands, but I would like to see the winter crossings improve too.",
    ),
]


def _blocks(texts: list[str]) -> tuple:
    return Draft.from_texts(texts).blocks


def _with_ender(score: float) -> RegionModel:
    """The shipped chooser and extender, with an ender that scores every place ``score``."""
    bias = -5.0 if score < 0.5 else 5.0
    ender = BlockScorer(END_FEATURES, (0.0,) * len(END_FEATURES), bias, 0.9)
    return dataclasses.replace(region_model(), ender=ender)


def test_places_are_the_first_block_of_each_gap_inside_the_core() -> None:
    blocks = _blocks([P, P, "Ann", "Reply", P, "Bob", P])
    places = end_rows(blocks, 0, 7)
    assert [pos for pos, _ in places] == [2, 5]
    assert all(len(row) == len(END_FEATURES) for _, row in places)
    # Only places inside the core, and never its first block.
    assert [pos for pos, _ in end_rows(blocks, 0, 4)] == [2]
    assert end_rows(blocks, 2, 7)[0][0] == 5


def test_a_row_sets_what_stands_before_the_place_against_what_follows() -> None:
    blocks = _blocks([STORY[0], STORY[1], "Ann Lee", COMMENTS[0][1], "Ann Lee", STORY[2]])
    (pos, row), *_ = end_rows(blocks, 0, 6)
    got = dict(zip(END_FEATURES, row, strict=True))
    assert pos == 2
    prose = [word_count(b.text) if is_story_prose(b.text) else 0 for b in blocks]
    assert prose[2] == prose[4] == 0 < prose[3]
    assert got["share_before"] == pytest.approx(sum(prose[:2]) / sum(prose))
    # Both short lines after the place repeat on the page: a thread's signatures do.
    assert got["short_repeat_after"] == 1.0 and got["short_repeat_before"] == 0.0
    assert got["blocks_after_share"] == pytest.approx(4 / 6)
    assert got["gap_sentence"] == 0.0 and got["window_seen_before"] == 0.0


def test_an_ender_cuts_the_plain_text_core_at_the_first_sure_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [*STORY, "Reply", COMMENTS[0][1], "Reply", STORY[0]]
    blocks = _blocks(texts)
    monkeypatch.setattr(regions, "_REGION_MODEL", _with_ender(0.0))
    assert scored_core(blocks, plain_text=True)[:2] == (0, 9)
    monkeypatch.setattr(regions, "_REGION_MODEL", _with_ender(1.0))
    start, end, scores = scored_core(blocks, plain_text=True)
    assert (start, end) == (0, 5)
    # The blocks cut off carry the ender's probability that the story went on.
    assert scores[5] == scores[8] == pytest.approx(1 - 1 / (1 + 2.718281828459045**-5))
    # An extractor's output keeps its core: the ender reads whole-page text only. The cleaners
    # that look for what stands at the core's edges read the core before the cut.
    assert scored_core(blocks)[:2] == article_core(blocks) == (0, 9)
    assert article_core(blocks, plain_text=True) == (0, 9)


def test_a_model_without_an_ender_is_read_and_never_cuts() -> None:
    path = resources.files("articlekit").joinpath("models/article_region.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(data["ender"]["features"]) == END_FEATURES
    older = RegionModel.from_dict({k: v for k, v in data.items() if k != "ender"})
    assert older.ender is None
    assert older == dataclasses.replace(region_model(), ender=None)


def test_an_ender_of_other_columns_is_refused() -> None:
    path = resources.files("articlekit").joinpath("models/article_region.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["ender"] = {**data["ender"], "features": ["a", *data["ender"]["features"][1:]]}
    with pytest.raises(BlockModelError, match="column 0"):
        RegionModel.from_dict(data)


def test_the_shipped_ender_tells_a_comment_thread_from_the_story_s_own_sections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A thread of comments long enough to be prose runs on from the story in one dense run,
    # which the chooser and extender alone cannot split. The ender weighs each place: the
    # story's subheadings are no end, the thread's heading and its replies are likelier ones.
    story = [p.replace("harbour", w) for w in ("harbour", "port", "quay") for p in STORY]
    texts = [
        "Harbour council approves new ferry timetable",
        *story[:5],
        "What changes for islanders",
        *story[5:10],
        "Who pays",
        *story[10:],
        "Comments",
    ]
    for name, comment in COMMENTS * 2:
        texts += [name, comment, "Reply"]
    blocks = _blocks(texts)
    ender = region_model().ender
    assert ender is not None
    monkeypatch.setattr(regions, "_REGION_MODEL", dataclasses.replace(region_model(), ender=None))
    start, end, weighed = regions._weighed_core(blocks, None, None, None, True, kept=False)
    assert start == 1 and end > texts.index("Comments") + 3
    places = end_rows(blocks, start, end, weighed=weighed)
    scores = dict(
        zip((pos for pos, _ in places), ender.scores([r for _, r in places]), strict=True)
    )
    inside = [scores[texts.index("What changes for islanders")], scores[texts.index("Who pays")]]
    thread = [s for pos, s in scores.items() if pos >= texts.index("Comments")]
    assert max(inside) < 0.1 < 0.5 < min(thread)


_LINES = st.sampled_from([P, *STORY, *(c for _, c in COMMENTS), "Reply", "Ann Lee", "Menu", ""])


@given(st.lists(_LINES, max_size=40))
def test_the_ender_only_ever_shortens_the_core_from_its_end(texts: list[str]) -> None:
    blocks = _blocks([t for t in texts if t])
    start, end, _ = scored_core(blocks, plain_text=True)
    uncut = article_core(blocks, plain_text=True)
    assert start == uncut[0] and uncut[0] <= end <= uncut[1]
    assert (start == end) == (uncut[0] == uncut[1])
