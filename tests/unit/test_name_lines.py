"""Whole-page text: the writer's name alone on its line over the story (issue 19).

``extract_core_byline``'s last search: a name-shaped line just above the article's core,
with no byline word, chosen by the fitted vote of :mod:`articlekit.name_lines` from where it
stands (next to the date line, under the headline, a role under it).
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit.name_lines import (
    NAME_FEATURES,
    NAME_MAX_WORDS,
    NameLine,
    choose_name,
    lowercase_words,
    name_lines,
    name_model,
)
from articlekit.scorer import BlockScorer
from whole_pages import menu, story

STORY = story()
HEADLINE = "Ferry timetable approved after long debate"


def _page(*over_story: str) -> str:
    return "\n".join(["Harbour News", *menu(12), HEADLINE, *over_story, *STORY, "Contact us"])


def _row(candidate: NameLine) -> dict[str, float]:
    return dict(zip(NAME_FEATURES, candidate.row, strict=True))


def test_a_name_between_the_headline_and_the_date_line_is_the_author() -> None:
    page = _page("Andrei Zakhareuski", "April 10, 2025", "5 min read")
    article = articlekit.clean_text(page)
    assert article.authors == ("Andrei Zakhareuski",)
    assert "Andrei Zakhareuski" not in article.text  # it stays out of the body, as before
    # Without the vote's step the page names nobody: no byline word, no metadata.
    without = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_text(page, pipeline=without).authors == ()


def test_a_name_with_its_role_under_it() -> None:
    article = articlekit.clean_text(_page("Chirag Bhardwaj", "Staff Writer", "Nov 14, 2025"))
    assert article.authors == ("Chirag Bhardwaj",)


def test_a_menu_entry_or_a_list_heading_over_the_story_names_nobody() -> None:
    assert articlekit.clean_text(_page("Recent Posts", "April 10, 2025")).authors == ()
    assert articlekit.clean_text(_page("Open Menu", "Latest News")).authors == ()


def test_candidates_are_name_shaped_lines_of_two_to_four_words() -> None:
    window = [
        "Menu",  # one word: a menu's or a site's, seldom a writer's
        "Related Articles",  # furniture the phrase lists know
        "Ann Lee",
        "The Harbour Council Approved Five New Ferries",  # too long for a name
        "ann lee",  # no capital
        "공유 더보기",  # no case to tell a name by
        "April 10, 2025",
    ]
    assert [c.text for c in name_lines(window, None, "en")] == ["Ann Lee"]
    assert NAME_MAX_WORDS == 4


def test_the_rows_read_where_the_line_stands() -> None:
    window = ["Ferry timetable approved", "By", "Ann Lee", "Reporter", "April 10, 2025"]
    (only,) = name_lines(window, "Ferry timetable approved", "en", [*window, "Ann Lee"])
    row = _row(only)
    assert row["prev_byline_word"] == 1.0 and row["next_role"] == 1.0
    assert row["dated_below"] == 1.0 and row["next_dated"] == 0.0
    assert row["repeated"] == 1.0 and row["words"] == 2.0
    (after_title,) = name_lines(
        ["Ferry timetable approved", "Ann Lee"], "Ferry timetable approved", "en"
    )
    assert _row(after_title)["after_title"] == 1.0 and _row(after_title)["distance"] == 0.0


def test_words_the_page_prints_in_lower_case_count_against_a_name() -> None:
    page = ["Garden Ideas", "Ann Lee", "Our garden ideas for the spring, picked by Ann."]
    assert {"garden", "ideas"} <= lowercase_words(page)
    (menu_line,) = name_lines(["Garden Ideas"], None, "en", page)
    (name,) = name_lines(["Ann Lee"], None, "en", page)
    assert _row(menu_line)["lower_elsewhere"] == 1.0 and _row(name)["lower_elsewhere"] == 0.0


def test_a_word_of_the_lexicons_furniture_phrases_counts_against_a_name() -> None:
    (section,) = name_lines(["Business Ideas"], None, "en")
    # (The lists of links and calls are read in every language: "Lee" is one of them, as
    # Spanish "lee también" is "read also".)
    (name,) = name_lines(["Jane Doe"], None, "en")
    assert _row(section)["furniture_word"] == 1.0 and _row(name)["furniture_word"] == 0.0


def test_the_best_candidate_wins_only_from_the_threshold_on() -> None:
    weights = tuple(4.0 if f == "next_dated" else 0.0 for f in NAME_FEATURES)
    model = BlockScorer(NAME_FEATURES, weights, -2.0, 0.5)
    plain = tuple(0.0 for _ in NAME_FEATURES)
    dated = tuple(1.0 if f == "next_dated" else 0.0 for f in NAME_FEATURES)
    assert choose_name([NameLine("Open Menu", 0, plain)], model) is None
    assert choose_name([NameLine("Open Menu", 0, plain), NameLine("Ann Lee", 1, dated)], model) == (
        "Ann Lee"
    )
    # A tie goes to the line nearest the core (the later one).
    tied = [NameLine("Bo Chen", 0, dated), NameLine("Ann Lee", 3, dated)]
    assert choose_name(tied, model) == "Ann Lee"
    assert choose_name([], model) is None


def test_the_shipped_model_weighs_the_rows_columns() -> None:
    model = name_model()
    assert model.features == NAME_FEATURES
    assert model.threshold == pytest.approx(0.5)
