"""Authors from the page outside its metadata: marked bylines, byline lines around the body."""

from __future__ import annotations

import random

import pytest
import regex
from lxml import etree
from lxml import html as lxml_html

import articlekit
from articlekit.draft import DraftBlock
from articlekit.readers.html import _page_byline
from articlekit.readers.markup_bylines import (
    _AUTHOR_MARK,
    _best_marked,
    _headline_holders,
    _is_author_element,
    _maybe_author_elements,
    linked_authors,
    markup_authors,
    plausible_author,
)
from random_pages import random_page


def _paragraph(i: int) -> str:
    return (
        f"<p>Paragraph {i}: the harbour board met on Tuesday and voted to rebuild the old "
        "pier before the summer season, the chair said after the meeting.</p>"
    )


BODY = "".join(_paragraph(i) for i in range(5))


def _page(head: str = "", header: str = "", footer: str = "") -> str:
    return (
        f"<html><head><title>Pier rebuilt</title>{head}</head><body>"
        f"<header><h1>Pier rebuilt</h1>{header}</header>"
        f"<article>{BODY}</article>{footer}</body></html>"
    )


def _markup(fragment: str) -> tuple[str, ...]:
    return markup_authors(lxml_html.fromstring(f"<html><body>{fragment}</body></html>"))


def test_hcard_byline_keeps_a_user_name_and_skips_comment_authors():
    fragment = (
        '<div class="comments"><span class="comment-author vcard">'
        '<span class="fn">Olli Brandt</span></span></div>'
        '<div class="entry-meta"><span class="byline">by <span class="author vcard">'
        '<a class="url fn n" href="/author/quill/">quill</a></span></span></div>'
    )
    assert _markup(fragment) == ("quill",)


def test_sidebar_and_menu_authors_are_not_the_articles():
    fragment = (
        '<aside class="widget recent-posts"><span class="author">Olli Brandt</span></aside>'
        '<ul class="menu"><li class="menu-authors"><a href="/author/ida-lang/">Ida Lang</a></li>'
        "</ul>"
    )
    assert _markup(fragment) == ()


def test_a_layout_class_around_the_headline_hides_no_byline():
    # Themes name the layout on the body and on the wrappers around the story: the byline
    # inside them is the article's, a real sidebar's name still is not.
    page = (
        '<html><body class="single custom-menu right-sidebar">'
        '<div class="content-block right-sidebar"><h1>Pier rebuilt</h1>'
        '<span class="byline">by <a rel="author" href="/author/quill/">quill</a></span>'
        f"{BODY}</div>"
        '<aside class="sidebar"><a rel="author" href="/author/olli/">Olli Brandt</a></aside>'
        "</body></html>"
    )
    assert markup_authors(lxml_html.fromstring(page)) == ("quill",)
    assert articlekit.clean_html(page).authors == ("quill",)
    without = page.replace(
        '<span class="byline">by <a rel="author" href="/author/quill/">quill</a></span>', ""
    )
    assert markup_authors(lxml_html.fromstring(without)) == ()


def test_an_element_around_the_headline_is_no_byline():
    # A theme's body class holding "author" marks the whole page, not a byline: the names of
    # its breadcrumb trail are no authors.
    crumbs = "".join(
        f'<li itemprop="itemListElement"><a href="{href}"><span itemprop="name">{name}</span>'
        "</a></li>"
        for href, name in (("/", "Home"), ("/guides/", "Garden Guidance"))
    )
    page = (
        f'<html><body class="wp-singular single-author"><ol class="crumbs">{crumbs}</ol>'
        f"<h1>Pier rebuilt</h1>{BODY}</body></html>"
    )
    assert markup_authors(lxml_html.fromstring(page)) == ()
    assert articlekit.clean_html(page).authors == ()


def test_the_body_is_no_byline_on_a_page_without_a_headline_element():
    # WordPress writes "s-author-admin" on the body; without an <h1> nothing else says the
    # body is the page: its name slots are every comment's author.
    comments = "".join(
        f'<li class="comment"><span class="vcard"><span class="fn">{name}</span></span></li>'
        for name in ("Janet", "Marnie", "Skye")
    )
    page = (
        '<html><body class="wordpress single s-author-admin"><div class="hentry post">'
        '<h2>Pier rebuilt</h2><p class="entry-meta">by <span class="author vcard">'
        f'<span class="fn">matt</span></span></p>{BODY}</div><ol>{comments}</ol></body></html>'
    )
    assert markup_authors(lxml_html.fromstring(page)) == ("matt",)


