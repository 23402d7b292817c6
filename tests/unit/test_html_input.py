from __future__ import annotations

import codecs
import dataclasses
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from lxml import html as lxml_html

import articlekit
from articlekit.errors import InputError, InputTypeError, NoArticleError
from articlekit.readers.html import decode_html
from articlekit.readers.page import page_blocks


def _paragraph(i: int) -> str:
    return (
        f"<p>Paragraph {i}: negotiators from both countries met in Istanbul on Monday and "
        "agreed to resume the exchange of prisoners, officials said after the talks.</p>"
    )


PARAS = "".join(_paragraph(i) for i in range(4))
PAGE = (
    f"<html><head><title>Talks resume</title></head><body><article>{PARAS}</article></body></html>"
)


def test_str_bytes_lxml_and_soup_inputs_give_the_same_article():
    expected = articlekit.clean_html(PAGE).text
    assert expected.startswith("Paragraph 0")
    assert articlekit.clean_html(PAGE.encode("utf-8")).text == expected
    assert articlekit.clean_html(lxml_html.fromstring(PAGE)).text == expected
    assert articlekit.clean_html(BeautifulSoup(PAGE, "html.parser")).text == expected


@pytest.mark.parametrize(
    "declaration",
    [
        '<?xml version="1.0" encoding="iso-8859-1"?>',  # lxml refuses it in a str
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">',
    ],
)
def test_a_decoded_page_is_read_as_decoded_whatever_charset_it_declares(declaration):
    # The reader parses the str's UTF-8 bytes: a declared charset must not re-decode them.
    page = PAGE.replace("<head>", f"<head>{declaration}").replace(
        "Paragraph 0", "Zürich “café” 😀 Paragraph 0"
    )
    text = articlekit.clean_html(page).text
    assert "Zürich “café” 😀 Paragraph 0" in text


def test_lxml_tree_is_not_modified():
    tree = lxml_html.fromstring(PAGE)
    before = lxml_html.tostring(tree)
    articlekit.clean_html(tree)
    assert lxml_html.tostring(tree) == before


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "<p>Café</p>".encode(), "<p>Café</p>"),
        (codecs.BOM_UTF16_LE + "<p>Café</p>".encode("utf-16-le"), "<p>Café</p>"),
        (
            '<meta charset="iso-8859-1"><p>Café</p>'.encode("latin-1"),
            '<meta charset="iso-8859-1"><p>Café</p>',
        ),
        ("<p>Café</p>".encode(), "<p>Café</p>"),
        (
            b'<meta charset="no-such-charset"><p>Cafe</p>',
            '<meta charset="no-such-charset"><p>Cafe</p>',
        ),
    ],
)
def test_decode_html(data, expected):
    assert decode_html(data) == expected


def test_plain_text_is_refused_with_a_pointer_to_clean_text():
    with pytest.raises(InputError, match="clean_text"):
        articlekit.clean_html("Just a sentence, no markup at all.")


@pytest.mark.parametrize("bad", [None, 42, ["<p>x</p>"]])
def test_wrong_type_is_a_type_error(bad):
    with pytest.raises(InputTypeError, match="clean_html takes HTML"):
        articlekit.clean_html(bad)


def test_page_without_article_raises_no_article_error_with_the_metadata():
    page = (
        "<html><head><title>Index of stories | The Daily</title>"
        '<meta property="og:site_name" content="The Daily">'
        '<meta property="article:published_time" content="2025-11-16T09:30:00+00:00">'
        "</head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"
    )
    with pytest.raises(NoArticleError, match="no article text") as info:
        articlekit.clean_html(page)
    article = info.value.article
    assert isinstance(article, articlekit.Article)
    assert article.blocks == ()
    assert article.title == "Index of stories"
    assert article.published is not None


def test_fragment_is_accepted():
    article = articlekit.clean_html(f"<div>{PARAS}</div>")
    assert article.text.startswith("Paragraph 0")


def test_page_core_fallback_when_trafilatura_takes_a_teaser_box():
    # Boilerplate-looking markup around the story; the story is the page's densest prose.
    teasers = "".join(
        f"<div class='teaser'><p>Teaser {i} about something else...</p></div>" for i in range(3)
    )
    page = f"<html><body><div class='sidebar'>{teasers}</div><div>{PARAS}</div></body></html>"
    article = articlekit.clean_html(page)
    assert "Paragraph 3" in article.text


