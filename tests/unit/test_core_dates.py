"""Whole-page text: the story's date next to its core, when none was found before (issue 19).

In whole-page text the story starts far below the page's menus, and its date line often
stands unlabelled just above it; ``extract_core_dates`` reads the lines just above the
article's core, the nearest first, then the core's first lines.
"""

from __future__ import annotations

import articlekit
from articlekit.cleaners import ExtractCoreDates
from articlekit.cleaners._common import as_core
from articlekit.cleaners.dates import ABOVE_CORE_BLOCKS
from articlekit.draft import Draft
from whole_pages import menu, story

#: Sixty links and a blurb on another subject than the story's: the article's core leaves the
#: blurb out by a wide margin (the extender scores it under 0.1). With thirty links and a
#: blurb that shares the story's words ("the island's daily paper" over a story on the
#: island's ferries), the region models refitted on 2026-12-07 take it into the core (0.27,
#: the plain-text threshold being 0.15), and these tests would test that choice, not the
#: date step.
MENU = menu(60)
STORY = story(2)


#: A line of prose at the page's top: extract_dates reads unlabelled date lines only above the
#: text's first prose, so in these pages only the core's step can read them.
BLURB = "The Daily Courier has covered politics, sport and business since 1921, every morning."


def _page(*lines: str) -> str:
    return "\n".join([BLURB, *MENU, *lines, "Contact us"])


def _day(value: object) -> str | None:
    return value.date().isoformat() if value is not None else None  # type: ignore[attr-defined]


def test_a_bare_date_line_above_the_core_is_the_published_day() -> None:
    page = _page("Subscribe to our newsletter", "August 25, 2025", *STORY)
    article = articlekit.clean_text(page)
    assert _day(article.published) == "2025-08-25"
    assert "published_time_unknown" in article.date_assumptions
    assert "August 25, 2025" not in article.text
    assert BLURB not in article.text  # the pages' premise: the core starts under the menu
    without_core_step = articlekit.DEFAULT_PIPELINE.without("extract_core_dates")
    assert articlekit.clean_text(page, pipeline=without_core_step).published is None


def test_the_nearest_date_above_the_core_wins() -> None:
    page = _page("March 3, 2024", "Other story", "August 25, 2025", *STORY)
    assert _day(articlekit.clean_text(page).published) == "2025-08-25"


def test_a_byline_with_its_date_above_the_core() -> None:
    article = articlekit.clean_text(_page("By Ann Lee Published: Jan 29, 2025", *STORY))
    assert _day(article.published) == "2025-01-29"
    assert article.authors == ("Ann Lee",)


def test_an_update_is_no_publication() -> None:
    article = articlekit.clean_text(_page("By Ann Lee – Updated Sep 9, 2025", *STORY))
    assert article.published is None
    assert _day(article.updated) == "2025-09-09"


def test_a_date_too_far_above_the_core_is_not_read() -> None:
    spacer = [f"Menu link {i}" for i in range(ABOVE_CORE_BLOCKS)]
    article = articlekit.clean_text(_page("August 25, 2025", *spacer, *STORY))
    assert article.published is None


def _core(*lines: str) -> Draft:
    """A draft already cut to its core (as keep_article_core leaves one), nothing above."""
    return as_core(Draft.from_texts(list(lines)))


def test_a_date_line_among_the_cores_first_lines_leaves_the_body() -> None:
    draft = ExtractCoreDates()(_core(STORY[0], "Nov 08, 2025", *STORY[1:]))
    assert _day(draft.published) == "2025-11-08"
    assert [(r.cleaner, r.reason, r.text) for r in draft.removed] == [
        ("extract_core_dates", "timestamp", "Nov 08, 2025")
    ]
    # A byline line holding the date gives the date and stays (it is the byline's).
    draft = ExtractCoreDates()(_core("By Ann Lee | Nov 08, 2025", *STORY))
    assert _day(draft.published) == "2025-11-08"
    assert draft.removed == ()


def test_a_date_in_the_storys_sentence_is_no_date_line() -> None:
    story = [
        STORY[0],
        "The vote of 12 November 2025 was the council's last of the year.",
        *STORY[1:],
    ]
    assert articlekit.clean_text(_page(*story)).published is None


def test_the_first_lines_date_wins() -> None:
    page = "\n".join(["Published: 1 May 2025", BLURB, *MENU, "August 25, 2025", *STORY])
    assert _day(articlekit.clean_text(page).published) == "2025-05-01"


def test_nothing_happens_without_a_core_cut() -> None:
    draft = Draft.from_texts(["August 25, 2025", *STORY])
    assert ExtractCoreDates()(draft) is draft
    assert _day(ExtractCoreDates()(_core("August 25, 2025", *STORY)).published) == "2025-08-25"


def test_clean_html_is_not_changed() -> None:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    html = (
        "<html><body><nav>Home</nav><p>August 25, 2025</p><article><h1>Ferries</h1>"
        f"{story}</article></body></html>"
    )
    steps = articlekit.DEFAULT_PIPELINE.without("extract_core_dates")
    assert articlekit.clean_html(html) == articlekit.clean_html(html, pipeline=steps)
