"""The date normaliser: finds a date (and time, and zone) in a short line of text.

Used for date lines ("Published: 16 Nov 2025, 10:30 GMT") and datelines; never on running
prose, where a date is an event, not the publication date.

Rules:

- A date with a zone or offset gives a timezone-aware datetime; without one, a naive datetime
  (the page did not say which zone; guessing would be wrong as often as right). The
  :class:`~articlekit.article.Article` the pipeline builds attaches UTC to such a value, as
  printed, and says so in :attr:`~articlekit.article.Article.date_assumptions`.
- A date without a time of day is at 00:00, and :attr:`DateMatch.day_only` says the time
  was not given: a printed "00:00" is a time, a missing one is not.
- Year-less dates ("Sunday, November 16") and relative dates ("3 hours ago") need a
  ``reference_date``; without one they give None.
- Dates before 1990, or more than a day after the reference date, are rejected.

Example:
    >>> parse_date("Published on November 16, 2025 at 10:30 AM EST").isoformat()
    '2025-11-16T10:30:00-05:00'
    >>> parse_date("16.11.2025")
    datetime.datetime(2025, 11, 16, 0, 0)
    >>> from datetime import datetime
    >>> parse_date("Sunday, November 16", reference_date=datetime(2025, 11, 20))
    datetime.datetime(2025, 11, 16, 0, 0)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import regex

from articlekit import lexicon
from articlekit._names import natural_case

__all__ = [
    "MIN_YEAR",
    "DateMatch",
    "Dateline",
    "find_date",
    "has_relative_date",
    "parse_date",
    "parse_dateline",
]

#: Dates before this year are not publication dates of a web page.
MIN_YEAR = 1990

_TZ_OFFSETS = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "met": 60,
    "mez": 60,
    "mesz": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "ist": 330,
    "pkt": 300,
    "sgt": 480,
    "hkt": 480,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "acst": 570,
    "awst": 480,
    "nzst": 720,
    "nzdt": 780,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "hst": -600,
    "wib": 420,
    "trt": 180,
    "sast": 120,
    "wat": 60,
    "eat": 180,
    "brt": -180,
    "art": -180,
}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a line.

    Attributes:
        value: The datetime (aware when the line gave a zone).
        start: Start of the matched text in the line.
        end: End of the matched text.
        day_only: Whether the line gave a day and no time of day ("16.11.2025", "yesterday",
            "2 days ago"): ``value`` is then at 00:00, which the line did not say.

    Example:
        >>> find_date("16.11.2025").day_only, find_date("16.11.2025 00:00").day_only
        (True, False)
    """

    value: datetime
    start: int
    end: int
    day_only: bool = False


def _alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, the longest first, as a trie of their letters.

    A flat alternation of the month names of every language ("january|janvier|...") is tried
    name after name at each place: tens of microseconds a line. The trie tries each letter
    once ("j(?:an(?:uary|vier)...)"): a place where no name starts fails at its first letter.
    Where several names match (all prefixes of one another: "mar", "mars", "march"), the
    longer is tried first, as in the flat alternation sorted longest first (tested).

    Example:
        >>> _alternation(["mar", "march", "may"])
        'ma(?:r(?:ch)?|y)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        # Greedy: the longer name first, then the one that ends here.
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"

    return emit(trie)