def test_page_core_check_skips_the_region_models_when_the_output_outweighs_any_core(monkeypatch):
    # trafilatura's output holds most of the page's words: no core can make it "short", so the
    # check passes without weighing the page's regions (their cost is most of the check's).
    from articlekit.readers import html as reader

    def no_models(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the region models ran")

    monkeypatch.setattr(reader, "article_core", no_models)
    article = articlekit.clean_html(f"<html><body><article>{PARAS}</article></body></html>")
    assert "Paragraph 3" in article.text


def test_page_core_fallback_does_not_take_the_comments_for_the_article():
    # A table layout (the story in one long row) sends the reader to the page's densest prose;
    # the readers' comments below are longer than the story but are never its core.
    story = " ".join(
        f"The council voted {i} times on the bridge repairs before the budget passed this week."
        for i in range(6)
    )
    comments = "".join(
        f"<div class='comment-body'><p>Reader {i} wrote that the bridge has been closed for far "
        f"too long and that the repairs should have started years ago, before the floods.</p>"
        f"<p>Posted by user{i} | January 7 2008 at 03:0{i} PM</p></div>"
        for i in range(8)
    )
    page = (
        "<html><body><table><tr><td><a href='/'>Home</a> <a href='/news'>News</a> Menu "
        f"</td><td><p>{story}</p><p>Menu and links printed in the same layout row.</p></td>"
        f"</tr></table><div id='comments'>{comments}</div></body></html>"
    )
    article = articlekit.clean_html(page)
    assert "voted 5 times" in article.text
    assert "Reader 3 wrote" not in article.text


_MENU_ENTRIES = [
    "Consulting sessions: hourly coaching covering pricing strategy, customer research,"
    " competitor analysis, hiring plans, investor decks, payment processors, refund policies.",
    "Books: practical guides covering software businesses, pricing experiments, marketing"
    " channels, support desks, hiring, contracts, invoices, accounting basics, sales pipelines.",
    "Workshops: half-day sessions covering release planning, pitch rehearsals, support"
    " training, onboarding flows, analytics dashboards, growth experiments, retention metrics.",
    "Courses: recorded lessons covering landing pages, email campaigns, search rankings,"
    " conversion funnels, pricing tiers, trial lengths, churn reduction, upsell offers.",
    "Templates: spreadsheets covering budgets, forecasts, payroll, runway calculations,"
    " hiring scorecards, interview questions, offer letters, equity grants, board updates.",
    "Community: members-only forum covering weekly challenges, accountability groups, office"
    " hours, expert interviews, job boards, discount codes, regional meetups.",
]


def test_page_core_fallback_does_not_take_a_menu_of_long_entries_for_a_missed_story():
    # A short blog post under a menu whose linked entries are long descriptions: the menu is
    # the page's longest run and the post shares few of its words, but a run of link text is
    # no story trafilatura missed. The post stays the article (it was lost whole before).
    menu = "".join(
        f'<li><a href="/p{i}">{entry} {entry}</a></li>' for i, entry in enumerate(_MENU_ENTRIES * 2)
    )
    post = (
        "<p>Just posted the interview that we did with a productivity author about planning "
        "for founders. You will find it on the podcast page, with notes and links to "
        "everything we talked about.</p><p>Speaking of planning, I am switching back to a "
        "simpler task list. I found myself too distracted by the other app and its "
        "intricacies, and not focusing on the things I want to get done.</p>"
    )
    page = (
        "<html><head><title>Planning for founders</title></head><body>"
        f"<div id='menu'><ul>{menu}</ul></div>"
        f"<div class='post'><h1>Planning for founders</h1>{post}</div></body></html>"
    )
    article = articlekit.clean_html(page)
    assert article.text.startswith("Just posted the interview")
    assert "simpler task list" in article.text
    assert "Consulting sessions" not in article.text


@pytest.mark.parametrize("layout", [False, True])
@pytest.mark.parametrize(
    ("thread", "kept"),
    [
        ("comment", "the post"),  # the readers' comments: the post stays
        ("sidebar", "the post"),  # a sidebar (or the navigation): the post stays
        ("footer", "the core"),  # a footer may hold a story: the core is taken
        ("", "the core"),  # the same words unmarked, prose of the page: the core is taken
    ],
)
def test_page_core_fallback_weighs_what_the_core_is_made_of(monkeypatch, thread, kept, layout):
    # trafilatura's output is a short post (or, with layout, the post in layout-table rows);
    # the page's core (fixed here) runs over it and a long thread below. Either test sends
    # the reader to the core, unless most of the core's words are comments, navigation,
    # sidebars or link text.
    from articlekit.draft import DraftBlock
    from articlekit.readers import html as reader

    kind = "table_row" if layout else "paragraph"
    post = [
        DraftBlock(0, "A short post about the bridge repairs that closed the river road.", kind),
        DraftBlock(1, "The council voted on the budget this week, after years of delays.", kind),
    ]
    if layout:
        monkeypatch.setattr(reader, "_layout_row", lambda text: True)
    marks = (thread,) if thread else ()
    replies = [
        DraftBlock(
            2 + i,
            f"Reply {i}: honestly, commuters waited forever; potholes, detours, flooding, "
            "traffic jams and closures everywhere, nobody listened, shameful management.",
            classes=marks,
        )
        for i in range(8)
    ]
    page = tuple(post + replies)
    monkeypatch.setattr(reader, "article_core", lambda *args, **kwargs: (0, len(page)))
    blocks, extractor = reader._check_against_page_core(page, tuple(post))
    assert (extractor == "trafilatura") == (kept == "the post")
    assert len(blocks) == (2 if kept == "the post" else len(page))


def test_text_loose_in_trafilatura_body_is_kept():
    # trafilatura leaves a page's unwrapped text directly in its output body (the tail of a
    # <p>, of a line break): it is the article, not something to drop.
    from articlekit.readers.html import body_blocks

    body = etree.fromstring(
        "<body>Lead text.<p>By A Reporter</p>First paragraph of the story."
        "<lb/>Second paragraph.<graphic src='x.jpg'/>Third.<p>End.</p> </body>"
    )
    assert [b.text for b in body_blocks(body)] == [
        "Lead text.",
        "By A Reporter",
        "First paragraph of the story.",
        "Second paragraph.",
        "Third.",
        "End.",
    ]


def test_page_blocks_link_density_and_skipped_scripts():
    tree = lxml_html.fromstring(
        "<body><ul><li><a href='/x'>Other story</a></li></ul><p>Text <a href='#'>link</a> end.</p>"
        "<script>var x = 1;</script><style>p{}</style></body>"
    )
    blocks = page_blocks(tree)
    assert [b.text for b in blocks] == ["Other story", "Text link end."]
    assert blocks[0].link_density == 1.0
    assert 0.2 < (blocks[1].link_density or 0) < 0.4


def test_unclosed_title_does_not_swallow_the_page():
    # Truncated pages lose </title>; a parser then reads the whole document as the title.
    page = (
        f"<html><head><title>Talks resume<meta charset='utf-8'></head><body>{PARAS}</body></html>"
    )
    article = articlekit.clean_html(page)
    assert article.text.startswith("Paragraph 0")
    assert "Paragraph 3" in article.text


def test_article_after_an_early_end_of_document_is_read():
    # Some templates print the site header as a whole document, </html> and all, before the
    # article; browsers show what follows, libxml2 alone would drop it.
    page = (
        "<html><head><title>Talks resume</title></head><body><header><nav><a href='/'>Home</a>"
        f"</nav></header></body></html>\n<div class='post'><h1>Talks resume</h1>{PARAS}</div>"
        "<footer><p>Contact us</p></footer></body></html>"
    )
    article = articlekit.clean_html(page)
    assert article.text.startswith("Paragraph 0")
    assert "Paragraph 3" in article.text


LEAD = "Kyiv and Moscow agree to swap 1,200 prisoners after talks mediated by Turkey and the UAE."


def _page_with_lead(lead_html: str, description: str = LEAD) -> str:
    return (
        f"<html><head><title>Talks resume</title><meta name='description' content='{description}'>"
        f"</head><body><header><h1>Talks resume</h1>{lead_html}</header>"
        f"<article>{PARAS}</article></body></html>"
    )


def test_standfirst_printed_above_the_body_is_put_back():
    # trafilatura starts the body below the header; the lead printed there is article text.
    article = articlekit.clean_html(_page_with_lead(f"<p class='intro'>{LEAD}</p>"))
    assert article.text.startswith(LEAD)
    assert "Paragraph 3" in article.text


def test_cut_off_description_still_finds_its_standfirst():
    cut = LEAD[:60] + "..."
    article = articlekit.clean_html(_page_with_lead(f"<p class='intro'>{LEAD}</p>", cut))
    assert article.text.startswith(LEAD)


def test_description_not_printed_on_the_page_adds_nothing():
    article = articlekit.clean_html(_page_with_lead("<p class='intro'>Updated on Monday</p>"))
    assert article.text.startswith("Paragraph 0")
    assert LEAD not in article.text


def test_linked_standfirst_is_not_taken():
    lead = f"<p><a href='/other'>{LEAD}</a></p>"
    article = articlekit.clean_html(_page_with_lead(lead))
    assert LEAD not in article.text


def _page_with_gap(gap_html: str) -> str:
    body = f"{_paragraph(0)}{_paragraph(1)}{gap_html}{_paragraph(2)}{_paragraph(3)}"
    return f"<html><body><article>{body}</article></body></html>"


def test_subheading_dropped_between_two_paragraphs_is_put_back():
    # trafilatura drops a heading whose inner markup looks like furniture ("sidebar").
    article = articlekit.clean_html(
        _page_with_gap("<h2><span class='sidebar'>What comes next</span></h2>")
    )
    texts = [b.text for b in article.blocks]
    assert texts.index("What comes next") == texts.index(next(t for t in texts if "2:" in t)) - 1
    assert article.blocks[texts.index("What comes next")].kind == "heading"


def test_linked_heading_between_paragraphs_stays_out():
    article = articlekit.clean_html(
        _page_with_gap("<h2><span class='sidebar'><a href='/x'>Other story</a></span></h2>")
    )
    assert "Other story" not in article.text


def test_a_heading_in_furniture_between_two_paragraphs_stays_out():
    # The lone heading between two kept blocks comes back only when no element around it is
    # named like furniture, but the article's own (here "sidebar", the whole layout's).
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _with_subheadings

    first = "Heat the oven and butter a deep tin while the milk warms on the stove."
    last = "Bake the pudding for forty minutes, until the top is set and golden."
    kept = (DraftBlock(0, first, link_density=0.0), DraftBlock(1, last, link_density=0.0))

    def with_heading(mark: str) -> list[str]:
        page = (
            DraftBlock(0, first, link_density=0.0, classes=("sidebar",)),
            DraftBlock(1, "Share this", kind="heading", link_density=0.0, classes=(mark,)),
            DraftBlock(2, last, link_density=0.0, classes=("sidebar",)),
        )
        return [b.text for b in _with_subheadings(page, _page_index(page), kept)]

    assert with_heading("sidebar") == [first, "Share this", last]
    assert with_heading("share") == [first, last]


SLIDE_TEXT = (
    "The second round of talks is planned for next month in Geneva, where both delegations "
    "expect to sign the agreement."
)


def test_paragraph_dropped_for_a_layout_class_between_two_paragraphs_is_put_back():
    # trafilatura discards elements whose class holds "slide" (carousels), which also
    # matches a listicle's own items.
    html = _page_with_gap(f"<div class='listicle-slide'><p>{SLIDE_TEXT}</p></div>")
    texts = [b.text for b in articlekit.clean_html(html).blocks]
    assert texts.index(SLIDE_TEXT) == texts.index(next(t for t in texts if "2:" in t)) - 1


def test_lead_paragraph_right_above_the_body_is_put_back():
    # trafilatura discards elements whose class holds "teaser", which is also how many
    # sites mark the lead paragraph.
    lead = f"<div class='article-teaser'><p>{SLIDE_TEXT}</p></div>"
    html = f"<html><body><article>{lead}<div class='body'>{PARAS}</div></article></body></html>"
    texts = [b.text for b in articlekit.clean_html(html).blocks]
    assert texts[0] == SLIDE_TEXT
    # In a furniture-named box it stays out.
    boxed = html.replace("article-teaser", "newsletter-teaser")
    assert SLIDE_TEXT not in articlekit.clean_html(boxed).text


@pytest.mark.parametrize("furniture", ["author-bio", "comment-list", "newsletter-box"])
def test_prose_in_furniture_between_two_paragraphs_stays_out(furniture):
    html = _page_with_gap(f"<div class='{furniture}'><p>{SLIDE_TEXT}</p></div>")
    assert SLIDE_TEXT not in articlekit.clean_html(html).text


def test_gap_prose_skips_captions_links_and_short_lines():
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _with_gap_prose

    prose = "Officials said the talks would resume on Monday after a pause of several weeks."
    page = (
        DraftBlock(0, f"First. {prose}", link_density=0.0),
        DraftBlock(1, f"Caption. {prose}", kind="caption", link_density=0.0),
        DraftBlock(2, f"Linked. {prose}", link_density=0.5),
        DraftBlock(3, "Share this story", link_density=0.0),
        DraftBlock(4, f"Kept. {prose}", link_density=0.1),
        DraftBlock(5, f"Last. {prose}", link_density=0.0),
    )
    extracted = (page[0], page[5])
    out = _with_gap_prose(page, _page_index(page), extracted)
    assert [b.text.split(".")[0] for b in out] == ["First", "Kept", "Last"]
    assert [b.index for b in out] == [0, 1, 2]
    # Nothing between the blocks: the same tuple comes back.
    assert _with_gap_prose(page, _page_index(page), page[4:6]) == page[4:6]


def test_recall_mode_is_asked_only_when_the_output_is_short_next_to_the_pages_prose():
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _under_extracted

    prose = (
        "Negotiators from both countries met in Istanbul on Monday and agreed to resume the "
        "exchange of prisoners, officials said after the talks ended."
    )
    page = tuple(DraftBlock(i, f"({i}) {prose}", link_density=0.0) for i in range(10))
    menu = tuple(DraftBlock(10 + i, "Home News Sport", link_density=1.0) for i in range(50))
    whole = page + menu
    assert _under_extracted(whole, _page_index(whole), page[:3])
    assert not _under_extracted(whole, _page_index(whole), page[:9])
    # The same shortfall, but the missing prose is far below the article (other stories
    # after a long menu): recall mode would not add the article's own text.
    far = page[:3] + menu + page[3:]
    assert not _under_extracted(far, _page_index(far), page[:3])


def test_own_parser_reads_pages_as_trafilatura_does():
    from trafilatura.utils import load_html

    from articlekit.readers.html import parse_html

    form = "<form><label>Email</label><input name='e'><select><option>A</option></select></form>"
    declared = f'<?xml version="1.0" encoding="utf-8"?>{PAGE}'  # a str libxml2 refuses as is
    commented = PAGE.replace("<p>Paragraph 1", "<!-- note --><p>Paragraph 1")
    for page in (PAGE, PAGE.replace("<article>", f"<article>{form}"), declared, commented):
        ours, theirs = parse_html(page), load_html(page)
        # Ours keeps comments for the date search; without them the trees are the same.
        etree.strip_tags(ours, etree.Comment)
        assert lxml_html.tostring(ours) == lxml_html.tostring(theirs)
        assert all(isinstance(e, lxml_html.HtmlElement) for e in ours.iter("input", "p"))
    assert articlekit.clean_html(declared).text == articlekit.clean_html(PAGE).text


def _titled_page(title: str, logo: str, headline: str) -> str:
    nav = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30))
    return (
        f"<html><head><title>{title}</title></head><body><div class='logo'>{logo}</div>"
        f"<ul>{nav}</ul><div><b>{headline}</b></div><article>{PARAS}</article></body></html>"
    )


