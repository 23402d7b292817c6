"""Name casing, shared by the byline and the dateline readers.

Its own module so that :mod:`articlekit.dates` (a dateline's "BERLIN") and
:mod:`articlekit.bylines` (which reads dates in bylines) can both use it without importing
each other.
"""

from __future__ import annotations

__all__ = ["NAME_PARTICLES", "natural_case"]

#: Lower-case words inside a name ("Ana de la Cruz", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
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
        if i > 0 and low in NAME_PARTICLES:
            out.append(low)
            continue
        if i > 0 and low in ("ii", "iii", "iv"):
            out.append(low.upper())  # "Henry Ford III"
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
