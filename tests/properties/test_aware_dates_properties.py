"""Any Article ``clean_text`` makes of text with date lines has timezone-aware dates (issue 19).

Generated date lines in the parser's forms, with and without a time, a zone or an offset,
labelled "Published" or "Updated", around a paragraph: the Article's dates are aware, its
``date_assumptions`` agree with them, the Articles sort, and each round-trips through a dict.
"""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit.article import DATE_ASSUMPTIONS, Article

PARA = "Negotiators from both countries met in Istanbul on Monday, officials said."
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip


def _render(moment: datetime, form: int, clock: int, zone: str) -> str:
    day = {
        0: f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}",
        1: f"{_MONTHS[moment.month - 1]} {moment.day}, {moment.year}",
        2: f"{moment.day:02}.{moment.month:02}.{moment.year}",
        3: f"{moment.year}-{moment.month:02}-{moment.day:02}",
        4: f"{_MONTHS[moment.month - 1][:3]} {moment.day}",  # year-less: needs a reference
        5: "yesterday",
    }[form]
    if clock == 0 or form == 5:
        return day
    time = f"{moment.hour:02}:{moment.minute:02}"
    if form == 3 and clock == 1:
        return f"{day}T{time}:00{zone.replace(' ', '')}"
    return f"{day}, {time} {zone}".rstrip()


_LINES = st.builds(
    lambda label, moment, form, clock, zone: f"{label}{_render(moment, form, clock, zone)}",
    st.sampled_from(["Published: ", "Updated: ", "Last updated on ", "", "Veröffentlicht am "]),
    st.datetimes(min_value=datetime(1990, 1, 2), max_value=datetime(2030, 12, 30)),
    st.integers(0, 5),
    st.integers(0, 2),
    st.sampled_from(["", "GMT", "EST", "+02:00", "-0530", "CEST", "Z"]),
)
_REFS = st.none() | st.sampled_from(
    [datetime(2031, 1, 1), datetime.fromisoformat("2031-01-01T12:00:00+09:00")]
)


def _check(article: Article) -> None:
    codes = article.date_assumptions
    assert list(codes) == [c for c in DATE_ASSUMPTIONS if c in codes]  # known, in order, once
    for name in ("published", "updated"):
        value = getattr(article, name)
        if value is None:
            assert not any(c.startswith(name) for c in codes)
            continue
        assert value.utcoffset() is not None
        if f"{name}_time_unknown" in codes:
            assert (value.hour, value.minute, value.second) == (0, 0, 0)
    assert Article.from_dict(article.to_dict()) == article


@given(st.lists(st.lists(_LINES, min_size=1, max_size=3), min_size=1, max_size=4), _REFS)
def test_dates_are_aware_and_articles_sort(
    pages: list[list[str]], reference_date: datetime | None
) -> None:
    articles = []
    for lines in pages:
        text = "\n".join([lines[0], PARA, *lines[1:]])
        article = articlekit.clean_text(text, reference_date=reference_date)
        _check(article)
        articles.append(article)
    dates = [d for a in articles for d in (a.published, a.updated) if d is not None]
    assert sorted(dates) == sorted(dates, key=lambda d: d.timestamp())