def test_title_is_the_part_of_the_page_title_printed_above_the_article():
    page = _titled_page(
        "Talks resume in Istanbul - The Daily Planet",
        "The Daily Planet",
        "Talks resume in Istanbul",
    )
    assert articlekit.clean_html(page).title == "Talks resume in Istanbul"
    # A headline with a colon of its own is found whole; the prefix is the site's.
    page = _titled_page(
        "dailyplanet.com: Accident or attack?: What we know",
        "Daily Planet",
        "Accident or attack?: What we know",
    )
    assert articlekit.clean_html(page).title == "Accident or attack?: What we know"


def test_site_name_printed_in_the_logo_is_not_taken_for_the_headline():
    # The logo prints the title's site part far above the article; the headline is not
    # printed alone: the site part must not become the title.
    page = _titled_page("Talks resume in Istanbul | Encore Realty", "Encore Realty", "Menu")
    assert articlekit.clean_html(page).title != "Encore Realty"
    assert articlekit.clean_html(page).title.startswith("Talks resume in Istanbul")


def test_date_in_an_html_comment_is_found():
    # Blog engines print the entry's trackback RDF inside a comment; htmldate reads it on
    # its own parse, so the reader keeps comments until the date search has run.
    rdf = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description '
        'dc:title="Talks resume" dc:date="2020-07-12T10:31:00+09:00" /></rdf:RDF>'
    )
    article = articlekit.clean_html(PAGE.replace("</body>", f"<!-- {rdf} --></body>"))
    assert article.published is not None
    assert article.published.date().isoformat() == "2020-07-12"
    # The comment is not text of the page.
    assert "rdf" not in article.text.lower()


