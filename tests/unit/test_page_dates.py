"""The publication-day vote: what each source names, what the rows say, what the vote picks."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources

import pytest
from lxml import html as lxml_html

import articlekit
from articlekit.draft import DraftBlock
from articlekit.errors import BlockModelError
from articlekit.readers import page_dates
from articlekit.readers.page_dates import (
    DATE_FEATURES,
    DATE_SOURCES,
    DayCandidate,
    choose_day,
    date_model,
    day_candidates,
    markup_date_model,
    url_day,
)
from articlekit.scorer import BlockScorer

STORY = (
    "<p>The harbour council approved the new ferry timetable on Monday after a debate that "
    "lasted well into the night, officials said on the steps of the town hall.</p>"
    "<p>The new timetable adds a boat every hour to the islands of the bay, and the harbour "
    "master said the ferries would also run late on Friday and Saturday nights.</p>"
    "<p>Fares stay the same until the spring, when the council will look at them again, "
    "and season tickets bought before then keep their price for the whole year.</p>"
)


def _tree(head: str = "", body: str = STORY) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def _candidates(tree: lxml_html.HtmlElement, **kwargs: object) -> dict[str, DayCandidate]:
    args: dict[str, object] = {
        "htmldate_day": None,
        "url": None,
        "span": None,
        "language": "en",
        "reference_date": None,
    }
    args.update(kwargs)
    page = kwargs.pop("page", ())
    args.pop("page", None)
    found = day_candidates(tree, page, **args)  # type: ignore[arg-type]
    return {c.day.isoformat(): c for c in found}


def _column(candidate: DayCandidate, name: str) -> float:
    return candidate.row[DATE_FEATURES.index(name)]


def test_each_source_names_its_day() -> None:
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "datePublished": "2025-11-16T10:30:00+01:00",
            "dateModified": "2025-12-04T08:00:00Z",
            "dateCreated": "2025-11-15",
        }
    )
    head = (
        f"<script type='application/ld+json'>{ld}</script>"
        "<meta property='article:published_time' content='2025-11-16T09:30:00Z'>"
        "<meta property='article:modified_time' content='2025-12-04'>"
    )
    body = (
        "<time datetime='2025-11-14'>Friday</time>"
        "<span itemprop='datePublished' content='2025-11-16'></span>"
        "<time class='entry-published' datetime='2025-11-16T10:30'>16 Nov</time>" + STORY
    )
    got = _candidates(
        _tree(head, body), htmldate_day="2025-11-16", url="https://x.org/2025/11/13/ferry.html"
    )
    assert got["2025-11-16"].sources == (
        "htmldate",
        "json_ld_published",
        "meta_published",
        "itemprop_published",
        "time_published",
    )
    assert got["2025-12-04"].sources == ("json_ld_modified", "meta_modified")
    assert got["2025-11-15"].sources == ("json_ld_created",)
    assert got["2025-11-14"].sources == ("time_first",)
    assert got["2025-11-13"].sources == ("url",)
    # One column per source, set where the source names the day.
    for day, candidate in got.items():
        for source in DATE_SOURCES:
            assert _column(candidate, f"from_{source}") == (source in candidate.sources), day
    assert _column(got["2025-12-04"], "latest") == 1.0
    assert _column(got["2025-11-13"], "earliest") == 1.0
    assert _column(got["2025-11-16"], "sources") == 5 / 4


def test_a_timestamp_names_the_day_of_its_own_zone() -> None:
    # 01:30 on the 17th in Berlin is the 16th in UTC: the page's readers saw the 17th.
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2025-11-17T01:30:00+01:00"})
    got = _candidates(_tree(f"<script type='application/ld+json'>{ld}</script>"))
    assert list(got) == ["2025-11-17"]


def test_no_day_after_the_reference_date_and_none_before_1990() -> None:
    head = (
        "<meta property='article:published_time' content='2026-03-01'>"
        "<meta property='article:modified_time' content='1970-01-01'>"
    )
    got = _candidates(_tree(head), reference_date=datetime(2025, 12, 1))
    assert got == {}
    assert list(_candidates(_tree(head))) == ["2026-03-01"]  # no reference: no future bound


def test_printed_days_and_where_the_page_prints_them() -> None:
    page = (
        DraftBlock(0, "Home News Sport"),
        DraftBlock(1, "Archive: 2 March 2019"),
        DraftBlock(2, "Harbour council approves the ferry timetable"),
        DraftBlock(3, "By Jane Doe | Last updated: 4 December 2025, 10:30"),
        DraftBlock(4, "The harbour council approved the new ferry timetable on Monday " * 4),
        DraftBlock(5, "Posted 4 December 2025"),
        DraftBlock(6, "3 hours ago"),
    )
    got = _candidates(_tree(), page=page, span=(4, 5), htmldate_day="2025-11-16")
    assert set(got) == {"2019-03-02", "2025-12-04", "2025-11-16"}
    archive, shown, found = got["2019-03-02"], got["2025-12-04"], got["2025-11-16"]
    assert _column(archive, "printed_first") == 1.0
    assert _column(archive, "printed_near_body") == 1.0  # 3 blocks above the body
    assert _column(shown, "printed") == 1.0
    assert _column(shown, "printed_times") == 2 / 3
    assert _column(shown, "printed_first") == 0.0
    assert shown.sources == ()  # printed only
    assert _column(found, "printed") == 0.0
    # The long line (prose) and the relative date print no day.
    far = _candidates(_tree(), page=page, span=(40, 50))
    assert _column(far["2025-12-04"], "printed_near_body") == 0.0


def test_a_page_printing_hundreds_of_dates_is_read_to_a_bound() -> None:
    page = tuple(
        DraftBlock(i, f"{1 + i % 28} March {1991 + i // 28}") for i in range(400)
    )  # an archive's calendar
    got = day_candidates(
        _tree(), page, htmldate_day=None, url=None, span=None, language="en", reference_date=None
    )
    # Only the first printed days are candidates of their own; the rest are read to count.
    assert [c.day for c in got] == [date(1991, 3, 1), date(1991, 3, 2), date(1991, 3, 3)]


def test_url_day_forms() -> None:
    assert url_day("https://x.org/2025/11/16/a") == date(2025, 11, 16)
    assert url_day("https://x.org/news/2025-1-6-ferry") == date(2025, 1, 6)
    assert url_day("https://x.org/story_20251116.html") == date(2025, 11, 16)
    assert url_day("https://x.org/2025/13/40/a") is None  # no such day
    assert url_day("https://x.org/2025/a") is None
    assert url_day(None) is None


def _scorer(**weights: float) -> BlockScorer:
    return BlockScorer(DATE_FEATURES, tuple(weights.get(f, 0.0) for f in DATE_FEATURES), 0.0, 0.5)


def test_the_vote_weighs_the_rows_and_keeps_the_first_of_equals() -> None:
    zero = (0.0,) * len(DATE_FEATURES)
    printed = tuple(1.0 if f == "printed" else 0.0 for f in DATE_FEATURES)
    one, two = DayCandidate(date(2025, 1, 2), zero), DayCandidate(date(2025, 1, 3), printed)
    assert choose_day([one, two], _scorer(printed=2.0)) == date(2025, 1, 3)
    assert choose_day([one, two], _scorer(printed=-2.0)) == date(2025, 1, 2)
    assert choose_day([one, two], _scorer()) == date(2025, 1, 2)  # equal: the first named
    assert choose_day([], _scorer()) is None


def test_the_shipped_vote_keeps_an_agreed_day_and_reads_the_shown_one() -> None:
    # Every source agrees: that day.
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2025-11-16"})
    agreed = day_candidates(
        _tree(f"<script type='application/ld+json'>{ld}</script>"),
        (DraftBlock(0, "16 November 2025"),),
        htmldate_day="2025-11-16",
        url=None,
        span=(1, 3),
        language="en",
        reference_date=None,
    )
    assert choose_day(agreed) == date(2025, 11, 16)
    # htmldate's day is printed nowhere; the page prints one day only, just above its body,
    # and its JSON-LD names that day as a modification: the shown day. (A property of the
    # fitted weights: a refit that changes it says so here.)
    ld = json.dumps({"@type": "NewsArticle", "dateModified": "2025-12-04"})
    shown = day_candidates(
        _tree(f"<script type='application/ld+json'>{ld}</script>"),
        (DraftBlock(0, "Menu"), DraftBlock(1, "4 December 2025")),
        htmldate_day="2019-05-01",
        url=None,
        span=(2, 9),
        language="en",
        reference_date=None,
    )
    assert choose_day(shown) == date(2025, 12, 4)


def test_the_shipped_model_is_a_model_of_the_columns() -> None:
    data = json.loads(
        resources.files("articlekit").joinpath("models/published_date.json").read_text("utf-8")
    )
    assert data["features"] == list(DATE_FEATURES)
    assert date_model().features == DATE_FEATURES


def test_the_markup_model_is_fitted_where_htmldate_and_the_body_are_absent() -> None:
    # read_metadata weighs no htmldate day and knows no body: fitted on its own candidates,
    # the two columns that are always 0 there get no weight (the clean_html model leans on
    # htmldate's day most).
    markup = markup_date_model()
    weights = dict(zip(markup.features, markup.weights, strict=True))
    assert weights["from_htmldate"] == 0.0
    assert weights["printed_near_body"] == 0.0
    full = date_model()
    assert dict(zip(full.features, full.weights, strict=True))["from_htmldate"] > 0


def _weighing(source: str) -> BlockScorer:
    """A vote that weighs one source's column only."""
    column = f"from_{source}"
    return BlockScorer(DATE_FEATURES, tuple(float(f == column) for f in DATE_FEATURES), 0.0, 0.5)


