"""Whole-page text: the title from the first line (the page's <title>) and its repeat.

Hand-written page texts, as html-text renders a page: the <title> first, then navigation, then
the headline again above the story.
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit import cleaners
from articlekit.cleaners.page_titles import page_title, page_title_candidates
from articlekit.draft import Draft

STORY = [
    "Negotiators for both countries met on Monday in Istanbul and agreed to resume the "
    "exchange of prisoners, officials said after the talks.",
    "The exchanges stopped in May, when both sides accused each other of delays, and the "
    "mediators had tried since then to bring them back to the table.",
    "A second round is planned for next month, the foreign ministry said in a statement.",
]
NAV = ["Skip to content", "The Daily Planet", "Home", "World", "Business", "Sport"]
HEADLINE = "Talks resume in Istanbul after months of delay"


def page(first: str, *, repeat: bool = True, byline: str | None = None) -> str:
    lines = [first, *NAV]
    if repeat:
        lines.append(HEADLINE)
    if byline:
        lines.append(byline)
    return "\n".join([*lines, *STORY, "© 2026 The Daily Planet", "Privacy policy"])


@pytest.mark.parametrize(
    "first",
    [
        f"{HEADLINE} | The Daily Planet",
        f"The Daily Planet | {HEADLINE}",
        f"{HEADLINE} - The Daily Planet",
        f"The Daily Planet – {HEADLINE}",
        f"{HEADLINE} — World — The Daily Planet",
        f"{HEADLINE} :: The Daily Planet",
        f"The Daily Planet » World » {HEADLINE}",
        HEADLINE,
    ],
)
def test_the_repeated_part_of_the_first_line_is_the_title(first: str):
    article = articlekit.clean_text(page(first))
    assert article.title == HEADLINE
    # The repeat near the story is what went as the title; the story is all there.
    assert [r.text for r in article.removed if r.reason == "title"] == [HEADLINE]
    assert all(p in article.text for p in STORY)


def test_the_site_repeated_as_a_logo_is_not_the_title():
    lines = page(f"{HEADLINE} | The Daily Planet").split("\n")
    candidates = {c.text: c for c in page_title_candidates(lines)}
    assert candidates["The Daily Planet"].repeat == 2  # the logo line
    assert candidates[HEADLINE].repeat == 7
    best = page_title(lines)
    assert best is not None and best.text == HEADLINE


def test_the_site_named_like_the_url_host_goes_even_without_a_repeat():
    text = page(f"{HEADLINE} | dailyplanet.com", repeat=False)
    article = articlekit.clean_text(text, url="https://www.dailyplanet.com/world/talks")
    assert article.title == HEADLINE


def test_a_byline_under_the_headline_is_read():
    article = articlekit.clean_text(page(f"{HEADLINE} | The Daily Planet", byline="By Jane Doe"))
    assert article.title == HEADLINE
    assert article.authors == ("Jane Doe",)
    assert "By Jane Doe" not in article.text


@pytest.mark.parametrize(
    "first",
    [
        "Home | News | Sport | Weather | Culture | Travel | Contact",  # a menu of many parts
        "Home",
        "Menu",
    ],
)
def test_no_title_is_invented_from_a_navigation_line(first: str):
    menu = ["News", "Sport", "Home", "Subscribe", "Sign in", "Weather", "Culture", "Travel"]
    text = "\n".join([first, *menu, *STORY])
    assert page_title(text.split("\n")) is None
    assert articlekit.clean_text(text).title is None


def test_a_first_line_of_prose_has_no_candidates():
    assert page_title_candidates([STORY[0], HEADLINE, *STORY[1:]]) == []


def test_page_metadata_wins_over_the_first_line():
    draft = Draft.from_texts([f"{HEADLINE} | The Daily Planet", HEADLINE, *STORY])
    draft = draft.replace(hints=draft.hints.__class__(title="Another title"))
    assert cleaners.get("extract_page_title")(draft).title is None


def test_the_first_line_goes_when_the_title_is_read_from_it():
    text = page(f"{HEADLINE} | dailyplanet.com", repeat=False)
    article = articlekit.clean_text(text, url="https://dailyplanet.com/a")
    assert [(r.text, r.cleaner) for r in article.removed if r.reason == "title"] == [
        (f"{HEADLINE} | dailyplanet.com", "extract_page_title")
    ]


@pytest.mark.parametrize(
    ("first", "under"),
    [
        (
            "Budget Meal Plans | Nutrition | The Daily Planet",
            "Skip directly to site content Skip directly to search",
        ),
        ("Thoughts on Zig | Sam Bossley", "Sam Bossley thoughts streams portfolio recs"),
    ],
)
def test_a_title_of_short_parts_is_no_breadcrumb(first: str, under: str):
    # Each part of the <title> is as short as a breadcrumb's items. Split at the pipes, the
    # line read as a section label over the headline-shaped line under it, and that line (a
    # skip link, the blog's menu) became the title.
    headline = first.split(" | ")[0]
    article = articlekit.clean_text("\n".join([first, under, *NAV[1:], headline, *STORY]))
    assert article.title == headline
    assert article.section is None
    assert all(p in article.text for p in STORY)