def test_comments_are_gone_before_trafilatura_but_a_users_tree_keeps_them():
    html = PAGE.replace("<p>Paragraph 1", "<!-- a note --><p>Paragraph 1")
    tree = lxml_html.fromstring(html)
    articlekit.clean_html(tree)
    assert any(isinstance(node, lxml_html.HtmlComment) for node in tree.iter())
    assert articlekit.clean_html(tree).text == articlekit.clean_html(html).text


def test_local_form_of_a_moment_near_midnight_gives_the_pages_day():
    from articlekit.draft import Hints
    from articlekit.readers.html import _complete_hints, _local_forms

    utc, local = "2020-12-24T23:59:50Z", "2020-12-25T01:59:50+02:00"
    assert _local_forms((utc, local), "2020-12-24") == [local]
    assert _local_forms((utc, "2020-12-25T01:59:50"), "2020-12-24") == []  # no zone
    assert _local_forms(("2020-12-26T01:59:50+02:00",), "2020-12-24") == []  # another moment
    # htmldate finds the UTC day in the page's JSON-LD; the page's own zone says the 25th.
    ld = f'{{"@type": "NewsArticle", "datePublished": "{utc}"}}'
    tree = lxml_html.fromstring(
        f"<html><head><script type='application/ld+json'>{ld}</script></head>"
        f"<body>{PARAS}</body></html>"
    )
    hints = _complete_hints(tree, Hints(published=(utc, local)), None, None)
    assert hints.published[0] == local
    assert hints.published[-1] == "2020-12-24"


