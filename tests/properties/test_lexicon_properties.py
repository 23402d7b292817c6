"""Lexicon.starts_with and contains: the cheap gates in front of the patterns change no answer."""

from __future__ import annotations

import functools

import regex
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


@functools.cache
def _flat_phrase_pattern(phrases: frozenset[str], *, anchored: bool) -> regex.Pattern[str]:
    """The phrase pattern as first written: one flat alternation, longest phrase first."""
    alternatives = sorted(phrases, key=lambda p: (-len(p), p))
    body = "|".join(regex.escape(p) for p in alternatives) or r"(?!x)x"
    start = "^" if anchored else r"(?<!\w)"
    return regex.compile(rf"{start}(?P<phrase>{body})(?!\w)", regex.V1)


def _found(pattern: regex.Pattern[str], text: str) -> tuple[int, str] | None:
    m = pattern.search(text)
    return (m.start(), m.group("phrase")) if m else None


# Phrases that share prefixes and end inside words, on texts of the same few characters.
_SHORT = st.text(alphabet=st.sampled_from("ab :-'\u0301é"), max_size=6)


@given(
    st.frozensets(_SHORT, max_size=8),
    st.text(alphabet=st.sampled_from("ab :-'\u0301é"), max_size=30),
    st.booleans(),
)
def test_the_phrase_trie_matches_the_flat_alternation(
    phrases: frozenset[str], text: str, anchored: bool
) -> None:
    trie = lexicon._compile_phrases.__wrapped__(phrases, anchored=anchored)
    assert _found(trie, text) == _found(_flat_phrase_pattern(phrases, anchored=anchored), text)


@given(st.sampled_from(_KEYS), _TEXTS, st.booleans())
def test_the_phrase_trie_matches_the_flat_alternation_on_the_lists(
    key: str, text: str, anchored: bool
) -> None:
    key_text = lexicon.match_key(text)
    trie = lexicon._compile_phrases(_ALL[key], anchored=anchored)
    flat = _flat_phrase_pattern(_ALL[key], anchored=anchored)
    assert _found(trie, key_text) == _found(flat, key_text)


def _slow_match_key(text: str) -> str:
    """match_key as first written: two substitutions, no fast path."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    text = lexicon._DECORATION.sub("", text)
    return lexicon._SPACE.sub(" ", text).strip()


@given(
    st.text(
        alphabet=st.one_of(
            st.characters(),
            st.sampled_from(" \t\n\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000•|»-–*#_~=’‘:.!"),
        ),
        max_size=30,
    )
)
def test_match_key_fast_paths_give_the_same_key(text: str) -> None:
    assert lexicon.match_key.__wrapped__(text) == _slow_match_key(text)  # type: ignore[attr-defined]


@given(st.text(max_size=40), st.integers(min_value=0, max_value=25))
def test_more_words_than_is_the_word_count_compared(text: str, n: int) -> None:
    from articlekit.features import more_words_than, word_count

    assert more_words_than(text, n) == (word_count(text) > n)


_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Related stories",
                "Also read: Storm floods towns",
                "Home",
                "Share",
                "a",
                "Storm number 4 floods coastal towns",
                "Subscribe to our newsletter",
                "A sentence of the story that the reporter wrote at length today.",
            ]
        ),
        st.text(max_size=15),
    ),
    max_size=12,
)


@given(_LINES)
def test_cleaners_that_read_a_text_once_find_what_judging_each_block_finds(
    lines: list[str],
) -> None:
    from articlekit.cleaners import BUILTIN
    from articlekit.cleaners.base import BlockRemover
    from articlekit.draft import Draft

    draft = Draft.from_texts([line for line in lines if line.strip()])
    for cleaner in BUILTIN.values():
        if isinstance(cleaner, BlockRemover):
            by_block = {
                p: r for p in range(len(draft.blocks)) if (r := cleaner.judge(draft, p)) is not None
            }
            assert dict(cleaner.find(draft)) == by_block, cleaner.name


_DATEISH = st.lists(
    st.one_of(
        st.sampled_from(["May", "mai", "Dec.", "Tuesday", "ſt", "of", "de", "|", ",", " ", "\xa0"]),
        st.sampled_from(["ARALIK", "Aralık", "aralik", "MARCH", "Mars", "märz", "MÄRZ", "Sept."]),
        st.sampled_from(["Mayé", "May_", "Mayo", "maj", "Montag,", "sábado", "iyun", "ИЮНЯ"]),
        st.builds(  # whole dates, day first or month first, with the names above
            lambda weekday, month, day, glue, year, month_first: (
                f"{weekday}{month} {day}, {year}"
                if month_first
                else f"{weekday}{day} {glue}{month} {year}"
            ),
            st.sampled_from(["", "Monday, ", "Tue. ", "MONTAG ", "sabado, ", "Terca-feira, "]),
            st.sampled_from(
                ["MAY", "May", "Dec.", "ARALIK", "Aralık", "Mars", "MÄRZ", "Sept.", "maio"]
            ),
            st.sampled_from(["3", "03", "3rd", "31", "3."]),
            st.sampled_from(["", "of ", "de "]),
            st.sampled_from(["2024", "1999"]),
            st.booleans(),
        ),
        st.from_regex(r"\d{1,4}[./\-]?", fullmatch=True),
        st.sampled_from(["2024-05-03", "12.05.2024", "3/4/2021", "2021/12/01", "10:30", "8th"]),
        st.text(max_size=3),
    ),
    max_size=8,
).map(" ".join)


def _flat_alternation(words: object) -> str:
    """The month and weekday alternation as first written: flat, longest first."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))  # type: ignore[call-overload]


