"""Reference dates at the ends of the calendar, and relative dates past its start.

A built-in cleaner's date arithmetic overflowed (``OverflowError`` wrapped as a
``CleanerError``, which is documented for custom cleaners only); now such a date is simply not
resolved and the Article is a normal one.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import articlekit

TEXT = "\n".join(
    [
        "Harbour council approves new ferry timetable",
        "Published on May 3 | Updated 3 hours ago",
        "Negotiators from both countries met in Istanbul on Monday and agreed to resume the "
        "exchange of prisoners, officials said.",
        "Dec 31",
        "yesterday",
    ]
)

EXTREMES = [
    datetime(9999, 12, 31),
    datetime.max,
    datetime(1, 1, 1),
    datetime.min,
    datetime(9999, 12, 31, 23, 59, tzinfo=timezone.utc),
    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
    datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-5))),
]


@pytest.mark.parametrize("reference_date", EXTREMES, ids=str)
def test_an_extreme_reference_date_gives_an_article(reference_date: datetime) -> None:
    article = articlekit.clean_text(TEXT, reference_date=reference_date)
    assert "Negotiators from both countries" in article.text
    # Aware at the ends of the calendar too: UTC is attached, never converted to.
    for value in (article.published, article.updated):
        assert value is None or value.utcoffset() is not None


def test_the_end_of_the_calendar_still_resolves_a_year_less_date() -> None:
    article = articlekit.clean_text(
        "Published on May 3\nThe talks resumed in Istanbul, officials said on Monday.",
        reference_date=datetime(9999, 12, 31),
    )
    assert article.published == datetime(9999, 5, 3, tzinfo=timezone.utc)


@pytest.mark.parametrize("line", ["99999999 days ago", "9999999999 days ago"])
def test_a_relative_date_before_the_calendar_is_no_date(line: str) -> None:
    article = articlekit.clean_text(
        f"{line}\nThe talks resumed in Istanbul, officials said on Monday.",
        reference_date=datetime(2025, 1, 1),
    )
    assert article.published is None
    assert "The talks resumed" in article.text


def test_a_month_only_date_does_not_take_the_day_it_is_read_on() -> None:
    # Found on a dev page whose only date is "2007/12": published 2007-12-03 one day,
    # 2007-12-04 the next (htmldate hands "2007/12" to dateutil, which filled the day from
    # today's). Now the first of the month, whatever day it is read.
    prose = "<p>The council met on Monday to discuss the budget, and it agreed to fund it.</p>"
    page = (
        "<html><head><title>Leading the charge</title></head><body><h1>Leading the charge</h1>"
        '<span id="Article_publishDate" class="ArticleText">2007/12</span>'
        f"{prose * 6}</body></html>"
    )
    published = articlekit.clean_html(page).published
    assert published is None or (published.year, published.month, published.day) == (2007, 12, 1)


def test_htmldate_fills_a_month_only_date_from_the_first_only_inside_the_block() -> None:
    from htmldate import extractors

    from articlekit.readers.faster_trafilatura import month_only_first

    own = extractors.dateutil_parse
    with month_only_first():
        assert extractors.dateutil_parse("2007/12").date() == datetime(2007, 12, 1).date()
        with month_only_first():  # nested (another thread): still in place
            assert extractors.dateutil_parse("2011").date() == datetime(2011, 1, 1).date()
        assert extractors.dateutil_parse is not own
    assert extractors.dateutil_parse is own  # the library's own once the last block ends
