"""The segmenter and the plain-text reader do linear work with few pattern runs (issue 16).

No test here measures time. They count the work instead: a token is classified by the
patterns once per distinct text, not once per rule and occurrence; the label lists' long
alternations run only for a sentence whose first word opens a label; a text of many short
lines is not looked at line by line for an HTML dump.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest

from articlekit import segment
from articlekit.readers import text as text_reader
from articlekit.readers.text import normalize_space, normalized_lines, read_text


class _Counting:
    """Stands in for a compiled pattern (or any object) and counts the calls of ``method``."""

    def __init__(self, wrapped: Any, method: str) -> None:
        self.wrapped = wrapped
        self.method = method
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.wrapped, name)
        if name != self.method:
            return found

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return found(*args, **kwargs)

        return counted


@pytest.mark.parametrize("name", ["_LOWER", "_UPPER", "_CASELESS"])
def test_each_distinct_token_is_classified_once(monkeypatch: pytest.MonkeyPatch, name: str):
    counting = _Counting(getattr(segment, name), "match")
    monkeypatch.setattr(segment, name, counting)
    flat = "Wow!?!? Home news the \u064e\u0650 Москва " * 2000  # 6 distinct tokens, one line
    blocks = segment.segment_text(flat)
    assert len(blocks) > 2000
    assert counting.calls <= 6


def test_each_distinct_token_is_asked_once_whether_it_ends_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
):
    calls: list[str] = []
    ends_sentence = segment._ends_sentence

    def spy(token: str) -> bool:
        calls.append(token)
        return ends_sentence(token)

    monkeypatch.setattr(segment, "_ends_sentence", spy)
    flat = "Wow!?!? It rained. Mr. Smith said so, 3. » " * 2000
    assert len(segment.segment_text(flat)) > 2000
    assert len(calls) == len(set(flat.split()))


def test_label_patterns_run_only_for_a_labels_first_word(monkeypatch: pytest.MonkeyPatch):
    lexicon = segment._lexicon()
    segment._label_first_words()  # made from the real lexicon (and cached) before the spy
    counting = _Counting(lexicon, "prefix_pattern")
    monkeypatch.setattr(segment, "_lexicon", lambda: counting)
    sentence = "The harbour council approved the new ferry timetable after a long debate. "
    label = "Read more about the council and the new ferry timetable in our long report. "
    assert len(segment.segment_text(sentence * 500)) == 1  # one paragraph: 500 sentences
    assert counting.calls == 0
    segment.segment_text(sentence + label)
    assert counting.calls >= 1  # "read" opens a label: the lists' patterns decide


def test_label_first_words_hold_every_labels_first_word():
    lexicon = segment._lexicon()
    for key in segment._LABEL_KEYS:
        for phrase in lexicon[key]:
            found = lexicon.prefix_pattern(key).match(phrase + " and more")
            assert found, phrase
            assert segment._leading_word(phrase + " and more") in segment._label_first_words()


def test_a_wide_gap_is_found_only_where_it_is():
    line = "a  b c\u00a0\u00a0d\te  "
    assert segment._wide_gaps(line, line.split()) == {1, 3}
    assert segment._wide_gaps("a b\tc\u3000d", ["a", "b", "c", "d"]) == frozenset()


def test_white_space_is_the_same_to_the_token_pattern_and_to_str_split():
    # _wide_gaps aligns the pattern's tokens with str.split()'s: they must agree everywhere.
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert all(re.fullmatch(r"\s", c) for c in spaces)
    assert re.findall(r"\s", "".join(map(chr, range(0x3001)))) == list(spaces)
    line = "x".join(spaces) + "x"
    assert segment._TOKEN.findall(line) == line.split()


def test_normalized_lines_are_the_lines_normalised_one_by_one():
    text = " Home\u200b News\r\n\r\n\t Sport \u2028\x1c Weather\u00a0\x1f Today\ufeff\n\n"
    expected = [line for line in map(normalize_space, text.splitlines()) if line]
    assert normalized_lines(text) == expected == ["Home News", "Sport", "Weather Today"]


def test_short_lines_are_not_read_one_by_one_for_html(monkeypatch: pytest.MonkeyPatch):
    calls: list[str] = []

    def spy(line: str) -> list[str]:
        calls.append(line)
        return [line]

    monkeypatch.setattr(text_reader, "_without_markup", spy)
    draft = read_text("<b>Home</b>\n" * 5000)
    assert len(draft.blocks) == 5000
    assert calls == []  # no line is long enough to be a page's source
    read_text("<p>Home</p>" * 200 + "\nNews\n")
    assert len(calls) == 2  # one long line: every line is read


def test_a_long_html_line_is_still_read_as_a_page():
    line = "<div class='x'><p>The council approved the new ferry timetable.</p></div>" * 30
    blocks = [b.text for b in read_text(line + "\nA last line.").blocks]
    assert blocks[0] == "The council approved the new ferry timetable."
    assert blocks[-1] == "A last line."