def test_itemprop_author_name_wins_over_a_class_marked_byline():
    fragment = (
        '<div class="post-author">By Olli Brandt and friends of the pier</div>'
        '<div itemprop="author" itemscope><span itemprop="name">Ida Lang</span>'
        '<span itemprop="jobTitle">Harbour reporter</span></div>'
    )
    assert _markup(fragment) == ("Ida Lang",)


def test_author_page_link_must_spell_the_name_of_its_url():
    fragment = (
        '<div class="author-box"><a href="/author/ida-lang/">Archives</a>'
        '<a href="/author/ida-lang/">Ida Lang</a></div>'
    )
    assert _markup(fragment) == ("Ida Lang",)


def test_a_link_marked_as_the_name_is_the_name_whatever_its_url_spells():
    # hCard's "fn" marks the name: the user "marc" writes as /author/murdelta/.
    fragment = (
        '<span class="byline">by <span class="author vcard"><a class="url fn n" '
        'href="/author/murdelta/" rel="author">marc</a></span></span>'
    )
    assert _markup(fragment) == ("marc",)
    # Unmarked, a link that does not spell its page's name is a label ("Archives").
    unmarked = fragment.replace('class="url fn n" ', "")
    assert _markup(unmarked) == ()


def test_marked_name_part_instead_of_the_box_text_and_several_authors():
    box = (
        '<div class="author-info"><div class="author-name">Ida Lang</div>'
        '<div class="author-title">Senior Harbour Correspondent</div></div>'
    )
    assert _markup(box) == ("Ida Lang",)
    pair = (
        '<p class="byline">By <span class="author">Ida Lang</span> and '
        '<span class="author">Olli Brandt</span></p>'
    )
    assert _markup(pair) == ("Ida Lang", "Olli Brandt")


def test_editor_and_reviewer_of_a_linked_credit_line_are_no_authors():
    fragment = (
        '<div class="byline">Written by <a href="/author/ida-lang/">Ida Lang</a> | '
        'Reviewed by <a href="/author/olli-brandt/">Olli Brandt</a></div>'
    )
    assert _markup(fragment) == ("Ida Lang",)


def test_copyright_line_marked_byline_names_nobody():
    assert _markup('<ul class="site-byline">© 2025 Harbour Media. Terms Privacy</ul>') == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ida Lang November", "Ida Lang"),
        ("Tom May", "Tom May"),
        ("July", None),
        ("29", None),
        ("wpadmin", None),
        ("Name", None),
        ("quill", "quill"),
        # The labels of an author box's links are no one; a name that holds such a word in
        # a longer word is someone.
        ("Full Bio", None),
        ("Terms & Conditions Privacy Policy", None),
        ("Folgen", None),
        ("Sharon Delenne", "Sharon Delenne"),
    ],
)
def test_plausible_author(raw, expected):
    assert plausible_author(raw) == expected


def test_a_link_label_from_the_search_gives_way_to_a_one_word_metadata_name():
    head = '<meta name="author" content="Ida">'
    header = '<div class="author-box"><a class="author-link" href="/about/">Full Bio</a></div>'
    assert articlekit.clean_html(_page(head, header)).authors == ("Ida",)


def test_site_only_metadata_gives_way_to_the_marked_byline():
    head = '<meta name="author" content="Harbour Post"><meta property="og:site_name" '
    head += 'content="Harbour Post">'
    header = '<span class="author vcard"><a class="url fn" href="/author/ida-lang/">Ida Lang</a>'
    header += "</span>"
    assert articlekit.clean_html(_page(head, header)).authors == ("Ida Lang",)
    # Without a byline anywhere, the site it is.
    assert articlekit.clean_html(_page(head)).authors == ("Harbour Post",)


def test_one_word_metadata_user_name_gives_way_to_the_marked_full_name():
    head = '<meta name="author" content="ilang77">'
    header = '<span class="author vcard"><a class="url fn" href="/author/ilang77/">Ida Lang</a>'
    header += "</span>"
    assert articlekit.clean_html(_page(head, header)).authors == ("Ida Lang",)
    assert articlekit.clean_html(_page(head)).authors == ("ilang77",)


