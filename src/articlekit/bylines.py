"""The byline normaliser: a raw byline string in, a tuple of names out.

Used by both readers' paths (a "By ..." line in text, a meta author or JSON-LD name in HTML).

Example:
    >>> parse_byline("• By Bushra Saleem")
    ('Bushra Saleem',)
    >>> parse_byline("BY JANE DOE and JOHN O'NEIL | Reuters")
    ('Jane Doe', "John O'Neil", 'Reuters')
"""

from __future__ import annotations

import regex

from articlekit import lexicon

__all__ = ["looks_like_name", "natural_case", "parse_byline"]

_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "der",
        "den",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "e",
        "ter",
        "ten",
        "du",
        "st",
    }
)
_EMAIL = regex.compile(r"\S+@\S+\.\w+")
_HANDLE = regex.compile(r"(?<!\w)@\w+")
_URL = regex.compile(r"https?://\S+|www\.\S+")
# Where a byline stops naming people: a separator followed by dates, roles, "Updated"...
_CUT = regex.compile(
    r"\s(?:[|•·]|[\p{Pd}]{1,2})\s|[|•·]|\s(?:updated|published|posted|last updated)\b.*$"
    r"|\b\d{1,2}[:/.]\d{1,2}\b.*$",
    regex.V1 | regex.IGNORECASE,
)
_SPLIT = regex.compile(
    r"\s*(?:[,;/]|\s&\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b|\bog\b|\boch\b)\s*",
    regex.V1,
)
_NAME_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}'’\p{Pd}.]*|\p{Lu}\.)$", regex.V1)
_ROLE_WORDS = frozenset(
    {
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "senior",
        "chief",
        "news",
        "desk",
        "team",
        "bureau",
        "photographer",
        "special",
        "political",
        "national",
        "foreign",
        "digital",
        "producer",
        "analyst",
        "author",
        "journalist",
    }
)


def natural_case(name: str) -> str:
    """Return an ALL-CAPS or all-lower name in natural case; other names unchanged.

    Example:
        >>> natural_case("BUSHRA SALEEM"), natural_case("MARY MCDONALD")
        ('Bushra Saleem', 'Mary McDonald')
        >>> natural_case("Ana de la Cruz")
        'Ana de la Cruz'
    """
    letters = [c for c in name if c.isalpha()]
    if not letters or not (name.isupper() or name.islower()):
        return name
    out: list[str] = []
    for i, token in enumerate(name.split()):
        low = token.lower()
        if i > 0 and low in _PARTICLES:
            out.append(low)
            continue
        word = "-".join(_cap(part) for part in low.split("-"))
        out.append(word)
    return " ".join(out)


def _cap(part: str) -> str:
    if not part:
        return part
    for prefix in ("mc", "o'", "o’"):
        if part.startswith(prefix) and len(part) > len(prefix):
            head = prefix[0].upper() + prefix[1:]
            return head + part[len(prefix)].upper() + part[len(prefix) + 1 :]
    return part[0].upper() + part[1:]


def looks_like_name(text: str) -> bool:
    """Return whether ``text`` is shaped like a person's or organisation's name.

    One to five tokens, each capitalised (particles such as "de", "van", "bin" excepted), no
    digits.

    Example:
        >>> looks_like_name("Bushra Saleem"), looks_like_name("the end of the year")
        (True, False)
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text):
        return False
    capitalised = [t for t in tokens if _NAME_TOKEN.match(t)]
    rest_ok = all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens)
    return rest_ok and bool(capitalised) and bool(_NAME_TOKEN.match(tokens[0]))


def _canonical(name: str) -> str:
    key = "".join(ch for ch in name.casefold() if ch.isalnum())
    return lexicon.outlets().get(key, name)


def parse_byline(text: str, *, language: str | None = None) -> tuple[str, ...]:
    """Return the names in a byline, in natural case, outlets in their canonical spelling.

    Args:
        text: A raw byline ("By A and B | Reuters", "Von A und B", "• By X").
        language: ISO 639-1 code, to pick the byline words ("By", "Von"...); all when None.

    Returns:
        The names, in order, without duplicates; empty when nothing name-like is found.
    """
    lex = lexicon.for_language(language)
    text = _URL.sub(" ", _EMAIL.sub(" ", text))
    text = _HANDLE.sub(" ", text)
    key = lexicon.match_key(text)
    phrase = lex.starts_with("byline", key)
    # Work on the original-cased text: cut the same number of leading characters the label
    # and the decoration took in the match key (the key only lower-cases and strips).
    stripped = lexicon.strip_decoration(text)
    if phrase is not None:
        stripped = stripped[len(phrase) :].lstrip(" :")
    names: list[str] = []
    for segment in _CUT.split(stripped):
        if segment is None:
            continue
        for piece in _SPLIT.split(segment):
            piece = piece.strip(" .:,;()[]\"'")
            if not piece:
                continue
            words = piece.split()
            if all(w.casefold().strip(".,") in _ROLE_WORDS for w in words):
                continue
            # "Jane Doe Staff Writer": drop trailing role words.
            while len(words) > 1 and words[-1].casefold().strip(".,") in _ROLE_WORDS:
                words.pop()
            candidate = " ".join(words)
            if candidate.islower():
                continue  # "by the end of the year": lower case is prose, not a name
            candidate = natural_case(candidate)
            if looks_like_name(candidate):
                name = _canonical(candidate)
                if name not in names:
                    names.append(name)
    return tuple(names)