def test_a_data_table_with_long_rows_is_not_page_layout():
    # A comparison chart spreads long rows over many columns: trafilatura's output (intro,
    # table and all) is the article; only a row holding its words in a cell or two is layout.
    from articlekit.readers.html import _layout_row

    cells = [
        f"Plan {c} costs more as the team grows and adds seats every quarter" for c in "ABCDEFG"
    ]
    assert not _layout_row(" | ".join(cells))
    assert _layout_row(" | ".join(cells[:3]) + " " + " ".join(cells[3:]))  # three cells
    assert _layout_row(" | ".join([" ".join(cells), "Menu"]))  # one long cell

    intro = "".join(
        f"<p>Choosing software for a growing company is hard, and the guide compares point {i} "
        f"of six platforms so readers can weigh the costs and features that matter.</p>"
        for i in range(4)
    )
    header = "".join(f"<th>Vendor {c}</th>" for c in "ABCDEFG")
    rows = "".join(
        "<tr>"
        + f"<td>Size {r}</td>"
        + "".join(f"<td>{c} for size {r}</td>" for c in cells[1:])
        + "</tr>"
        for r in range(6)
    )
    page = (
        f"<html><body><article><h1>Guide</h1>{intro}<table><tr>{header}</tr>{rows}</table>"
        "<p>Pick the platform that fits the team and the budget you have today.</p>"
        "</article></body></html>"
    )
    article = articlekit.clean_html(page)
    assert "compares point 0 of six platforms" in article.text
    assert "Plan C costs more" in article.text


_STORY = "".join(
    f"<p>The council voted {i} times on the bridge repairs before the budget finally passed "
    "this week, officials said, and the first buses are due to cross it again in the spring "
    "after two years.</p>"
    for i in range(5)
)
_APPEAL = (
    "<p>Our reporters cover the city every day, and their work depends on readers like you who "
    "give what they can.</p>"
)


@pytest.mark.parametrize(
    "layout",
    [
        f"<div><div>{_STORY}</div><div>{_APPEAL}</div></div>",
        f"<main><section>{_STORY}</section><section>{_APPEAL}</section></main>",
        f"<table><tr><td>{_STORY}</td></tr><tr><td>{_APPEAL}</td></tr></table>",
    ],
    ids=["divs", "sections", "table-rows"],
)
def test_a_box_after_the_articles_element_goes_with_its_reason(layout: str) -> None:
    # trafilatura's output runs on into the next box of the layout; the reader finds the
    # element around the story's paragraphs and the box after it goes, on the record.
    article = articlekit.clean_html(f"<html><body>{layout}</body></html>")
    assert "voted 4 times" in article.text
    assert "readers like you" not in article.text
    assert [(r.cleaner, r.reason) for r in article.removed] == [
        ("remove_after_article", "after_article")
    ]
    assert article.removed[0].text.startswith("Our reporters cover the city")


def test_paragraphs_in_the_articles_own_element_stay() -> None:
    # The same appeal inside the story's element is the article's last paragraph, and a
    # story of one long paragraph keeps the short lines after it (its box is the element
    # around the paragraph, not the paragraph).
    same = articlekit.clean_html(
        f"<html><body><div><div>{_STORY}{_APPEAL}</div></div></body></html>"
    )
    assert "readers like you" in same.text
    one = articlekit.clean_html(
        "<html><body><article><p>The council voted on the bridge repairs before the budget "
        "finally passed this week, officials said, and the first buses are due to cross it "
        "again in the spring after two years of work.</p><p>The mayor was pleased.</p>"
        "</article></body></html>"
    )
    assert "The mayor was pleased." in one.text
    assert not any(r.reason == "after_article" for r in same.removed + one.removed)


def test_the_after_article_cleaner_can_be_left_out() -> None:
    page = f"<html><body><div><div>{_STORY}</div><div>{_APPEAL}</div></div></body></html>"
    pipeline = articlekit.DEFAULT_PIPELINE.without("remove_after_article")
    assert "readers like you" in articlekit.clean_html(page, pipeline=pipeline).text


def test_list_items_dropped_between_kept_paragraphs_are_put_back():
    # trafilatura drops a recipe's ingredient list from between two paragraphs it kept; the
    # items come back, but not a link list or items in an element named like furniture.
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _with_gap_prose

    first = "Heat the oven and butter a deep tin while the milk warms on the stove."
    last = "Bake the pudding for forty minutes, until the top is set and golden."
    page = (
        DraftBlock(0, first, link_density=0.0),
        DraftBlock(1, "2 cups of milk", kind="list_item", link_density=0.0),
        DraftBlock(2, "Other recipes here", kind="list_item", link_density=1.0),
        DraftBlock(3, "Share on Facebook", kind="list_item", link_density=0.0, classes=("share",)),
        DraftBlock(4, "Salt", kind="list_item", link_density=0.0),
        DraftBlock(5, "oven --preheat 180", kind="code", link_density=0.0),
        DraftBlock(6, last, link_density=0.0),
    )
    kept = (DraftBlock(0, first, link_density=0.0), DraftBlock(1, last, link_density=0.0))
    out = _with_gap_prose(page, _page_index(page), kept)
    assert [b.text for b in out] == [first, "2 cups of milk", "oven --preheat 180", last]
    assert [b.index for b in out] == [0, 1, 2, 3]


