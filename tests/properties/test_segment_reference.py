"""The faster segmenter and plain-text reader give the blocks the old ones gave.

``segment_reference`` (tests/) is a frozen copy of the code before issue 16's speed-up; the
speed-up must not change a single block, on any text.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import segment_reference
from articlekit.readers.text import read_text
from articlekit.segment import segment_text

# Words of every class the rules key on: lower, capitalised, caseless, numbers, stops,
# abbreviations and initials, separators, labels, datelines, code, tags, quotes, dashes.
_VOCABULARY = """
Home News Sport Weather World Business Email Tennis Maria Lopez The This Der In
the and of in from council met approved budget won her said it was late
Advertisement ADVERTISEMENT Sponsored Content Anzeige Read more: Sign up Also read
Subscribe to our newsletter Related stories Share this article Copyright
Mr. U.S. z.B. e.g. J. F. St. 3. 3.5 1990, 2024 said. it? Yes! late.” dit. » «
| • · » › ■ ‖ © (c) (C) - – — LONDON (Reuters) BERLIN (AP) fn); } { x=1; <b> '/x.js'>
Москва заявила 東京 は 確認した. القاهرة تنتظر मुंबई में \u064e\u0650 Wow!?!? ... ..
Reuters, AP, CNN Grand Harbour Ferry Terminal Wien/St. Pölten 1. Blue Arrow (3) 58.5,
"""
_WORDS = _VOCABULARY.split()
# Gaps: one space mostly; wide gaps, tabs, no-break and other spaces, line breaks of every
# kind Python knows, zero-width characters.
_GAPS = [" "] * 12 + ["  ", "\t", " \u00a0", "\u3000", "\x1f", "\u200b", " \ufeff ", "\n", "\r\n"]
_GAPS += ["\u2028", "\x1c", "\x0c", "\n\n"]
_CAPITALISED = [w for w in _WORDS if w[:1].isupper()]
_LOWER = [w for w in _WORDS if w.isalpha() and w.islower()] + [
    "a",
    "new",
    "ferry",
    "timetable",
    "rose",
]
# Runs the rules look for: menus (capitalised words, with a dash or a dateline at times),
# sentences (long or short, with names and commas), stretches without a stop.
_MENU = st.lists(st.sampled_from([*_CAPITALISED, "-", "–", "(AP)"]), min_size=1, max_size=14)
_SENTENCE = st.tuples(
    st.sampled_from(_CAPITALISED),
    st.lists(st.sampled_from(_LOWER + _LOWER + _CAPITALISED[:12]), max_size=75)
    | st.lists(st.sampled_from(_LOWER), min_size=55, max_size=80),
    st.sampled_from([".", "?", "!", ".”", ". »", "", ","]),
).map(lambda t: [t[0], *t[1][:-1], (t[1][-1] if t[1] else "x") + t[2]])
_STRETCH = st.lists(st.sampled_from(_LOWER), min_size=1, max_size=30)
_CHUNK = st.one_of(_MENU, _SENTENCE, _STRETCH, st.lists(st.sampled_from(_WORDS), max_size=6))
_FLAT = st.tuples(
    st.lists(_CHUNK, max_size=12),
    st.just([" "]) | st.lists(st.sampled_from(_GAPS), min_size=1, max_size=40),
).map(lambda t: _join([w for chunk in t[0] for w in chunk], t[1]))


def _join(words: list[str], gaps: list[str]) -> str:
    """The words, with the gaps between them in turn."""
    return "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))


_ANY = st.one_of(_FLAT, st.text(), st.text(alphabet=st.characters(codec="utf-8"), max_size=600))


@given(_ANY)
@example("Home News Sport Weather World Business Email Tennis Maria Lopez won her match. " * 3)
@example("Advertisement Advertisement The council met on Monday to approve the budget. x" * 9)
def test_segment_text_is_the_reference(text: str):
    assert segment_text(text) == segment_reference.segment_text(text)


@given(_ANY.map(lambda t: t * 8))  # flat or not, as it happens; long enough to be flat
@example("a\n" * 300)
@example("Home\u200b News\r\n\r\n  Sport\t\n" * 50)
def test_read_text_is_the_reference(text: str):
    blocks = read_text(text).blocks
    assert tuple(b.text for b in blocks) == segment_reference.read_lines(text)
    assert [b.index for b in blocks] == list(range(len(blocks)))
