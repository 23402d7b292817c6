"""The Article's images, lead image, tags and canonical URL, read from pages written here."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

import articlekit
from articlekit import Image
from articlekit.readers.images import MAX_IMAGES, body_images, image_src, not_content
from articlekit.readers.metadata import MAX_TAGS, page_tags

STORY = (
    "<p>The council voted on Monday to repair the old river bridge before the winter, after "
    "an inspection found cracks in two of its piers.</p>"
    "<p>Work will start next month and the bridge will be closed to cars for six weeks, the "
    "mayor said, while pedestrians can still cross it on one side.</p>"
    "<p>The repairs will cost about two million euros, most of it paid by the region, and "
    "the contract has gone to a local firm that built the new ferry pier.</p>"
)
LAST = "<p>Residents said they had waited years for the work and welcomed the decision.</p>"


def page(head: str = "", body: str = "", *, after: str = "") -> str:
    """A news page: ``head`` in the head; ``body`` before the story's paragraphs, in the
    article; ``after`` in the article after its last paragraph."""
    return (
        f"<html lang='en'><head><title>Bridge repairs approved | The Courier</title>{head}"
        "</head><body><header><nav><a href='/'>Home</a> <a href='/city'>City</a></nav></header>"
        f"<article><h1>Bridge repairs approved</h1>{body}{STORY}{LAST}{after}</article>"
        "<footer><p>The Courier</p></footer></body></html>"
    )


URL = "https://courier.test/city/bridge-repairs"


def clean(html: str, url: str | None = URL) -> articlekit.Article:
    return articlekit.clean_html(html, url=url)


# --- lead image --------------------------------------------------------------------------------


def test_og_image_is_the_lead_image_made_absolute_against_the_url():
    article = clean(page('<meta property="og:image" content="/img/bridge.jpg">'))
    assert article.image == "https://courier.test/img/bridge.jpg"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta name="twitter:image" content="https://cdn.test/t.jpg">'
            '<meta property="og:image:secure_url" content="https://cdn.test/og.jpg">',
            "https://cdn.test/og.jpg",
        ),
        ('<meta name="twitter:image" content="https://cdn.test/t.jpg">', "https://cdn.test/t.jpg"),
    ],
)
def test_og_image_comes_before_twitter_image(head, expected):
    assert clean(page(head)).image == expected


@pytest.mark.parametrize(
    "image",
    [
        {"@type": "ImageObject", "url": "https://cdn.test/ld.jpg", "width": 1200},
        {"@type": "ImageObject", "contentUrl": "https://cdn.test/ld.jpg"},
        ["https://cdn.test/ld.jpg", "https://cdn.test/other.jpg"],
        [{"@type": "ImageObject", "url": "https://cdn.test/ld.jpg"}],
        "https://cdn.test/ld.jpg",
    ],
)
def test_json_ld_image_of_the_article_is_the_lead_image(image):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "image": image}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert clean(page(head)).image == "https://cdn.test/ld.jpg"


def test_without_metadata_the_first_body_image_leads():
    body = '<figure><img src="photos/pier.jpg" alt="The pier"></figure>'
    article = clean(page(body=body))
    assert article.image == "https://courier.test/city/photos/pier.jpg"
    assert article.image == article.images[0].src


def test_a_logo_or_placeholder_in_og_image_is_no_lead_image():
    head = '<meta property="og:image" content="https://courier.test/static/site-logo.png">'
    body = '<img src="/img/crane.jpg" alt="A crane">'
    assert clean(page(head, body)).image == "https://courier.test/img/crane.jpg"
    assert clean(page(head)).image is None


# --- body images -------------------------------------------------------------------------------


def test_relative_urls_resolve_against_the_url_else_the_canonical_else_stay():
    body = '<img src="../img/a.jpg" alt="A">'
    canonical = '<link rel="canonical" href="https://courier.test/news/2025/bridge">'
    assert clean(page(body=body)).images[0].src == "https://courier.test/img/a.jpg"
    by_canonical = clean(page(canonical, body), url=None)
    assert by_canonical.images[0].src == "https://courier.test/news/img/a.jpg"
    # Neither the caller nor the page says where the page is: the URL stays as written.
    assert clean(page(body=body), url=None).images[0].src == "../img/a.jpg"


def test_base_href_applies_on_top_of_the_url():
    article = clean(page('<base href="https://static.test/assets/">', '<img src="a.jpg">'))
    assert article.images[0].src == "https://static.test/assets/a.jpg"


def test_lazy_images_give_their_real_url():
    body = (
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/lazy.jpg">'
        '<img data-lazy-src="/img/lazier.jpg">'
        '<img srcset="/img/set-400.jpg 400w, /img/set-800.jpg 800w">'
        '<picture><source srcset="/img/pic.webp 1x, /img/pic@2x.webp 2x"><img alt="P">'
        "</picture>"
    )
    assert [i.src.rsplit("/", 1)[1] for i in clean(page(body=body)).images] == [
        "lazy.jpg",
        "lazier.jpg",
        "set-400.jpg",
        "pic.webp",
    ]


def test_a_figure_gives_its_caption_else_the_alt_text_is_the_caption():
    body = (
        '<figure><img src="/img/a.jpg" alt="Cracked pier"><figcaption>The cracked pier, '
        " seen from the  river.</figcaption></figure>"
        '<img src="/img/b.jpg" alt="The mayor">'
        '<img src="/img/c.jpg">'
    )
    article = clean(page(body=body))
    first = article.blocks[0].index  # all three stand before the story's first paragraph
    assert article.images == (
        Image(
            "https://courier.test/img/a.jpg",
            "Cracked pier",
            "The cracked pier, seen from the river.",
            first,
        ),
        Image("https://courier.test/img/b.jpg", "The mayor", "The mayor", first),
        Image("https://courier.test/img/c.jpg", None, None, first),
    )


def test_an_image_knows_the_block_it_stands_before():
    opening = "<p>The bridge was built in 1902 and has carried the main road ever since.</p>"
    between = '<figure><img src="/img/mid.jpg" alt="Mid"></figure>'
    inside = (
        "<p>The crews start in May and close one lane. "
        '<img src="/img/in.jpg" alt="In"> They hope to finish in June.</p>'
    )
    article = clean(page(body=f"{opening}{between}{inside}"))
    before = {i.src.rsplit("/", 1)[-1]: i.before for i in article.images}
    texts = [b.text for b in article.blocks]
    at = {b.index: n for n, b in enumerate(article.blocks)}
    # Between two paragraphs: before the second one.
    assert texts[at[before["mid.jpg"]]].startswith("The crews start in May")
    # Inside a paragraph: after it, before the next block (the story's first paragraph).
    assert texts[at[before["in.jpg"]]].startswith("The council voted on Monday")


@pytest.mark.parametrize(
    "furniture",
    [
        '<img src="https://track.test/p.gif?u=1" width="1" height="1">',
        '<img src="/img/spacer.gif" height="2px">',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        '<img src="/img/comment-icon.png">',
        '<img class="site-logo" src="/img/courier.png">',
        '<img id="authorAvatar" src="/img/ann.jpg">',
        '<div class="author-box"><img src="/img/ann-lee.jpg"></div>',
        '<div class="share-bar"><a href="/share"><img src="/img/x.png"></a></div>',
        '<form><img src="/captcha.php?id=7"></form>',
        '<img src="https://ad.doubleclick.test/ads/banner?sz=300x250">',
    ],
)
def test_pixels_icons_logos_avatars_and_furniture_are_no_body_images(furniture):
    body = f'{furniture}<img src="/img/bridge.jpg" alt="The bridge">'
    assert [i.src for i in clean(page(body=body)).images] == ["https://courier.test/img/bridge.jpg"]


def test_each_url_once_and_the_teasers_after_the_story_left_out():
    body = '<img src="/img/a.jpg" alt="First"><img src="https://courier.test/img/a.jpg" alt="x">'
    after = (
        "<section><h2>More stories</h2>"
        '<div class="card"><img src="/img/teaser.jpg"><a href="/city/x">Ferry timetable '
        "changes from Monday for all routes</a></div></section>"
    )
    images = clean(page(body=body, after=after)).images
    assert [(i.src, i.alt) for i in images] == [("https://courier.test/img/a.jpg", "First")]


def test_images_outside_the_article_are_not_the_body_s():
    html = page().replace(
        "<footer>", '<aside><img src="/img/sidebar-ad.jpg" alt="Ad"></aside><footer>'
    )
    html = html.replace("<header>", '<header><img src="/img/banner.jpg" alt="Banner">')
    assert clean(html).images == ()


def test_the_number_of_images_is_bounded():
    body = "".join(f'<img src="/img/{i}.jpg">' for i in range(MAX_IMAGES + 20))
    images = clean(page(body=body)).images
    assert len(images) == MAX_IMAGES
    assert images[-1].src == f"https://courier.test/img/{MAX_IMAGES - 1}.jpg"


def test_body_images_stop_at_the_end_of_the_last_block():
    box = lxml_html.fromstring(
        '<article><p>One <img src="in.jpg"></p><p id="last">Two <img src="in2.jpg"></p>'
        '<img src="after.jpg"></article>'
    )
    assert [i.src for i in body_images(box, box.get_element_by_id("last"), None)] == [
        "in.jpg",
        "in2.jpg",
    ]
    assert len(body_images(box, None, None)) == 3
    assert body_images(None, None, None) == ()


def test_image_src_takes_no_data_uri():
    img = lxml_html.fromstring('<img src="data:image/gif;base64,R0l" srcset="data:x 1x">')
    assert image_src(img) is None


@pytest.mark.parametrize(
    ("url", "furniture"),
    [
        ("https://news.test/img/bridge-logo-competition.jpg", True),
        ("https://news.test/uploads/2025/bridge.jpg", False),
        ("https://adserver.news.test/img/a.jpg", True),
        ("https://news.test/img/ads/a.jpg", True),
        ("https://news.test/downloads/a.jpg", False),
    ],
)
def test_not_content_reads_the_file_name_and_ad_servers(url, furniture):
    assert not_content(url) is furniture


def test_plain_text_has_no_images_tags_or_canonical_url():
    article = articlekit.clean_text("Talks resumed on Monday in Istanbul, officials said today.")
    assert (article.image, article.images, article.tags, article.canonical_url) == (
        None,
        (),
        (),
        None,
    )


# --- tags --------------------------------------------------------------------------------------


def test_tags_from_every_source_in_order_each_once():
    ld = {"@type": "NewsArticle", "keywords": "Bridges, city council"}
    head = (
        '<meta property="article:tag" content="Infrastructure">'
        '<meta property="article:tag" content="City  Council">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta name="keywords" content="bridges, repairs, , INFRASTRUCTURE">'
        '<meta name="news_keywords" content="Repairs, river">'
    )
    assert clean(page(head)).tags == (
        "Infrastructure",
        "City Council",
        "Bridges",
        "repairs",
        "river",
    )


def test_json_ld_keywords_as_a_list_and_defined_terms():
    ld = {
        "@type": "NewsArticle",
        "keywords": ["Bridges", {"@type": "DefinedTerm", "name": "Cities"}],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert clean(page(head)).tags == ("Bridges", "Cities")


def test_machine_pairs_long_values_and_blanks_are_no_tags():
    meta = {
        "keywords": ["locale: US, contentId: 15cd, Election 2025: results, , " + "x" * 120],
        "article:tag": ["  "],
    }
    assert page_tags(meta, {}) == ("Election 2025: results",)


def test_tags_are_bounded():
    meta = {"keywords": [", ".join(f"tag {i}" for i in range(MAX_TAGS + 30))]}
    tags = page_tags(meta, {})
    assert len(tags) == MAX_TAGS and tags[-1] == f"tag {MAX_TAGS - 1}"


# --- canonical URL -----------------------------------------------------------------------------


def test_canonical_url_is_the_page_s_and_url_the_caller_s():
    head = '<link rel="canonical" href="/city/bridge-repairs-approved">'
    article = clean(page(head), url="https://courier.test/amp/12345?utm_source=feed")
    assert article.url == "https://courier.test/amp/12345?utm_source=feed"
    assert article.canonical_url == "https://courier.test/city/bridge-repairs-approved"


def test_without_a_caller_url_both_are_the_canonical_link():
    head = '<link rel="canonical" href="https://courier.test/city/bridge">'
    article = clean(page(head), url=None)
    assert article.url == article.canonical_url == "https://courier.test/city/bridge"


def test_og_url_stands_in_for_a_missing_canonical_link():
    head = '<meta property="og:url" content="https://courier.test/city/og">'
    assert clean(page(head)).canonical_url == "https://courier.test/city/og"


def test_no_canonical_link_no_canonical_url():
    article = clean(page())
    assert article.canonical_url is None and article.url == URL


def test_malformed_urls_raise_nothing_and_stay_as_written():
    head = '<meta property="og:image" content="http://[::1/lead.jpg"><base href="http://[x">'
    article = clean(page(head, '<img src="http://[bad/a.jpg" alt="A">'), url="http://[::1")
    assert article.image == "http://[::1/lead.jpg"
    assert [i.src for i in article.images] == ["http://[bad/a.jpg"]
