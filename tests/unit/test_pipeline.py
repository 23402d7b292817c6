from __future__ import annotations

import pytest

import articlekit
from articlekit import DEFAULT_PIPELINE, Draft, Pipeline
from articlekit.cleaners import BlockRemover, FunctionCleaner, get
from articlekit.errors import CleanerError, PipelineError, UnknownCleanerError

TEXT = "Advertisement\nTalks on prisoner exchanges resumed on Monday in Istanbul, officials said."


def drop_short(draft: Draft) -> Draft:
    return draft.remove(
        {i: "short" for i, b in enumerate(draft.blocks) if len(b.text) < 20}, cleaner="drop_short"
    )


class RemoveMondays(BlockRemover):
    name = "remove_mondays"
    reasons = ("monday",)

    def judge(self, draft, pos):
        return "monday" if "Monday" in draft.blocks[pos].text else None


def test_default_pipeline_names_are_the_builtins_in_order():
    assert DEFAULT_PIPELINE.names == tuple(articlekit.cleaners.BUILTIN)


def test_without_returns_new_pipeline_and_leaves_default_alone():
    p = DEFAULT_PIPELINE.without("remove_ad_labels")
    assert "remove_ad_labels" not in p
    assert "remove_ad_labels" in DEFAULT_PIPELINE
    assert articlekit.clean_text(TEXT, pipeline=p).text.startswith("Advertisement")


def test_with_before_after_and_replace():
    p = DEFAULT_PIPELINE.with_(drop_short, after="remove_ad_labels")
    assert p.names[p.names.index("remove_ad_labels") + 1] == "drop_short"
    p2 = DEFAULT_PIPELINE.with_(RemoveMondays(), before="detect_language")
    assert p2.names[p2.names.index("detect_language") - 1] == "remove_mondays"
    assert articlekit.clean_text(TEXT, pipeline=p2).text == ""
    p3 = DEFAULT_PIPELINE.replace("remove_ad_labels", RemoveMondays())
    assert "remove_ad_labels" not in p3
    assert p3.names.index("remove_mondays") == DEFAULT_PIPELINE.names.index("remove_ad_labels")


def test_pipeline_accepts_names_of_builtins():
    p = Pipeline(["remove_ad_labels"])
    assert p(Draft.from_texts(["Advertisement", "x"])).blocks[0].text == "x"


def test_custom_cleaner_removals_are_recorded_with_its_name():
    article = articlekit.clean_text(TEXT, pipeline=Pipeline([RemoveMondays()]))
    assert [(r.cleaner, r.reason) for r in article.removed] == [("remove_mondays", "monday")]


def test_pipeline_is_immutable_and_hashable():
    with pytest.raises(AttributeError):
        DEFAULT_PIPELINE.steps = ()  # type: ignore[misc]
    assert hash(DEFAULT_PIPELINE) == hash(Pipeline(DEFAULT_PIPELINE.steps))
    assert Pipeline(DEFAULT_PIPELINE.steps) == DEFAULT_PIPELINE


def test_duplicate_names_fail_at_construction():
    with pytest.raises(PipelineError, match="two steps are named 'remove_ad_labels'"):
        DEFAULT_PIPELINE.with_("remove_ad_labels")


def test_unknown_names_fail_with_the_list_of_known_ones():
    with pytest.raises(UnknownCleanerError, match="remove_ad_labels"):
        DEFAULT_PIPELINE.without("remove_ads")
    with pytest.raises(UnknownCleanerError):
        get("nope")
    with pytest.raises(KeyError):  # also a KeyError, as users expect
        DEFAULT_PIPELINE.with_(drop_short, after="nope")


def test_before_and_after_together_is_an_error():
    with pytest.raises(PipelineError):
        DEFAULT_PIPELINE.with_(drop_short, before="detect_language", after="mark_headings")


def test_non_callable_step_is_a_type_error_naming_the_value():
    with pytest.raises(TypeError, match="42"):
        Pipeline([42])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="instantiate it"):
        Pipeline([RemoveMondays])  # type: ignore[list-item]


def test_lambda_needs_a_name():
    with pytest.raises(PipelineError, match="name="):
        Pipeline([lambda d: d])
    assert Pipeline([FunctionCleaner(lambda d: d, name="noop")]).names == ("noop",)


def test_cleaner_failures_are_wrapped_with_the_cleaner_name():
    def explode(draft: Draft) -> Draft:
        raise ZeroDivisionError("boom")

    def wrong(draft: Draft) -> str:
        return "not a draft"

    with pytest.raises(CleanerError, match="'explode' failed: ZeroDivisionError: boom"):
        articlekit.clean_text(TEXT, pipeline=Pipeline([explode]))
    with pytest.raises(CleanerError, match="'wrong' returned str"):
        articlekit.clean_text(TEXT, pipeline=Pipeline([wrong]))  # type: ignore[list-item]


def test_undeclared_reason_code_is_caught():
    class Sloppy(BlockRemover):
        name = "sloppy"
        reasons = ("declared",)

        def judge(self, draft, pos):
            return "undeclared"

    with pytest.raises(CleanerError, match="does not declare"):
        Sloppy()(Draft.from_texts(["x"]))


def test_class_name_must_be_snake_case():
    with pytest.raises(PipelineError, match="snake_case"):

        class Bad(BlockRemover):
            name = "BadName"

            def judge(self, draft, pos):
                return None


def test_empty_pipeline_only_reads():
    article = articlekit.clean_text(TEXT, pipeline=Pipeline())
    assert article.text == TEXT.replace("\n", "\n\n")
    assert article.removed == ()
