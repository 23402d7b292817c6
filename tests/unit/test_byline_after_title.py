"""Whole-page text: the byline under the headline, deep below the page's menus (issue 19)."""

from __future__ import annotations

import articlekit
from articlekit.cleaners.bylines import AFTER_TITLE_BLOCKS, TOP_BLOCKS

MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Travel", "Opinion", "Video"]
STORY = [
    "The harbour council approved the new ferry timetable on Monday after a long debate.",
    "Islanders had asked for earlier crossings for years, and most of their requests are met.",
    "The evening service will be reviewed after the first winter, the council said on Monday.",
]


def _page(*under_headline: str) -> str:
    lines = [
        "Ferry timetable approved after long debate | Harbour News",
        *MENU,
        "Subscribe to our newsletter",
        "Ferry timetable approved after long debate",
        *under_headline,
        *STORY,
        "© 2025 Harbour News",
    ]
    assert lines.index("Ferry timetable approved after long debate") > TOP_BLOCKS
    return "\n".join(lines)


def test_the_byline_under_a_deep_headline_names_the_author() -> None:
    article = articlekit.clean_text(_page("By Jane Doe"))
    assert article.title == "Ferry timetable approved after long debate"
    assert article.authors == ("Jane Doe",)
    assert "By Jane Doe" not in article.text
    assert [r.reason for r in article.removed if r.text == "By Jane Doe"] == ["byline"]


def test_only_a_labelled_byline_so_deep() -> None:
    # "Jane Doe | Reporter" reads as a byline only at the top of a text: under a deep
    # headline, a name without a byline word is no byline for extract_byline...
    page = _page("Jane Doe | Reporter")
    without_core_step = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_text(page, pipeline=without_core_step).authors == ()
    # ...but it stands right above the story's core, where extract_core_byline reads the
    # lines the core left out as the top of a text (see test_core_byline.py).
    assert articlekit.clean_text(page).authors == ("Jane Doe",)


def test_a_byline_further_below_the_headline_is_not_read() -> None:
    filler = [
        f"Paragraph {i} of the story, long enough to read as the article's prose."
        for i in range(AFTER_TITLE_BLOCKS)
    ]
    page = _page(*filler, "By Jane Doe")
    without_core_step = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_text(page, pipeline=without_core_step).authors == ()
    # Among the first lines of the story's core, extract_core_byline reads it; deeper in
    # the story it is no byline there either (test_core_byline.py).
    article = articlekit.clean_text(page)
    assert article.authors == ("Jane Doe",)
    assert [(r.cleaner, r.reason) for r in article.removed if r.text == "By Jane Doe"] == [
        ("extract_core_byline", "byline")
    ]


def test_a_bare_byline_word_takes_the_next_line_as_the_name() -> None:
    article = articlekit.clean_text(_page("By", "Jane Doe", "Updated 4 December 2025"))
    assert article.authors == ("Jane Doe",)
    assert [r.text for r in article.removed if r.reason == "byline"] == ["By", "Jane Doe"]


def test_the_headlines_repeat_is_the_anchor_when_the_title_came_from_the_first_line() -> None:
    # The first line is the page's <title>: the title is read from it; the headline printed
    # above the story is still a line of the text, and the byline stands under it.
    lines = [
        "Ferry timetable approved after long debate - Harbour News",
        *MENU,
        "Subscribe to our newsletter",
        "Local news",
        "Ferry timetable approved after long debate",
        "Written by Jane Doe",
        *STORY,
    ]
    article = articlekit.clean_text("\n".join(lines))
    assert article.title == "Ferry timetable approved after long debate"
    assert article.authors == ("Jane Doe",)


def test_a_name_over_the_storys_date_line_is_the_byline() -> None:
    article = articlekit.clean_text(_page("Andrew King", "September 4, 2025"))
    assert article.authors == ("Andrew King",)
    assert article.published is not None and article.published.date().isoformat() == "2025-09-04"
    # Without the date line under it, a name alone so deep is no byline for extract_byline's
    # rule; the fitted vote of extract_core_byline (articlekit.name_lines) reads a name
    # alone right under the headline as the writer's, which it was on the dev pages.
    without_vote = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_text(_page("Andrew King"), pipeline=without_vote).authors == ()
    assert articlekit.clean_text(_page("Andrew King")).authors == ("Andrew King",)


def test_a_menu_line_over_the_pages_date_is_no_byline() -> None:
    # Old news portals print the day's date under their menus, far above the story: the
    # menu's last line stands over a date line as a byline would under a headline.
    lines = [
        "Ferry timetable approved after long debate | Harbour News",
        "Home",
        "Submit News Item",
        "January 8, 2008",
        *MENU[1:],
        "Ferry timetable approved after long debate",
        *STORY,
        "© 2025 Harbour News",
    ]
    article = articlekit.clean_text("\n".join(lines))
    assert article.title == "Ferry timetable approved after long debate"
    assert article.authors == ()
    # The same line under the headline, over the story's date, is the writer's name.
    under = articlekit.clean_text(
        "\n".join(["Ferry timetable approved", "Andrew King", "January 8, 2008", *STORY])
    )
    assert under.authors == ("Andrew King",)
