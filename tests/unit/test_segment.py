"""Segmenting text that lost its line breaks (articlekit.segment) and the reader's use of it."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

import articlekit
from articlekit.readers.text import read_text
from articlekit.segment import FLAT_CHARS_PER_LINE, FLAT_MIN_CHARS, looks_flat, segment_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Sentences shorter than ten words stand alone, so each sentence of these is one block.
SENTENCES = [
    ("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
    ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
    ("The U.S. economy grew. Prices fell.", ["The U.S. economy grew.", "Prices fell."]),
    ("Growth was 3.5 percent. Prices fell.", ["Growth was 3.5 percent.", "Prices fell."]),
    ("Am 3. März kam er. Dann ging er.", ["Am 3. März kam er.", "Dann ging er."]),
    ("Er kam z.B. am Montag. Dann ging er.", ["Er kam z.B. am Montag.", "Dann ging er."]),
    ("Sie traf Nr. 5 am Tor. Dann ging er.", ["Sie traf Nr. 5 am Tor.", "Dann ging er."]),
    ("She waited... Then she left.", ["She waited... Then she left."]),
    ("She waited… Then she left.", ["She waited… Then she left."]),
    (
        '"We won," he said. "It was hard." Fans cheered.',
        ['"We won," he said.', '"It was hard."', "Fans cheered."],
    ),
    ("Why now? Nobody knows! Really.", ["Why now?", "Nobody knows!", "Really."]),
    ("He lives in (the old) town. It rained.", ["He lives in (the old) town.", "It rained."]),
    ("Version 2.0 is out. it works.", ["Version 2.0 is out. it works."]),
    ("He moved to Wien/St. Pölten in May.", ["He moved to Wien/St. Pölten in May."]),
    ("这是第一句。 这是第二句。", ["这是第一句。", "这是第二句。"]),
]


@pytest.mark.parametrize(("text", "blocks"), SENTENCES)
def test_sentence_ends(text, blocks):
    assert list(segment_text(text)) == blocks


LONG_1 = "The council approved the new budget for the city schools on Monday evening."
LONG_2 = "Members said the money would go to teachers, buses and repairs of old buildings."


def test_full_sentences_make_one_paragraph():
    assert segment_text(f"{LONG_1} {LONG_2}") == (f"{LONG_1} {LONG_2}",)


def test_short_sentences_join_a_paragraph_but_do_not_make_one():
    assert segment_text(f"{LONG_1} It was late. {LONG_2}") == (f"{LONG_1} It was late. {LONG_2}",)
    assert segment_text(f"{LONG_1} It was late.") == (f"{LONG_1} It was late.",)
    assert segment_text("Any questions? Join us today!") == ("Any questions?", "Join us today!")


def test_a_run_of_spaces_ends_a_paragraph_but_not_a_sentence_inside_one():
    assert segment_text(f"{LONG_1}  {LONG_2}") == (LONG_1, LONG_2)
    assert segment_text("The council  approved it.") == ("The council approved it.",)


def test_line_breaks_stay_boundaries():
    assert segment_text(f"{LONG_1}\n{LONG_2}") == (LONG_1, LONG_2)


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        # A menu before a sentence; the sentence keeps its function word...
        (f"Home News Sport Weather {LONG_1}", ["Home News Sport Weather", LONG_1]),
        # ...or a two-word name.
        (
            "Sport Home Cricket Tennis Maria Lopez won her singles match in the final today.",
            ["Sport Home Cricket Tennis", "Maria Lopez won her singles match in the final today."],
        ),
        # A dateline opens the sentence.
        (
            "Home News World LONDON (Reuters) - Ministers met on Monday to discuss the budget.",
            [
                "Home News World",
                "LONDON (Reuters) - Ministers met on Monday to discuss the budget.",
            ],
        ),
    ],
)
def test_a_menu_run_is_cut_off_the_sentence(text, blocks):
    assert list(segment_text(text)) == blocks


@pytest.mark.parametrize(
    "text",
    [
        "In New York City police said the suspect fled on foot after the robbery.",
        "The report quotes the BBC, CNN, Reuters and AP as its main sources.",
        "Officials from the United Nations World Food Programme said aid would arrive soon.",
        "BERLIN (AP) - Singer Anna Berg was stopped by police on Thursday, officials said.",
    ],
)
def test_names_inside_a_sentence_are_not_a_menu(text):
    assert segment_text(text) == (text,)


def test_a_headline_without_a_stop_is_cut_off_the_sentence_under_it():
    text = f"Harbour council approves new budget {LONG_1}"
    assert segment_text(text) == ("Harbour council approves new budget", LONG_1)
    # A capitalised function word inside a name is not a sentence start.
    for text in ("He flew to The Hague on Monday.", "It is rich in vitamin A and iron."):
        assert segment_text(text) == (text,)


def test_an_ad_label_between_sentences_stands_alone():
    assert segment_text(f"{LONG_1} Advertisement {LONG_2}") == (LONG_1, "Advertisement", LONG_2)
    assert segment_text(f"{LONG_1} ANZEIGE {LONG_2}") == (LONG_1, "ANZEIGE", LONG_2)
    text = "Advertisement revenue fell sharply this year, the company said."
    assert segment_text(text) == (text,)


def test_separators_and_copyright():
    assert segment_text("Home | Sport • Weather © 2024 Daily Paper. All rights reserved.") == (
        "Home",
        "| Sport",
        "• Weather",
        "© 2024 Daily Paper.",
        "All rights reserved.",
    )
    assert segment_text("Home » News » World") == ("Home", "» News", "» World")
    # A French quotation is not a separator; its closing guillemet stays with the sentence.
    text = "Il a dit « nous verrons » hier soir."
    assert segment_text(text) == (text,)
    assert segment_text("« Nous verrons », a dit le ministre. » Le ministre est parti.") == (
        "« Nous verrons », a dit le ministre. »",
        "Le ministre est parti.",
    )


def test_headlines_run_together_are_cut_apart():
    text = (
        "Storm floods coastal villages overnight Chef opens vegan bakery in the old town "
        "Striker scores twice in derby win"
    )
    assert segment_text(text) == (
        "Storm floods coastal villages overnight",
        "Chef opens vegan bakery in the old town",
        "Striker scores twice in derby win",
    )


def test_a_long_menu_is_cut_into_items():
    menu = (
        "Accounting Advertising Air Charter Air Travel Annuities Architects Auto Insurance "
        "Banks Bars Boats Brokers Cafes"
    )
    assert segment_text(menu) == (
        "Accounting Advertising Air",
        "Charter Air Travel",
        "Annuities Architects Auto",
        "Insurance Banks Bars",
        "Boats Brokers Cafes",
    )
    assert segment_text(" ".join(menu.split()[:8])) == (" ".join(menu.split()[:8]),)
    # A table of results is not a menu.
    results = "1. Blue Arrow (3) Keller 58.5, 2. Night Owl (1) Moreau 57.5, 3. Red Comet Of Dawn"
    assert len(segment_text(results)) == 1


def test_script_statements_end_a_piece():
    assert segment_text("obj.add(fn); } " + LONG_1) == ("obj.add(fn);", "}", LONG_1)
    assert segment_text(f'<script src="a.js"></script> {LONG_1}') == (
        '<script src="a.js"></script>',
        LONG_1,
    )
    text = "The talks failed; the minister said so."
    assert segment_text(text) == (text,)


def test_looks_flat():
    line = "word " * (FLAT_MIN_CHARS // 5)
    assert looks_flat(line)
    assert not looks_flat(line[: FLAT_MIN_CHARS - 10])
    # One line break per FLAT_CHARS_PER_LINE characters at most.
    assert looks_flat("x" * FLAT_CHARS_PER_LINE + "\n" + "x" * 10)
    assert not looks_flat("x" * (FLAT_CHARS_PER_LINE - 100) + "\n" + "x" * 10)
    for path in sorted(SEEDS.glob("*.txt")):
        assert not looks_flat(path.read_text(encoding="utf-8")), path.name


def test_the_reader_segments_only_flat_text():
    lines = "\n".join([LONG_1 + " " + LONG_2] * 3)
    assert [b.text for b in read_text(lines).blocks] == [LONG_1 + " " + LONG_2] * 3
    flat = " ".join(["Home News Sport Weather", LONG_1, "Advertisement", LONG_2] * 3)
    assert looks_flat(flat)
    blocks = read_text(flat).blocks
    assert [b.text for b in blocks[:4]] == [
        "Home News Sport Weather",
        LONG_1,
        "Advertisement",
        LONG_2,
    ]
    assert [b.index for b in blocks] == list(range(len(blocks)))


def test_line_broken_seeds_are_read_line_by_line():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert [b.text for b in read_text(text).blocks] == [line for line in lines if line]


def _words(text: str) -> collections.Counter[str]:
    return collections.Counter(re.findall(r"\w+", text.casefold()))


# What flat text can honestly be expected to give: nearly all of the body, and none of the
# teaser lists, related links, ad labels and calls to action. Not the title, byline, date
# stubs or source credit: with no line of their own they are not told apart from the body.
JUNK_KINDS = {
    "headline_list",
    "headline_list_heading",
    "related_link",
    "ad_label",
    "call_to_action",
}


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_a_flat_seed_cleans_to_its_article(name):
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))[name]
    flat = (SEEDS / name).read_text(encoding="utf-8").replace("\n", " ")
    article = articlekit.clean_text(flat)
    body, got = _words(" ".join(expected["body"])), _words(article.text)
    shared = sum((body & got).values())
    assert shared >= 0.95 * sum(body.values())
    assert shared >= 0.9 * sum(got.values())
    out = " ".join(article.text.split())
    assert not [
        r["text"] for r in expected["removed"] if r["kind"] in JUNK_KINDS and r["text"] in out
    ]
