"""Segmenting flat text (articlekit.segment) never loses, reorders or invents a word."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import articlekit
from articlekit.readers.text import normalize_space
from articlekit.segment import segment_text
from articlekit.testing import accounted_words, input_words, messy_articles

# Pieces of a page joined with spaces: menus, sentences with abbreviations and numbers, labels,
# separators, datelines, script, quotes; whatever the segmenter keys on.
_PIECES = [
    "Home",
    "News",
    "Sport",
    "World",
    "The",
    "and",
    "the",
    "council",
    "met",
    "|",
    "•",
    "·",
    "»",
    "«",
    "©",
    "2024",
    "-",
    "Advertisement",
    "ADVERTISEMENT",
    "Read more:",
    "Mr.",
    "U.S.",
    "3.5",
    "3.",
    "...",
    "said.",
    "it?",
    '"Yes."',
    "LONDON (Reuters) -",
    "fn);",
    "}",
    "<b>",
    "The council approved the new budget for the city schools on Monday evening.",
    "Members said the money would go to teachers, buses and repairs of old buildings.",
    "It was late.",
    "Maria Lopez won her singles match in the final today.",
    "\u200b",
]
_FLAT = st.lists(st.sampled_from(_PIECES), max_size=80).map(" ".join)
_ANY = st.one_of(st.text(), st.text(alphabet=st.characters(codec="utf-8"), max_size=2000), _FLAT)


@given(_ANY)
@example("x" * 200_000)
@example("Home  News\u2028Sport\u00a0\u00a0The")
def test_no_word_is_lost_or_moved(text: str):
    blocks = segment_text(text)
    assert " ".join(blocks).split() == normalize_space(text).split()
    assert all(block and block == normalize_space(block) for block in blocks)


@given(_ANY)
def test_a_block_is_its_own_segmentation(text: str):
    # What makes cleaning flat text idempotent: the cleaned text's blocks read back as they are.
    for block in segment_text(text):
        assert segment_text(block) == (block,)


@given(_FLAT.map(lambda t: (t + " ") * 3))
def test_clean_text_on_flat_text_accounts_for_everything(text: str):
    # (Not idempotence on these word salads: the pipeline is not idempotent on their
    # line-broken form either, e.g. a title found only on the second pass.)
    article = articlekit.clean_text(text)
    assert accounted_words(article) == input_words(text)


@given(messy_articles())
def test_messy_articles_with_spaces_for_line_breaks(ex):
    flat = ex.text.replace("\n", " ")
    article = articlekit.clean_text(flat)
    assert accounted_words(article) == input_words(flat)
    assert articlekit.clean_text(article.text).text == article.text
