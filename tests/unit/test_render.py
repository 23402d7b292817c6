"""Article.to_markdown / to_html / to_json, Span, and the inline spans of the HTML reader."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone

import pytest
from benchmarks.render_check import html_problems, markdown_words, text_words
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from articlekit import clean_html
from articlekit.article import BLOCK_KINDS, Article, Block, Image, Span
from articlekit.draft import Draft, DraftBlock
from articlekit.errors import InputError
from articlekit.readers.inline import (
    absolute_spans,
    html_span_kind,
    inline_spans,
    trafilatura_span_kind,
)
from articlekit.render import safe_href


def _article(*blocks: Block, **fields: object) -> Article:
    return Article(blocks=blocks, **fields)  # type: ignore[arg-type]


def test_markdown_escapes_what_would_read_as_markup() -> None:
    a = _article(
        Block("paragraph", "# not a heading, *not* emphasis, [not](a link) and a | pipe"),
        Block("paragraph", "1. not a list"),
        Block("paragraph", "> not a quote"),
    )
    md = a.to_markdown()
    assert md.split("\n\n") == [
        "\\# not a heading, \\*not\\* emphasis, \\[not\\](a link) and a \\| pipe",
        "1\\. not a list",
        "\\> not a quote",
    ]
    assert markdown_words(md) == text_words(a.text)


def test_plain_text_bullets_are_a_list_and_numbers_stay_words() -> None:
    a = _article(
        Block("paragraph", "- The ferry runs hourly."),
        Block("paragraph", "• Tickets cost five pounds."),
        Block("paragraph", "2. Second step."),
    )
    assert a.to_markdown() == (
        "- The ferry runs hourly.\n- Tickets cost five pounds.\n\n2\\. Second step."
    )
    assert a.to_html() == (
        "<ul>\n<li>The ferry runs hourly.</li>\n<li>Tickets cost five pounds.</li>\n</ul>\n"
        "<p>2. Second step.</p>"
    )


def test_headings_at_their_level_and_metadata_first() -> None:
    a = _article(
        Block("heading", "Sub", level=3),
        Block("heading", "Unknown level"),
        Block("heading", "Too deep", level=9 - 1),
        title="Ferry <timetable>",
        subtitle="A plan",
        authors=("Ann Lee", "Bo Chen"),
        published=datetime(2025, 11, 16, 10, 30, tzinfo=timezone.utc),
    )
    assert a.to_markdown(metadata=True).split("\n\n") == [
        "# Ferry \\<timetable\\>",
        "A plan",
        "Ann Lee, Bo Chen · 2025-11-16",
        "### Sub",
        "## Unknown level",
        "###### Too deep",
    ]
    assert a.to_html(metadata=True).split("\n")[:3] == [
        "<h1>Ferry &lt;timetable&gt;</h1>",
        "<p>A plan</p>",
        "<p>Ann Lee, Bo Chen · 2025-11-16</p>",
    ]
    # Without a title the credit line comes first, as a paragraph.
    untitled = _article(Block("paragraph", "Text."), authors=("Ann Lee",))
    assert untitled.to_markdown(metadata=True) == "Ann Lee\n\nText."
    assert untitled.to_html(metadata=True) == "<p>Ann Lee</p>\n<p>Text.</p>"


def test_links_emphasis_code_and_unsafe_targets() -> None:
    text = "See the report and the code here, or click me."
    a = _article(
        Block(
            "paragraph",
            text,
            spans=(
                Span(8, 14, "link", "https://x.org/r?a=1&b=(2)"),
                Span(23, 27, "code"),
                Span(28, 32, "strong"),
                Span(43, 45, "link", "javascript:alert(1)"),
                Span(37, 45, "emphasis"),  # contains the unsafe link: both nest
            ),
        )
    )
    assert a.to_markdown() == (
        "See the [report](https://x.org/r?a=1&b=%282%29) and the `code` **here**, or *click me*."
    )
    assert a.to_markdown(links=False) == "See the report and the `code` **here**, or *click me*."
    assert a.to_html() == (
        '<p>See the <a href="https://x.org/r?a=1&amp;b=(2)">report</a> and the <code>code</code> '
        "<strong>here</strong>, or <em>click me</em>.</p>"
    )
    assert html_problems(a.to_html()) == []


def test_crossing_spans_keep_the_first() -> None:
    a = _article(
        Block("paragraph", "one two three", spans=(Span(0, 7, "strong"), Span(4, 13, "emphasis")))
    )
    assert a.to_markdown() == "**one two** three"


def test_side_by_side_code_is_one_code_span_and_backticks_in_code() -> None:
    a = _article(
        Block(
            "paragraph",
            "x U+00DF0x C3 y `a` z",
            spans=(Span(2, 8, "code"), Span(8, 14, "code"), Span(16, 19, "code")),
        )
    )
    assert a.to_markdown() == "x `U+00DF0x C3` y `` `a` `` z"
    assert markdown_words(a.to_markdown()) == text_words(a.text)


def test_code_blocks_quotes_and_tables() -> None:
    a = _article(
        Block("code", "print('```')"),
        Block("quote", "First."),
        Block("quote", "Second."),
        Block("table_row", "Ticket | Fare"),
        Block("table_row", "Adult | 3 | extra"),
    )
    assert a.to_markdown().split("\n\n") == [
        "````\nprint('```')\n````",
        "> First.\n>\n> Second.",
        "| Ticket | Fare |  |\n| --- | --- | --- |\n| Adult | 3 | extra |",
    ]
    assert "<pre><code>print('```')</code></pre>" in a.to_html()
    assert html_problems(a.to_html()) == []


def test_a_cell_holding_the_cell_separator_stays_one_cell() -> None:
    page = (
        "<html><body><article><h1>Fares</h1><p>The council set the fares for the new ferry "
        "line on Monday, after a long debate about prices.</p><table>"
        "<tr><th>Route</th><th>Fare</th></tr>"
        "<tr><td>North | South</td><td>3 euros</td></tr>"
        "<tr><td>East</td><td>2 euros</td></tr></table>"
        "<p>The fares apply from the first of the month, the council said on Monday.</p>"
        "</article></body></html>"
    )
    rows = [line for line in clean_html(page).to_markdown().splitlines() if line.startswith("|")]
    # One cell, its bar escaped as GitHub's tables want it (trafilatura 2.2 gives each cell a
    # row of its own, 2.3 each row: in both, the cell must stay whole).
    assert any("| North \\| South |" in row for row in rows), rows


def test_cell_spans_place_the_cells_only_when_they_tile_the_row() -> None:
    text = "North | South | 3 euros"
    whole = (Span(0, 13, "cell"), Span(16, 23, "cell"))
    a = _article(Block("table_row", "Route | Fare"), Block("table_row", text, spans=whole))
    assert a.to_markdown().splitlines()[-1] == "| North \\| South | 3 euros |"
    assert "<td>North | South</td><td>3 euros</td>" in a.to_html()
    # A span leaving a word out of every cell, or two crossing, is not followed: the words stay.
    gap = (Span(0, 5, "cell"), Span(16, 23, "cell"))
    crossing = (Span(0, 13, "cell"), Span(8, 23, "cell"))
    for spans in (gap, crossing):
        row = _article(Block("table_row", text, spans=spans)).to_markdown()
        assert row == "| North | South | 3 euros |\n| --- | --- | --- |"


def test_safe_href() -> None:
    assert safe_href("java\tscript:alert(1)") is None
    assert safe_href("vbscript:x") is None
    assert safe_href("HTTPS://x.org") == "HTTPS://x.org"
    assert safe_href("page.html#top") == "page.html#top"


def test_to_json_round_trips() -> None:
    a = _article(Block("paragraph", "Café au lait.", spans=(Span(0, 4, "link", "/c"),)), title="Ü")
    assert Article.from_dict(json.loads(a.to_json())) == a
    assert "Café" in a.to_json() and a.to_json(indent=2).startswith('{\n  "title"')


def test_spans_and_levels_are_checked() -> None:
    with pytest.raises(InputError, match="span kind"):
        Span(0, 1, "underline")
    with pytest.raises(InputError, match="start < end"):
        Span(3, 3, "code")
    with pytest.raises(InputError, match="past the block"):
        Block("paragraph", "ab", spans=(Span(0, 5, "code"),))
    with pytest.raises(InputError, match="level"):
        Block("heading", "x", level=-1)
    with pytest.raises(InputError, match="malformed"):
        Article.from_dict({"blocks": [{"kind": "paragraph", "text": "a", "spans": [{"x": 1}]}]})
    # A dict of an older articlekit: no level, ordered or spans.
    old = Article.from_dict(
        {"blocks": [{"kind": "paragraph", "text": "a", "index": 0, "offset": 0}]}
    )
    assert old.blocks[0].spans == () and old.blocks[0].level == 0


def test_a_trim_moves_the_spans_with_the_text() -> None:
    draft = Draft(
        blocks=(
            DraftBlock(
                0,
                "URGENT: Talks resume in Istanbul",
                spans=(Span(0, 6, "strong"), Span(24, 32, "link", "/i")),
            ),
        )
    )
    trimmed = draft.trim(0, start=0, end=7, reason="kicker", cleaner="trim_kickers")
    (block,) = trimmed.to_article().blocks
    assert block.text == "Talks resume in Istanbul"
    assert block.spans == (Span(16, 24, "link", "/i"),)  # the strong kicker went with its text
    assert block.text[16:24] == "Istanbul"


def test_inline_spans_of_html_and_of_trafilatura_output() -> None:
    p = lxml_html.fromstring(
        '<p>Read <a href="/a"><em>the</em> report</a>, then <a href="/b">the report</a>.</p>'
    )
    spans = inline_spans(p, "Read the report, then the report.", html_span_kind)
    assert [(s.start, s.end, s.kind, s.href) for s in spans] == [
        (5, 15, "link", "/a"),
        (5, 8, "emphasis", None),
        (22, 32, "link", "/b"),  # the second "the report", where its element stands
    ]
    ref = etree.fromstring('<p>A <ref target="/x">link</ref> and <hi rend="#u">u</hi>.</p>')
    assert inline_spans(ref, "A link and u.", trafilatura_span_kind) == (Span(2, 6, "link", "/x"),)
    # An element whose text is not in the block's text gives no span.
    assert inline_spans(p, "Something else entirely.", html_span_kind) == ()
    assert absolute_spans((Span(0, 1, "link", "http://[x"),), "https://x.org/") == (
        Span(0, 1, "link", "http://[x"),
    )


def test_clean_html_reads_links_emphasis_nesting_and_numbering() -> None:
    story = " ".join(
        f"Sentence {i} of the harbour story, long enough to be the article." for i in range(8)
    )
    page = (
        "<html><body><article><h1>Ferry</h1>"
        f"<p>{story} See <a href='/decision'>the <b>decision</b></a>.</p>"
        "<ol><li>Fill in the form at the library.</li><li>Bring a proof of address:"
        "<ul><li>a bill from this year</li></ul></li></ol>"
        f"<p>{story}</p></article></body></html>"
    )
    a = clean_html(page, url="https://x.org/news/1")
    link = next(s for b in a.blocks for s in b.spans if s.kind == "link")
    assert link.href == "https://x.org/decision"
    items = [(b.text, b.level, b.ordered) for b in a.blocks if b.kind == "list_item"]
    assert items == [
        ("Fill in the form at the library.", 0, True),
        ("Bring a proof of address:", 0, True),
        ("a bill from this year", 1, False),
    ]
    md = a.to_markdown()
    assert "[the **decision**](https://x.org/decision)" in md
    assert (
        "1. Fill in the form at the library.\n2. Bring a proof of address:\n"
        "    - a bill from this year"
    ) in md


def test_images_stand_where_they_stood_and_only_when_asked() -> None:
    article = _article(
        Block("paragraph", "First.", 1),
        Block("list_item", "One", 2),
        Block("list_item", "Two", 3),
        Block("paragraph", "Last.", 5),
        images=(
            Image("https://x.org/lead.jpg", "The [lead]", before=1),
            Image("/mid.jpg", None, before=3),
            Image("javascript:alert(1)", "Evil", before=3),
            Image("https://x.org/gap.jpg", "Gap", before=4),
            Image("https://x.org/end.jpg", 'End "q"'),
        ),
    )
    assert article.to_markdown() == "First.\n\n- One\n- Two\n\nLast."
    assert article.to_markdown(images=True) == (
        "![The \\[lead\\]](https://x.org/lead.jpg)\n\nFirst.\n\n- One\n\n![](/mid.jpg)\n\n"
        '- Two\n\n![Gap](https://x.org/gap.jpg)\n\nLast.\n\n![End "q"](https://x.org/end.jpg)'
    )
    assert article.to_html(images=True) == (
        '<p><img src="https://x.org/lead.jpg" alt="The [lead]"></p>\n<p>First.</p>\n'
        "<ul>\n<li>One</li>\n</ul>\n"
        '<p><img src="/mid.jpg" alt=""></p>\n'
        "<ul>\n<li>Two</li>\n</ul>\n"
        '<p><img src="https://x.org/gap.jpg" alt="Gap"></p>\n<p>Last.</p>\n'
        '<p><img src="https://x.org/end.jpg" alt="End &quot;q&quot;"></p>'
    )
    assert markdown_words(article.to_markdown(images=True)) == text_words(article.text)
    assert html_problems(article.to_html(images=True)) == []


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


@st.composite
def _blocks(draw: st.DrawFn) -> Block:
    text = " ".join(draw(_TEXT).split()) or "x"
    kind = draw(st.sampled_from(sorted(BLOCK_KINDS)))
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        span_kind = draw(st.sampled_from(["link", "emphasis", "strong", "code"]))
        href = draw(st.sampled_from(["/a", "https://x.org/a b", "javascript:x", "data:x", None]))
        spans.append(Span(start, end, span_kind, href if span_kind == "link" else None))
    return Block(
        kind, text, level=draw(st.integers(0, 3)), ordered=draw(st.booleans()), spans=tuple(spans)
    )


_IMAGES = st.lists(
    st.builds(
        Image,
        st.sampled_from(["/a.jpg", "https://x.org/a (1).jpg", "javascript:x", "data:x", ""]),
        st.one_of(st.none(), _TEXT),
        st.none(),
        st.one_of(st.none(), st.integers(0, 9)),
    ),
    max_size=4,
)


@given(st.lists(_blocks(), max_size=8), _IMAGES)
def test_any_article_renders_its_words_and_safe_html(
    blocks: list[Block], images: list[Image]
) -> None:
    article = Article(
        blocks=tuple(dataclasses.replace(b, index=n) for n, b in enumerate(blocks)),
        images=tuple(images),
    )
    assert markdown_words(article.to_markdown()) == text_words(article.text)
    assert markdown_words(article.to_markdown(links=False)) == text_words(article.text)
    assert markdown_words(article.to_markdown(images=True)) == text_words(article.text)
    assert html_problems(article.to_html()) == []
    assert html_problems(article.to_html(metadata=True)) == []
    assert html_problems(article.to_html(images=True)) == []