def test_read_metadata_votes_with_the_markup_model(monkeypatch: pytest.MonkeyPatch) -> None:
    head = "<meta property='article:published_time' content='2025-01-05T10:00:00+00:00'>"
    page = f"<html><head>{head}</head><body><h1>Ferry timetable approved</h1>{STORY}</body></html>"
    url = "https://news.example/2025/01/02/ferry.html"
    monkeypatch.setattr(page_dates, "_MARKUP_DATE_MODEL", _weighing("url"))
    assert articlekit.read_metadata(page, url=url).published.date() == date(2025, 1, 2)
    monkeypatch.setattr(page_dates, "_MARKUP_DATE_MODEL", _weighing("meta_published"))
    assert articlekit.read_metadata(page, url=url).published.date() == date(2025, 1, 5)
    # clean_html votes with its own weights, whatever the markup model says.
    monkeypatch.setattr(page_dates, "_DATE_MODEL", _weighing("meta_published"))
    monkeypatch.setattr(page_dates, "_MARKUP_DATE_MODEL", _weighing("url"))
    assert articlekit.clean_html(page, url=url).published.date() == date(2025, 1, 5)


def test_weights_of_other_columns_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = {"kind": "logistic", "features": ["x"], "weights": [1.0], "bias": 0, "threshold": 0.5}
    monkeypatch.setattr(page_dates, "_shipped_date_model", lambda: _shipped(wrong))
    with pytest.raises(BlockModelError, match="column 0"):
        date_model()


def _shipped(data: dict[str, object]) -> BlockScorer:
    scorer = BlockScorer.from_dict(data)
    scorer.check_columns(DATE_FEATURES)
    return scorer


def test_clean_html_takes_the_voted_day_with_its_metadata_time() -> None:
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Harbour council approves ferry timetable",
            "datePublished": "2025-11-16T10:30:00+01:00",
        }
    )
    html = (
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
        "<h1>Harbour council approves ferry timetable</h1><p>16 November 2025</p>"
        f"<article>{STORY}</article></body></html>"
    )
    article = articlekit.clean_html(html)
    assert article.published is not None
    assert article.published.isoformat() == "2025-11-16T10:30:00+01:00"
    # Same page, same Article.
    assert articlekit.clean_html(html) == article
