"""What htmldate and trafilatura are handed: long runs and deep nests trimmed, the page whole.

Each hostile page below made trafilatura's time grow faster than the page (or cost several
seconds per MB) because it was handed every repeated element or every wrapper of a nest.
The tests check what it is handed now and that the Article reads as with nothing trimmed.
"""

from __future__ import annotations

import pytest
from lxml import etree

import articlekit
from articlekit.readers import html as html_reader
from articlekit.readers.html import parse_html
from articlekit.readers.searched import (
    CHAIN_KEEP,
    REPEAT_KEEP,
    REPEAT_RUN,
    count_elements,
    deep_wrappers,
    long_repeats,
    searched_tree,
)
from trafilatura_spy import handed

_SENTENCE = (
    "negotiators from both countries met in Istanbul on Monday and agreed to resume the "
    "exchange of prisoners, officials said after the talks."
)
ARTICLE = "<article>" + "".join(f"<p>Paragraph {i}: {_SENTENCE}</p>" for i in range(4))
ARTICLE += "</article>"
HEAD = "<html><head><title>Talks resume</title></head><body>"


def _page(body: str) -> str:
    return f"{HEAD}{body}</body></html>"


def _depth(tree: etree._Element) -> int:
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _untrimmed_text(monkeypatch: pytest.MonkeyPatch, html: str) -> str:
    """The Article's text when trafilatura and htmldate are handed the whole page."""
    with monkeypatch.context() as patch:
        patch.setattr(html_reader, "searched_tree", lambda tree, *_: tree)
        return articlekit.clean_html(html).text


# --- clean_html: what trafilatura is handed ----------------------------------------------


def test_unclosed_paragraphs_reach_trafilatura_a_run_of_fifty(monkeypatch) -> None:
    # 1,000 <p><b><i>x (4 KB) left unclosed: a page of 1,004 blocks, under the 10,000 that
    # used to start the check, so trafilatura was handed them all (12 s/MB).
    html = _page(ARTICLE + "<p><b><i>x" * 1000)
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(len(tree.xpath("//i[.='x']")) == REPEAT_KEEP for tree in seen)
    assert "Paragraph 3" in text
    assert text == _untrimmed_text(monkeypatch, html)
    sane = _page(ARTICLE + "<p><b><i>x</i></b></p>" * 1000)
    assert text == articlekit.clean_html(sane).text


def test_replies_of_a_page_of_ordinary_size_reach_trafilatura_a_run_of_fifty(
    monkeypatch,
) -> None:
    html = _page(ARTICLE + "<p>Reply</p>" * 2000)
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(len(tree.xpath("//p[.='Reply']")) == REPEAT_KEEP for tree in seen)
    assert text == _untrimmed_text(monkeypatch, html)


def test_a_run_of_home_links_reaches_trafilatura_as_fifty(monkeypatch) -> None:
    html = _page("<a href='/'>Home</a> " * 1000 + ARTICLE)
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(len(tree.xpath("//a[.='Home']")) == REPEAT_KEEP for tree in seen)
    assert "Paragraph 3" in text
    assert text == _untrimmed_text(monkeypatch, html)


def test_blocks_deep_in_bare_divs_reach_trafilatura_in_a_shallow_nest(monkeypatch) -> None:
    # A block in 150 <div> (under libxml2's depth limit), then a paragraph; four times.
    unit = "<div>" * 150 + f"<p>Nested: {_SENTENCE}</p>" + "</div>" * 150
    html = _page(ARTICLE + "".join(unit + f"<p>After {i}: {_SENTENCE}</p>" for i in range(4)))
    assert _depth(parse_html(html)) > 150
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(_depth(tree) <= CHAIN_KEEP + 4 for tree in seen)
    assert all(len(tree.xpath("//p[starts-with(., 'Nested')]")) == 4 for tree in seen)
    assert text == _untrimmed_text(monkeypatch, html)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<div><section>" * 75, "</section></div>" * 75), ("<ul><li>" * 50, "</li></ul>" * 50)],
)
def test_blocks_deep_in_mixed_wrappers_reach_trafilatura_in_a_shallow_nest(
    monkeypatch: pytest.MonkeyPatch, opening: str, closing: str
) -> None:
    # Before, a nest of two tags reached trafilatura (and jusText, its fallback) whole.
    unit = opening + f"Nested: {_SENTENCE}" + closing
    html = _page(ARTICLE + "".join(unit + f"<p>After {i}: {_SENTENCE}</p>" for i in range(4)))
    assert _depth(parse_html(html)) > 100
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(_depth(tree) <= CHAIN_KEEP + 4 for tree in seen)
    assert all(tree.text_content().count("Nested:") == 4 for tree in seen)
    assert "Paragraph 3" in text
    assert text == _untrimmed_text(monkeypatch, html)


