"""Comment and list headings: the cheap gates in front of the heading tests change no answer."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from articlekit import lexicon
from articlekit.cleaners import comments, headlines
from articlekit.features import ends_sentence, is_prose, more_words_than, word_count

_EN = lexicon.for_language("en")
_ALL = lexicon.for_language(None)
_PHRASES = sorted(_ALL["comment_heading"])
_COUNTS = regex.compile(r"[\d(){}\[\]#]+", regex.V1)
_TEXTS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("aC 1٣(#)[]{}:?.!“\"'-»\u0301é\t"), max_size=30),
    st.builds(
        lambda pre, p, sep, rest: pre + p + sep + rest,
        st.sampled_from(["", "36 ", "(", "{ 53 ", "• ", "#1", " ", "٣ ", "“", "Re: "]),
        st.sampled_from(_PHRASES).map(lambda p: p.title() if len(p) % 2 else p),
        st.sampled_from(["", " ", ":", " (12)", "?", ". ", "s", " to “", "2", "!", " -"]),
        st.text(max_size=20),
    ),
)


def _original_is_thread_heading(lex: lexicon.Lexicon, text: str) -> bool:
    """is_thread_heading as first written: every test in turn, the key by ``regex``."""
    if not comments._TITLE_QUOTES.isdisjoint(text):
        text = comments._QUOTED_TITLE.sub("", text) or text
    if more_words_than(text, comments.HEADING_MAX_WORDS) or is_prose(text):
        return False
    if ends_sentence(text) and not text.rstrip().endswith("?"):
        return False
    key = _COUNTS.sub(" ", text)
    if lex.is_phrase("comment_heading", key):
        return True
    return lex.starts_with("comment_heading", key) is not None


@given(st.sampled_from([_EN, _ALL]), _TEXTS)
def test_is_thread_heading_agrees_with_the_original(lex: lexicon.Lexicon, text: str) -> None:
    assert comments.is_thread_heading(lex, text) == _original_is_thread_heading(lex, text)


@given(st.one_of(_TEXTS, st.text(alphabet=st.characters(codec="ascii"), max_size=40)))
def test_the_ascii_key_is_the_key(text: str) -> None:
    assert comments._key(text) == _COUNTS.sub(" ", text)


_LIST_PHRASES = sorted(_ALL["headline_list_heading"])
_LINES = st.one_of(
    _TEXTS,
    st.builds(
        lambda pre, p, sep, rest: pre + p + sep + rest,
        st.sampled_from(["", " ", "• ", "\t", "2 ", "“"]),
        st.sampled_from(_LIST_PHRASES).map(lambda p: p.upper() if len(p) % 2 else p),
        st.sampled_from(["", ":", " :", "! ", " -", "s", ". ", "\u0301", " more"]),
        st.text(max_size=12),
    ),
)


def _original_list_heading(lex: lexicon.Lexicon, text: str) -> bool | None:
    """headlines._list_heading as first written: no lead-word gate."""
    text = text.strip()
    if more_words_than(text, 8) or is_prose(text):
        return None
    if lex.is_phrase("headline_list_heading", text):
        return True
    return False if text.endswith(":") and word_count(text) >= 1 else None


@given(st.sampled_from([_EN, _ALL]), _LINES)
def test_list_heading_agrees_with_the_original(lex: lexicon.Lexicon, text: str) -> None:
    assert headlines._list_heading(lex, text) == _original_list_heading(lex, text)
