"""Authors with precision (issue 19): roles, interface words and dates never in ``authors``.

Hand-written bylines and pages: a role after a name, a role alone, a name and its role
without a byline word, agencies kept as organisations, several authors split, a bio and the
labels of buttons next to a name.
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit import Contributor
from articlekit.bylines import (
    credits_only_a_role,
    is_role,
    parse_byline,
    parse_contributors,
    reads_as_byline,
)
from articlekit.lexicon import for_language

EN = for_language("en")

_TITLE = "Bridge to close for a year"
_STORY = (
    "The city council voted on Monday to close the old bridge for repairs that will take "
    "most of the coming year, officials said after a long and heated public meeting."
)
_MORE = (
    "Residents who cross the river every day will have to use the ferry or drive round by "
    "the northern road, which adds about twenty minutes to the trip each way."
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Tom Krisher, AP Auto Writer", ("Tom Krisher",)),
        ("By Jane Doe, Staff Writer", ("Jane Doe",)),
        ("By Ann Lee ⋅ Senior Review Analyst ⋅ Updated March 5, 2025", ("Ann Lee",)),
        ("Jane Doe | Reporter", ("Jane Doe",)),
        ("By Jane Doe Follow", ("Jane Doe",)),
        ("By Jane Doe Share", ("Jane Doe",)),
        ("Posted by Colin Wade on 2025-12-18 in releases. Tags: debian", ("Colin Wade",)),
        ("Story by kirstin boatto", ("kirstin boatto",)),
        ("By: whova", ("whova",)),
        ("By Ann Lee and Bo Chen", ("Ann Lee", "Bo Chen")),
        ("By Ann Lee, Bo Chen and Cy Diaz", ("Ann Lee", "Bo Chen", "Cy Diaz")),
        ("By Jane Doe | May 3, 2025", ("Jane Doe",)),
        ("Staff Writer", ()),
        ("The Author", ()),
        ("by the end of the year", ()),
        ("by hand", ()),
        # A surname that spells a degree is a surname when written as a name; a degree run
        # into a name is written as one.
        ("By: Rui Ma, Heba Ledwon", ("Rui Ma", "Heba Ledwon")),
        ("By Yo-Yo Ma", ("Yo-Yo Ma",)),
        ("By Anh Do", ("Anh Do",)),
        ("By Jane Doe MA", ("Jane Doe",)),
        ("By Jane Doe PhD", ("Jane Doe",)),
        ("By Jane Doe M.A.", ("Jane Doe",)),
        # A label's lower-case rest names nobody when it starts with a function word.
        ("Authors of this article:", ()),
        # A user name holds a letter: after a byline word, a year or a time is no one.
        ("Written by 2025 – Finding the Turbo Button", ()),
        ("By: 11.30", ()),
        ("Words by aawoods", ("aawoods",)),
        # Several people share one role in the plural; a role of two subjects is one role.
        ("By Ann Lee and Bo Chen, Staff Writers", ("Ann Lee", "Bo Chen")),
        ("By Ann Lee, Health and Science Reporter", ("Ann Lee",)),
        ("By Ann Lee, Food & Drink Editor", ("Ann Lee",)),
        ("By Ann Lee, Reporter and Editor", ("Ann Lee",)),
        ("By Ann Lee, Bo Chen and Cy Dunn, Correspondents", ("Ann Lee", "Bo Chen", "Cy Dunn")),
        # A link's or a form's label is nobody, between the separators or run into a name.
        ("by Ann Lee | @annlee | Comment | March 5, 2025", ("Ann Lee",)),
        ("Author Name:", ()),
        ("5 March 2025 by Bo Chen Discuss (0)", ("Bo Chen",)),
        ("By Cy Dunn Email", ("Cy Dunn",)),
        ("Von Ann Lee | Kommentar", ("Ann Lee",)),
        # An outlet run into the name is the writer's employer, as after a comma; an outlet's
        # acronym in a role run into the name goes with the role.
        ("By Ann Lee BBC Sport", ("Ann Lee", "BBC")),
        ("By Ann Lee, BBC", ("Ann Lee", "BBC")),
        ("By BO CHEN Associated Press", ("Bo Chen", "Associated Press")),
        ("By Cy Dunn AP Sports Writer", ("Cy Dunn",)),
        ("By Michael R. Bloomberg", ("Michael R. Bloomberg",)),
        ("By Ann Lee Education reporter BBC News", ("Ann Lee",)),
        # A date split by the separators is a date, and a month's name alone a name.
        ("Written By: Ann Lee - Nov• 06•12", ("Ann Lee",)),
        ("By Ann Lee • Jan • Bo Chen", ("Ann Lee", "Jan", "Bo Chen")),
    ],
)
def test_only_names_are_authors(raw, expected):
    assert tuple(n.casefold() for n in parse_byline(raw)) == tuple(n.casefold() for n in expected)


def test_a_pen_name_with_a_title_word_stays():
    # One word and a title is a pen name, not a role: "Rasender Reporter" signs the page.
    assert parse_byline("Rasender Reporter", trusted=True) == ("Rasender Reporter",)


def test_a_name_run_into_its_role_keeps_the_name():
    assert parse_byline("Rachel Moore Writer") == ("Rachel Moore",)


def test_an_agency_is_an_organisation_and_the_reporters_employer():
    credited = parse_contributors("By Ann Lee and Bo Chen | Reuters")
    assert credited == (
        Contributor("Ann Lee", organisation="Reuters"),
        Contributor("Bo Chen", organisation="Reuters"),
        Contributor("Reuters", kind="organisation"),
    )


def test_roles_are_not_names():
    assert [is_role(t) for t in ("Staff Writer", "AP Auto Writer", "Political Correspondent")] == [
        True,
        True,
        True,
    ]
    assert [is_role(t) for t in ("Jane Doe", "Podium Staff", "Reuters")] == [False, False, False]
    # The plural of a role is a role; a name ending in "s" is not one ("Jane Roberts").
    assert [is_role(t) for t in ("Staff Writers", "Editors", "Jane Roberts", "Bus")] == [
        True,
        True,
        False,
        False,
    ]


def test_a_byline_of_a_role_alone_is_a_byline_naming_nobody():
    assert credits_only_a_role("By Staff Reporter", EN)
    assert not credits_only_a_role("By Ann Lee", EN)
    article = articlekit.clean_text(f"{_TITLE}\nBy Staff Reporter\n{_STORY}\n{_MORE}")
    assert article.authors == ()
    assert "By Staff Reporter" not in article.text


def test_a_name_and_its_role_read_as_a_byline_above_the_story_only():
    assert reads_as_byline("Jane Doe | Reporter", EN)
    assert reads_as_byline("Jane Doe, Staff Writer", EN)
    assert not reads_as_byline("Jane Doe | Reporter", EN, unlabelled=False)
    assert not reads_as_byline("– Jane Doe, Editor", EN)  # signs a quote
    assert not reads_as_byline("Jane Doe is a reporter covering city hall.", EN)


def test_plain_text_byline_with_a_role_and_no_byline_word():
    article = articlekit.clean_text(f"{_TITLE}\nJane Doe | Reporter\n{_STORY}\n{_MORE}")
    assert article.authors == ("Jane Doe",)
    assert "Jane Doe | Reporter" not in article.text
    assert article.text.startswith("The city council")


def test_a_bio_at_the_end_gives_no_author_and_goes():
    text = f"{_TITLE}\nBy Jane Doe\n{_STORY}\n{_MORE}\nJane Doe is a reporter covering city hall."
    article = articlekit.clean_text(text)
    assert article.authors == ("Jane Doe",)
    assert "covering city hall" not in article.text


def test_html_byline_with_role_tail_and_interface_words():
    page = (
        "<html><head><title>Bridge to close</title></head><body><article>"
        "<h1>Bridge to close for a year</h1>"
        "<p>By Tom Krisher, AP Auto Writer</p>"
        f"<p>{_STORY}</p><p>{_MORE}</p></article></body></html>"
    )
    article = articlekit.clean_html(page)
    assert article.authors == ("Tom Krisher",)
    assert "AP Auto Writer" not in article.text


def test_a_byline_first_is_no_title_but_the_byline() -> None:
    # Plain text whose first line credits the story: the byline cleaner's, never the title.
    para = (
        "The harbour council approved the new ferry timetable on Monday after a debate that "
        "lasted well into the night, officials said on the steps of the town hall."
    )
    article = articlekit.clean_text(f"Jane Doe | Reporter\n\n{para}\n\nThe islanders cheered.")
    assert article.title is None
    assert article.authors == ("Jane Doe",)
    assert [r.reason for r in article.removed] == ["byline"]


def test_a_headline_opening_with_a_byline_word_is_still_the_title() -> None:
    para = (
        "Die Autorin verwebt in ihrem neuen Buch die Geschichten ihrer Vorfahren mit den "
        "Orten, an denen sie gelebt haben, und liest daraus am Abend in der Stadtbibliothek."
    )
    article = articlekit.clean_text(f"Vom Boden aus gedacht\n\n{para}\n\n{para[:80]}.")
    assert article.title == "Vom Boden aus gedacht"


def test_a_label_over_a_list_of_authors_adds_no_author():
    # A research article's "Authors of this article:" heading under its byline.
    text = (
        f"{_TITLE}\n\nby Ann Lee, Bo Chen\n\nAuthors of this article:\n\n"
        f"Ann Lee, PhD; Bo Chen, MS\n\n{_STORY}\n\n{_MORE}"
    )
    assert articlekit.clean_text(text).authors == ("Ann Lee", "Bo Chen")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        # The stop is an abbreviation's: a generational suffix, a credential, an initial.
        ("By Perry Bacon Jr.", True),
        ("By LISA SANDERS, M.D.", True),
        ("By Ann Lee, PhD.", True),
        ("By Ann J.", True),
        # A sentence's stop: prose, or a photo credit closing a caption.
        ("By then it was over.", False),
        ("By Chris Amini.", False),
    ],
)
def test_a_byline_ending_in_an_abbreviation_is_no_sentence(line: str, byline: bool) -> None:
    assert reads_as_byline(line, EN) is byline


def test_a_byline_over_the_date_line_is_not_credited_twice() -> None:
    # "By Ann Lee." ends in a stop, so it does not read as a byline line; over the story's
    # date line it still credits the story, and its own "By" is not doubled ("By By Ann Lee."
    # gave the author "By Ann Lee").
    text = f"{_TITLE}\nBy Ann Lee.\nPublished November 8, 2023\n{_STORY}\n{_MORE}"
    article = articlekit.clean_text(text)
    assert article.authors == ("Ann Lee",)
    assert "By Ann Lee." not in article.text
