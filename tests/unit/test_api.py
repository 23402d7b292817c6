from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

import articlekit
from articlekit import Article, Block, Removal
from articlekit.errors import ArticlekitError, InputError, InputTypeError

PARA = "Talks on prisoner exchanges resumed on Monday in Istanbul, officials said on Tuesday."


def test_public_names_are_exported_and_sorted():
    assert articlekit.__all__ == sorted(articlekit.__all__, key=lambda n: (n.upper() != n, n))
    for name in articlekit.__all__:
        assert hasattr(articlekit, name)
    for name in ("clean_text", "Article", "Pipeline", "DEFAULT_PIPELINE", "Cleaner"):
        assert name in articlekit.__all__


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_non_str_input_is_a_clear_type_error(bad):
    with pytest.raises(InputTypeError, match="clean_text takes a str") as info:
        articlekit.clean_text(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, (ArticlekitError, TypeError))


def test_bytes_error_says_what_to_do():
    with pytest.raises(InputTypeError, match="decode bytes first"):
        articlekit.clean_text(b"x")  # type: ignore[arg-type]


def test_bad_reference_date_is_a_type_error():
    with pytest.raises(InputTypeError, match="reference_date"):
        articlekit.clean_text(PARA, reference_date="2025-11-16")  # type: ignore[arg-type]


def test_junk_free_text_passes_through_unchanged():
    text = f"{PARA}\n\nA second paragraph follows the first one here, with more detail on it."
    article = articlekit.clean_text(text)
    assert article.text == text
    assert article.removed == ()


def test_empty_and_blank_input_give_empty_article_not_error():
    for text in ("", "  \n\n\t"):
        article = articlekit.clean_text(text)
        assert article.text == "" and article.blocks == () and article.removed == ()


def test_all_junk_input_says_what_went():
    article = articlekit.clean_text("Advertisement\nStay tuned for more updates.")
    assert article.text == ""
    assert [r.reason for r in article.removed] == ["ad_label", "call_to_action"]


def test_url_is_copied():
    assert articlekit.clean_text(PARA, url="https://example.org/a").url == "https://example.org/a"


def test_reference_date_resolves_year_less_date_lines():
    ref = datetime(2025, 11, 20, tzinfo=timezone.utc)
    article = articlekit.clean_text(f"Published Sunday, November 16\n{PARA}", reference_date=ref)
    # The line gives no zone and no time: UTC attached to its day, and both said.
    assert article.published == datetime(2025, 11, 16, tzinfo=timezone.utc)
    assert article.date_assumptions == ("published_zone_assumed", "published_time_unknown")
    assert articlekit.clean_text(f"Published Sunday, November 16\n{PARA}").published is None


def test_article_is_frozen_and_round_trips_through_json():
    article = Article(
        blocks=(Block("paragraph", PARA, 0),),
        title="T",
        authors=("A B",),
        published=datetime(2025, 11, 16, 10, 30, tzinfo=timezone.utc),
        removed=(Removal("remove_ad_labels", "ad_label", "Advertisement", 1),),
    )
    with pytest.raises(AttributeError):
        article.title = "other"  # type: ignore[misc]
    data = json.loads(json.dumps(article.to_dict()))
    assert data["published"] == "2025-11-16T10:30:00+00:00"
    assert data["text"] == PARA
    assert Article.from_dict(data) == article


def test_from_dict_rejects_unknown_keys_and_bad_dates():
    with pytest.raises(InputError, match="unknown keys"):
        Article.from_dict({"titel": "x"})
    with pytest.raises(InputError, match="published"):
        Article.from_dict({"published": "yesterday"})
    with pytest.raises(InputError, match="block kind"):
        Block("banner", "x")


def test_same_input_same_article():
    text = "World\nA headline here\n" + PARA
    assert articlekit.clean_text(text) == articlekit.clean_text(text)
    assert hash(articlekit.clean_text(text)) == hash(articlekit.clean_text(text))


def test_page_source_kept_as_text_is_read_as_a_page():
    # A text extractor that failed on a page hands over its HTML source on one line: the
    # article inside it is found, the scripts and menus are not text.
    story = [
        "The harbour ferry will run every twenty minutes from April, the port authority said "
        "on Tuesday, after a winter of repairs to both of its landing stages.",
        "Two new boats join the line this spring, and the old one, which has crossed the bay "
        "since 1987, will be kept as a reserve for the summer weekends.",
        "Tickets bought before the change stay valid until the end of May, and monthly passes "
        "will cost the same as last year, the authority added in its statement.",
    ]
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(12))
    source = (
        "Ferry timetable'); //--> </SCRIPT> <SCRIPT>function showAd(pos) { x(pos); }"
        f"</SCRIPT><div class='nav'><ul>{menu}</ul></div><div id='story'>"
        + "".join(f"<p class='body'>{p}</p>" for p in story)
        + "</div><table width='100%'><tr><td class='footer'>Contact us</td></tr></table>" * 4
    )
    article = articlekit.clean_text("Site navigation\n" + source)
    assert all(p in article.text for p in story)
    assert "<" not in article.text and "showAd" not in article.text
    from articlekit.readers.text import read_text

    short = "<b>bold</b> is a tag, and <i>this</i> one too."  # a line with a few tags is read
    assert [b.text for b in read_text(short).blocks] == [short]  # as it is


def test_the_article_s_markup_fields_round_trip_and_default_when_absent():
    article = Article(
        blocks=(Block("paragraph", PARA),),
        canonical_url="https://news.test/a",
        image="https://news.test/a.jpg",
        images=(articlekit.Image("https://news.test/a.jpg", "Alt", "A caption.", 0),),
        tags=("Ukraine", "Diplomacy"),
    )
    data = article.to_dict()
    assert list(data)[list(data).index("url") + 1] == "canonical_url"
    assert data["images"] == [
        {"src": "https://news.test/a.jpg", "alt": "Alt", "caption": "A caption.", "before": 0}
    ]
    assert Article.from_dict(json.loads(json.dumps(data))) == article
    # An image of an older articlekit has no place among the blocks.
    older = {**data, "images": [{k: v for k, v in data["images"][0].items() if k != "before"}]}
    assert Article.from_dict(older).images[0].before is None
    # A dict of an older articlekit has none of them: they take their defaults.
    old = {k: v for k, v in data.items() if k not in ("canonical_url", "image", "images", "tags")}
    back = Article.from_dict(old)
    assert (back.canonical_url, back.image, back.images, back.tags) == (None, None, (), ())


def test_a_malformed_image_is_an_input_error():
    with pytest.raises(InputError, match="image"):
        Article.from_dict({"images": [{"url": "https://news.test/a.jpg"}]})
