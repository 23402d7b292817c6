"""Hostile inputs that took quadratic or cubic time (benchmarks/hostile.py measures them).

No test asserts a duration. Two kinds of guard instead:

- counts: a per-document feature (the first paragraph, the article's core) must be computed
  a bounded number of times per document, not once per block;
- :func:`finishes`: the shape runs in a subprocess that is stopped after a generous limit, at a
  size the old code needed several times that limit for (each test says how long), while the
  new code needs well under a second. A failure means the shape is superlinear again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import articlekit
from articlekit import features
from articlekit.cleaners import furniture
from articlekit.draft import Draft

#: Generous: the new code runs each shape below in about a second, the old code took 3x-100x
#: this on a 2-core machine.
LIMIT_SECONDS = 20

_SRC = str(Path(articlekit.__file__).resolve().parents[1])


def finishes(code: str, limit: float = LIMIT_SECONDS) -> None:
    """Run ``code`` in a fresh interpreter (this articlekit); fail if it runs over ``limit``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([_SRC, *filter(None, [env.get("PYTHONPATH")])])
    script = "import articlekit\n" + textwrap.dedent(code)
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=limit,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {limit} s: superlinear again?\n{script}")
    assert done.returncode == 0, done.stderr


def test_a_run_of_dots_is_linear() -> None:
    # The sentence-end pattern searched a run of stops from each of its positions: 40,000
    # dots took 87 s (and sentence_count as long again).
    finishes(
        """
        text = "." * 40000 + "x"
        assert articlekit.features.ends_sentence(text) is False
        assert articlekit.features.sentence_count(text) == 1
        articlekit.clean_text(text)
        """
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said so.", True),
        ("He said so.”", True),
        ("He said so.) \n", True),
        ("Why?!  ", True),
        ("He said so", False),
        ("He said. So", False),
        ("...", True),
        ("x" + "." * 5000 + "y", False),
    ],
)
def test_ends_sentence_reads_the_end_only(text: str, expected: bool) -> None:
    assert features.ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said so. U.S. agreed!  Why?", ["He said so", "U.S. agreed", "Why?"]),
        ("A.. B", ["A.", "B"]),
        ("Mr. Smith came.. He left", ["Mr. Smith came", "He left"]),
        ("Wait!?! “Yes.” Then", ["Wait", "“Yes", "Then"]),
    ],
)
def test_sentences_split_as_before(text: str, expected: list[str]) -> None:
    assert features.sentences(text) == expected


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls = [0]
    original = getattr(module, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_kicker_trimmer_finds_the_first_paragraph_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # It called first_prose once per block: "Home" x 20,000 lines took 46 s.
    calls = _count_calls(monkeypatch, furniture, "first_prose")
    draft = Draft.from_texts(["Home"] * 2000 + ["BREAKING: Ukraine is working to free 1,200."])
    out = furniture.TrimKickers()(draft)
    assert calls[0] == 1
    assert out.blocks[-1].text == "Ukraine is working to free 1,200."


def test_kicker_lines_are_trimmed_in_one_pass() -> None:
    # Each trim copied every block: many kicker lines before the first paragraph were
    # quadratic even with the first paragraph found once.
    lines = [f"BREAKING: Storm number {n} floods the coastal towns" for n in range(3000)]
    out = furniture.TrimKickers()(Draft.from_texts(lines))
    assert [b.text for b in out.blocks[:2]] == [
        "Storm number 0 floods the coastal towns",
        "Storm number 1 floods the coastal towns",
    ]
    assert len(out.removed) == 3000
    assert [r.block_index for r in out.removed[:2]] == [2999, 2998]  # last to first, as before


def test_home_lines_are_linear() -> None:
    # 20,000 lines of "Home" (100 KB) took 46 s.
    finishes('articlekit.clean_text("Home\\n" * 40000)')


def test_kicker_lines_are_linear() -> None:
    finishes('articlekit.clean_text("BREAKING: Storm floods the coastal towns again\\n" * 20000)')


def test_an_at_sign_run_in_a_byline_is_linear() -> None:
    # The e-mail pattern backtracked cubically: "By " + 2,000 "@" took 12 s; a meta author
    # "a@" x 1,000 (the shared byline parser) 11.6 s.
    finishes(
        """
        articlekit.clean_text("By " + "@" * 6000)
        assert articlekit.bylines.parse_byline("a@" * 3000, trusted=True) is not None
        """
    )


@pytest.mark.parametrize(
    "text",
    [
        "By Ann Lee ann.lee@example.com",
        "a@b.c a@b@c.de!x @x.y x@.y x@y. x@y.z@w.v_",
        "mail:jane@example.co.uk;x@y.z",
        "@@@.a x.@a.b é@é.é́",
    ],
)
def test_emails_go_as_the_old_pattern_took_them(text: str) -> None:
    import regex

    from articlekit.bylines import _without_emails

    assert _without_emails(text) == regex.sub(r"\S+@\S+\.\w+", " ", text)


def test_a_hyphenated_run_is_no_slow_web_address() -> None:
    # The web-address part of the organisation pattern scanned a run of word characters and
    # hyphens from every hyphen: a meta author "a-a-a-..." of 64 KB took 21 s (quadratic).
    finishes('assert not articlekit.bylines.looks_like_organisation("a-" * 64000)')


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("example.de", True),
        ("x-www.example.com", True),
        ("@x-www.example.com", True),
        ("@x-a-www.example.com", True),
        ("@a-example.com", True),
        ("@example.com", False),
        ("Jane Doe", False),
        ("a-b-c", False),
    ],
)
def test_web_addresses_as_before(name: str, expected: bool) -> None:
    from articlekit.bylines import looks_like_organisation

    assert looks_like_organisation(name) is expected