@pytest.mark.parametrize(
    "organisation", ["Verband der Hafenbetriebe e.V.", "Hafen Medien GmbH", "hafenpost.de"]
)
def test_organisation_in_the_metadata_gives_way_to_the_bodys_byline(organisation):
    head = f'<meta name="author" content="{organisation}">'
    page = _page(head).replace("<article>", "<article><p>Von Ida Lang</p>")
    assert articlekit.clean_html(page).authors == ("Ida Lang",)
    # Without a byline anywhere, the organisation it is.
    assert articlekit.clean_html(_page(head)).authors == (organisation.rstrip("."),)


def test_organisation_and_its_acronym_in_the_metadata_give_way_to_the_bodys_byline():
    head = '<meta name="author" content="Institut für Hafenbau - IHB">'
    page = _page(head).replace("<article>", "<article><p>Von Ida Lang</p>")
    assert articlekit.clean_html(page).authors == ("Ida Lang",)


@pytest.mark.parametrize("value", ["Ida Lang, Hafenpost", "Hafenpost - Ida Lang"])
def test_the_site_beside_a_person_in_the_metadata_is_not_an_author(value):
    head = (
        f'<meta name="author" content="{value}"><meta property="og:site_name" content="Hafenpost">'
    )
    assert articlekit.clean_html(_page(head)).authors == ("Ida Lang",)
    # The site alone stays (nothing better).
    head = (
        '<meta name="author" content="Hafenpost"><meta property="og:site_name" content="Hafenpost">'
    )
    assert articlekit.clean_html(_page(head)).authors == ("Hafenpost",)


def test_a_person_in_the_metadata_stays_first():
    head = '<meta name="author" content="Olli Brandt">'
    page = _page(head).replace("<article>", "<article><p>Von Ida Lang</p>")
    assert articlekit.clean_html(page).authors == ("Olli Brandt",)


def test_metadata_author_escaped_twice_is_unescaped():
    head = '<meta name="author" content="Ida Lang &amp;amp; Olli Brandt">'
    assert articlekit.clean_html(_page(head)).authors == ("Ida Lang", "Olli Brandt")


def _blocks(*texts: str, links: tuple[int, ...] = ()) -> tuple[DraftBlock, ...]:
    return tuple(
        DraftBlock(index=i, text=t, link_density=1.0 if i in links else 0.0)
        for i, t in enumerate(texts)
    )


def test_page_byline_above_inside_and_below_the_body():
    para = "The harbour board met on Tuesday and voted to rebuild the old pier, the chair said."
    above = _blocks("Home", "Pier rebuilt", "By Ida Lang • 4 min read", para, para)
    assert _page_byline(above, (3, 4), "en") == ("Ida Lang",)
    inside = _blocks("Pier rebuilt", para, "Von Ida Lang", para)
    assert _page_byline(inside, (1, 3), "de") == ("Ida Lang",)
    label = _blocks("Pier rebuilt", "Author", "Ida Lang", para, para)
    assert _page_byline(label, (3, 4), "en") == ("Ida Lang",)
    below = _blocks(para, para, "Author", "Ida Lang")
    assert _page_byline(below, (0, 1), "en") == ("Ida Lang",)


def test_page_byline_with_the_byline_word_glued_to_the_name():
    para = "The harbour board met on Tuesday and voted to rebuild the old pier, the chair said."
    glued = _blocks("Pier rebuilt", "ByIda Lang", para, para)
    assert _page_byline(glued, (2, 3), "en") == ("Ida Lang",)
    initials = _blocks("Pier rebuilt", "ByJ.R. Lang", para, para)
    assert _page_byline(initials, (2, 3), "en") == ("J.R. Lang",)


def test_page_byline_deeper_inside_the_body_must_be_on_one_line():
    para = "The harbour board met on Tuesday and voted to rebuild the old pier, the chair said."
    # Photos and their captions open the body; the byline comes after them.
    deep = _blocks("Pier rebuilt", *[para] * 5, "By Ida Lang April 12, 2024", para)
    assert _page_byline(deep, (1, 7), "en") == ("Ida Lang",)
    # A teaser list in the body: "by" + a section name is no byline.
    teasers = _blocks("Pier rebuilt", *[para] * 5, "by", "Harbour News", para)
    assert _page_byline(teasers, (1, 8), "en") == ()


