"""Very long runs of distinct siblings: trafilatura is shown their start, the Article is whole.

An article followed by thousands of distinct short blocks (a long comment section) made
``clean_html`` quadratic: trafilatura's ``//p//text()`` merges each paragraph's text into
all it found before (64,000 ``<p>`` took 3.5 s a search, two searches a page), and its
fallbacks (readability, jusText) read every block. It is now handed the first
``DISTINCT_KEEP`` elements of such a run; where its output takes the run, the rest comes
back from the page's own blocks, so the Article reads as if it had been handed them all.
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit.readers import html as html_reader
from articlekit.readers.html import parse_html
from articlekit.readers.searched import (
    DISTINCT_KEEP,
    DISTINCT_RUN,
    CutRun,
    long_repeats,
    searched_tree,
)
from trafilatura_spy import handed

_SENTENCE = (
    "negotiators from both countries met in Istanbul on Monday and agreed to resume the "
    "exchange of prisoners, officials said after the talks."
)
ARTICLE = "".join(f"<p>Paragraph {i}: {_SENTENCE}</p>" for i in range(4))
HEAD = "<html><head><title>Talks resume</title></head><body>"
#: Past the bound, so that the run is cut.
MANY = DISTINCT_RUN + 500


def _page(body: str) -> str:
    return f"{HEAD}{body}</body></html>"


def _untrimmed(monkeypatch: pytest.MonkeyPatch, html: str) -> articlekit.Article:
    """The Article when trafilatura and htmldate are handed the whole page."""
    with monkeypatch.context() as patch:
        patch.setattr(html_reader, "searched_tree", lambda tree, *_: tree)
        return articlekit.clean_html(html)


_RUNS = {
    "replies": ("{}", "<p>Reply {i}</p>", "//p[starts-with(., 'Reply')]"),
    "items": ("<ul>{}</ul>", "<li>Reply {i}</li>", "//li"),
    "divs": ("{}", "<div>Reply {i}</div>", "//div[starts-with(., 'Reply')]"),
    "rows": ("<table>{}</table>", "<tr><td>Reply {i}</td></tr>", "//tr"),
    "sentences": (
        "{}",
        "<p>Reader {i} wrote: the ferry was late again this morning, {i} minutes.</p>",
        "//p[starts-with(., 'Reader')]",
    ),
    # A comment before each reply (a comment system's ids) used to end the run.
    "commented": ("{}", "<!-- c {i} --><p>Reply {i}</p>", "//p[starts-with(., 'Reply')]"),
}


@pytest.mark.parametrize("name", list(_RUNS))
def test_a_long_comment_section_reaches_trafilatura_cut_short(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # Before, trafilatura was handed every one of the distinct blocks.
    holder, block, found = _RUNS[name]
    comments = holder.format("".join(block.format(i=i) for i in range(MANY)))
    html = _page(f"<article>{ARTICLE}</article>{comments}")
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(len(tree.xpath(found)) == DISTINCT_KEEP for tree in seen)
    assert "Paragraph 0" in text
    assert "Paragraph 3" in text
    assert text == _untrimmed(monkeypatch, html).text


@pytest.mark.parametrize("before", ["", "<!-- p{i} -->"], ids=["plain", "commented"])
def test_a_story_of_thousands_of_paragraphs_comes_out_whole(
    monkeypatch: pytest.MonkeyPatch, before: str
) -> None:
    # The run is the article: trafilatura takes its start, the rest is put back after it (a
    # comment before each paragraph goes with the rest of the run, ending nothing).
    paragraphs = "".join(
        before.format(i=i) + f"<p>Paragraph {i}: {_SENTENCE}</p>" for i in range(MANY)
    )
    html = _page(f"<article><h1>Talks resume</h1>{paragraphs}</article><p>Footer.</p>")
    seen, text = handed(monkeypatch, html)
    assert seen
    assert all(
        len(tree.xpath("//p[starts-with(., 'Paragraph')]")) == DISTINCT_KEEP for tree in seen
    )
    assert f"Paragraph {MANY - 1}: " in text
    article = articlekit.clean_html(html)
    assert article.to_dict() == _untrimmed(monkeypatch, html).to_dict()


def test_a_data_table_in_the_story_comes_out_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura gives a row as its cells joined: the rows put back read the same.
    rows = "".join(f"<tr><td>Port {i}</td><td>{i * 7} tonnes</td></tr>" for i in range(MANY))
    html = _page(f"<article>{ARTICLE}<table>{rows}</table></article>")
    article = articlekit.clean_html(html)
    assert f"Port {MANY - 1} | {(MANY - 1) * 7} tonnes" in article.text
    assert article.to_dict() == _untrimmed(monkeypatch, html).to_dict()


# --- the trimming itself ------------------------------------------------------------------


def test_a_run_as_long_as_the_bound_is_kept_whole() -> None:
    # The dev pages' longest run of one tag (1,908 <option>) is far under the bound.
    body = "".join(f"<p>Reply {i}</p>" for i in range(DISTINCT_RUN))
    tree = parse_html(_page(f"<article>{ARTICLE}</article>{body}"))
    assert long_repeats(tree) == []
    assert searched_tree(tree) is tree
    body = "".join(f"<p>Reply {i}</p>" for i in range(DISTINCT_RUN + 1))
    tree = parse_html(_page(f"<article>{ARTICLE}</article>{body}"))
    cut: list[CutRun] = []
    doomed = long_repeats(tree, cut)
    assert len(doomed) == DISTINCT_RUN + 1 - DISTINCT_KEEP
    assert [e.text for e in doomed[:1]] == [f"Reply {DISTINCT_KEEP}"]
    assert len(cut) == 1
    assert cut[0].kept.text == f"Reply {DISTINCT_KEEP - 1}"
    assert list(cut[0].rest) == doomed


def test_text_between_siblings_or_another_tag_ends_a_run() -> None:
    half = DISTINCT_RUN // 2 + 10
    for middle in ("<div>Other</div>", "<br>Text after", "<!-- a comment -->Text after"):
        first = "".join(f"<p>Reply {i}</p>" for i in range(half))
        body = first + middle + first
        assert long_repeats(parse_html(_page(body))) == []
    lines = "".join(f"Line {i}<br>" for i in range(MANY))  # a long poem: its text between
    assert long_repeats(parse_html(_page(f"<p>{lines}</p>"))) == []


def test_comments_between_siblings_are_passed_over() -> None:
    # Comments are stripped from what the extractors read: one with only white space after it
    # is no break in a run (it was, and such a comment section reached trafilatura whole).
    half = DISTINCT_RUN // 2 + 10
    first = "".join(f"<p>Reply {i}</p>" for i in range(half))
    body = first + "<!-- a comment --> " + first
    assert len(long_repeats(parse_html(_page(body)))) == 2 * half - DISTINCT_KEEP
    body = "".join(f"<!-- c {i} --><p>Reply {i}</p>" for i in range(MANY))
    cut: list[CutRun] = []
    doomed = long_repeats(parse_html(_page(body)), cut)
    assert len(doomed) == MANY - DISTINCT_KEEP
    assert all(isinstance(e.tag, str) for e in doomed)
    assert cut[0].kept.text == f"Reply {DISTINCT_KEEP - 1}"
