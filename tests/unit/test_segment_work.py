"""The segmenter and the plain-text reader do linear work with few pattern runs (issue 16).

No test here measures time. They count the work instead: a token is classified by the
patterns once per distinct text, not once per rule and occurrence; the label lists' long
alternations run only for a sentence whose first word opens a label; a text of many short
lines is not looked at line by line for an HTML dump.
"""

from __future__ import annotations

import pytest

from articlekit.readers import text as text_reader
from articlekit.readers.text import normalize_space, normalized_lines, read_text


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
