"""Cleaners that judge only candidate blocks drop exactly what judging every block drops.

``may_start_with`` and ``may_contain`` (cleaners/_common.py) leave out the blocks that cannot
start with (or hold) a phrase of a list; the cleaners that use them must give the same drafts
as when every block is looked at. The reference run patches both helpers to return every
position.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from articlekit import lexicon
from articlekit.cleaners import BUILTIN
from articlekit.cleaners.base import BlockRemover
from articlekit.draft import Draft

_KEYS = (
    "ad_label",
    "disclosure",
    "caption_credit",
    "figure_label",
    "related_link",
    "call_to_action",
    "cookie_notice",
    "source_credit",
    "date_word",
)
_ALL = lexicon.for_language(None)
_PHRASES = sorted(set().union(*(_ALL[k] for k in _KEYS)))
_MODULES = (
    "articlekit.cleaners.ads",
    "articlekit.cleaners.promos",
    "articlekit.cleaners.notices",
    "articlekit.cleaners.links",
    "articlekit.cleaners.furniture",
    "articlekit.cleaners.dates",
)

_LINE = st.one_of(
    st.text(max_size=20),
    st.builds(
        lambda pre, phrase, sep, rest, post: pre + phrase + sep + rest + post,
        st.sampled_from(["", "• ", "| ", " ", "(", "[", "© ", "Copyright ", "COPYRIGHT² ", "“"]),
        st.sampled_from(_PHRASES).map(lambda p: p.upper() if len(p) % 3 == 0 else p.title()),
        st.sampled_from(["", " ", ": ", " - ", ". ", "s", "\u0301", "2"]),
        st.sampled_from(["", "Reuters", "AFP / Jan Kowal", "16 Nov 2025 10:30", "our newsletter"]),
        st.sampled_from(["", ")", "]", ".", " © AFP / DPA"]),
    ),
    st.builds(  # a label in brackets: "(Photo: Reuters)", "[Source: AFP]"
        lambda phrase, rest, brackets: brackets[0] + phrase + ": " + rest + brackets[1],
        st.sampled_from(_PHRASES),
        st.sampled_from(["Reuters", "AFP / Jan Kowal", "Ann Lee"]),
        st.sampled_from(["()", "[]", " ( ) "]),
    ),
    st.sampled_from(
        [
            "A sentence of the story that the reporter wrote at length on Monday.",
            "Officials met on 12 November 2025 to discuss the plan for the harbour.",
            "16 Nov 2025 10:30 GMT",
            "May 3, 2024",
        ]
    ),
)


@contextlib.contextmanager
def _every_block() -> Iterator[None]:
    """Make both candidate helpers return every position (the reference behaviour)."""

    def everything(draft: Draft, key: str) -> list[int]:
        return list(range(len(draft.blocks)))

    with contextlib.ExitStack() as stack:
        for module in _MODULES:
            for name in ("may_start_with", "may_contain"):
                with contextlib.suppress(AttributeError):
                    stack.enter_context(mock.patch(f"{module}.{name}", everything))
        yield


@given(st.lists(_LINE, max_size=10), st.sampled_from([None, "en", "de", "fr"]))
def test_candidates_leave_out_no_block_a_cleaner_drops(
    lines: list[str], language: str | None
) -> None:
    texts = [line for line in lines if line.strip()]
    draft = Draft.from_texts(texts, language=language, reference_date=datetime(2025, 11, 20))
    for cleaner in BUILTIN.values():
        fast = cleaner(draft)
        with _every_block():
            slow = cleaner(draft)
        assert fast == slow, cleaner.name
        if isinstance(cleaner, BlockRemover):
            by_block = {
                p: r for p in range(len(draft.blocks)) if (r := cleaner.judge(draft, p)) is not None
            }
            assert dict(cleaner.find(draft)) == by_block, cleaner.name


def test_the_reference_patch_reaches_every_helper_in_use() -> None:
    # If a module stops importing a helper (or a new one starts), the list above must follow.
    import importlib

    users = {
        module
        for module in _MODULES
        if {"may_start_with", "may_contain"} & set(vars(importlib.import_module(module)))
    }
    assert users == set(_MODULES)


def test_a_candidate_run_judges_fewer_blocks() -> None:
    # The point of the helpers: a page of number lines is not judged by the ad-label test.
    draft = Draft.from_texts([str(n) for n in range(50)] + ["Advertisement"])
    from articlekit.cleaners._common import may_start_with

    assert may_start_with(draft, "ad_label") == [50]


_PROSE = "A sentence of the story that the reporter wrote at length on Monday."


@given(
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["16 Nov 2025 10:30 GMT", "Updated 3 hours ago", "Published: May 3, 2024"]),
)
def test_date_lines_are_looked_at_in_every_place_they_count(
    first_prose: int, where: int, line: str
) -> None:
    # Above the first paragraph, among the last three blocks, or labelled anywhere: the
    # boundaries of those ranges are where a candidate list would go wrong.
    texts = ["Menu", "Home", "World", "Sport", "Share", "Video", "More"]
    texts[first_prose] = _PROSE
    texts[where] = line
    draft = Draft.from_texts(texts, reference_date=datetime(2025, 11, 20))
    cleaner = BUILTIN["extract_dates"]
    fast = cleaner(draft)
    with _every_block():
        assert cleaner(draft) == fast


@given(st.lists(_LINE, max_size=12), st.sampled_from(_KEYS))
def test_may_start_with_is_the_ascending_positions_of_the_lead_test(
    lines: list[str], key: str
) -> None:
    # The lead index is kept per document and per blocks: in a document, after a removal,
    # and outside one, the answer is the block-by-block test.
    from articlekit._memo import per_document
    from articlekit.cleaners._common import may_start_with

    draft = Draft.from_texts([line for line in lines if line.strip()])
    leads = _ALL.lead_words(key)
    expected = [p for p, b in enumerate(draft.blocks) if lexicon._lead_word(b.text) in leads]
    assert may_start_with(draft, key) == expected
    with per_document():
        assert may_start_with(draft, key) == expected
        assert may_start_with(draft, key) == expected  # from the kept index
        if draft.blocks:
            smaller = draft.remove({0: "ad_label"}, cleaner="test")
            assert may_start_with(smaller, key) == [p - 1 for p in expected if p > 0]
