"""Mojibake (UTF-8 read as Windows-1252 or Latin-1) decoded back, in both paths.

Golden cases in ``tests/fixtures/mojibake_cases.json`` (ftfy's habit): ``expect: fail`` marks
the known misses, kept in the suite as ``xfail`` with their reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import articlekit
from articlekit.mojibake import fix_mojibake, repair

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "mojibake_cases.json").read_text("utf-8")
)


def _case(case: dict[str, Any]) -> Any:
    marks = (
        [pytest.mark.xfail(reason=case.get("comment", ""), strict=True)]
        if case["expect"] == "fail"
        else []
    )
    return pytest.param(case, id=case["label"], marks=marks)


@pytest.mark.parametrize("case", [_case(c) for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    assert repair(case["original"]).text == case["fixed"]


def _garbled(text: str) -> str:
    """``text`` saved as UTF-8 and read as Windows-1252 (Latin-1 for the bytes it lacks)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1")
        for b in text.encode("utf-8")
    )


# Words in the scripts the repair reads (Latin-1 letters, Latin Extended-A, Greek, Cyrillic)
# and the typographic marks, between ASCII words.
_WORD_CHARS = (
    [chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)]
    + [chr(c) for c in range(0x100, 0x180)]
    + [chr(c) for c in range(0x391, 0x3CA) if chr(c).isalpha()]
    + [chr(c) for c in range(0x410, 0x450)]
    + list("’‘“”–—…€™£©®°")
)
_words = st.lists(
    st.tuples(
        st.text(alphabet="abcxyz", min_size=1, max_size=4),
        st.text(alphabet=_WORD_CHARS, min_size=1, max_size=5),
    ),
    max_size=6,
)


def _hyphenation(word: str) -> bool:
    """A garbled word that reads as a capital before a soft hyphen, left as it is."""
    garbled = _garbled(word)
    return len(garbled) == 2 and garbled[1] == "\u00ad" and garbled[0] not in "ÂÃ"


# Text with nothing to repair, garbled once or twice, comes back. (Text that is itself
# garbled-looking, such as "Â£", is no such text: it is repaired, and no property holds.)
@given(_words)
def test_garbled_words_come_back(words: list[tuple[str, str]]) -> None:
    assume(not any(_hyphenation(b) for _, b in words))
    text = " ".join(a + b + a for a, b in words)
    assume(repair(text).text == text)
    assert repair(_garbled(text)).text == text


@given(_words)
def test_garbled_twice_comes_back(words: list[tuple[str, str]]) -> None:
    assume(not any(_hyphenation(b) for _, b in words))
    text = " ".join(a + b + a for a, b in words)
    assume(repair(text).text == text)
    assert repair(_garbled(_garbled(text))).text == text


@given(
    st.text(alphabet=[chr(c) for c in range(0x100, 0x180)] + [chr(c) for c in range(0x400, 0x450)])
)
def test_text_without_latin1_characters_is_left_alone(text: str) -> None:
    # No lead and no continuation of a sequence is outside Latin-1 and Windows-1252's marks.
    assert repair(text) == articlekit.mojibake.Repair(text)


@given(st.text())
def test_the_bytes_test_agrees_with_the_text_test(text: str) -> None:
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        return
    assert repair(text, encoded) == repair(text)


def test_the_record_names_the_repairs() -> None:
    fixed = repair("Itâ€™s Â£5 at the cafÃ©, itâ€™s")
    assert fixed.text == "It’s £5 at the café, it’s"
    assert fixed.count == 4
    assert fixed.first == 2
    assert fixed.examples == ("â€™ → ’", "Â£ → £", "Ã© → é")


def test_invisible_characters_are_escaped_in_the_record() -> None:
    assert repair("aÂ\u00a0b").examples == ("Â\\xa0 → \\xa0",)


def test_nothing_to_repair_returns_the_same_text() -> None:
    text = "Straße, épuisé\u00a0», NESCAFÉ®"
    assert repair(text).text is text
    assert fix_mojibake(text) is text


PAGE = (
    "<html><head><title>A DIY Investorâ\u0080\u0099s Guide</title></head><body><article>"
    "<h1>A DIY Investorâ\u0080\u0099s Guide</h1>"
    + "<p>The calculator itâ\u0080\u0099s about gave JÃ¼rgen the best estimate we tested this"
    " year, and the one we would use again.</p>" * 4 + "</article></body></html>"
)


def test_clean_html_repairs_title_and_text_and_records_it() -> None:
    article = articlekit.clean_html(PAGE)
    assert article.title == "A DIY Investor’s Guide"
    assert "it’s about gave Jürgen" in article.text
    assert "â" not in article.text
    (record,) = [r for r in article.removed if r.reason == "mojibake"]
    assert record.cleaner == "read_html"
    assert record.text.startswith("â\\x80\\x99 → ’")
    assert record.offset == PAGE.index("â")


def test_clean_html_repairs_decoded_bytes_too() -> None:
    article = articlekit.clean_html(PAGE.encode("utf-8"))
    assert article.title == "A DIY Investor’s Guide"


def test_read_metadata_repairs_the_title() -> None:
    meta = articlekit.read_metadata(PAGE)
    assert meta.title == "A DIY Investor’s Guide"
    assert [r.reason for r in meta.removed] == ["mojibake"]


def test_clean_text_repairs_and_records_it() -> None:
    text = (
        "Investorâ€™s guide\n"
        "The calculator itâ€™s about gave JÃ¼rgen the best estimate we tested this year."
    )
    article = articlekit.clean_text(text)
    assert (
        article.text
        == "The calculator it’s about gave Jürgen the best estimate we tested this year."
    )
    (record,) = [r for r in article.removed if r.reason == "mojibake"]
    assert record.cleaner == "read_text"
    assert record.offset == text.index("â")


def test_clean_text_records_nothing_without_mojibake() -> None:
    article = articlekit.clean_text("« Il est épuisé\u00a0», dit-elle, après la course de Straße.")
    assert not [r for r in article.removed if r.reason == "mojibake"]