def test_the_gap_fill_reads_the_articles_own_mark_as_no_mark() -> None:
    # A site wraps its whole layout in a "has-sidebar" element: every block carries the
    # mark, the article's too. A paragraph dropped between two kept ones comes back; a
    # block in another marked element (a share row) and a comment section do not.
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _with_gap_prose

    first = "Heat the oven and butter a deep tin while the milk warms on the stove."
    middle = "Whisk the eggs with the sugar until pale, then pour in the warm milk slowly."
    last = "Bake the pudding for forty minutes, until the top is set and golden."
    share = "Share this recipe with your friends and family on every network you use."
    comment = "I baked this last night and the whole family loved it, thank you so much."

    def page_of(mark: str) -> tuple[DraftBlock, ...]:
        return (
            DraftBlock(0, first, link_density=0.0, classes=(mark,)),
            DraftBlock(1, middle, link_density=0.0, classes=(mark,)),
            DraftBlock(2, share, link_density=0.0, classes=("share",)),
            DraftBlock(3, comment, link_density=0.0, classes=("comment",)),
            DraftBlock(4, last, link_density=0.0, classes=(mark,)),
        )

    kept = (DraftBlock(0, first, link_density=0.0), DraftBlock(1, last, link_density=0.0))
    page = page_of("sidebar")
    out = _with_gap_prose(page, _page_index(page), kept)
    assert [b.text for b in out] == [first, middle, last]
    # Inside a comment section, nothing is the article's own.
    page = page_of("comment")
    assert _with_gap_prose(page, _page_index(page), kept) == kept


def _read(body: str) -> tuple[tuple[Any, ...], list[Any]]:
    """The page blocks of ``body`` and the element of each."""
    elements: list[Any] = []
    page = page_blocks(lxml_html.fromstring(f"<html><body>{body}</body></html>"), elements)
    return page, elements


def _card(i: int, cls: str = "card", href: str = "/story-{i}") -> str:
    return (
        f"<div class='{cls}'><h3><a href='{href.format(i=i)}'>Other story number {i} in the city"
        f"</a></h3><p>A short summary of story {i}, two lines at most.</p></div>"
    )


_CLOSING = "<p>The council will vote again in May, when the engineers report on the work.</p>"


def _teaser_card_texts(body: str, host: str | None = "example.com") -> list[str]:
    from articlekit.readers import boxes

    page, elements = _read(body)
    positions: list[int | None] = list(range(len(page)))
    box = boxes.article_box(boxes.placed_elements(elements, positions), page)
    listed = set(boxes.teaser_cards(page, elements, positions, page, box, host))
    return [b.text for b in page if b.index in listed]


@pytest.mark.parametrize(
    "body",
    [
        # A row of three cards (linked headline + summary) beside the story.
        f"<article>{_STORY}</article><div class='row'>{''.join(_card(i) for i in range(3))}</div>",
        # The site's own cards after the story, inside the story's element (its box then).
        f"<article>{_STORY}{''.join(_card(i) for i in range(3))}</article>",
        # The same with absolute links to the page's own host.
        f"<article>{_STORY}"
        + "".join(_card(i, href="https://www.example.com/{i}") for i in range(3))
        + "</article>",
    ],
    ids=["outside-article", "after-story", "after-story-own-host"],
)
def test_teaser_cards_are_listed(body: str) -> None:
    cards = _teaser_card_texts(body)
    assert cards == [
        t
        for i in range(3)
        for t in (
            f"Other story number {i} in the city",
            f"A short summary of story {i}, two lines at most.",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        # A listicle's items repeat inside the article's element: the article's own, when
        # its conclusion follows them...
        f"<article>{_STORY}{''.join(_card(i) for i in range(3))}{_CLOSING}</article>",
        # ...or when they link to other sites.
        f"<article>{_STORY}"
        + "".join(_card(i, href="https://shop.example.org/{i}") for i in range(3))
        + "</article>",
        # Two cards are no grid.
        f"<article>{_STORY}</article><div>{_card(0)}{_card(1)}</div>",
        # Three siblings of different classes are no grid either.
        f"<article>{_STORY}</article><div>{_card(0, 'a')}{_card(1, 'b')}{_card(2, 'c')}</div>",
        # A "card" without a linked headline is a box of the page, not another story.
        f"<article>{_STORY}</article><div>"
        + "<div class='c'><h3>Opening hours</h3><p>Daily from nine to five.</p></div>" * 3
        + "</div>",
    ],
    ids=[
        "listicle-then-conclusion",
        "listicle-off-site",
        "two-cards",
        "mixed-classes",
        "no-title-link",
    ],
)
def test_repeated_elements_that_are_no_teaser_cards_stay(body: str) -> None:
    assert _teaser_card_texts(body) == []


def _furniture_texts(body: str) -> list[str]:
    from articlekit.readers import boxes

    page, elements = _read(body)
    positions: list[int | None] = list(range(len(page)))
    at = boxes.placed_elements(elements, positions)
    box = boxes.article_box(at, page)
    listed = set(boxes.furniture_at_edges(page, positions, at, page, box))
    return [b.text for b in page if b.index in listed]