@functools.lru_cache(maxsize=64)
def _patterns(language: str | None) -> tuple[regex.Pattern[str], ...]:
    lex = lexicon.for_language(language)
    months = _alternation(lex.months)
    days = _alternation(lex["weekdays"])
    wd = rf"(?:(?:{days})\.?,?\s+)?"
    time = (
        r"(?:(?:,|\s|\bat\b|\bum\b|\bà\b|\ba las\b|\balle\b|\bàs\b|\bom\b|-|\|)*\s*"
        r"(?P<hh>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?\s*"
        r"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h))?\s*"
        r"(?P<tz>[+-]\d{2}:?\d{2}|\(?(?:"
        + "|".join(_TZ_OFFSETS)
        + r")\)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?)?"
    )
    iso = (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T\s](?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?\s*"
        r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
    )
    mdy = (
        rf"{wd}(?P<mon>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<y>\d{{4}}))?{time}"
    )
    dmy = (
        rf"{wd}(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+|of\s+)?(?P<mon>{months})\.?"
        rf"(?:,?\s+(?:de\s+)?(?P<y>\d{{4}}))?{time}"
    )
    # "2020/8/15", and Chinese and Korean print's "2020.08.15" (two digits each: "2020.1.2"
    # is a version number): the year first, the day last.
    ymd_slash = (
        rf"(?P<y>\d{{4}})(?|/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})|\.(?P<m>\d{{2}})\.(?P<d>\d{{2}}))"
        rf"{time}"
    )
    # Chinese and Japanese "2019年6月19日", Korean "2020년 8월 15일": digits next to letters,
    # so bounded by digits only (the word-boundary test of the others would refuse "于2019年").
    # Their time is "11時00分", "20시 27분", or written as the others write it.
    cjk_time = r"\s*(?P<hh>\d{1,2})\s?[時时시]\s?(?:(?P<mi>\d{1,2})\s?[分분])?"
    cjk = (
        rf"(?<!\d)(?P<y>\d{{4}})\s?[年년]\s?(?P<m>\d{{1,2}})\s?[月월]\s?(?P<d>\d{{1,2}})"
        rf"\s?[日일](?:{cjk_time}|{time})"
    )
    # "4.2.2022", "4/2/2022", and German print's spaced "4. 2. 2022" (the same separator twice).
    numeric = (
        rf"{wd}(?P<a>\d{{1,2}})(?P<sep>[./]|\.[ \u00a0])(?P<b>\d{{1,2}})(?P=sep)"
        rf"(?P<y>\d{{4}}){time}"
    )
    # Simple case folding (V0) is all month names need, and compiles three times faster than
    # V1's full folding: these patterns are built once per language a process meets.
    flags = regex.V0 | regex.IGNORECASE
    return (
        *(
            regex.compile(rf"(?<![\w.]){p}(?!\w)", flags)
            for p in (iso, mdy, dmy, ymd_slash, numeric)
        ),
        regex.compile(cjk, flags),
    )


# What a match of each of _patterns' six patterns (iso, mdy, dmy, ymd_slash, numeric, cjk) must
# hold, as a pattern of the standard library's (whose \d is the same and whose \s takes
# more): a line without it is not searched. The month and weekday alternations of every
# language make each search tens of microseconds a line; these take well under one.
_NEEDED = (
    re.compile(r"\d{4}-\d{1,2}-\d{1,2}"),
    re.compile(r"\s\d"),  # the month name, white space, the day
    re.compile(r"\d\S{0,2}\s"),  # the day, its suffix ("st", "."), white space, the month
    re.compile(r"\d{4}(?:/\d{1,2}/\d|\.\d\d\.\d\d)"),
    re.compile(r"\d{1,2}([./]|\.[ \u00a0])\d{1,2}\1\d{4}"),
    re.compile(r"\d{4}\s?[年년]"),
)


#: Which of _patterns' six patterns need a month name: 1 (mdy), 2 (dmy), 0 (none).
_WITH_MONTH = (0, 1, 2, 0, 0, 0)
#: A run of ASCII word characters: in ASCII text, the month name of a match is one whole.
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")


def _month_starts(text: str, language: str | None) -> tuple[list[int], list[int]] | None:
    """Where a match of the mdy and of the dmy pattern may start in ``text``; None: anywhere.

    The month alternation of every language is what makes those patterns slow to try at each
    place of a line. A match holds a month name as a whole word (white space or the start
    before it, white space, a dot or the end after it), and starts at most a weekday, a day
    and "de"/"of" before it: at a weekday or the month itself (mdy), at a weekday or the day
    (dmy). In ASCII text a word matches a name case-insensitively only as its ASCII letters
    in either case (the one non-ASCII letter of a name that matches an ASCII one is Turkish
    "ı", as "I": taken as "i" here, a superset). So in ASCII text a match starts at one of
    the few words before a word that is a month name, and at a word of the right kind;
    other text is searched everywhere.
    """
    names = _ascii_names(language) if text.isascii() else None
    if names is None:
        return None
    months, weekdays, before = names
    words = list(_ASCII_WORD.finditer(text))
    folded = [word.group().lower() for word in words]
    near: set[int] = set()
    for i, word in enumerate(folded):
        if word in months:
            near.update(range(max(0, i - before), i + 1))
    mdy: list[int] = []
    dmy: list[int] = []
    for i in sorted(near):
        word = folded[i]
        if word in weekdays:
            mdy.append(words[i].start())
            dmy.append(words[i].start())
        else:
            if word in months:
                mdy.append(words[i].start())
            if word[0].isdigit():
                dmy.append(words[i].start())
    return mdy, dmy


