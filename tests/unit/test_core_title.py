"""Whole-page text: the headline printed above the story's core, when no title was found."""

from __future__ import annotations

import articlekit
from articlekit.cleaners import ExtractCoreTitle
from articlekit.cleaners._common import as_core
from articlekit.cleaners.titles import ABOVE_CORE_BLOCKS
from articlekit.draft import Draft
from whole_pages import menu, story

STORY = story(2)
MENU = menu(30)
#: The page's <title>, worded otherwise than the headline it prints (an SEO title).
FIRST = "New ferry timetable: what islanders get from March"
HEADLINE = "The new ferry timetable: islanders get earlier boats from March"
WITHOUT = articlekit.DEFAULT_PIPELINE.without("extract_core_title")


def _page(*lines: str, first: str = FIRST) -> str:
    return "\n".join([first, *MENU, *lines, *STORY])


def test_the_headline_above_the_core_is_the_title() -> None:
    page = _page("Local news", HEADLINE, "Image credit: Harbour Photo Agency")
    assert articlekit.clean_text(page, pipeline=WITHOUT).title is None
    article = articlekit.clean_text(page)
    assert article.title == HEADLINE
    assert HEADLINE not in article.text


def test_lines_that_say_something_else_are_no_title() -> None:
    for line in (
        "Image credit: Harbour Photo Agency",  # not the <title>'s words
        "10 min read",
        "The council approved a timetable",  # a fifth of its words in the <title>
        "By Ann Lee",  # a byline
        "New ferry timetable, March 3, 2025",  # a date line
        "Ferry timetable",  # too short
    ):
        assert articlekit.clean_text(_page(line)).title is None, line


def test_a_headline_too_far_above_the_core_is_no_title() -> None:
    spacer = [f"Menu link {i}" for i in range(ABOVE_CORE_BLOCKS)]
    assert articlekit.clean_text(_page(HEADLINE, *spacer)).title is None


def test_a_title_found_before_stays() -> None:
    page = _page(HEADLINE, first=f"{HEADLINE} | Harbour News")
    assert articlekit.clean_text(page).title == HEADLINE
    assert articlekit.clean_text(page).title == articlekit.clean_text(page, pipeline=WITHOUT).title


def test_nothing_happens_without_a_core_cut() -> None:
    draft = Draft.from_texts([FIRST, HEADLINE, *STORY]).remove(
        {0: "outside_core", 1: "outside_core"}, cleaner="keep_article_core"
    )
    assert ExtractCoreTitle()(draft) is draft
    assert ExtractCoreTitle()(as_core(draft)).title == HEADLINE
