"""The word features: the ASCII path (the standard library's pattern) gives the same words."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from articlekit import features

_ORIGINAL_WORD = regex.compile(r"\w+(?:['’]\w+)*", regex.V1)
_TEXTS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="ascii"), max_size=60),
    st.text(alphabet=st.sampled_from("aZ9_ '’-.\t\u0130é"), max_size=30),
    st.text(alphabet=st.sampled_from("aZ9_ '-.\tI"), max_size=30),
)


def test_the_ascii_word_characters_are_the_patterns() -> None:
    for code in range(128):
        char = chr(code)
        assert bool(regex.fullmatch(r"\w", char, regex.V1)) == bool(
            features._ASCII_WORD.fullmatch(char)
        )


@given(_TEXTS)
def test_word_count_and_folded_words_agree_with_the_original(text: str) -> None:
    found = _ORIGINAL_WORD.findall(text)
    assert features.word_count.__wrapped__(text) == len(found)  # type: ignore[attr-defined]
    folded = tuple(w.casefold() for w in found)
    assert features.folded_words.__wrapped__(text) == folded  # type: ignore[attr-defined]


@given(_TEXTS, st.frozensets(st.sampled_from(["the", "and", "aaa", "i'll", "zzz9"])))
def test_stems_agree_with_the_original(text: str, stop: frozenset[str]) -> None:
    original = frozenset(
        folded[:5]
        for folded in map(str.casefold, _ORIGINAL_WORD.findall(text))
        if len(folded) >= 3 and folded not in stop and not folded.isdigit()
    )
    assert features._stems(text, stop) == original