_PROMO_TEXT = "Free shipping on all orders over $40 this week"
_PROMO = f"<div class='promo-bar'><p>{_PROMO_TEXT}</p></div>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A promo bar above the story.
        (f"{_PROMO}<article>{_STORY}</article>", [_PROMO_TEXT]),
        # A sidebar card above the story, when the story's own element is not a sidebar.
        (
            "<aside id='sidebar'><p>Popular now: the best parks in town</p></aside>"
            f"<div class='has-menu'><article>{_STORY}</article></div>",
            ["Popular now: the best parks in town"],
        ),
        # The whole layout in one marked wrapper: the mark says nothing.
        (f"<div class='promo-page'>{_PROMO}<article>{_STORY}</article></div>", []),
        # An author card above the story: the byline extractor reads it.
        (f"<div class='author-box'><p>By Ann Lee</p></div><article>{_STORY}</article>", []),
        # An unmarked standfirst above the story stays.
        (f"<div class='dek'><p>It reopens in spring.</p></div><article>{_STORY}</article>", []),
        # A marked box after the story's last block, inside the story's element.
        (f"<article>{_STORY}{_PROMO}</article>", [_PROMO_TEXT]),
        # ...but not a review box, nor marked blocks before more of the story.
        (f"<article>{_STORY}<div class='review'><p>Five stars.</p></div></article>", []),
        (f"<article>{_STORY}{_PROMO}{_CLOSING}</article>", []),
        # The headline in a banner of its own is the title cleaners' to read.
        (f"<div class='promo-hero'><h1>Bridge reopens</h1></div><article>{_STORY}</article>", []),
    ],
    ids=[
        "promo-bar",
        "sidebar",
        "marked-wrapper",
        "author-box",
        "standfirst",
        "after-story",
        "review-after-story",
        "promo-inside-story",
        "headline-banner",
    ],
)
def test_furniture_at_the_articles_edges_is_listed(body: str, expected: list[str]) -> None:
    assert _furniture_texts(body) == expected


def test_a_promo_bar_above_the_story_goes_as_furniture() -> None:
    # trafilatura keeps this announcement bar (it drops some promo classes itself, not all).
    promo = (
        "<div class='announcement promo'><p>Free standard shipping on orders over 40 dollars. "
        "For more on shipping rates and times, please read our shipping page.</p></div>"
    )
    page = f"<html><body>{promo}<div>{_STORY}</div></body></html>"
    article = articlekit.clean_html(page)
    assert "shipping" not in article.text and "voted 4 times" in article.text
    assert [(r.cleaner, r.reason) for r in article.removed] == [("remove_furniture", "furniture")]
    pipeline = articlekit.DEFAULT_PIPELINE.without("remove_furniture")
    assert "shipping" in articlekit.clean_html(page, pipeline=pipeline).text


def test_the_articles_end_trafilatura_cut_is_put_back_from_its_element() -> None:
    from articlekit.readers import boxes
    from articlekit.readers.html import _with_article_tail

    end = "<p>The bridge will reopen to cars in May, and to lorries a month later, they said.</p>"
    page, elements = _read(
        f"<div id='story'>{_STORY}<table><tr><td>May</td><td>cars</td></tr></table>"
        f"<h2>What comes next</h2>{end}<ul><li>Tolls stay as they are</li></ul></div>"
        "<div><p>Sign up for our weekly letter about the city and everything in it, free.</p></div>"
    )
    kept = page[:5]  # the five story paragraphs: trafilatura stopped at the table
    positions: list[int | None] = list(range(5))
    box = boxes.article_box(boxes.placed_elements(elements, positions), kept)
    assert box is not None and box.get("id") == "story"
    out = _with_article_tail(page, elements, positions, kept, box)
    assert [b.text for b in out[5:]] == [
        "What comes next",
        " ".join(end[3:-4].split()),
        "Tolls stay as they are",
    ]
    assert [b.index for b in out] == list(range(8))
    # One block is not enough: a post's meta line or a promo as often as the story.
    page, elements = _read(f"<div id='story'>{_STORY}{end}</div>")
    box = boxes.article_box(boxes.placed_elements(elements, positions), page[:5])
    assert box is not None and box.get("id") == "story"
    assert _with_article_tail(page, elements, positions, page[:5], box) == page[:5]


def test_a_block_trafilatura_merged_from_page_blocks_is_split_back() -> None:
    # trafilatura flattened the story, its share row and the author line into one paragraph;
    # the page's own blocks come back, with their kinds and link densities.
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _unmerged

    story = "The council voted to repair the bridge before winter, officials said."
    page = (
        DraftBlock(0, "Menu", link_density=1.0),
        DraftBlock(1, story, link_density=0.0),
        DraftBlock(2, "Share this:", link_density=0.0),
        DraftBlock(3, "Facebook X Email", kind="list_item", link_density=1.0),
        DraftBlock(4, "17/11/2019", link_density=0.0),
        DraftBlock(5, "17/11/2019", link_density=0.0),
        DraftBlock(6, "Posted by Ann Lee", link_density=0.3),
    )
    merged = f"{story} Share this: Facebook X Email 17/11/201917/11/2019 Posted by Ann Lee"
    out = _unmerged(page, _page_index(page), (DraftBlock(0, merged),))
    assert out == tuple(dataclasses.replace(b, index=i) for i, b in enumerate(page[1:]))


@pytest.mark.parametrize(
    "text",
    [
        "The council voted to repair the bridge before winter, officials said.",  # one block
        "Share this: Facebook X Email and more",  # more than the page blocks hold
        "Facebook X Email Share this:",  # page blocks out of order
    ],
)
def test_blocks_that_are_no_run_of_page_blocks_stay(text: str) -> None:
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _unmerged

    page = (
        DraftBlock(0, "The council voted to repair the bridge before winter, officials said."),
        DraftBlock(1, "Share this:"),
        DraftBlock(2, "Facebook X Email", kind="list_item"),
    )
    blocks = (DraftBlock(0, text),)
    assert _unmerged(page, _page_index(page), blocks) is blocks


# A blog post's paragraphs as text loose in a container after a heading, between line breaks,
# with links: trafilatura's link output cuts such a paragraph at every link and loses the
# space after it (trafilatura issue 476).
_LOOSE_POST = (
    "<html><body><div class='post-body'><h2 class='date-header'>Thursday, 10 March 2024</h2>"
    "Cyclists in the old town can follow the new lanes from today. Take a look at the maps "
    "of <a href='/a'>the river route</a>, <a href='/b'>the station loop</a>, "
    "<a href='/c'>the school run</a> or <a href='/d'>the market square</a> to see where "
    "the crossings are, and which streets close to cars at weekends.<br><br>"
    "The council spent two years planning the network with residents, shop owners and the "
    "bus company, and the last section along the harbour opens in the spring.<br><br>"
    "Work on the bridge ramps starts next month, when the water is low enough for the "
    "builders to reach the old piers from the bank without closing the road.<br><br>"
    "The mayor said the lanes would be cleared of snow before the roads in winter."
    "</div></body></html>"
)


