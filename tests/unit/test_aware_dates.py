"""Every Article date is timezone-aware, and what the page did not say is recorded (issue 19).

A date the page gave without a zone gets UTC attached to its wall-clock time (never converted:
the calendar day stays); a date with a zone keeps its offset; a day without a time is at 00:00.
``Article.date_assumptions`` names each assumption with a code of ``DATE_ASSUMPTIONS``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

import pytest

import articlekit
from articlekit.article import DATE_ASSUMPTIONS, Article, stated_dates
from articlekit.cleaners.metadata import ApplyPageMetadata
from articlekit.draft import Draft, Hints
from articlekit.errors import InputError

PARA = "Negotiators from both countries met in Istanbul on Monday, officials said."
KYIV = timezone(timedelta(hours=2))


def test_the_codes_are_the_documented_four_in_order() -> None:
    assert DATE_ASSUMPTIONS == (
        "published_zone_assumed",
        "published_time_unknown",
        "updated_zone_assumed",
        "updated_time_unknown",
    )


def test_a_naive_date_gets_utc_attached_not_converted() -> None:
    published, updated, codes = stated_dates(datetime(2025, 11, 16, 23, 30), None)
    assert published == datetime(2025, 11, 16, 23, 30, tzinfo=timezone.utc)
    assert updated is None
    assert codes == ("published_zone_assumed",)


def test_an_aware_date_keeps_its_own_offset() -> None:
    # 00:30 in Kyiv is the 15th in UTC: converting would move the day the readers saw.
    value = datetime(2025, 11, 16, 0, 30, tzinfo=KYIV)
    published, _, codes = stated_dates(value, None)
    assert published is value
    assert published.utcoffset() == timedelta(hours=2) and published.day == 16
    assert codes == ()


def test_a_day_only_date_says_the_time_is_unknown() -> None:
    _, _, codes = stated_dates(datetime(2025, 11, 16), None, published_day_only=True)
    assert codes == ("published_zone_assumed", "published_time_unknown")
    aware = datetime(2025, 11, 16, tzinfo=KYIV)
    assert stated_dates(aware, None, published_day_only=True)[2] == ("published_time_unknown",)


def test_updated_has_its_own_codes_after_published_ones() -> None:
    published, updated, codes = stated_dates(
        datetime(2025, 11, 16, 9, 0),
        datetime(2025, 11, 17),
        published_day_only=False,
        updated_day_only=True,
    )
    assert published is not None and published.tzinfo is timezone.utc
    assert updated == datetime(2025, 11, 17, tzinfo=timezone.utc)
    assert codes == ("published_zone_assumed", "updated_zone_assumed", "updated_time_unknown")


def test_a_tzinfo_without_an_offset_is_naive() -> None:
    class NoOffset(tzinfo):
        def utcoffset(self, dt: datetime | None) -> None:
            return None

    value = datetime(2025, 11, 16, 9, 0, tzinfo=NoOffset())
    published, _, codes = stated_dates(value, None)
    assert published == datetime(2025, 11, 16, 9, 0, tzinfo=timezone.utc)
    assert codes == ("published_zone_assumed",)


def test_to_article_is_where_the_draft_dates_get_their_zone() -> None:
    draft = Draft(
        published=datetime(2025, 11, 16),
        published_day_only=True,
        updated=datetime(2025, 11, 17, 8, 15, tzinfo=KYIV),
    )
    article = draft.to_article()
    assert article.published == datetime(2025, 11, 16, tzinfo=timezone.utc)
    assert article.updated == datetime(2025, 11, 17, 8, 15, tzinfo=KYIV)
    assert article.date_assumptions == ("published_zone_assumed", "published_time_unknown")
    assert Draft().to_article().date_assumptions == ()


@pytest.mark.parametrize(
    ("value", "expected", "codes"),
    [
        # htmldate's form: a day.
        (
            "2025-11-16",
            "2025-11-16T00:00:00+00:00",
            ("published_zone_assumed", "published_time_unknown"),
        ),
        ("2025-11-16T00:00:00", "2025-11-16T00:00:00+00:00", ("published_zone_assumed",)),
        ("2025-11-16T09:30:00+02:00", "2025-11-16T09:30:00+02:00", ()),
        (datetime(2025, 11, 16, 9, 30), "2025-11-16T09:30:00+00:00", ("published_zone_assumed",)),
    ],
)
def test_page_metadata_dates(value: str | datetime, expected: str, codes: tuple[str, ...]) -> None:
    draft = ApplyPageMetadata()(Draft.from_texts([PARA], hints=Hints(published=(value,))))
    article = draft.to_article()
    assert article.published is not None and article.published.isoformat() == expected
    assert article.date_assumptions == codes


def test_page_metadata_updated_day_only() -> None:
    draft = ApplyPageMetadata()(Draft.from_texts([PARA], hints=Hints(updated=("2025-11-17",))))
    assert draft.to_article().date_assumptions == ("updated_zone_assumed", "updated_time_unknown")


@pytest.mark.parametrize(
    ("text", "published", "updated", "codes"),
    [
        (
            f"Published: 16 November 2025, 10:30 GMT\n{PARA}",
            "2025-11-16T10:30:00+00:00",
            None,
            (),
        ),
        (
            f"Published 2 March 2024 | Updated 3 March 2024 09:00\n{PARA}",
            "2024-03-02T00:00:00+00:00",
            "2024-03-03T09:00:00+00:00",
            ("published_zone_assumed", "published_time_unknown", "updated_zone_assumed"),
        ),
        (
            f"Published: 16.11.2025, 23:45 Uhr\n{PARA}",
            "2025-11-16T23:45:00+00:00",
            None,
            ("published_zone_assumed",),
        ),
        (
            f"KYIV, Nov 16 (Reuters) - {PARA}",
            "2025-11-16T00:00:00+00:00",
            None,
            ("published_zone_assumed", "published_time_unknown"),
        ),
    ],
)
def test_clean_text_dates(
    text: str, published: str, updated: str | None, codes: tuple[str, ...]
) -> None:
    article = articlekit.clean_text(text, reference_date=datetime(2025, 11, 20))
    assert article.published is not None and article.published.isoformat() == published
    assert (article.updated.isoformat() if article.updated else None) == updated
    assert article.date_assumptions == codes


def test_an_article_refuses_a_naive_date() -> None:
    with pytest.raises(InputError, match="published must be timezone-aware"):
        Article(published=datetime(2025, 11, 16))
    with pytest.raises(InputError, match="updated must be timezone-aware"):
        Article(updated=datetime(2025, 11, 16))


def test_an_article_refuses_an_unknown_code() -> None:
    with pytest.raises(InputError, match="unknown date assumptions"):
        Article(date_assumptions=("zone_guessed",))


def test_dict_round_trip_keeps_offsets_and_codes() -> None:
    article = Article(
        published=datetime(2025, 11, 16, tzinfo=timezone.utc),
        updated=datetime(2025, 11, 16, 14, 5, tzinfo=KYIV),
        date_assumptions=("published_zone_assumed", "published_time_unknown"),
    )
    data = article.to_dict()
    assert data["published"] == "2025-11-16T00:00:00+00:00"
    assert data["updated"] == "2025-11-16T14:05:00+02:00"
    assert data["date_assumptions"] == ["published_zone_assumed", "published_time_unknown"]
    assert list(data).index("date_assumptions") == list(data).index("updated") + 1
    back = Article.from_dict(data)
    assert back == article
    assert back.updated is not None and back.updated.utcoffset() == timedelta(hours=2)


def test_from_dict_of_an_older_articlekit_attaches_utc() -> None:
    old = {"published": "2025-11-16T10:30:00", "updated": "2025-11-17T08:00:00+01:00"}
    article = Article.from_dict(old)
    assert article.published == datetime(2025, 11, 16, 10, 30, tzinfo=timezone.utc)
    assert article.updated is not None and article.updated.utcoffset() == timedelta(hours=1)
    assert article.date_assumptions == ("published_zone_assumed",)
    assert Article.from_dict({}).date_assumptions == ()


@pytest.mark.parametrize(
    ("value", "match"),
    [
        (["published_zone_assumed", "zone_guessed"], "unknown date assumptions"),
        ("published_zone_assumed", "must be a list of codes"),
        ([1], "must be a list of codes"),
        (None, "must be a list of codes"),
    ],
)
def test_from_dict_checks_the_codes(value: object, match: str) -> None:
    with pytest.raises(InputError, match=match):
        Article.from_dict({"date_assumptions": value})


def test_from_dict_with_codes_refuses_a_naive_date() -> None:
    # A dict that has the key is of this articlekit: a naive date in it is malformed.
    with pytest.raises(InputError, match="published must be timezone-aware"):
        Article.from_dict({"published": "2025-11-16T10:30:00", "date_assumptions": []})
