"""The properties every cleaner keeps (design.md), checked with Hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import articlekit
from articlekit.mojibake import fix_mojibake
from articlekit.readers.text import normalize_space
from articlekit.testing import MessyArticle, accounted_words, input_words, messy_articles


@given(messy_articles())
def test_removes_every_junk_piece_and_keeps_every_body_block(ex: MessyArticle):
    article = articlekit.clean_text(ex.text)
    assert [b.text for b in article.blocks] == list(ex.body)
    junk = [(r.text, r.reason) for r in article.removed if r.reason not in ("title", "subtitle")]
    assert junk == list(ex.junk)


@given(messy_articles())
def test_fields_from_ground_truth(ex: MessyArticle):
    article = articlekit.clean_text(ex.text)
    assert article.title == ex.title
    assert article.subtitle == ex.subtitle
    assert article.authors == ex.authors
    assert [b.text for b in article.blocks if b.kind == "heading"] == list(ex.headings)


@given(messy_articles())
def test_idempotent_on_messy_articles(ex: MessyArticle):
    once = articlekit.clean_text(ex.text).text
    assert articlekit.clean_text(once).text == once


@given(messy_articles())
def test_accounts_for_all_input_text(ex: MessyArticle):
    assert accounted_words(articlekit.clean_text(ex.text)) == input_words(ex.text)


# Arbitrary strings: no exception, nothing invented, everything accounted for.
_ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=3000),
    st.lists(
        st.sampled_from(
            [
                "Advertisement",
                "Also Read: X",
                "By",
                "•",
                "|",
                ":",
                "\n",
                " ",
                "Published on",
                "World",
                "Stay tuned",
                "A.",
                "é",
                "\u2028",
            ]
        )
    ).map("".join),
)


@given(_ANY_TEXT)
@example("")
@example("\n\n\n")
@example("x" * 200_000)
@example("Advertisement\nYou Might Like:\nAdvertisement")
@example("\u0000\ufeff\u200b")
@example("_:0\x1b0\t0\U000191d30")  # a kicker label of signs only once split a word
@example("\u00e1\x80\x80")  # mojibake of "\u1000" (found by Hypothesis): decoded back
def test_total_on_any_str(text: str):
    article = articlekit.clean_text(text)
    # The text as the reader reads it: mojibake decoded back first, and recorded.
    normalized_input = normalize_space(fix_mojibake(text))
    for block in article.blocks:
        assert block.text in normalized_input
    for removal in article.removed:
        if removal.reason != "mojibake":  # a note of the repair: "â€™ → ’ (1 characters...)"
            assert removal.text in normalized_input
    assert accounted_words(article) == input_words(text)


@given(_ANY_TEXT)
def test_deterministic(text: str):
    assert articlekit.clean_text(text) == articlekit.clean_text(text)


@pytest.mark.xfail(
    strict=True,
    reason="remove_section_label takes a known section over a short headline-shaped line that "
    "the title cleaners do not take as the title ('WORLD' over 'A:B'); the second cleaning "
    "then reads 'A:B' as a label over the next line. Taking label chains in one pass made "
    "3 dev Articles worse (a headline under a section read as a label over its subtitle), "
    "so it is left (found by the dev profile's random examples, 2026-12-08)",
)
@pytest.mark.parametrize("text", ["WORLD\rA:B\r0:0:0:0", "WORLD\rA:B\r0:0:0:A"])
def test_idempotent_under_a_label_over_a_label_shaped_line(text: str):
    once = articlekit.clean_text(text).text
    assert articlekit.clean_text(once).text == once


@given(_ANY_TEXT)
def test_idempotent_on_any_str(text: str):
    once = articlekit.clean_text(text).text
    assert articlekit.clean_text(once).text == once