def _matches_at(
    pattern: regex.Pattern[str], text: str, starts: list[int]
) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` gives when no match can start elsewhere than ``starts``."""
    end = 0
    for start in starts:
        if start < end:
            continue  # inside the last match: finditer goes on after it
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = max(m.end(), start + 1)


@functools.lru_cache(maxsize=64)
def _ascii_names(language: str | None) -> tuple[frozenset[str], frozenset[str], int] | None:
    """What ASCII text can match of the names of ``language`` (see _month_starts).

    Returns:
        The month names, the first words of the weekday names, and how many words before a
        month name a match may start (a weekday of one or more words, "terca-feira", a day,
        and "de" or "of"); None when a weekday name opens with no word character (a match
        may then start between words: no fast path).
    """
    lex = lexicon.for_language(language)
    months = frozenset(m for m in (m.replace("ı", "i") for m in lex.months) if m.isascii())
    weekdays = [d.replace("ı", "i") for d in lex["weekdays"]]
    weekdays = [d for d in weekdays if d.isascii()]
    if any(_ASCII_WORD.match(d) is None for d in weekdays):
        return None
    firsts = frozenset(_ASCII_WORD.findall(d)[0].lower() for d in weekdays)
    weekday_words = max((len(_ASCII_WORD.findall(d)) for d in weekdays), default=0)
    return months, firsts, weekday_words + 2


# Relative dates in the ten languages: a number (or "a"/"an"/"einer"...), a unit, and the
# word for "ago" before ("vor", "il y a", "hace", "há") or after ("ago", "fa", "geleden",
# "назад", "temu", "önce").
_UNITS = {
    "minutes": (
        r"min(?:ute)?s?|minuten?|minutos?|minuti|minuto|minuty?|минут[аы]?|minutę|dakika|dk"
    ),
    "hours": (
        r"hours?|hrs?|stunden?|std\.?|heures?|h|horas?|ore|ora|uur|час(?:а|ов)?"
        r"|godzin[ay]?|godzinę|saat"
    ),
    "days": (
        r"days?|tagen?|tage|jours?|d[ií]as?|giorni|giorno|dagen|dag|дн(?:я|ей)|день|dni|dzień"
        r"|gün"
    ),
    "weeks": (
        r"weeks?|wochen?|semaines?|semanas?|settimane|settimana|weken|week|недел(?:ю|и|ь)"
        r"|tygodni[e]?|tydzień|hafta"
    ),
}
_UNIT = "|".join(rf"(?P<{k}>{v})" for k, v in _UNITS.items())
_ONE = r"an?|one|einer|einem|eine|un|une|una|uma|um|één|een|jeden|jedną|bir"
_NUMBER = rf"(?P<n>\d+|{_ONE})"
_RELATIVE = regex.compile(
    rf"(?<!\w)(?:(?:vor|il\s+y\s+a|hace|há|ha)\s+{_NUMBER}\s+(?:{_UNIT})"
    rf"|{_NUMBER}\s+(?:{_UNIT})\s+(?:ago|fa|geleden|назад|temu|önce))(?!\w)",
    regex.V1 | regex.IGNORECASE,
)
_YESTERDAY = regex.compile(
    r"(?<!\w)(?:yesterday|gestern|hier|ayer|ieri|ontem|gisteren|вчера|wczoraj|dün)(?!\w)", regex.I
)
_TODAY = regex.compile(
    r"(?<!\w)(?:today|heute|aujourd'hui|aujourd’hui|hoy|oggi|hoje|vandaag|сегодня|dzisiaj|dziś"
    r"|bugün)(?!\w)",
    regex.I,
)


def _tz(raw: str | None) -> timezone | None:
    if not raw:
        return None
    raw = raw.strip("() ")
    if raw.upper() == "Z":
        return timezone.utc
    m = regex.fullmatch(r"([+-])(\d{2}):?(\d{2})", raw)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3))
        return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    m = regex.fullmatch(r"([a-z]+)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?", raw, regex.I)
    if m and m.group(1).lower() in _TZ_OFFSETS:
        minutes = _TZ_OFFSETS[m.group(1).lower()]
        if m.group(2):
            extra = int(m.group(3)) * 60 + int(m.group(4) or 0)
            minutes += extra if m.group(2) == "+" else -extra
            return timezone(timedelta(minutes=minutes))
        return timezone(timedelta(minutes=minutes), m.group(1).upper())
    return None


def _build(m: regex.Match[str], language: str | None, ref: datetime | None) -> datetime | None:
    groups = m.groupdict()
    lex = lexicon.for_language(language)
    try:
        if groups.get("mon"):
            month = lex.months[groups["mon"].casefold().rstrip(".")]
        elif groups.get("a"):
            a, b = int(groups["a"]), int(groups["b"])
            # Dots are day-first everywhere; slashes are month-first in US English unless
            # the first number cannot be a month.
            dots = groups.get("sep", "").startswith(".")
            day_first = dots or a > 12 or language not in (None, "en")
            if groups.get("sep") == "/" and b > 12:
                day_first = False
            month, groups["d"] = (b, str(a)) if day_first else (a, str(b))
        else:
            month = int(groups["m"])
        day = int(groups["d"])
        if groups.get("y"):
            year = int(groups["y"])
        elif ref is not None:
            year = ref.year
            if datetime(year, month, day) > _day_after(ref.replace(tzinfo=None)):
                year -= 1  # year 0 is a ValueError: no date
        else:
            return None
        hour = int(groups.get("hh") or 0)
        minute = int(groups.get("mi") or 0)
        second = int(groups.get("ss") or 0)
        ampm = (groups.get("ampm") or "").replace(".", "").replace(" ", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        return datetime(year, month, day, hour, minute, second, tzinfo=_tz(groups.get("tz")))
    except (KeyError, ValueError):
        return None


def _plausible(value: datetime, ref: datetime | None) -> bool:
    if value.year < MIN_YEAR:
        return False
    if ref is None:
        return True
    naive_ref = ref.replace(tzinfo=None) if value.tzinfo is None else ref
    if naive_ref.tzinfo is None and value.tzinfo is not None:
        naive_ref = naive_ref.replace(tzinfo=timezone.utc)
    try:
        return value <= _day_after(naive_ref)
    except OverflowError:  # aware times at the end of the calendar: nothing lies beyond
        return True


def _day_after(ref: datetime) -> datetime:
    """``ref`` plus a day; the last moment of the calendar when that is past it.

    A reference date of 31 December 9999 is valid: a day after it is not a datetime.
    """
    try:
        return ref + timedelta(days=1)
    except OverflowError:
        return datetime.max.replace(tzinfo=ref.tzinfo)


def find_date(
    text: str, *, language: str | None = None, reference_date: datetime | None = None
) -> DateMatch | None:
    """Return the first plausible date in ``text``, with where it stands.

    Args:
        text: A short line (a date line, a dateline, a byline).
        language: ISO 639-1 code for month and weekday names; all languages when None.
        reference_date: Now, for year-less and relative dates and the future check.

    Returns:
        The first date found, or None.
    """
    best: DateMatch | None = None
    starts: tuple[list[int], list[int]] | None = None
    asked = False  # _month_starts is asked once, for the first pattern with a month name
    for pattern, needed, with_month in zip(_patterns(language), _NEEDED, _WITH_MONTH, strict=True):
        if needed.search(text) is None:
            continue
        if with_month and not asked:
            starts, asked = _month_starts(text, language), True
        matches: Iterable[regex.Match[str]] = (
            _matches_at(pattern, text, starts[with_month - 1])
            if with_month and starts is not None
            else pattern.finditer(text)
        )
        for m in matches:
            value = _build(m, language, reference_date)
            if value is not None and _plausible(value, reference_date):
                if best is None or m.start() < best.start:
                    # Every pattern has the hour group; a match without it printed no time.
                    best = DateMatch(value, m.start(), m.end(), m.group("hh") is None)
                break
    if best is None and reference_date is not None:
        best = _relative(text, reference_date)
    return best


#: The units of a relative date that give a time of day; "2 days ago" gives only a day.
_TIMED_UNITS = frozenset({"minutes", "hours"})


def _relative(text: str, ref: datetime) -> DateMatch | None:
    """A relative date of ``text`` ("3 hours ago", "vor 2 Tagen", "yesterday") from ``ref``.

    Minutes and hours give a time; days, weeks, "yesterday" and "today" give a day, at 00:00
    (not at the reference date's time of day, which the page did not say).

    Example:
        >>> m = _relative("2 days ago", datetime(2025, 11, 20, 14, 5))
        >>> m.value, m.day_only
        (datetime.datetime(2025, 11, 18, 0, 0), True)
    """
    # A date before the first of the calendar ("3 hours ago" of a reference date in year 1,
    # "99999999 days ago") is no date: OverflowError, then None.
    m = _RELATIVE.search(text)
    if m:
        raw = next(g for g in m.captures("n") if g)
        n = int(raw) if raw.isdigit() else 1
        unit = next(k for k in _UNITS if m.group(k))
        try:
            value = ref - timedelta(**{unit: n})
        except OverflowError:
            return None
        if unit in _TIMED_UNITS:
            return DateMatch(value, m.start(), m.end())
        return DateMatch(_midnight(value), m.start(), m.end(), day_only=True)
    for pattern, days in ((_YESTERDAY, 1), (_TODAY, 0)):
        m = pattern.search(text)
        if m:
            try:
                day = ref - timedelta(days=days)
            except OverflowError:
                return None
            return DateMatch(_midnight(day), m.start(), m.end(), day_only=True)
    return None


def _midnight(value: datetime) -> datetime:
    """The start of ``value``'s day, in its own zone."""
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


def has_relative_date(text: str) -> bool:
    """Return whether ``text`` holds a relative date such as "3 hours ago" or "vor 2 Tagen".

    Needs no reference date: it tells the shape of a timestamp (a comment's "12 days ago"),
    not the date itself.

    Example:
        >>> has_relative_date("12 days ago"), has_relative_date("vor 3 Stunden")
        (True, True)
        >>> has_relative_date("Twelve days later the talks resumed.")
        False
    """
    return _RELATIVE.search(text) is not None


def parse_date(
    text: str, *, language: str | None = None, reference_date: datetime | None = None
) -> datetime | None:
    """Return the first plausible date in ``text``, or None. See :func:`find_date`.

    Args:
        text: A short line.
        language: ISO 639-1 code; all languages when None.
        reference_date: Now, for year-less and relative dates.

    Returns:
        The datetime, or None.
    """
    found = find_date(text, language=language, reference_date=reference_date)
    return found.value if found else None


@dataclass(frozen=True)
class Dateline:
    """What a wire story's opening dateline says ("KYIV, Nov 16 (Reuters) -").

    Attributes:
        place: Where the story was filed, in natural case ("Kyiv", "New Delhi").
        agency: The agency credited, canonically spelt ("Reuters", "dpa"), or None.
        date: The date the dateline gives (year-less dates resolved against the reference
            date), or None.
        end: Where the story's own text starts in the input.
        day_only: Whether ``date`` is a day without a time of day (see
            :attr:`DateMatch.day_only`).
    """

    place: str | None
    agency: str | None
    date: datetime | None
    end: int
    day_only: bool = False


# PLACE[, date] [(AGENCY) | /AGENCY/] separator. A place in capitals needs no agency; a place
# in natural case ("Lisboa", "Berlin") only counts with a known agency after it.
_DATELINE = regex.compile(
    r"^\s*(?P<place>[\p{Lu}][\p{Lu}\p{M}'’.\- ]{1,40}?|[\p{Lu}][\p{Ll}\p{M}'’.\-]+"
    r"(?:\s[\p{Lu}][\p{Ll}\p{M}'’.\-]+){0,2})"
    r"(?:\s*,\s*(?P<date>[^()\[\]/–—]{1,40}?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)|/(?P<agency2>[^/]{1,40})/)?"
    r"\s*(?P<sep>[\p{Pd}]{1,2}|:|\.[\p{Pd}])\s*",
    regex.V1,
)


def parse_dateline(
    text: str, *, language: str | None = None, reference_date: datetime | None = None
) -> Dateline | None:
    """Read the dateline a wire story opens with, or return None.

    Args:
        text: The story's first line or paragraph.
        language: ISO 639-1 code for month names in the date; all languages when None.
        reference_date: Resolves a year-less date ("Nov 16").

    Returns:
        The place, agency and date, and where the story text starts; None when the text
        does not open with a dateline (an ordinary sentence).

    Example:
        >>> d = parse_dateline("BERLIN (dpa) - Die Bundesregierung hat am Montag...")
        >>> d.place, d.agency, d.date, "BERLIN (dpa) - Die"[d.end:]
        ('Berlin', 'dpa', None, 'Die')
    """
    m = _DATELINE.match(text)
    if m is None:
        return None
    place = m.group("place").strip(" .")
    raw_agency = (m.group("agency") or m.group("agency2") or "").strip()
    agency = lexicon.known_outlet(raw_agency) if raw_agency else None
    if raw_agency and agency is None:
        return None  # "The talks in Kyiv (Ukraine) resumed...": not an agency, not a dateline
    capitals = place.upper() == place and any(ch.isalpha() for ch in place)
    if not capitals and agency is None:
        return None
    if m.group("sep") == ":" and agency is None:
        return None  # "BREAKING: ...": a label, not a place
    found = None
    if m.group("date"):
        found = find_date(m.group("date"), language=language, reference_date=reference_date)
        if found is None:
            return None  # "WASHINGTON, the capital, ..." is prose
    return Dateline(
        natural_case(place) if capitals else place,
        agency,
        found.value if found else None,
        m.end(),
        found.day_only if found else False,
    )
