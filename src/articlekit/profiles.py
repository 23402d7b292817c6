r"""Site profiles: the lines a site prints on every page (its template), learned from its pages.

A scraper sees many pages of one site, and every one of them carries the same menu, footer,
"Share this article" row and copyright line around a different article. A
:class:`SiteProfile` counts, over the pages it has learned, in how many pages each line
occurs; a line found in enough of them is the site's template, and
``clean_text(text, profile=profile)`` drops it with reason ``boilerplate_repeat`` (see
:class:`~articlekit.cleaners.profile.RemoveBoilerplateRepeat`).

Lines are compared by their *shape* (:func:`line_shape`): NFKC, case-folded, white space
collapsed and every run of digits replaced by ``0``, so "© 2024 The Daily" and "© 2025 The
Daily", or "12 comments" and "3 comments", are one line of the template.

A line is template when it occurs in at least ``min_pages`` of the learned pages *and* in at
least ``min_share`` of them. The count keeps a story's own line out when two or three copies
of that story were learned; the share keeps it out on a large profile. A long line counts
like a short one: a disclaimer paragraph printed under every article is template too.

Memory is bounded: the profile keeps at most ``max_lines`` distinct line shapes (and a shape
longer than :data:`MAX_KEY_CHARS` characters is stored as its start plus a digest). When a
page brings it over the cap, the shapes found in the fewest pages go first, and among those
the ones not seen for longest; template lines, found again on every page, stay.

Example:
    >>> from articlekit.profiles import SiteProfile
    >>> profile = SiteProfile()
    >>> for story in ["Rates rose again in March.", "The mayor opened a bridge.",
    ...               "A storm closed the airport.", "Schools reopen on Monday."]:
    ...     profile.learn(f"Home | World | Sport\n{story}\n© 2025 The Daily Example")
    >>> profile.is_boilerplate("© 2026 The Daily Example"), profile.is_boilerplate("Rates rose.")
    (True, False)
    >>> SiteProfile.from_json(profile.to_json()) == profile
    True
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any

import regex

from articlekit.errors import InputTypeError, ProfileError, ProfileVersionError
from articlekit.readers.text import normalize_space

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_KEY_CHARS",
    "MAX_LINES",
    "MIN_PAGES",
    "MIN_SHARE",
    "SiteProfile",
    "line_shape",
]

#: ``format`` field of a saved profile, so that another JSON file is not taken for one.
FORMAT = "articlekit.site_profile"
#: Version of the saved form; a profile saved in another version is refused (learn it again).
FORMAT_VERSION = 1

#: Default: a template line occurs in at least this many learned pages (two would call a
#: sentence template that a story and its update share)...
MIN_PAGES = 3
#: ...and in at least this share of them. Measured leave-one-out on the dev hosts with three
#: or more pages (benchmarks/site_profiles.py, "Site profiles" in benchmarks/README.md):
#: shares of 0.3 and 0.5 give the same F1, 0.7 and 1.0 keep more of the template.
MIN_SHARE = 0.5
#: Default cap on the distinct line shapes a profile keeps.
MAX_LINES = 5_000
#: Shapes longer than this are stored as their first characters and a digest of the rest.
MAX_KEY_CHARS = 400

_DIGITS = regex.compile(r"\p{Nd}+", regex.V1)
_DIGEST_CHARS = 16


def line_shape(line: str) -> str:
    """The form under which a profile compares lines.

    NFKC, case-folded, white space collapsed, every run of digits replaced by ``0``; a shape
    longer than :data:`MAX_KEY_CHARS` keeps its start and a digest of the whole, so memory
    stays bounded however long the lines are.

    Args:
        line: One line of page text.

    Returns:
        The shape; empty for a blank line.

    Example:
        >>> line_shape("  © 2025  The Daily ") == line_shape("© 2024 the daily")
        True
        >>> line_shape("12 Comments")
        '0 comments'
    """
    shape = _DIGITS.sub("0", normalize_space(unicodedata.normalize("NFKC", line).casefold()))
    if len(shape) <= MAX_KEY_CHARS:
        return shape
    digest = hashlib.blake2b(shape.encode("utf-8"), digest_size=_DIGEST_CHARS // 2).hexdigest()
    return f"{shape[: MAX_KEY_CHARS - _DIGEST_CHARS - 1]}…{digest}"


def _page_shapes(text: str) -> set[str]:
    # One count per page: a line printed twice on a page (mobile and desktop menus) is not
    # more template than one printed once.
    return {s for s in (line_shape(line) for line in text.splitlines()) if s}


def _check_int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be an int, got {type(value).__name__}"
        raise ProfileError(msg)
    if value < minimum:
        msg = f"{name} must be at least {minimum}, got {value}"
        raise ProfileError(msg)
    return value


def _check_share(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"min_share must be a number, got {type(value).__name__}"
        raise ProfileError(msg)
    if not 0 < value <= 1:
        msg = f"min_share must be in (0, 1], got {value}"
        raise ProfileError(msg)
    return float(value)


class SiteProfile:
    r"""The lines one site repeats across its pages, learned incrementally.

    Args:
        min_pages: A line is template when it occurs in at least this many learned pages...
        min_share: ...and in at least this share of them (0 < share <= 1).
        max_lines: The most distinct line shapes kept (see the module docstring for which go
            when there are more).

    Raises:
        ProfileError: If an argument can never work (``min_pages`` < 1, a share outside
            (0, 1], ``max_lines`` < 1, or a value of the wrong type).

    Example:
        >>> p = SiteProfile(min_pages=2)
        >>> p.learn_many(["Menu\nFirst story.", "Menu\nSecond story."])
        >>> p.pages, len(p), p.template_lines()
        (2, 3, ['menu'])
    """

    __slots__ = ("_counts", "_last_seen", "_pages", "max_lines", "min_pages", "min_share")

    def __init__(
        self,
        *,
        min_pages: int = MIN_PAGES,
        min_share: float = MIN_SHARE,
        max_lines: int = MAX_LINES,
    ) -> None:
        self.min_pages = _check_int("min_pages", min_pages, 1)
        self.min_share = _check_share(min_share)
        self.max_lines = _check_int("max_lines", max_lines, 1)
        self._pages = 0
        # shape -> number of learned pages it occurs in, and the number of the last such page
        # (pages are numbered from 1 in learning order; the pruning rule reads it).
        self._counts: dict[str, int] = {}
        self._last_seen: dict[str, int] = {}

    @property
    def pages(self) -> int:
        """How many pages the profile has learned."""
        return self._pages

    def __len__(self) -> int:
        """How many distinct line shapes the profile keeps (at most ``max_lines``)."""
        return len(self._counts)

    def learn(self, text: str) -> None:
        """Count the lines of one page.

        Args:
            text: The whole page as plain text, one block per line (what
                :func:`~articlekit.clean_text` takes), not only its article.

        Raises:
            InputTypeError: If ``text`` is not a str.
        """
        if not isinstance(text, str):
            msg = f"SiteProfile.learn takes a page's text (str), got {type(text).__name__}"
            raise InputTypeError(msg)
        self._pages += 1
        for shape in _page_shapes(text):
            self._counts[shape] = self._counts.get(shape, 0) + 1
            self._last_seen[shape] = self._pages
        if len(self._counts) > self.max_lines:
            self._prune()

    def learn_many(self, texts: Iterable[str]) -> None:
        """Learn several pages in turn (see :meth:`learn`).

        Args:
            texts: Page texts.

        Raises:
            InputTypeError: If ``texts`` is a single str (pass ``[text]``), or an item is
                not a str.
        """
        if isinstance(texts, str):
            msg = "learn_many takes an iterable of page texts, got one str: use learn(text)"
            raise InputTypeError(msg)
        for text in texts:
            self.learn(text)

    def _prune(self) -> None:
        # Keep the shapes found in the most pages; among equals the most recently seen, then
        # the first in code-point order, so that the result never depends on dict order.
        ranked = sorted(self._counts, key=lambda s: (-self._counts[s], -self._last_seen[s], s))
        for shape in ranked[self.max_lines :]:
            del self._counts[shape]
            del self._last_seen[shape]

    def support(self, line: str) -> int:
        r"""In how many learned pages a line of this shape occurs (0 if unknown or pruned).

        Example:
            >>> p = SiteProfile()
            >>> p.learn("Page 1 of 3\nText.")
            >>> p.support("page 2 of 3")
            1
        """
        shape = line_shape(line)
        return self._counts.get(shape, 0) if shape else 0

    def _threshold(self) -> int:
        # The smallest page count that passes both rules; the tiny epsilon keeps a share
        # such as 0.5 * 10 from rounding up to 6 through float error.
        return max(self.min_pages, math.ceil(self.min_share * self._pages - 1e-9))

    def is_boilerplate(self, line: str) -> bool:
        """Whether the line is part of the site's template.

        Args:
            line: One line (block) of page text.

        Returns:
            True when its shape occurs in at least ``min_pages`` learned pages and in at least
            ``min_share`` of them.
        """
        return self.support(line) >= self._threshold()

    def template_lines(self) -> list[str]:
        """The shapes the profile calls template, most widespread first (for inspection).

        Returns:
            Shapes (see :func:`line_shape`), by page count then in code-point order.
        """
        threshold = self._threshold()
        found = [s for s, n in self._counts.items() if n >= threshold]
        return sorted(found, key=lambda s: (-self._counts[s], s))

    def to_dict(self) -> dict[str, Any]:
        """The profile as a JSON-ready dict (lines sorted, so equal profiles give equal JSON)."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "min_pages": self.min_pages,
            "min_share": self.min_share,
            "max_lines": self.max_lines,
            "pages": self._pages,
            "lines": [[s, self._counts[s], self._last_seen[s]] for s in sorted(self._counts)],
        }

    def to_json(self) -> str:
        """The profile as a JSON string (see :meth:`from_json`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: object) -> SiteProfile:
        """Rebuild a profile from :meth:`to_dict`'s output.

        Raises:
            ProfileVersionError: If it was saved in another format version.
            ProfileError: If it is not a saved profile or a value is of the wrong type or
                out of range.
        """
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            msg = f"not a saved site profile (no 'format': {FORMAT!r} field)"
            raise ProfileError(msg)
        version = data.get("version")
        if version != FORMAT_VERSION:
            msg = (
                f"site profile format version {version!r}, this articlekit reads version "
                f"{FORMAT_VERSION}: learn the profile again from the site's pages"
            )
            raise ProfileVersionError(msg)
        try:
            profile = cls(
                min_pages=data["min_pages"],
                min_share=data["min_share"],
                max_lines=data["max_lines"],
            )
            pages = _check_int("pages", data["pages"], 0)
            lines = data["lines"]
        except KeyError as exc:
            msg = f"saved site profile lacks the field {exc.args[0]!r}"
            raise ProfileError(msg) from None
        if not isinstance(lines, list) or len(lines) > profile.max_lines:
            msg = f"'lines' must be a list of at most max_lines ({profile.max_lines}) entries"
            raise ProfileError(msg)
        profile._pages = pages
        for entry in lines:
            if (
                not isinstance(entry, list)
                or len(entry) != 3
                or not isinstance(entry[0], str)
                or not entry[0]
            ):
                msg = f"each line entry must be [shape, count, last_seen], got {entry!r}"
                raise ProfileError(msg)
            shape = entry[0]
            count = _check_int("a line's count", entry[1], 1)
            last_seen = _check_int("a line's last_seen", entry[2], 1)
            if count > pages or last_seen > pages or shape in profile._counts:
                msg = f"line entry {entry!r} does not fit a profile of {pages} pages"
                raise ProfileError(msg)
            profile._counts[shape] = count
            profile._last_seen[shape] = last_seen
        return profile

    @classmethod
    def from_json(cls, text: str | bytes) -> SiteProfile:
        """Rebuild a profile from :meth:`to_json`'s output.

        Args:
            text: The JSON, as str or UTF-8 bytes.

        Raises:
            InputTypeError: If ``text`` is neither str nor bytes.
            ProfileVersionError: If it was saved in another format version.
            ProfileError: If it is not JSON, or not a saved profile.
        """
        if not isinstance(text, (str, bytes, bytearray)):
            msg = f"from_json takes the JSON as str or bytes, got {type(text).__name__}"
            raise InputTypeError(msg)
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            msg = f"a saved site profile must be JSON: {exc}"
            raise ProfileError(msg) from exc
        return cls.from_dict(data)

    def save(self, path: str | PathLike[str]) -> None:
        """Write the profile to a JSON file (UTF-8).

        Args:
            path: Where to write it.
        """
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | PathLike[str]) -> SiteProfile:
        """Read a profile written by :meth:`save`.

        Args:
            path: The file.

        Raises:
            OSError: If the file cannot be read.
            ProfileVersionError: If it was saved in another format version.
            ProfileError: If it is not a saved profile.
        """
        return cls.from_json(Path(path).read_bytes())

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, SiteProfile)
            and (self.min_pages, self.min_share, self.max_lines, self._pages)
            == (other.min_pages, other.min_share, other.max_lines, other._pages)
            and self._counts == other._counts
            and self._last_seen == other._last_seen
        )

    __hash__ = None  # type: ignore[assignment]  # mutable: learning changes it

    def __repr__(self) -> str:
        return (
            f"SiteProfile(pages={self._pages}, lines={len(self._counts)}, "
            f"min_pages={self.min_pages}, min_share={self.min_share}, "
            f"max_lines={self.max_lines})"
        )
