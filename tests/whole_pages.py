"""Whole-page text for the tests of the steps that read around the article's core.

A page's text as a scraper holds it: menus first, the story far below (see
``extract_core_byline``, ``extract_core_dates``, ``extract_core_title``).
"""

from __future__ import annotations

PARAGRAPHS = (
    "The harbour council approved the new ferry timetable on Monday after a long debate.",
    "Islanders had asked for earlier crossings for years, and most of their requests are met.",
    "The evening service will be reviewed after the first winter, the council said on Monday.",
    "Operators will add two boats in March, and fares stay as they are until next summer.",
)


def story(parts: int = 1) -> list[str]:
    """The story's paragraphs, ``parts`` times over (numbered: no two lines repeat).

    Two parts make a story long enough that the article's core leaves a blurb at the page's
    top out.
    """
    if parts == 1:
        return list(PARAGRAPHS)
    return [f"{p[:-1]} (part {i})." for i in range(parts) for p in PARAGRAPHS]


def menu(size: int) -> list[str]:
    """A menu of ``size`` short links, one a line."""
    return [f"Menu item {i}" for i in range(size)]
