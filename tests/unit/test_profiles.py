"""SiteProfile and clean_text(profile=...): a fake site's template around different stories."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit import (
    DEFAULT_PIPELINE,
    ArticlekitError,
    InputTypeError,
    Pipeline,
    PipelineError,
    ProfileError,
    ProfileVersionError,
    SiteProfile,
)
from articlekit.cleaners.profile import RemoveBoilerplateRepeat, with_profile
from articlekit.profiles import FORMAT_VERSION, MAX_KEY_CHARS, line_shape
from articlekit.testing import MessyArticle, accounted_words, input_words, messy_articles

MENU = "Home | Local | Business | Sports | Opinion | Obituaries"
SIGN_IN = "Sign in or create an account"
DISCLAIMER = (
    "The views expressed in reader comments are those of their authors and do not reflect "
    "the views of the Riverside Ledger, which reserves the right to remove any comment that "
    "breaks its community rules, without notice, at any time and for any reason it sees fit."
)
STORIES = [
    (
        "Council approves new bus depot",
        "The city council voted six to three on Tuesday to "
        "build a bus depot on the old brewery site, ending a two-year dispute with neighbours.",
    ),
    (
        "Flood barrier finished early",
        "Engineers completed the river flood barrier a month "
        "ahead of schedule, the water board said, after a dry summer sped up the works.",
    ),
    (
        "Library extends opening hours",
        "The central library will open until nine on "
        "weekdays from March, the librarian said, after a survey of more than two thousand users.",
    ),
    (
        "School roof repaired after storm",
        "Builders repaired the roof of the primary school "
        "on Elm Street over the weekend, so that lessons could resume on Monday as planned.",
    ),
    (
        "Market hall to reopen",
        "The covered market hall reopens in April after a renovation "
        "that cost four million, with forty stalls and a new café run by a local cooperative.",
    ),
    (
        "Cyclists get a second bridge",
        "A second bridge for cyclists and walkers will cross "
        "the canal by next year, the transport committee decided after a long public hearing.",
    ),
    (
        "Hospital wing named after nurse",
        "The new wing of the county hospital will carry "
        "the name of a nurse who worked there for forty-one years, the board announced.",
    ),
    (
        "Harbour fees frozen",
        "Fees for the small boat harbour stay at last year's level, "
        "the port authority said, after fishermen protested against a planned rise of a fifth.",
    ),
    (
        "Zoo welcomes two otters",
        "Two otters from a sanctuary in the north arrived at the "
        "city zoo on Friday and will be shown to visitors once they have settled in.",
    ),
    (
        "Night buses return",
        "Night buses run again on the four busiest lines from next "
        "weekend, the transport company said, after a trial that drew more riders than hoped.",
    ),
]
#: A sentence quoted in two of the ten stories (a follow-up repeats the original's lead).
SHARED = "The mayor said the decision was the right one for the whole city."


def page(i: int, *, comments: int = 3, year: int = 2025) -> str:
    title, lead = STORIES[i]
    body = [lead, SHARED] if i in (0, 1) else [lead]
    return "\n".join(
        [
            SIGN_IN,
            MENU,
            title,
            *body,
            f"{comments} comments",
            DISCLAIMER,
            f"© {year} The Riverside Ledger. All rights reserved.",
        ]
    )


@pytest.fixture
def profile() -> SiteProfile:
    p = SiteProfile()
    p.learn_many(page(i, comments=i + 1, year=2015 + i) for i in range(10))
    return p


def test_template_lines_are_boilerplate_and_story_lines_are_not(profile):
    assert profile.pages == 10
    for line in (MENU, SIGN_IN, DISCLAIMER, "48 comments", "© 2031 The Riverside Ledger."):
        if line.startswith("©"):
            line = "© 2031 The Riverside Ledger. All rights reserved."
        assert profile.is_boilerplate(line), line
    for title, lead in STORIES:
        assert not profile.is_boilerplate(title)
        assert not profile.is_boilerplate(lead)


def test_a_line_repeated_in_two_of_ten_pages_is_not_template(profile):
    assert profile.support(SHARED) == 2
    assert not profile.is_boilerplate(SHARED)


def test_shape_ignores_case_space_width_and_digits():
    assert line_shape("  12  Comments ") == line_shape("3 comments") == "0 comments"
    assert line_shape("© 2024 Ｔｈｅ Ledger") == line_shape("© 2025 the ledger")
    assert line_shape("One story") != line_shape("Another story")
    assert line_shape("   ") == ""


def test_a_line_counts_once_per_page():
    p = SiteProfile(min_pages=2)
    p.learn("Share\nShare\nShare\nA story.")
    assert p.support("Share") == 1
    assert not p.is_boilerplate("Share")


def test_nothing_is_template_below_min_pages():
    p = SiteProfile()  # min_pages 3
    p.learn_many([page(0), page(1)])
    assert p.support(MENU) == 2
    assert not p.is_boilerplate(MENU)
    assert p.template_lines() == []
    p.learn(page(2))
    assert p.is_boilerplate(MENU)


def test_share_rule_needs_a_share_of_the_pages():
    p = SiteProfile(min_pages=2, min_share=0.5)
    p.learn_many([f"Banner\nStory {i} text." for i in range(3)])
    p.learn_many([f"Story {i} text, new layout." for i in range(3, 10)])
    assert p.support("Banner") == 3
    assert not p.is_boilerplate("Banner")  # 3 of 10 pages


def test_clean_text_drops_template_with_reason(profile):
    text = page(5, comments=17, year=2026)
    plain = articlekit.clean_text(text)
    article = articlekit.clean_text(text, profile=profile)
    dropped = [r.text for r in article.removed if r.reason == "boilerplate_repeat"]
    assert MENU in dropped
    assert DISCLAIMER in dropped
    assert "17 comments" in dropped
    assert all(
        r.cleaner == "remove_boilerplate_repeat"
        for r in article.removed
        if r.reason == "boilerplate_repeat"
    )
    assert STORIES[5][1] in article.text
    assert not any(r.reason == "boilerplate_repeat" for r in plain.removed)
    assert accounted_words(article) == input_words(text)


def test_clean_text_keeps_a_story_line_shared_with_one_other_page(profile):
    article = articlekit.clean_text(page(0), profile=profile)
    assert SHARED in article.text


def test_the_title_is_not_taken_from_the_template(profile):
    # Without the profile the sign-in line, first and headline-shaped, takes the title.
    text = page(4)
    assert articlekit.clean_text(text).title == SIGN_IN
    assert articlekit.clean_text(text, profile=profile).title == STORIES[4][0]


def test_profile_with_the_users_pipeline(profile):
    pipeline = DEFAULT_PIPELINE.without("keep_article_core", "remove_calls_to_action")
    article = articlekit.clean_text(page(3), pipeline=pipeline, profile=profile)
    assert any(r.text == MENU and r.reason == "boilerplate_repeat" for r in article.removed)
    # Right after detect_language; first in a pipeline without it.
    placed = with_profile(DEFAULT_PIPELINE, profile).names
    at = placed.index("detect_language")
    assert placed[at : at + 2] == ("detect_language", "remove_boilerplate_repeat")
    own = with_profile(Pipeline(["extract_title", "keep_article_core"]), profile)
    assert own.names == ("remove_boilerplate_repeat", "extract_title", "keep_article_core")
    assert with_profile(Pipeline([]), profile).names == ("remove_boilerplate_repeat",)


def test_profile_step_twice_is_a_pipeline_error(profile):
    pipeline = DEFAULT_PIPELINE.with_(RemoveBoilerplateRepeat(profile))
    with pytest.raises(PipelineError, match="remove_boilerplate_repeat"):
        articlekit.clean_text("A line.", pipeline=pipeline, profile=profile)


def test_not_in_the_default_pipeline():
    assert "remove_boilerplate_repeat" not in DEFAULT_PIPELINE
    assert "remove_boilerplate_repeat" not in articlekit.cleaners.BUILTIN


def test_json_round_trip_and_files(profile, tmp_path):
    again = SiteProfile.from_json(profile.to_json())
    assert again == profile
    assert again.template_lines() == profile.template_lines()
    path = tmp_path / "ledger.json"
    profile.save(path)
    loaded = SiteProfile.load(path)
    assert loaded == profile
    text = page(7)
    assert articlekit.clean_text(text, profile=loaded) == articlekit.clean_text(
        text, profile=profile
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "articlekit.site_profile"
    assert data["version"] == FORMAT_VERSION


def test_learning_is_incremental_and_deterministic():
    pages = [page(i, comments=i, year=2000 + i) for i in range(10)]
    once = SiteProfile()
    once.learn_many(pages)
    twice = SiteProfile()
    for text in pages:
        twice.learn(text)
    assert once.to_json() == twice.to_json()
    small = SiteProfile(max_lines=20)
    other = SiteProfile(max_lines=20)
    small.learn_many(pages)
    other.learn_many(pages)
    assert small.to_json() == other.to_json()


def test_memory_is_bounded_and_the_template_survives_pruning():
    p = SiteProfile(max_lines=40)
    for i in range(300):
        story = "\n".join(f"Story {i} paragraph {chr(97 + j)} of words." for j in range(25))
        story = story.translate(str.maketrans("0123456789", "abcdefghij"))
        p.learn(f"{SIGN_IN}\n{MENU}\n{story}\n{DISCLAIMER}")
        assert len(p) <= 40
    assert p.pages == 300
    assert p.is_boilerplate(MENU)
    assert p.is_boilerplate(DISCLAIMER)
    assert p.support(MENU) == 300


def test_long_lines_are_stored_bounded():
    long_line = "word " * 2000
    shape = line_shape(long_line)
    assert len(shape) <= MAX_KEY_CHARS
    assert line_shape(long_line + "more") != shape
    p = SiteProfile()
    p.learn_many([long_line] * 3)
    assert p.is_boilerplate(long_line)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"min_pages": 0}, "min_pages must be at least 1"),
        ({"min_pages": "3"}, "min_pages must be an int"),
        ({"min_share": 0}, "min_share must be in"),
        ({"min_share": 1.5}, "min_share must be in"),
        ({"min_share": True}, "min_share must be a number"),
        ({"max_lines": 0}, "max_lines must be at least 1"),
    ],
)
def test_settings_that_cannot_work_fail_at_construction(kwargs, match):
    with pytest.raises(ProfileError, match=match):
        SiteProfile(**kwargs)


def test_bad_learning_input():
    p = SiteProfile()
    with pytest.raises(InputTypeError, match="str"):
        p.learn(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="use learn"):
        p.learn_many("one page")
    with pytest.raises(InputTypeError, match="SiteProfile"):
        articlekit.clean_text("A line.", profile="not a profile")  # type: ignore[arg-type]
    assert p.pages == 0


def _saved() -> dict:
    p = SiteProfile()
    p.learn_many([page(0), page(1), page(2)])
    return json.loads(p.to_json())


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        (lambda d: "not json {", ProfileError, "must be JSON"),
        (lambda d: json.dumps([1, 2]), ProfileError, "not a saved site profile"),
        (lambda d: json.dumps({**d, "format": "other"}), ProfileError, "not a saved"),
        (lambda d: json.dumps({**d, "version": 99}), ProfileVersionError, "learn the profile"),
        (
            lambda d: json.dumps({k: v for k, v in d.items() if k != "pages"}),
            ProfileError,
            "lacks the field 'pages'",
        ),
        (lambda d: json.dumps({**d, "min_pages": "3"}), ProfileError, "must be an int"),
        (lambda d: json.dumps({**d, "lines": {"a": 1}}), ProfileError, "must be a list"),
        (lambda d: json.dumps({**d, "lines": [["menu", "2", 1]]}), ProfileError, "an int"),
        (lambda d: json.dumps({**d, "lines": [["menu", 2]]}), ProfileError, "each line entry"),
        (lambda d: json.dumps({**d, "lines": [["menu", 9, 1]]}), ProfileError, "does not fit"),
        (lambda d: json.dumps({**d, "max_lines": 1}), ProfileError, "at most max_lines"),
    ],
)
def test_bad_saved_profiles_are_clear_errors(change, error, match):
    with pytest.raises(error, match=match) as info:
        SiteProfile.from_json(change(_saved()))
    assert isinstance(info.value, (ArticlekitError, ValueError))


def test_from_json_of_another_type_and_missing_file(tmp_path):
    with pytest.raises(InputTypeError):
        SiteProfile.from_json(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        SiteProfile.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ProfileError):
        SiteProfile.load(bad)


_PAGES = st.lists(
    st.lists(
        st.one_of(st.sampled_from([MENU, SIGN_IN, "12 comments", "© 2025 Ledger"]), st.text()),
        max_size=8,
    ).map("\n".join),
    max_size=12,
)


@given(_PAGES, st.integers(1, 4), st.integers(1, 30))
def test_json_round_trip_keeps_every_decision(pages, min_pages, max_lines):
    p = SiteProfile(min_pages=min_pages, max_lines=max_lines)
    p.learn_many(pages)
    assert len(p) <= max_lines
    again = SiteProfile.from_json(p.to_json())
    assert again == p
    assert again.to_json() == p.to_json()
    for text in pages:
        for line in text.splitlines():
            assert again.is_boilerplate(line) == p.is_boilerplate(line)


def test_pruning_keeps_widespread_lines_over_recent_ones():
    # A few pages without the template (an error page, a print view) must not push it out.
    p = SiteProfile(max_lines=40)
    p.learn_many(page(i % 10) for i in range(20))
    for i in range(3):
        p.learn("\n".join(f"Print view line {chr(97 + i)}{chr(97 + j)}." for j in range(26)))
    assert len(p) <= 40
    assert p.support(MENU) == 20
    assert p.is_boilerplate(MENU)


_TEMPLATE = SiteProfile()
_TEMPLATE.learn_many(page(i) for i in range(10))


@given(messy_articles())
def test_with_a_profile_everything_is_accounted_for_and_idempotent(ex: MessyArticle):
    text = f"{SIGN_IN}\n{MENU}\n{ex.text}\n{DISCLAIMER}"
    article = articlekit.clean_text(text, profile=_TEMPLATE)
    assert accounted_words(article) == input_words(text)
    assert {MENU, SIGN_IN, DISCLAIMER} <= {r.text for r in article.removed}
    assert articlekit.clean_text(article.text, profile=_TEMPLATE).text == article.text


def _wire_page(i: int) -> str:
    title, lead = STORIES[i]
    return "\n".join(
        [MENU, title, "By Staff Reporter", f"Published: {i + 3} Nov 2025 10:{i:02d} GMT", lead]
    )


def test_template_bylines_and_date_lines_stay_for_their_fields():
    # Every page prints the same byline and, within a month, a date line of the same shape.
    p = SiteProfile()
    p.learn_many(_wire_page(i) for i in range(8))
    assert p.is_boilerplate("By Staff Reporter")
    assert p.is_boilerplate("Published: 30 Nov 2025 11:50 GMT")
    text = _wire_page(9)
    article = articlekit.clean_text(text, profile=p)
    assert article.authors == ()  # a role, nobody's name: the line goes all the same
    assert article.published is not None and article.published.day == 12
    assert article.title == STORIES[9][0]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons[MENU] == "boilerplate_repeat"
    assert reasons["By Staff Reporter"] == "byline"
    strict = DEFAULT_PIPELINE.with_(
        RemoveBoilerplateRepeat(p, keep_field_lines=False), after="detect_language"
    )
    dropped = articlekit.clean_text(text, pipeline=strict)
    assert dropped.authors == () and dropped.published is None
