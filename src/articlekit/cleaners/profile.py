"""The site's template, as a learned :class:`~articlekit.SiteProfile` knows it.

This cleaner is not in the default pipeline: it needs a profile, which only the caller has
(learned from the pages of one site). ``clean_text(text, profile=profile)`` adds it (see
:func:`with_profile`); a pipeline built by hand can take it like any other step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from articlekit.bylines import reads_as_byline
from articlekit.cleaners._common import lexicon_of
from articlekit.cleaners.base import BlockRemover
from articlekit.dates import find_date
from articlekit.draft import Draft
from articlekit.errors import InputTypeError
from articlekit.features import more_words_than
from articlekit.profiles import SiteProfile

if TYPE_CHECKING:
    from articlekit.pipeline import Pipeline

__all__ = ["PROFILE_AFTER", "RemoveBoilerplateRepeat", "with_profile"]


class RemoveBoilerplateRepeat(BlockRemover):
    r"""Drops the blocks a site profile calls template (menus, footers, share rows...).

    A template line that carries a field of its page stays for the cleaner that reads it: a
    byline ("By Staff Reporter" on every page still names this page's author) and a short
    line holding a date (a month of pages prints "Published: 0 Nov 0" in one shape).

    Args:
        profile: The :class:`~articlekit.SiteProfile` learned from the site's pages. It is
            read, not copied: learning more pages changes what the cleaner drops.
        keep_field_lines: Keep template bylines and date lines (the default); False drops
            them too.

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
    local: ClassVar[bool] = True  # judges the block alone: see BlockRemover

    __slots__ = ("keep_field_lines", "profile")

    def __init__(self, profile: SiteProfile, *, keep_field_lines: bool = True) -> None:
        if not isinstance(profile, SiteProfile):
            msg = f"RemoveBoilerplateRepeat takes a SiteProfile, got {type(profile).__name__}"
            raise InputTypeError(msg)
        self.profile = profile
        self.keep_field_lines = keep_field_lines

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``boilerplate_repeat`` when the profile calls the block's line template."""
        text = draft.blocks[pos].text
        if not self.profile.is_boilerplate(text):
            return None
        if self.keep_field_lines and _carries_field(draft, text):
            return None
        return "boilerplate_repeat"

    def __repr__(self) -> str:
        keep = "" if self.keep_field_lines else ", keep_field_lines=False"
        return f"RemoveBoilerplateRepeat({self.profile!r}{keep})"


#: A date line is short (ExtractDates' own bound).
_DATE_LINE_MAX_WORDS = 16


def _carries_field(draft: Draft, text: str) -> bool:
    # A site prints its byline and date lines on every page in one shape ("By Staff Reporter",
    # "Published: 0 nov 0 0:0 gmt" for a month of pages), but each page's own line says who
    # wrote it and when: leave it to extract_byline and extract_dates.
    if reads_as_byline(text, lexicon_of(draft)):
        return True
    return not more_words_than(text, _DATE_LINE_MAX_WORDS) and (
        find_date(text, language=draft.language, reference_date=draft.reference_date) is not None
    )


#: ``with_profile`` puts the cleaner right after this step (which only sets the language the
#: field check needs), so that every other cleaner sees the page without its template: the
#: title is not taken from a menu line, and what ends the body is the article's end, not the
#: site's footer. Lines that carry a field stay for their extractors (see ``_carries_field``).
#: Measured leave-one-out on the l3s-gn1 hosts with 3+ pages (benchmarks/site_profiles.py):
#: F1 +0.011 here, before ``extract_title`` or at the start alike; title accuracy 0.036 without
#: a profile, 0.062 here, 0.036 with the step after the title (before ``remove_headline_lists``).
PROFILE_AFTER = "detect_language"


def with_profile(pipeline: Pipeline, profile: SiteProfile) -> Pipeline:
    """Return ``pipeline`` with a :class:`RemoveBoilerplateRepeat` step for ``profile``.

    The step goes right after :data:`PROFILE_AFTER` (``detect_language``), or first when the
    pipeline does not have that step.

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
        >>> p.names[3:7]
        ('remove_teaser_cards', 'detect_language', 'remove_boilerplate_repeat', 'remove_ad_labels')
    """
    cleaner = RemoveBoilerplateRepeat(profile)
    if PROFILE_AFTER in pipeline:
        return pipeline.with_(cleaner, after=PROFILE_AFTER)
    return pipeline.with_(cleaner, before=pipeline.names[0] if len(pipeline) else None)
