"""The explain report shows every piece of the input, in order, as text (Hypothesis)."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import example, given
from hypothesis import strategies as st

import articlekit
from articlekit.readers.text import normalize_space
from articlekit.report import explain_html, explain_text, ordered_pieces
from articlekit.testing import input_words

# Text that looks like markup and entities, mixed with lines the cleaners remove.
_MARKUP_TEXT = st.lists(
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(2)">',
            "&amp;",
            "&lt;b&gt;",
            "</del>",
            '"',
            "'",
            "Advertisement",
            "Also Read: ",
            "BREAKING: ",
            "Talks resumed on Monday, officials said.",
            "\n",
            " ",
        ]
    )
).map("".join)


class _ShownText(HTMLParser):
    """The text of the report's kept spans and <del> elements, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._depth = 0  # inside a kept span or a del
        self.elements: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        classes = dict(attrs).get("class")
        if (tag, classes) in (("span", "kept"), ("del", "removed")):
            self._depth += 1
            self.pieces.append("")

    def handle_endtag(self, tag):
        if tag in ("span", "del") and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.pieces[-1] += data


def _words(pieces: list[str]) -> list[str]:
    joined = normalize_space(" ".join(pieces))
    return joined.split(" ") if joined else []


# messy_articles() is left out: its pages take seconds per run, and the words they account
# for are the property test_accounts_for_all_input_text already checks.
@given(st.one_of(_MARKUP_TEXT, st.text()))
@example("<script>alert(1)</script>\nAdvertisement\nTalks resumed on Monday, officials said.")
@example("\u00e1\x80\x80")  # mojibake of "\u1000" (found by Hypothesis): decoded back
def test_html_report_shows_the_whole_input_in_order_as_text(text: str):
    article = articlekit.clean_text(text)
    pieces = ordered_pieces(article)
    # The record of a repair is shown, but it is a note, not a piece of the input's text.
    text_pieces = [p.text for p in pieces if p.removal is None or p.removal.reason != "mojibake"]
    assert _words(text_pieces) == input_words(text)
    shown = _ShownText()
    shown.feed(explain_html(article))
    shown.close()
    assert shown.pieces == [p.text for p in pieces]
    assert not shown.elements & {"script", "img", "b", "a", "iframe"}


@given(st.one_of(_MARKUP_TEXT, st.text()))
def test_terminal_text_has_one_line_per_piece(text: str):
    article = articlekit.clean_text(text)
    lines = explain_text(article, color=False).splitlines()
    body = [line for line in lines if line[:4].strip().isdigit() and line[4:5] == " "]
    assert len(body) == len(ordered_pieces(article))
