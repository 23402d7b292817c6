"""Hand-written pages shaped like real news markup, with their expected Articles.

The expected files were checked by hand against the page: the story's paragraphs and
subheading stay; the related-stories aside, share bar, caption, ad label, "Read more" /
"Lesen Sie auch" links and the call to action go; metadata comes from JSON-LD and meta tags.
The body's images are the story's own (lazy-loaded, in a ``<picture>``, with their figure's
caption), not the site's logo, the author's avatar, a tracking pixel, a share icon, a repeat
or the teasers after the story; the tags come from every keyword source, each once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))


@pytest.fixture(scope="module", params=PAGES, ids=[p.stem for p in PAGES])
def case(request: pytest.FixtureRequest) -> tuple[dict, articlekit.Article]:
    page: Path = request.param
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    # Bytes, as a scraper holds them: the reader must find the encoding itself.
    return expected, articlekit.clean_html(page.read_bytes())


FIELDS = [
    "title",
    "subtitle",
    "section",
    "source",
    "url",
    "canonical_url",
    "language",
    "published",
    "updated",
    "image",
]


@pytest.mark.parametrize("field", FIELDS)
def test_field(case, field):
    expected, article = case
    value = getattr(article, field)
    assert (value.isoformat() if hasattr(value, "isoformat") else value) == expected[field]


def test_date_assumptions(case):
    expected, article = case
    assert list(article.date_assumptions) == expected["date_assumptions"]


def test_authors(case):
    expected, article = case
    assert list(article.authors) == expected["authors"]


def test_images(case):
    expected, article = case
    assert [[i.src, i.alt, i.caption] for i in article.images] == expected["images"]


def test_tags(case):
    expected, article = case
    assert list(article.tags) == expected["tags"]


def test_read_metadata_gives_the_metadata_fields_without_the_body(case, request):
    _, article = case
    page = FIXTURES / f"{request.node.callspec.id}.html"
    meta = articlekit.read_metadata(page.read_bytes())
    assert meta.blocks == () and meta.images == ()
    for field in ("title", "section", "source", "url", "canonical_url", "language", "tags"):
        assert getattr(meta, field) == getattr(article, field), field
    assert meta.published == article.published and meta.authors == article.authors


def test_blocks(case):
    expected, article = case
    assert [[b.kind, b.text] for b in article.blocks] == expected["blocks"]


def test_removed(case):
    expected, article = case
    assert [[r.reason, r.text] for r in article.removed] == expected["removed"]


def test_html_and_text_paths_agree_on_the_body_of_a_clean_page():
    page = (FIXTURES / "news_jsonld.html").read_text(encoding="utf-8")
    html_body = articlekit.clean_html(page).text
    assert articlekit.clean_text(html_body).text == html_body
