"""read_metadata: the page's metadata without main-text extraction, and its page sample."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest
from lxml import html as lxml_html

import articlekit
from articlekit import Article, Image
from articlekit.errors import InputError, InputTooLargeError, InputTypeError, NoArticleError
from articlekit.readers.page import SAMPLE_MAX_WORDS, sample_page

STORY = (
    "<p>Negotiators for both countries met on Monday in Istanbul and agreed to resume the "
    "exchange of prisoners of war, officials said after the talks ended late at night.</p>"
    "<p>The first exchange could take place before the end of the month, a spokesman said, "
    "and would include wounded soldiers and civilians held since the start of the war.</p>"
)
LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Prisoner exchange talks resume in Istanbul",
    "datePublished": "2025-11-16T09:30:00+02:00",
    "dateModified": "2025-11-16T14:05:00+02:00",
    "author": [{"@type": "Person", "name": "Olena Kovalenko"}],
    "image": {"@type": "ImageObject", "url": "/img/talks.jpg"},
    "keywords": ["Ukraine", "Diplomacy"],
}
HEAD = (
    "<title>Prisoner exchange talks resume in Istanbul | The Ledger</title>"
    '<meta property="og:site_name" content="The Ledger">'
    '<meta property="article:section" content="World">'
    '<meta name="description" content="Both sides agreed to resume the swaps.">'
    '<link rel="canonical" href="https://ledger.test/world/talks">'
    f'<script type="application/ld+json">{json.dumps(LD)}</script>'
)
PAGE = (
    f'<html lang="en-GB"><head>{HEAD}</head><body><nav><a href="/">Home</a></nav><article>'
    "<h1>Prisoner exchange talks resume in Istanbul</h1>"
    f'<figure><img src="/img/border.jpg" alt="The border"></figure>{STORY}</article></body></html>'
)
FIELDS = (
    "title",
    "subtitle",
    "authors",
    "contributors",
    "section",
    "source",
    "url",
    "canonical_url",
    "language",
    "published",
    "updated",
    "date_assumptions",
    "image",
    "tags",
)


def test_read_metadata_gives_clean_html_s_metadata_without_the_body():
    full = articlekit.clean_html(PAGE, url="https://ledger.test/amp/1")
    meta = articlekit.read_metadata(PAGE, url="https://ledger.test/amp/1")
    assert isinstance(meta, Article)
    assert {f: getattr(meta, f) for f in FIELDS} == {f: getattr(full, f) for f in FIELDS}
    assert meta.title == "Prisoner exchange talks resume in Istanbul"
    assert meta.authors == ("Olena Kovalenko",) and meta.tags == ("Ukraine", "Diplomacy")
    assert meta.published == datetime(2025, 11, 16, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert meta.image == "https://ledger.test/img/talks.jpg"
    assert meta.url == "https://ledger.test/amp/1"
    assert meta.canonical_url == "https://ledger.test/world/talks"
    # No body: no blocks, no body images, nothing removed.
    assert (meta.blocks, meta.images, meta.removed, meta.text) == ((), (), (), "")
    border = Image("https://ledger.test/img/border.jpg", "The border", "The border")
    # The figure stands before the story's first paragraph.
    assert full.images == (dataclasses.replace(border, before=full.blocks[0].index),)


def test_read_metadata_does_not_run_trafilatura_or_htmldate(monkeypatch):
    import htmldate
    import trafilatura

    def forbidden(*args: object, **kwargs: object) -> object:
        raise AssertionError("called")

    monkeypatch.setattr(trafilatura, "bare_extraction", forbidden)
    monkeypatch.setattr(htmldate, "find_date", forbidden)
    assert articlekit.read_metadata(PAGE).title == "Prisoner exchange talks resume in Istanbul"


def test_a_page_without_main_text_gives_its_metadata_and_no_error():
    page = f"<html><head>{HEAD}</head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(NoArticleError):
        articlekit.clean_html(page)
    meta = articlekit.read_metadata(page)
    assert meta.title == "Prisoner exchange talks resume in Istanbul"
    assert meta.section == "World" and meta.source == "The Ledger"
    assert meta.published is not None and meta.published.date().isoformat() == "2025-11-16"


@pytest.mark.parametrize("bad", [42, None, ["<p>x</p>"]])
def test_wrong_types_are_a_type_error_naming_read_metadata(bad):
    with pytest.raises(InputTypeError, match="read_metadata takes HTML"):
        articlekit.read_metadata(bad)


def test_bad_arguments_are_type_errors():
    with pytest.raises(InputTypeError, match="reference_date"):
        articlekit.read_metadata(PAGE, reference_date="2025-11-16")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="max_bytes"):
        articlekit.read_metadata(PAGE, max_bytes=True)


def test_too_large_and_plain_text_inputs_are_errors():
    with pytest.raises(InputTooLargeError):
        articlekit.read_metadata(PAGE, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        articlekit.read_metadata(PAGE.encode(), max_bytes=100)
    with pytest.raises(InputError, match="clean_text"):
        articlekit.read_metadata("Just a sentence of plain text, no markup at all.")


def test_bytes_and_trees_are_read_as_clean_html_reads_them():
    latin = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "Istanbul</h1>", "Istanbul \u2013 K\xf6ln</h1>"
    )
    meta = articlekit.read_metadata(latin.encode("iso-8859-1", "replace"))
    assert meta.source == "The Ledger"
    assert articlekit.read_metadata(lxml_html.fromstring(PAGE)).tags == ("Ukraine", "Diplomacy")


def test_lone_surrogates_are_replaced_and_recorded():
    meta = articlekit.read_metadata(PAGE.replace("The Ledger</title>", "The Ledger\ud800</title>"))
    assert [r.reason for r in meta.removed] == ["invalid_character"]


def test_a_printed_date_line_gives_the_day_and_its_time():
    page = (
        "<html lang='en'><head><title>Harbour cranes sold</title></head><body><article>"
        "<h1>Harbour cranes sold to a shipping group</h1><p class='meta'>Published 12 March "
        f"2024, 14:20</p>{STORY}</article><footer><p>© 1999-2025 The Port News</p></footer>"
        "</body></html>"
    )
    meta = articlekit.read_metadata(page)
    assert meta.published == datetime(2024, 3, 12, 14, 20, tzinfo=timezone.utc)
    assert meta.date_assumptions == ("published_zone_assumed",)
    # clean_html's body leaves the line out here: htmldate gives it the day only.
    assert articlekit.clean_html(page).published.date() == meta.published.date()


def test_the_language_comes_from_the_prose_when_the_page_declares_none():
    german = (
        "<p>Die Stadt hat am Montag beschlossen, die alte Brücke über den Fluss noch vor dem "
        "Winter zu reparieren, nachdem bei einer Prüfung Risse entdeckt worden waren.</p>"
        "<p>Die Arbeiten sollen im nächsten Monat beginnen und werden etwa sechs Wochen dauern, "
        "sagte der Bürgermeister, und die Kosten trägt zum größten Teil das Land.</p>"
    )
    page = f"<html><head><title>Brücke wird repariert</title></head><body>{german}</body></html>"
    assert articlekit.read_metadata(page).language == "de"


def test_authors_from_the_markup_when_the_metadata_names_none():
    page = (
        "<html><head><title>Harbour cranes sold</title></head><body><article>"
        '<h1>Harbour cranes sold</h1><span itemprop="author">Maria Lopez</span>'
        f"{STORY}</article></body></html>"
    )
    assert articlekit.read_metadata(page).authors == ("Maria Lopez",)


def test_a_byline_printed_under_the_headline_names_the_authors():
    # No metadata names the author and no markup marks the byline: the line under the
    # headline does, where clean_html reads it in the body.
    page = (
        "<html lang='en'><head><title>Harbour cranes sold | The Port News</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article>"
        "<h1>Harbour cranes sold</h1><p class='meta'>By Jane Doe and Sam Reed</p>"
        f"{STORY}</article></body></html>"
    )
    meta = articlekit.read_metadata(page)
    assert meta.authors == ("Jane Doe", "Sam Reed")
    assert meta.authors == articlekit.clean_html(page).authors


def test_a_by_line_above_the_headline_is_no_byline():
    page = (
        "<html lang='en'><head><title>Harbour cranes sold</title></head><body>"
        "<aside><p>By Tom Teaser</p></aside><article><h1>Harbour cranes sold</h1>"
        f"{STORY}</article></body></html>"
    )
    assert articlekit.read_metadata(page).authors == ()


def test_without_a_metadata_image_the_lead_is_the_first_image_under_the_headline():
    page = (
        "<html lang='en'><head><title>Harbour cranes sold</title></head><body>"
        "<header><img src='/img/masthead-photo.jpg' alt='Masthead'></header><article>"
        "<h1>Harbour cranes sold</h1><figure><img src='/img/cranes.jpg' alt='Cranes'>"
        f"</figure>{STORY}</article><aside><img src='/img/ad-teaser.jpg'></aside></body></html>"
    )
    meta = articlekit.read_metadata(page, url="https://port.test/news/cranes")
    assert meta.image == "https://port.test/img/cranes.jpg"
    assert meta.image == articlekit.clean_html(page, url="https://port.test/news/cranes").image
    # The body's images are clean_html's to give.
    assert meta.images == ()
    # A page whose metadata names its lead image keeps it.
    named = page.replace("<head>", "<head><meta property='og:image' content='/img/og.jpg'>")
    assert articlekit.read_metadata(named).image == "/img/og.jpg"


def test_the_printed_headline_wins_over_the_title_tag():
    page = (
        "<html><head><title>Cranes sold - Business - The Port News</title></head><body>"
        f"<article><h2>Cranes sold</h2>{STORY}</article></body></html>"
    )
    assert articlekit.read_metadata(page).title == "Cranes sold"


# --- the page sample ---------------------------------------------------------------------------


def test_the_sample_has_the_lines_with_a_title_word_or_a_year_in_page_order():
    tree = lxml_html.fromstring(
        "<html><body><nav><a href='/'>Home</a></nav><h1>Cranes <em>sold</em></h1>"
        "<div class='meta'>By Ann Lee<br>12 March 2024</div><p>1,985 tonnes</p>"
        "<script>var year = 2024;</script><select><option>2023</option></select>"
        f"{STORY}</body></html>"
    )
    sample = sample_page(tree, ["Cranes"])
    assert [b.text for b in sample.lines] == ["Cranes sold", "By Ann Lee", "12 March 2024"]
    assert [b.index for b in sample.lines] == [0, 1, 2]
    assert len(sample.prose) == 2 and sample.prose[0].startswith("Negotiators for both")


def test_long_texts_are_prose_not_lines():
    long_line = "In 2024 " + "the council met again and again " * (SAMPLE_MAX_WORDS // 6 + 1)
    tree = lxml_html.fromstring(f"<html><body><p>{long_line}</p></body></html>")
    sample = sample_page(tree)
    assert sample.lines == () and sample.prose == (" ".join(long_line.split()),)


def test_a_text_in_a_large_wrapper_is_its_own_line():
    items = "".join(f"<span>item {i}</span>" for i in range(80))
    tree = lxml_html.fromstring(f"<html><body><div>Updated 2024-03-12 {items}</div></body></html>")
    assert [b.text for b in sample_page(tree).lines] == ["Updated 2024-03-12"]