def test_page_byline_skips_menus_teasers_and_prose():
    para = "The harbour board met on Tuesday and voted to rebuild the old pier, the chair said."
    menu = _blocks("Autoren", "News", "Pier rebuilt", para, para, links=(0, 1))
    assert _page_byline(menu, (3, 4), "de") == ()
    teaser = _blocks(para, para, "By", "Real Estate Tips")
    assert _page_byline(teaser, (0, 1), "en") == ()
    prose = _blocks("By the end of the year, the pier will be open again.", para, para)
    assert _page_byline(prose, (1, 2), "en") == ()


def _markup_authors_of_every_element(
    tree: etree._Element, language: str | None = None
) -> tuple[str, ...]:
    """:func:`markup_authors` as it was, rating every element of the page (the reference)."""
    return _best_marked(tree.iter(etree.Element), language, _headline_holders(tree))


def test_the_mark_pieces_are_in_every_word_the_mark_pattern_matches():
    # _maybe_author_elements passes a class or id on "aut" or "byl" in its lower case: each
    # word of the pattern starts with one, and no other character than the ASCII letters
    # matches their letters under the pattern's flags (then lower() makes them these).
    words = _AUTHOR_MARK.pattern.split("|")
    assert all(word.startswith(("aut", "byl")) for word in words)
    letters = regex.compile("[autbyl]", _AUTHOR_MARK.flags)
    others = [chr(c) for c in range(0x80, 0x110000) if letters.fullmatch(chr(c))]
    assert others == []


_MARK_TAGS = ["div", "span", "a", "p", "section", "aside", "li", "meta", "nav"]
_MARK_ATTRIBUTES = {
    "class": [
        "author",
        "post-Author",
        "BYLINE",
        "by-line",
        "entry-AUTOR",
        "auteur",
        "Aut",
        "İauthor",
        "comment-author",
        "sidebar",
        "vcard",
        "fn",
        "author vcard",
        "x",
    ],
    "id": ["author", "Byline-1", "ArticleAuthor", "main", "widget"],
    "itemprop": ["author", "Author creator", "name", "x", "creator"],
    "rel": ["author", "nofollow", "AUTHOR me"],
    "href": ["/author/ida-lang/", "/autoren/olli", "/x"],
    "content": ["Ida Lang", "admin"],
}
_MARK_TEXTS = ["Ida Lang", "By Olli Brandt", "t", "Archives", "by Ida Lang and Olli Brandt"]


def test_markup_authors_reads_what_rating_every_element_reads():
    # The walk reads only the elements _maybe_author_elements lets through: the same marked
    # elements, in the same order, and the same names as rating every element.
    rng = random.Random(31)
    marked = named = 0
    for _ in range(500):
        page = random_page(rng, _MARK_TAGS, _MARK_ATTRIBUTES)
        page = regex.sub(">t<", lambda _: f">{rng.choice(_MARK_TEXTS)}<", page)
        tree = lxml_html.fromstring(f"<html><body>{page}<!-- c --></body></html>")
        every = [e for e in tree.iter() if isinstance(e.tag, str) and _is_author_element(e)]
        assert [e for e in _maybe_author_elements(tree) if _is_author_element(e)] == every
        expected = _markup_authors_of_every_element(tree)
        assert markup_authors(tree) == expected, page
        marked += bool(every)
        named += bool(expected)
    assert marked > 300 and named > 100  # the pages reach both


def test_maybe_author_elements_on_hand_written_marks():
    page = lxml_html.fromstring(
        '<html><body><div class="AUTHOR-box"><span class="x">A</span></div>'
        '<p id="c-Byline">B</p><a rel="Author" href="/x">C</a><link rel="author">'
        '<span itemprop="CREATOR">D</span><span class="İauthor">E</span>'
        '<p class="auth-or">F</p></body></html>'
    )
    every = [e for e in page.iter() if isinstance(e.tag, str) and _is_author_element(e)]
    assert [e.text for e in every] == [None, "B", "C", "D", "E"]
    assert [e for e in _maybe_author_elements(page) if _is_author_element(e)] == every
    assert markup_authors(page.getroottree()) == markup_authors(page)  # type: ignore[arg-type]


