"""Articles sort by date: every ``published``/``updated`` is timezone-aware (issue 19).

Before, a page that printed its zone gave an aware datetime and one that did not a naive one,
and ``sorted(a.published for a in articles)`` raised ``TypeError: can't compare offset-naive
and offset-aware datetimes``. The seeds and the HTML fixtures (one page gives its offset, one
prints a time without a zone) must sort together, by either path.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import articlekit
from articlekit.article import DATE_ASSUMPTIONS

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))  # as test_seeds.py finds them
PAGES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
# A dateline gives a day, a date line a time without a zone, another an offset: the three
# kinds of date the text path meets, to sort among the files'.
TEXTS = [
    "KYIV, Nov 16 (Reuters) - Ukraine said talks on prisoner exchanges would resume.",
    "Published: 16.11.2025, 23:45 Uhr\nDie Gespräche über den Austausch werden fortgesetzt.",
    "Published on November 16, 2025 at 10:30 AM EST\nThe talks resumed in Istanbul on Sunday.",
]


def _articles() -> list[articlekit.Article]:
    ref = datetime(2025, 11, 20)
    articles = [articlekit.clean_text(p.read_text(encoding="utf-8")) for p in SEEDS]
    articles += [articlekit.clean_html(p.read_bytes()) for p in PAGES]
    articles += [articlekit.clean_text(t, reference_date=ref) for t in TEXTS]
    return articles


def test_every_date_is_aware_and_articles_sort() -> None:
    articles = _articles()
    dates = [d for a in articles for d in (a.published, a.updated) if d is not None]
    assert all(d.utcoffset() is not None for d in dates)
    # Enough dates of both kinds that a naive one among them would have raised.
    assert len(dates) >= 5
    assert sorted(dates) == sorted(dates, key=lambda d: d.timestamp())
    by_published = sorted((a for a in articles if a.published), key=lambda a: a.published)
    assert len(by_published) >= 4
    assert all(set(a.date_assumptions) <= set(DATE_ASSUMPTIONS) for a in articles)
    assert any(a.date_assumptions for a in articles) and any(
        a.published and not a.date_assumptions for a in articles
    )
