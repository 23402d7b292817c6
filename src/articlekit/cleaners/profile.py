"""The site's template, as a learned :class:`~articlekit.SiteProfile` knows it.

This cleaner is not in the default pipeline: it needs a profile, which only the caller has
(learned from the pages of one site). ``clean_text(text, profile=profile)`` adds it (see
:func:`with_profile`); a pipeline built by hand can take it like any other step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from articlekit.cleaners.base import BlockRemover
from articlekit.draft import Draft
from articlekit.errors import InputTypeError
from articlekit.profiles import SiteProfile

if TYPE_CHECKING:
    from articlekit.pipeline import Pipeline

__all__ = ["PROFILE_BEFORE", "RemoveBoilerplateRepeat", "with_profile"]


class RemoveBoilerplateRepeat(BlockRemover):
    r"""Drops the blocks a site profile calls template (menus, footers, share rows...).

    Args:
        profile: The :class:`~articlekit.SiteProfile` learned from the site's pages. It is
            read, not copied: learning more pages changes what the cleaner drops.

    Raises:
        InputTypeError: If ``profile`` is not a SiteProfile.

    Reason codes: ``boilerplate_repeat``.

    Example:
        >>> from articlekit import SiteProfile
        >>> from articlekit.draft import Draft
        >>> p = SiteProfile(min_pages=2)
        >>> p.learn_many(["Sign in\nOne story.", "Sign in\nAnother story."])
        >>> d = RemoveBoilerplateRepeat(p)(Draft.from_texts(["Sign in", "A third story."]))
        >>> [b.text for b in d.blocks], [r.reason for r in d.removed]
        (['A third story.'], ['boilerplate_repeat'])
    """

    name: ClassVar[str] = "remove_boilerplate_repeat"
    reasons: ClassVar[tuple[str, ...]] = ("boilerplate_repeat",)

    __slots__ = ("profile",)

    def __init__(self, profile: SiteProfile) -> None:
        if not isinstance(profile, SiteProfile):
            msg = f"RemoveBoilerplateRepeat takes a SiteProfile, got {type(profile).__name__}"
            raise InputTypeError(msg)
        self.profile = profile

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``boilerplate_repeat`` when the profile calls the block's line template."""
        return "boilerplate_repeat" if self.profile.is_boilerplate(draft.blocks[pos].text) else None

    def __repr__(self) -> str:
        return f"RemoveBoilerplateRepeat({self.profile!r})"


#: ``with_profile`` puts the cleaner before the first of these steps. After the extractors
#: that take a line into a field by its own shape (a date line, "Credited from: X", the section
#: label): such lines recur in shape on every page of a site, and as template they would be
#: lost to the fields. Before the title, which the first headline-shaped line takes (a
#: site's menu line, when the template is still there), and before the cleaners that judge the
#: body as a whole, so that they see less template. Measured leave-one-out on the l3s-gn1
#: hosts with 3+ pages (benchmarks/site_profiles.py): title accuracy 0.036 without a profile,
#: 0.036 with the cleaner placed before ``remove_headline_lists``, 0.062 before
#: ``extract_title`` (the same as at the very start); main-text F1 within 0.001 of each other.
PROFILE_BEFORE = (
    "extract_title",
    "apply_page_metadata",
    "read_dateline",
    "remove_duplicate_title",
    "extract_byline",
    "remove_author_bio",
    "extract_subtitle",
    "trim_kickers",
    "remove_headline_lists",
    "remove_caption_credits",
    "remove_orphan_headings",
    "remove_separators",
    "remove_duplicate_blocks",
    "keep_article_core",
    "mark_headings",
)


def with_profile(pipeline: Pipeline, profile: SiteProfile) -> Pipeline:
    """Return ``pipeline`` with a :class:`RemoveBoilerplateRepeat` step for ``profile``.

    The step goes before the first step named in :data:`PROFILE_BEFORE`, or at the end when
    the pipeline has none of them.

    Args:
        pipeline: The pipeline (the default one or the caller's).
        profile: The site profile.

    Returns:
        The new pipeline.

    Raises:
        InputTypeError: If ``profile`` is not a SiteProfile.
        PipelineError: If the pipeline already has a step named ``remove_boilerplate_repeat``.

    Example:
        >>> from articlekit import DEFAULT_PIPELINE, SiteProfile
        >>> p = with_profile(DEFAULT_PIPELINE, SiteProfile())
        >>> p.names.index("remove_boilerplate_repeat") < p.names.index("keep_article_core")
        True
    """
    cleaner = RemoveBoilerplateRepeat(profile)
    anchor = next((name for name in pipeline.names if name in PROFILE_BEFORE), None)
    return pipeline.with_(cleaner, before=anchor)