def _linked(fragment: str) -> tuple[str, ...]:
    return linked_authors(lxml_html.fromstring(f"<html><body>{fragment}</body></html>"))


def test_an_unmarked_link_to_the_writers_page_names_the_writer():
    # No class or microdata marks this byline: the link to the writer's archive does.
    assert _linked('<p>Nov 6 by <a href="/author/idalang/">Ida Lang</a> @ 12:39</p>') == (
        "Ida Lang",
    )
    assert _linked('<p>By <a href="/magazine/contributor/a._j._neal">A. J. Neal</a></p>') == (
        "A. J. Neal",
    )
    # The link to the page is read from the page's own name: a label is no one.
    assert _linked('<p><a href="/author/idalang/">More posts</a></p>') == ()
    assert _linked('<p><a href="/author/4217/">Ida Lang</a></p>') == ()


def test_a_writers_link_in_comments_or_credited_otherwise_is_no_author():
    assert (
        _linked('<div class="comment-list"><a href="/author/ollibrandt/">Olli Brandt</a></div>')
        == ()
    )
    assert _linked('<p>Photos by <a href="/author/eirik/">Eirik</a> in Summer</p>') == ()
    # The first link that names a writer in the author's role counts.
    assert _linked(
        '<p>Photos by <a href="/author/eirik/">Eirik</a></p>'
        '<p>Words by <a href="/author/idalang/">Ida Lang</a></p>'
    ) == ("Ida Lang",)


def test_clean_html_takes_the_writers_link_only_when_nothing_else_names_an_author():
    link = '<p class="meta">Posted 6 May by <a href="/authors/ida-lang">Ida Lang</a></p>'
    assert articlekit.clean_html(_page(footer=link)).authors == ("Ida Lang",)
    named = _page(head='<meta name="author" content="Olli Brandt">', footer=link)
    assert articlekit.clean_html(named).authors == ("Olli Brandt",)


def test_a_printed_byline_is_cut_to_the_marked_name_it_starts_with():
    # The category link after the author element is printed glued to the name.
    header = (
        '<p class="entry-meta"><span class="byline">by <span class="author vcard">'
        '<a class="url fn n" href="/author/ida/">Ida Lang</a></span></span>'
        '<span class="cat-links">in <a href="/category/harbour/" rel="category tag">Harbour'
        "</a></span></p>"
    )
    german = _page(header=header).replace("<html>", '<html lang="de">')
    assert articlekit.clean_html(german).authors == ("Ida Lang",)
    # A role run into the printed name goes the same way.
    header = (
        '<p>By Ida Lang Harbour Master</p><span class="author vcard" style="display:none">'
        '<span class="fn">Ida Lang</span></span>'
    )
    assert articlekit.clean_html(_page(header=header)).authors == ("Ida Lang",)


def test_a_marked_name_of_one_word_cuts_no_printed_name():
    header = '<p>By Mary Ann Evans</p><span class="author vcard"><span class="fn">Mary</span>'
    header += "</span>"
    assert articlekit.clean_html(_page(header=header)).authors == ("Mary Ann Evans",)


def test_a_marked_name_cuts_no_printed_surname_in_the_middle():
    # "Ann Lee" ends inside the printed "Leeson": no stop word ran into the name there.
    header = '<p>By Ann Leeson Smith</p><span class="author vcard"><span class="fn">Ann Lee'
    header += "</span></span>"
    for lang in ('<html lang="en">', "<html>"):
        page = _page(header=header).replace("<html>", lang)
        assert articlekit.clean_html(page).authors == ("Ann Leeson Smith",)


def test_a_bare_by_over_the_posts_tag_links_names_no_one():
    # "By" heads the tag links, printed without a space between them: no person there,
    # and the markup's writer stands.
    header = (
        '<h3>By</h3><div><a rel="tag" href="/t/harbour-works/">Harbour Works</a>'
        '<a rel="tag" href="/t/ferry-news/">Ferry News</a></div>'
        '<span class="author vcard"><span class="fn">Ida Lang</span></span>'
    )
    assert articlekit.clean_html(_page(header=header)).authors == ("Ida Lang",)
    # A writer the site also tags is still the writer.
    header = '<p>By <a rel="tag" href="/t/ida-lang-moss/">Ida Lang Moss</a></p>'
    assert articlekit.clean_html(_page(header=header)).authors == ("Ida Lang Moss",)
