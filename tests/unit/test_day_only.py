"""The date parser tells a day from a time: ``DateMatch.day_only`` and ``Dateline.day_only``.

A naive 00:00 may be a printed midnight or a day without a time; the Article's
``date_assumptions`` (``*_time_unknown``) needs to know which, and only the parser does.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from articlekit.dates import find_date, parse_dateline


@pytest.mark.parametrize(
    ("line", "day_only"),
    [
        ("16.11.2025", True),
        ("16.11.2025 00:00", False),  # a printed midnight is a time
        ("2025-11-16", True),
        ("2025-11-16T00:00:00", False),
        ("2025-11-16T10:30:00+02:00", False),
        ("November 16, 2025", True),
        ("November 16, 2025 at 10:30 AM EST", False),
        ("16 Nov 2025, 10:30 GMT", False),
        ("2025/11/16", True),
    ],
)
def test_the_parser_tells_a_day_from_a_time(line: str, day_only: bool) -> None:
    found = find_date(line)
    assert found is not None and found.day_only is day_only


@pytest.mark.parametrize(
    ("line", "value", "day_only"),
    [
        ("3 hours ago", datetime(2025, 11, 20, 11, 5), False),
        ("10 minutes ago", datetime(2025, 11, 20, 13, 55), False),
        # Days give a day: at 00:00, not at the reference date's time of day.
        ("2 days ago", datetime(2025, 11, 18), True),
        ("vor 1 Woche", datetime(2025, 11, 13), True),
        ("yesterday", datetime(2025, 11, 19), True),
        ("today", datetime(2025, 11, 20), True),
    ],
)
def test_relative_dates_give_a_time_only_in_minutes_and_hours(
    line: str, value: datetime, day_only: bool
) -> None:
    found = find_date(line, reference_date=datetime(2025, 11, 20, 14, 5))
    assert found is not None
    assert (found.value, found.day_only) == (value, day_only)


def test_a_dateline_date_is_a_day() -> None:
    dateline = parse_dateline(
        "KYIV, Nov 16 (Reuters) - Ukraine said...", reference_date=datetime(2025, 11, 20)
    )
    assert dateline is not None and dateline.date == datetime(2025, 11, 16)
    assert dateline.day_only
