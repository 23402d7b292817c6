"""Lexicon.starts_with and contains: the cheap gates in front of the patterns change no answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlekit import lexicon

_EN = lexicon.for_language("en")
_ALL = lexicon.for_language(None)
_KEYS = ["related_link", "call_to_action", "cookie_notice", "caption_credit", "date_word"]
_PHRASES = sorted(set().union(*(_ALL[k] for k in _KEYS)))
_TEXTS = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda pre, p, sep, rest: pre + p + sep + rest,
        st.sampled_from(["", "• ", "| ", " ", "READ "]),
        st.sampled_from(_PHRASES),
        st.sampled_from(["", " ", ":", "-", "s", "'", ". ", "x", "\u0301", "_", "2"]),
        st.text(max_size=20),
    ),
)


@given(st.sampled_from([_EN, _ALL]), st.sampled_from(_KEYS), _TEXTS)
def test_starts_with_and_contains_agree_with_the_bare_patterns(
    lex: lexicon.Lexicon, key: str, text: str
) -> None:
    key_text = lexicon.match_key(text)
    m = lex.prefix_pattern(key).match(key_text)
    assert lex.starts_with(key, text) == (m.group("phrase") if m else None)
    found = lexicon._compile_phrases(lex[key], anchored=False).search(key_text)
    assert lex.contains(key, text) == (found.group("phrase") if found else None)