def test_an_ordinary_page_is_handed_as_it_is() -> None:
    tree = parse_html(_page(ARTICLE + "<div><div><p>Reply</p></div></div>" + "<br>" * 60))
    assert searched_tree(tree) is tree


# --- the trimming itself ------------------------------------------------------------------


def test_a_run_as_long_as_the_bound_is_kept_whole() -> None:
    # The dev pages' longest run (101 empty paragraphs) stays: only longer runs are trimmed.
    tree = parse_html(_page(ARTICLE + "<p>&#160;</p>" * REPEAT_RUN))
    assert long_repeats(tree) == []
    tree = parse_html(_page(ARTICLE + "<p>&#160;</p>" * (REPEAT_RUN + 1)))
    assert len(long_repeats(tree)) == REPEAT_RUN + 1 - REPEAT_KEEP


def test_comments_between_identical_siblings_are_passed_over() -> None:
    tree = parse_html(_page(ARTICLE + "<!-- reply --><p>Reply</p>" * (REPEAT_RUN + 1)))
    assert len(long_repeats(tree)) == REPEAT_RUN + 1 - REPEAT_KEEP
    tree = parse_html(_page(ARTICLE + "<!-- reply -->Text<p>Reply</p>" * (REPEAT_RUN + 1)))
    assert long_repeats(tree) == []


def test_siblings_that_differ_anywhere_are_no_run() -> None:
    items = [
        "".join(f"<p><a href='/{i}'>Reply</a></p>" for i in range(300)),  # an attribute
        "".join(f"<p><b>Reply</b>{i}</p>" for i in range(300)),  # a tail inside
        "".join(f"<p><b>Reply</b></p>{i}" for i in range(300)),  # text after each
        "".join("<p><b>Reply</b><i>x</i></p><p><b>Reply</b></p>" for _ in range(150)),
    ]
    for body in items:
        assert long_repeats(parse_html(_page(ARTICLE + body))) == []
    body = "<p><b>Reply</b><i>x</i></p>" * 300
    assert len(long_repeats(parse_html(_page(ARTICLE + body)))) == 300 - REPEAT_KEEP


def test_a_chain_of_bare_wrappers_is_shortened_its_content_kept() -> None:
    body = "<div>" * 40 + "<p>Inside.</p>" + "</div>" * 40 + "<p>After.</p>"
    tree = parse_html(_page(ARTICLE + body))
    before = etree.tostring(tree)
    searched = searched_tree(tree)
    assert etree.tostring(tree) == before  # the page itself is left as it is
    assert searched is not tree
    assert _depth(searched) == _depth(tree) - (40 - CHAIN_KEEP)
    assert searched.text_content() == tree.text_content()
    assert count_elements(tree) - count_elements(searched) == 40 - CHAIN_KEEP


def test_a_wrapper_with_attributes_or_text_ends_a_chain() -> None:
    half = CHAIN_KEEP - 2
    for middle in ("<div class='story'>", "<div>Text"):
        body = "<div>" * half + middle + "<div>" * half + "<p>In.</p>" + "</div>" * (2 * half + 1)
        assert deep_wrappers(parse_html(_page(body))) == []
    body = "<div>" * half + "<nav>" + "<div>" * half + "<p>In.</p>" + "</div>" * half
    assert deep_wrappers(parse_html(_page(body + "</nav>" + "</div>" * half))) == []


def test_a_chain_of_mixed_wrappers_is_shortened_each_element_kept_under_its_own_tag() -> None:
    # Before, only a chain of one tag was: <div><span>, <div><section>, <ul><li> were not.
    for outer, inner in (("div", "span"), ("div", "section"), ("ul", "li")):
        body = f"<{outer}><{inner}>" * 30 + "<p>Inside.</p>" + f"</{inner}></{outer}>" * 30
        tree = parse_html(_page(ARTICLE + body + "<p>After.</p>"))
        searched = searched_tree(tree)
        assert searched is not tree
        assert _depth(searched) <= CHAIN_KEEP + 4 < _depth(tree)
        assert searched.text_content() == tree.text_content()
        assert [p.getparent().tag for p in searched.iter("p")] == [
            p.getparent().tag for p in tree.iter("p")
        ]


def test_a_tag_found_once_in_a_chain_is_never_cut() -> None:
    # An extractor's search for an <article> or a <main> still finds it.
    body = "<div>" * 30 + "<main>" + "<div>" * 30 + "<p>In.</p>"
    tree = parse_html(_page(body + "</div>" * 30 + "</main>" + "</div>" * 30))
    searched = searched_tree(tree)
    assert len(searched.xpath("//main")) == 1
    assert _depth(searched) < _depth(tree)
    assert searched.text_content() == tree.text_content()