# ASCII lines take find_date's fast path (months as whole words): whole dates among words
# that are month names too ("ago", "mar", "sat") or not.
_ASCII_DATEISH = st.lists(
    st.one_of(
        st.sampled_from(["Updated", "hours", "ago", "|", "Mar", "sat", "de", "of", "at", ",", "."]),
        st.from_regex(r"[0-9]{1,4}(?:st|rd|\.)?", fullmatch=True),
        st.builds(
            lambda weekday, month, day, glue, year, month_first: (
                f"{weekday}{month} {day}, {year}"
                if month_first
                else f"{weekday}{day} {glue}{month} {year}"
            ),
            st.sampled_from(["", "Monday, ", "SAT. ", "terca-feira, ", "Sali "]),
            st.sampled_from(["MAY", "May", "Dec.", "ARALIK", "mars", "Sept", "maio", "AGO"]),
            st.sampled_from(["3", "03", "3rd", "31", "3."]),
            st.sampled_from(["", "of ", "de "]),
            st.sampled_from(["2024", "1999"]),
            st.booleans(),
        ),
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(
    st.one_of(_DATEISH, _ASCII_DATEISH),
    st.sampled_from([None, "en", "de", "es", "tr", "ru", "pt"]),
)
def test_find_date_skips_no_date_the_patterns_would_find(text: str, language: str | None) -> None:
    from unittest import mock

    from articlekit import dates

    with mock.patch.object(dates, "_alternation", _flat_alternation):
        flat = dates._patterns.__wrapped__(language)  # type: ignore[attr-defined]
    best = None
    for pattern in flat:  # as find_date searched before its prefilters and its tries
        for m in pattern.finditer(text):
            value = dates._build(m, language, None)
            if value is not None and dates._plausible(value, None):
                if best is None or m.start() < best[1]:
                    best = (value, m.start(), m.end())
                break
    found = dates.find_date(text, language=language)
    got = (found.value, found.start, found.end) if found is not None else None
    assert got == best


@given(st.text(alphabet=st.sampled_from("ab1 _-'é\u00a0Z"), max_size=20))
def test_the_word_set_fast_path_gives_the_pattern_words(text: str) -> None:
    key = lexicon.match_key(text)
    assert lexicon._key_word_set.__wrapped__(text) == frozenset(lexicon._WORD.findall(key))  # type: ignore[attr-defined]


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("0123456789²٣ab")), max_size=20))
def test_has_digit_is_any_isdigit(text: str) -> None:
    from articlekit.features import has_digit

    assert has_digit(text) == any(ch.isdigit() for ch in text)


#: Pieces of markup and script statements, and of the prose around them.
_MARKUP_PIECES = st.lists(
    st.sampled_from(
        [
            *("<", ">", "!--", "-->", "/", "a", "b", "p", " ", ".", "(", ")", "=", "x", "var"),
            *("function", "document", "window", "write", "style", "color", "getElementById"),
        ]
    ),
    max_size=12,
).map("".join)


@given(_MARKUP_PIECES)
def test_markup_signs_spelled_out_are_the_list(text: str) -> None:
    from articlekit.cleaners.ads import _MARKUP_SIGNS, _may_hold_markup

    assert _may_hold_markup(text) == any(sign in text for sign in _MARKUP_SIGNS)


@given(_MARKUP_PIECES)
def test_a_block_without_a_markup_sign_holds_no_tag_or_statement(text: str) -> None:
    from articlekit.cleaners.ads import _SCRIPT, _TAG, _may_hold_markup

    if not _may_hold_markup(text):
        assert _TAG.search(text) is None
        assert _SCRIPT.search(text) is None


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("ab1 _-:'é")), max_size=20))
def test_the_lead_word_fast_path_gives_the_pattern_run(text: str) -> None:
    m = lexicon._LEAD.match(lexicon.match_key(text))
    assert lexicon._lead_word.__wrapped__(text) == (m.group() if m else "")  # type: ignore[attr-defined]


@given(st.text(alphabet=st.sampled_from("ab :|–—-\n\t‒"), max_size=30))
def test_no_kicker_label_ends_without_a_separator_character(text: str) -> None:
    from articlekit.cleaners.furniture import _KICKER_PREFIX, _may_have_separator

    if _KICKER_PREFIX.match(text):
        assert _may_have_separator(text)


def test_a_match_may_start_several_words_before_its_month() -> None:
    # A two-word weekday, the day and "de" before the month: the farthest a match may start.
    from unittest import mock

    from articlekit import dates

    text = "Publicado terca-feira, 3 de maio de 2024"
    with mock.patch.object(dates, "_alternation", _flat_alternation):
        flat = dates._patterns.__wrapped__("pt")  # type: ignore[attr-defined]
    m = flat[2].search(text)
    assert m is not None and m.group().lower().startswith("terca-feira")
    found = dates.find_date(text, language="pt")
    assert found is not None and (found.start, found.end) == m.span()


@given(st.one_of(_TEXTS, st.text(alphabet=st.characters(codec="ascii"), max_size=40)))
def test_key_word_set_agrees_with_the_original(text: str) -> None:
    key = lexicon.match_key(text)
    original = frozenset(regex.findall(r"\w+", key, flags=regex.V1))
    assert lexicon._key_word_set.__wrapped__(text) == original  # type: ignore[attr-defined]
