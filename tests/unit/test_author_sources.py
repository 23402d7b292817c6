"""Author names from the page's metadata and from trafilatura's author search, as names only."""

from __future__ import annotations

import json

import articlekit

_STORY = (
    "<p>The council approved the new ferry line on Monday after a debate that lasted most of "
    "the afternoon, and the first boats will sail in the spring.</p>"
    "<p>Fares will match the buses, the council said, and children under twelve ride free on "
    "every line of the network from the first day.</p>"
)


def _page(head: str, body: str) -> str:
    return (
        f"<html><head><title>Ferry line approved</title>{head}</head><body><article>"
        f"<h1>Ferry line approved</h1>{body}{_STORY}</article></body></html>"
    )


def test_a_json_ld_author_holding_its_link_markup_is_the_name() -> None:
    names = [
        '<a href="/pl/eksperci/ann-lee" hreflang="pl">Ann Lee</a>',
        '<a href="/pl/eksperci/bo-chen" hreflang="pl">Bo Chen</a>',
    ]
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": names}})
    # The page escapes it as JSON-LD in a script must: "<" is \u003C.
    ld = ld.replace("<", "\\u003C").replace(">", "\\u003E")
    page = _page(f'<script type="application/ld+json">{ld}</script>', "")
    assert articlekit.clean_html(page).authors == ("Ann Lee", "Bo Chen")
    assert articlekit.read_metadata(page).authors == ("Ann Lee", "Bo Chen")


def test_a_line_break_in_a_meta_author_parts_two_texts() -> None:
    page = _page('<meta name="author" content="ANN LEE&lt;BR&gt;Staff Writer">', "")
    assert articlekit.clean_html(page).authors[0] == "Ann Lee"
    assert all("<" not in name for name in articlekit.read_metadata(page).authors)


def test_the_tag_links_of_an_author_box_are_no_authors() -> None:
    # The author's name is an image; the box trafilatura's search reads holds the post's tags.
    tags = ("Harbours", "Ferries", "Transport", "Top City News", "Economy")
    links = " / ".join(
        f'<a href="/thema/{n}/" rel="category tag">{t}</a>' for n, t in enumerate(tags)
    )
    box = (
        '<div class="postMeta--author vcard author"><span class="metaDate">01.12.2022</span> / '
        f'<a href="/autor/x/"><img src="/x.png" alt=""></a> / {links}</div>'
    )
    assert articlekit.clean_html(_page("", box)).authors == ()
    # Where the box names the author too, the name stays.
    named = box.replace('alt=""></a>', 'alt=""></a> <span class="fn">Ann Lee</span>')
    assert articlekit.clean_html(_page("", named)).authors == ("Ann Lee",)


def _graph(*nodes: dict[str, object]) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@graph": list(nodes)})
    return f'<script type="application/ld+json">{ld}</script>'


def test_a_json_ld_author_given_by_its_id_is_read_from_the_graph() -> None:
    # WordPress' SEO plugins write the author as a pointer to a Person node of the graph.
    person = {"@type": "Person", "@id": "https://example.org/#/person/ann", "name": "Ann Lee"}
    article = {
        "@type": "Article",
        "headline": "Ferry line approved",
        "author": {"@id": "https://example.org/#/person/ann"},
    }
    # The pointer comes before the node it points at, as on most such pages.
    page = _page(_graph(article, person), "")
    assert articlekit.clean_html(page).authors == ("Ann Lee",)
    assert articlekit.read_metadata(page).authors == ("Ann Lee",)
    # A pointer to a node the page does not describe names no one.
    lost = dict(article, author={"@id": "https://example.org/#/person/bo"})
    assert articlekit.read_metadata(_page(_graph(lost, person), "")).authors == ()


def test_json_ld_nodes_that_point_at_each_other_name_no_one() -> None:
    first = {"@type": "Person", "@id": "#a", "sameAs": {"@id": "#b"}, "author": {"@id": "#b"}}
    second = {"@type": "Person", "@id": "#b", "author": {"@id": "#a"}}
    article = {"@type": "Article", "author": [{"@id": "#a"}, {"@id": "#b"}]}
    page = _page(_graph(article, first, second), "")
    assert articlekit.read_metadata(page).authors == ()


def _card(*pairs: tuple[str, str]) -> str:
    return "".join(
        f'<meta name="twitter:label{n}" content="{label}">'
        f'<meta name="twitter:data{n}" content="{value}">'
        for n, (label, value) in enumerate(pairs, 1)
    )


def test_the_twitter_cards_written_by_pair_names_the_author() -> None:
    # SEO plugins label the writer in the site's language, beside the reading time.
    for label in ("Written by", "Verfasst von", "Escrito por:"):
        page = _page(_card(("Est. reading time", "4 minutes"), (label, "Ann Lee")), "")
        assert articlekit.clean_html(page).authors == ("Ann Lee",)
        assert articlekit.read_metadata(page).authors == ("Ann Lee",)
    # A pair with another label names no one; the meta author comes first.
    assert articlekit.read_metadata(_page(_card(("Filed under", "Harbours")), "")).authors == ()
    first = _page('<meta name="author" content="Bo Chen">' + _card(("Written by", "Ann Lee")), "")
    assert articlekit.read_metadata(first).authors == ("Bo Chen",)


def test_a_cms_default_in_the_metadata_names_no_one() -> None:
    for value in ("admin", "No Author"):
        page = _page(f'<meta name="author" content="{value}">' + _card(("Written by", value)), "")
        assert articlekit.read_metadata(page).authors == ()
        assert articlekit.clean_html(page).authors == ()
    # A site's own user name that holds "admin" stays: it is the writer's name there.
    page = _page('<meta name="author" content="q_admin">', "")
    assert articlekit.read_metadata(page).authors == ("q_admin",)


def test_a_scripts_empty_value_in_the_json_ld_names_no_one() -> None:
    # A page's script wrote its empty variable into the JSON-LD author (a wcxb-dev page).
    for value in ("undefined", "null"):
        article = {"@type": "Article", "author": {"@type": "Person", "name": value}}
        page = _page(_graph(article), "")
        assert articlekit.read_metadata(page).authors == ()
        assert articlekit.clean_html(page).authors == ()


def test_the_author_of_a_recipe_or_a_forum_post_is_the_pages() -> None:
    # No article in the page's JSON-LD: its main work (a recipe, a forum thread's first post)
    # names the author; an article's author still comes first.
    for kind in ("Recipe", "DiscussionForumPosting"):
        work = {"@type": kind, "name": "Ferry line approved", "author": {"name": "jesusfreak"}}
        page = _page(_graph(work), "")
        assert articlekit.read_metadata(page).authors == ("jesusfreak",)
        assert articlekit.clean_html(page).authors == ("jesusfreak",)
    article = {"@type": "Article", "author": {"name": "Ann Lee"}}
    page = _page(_graph(work, article), "")
    assert articlekit.read_metadata(page).authors == ("Ann Lee",)
