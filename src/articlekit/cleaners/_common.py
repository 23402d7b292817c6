"""Helpers shared by the built-in cleaners."""

from __future__ import annotations

import regex

from articlekit import lexicon
from articlekit.draft import Draft

# After a label phrase, what separates it from the rest of the line: "Also Read: ...",
# "READ MORE | ...", "Lesen Sie auch - ...", "Related » ...".
SEPARATOR = regex.compile(r"^\s*(?:[:|\p{Pd}»>›/]+|\.\.\.|…)\s*", regex.V1)
# One dash with no space on either side.
HYPHEN = regex.compile(r"\p{Pd}", regex.V1)


def lexicon_of(draft: Draft) -> lexicon.Lexicon:
    """Return the phrase lists for the draft's language (all languages when unknown)."""
    return lexicon.for_language(draft.language)


def rest_after_label(lex: lexicon.Lexicon, key: str, text: str) -> str | None:
    """If ``text`` starts with a phrase of list ``key`` and a separator, return what follows.

    Returns "" when the line is the phrase alone (with or without trailing punctuation), and
    None when the line does not start with such a label.
    """
    phrase = lex.starts_with(key, text)
    if phrase is None:
        return None
    key_text = lexicon.match_key(text)
    rest = key_text[len(phrase) :]
    if not rest.strip(" :.!|-–—»>›…"):
        return ""
    if phrase.endswith(".") and rest[:1].isspace():
        return rest.lstrip()  # an abbreviation's dot is its separator ("Fot. Jan Kowal")
    m = SEPARATOR.match(rest)
    if m is None or not m.group(0).strip():
        return None
    if HYPHEN.fullmatch(m.group(0)) and rest[m.end() :][:1].isalnum():
        return None  # a hyphen joins a compound ("Watch-list", "MIRA-Award"), it separates nothing
    return rest[m.end() :]