def test_a_paragraph_trafilatura_cut_at_its_links_is_joined_back() -> None:
    article = articlekit.clean_html(_LOOSE_POST)
    assert (
        "Take a look at the maps of the river route, the station loop, the school run or the "
        "market square to see where the crossings are" in article.text
    )
    assert "school runor" not in article.text and "squareto" not in article.text


def test_pieces_join_only_into_a_whole_page_block() -> None:
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _rejoined

    whole = "Take a look at the maps of the river route, the school run or the square to see."
    page = (
        DraftBlock(0, "Menu", link_density=1.0),
        DraftBlock(1, whole, link_density=0.3),
        DraftBlock(2, "The council met on Monday."),
    )
    where = _page_index(page)
    pieces = tuple(
        DraftBlock(i, t)
        for i, t in enumerate(
            [
                "Take a look at the maps of",
                "the river route,",
                "the school runor",
                "the squareto see.",
                "The council met on Monday.",
            ]
        )
    )
    out = _rejoined(page, where, pieces)
    assert [(b.text, b.link_density) for b in out] == [(whole, 0.3), (page[2].text, None)]
    assert [b.index for b in out] == [0, 1]
    # Pieces that cover a page block only in part (trafilatura left its end out) stay.
    partial = pieces[:3] + pieces[4:]
    assert _rejoined(page, where, partial) is partial


def test_a_block_whose_spaces_trafilatura_lost_takes_the_page_text() -> None:
    from articlekit.draft import DraftBlock
    from articlekit.readers.html import _page_index, _rejoined

    page = (
        DraftBlock(0, "Menu", link_density=1.0),
        DraftBlock(1, "See the river route map for the new crossings.", link_density=0.4),
    )
    blocks = (DraftBlock(0, "See the river route mapfor the new crossings."), DraftBlock(1, "Menu"))
    out = _rejoined(page, _page_index(page), blocks)
    assert [(b.text, b.link_density) for b in out] == [(page[1].text, 0.4), ("Menu", None)]
    # Other words than the page's are trafilatura's own text: left as they are.
    other = (
        DraftBlock(0, "See the river route maps for the new crossings."),
        DraftBlock(1, "Menu"),
    )
    assert _rejoined(page, _page_index(page), other) is other


def test_metadata_strings_read_their_character_references() -> None:
    # JSON-LD holds no markup, yet CMSs write references into its strings; a meta tag's
    # content escaped twice reads "&#39;" once parsed. The reader sees the character.
    ld = '{"@type": "NewsArticle", "headline": "Budget Traveler&#8217;s Guide &amp; Tips"}'
    tree = lxml_html.fromstring(
        "<html><head><meta property='og:site_name' content='Rick&amp;#39;s Blog'>"
        f"<script type='application/ld+json'>{ld}</script></head><body>{PARAS}</body></html>"
    )
    from articlekit.readers.metadata import page_hints

    hints = page_hints(tree)
    assert hints.title == "Budget Traveler’s Guide & Tips"
    assert hints.site_name == "Rick's Blog"


def test_a_description_the_body_prints_is_no_subtitle_the_standfirst_is_never_twice() -> None:
    lead = "The harbour council approved the new ferry timetable on Monday after a long debate."
    story = "".join(
        f"<p>{lead if i == 0 else f'Paragraph {i} of the story, ' * 6}</p>" for i in range(6)
    )

    def page(description: str) -> str:
        return (
            f"<html><head><meta name='description' content='{description}'></head><body>"
            f"<h1>Ferry timetable approved</h1><article>{story}</article></body></html>"
        )

    printed = articlekit.clean_html(page(lead))
    assert printed.subtitle is None  # the lead, printed in the body: it stays there, once
    assert printed.text.count(lead) == 1
    own = articlekit.clean_html(page("Islanders get a boat every hour from the spring."))
    assert own.subtitle == "Islanders get a boat every hour from the spring."
    assert lead in own.text


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html>\n<html><body><p>Text.</p></body></html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://w3.org/x.dtd"/>\n<html></html>',
        "<!doctype html/><html><body>One line, no break.</body></html>",
        "<!DOCTYPE html>",
        "<html/>\n<body><p>A self-closing html tag.</p></body>",
        "<html><body>\x00Control\x0bcharacters\ufffe gone.</body></html>",
        "<p>No doctype \U0001f600 at all.</p>\n<p>Second line.</p>",
        "<p>Z\u00fcrich \uffff and \x1f, a page not ASCII.</p>",
        "<p>Only the last: \u00e9\uffff</p>",
    ],
)
def test_the_reader_repairs_pages_as_trafilatura_does(page):
    from trafilatura.utils import repair_faulty_html

    from articlekit.readers.html import _repaired

    beginning = page[:50].lower()
    expected = repair_faulty_html(page, beginning)
    assert _repaired(page, beginning) == expected
    # With the page's UTF-8 bytes at hand, the test for the characters runs on them.
    assert _repaired(page, beginning, page.encode("utf-8")) == expected


@pytest.mark.parametrize("character", [*map(chr, range(0x20)), "\ufffe", "\uffff", "\ufffd"])
def test_the_bytes_test_for_characters_xml_refuses_agrees_with_trafilaturas_pattern(character):
    from trafilatura.utils import INVALID_XML_CHARS

    from articlekit.readers.faster_trafilatura import invalid_xml_absent

    page = f"<p>caf\u00e9 {character} \U0001f600</p>"
    assert invalid_xml_absent(page.encode("utf-8")) is (INVALID_XML_CHARS.search(page) is None)