class _CountingPattern:
    """Stands in for a compiled pattern and counts its ``findall`` calls."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.calls = 0

    def findall(self, text: str) -> list[str]:
        self.calls += 1
        return self.pattern.findall(text)  # type: ignore[attr-defined, no-any-return]


def test_features_are_computed_once_per_block_however_many_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An lru_cache of 8,192 entries overflowed on a document of more distinct blocks: every
    # cleaner then counted every block's words again (23 counts a block here; the time per
    # MB stepped up at about 8 MB of text).
    counting = _CountingPattern(features._WORD)
    monkeypatch.setattr(features, "_WORD", counting)
    n = 10000
    lines = [
        f"Paragraph {i} tells the story of the council and its {i} ferries, aides said."
        for i in range(n)
    ]
    articlekit.clean_text("\n".join(lines))
    # Words are counted, folded and stemmed: three patterns a block at most.
    assert counting.calls <= 3 * n


def test_the_memo_lives_as_long_as_the_document() -> None:
    from articlekit._memo import _MEMO, per_document

    assert _MEMO.get() is None
    with per_document():
        features.word_count("a b c")
        with per_document():  # nested: the same memo
            assert _MEMO.get()
        assert _MEMO.get()
    assert _MEMO.get() is None
    articlekit.clean_text("Some text.")
    assert _MEMO.get() is None


def test_vowel_marks_standing_alone_are_linear() -> None:
    # Arabic vowel marks as words of their own: quadratic; 130,000 characters took 22 s.
    finishes('articlekit.clean_text("\\u064e\\u0650 " * 86000)')


def test_sentences_joined_by_nul_are_linear() -> None:
    # "sentence.\x00sentence.\x00...": quadratic; 324,000 characters took 12 s, 1 MB 32 s.
    finishes('articlekit.clean_text("The council met on Monday.\\x00" * 30000)')


def test_language_profiles_are_not_walked_by_the_garbage_collector() -> None:
    # langdetect's profiles are ~110,000 rows of floats loaded for good. Kept as lists, every
    # full collection during a large document walked them all (0.13 s of a 0.3 s call on
    # 65,536 short lines); as tuples of floats the collector stops tracking them.
    import gc

    from articlekit.cleaners import language

    assert language.detect_language("Die Bundesregierung hat am Montag neue Regeln beschlossen.")
    rows = language._factory().word_lang_prob_map
    gc.collect()
    assert len(rows) > 10_000
    assert sum(map(gc.is_tracked, rows.values())) == 0
    assert not gc.is_tracked(rows)


def test_a_tag_of_tens_of_thousands_of_attributes_is_linear() -> None:
    # libxml2 checks each attribute of a tag against those before it and lxml lists them
    # in quadratic time (htmldate lists the attributes of some elements): one <div> of
    # 48,000 attributes took 14 s in clean_html, so 96,000 about a minute.
    finishes(
        """
        attributes = " ".join(f'a{i}="{i}"' for i in range(96_000))
        prose = "The council met on Monday to discuss the budget, and it agreed to it. " * 6
        page = f"<html><body><div {attributes}><p>{prose}</p></div></body></html>"
        article = articlekit.clean_html(page)
        assert "The council met on Monday" in article.text
        """
    )


def test_a_json_ld_list_of_tens_of_thousands_of_authors_is_linear() -> None:
    # The page's author names were deduplicated with a search of the names kept so far:
    # 11,600 names took 0.7 s, so 80,000 about half a minute.
    finishes(
        """
        from lxml import html
        from articlekit.readers.metadata import page_hints

        people = ",".join(
            f'{{"@type": "Person", "name": "Writer Number{i}"}}' for i in range(80_000)
        )
        article = f'{{"@type": "NewsArticle", "author": [{people}]}}'
        script = f'<script type="application/ld+json">{article}</script>'
        page = f"<html><head>{script}</head><body><p>x</p></body></html>"
        hints = page_hints(html.fromstring(page))
        assert len(hints.authors) == 80_000 and hints.authors[1] == "Writer Number1"
        """
    )


def test_markup_in_a_metadata_value_is_read_in_linear_time() -> None:
    # "<" and a run of spaces took quadratic time: 8,000 spaces half a second, 200,000 would
    # have taken five minutes.
    finishes(
        """
        from articlekit.readers.metadata import without_markup
        assert without_markup("<" + " " * 200000 + "Ann Lee") == ["< Ann Lee"]
        assert without_markup("<a " * 100000) == ["<a " * 99999 + "<a"]
        assert without_markup("<b>" * 100000 + "Ann Lee") == ["Ann Lee"]
        """
    )


def test_mojibake_is_repaired_in_linear_time() -> None:
    # Guards the shapes a run-based repair could take quadratic time on: one run of a
    # million sequences, runs that fail at their last character (each tried again from its
    # next position would be quadratic), and leads with no continuation. Each takes well
    # under a second.
    finishes(
        """
        from articlekit.mojibake import repair
        n = 1_000_000
        assert repair("Ã©" * n).text == "é" * n
        assert repair("Ã©" * n + "é").count == 0
        assert repair(("Ã©" * 1000 + "ß ") * 1000).count == 0
        assert repair("Ã" * n).count == 0
        assert repair("Ã¢â‚¬â„¢" * 300_000).text == "’" * 300_000
        """
    )


def test_an_outlet_run_into_a_long_name_is_linear() -> None:
    # Each of a piece's words was tried as the start of an outlet run into the name, each
    # try joining the rest: 8,000 words took 5.2 s, 30,000 over a minute.
    finishes(
        """
        long = articlekit.bylines.parse_byline("By " + "Ann " * 30000 + "BBC Sport")
        assert long == ()  # thirty thousand words are no name
        assert articlekit.bylines.parse_byline("By Ann Lee BBC Sport") == ("Ann Lee", "BBC")
        """
    )
