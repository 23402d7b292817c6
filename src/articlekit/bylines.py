"""The byline normaliser: a raw byline string in, contributors (and author names) out.

Used by both readers' paths (a "By ..." line in text, a meta author or JSON-LD name in HTML).
See docs/bylines-and-dates.md for the rules.

Example:
    >>> parse_byline("• By Bushra Saleem")
    ('Bushra Saleem',)
    >>> parse_byline("BY JANE DOE and JOHN O'NEIL | Reuters")
    ('Jane Doe', "John O'Neil", 'Reuters')
    >>> [(c.name, c.role) for c in parse_contributors("Reporting by Ann Lee; Editing by Bo Chen")]
    [('Ann Lee', 'reporting'), ('Bo Chen', 'editing')]
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import regex

from articlekit import lexicon
from articlekit._memo import document_memo
from articlekit._names import NAME_PARTICLES, natural_case
from articlekit.article import AUTHOR_ROLES, Contributor
from articlekit.dates import find_date
from articlekit.features import ends_sentence, has_digit, word_count

__all__ = [
    "author_box_name",
    "author_names",
    "cms_default",
    "contributors_of",
    "credits_only_a_role",
    "is_name_particle",
    "is_role",
    "looks_like_interface_label",
    "looks_like_name",
    "looks_like_organisation",
    "natural_case",
    "parse_byline",
    "parse_contributors",
    "reads_as_byline",
]

# An e-mail address is what r"\S+@\S+\.\w+" matches; :func:`_without_emails` finds it without
# that pattern, which backtracks cubically on a run of "@" (a meta author "a@a@...": 12 s).
_RUN = regex.compile(r"\S+")
_WORD_CHAR = regex.compile(r"\w")
_WORD_RUN = regex.compile(r"\w+")
_HANDLE = regex.compile(r"(?<!\w)@\w+")
_URL = regex.compile(r"https?://\S+|www\.\S+")
_NAME_TOKEN = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}'’\p{Pd}.]*|\p{Lu}\.)$", regex.V1)
# Scripts without case (Chinese, Japanese, Arabic...): a name cannot be told by capitals.
_CASELESS_TOKEN = regex.compile(r"^[\p{Lo}\p{M}·・]+$", regex.V1)


def looks_like_name(text: str) -> bool:
    """Return whether ``text`` is shaped like a person's or organisation's name.

    One to five tokens, each capitalised (particles such as "de", "van", "bin" excepted), no
    digits.

    Example:
        >>> looks_like_name("Bushra Saleem"), looks_like_name("the end of the year")
        (True, False)
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or has_digit(text):
        return False

    def capitalised(token: str) -> bool:
        return bool(_NAME_TOKEN.match(token) or _CASELESS_TOKEN.match(token))

    rest_ok = all(capitalised(t) or t.lower() in NAME_PARTICLES for t in tokens)
    return rest_ok and capitalised(tokens[0])


#: A byline line has at most this many words.
BYLINE_MAX_WORDS = 16


def reads_as_byline(text: str, lex: lexicon.Lexicon, *, unlabelled: bool = True) -> bool:
    """Whether a line of a page reads as a byline: a byline word first, short, no sentence.

    "By Jane Doe | May 3" does; "By the end of the year, both sides hope to swap all
    prisoners." is prose. With ``unlabelled``, a name and its role without a byline word
    ("Jane Doe | Reporter", "Jane Doe, Staff Writer") does too: a byline above the story,
    where below it the same shape signs a quote or a letter. Shared by the body's byline
    cleaner and the HTML reader's search around the body.

    Example:
        >>> from articlekit import lexicon
        >>> en = lexicon.for_language("en")
        >>> reads_as_byline("By Jane Doe | May 3", en), reads_as_byline("By the end, it ended.", en)
        (True, False)
        >>> reads_as_byline("Posted on May 3, 2012 by Jane Doe", en)
        True
    """
    if word_count(text) > BYLINE_MAX_WORDS:
        return False
    if ends_sentence(text):
        # "By Ann Lee." closes with a stop and is still a byline: names only after the word.
        return _names_with_a_stop(text, lex)
    if lex.starts_with("byline", text) is not None:
        return True
    # "Posted on May 3, 2012 by Jane Doe": a date (a digit at least) before the byline word.
    if has_digit(text) and _after_dated_verb(text, lex, None) is not None:
        return True
    return unlabelled and _name_then_role(text)


def _names_with_a_stop(text: str, lex: lexicon.Lexicon) -> bool:
    """Whether ``text`` is a byline word, then names ending in an abbreviation's stop.

    "By Perry Bacon Jr.", "By LISA SANDERS, M.D.", "By Ann J.": the stop is the
    abbreviation's (an initial, a generational suffix, a credential, a word with dots inside),
    not a sentence's; "By Chris Amini." under a photo is a credit that ends a caption's
    sentence. Prose after a byline word ("By then it was over.") is no list of names either:
    each name between the joining words and commas must be name-shaped (:func:`looks_like_name`).
    """
    body = text.rstrip()
    if not body.endswith(".") or body.endswith(".."):
        return False
    last = body.split()[-1][:-1]
    abbreviation = (
        len(last) == 1 or "." in last or last.casefold() in _GENERATIONAL or _credential_word(last)
    )
    if not abbreviation:
        return False
    bylined, rest = _strip_byline_word(body, lex)
    if not bylined:
        return False
    names = [p.strip(_STRIP) for p in _JOINER.split(rest)]
    return bool(names) and all(name and looks_like_name(name) for name in names)


#: A biography's first words at a line's start: a name of two to four capitalised words, then
#: a verb that says who the person is ("Ann Lee is a senior writer...", "Bo Chen has covered").
_BIO_OPENING = regex.compile(
    r"^(?P<name>\p{Lu}[\p{L}\p{M}'’.\p{Pd}]*(?:[^\S\n]+\p{Lu}[\p{L}\p{M}'’.\p{Pd}]*){1,3})"
    r"[^\S\n]+(?:is|was|has|writes|covers|joined|ist|war|schreibt|est|es|è|é|jest)[^\S\n]",
    regex.V1 | regex.MULTILINE,
)
#: How far into a biography its role word may stand ("... is a freelance travel writer").
BIO_ROLE_WORDS = 15
#: How many lines above the biography the name may stand alone.
BIO_NAME_LINES = 2


def author_box_name(lines: Sequence[str]) -> str | None:
    """The writer an author box names: their name alone on a line, then their biography.

    An author box prints the name, then a biography that opens with it and says what the
    person does ("Ann Lee" over "Ann Lee is a senior writer at The Daily..."): the name stands
    on one of the :data:`BIO_NAME_LINES` lines above the biography, and a role word of the
    lexicon ("writer", "editor", "Redakteurin"...) is among the biography's first
    :data:`BIO_ROLE_WORDS` words. A heading over its definition ("Power BI" over "Power BI is
    a business analytics tool...") names no role and no one. One pass of a regular expression
    over the lines joined, then a look at the few lines it finds.

    Example:
        >>> author_box_name(["Related", "Ann Lee", "Ann Lee is a senior writer at The Daily."])
        'Ann Lee'
        >>> author_box_name(["Power BI", "Power BI is a business analytics tool."]) is None
        True
    """
    text = "\n".join(lines)
    heads = _vocabulary().role_heads
    for opening in _BIO_OPENING.finditer(text):
        name = opening.group("name")
        if not _alone_above(text, opening.start(), name) or is_role(name):
            continue
        line_end = text.find("\n", opening.end())
        told = text[opening.end() : line_end if line_end >= 0 else len(text)].split()
        for word in itertools.islice(told, BIO_ROLE_WORDS):
            word = word.strip(_STRIP_PARENS).casefold()
            if word in heads or (len(word) > 3 and word.endswith("s") and word[:-1] in heads):
                return name
    return None


def _alone_above(text: str, start: int, name: str) -> bool:
    """Whether ``name`` is one of the :data:`BIO_NAME_LINES` lines above the one at ``start``."""
    end = start - 1  # the line break that ends the line above
    for _ in range(BIO_NAME_LINES):
        if end < 0:
            return False
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end] == name:
            return True
        end = begin - 1
    return False


def credits_only_a_role(text: str, lex: lexicon.Lexicon) -> bool:
    """Whether a byline credits a role and no one: "By Staff Reporter", "By: Staff Writer".

    Such a line is the page's byline all the same (it goes from the body), but it names
    nobody: a role is never an author.

    Example:
        >>> from articlekit import lexicon
        >>> en = lexicon.for_language("en")
        >>> credits_only_a_role("By Staff Reporter", en), credits_only_a_role("By Ann Lee", en)
        (True, False)
    """
    bylined, rest = _strip_byline_word(text, lex)
    return bylined and is_role(rest)


def _name_then_role(text: str) -> bool:
    """Whether a line is a name and its role: "Jane Doe | Reporter", "Jane Doe, Staff Writer".

    The byline of many pages: no byline word, the role says what the name is. A line that
    opens with a dash or a quote mark ("– Ann Lee, Editor") signs a quote instead.
    """
    if not text[:1].isalpha():
        return False
    parts = [p for p in (p.strip(_STRIP) for p in _SEGMENT.split(text)) if p]
    if len(parts) == 1:
        parts = [p for p in (p.strip(_STRIP) for p in parts[0].split(",", 1)) if p]
    if len(parts) < 2:
        return False
    name = _vocabulary().honorifics.sub("", parts[0]).strip(_STRIP)
    return looks_like_name(name) and not is_role(name) and all(map(is_role, parts[1:]))


def looks_like_organisation(name: str) -> bool:
    """Whether a name is an organisation's: a legal form, an organisation noun, a web address.

    Used on names a page's metadata gives as its "author", where a publisher, an association
    or a magazine often stands instead of the person the body credits.

    Example:
        >>> [looks_like_organisation(n) for n in ("Verband der Imker e.V.", "Acme Media GmbH",
        ...     "Daily Planet Magazine", "example.de", "Jane Doe", "Dr. J. R. Smith")]
        [True, True, True, True, False, False]
    """
    return _vocabulary().organisation.search(name) is not None


def is_name_particle(word: str) -> bool:
    """Whether ``word`` is a particle that starts a surname ("de", "van", "von", "Le").

    Example:
        >>> [is_name_particle(w) for w in ("De", "von", "By")]
        [True, True, False]
    """
    return word.casefold() in NAME_PARTICLES


#: Values a CMS puts in an author field that name nobody, and those a page's script writes
#: there when its variable was empty ("undefined": a wcxb-dev page's metadata author).
_CMS_DEFAULTS = frozenset(
    {
        "admin",
        "administrator",
        "author",
        "authors",
        "name",
        "user",
        "guest",
        "editor",
        "unknown",
        "no author",
        "undefined",
        "null",
        "none",
    }
)


def cms_default(name: str, *, strict: bool = False) -> bool:
    """Whether an author field holds a CMS's default value, which names nobody.

    ``strict`` (for a name found by searching the markup) also refuses "Anonymous" and a user
    name holding "admin" ("wordpressadmin"), which a site's own metadata field may give on
    purpose ("q_admin" is the writer's name on that site).

    Example:
        >>> [cms_default(n) for n in ("admin", "No author", "undefined", "q_admin", "Ann Lee")]
        [True, True, True, False, False]
        >>> cms_default("WordPress Admin", strict=True), cms_default("Anonymous", strict=True)
        (True, True)
    """
    key = lexicon.match_key(name)
    if key in _CMS_DEFAULTS:
        return True
    return strict and (key == "anonymous" or "admin" in key.replace(" ", ""))


def looks_like_interface_label(name: str) -> bool:
    """Whether a "name" holds a word of the page's interface: a link's or button's label.

    A search of the markup for the author picks up the labels around an author box ("Full
    Bio", "Follow", "Terms & Conditions Privacy Policy"); no person's name holds one.

    Example:
        >>> [looks_like_interface_label(n) for n in ("Full Bio", "Folgen", "Ann Lee")]
        [True, True, False]
    """
    return _vocabulary().interface.search(name) is not None


@dataclass(frozen=True)
class _Vocabulary:
    """The byline words of every language (``lexicon/bylines.json``), as match keys."""

    labels: regex.Pattern[str]
    label_roles: dict[str, str]
    job_titles: frozenset[str]
    credentials: frozenset[str]
    honorifics: regex.Pattern[str]
    collective: frozenset[str]
    title_words: frozenset[str]
    organisation: regex.Pattern[str]
    interface: regex.Pattern[str]
    role_heads: frozenset[str]


# A role label must end in one of these to need no colon ("Photos by X", but "Photos: X").
_CONNECTORS = ("by", "von", "par", "por", "di", "da", "de", "door", "przez", "from")


@functools.cache
def _vocabulary() -> _Vocabulary:
    path = resources.files("articlekit.lexicon").joinpath("bylines.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    roles: dict[str, str] = {}
    for role, labels in data["roles"].items():
        for label in labels:
            roles.setdefault(lexicon.match_key(label), role)
    ordered = sorted(roles, key=lambda k: (-len(k), k))
    labels = regex.compile(
        r"^\s*(?P<label>" + "|".join(regex.escape(k) for k in ordered) + r")(?!\w)\s*(?P<colon>:)?",
        regex.V0 | regex.IGNORECASE,
    )
    honorifics = sorted({lexicon.match_key(h) for h in data["honorifics"]}, key=lambda h: -len(h))
    return _Vocabulary(
        labels=labels,
        label_roles=roles,
        job_titles=frozenset(lexicon.match_key(t) for t in data["job_titles"]),
        # The last word of each job title ("writer" of "AP Auto Writer"), but not the
        # collective words ("staff": "Podium Staff" is a byline).
        role_heads=frozenset(lexicon.match_key(t).split()[-1] for t in data["job_titles"])
        - frozenset(lexicon.match_key(c) for c in data["collective"]),
        credentials=frozenset(_credential_key(c) for c in data["credentials"]),
        honorifics=regex.compile(
            r"^(?:(?:" + "|".join(regex.escape(h) for h in honorifics) + r")(?:\s+|(?<=\.)))+",
            regex.V0 | regex.IGNORECASE,
        ),
        collective=frozenset(lexicon.match_key(c) for c in data["collective"]),
        title_words=frozenset(lexicon.match_key(w) for w in data["title_words"]),
        organisation=regex.compile(
            r"(?<!\w)(?:"
            # The final dot is optional: the normaliser strips it ("Verein e.V" at a name's end).
            + "|".join(
                regex.escape(w.rstrip(".")) + (r"\.?" if w.endswith(".") else "")
                for w in sorted(data["organisation_words"], key=len, reverse=True)
            )
            + r")(?!\w)"
            # A web address: "www.example.org", "example.de". It starts where a run of word
            # characters and hyphens starts (not after "@"), or after a hyphen: the first one
            # after "@x", or any before "www.". Not after every hyphen: each start would scan
            # the rest of the run ("a-a-a-...": quadratic); those starts find nothing more.
            + r"|(?:(?<![\w@-])|(?<=@\w*-)|(?<=-)(?=www\.))"
            + r"(?:www\.)?[\w-]{2,}+\.(?:com|org|net|info|[a-z]{2})(?![\w.-])",
            regex.V0 | regex.IGNORECASE,
        ),
        interface=regex.compile(
            r"(?<!\w)(?:"
            + "|".join(
                regex.escape(w) for w in sorted(data["interface_words"], key=len, reverse=True)
            )
            + r")(?!\w)",
            regex.V0 | regex.IGNORECASE,
        ),
    )


def _credential_key(text: str) -> str:
    return regex.sub(r"[\s.®™]", "", text.casefold())


def _credential_word(word: str) -> bool:
    """Whether ``word`` spells a credential of the lexicon, however written ("PhD", "M.D.")."""
    return _credential_key(word) in _vocabulary().credentials


# Separators between the segments of a credit line; a dash only with spaces around it, a
# slash not between digits ("11/06/2012" is a date, not three segments).
_SEGMENT = regex.compile(
    r"\s*(?:[;|•·⋅∙\n]|\s/\s?|(?<!\d)/|/(?!\d)|\s[\p{Pd}]{1,2}\s)\s*", regex.V1
)
# Where a byline stops naming people: "Updated ...", a date, a time.
_TAIL = regex.compile(
    r"(?:^|\s)(?:updated|published|posted|last updated|aktualisiert|veröffentlicht|mis à jour"
    r"|publié|actualizado|publicado|aggiornato|pubblicato|atualizado|bijgewerkt|gepubliceerd"
    r"|обновлено|опубликовано|aktualizacja|güncellendi|güncelleme)\b"
    # "Posted by Jane Doe", "Veröffentlicht von": a byline word after it makes it a byline.
    r"(?!\s+(?:by|von|par|por|door|di|da|de|przez)\b).*$"
    r"|\b\d{1,2}[:/.]\d{1,2}\b.*$"
    # A comment count after the names: "By Ann Lee No Comments", "Ann Lee Ein Kommentar".
    r"|(?:^|\s)(?:\d+|no|one|zero|ein|eine|kein|keine|un|une|aucun|sin|nessun)\s+"
    r"(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento"
    r"|reacties|reactie|responses?|replies)\b.*$",
    regex.V1 | regex.IGNORECASE,
)
# Words between names; those of one letter only in lower case ("E" is an initial).
_JOIN_WORDS = r"(?:(?i:and|und|sowie|et|ed|en|oraz|ve|ile|og|och)|&|y|e|i|и)"
_JOINER = regex.compile(rf"\s*,\s*(?:{_JOIN_WORDS}\s+)?|\s+{_JOIN_WORDS}\s+", regex.V1)
_JOIN_WORD = regex.compile(rf"{_JOIN_WORDS}$", regex.V1)
_PARENS = regex.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
#: After a comma, one word, a joining word and a phrase without a comma: a role of two
#: subjects ("Health and Science Reporter") when the phrase is a role.
_COMPOUND_ROLE = regex.compile(
    rf",\s*([\p{{L}}\p{{M}}'’-]+)\s+{_JOIN_WORDS}\s+([^,|/;]+)", regex.V1
)
# A user name holds a letter: "2025", "11.30" are a year or a time after a byline word.
_USER_NAME = regex.compile(r"^(?=.*\p{Ll})[\p{Ll}\p{N}_.\-]+$", regex.V1)
_STRIP = " .:,;-–—\"'“”„«»*"
_STRIP_PARENS = _STRIP + "()[]"


def _leading_label(text: str) -> tuple[str | None, str]:
    """Split a role label off the start: ``("photos", "Jonas Weber")`` for "Fotos: Jonas Weber"."""
    vocab = _vocabulary()
    m = vocab.labels.match(text)
    if m is None:
        return None, text
    label = m.group("label").casefold()
    if m.group("colon") is None and not label.endswith(_CONNECTORS):
        return None, text  # "Text messages from..." is not a label
    rest = text[m.end() :].strip(_STRIP)
    return vocab.label_roles.get(lexicon.match_key(label)), rest


def _strip_byline_word(text: str, lex: lexicon.Lexicon) -> tuple[bool, str]:
    """Remove a leading byline word ("By", "Von"...): whether there was one, and the rest."""
    stripped = lexicon.strip_decoration(text)
    phrase = lex.starts_with("byline", stripped)
    if phrase is None:
        return False, stripped
    # The phrase is a match key (case-folded, same length for these words): cut as many
    # characters off the original.
    return True, stripped[len(phrase) :].lstrip(" :")


#: "Sr. Editor", "Jr. Reporter": the abbreviations of a job title's rank.
_RANK = regex.compile(r"^(?:sr|snr)\.?\s+")
_JUNIOR = regex.compile(r"^(?:jr|jnr)\.?\s+")


def _is_job_title(text: str) -> bool:
    key = lexicon.match_key(text).strip(_STRIP)
    key = _JUNIOR.sub("", _RANK.sub("senior ", key.removeprefix("the ")))
    return bool(key) and key in _vocabulary().job_titles


def _ends_in_title(text: str) -> bool:
    """Whether a phrase names a job ("Director of Operations", "Garden Educator")."""
    words = lexicon.match_key(text).strip(_STRIP).split()
    title_words = _vocabulary().title_words
    if not words:
        return False
    return words[-1] in title_words or (
        any(w in title_words for w in words) and not looks_like_name(text)
    )


def is_role(text: str) -> bool:
    """Whether a phrase is a job or role, not a name: "Staff Writer", "AP Auto Writer".

    A job title of the lexicon, or a phrase of at most :data:`ROLE_MAX_WORDS` words ending in
    a job title's last word ("writer", "correspondent", "analyst", "Redakteurin"...).

    Example:
        >>> [is_role(t) for t in ("Staff Writer", "AP Auto Writer", "Senior Review Analyst",
        ...     "Jane Doe", "Podium Staff", "Staff Writers")]
        [True, True, True, False, False, True]
    """
    if _is_job_title(text):
        return True
    words = lexicon.match_key(text).strip(_STRIP).split()
    if not 0 < len(words) <= ROLE_MAX_WORDS:
        return False
    heads = _vocabulary().role_heads
    # Several people share one role in the plural: "Ann Lee and Bob Chen, Staff Writers".
    last = words[-1]
    return last in heads or (len(last) > 3 and last.endswith("s") and last[:-1] in heads)


#: A role phrase ("Senior Political Correspondent") has at most this many words.
ROLE_MAX_WORDS = 5


#: Generational suffixes are part of the name ("Perry Bacon Jr."), not credentials.
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _is_credential(text: str) -> bool:
    vocab = _vocabulary()
    tokens = [t for t in regex.split(r"[\s,]+", text.strip(_STRIP)) if t]
    return bool(tokens) and all(
        _credential_key(t) in vocab.credentials
        or (t.isupper() and len(_credential_key(t)) <= 5 and lexicon.known_outlet(t) is None)
        for t in tokens
    )


def _collective(text: str) -> str | None:
    """The name of a collective byline ("Podium Staff", "Al Jazeera Staff" -> "Al Jazeera")."""
    vocab = _vocabulary()
    words = text.split()
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        tail = lexicon.match_key(" ".join(words[-size:]))
        if tail in vocab.collective:
            prefix = " ".join(words[:-size])
            stem = prefix[4:] if prefix.casefold().startswith("the ") else prefix
            outlet = lexicon.known_outlet(stem) if stem else None
            return outlet or natural_case(text)
    return None


def _run_in_credential(word: str) -> bool:
    """Whether the last word of a name, with no comma before it, is a credential ("PhD").

    Run into a name, a credential is written as one: in capitals ("MA", "RD"), with a capital
    inside ("PhD") or with dots ("M.A."). A word written as a name is the surname, even when
    it spells a degree: "Rui Ma", "Yo-Yo Ma". After a comma (see :func:`_is_credential`) the
    spelling does not matter: "Jane Doe, Ma" is read as her degree.

    Example:
        >>> [_run_in_credential(w) for w in ("MA", "PhD", "M.A.", "Ma", "Lee")]
        [True, True, True, False, False]
    """
    if not _credential_word(word):
        return False
    letters = [c for c in word if c.isalpha()]
    as_name = bool(letters) and letters[0].isupper() and all(c.islower() for c in letters[1:])
    return not as_name or "." in word


#: At most this many words may follow an outlet's acronym run into a name (its desk: "Sport").
_OUTLET_DESK_WORDS = 1
#: An outlet run into a name, with its desk or role, is at most this many words ("Press Trust
#: of India", "AP Senior Sports Writer"): only the piece's last words are tried, so a long
#: piece costs linear time.
_OUTLET_TAIL_WORDS = 6


def _outlet_run_in(piece: str) -> tuple[str, str] | None:
    """The name and the outlet of a name with an outlet run into its end, or None.

    The outlet follows two words of name at least, and is either a known outlet of several
    words ("Jane Doe Associated Press") or a known outlet's acronym, in capitals, with at
    most one capitalised word of its desk after it ("Mike Smith BBC Sport") or a role ("Ann
    Lee AP Sports Writer"). In a role the outlet is ``""``: the role goes, as after a comma,
    and names no organisation. A one-word outlet's name in natural case is a surname too
    ("Michael R. Bloomberg"). A name that holds a role's word is left whole, to the parser's
    reading of names and roles.

    Example:
        >>> _outlet_run_in("Ann Lee BBC Sport"), _outlet_run_in("Michael R. Bloomberg")
        (('Ann Lee', 'BBC'), None)
        >>> _outlet_run_in("Ann Lee AP Sports Writer")
        ('Ann Lee', '')
    """
    words = piece.split()
    for start in range(max(2, len(words) - _OUTLET_TAIL_WORDS), len(words)):
        tail = words[start:]
        outlet = lexicon.known_outlet(" ".join(tail)) if len(tail) > 1 else None
        head, desk = tail[0], tail[1:]
        if outlet is None and head.isupper() and len(head) > 1:
            # "BBC Sport", or the outlet's acronym in a role: "AP Sports Writer".
            desk_only = len(desk) <= _OUTLET_DESK_WORDS and all(w[:1].isupper() for w in desk)
            role = not desk_only and is_role(" ".join(tail))
            if (desk_only or role) and lexicon.known_outlet(head) is not None:
                # A role goes as after a comma ("Ann Lee, AP Sports Writer"): no outlet.
                outlet = "" if role else lexicon.known_outlet(head)
        if outlet is not None:
            name = " ".join(words[:start])
            # "Ann Lee Education reporter BBC News": the byline's own reading of a name and
            # its role ("Ann Lee") stays; after a split the role's subject would join the name.
            return None if _holds_role_word(name) else (name, outlet)
    return None


def _holds_role_word(text: str) -> bool:
    heads = _vocabulary().role_heads
    return any(word in heads for word in lexicon.match_key(text).split())


def _interface_only(text: str) -> bool:
    """Whether ``text`` is nothing but words of the page's interface ("Comment", "Email").

    Example:
        >>> [_interface_only(t) for t in ("Comment", "Name", "Ann Comment", "Ann Lee")]
        [True, True, False, False]
    """
    return _vocabulary().interface.sub("", text).strip(_STRIP) == ""


def _lower_case_name(words: Sequence[str]) -> bool:
    """Whether the words after a label can be a name in lower case ("kirstin boatto").

    One to three words, the first not a function word of any known language (but a
    surname's particle: "van", "de"): a phrase starts with one, a name does not. "Authors of
    this article:" names nobody.

    Example:
        >>> _lower_case_name(["kirstin", "boatto"]), _lower_case_name(["of", "this", "article"])
        (True, False)
    """
    if not 1 <= len(words) <= 3:
        return False
    if is_name_particle(words[0]):
        return True
    return words[0].casefold() not in lexicon.for_language(None)["stopwords"]


def _person(text: str, *, trusted: bool, labelled: bool = False) -> str | None:
    """Clean one name: honorifics, trailing job titles and credentials off; natural case.

    ``labelled``: an explicit label stands before it ("Author:", "Story by", "By:"), so a
    name in lower case is a name ("Story by kirstin boatto"), not prose.
    """
    vocab = _vocabulary()
    text = vocab.honorifics.sub("", text).strip(_STRIP)
    words = text.split()
    # "Jane Doe Staff Writer": trailing job title words go while a name of two words remains
    # (a one-word name plus a title is a pen name: "Rasender Reporter").
    for size in (3, 2, 1):
        while (
            len(words) > size + 1 and lexicon.match_key(" ".join(words[-size:])) in vocab.job_titles
        ):
            words = words[:-size]
    while len(words) > 1 and _run_in_credential(words[-1]):
        words.pop()
    # "Jane Doe Follow", "Jane Doe Share": a link's or button's label run into the name.
    while len(words) > 2 and vocab.interface.fullmatch(words[-1]) is not None:
        words.pop()
    name = " ".join(words).strip(_STRIP)
    if not name:
        return None
    if len(words) > 2 and words[-1].casefold() in ("jr", "sr"):
        name += "."  # the stripping took the abbreviation's dot
    if (trusted or labelled) and len(words) == 1 and _USER_NAME.match(name):
        return name  # a user name ("stephenlega", "q_admin"): kept as the site shows it
    if name.islower() and not trusted and not (labelled and _lower_case_name(words)):
        return None  # "by the end of the year": lower case is prose, not a name
    name = natural_case(name)
    if looks_like_name(name):
        return name
    if trusted and 1 <= len(words) <= 6 and not has_digit(name):
        return name
    return None


def _pieces(
    segment: str, role: str, *, trusted: bool, labelled: bool = False
) -> tuple[list[Contributor], bool]:
    """The contributors named in one segment, and whether a piece could not be read."""
    found: list[Contributor] = []
    unreadable = False
    agency: str | None = None
    # A role of two subjects after a name ("Ann Lee, Health and Science Reporter") is one
    # role: split at its "and", its first subject would read as a second name ("Health").
    segment = _COMPOUND_ROLE.sub(
        lambda m: "" if is_role(m.group(2)) and not is_role(m.group(1)) else m.group(0), segment
    )
    for raw in _JOINER.split(segment):
        piece = raw.strip(_STRIP)
        if not piece.strip(_STRIP_PARENS):
            continue
        label, piece = _leading_label(piece)
        if label is not None:
            role = label
        organisation: str | None = None
        outlets: list[Contributor] = []
        for m in _PARENS.finditer(piece):
            inner = (m.group(1) or m.group(2) or "").strip(_STRIP)
            outlet = lexicon.known_outlet(inner) if inner else None
            if outlet is not None:
                organisation = outlet
                outlets.append(Contributor(outlet, role, kind="organisation"))
            elif inner and looks_like_name(inner) and not _is_credential(inner):
                organisation = inner
        piece = " ".join(_PARENS.sub(" ", piece).split()).strip(_STRIP_PARENS)
        if not piece:
            agency = agency or organisation
            found.extend(outlets)
            continue
        outlet = lexicon.known_outlet(piece)
        if outlet is not None:
            agency = agency or outlet
            found.append(Contributor(outlet, role, kind="organisation"))
            continue
        run_in = _outlet_run_in(piece)
        if run_in is not None:
            # "Jane Doe BBC Sport": the outlet, run into the name, is her employer.
            piece, outlet = run_in
            if outlet:
                organisation = organisation or outlet
                outlets.append(Contributor(outlet, role, kind="organisation"))
        if found and _credential_key(piece) in _GENERATIONAL and found[-1].kind == "person":
            # "Martin Luther King, Jr.": the comma split the suffix from its name.
            suffix = piece if piece[0].isupper() else piece.capitalize()
            if _credential_key(piece) in ("jr", "sr") and not suffix.endswith("."):
                suffix += "."
            found[-1] = dataclasses.replace(found[-1], name=f"{found[-1].name} {suffix}")
            continue
        if found and (is_role(piece) or _is_credential(piece) or _ends_in_title(piece)):
            continue  # ", Staff Writer", ", PhD", ", Director of Operations": about the name before
        collective = _collective(piece)
        if collective is not None:
            found.append(Contributor(collective, role, kind="organisation"))
            continue
        if _is_job_title(piece):
            continue  # "Staff Writer", "Reporter" alone: a role, nobody's name
        if _interface_only(piece):
            continue  # "By Ann Lee | Comment | May 3", "Author Name:": a label, nobody's name
        if has_digit(piece) and not _USER_NAME.match(piece):
            continue  # a date, a count, a phone number: noise, not a name
        name = _person(piece, trusted=trusted, labelled=labelled)
        if name is None or (not looks_like_name(name) and not _USER_NAME.match(name)):
            # Not shaped like a name: a metadata value then stays whole (see the caller).
            unreadable = unreadable or not _is_job_title(piece)
        if name is not None:
            found.append(Contributor(name, role, organisation))
        found.extend(outlets)  # "Jane Doe (AP)": the agency after its reporter
    if agency is not None:
        found = [
            dataclasses.replace(c, organisation=agency)
            if c.kind == "person" and c.organisation is None
            else c
            for c in found
        ]
    return found, unreadable


def _explicit_label(segment: str, lex: lexicon.Lexicon) -> bool:
    """Whether a segment opens with an explicit byline label: "Author:", "Story by", "By:".

    A bare "by" is not one ("by the end of the year" is prose).
    """
    stripped = lexicon.strip_decoration(segment)
    phrase = lex.starts_with("byline", stripped)
    if phrase is None:
        return False
    rest = stripped[len(phrase) :].lstrip()
    return " " in phrase or phrase not in _CONNECTORS or rest.startswith(":")


def _without_date_label(text: str, lex: lexicon.Lexicon) -> str:
    """``text`` less the date label it ends in ("Stand:", "le"), the date cut off after it.

    The label must read as one: in lower case ("le", "am") or before a colon ("Stand:",
    "Updated:"). A capitalised word without a colon may be a surname ("Ann Le").
    """
    tokens = text.split()
    for size in (2, 1):
        if len(tokens) <= size:
            continue
        label = " ".join(tokens[-size:])
        if not (label.endswith(":") or label.islower()):
            continue
        if lex.is_phrase("date_word", label.rstrip(":")):
            return " ".join(tokens[:-size])
    return text


#: A time of day after a date ("at 10:45 am", "um 9.30 Uhr", "- 14h05"), up to the next word.
_TIME_AFTER_DATE = regex.compile(
    r"^[\s,\p{Pd}]*(?:(?:at|um|à|a las|alle|om|o)\s+)?\d{1,2}[:.h]\d{2}"
    r"(?:\s*(?:[ap]\.?\s?m\.?|uhr|h)(?!\w))?",
    regex.V1 | regex.IGNORECASE,
)


def _after_dated_verb(segment: str, lex: lexicon.Lexicon, language: str | None) -> str | None:
    """The byline after a date in ``segment``, when the date comes before the byline word.

    "Posted on May 3, 2012 by Ann Lee", "Written on August 9, 2012 at 10:45 am by Rich
    Johnston", "Veröffentlicht am 6. Juli 2015 von Mark Li": a line that dates the post
    before it names its writer puts the names after a byline word that follows the date (and
    its time); what stands before the date is the line's verb ("Posted on"), no name. None
    for any other segment.

    Example:
        >>> lex = lexicon.for_language("en")
        >>> _after_dated_verb("Written on August 9, 2012 at 2:02 pm by Rich Johnston", lex, "en")
        'by Rich Johnston'
        >>> _after_dated_verb("Posted on May 3, 2012 by Ann Lee and Bo Chen in Politics", lex, "en")
        'by Ann Lee and Bo Chen'
        >>> _after_dated_verb("Jane Doe, November 16, 2025", lex, "en") is None
        True
    """
    # A segment without a byline word anywhere has no names after a date: a set lookup of its
    # words spares most segments and lines the date search.
    if lex.contains("byline", segment) is None:
        return None
    dated = find_date(segment, language=language)
    if dated is None:
        return None
    after = segment[dated.end :]
    time = _TIME_AFTER_DATE.match(after)
    if time is not None:
        after = after[time.end() :]
    bylined, names = _strip_byline_word(after, lex)
    if not bylined or not names.strip(_STRIP):
        return None
    stripped = lexicon.strip_decoration(after)
    ended = _names_end(names)
    return f"{stripped[: len(stripped) - len(names)]}{ended}"


#: The most words a byline goes on with after its names in lower case ("in Sydney", "for The
#: Guardian", "at CES in Las Vegas", "and agencies"): a place, an outlet, an agency. A line
#: going on longer ("Vom S-Bahnhof Potsdam mit der Tram bis Haltestelle Vogelpark") is prose.
BYLINE_REST_MAX_WORDS = 5


def _full_name(name: str) -> bool:
    """Two words or more, none a credential ("Ann Lee"; not "Guy", not "DVM. Reviewed")."""
    words = name.split()
    return len(words) > 1 and not any(map(_credential_word, words))


def _goes_on(rest: list[str]) -> bool:
    """Whether the words after a byline's names go on as a byline does.

    One phrase (no comma inside) starting with a small word ("in Sydney", "for The Guardian",
    "and agencies", "aus Berlin": a stop word of any language the lexicon knows) or a role
    ("Education reporter BBC News"); not a headline's words ("Text Latest Amelia Earhart
    search falls short"), not an organisation's name cut in two ("Sächsische Landesanstalt
    für Landwirtschaft, Köllitsch").
    """
    if any("," in word for word in rest[:-1]):
        return False  # "für Landwirtschaft, Köllitsch": the names' line, not one phrase after it
    stopwords = lexicon.for_language(None)["stopwords"]
    first = rest[0].casefold()
    if first in stopwords or _JOIN_WORD.match(rest[0]):
        return True
    cut = next((i for i, w in enumerate(rest) if w[:1].islower()), len(rest) - 1)
    return is_role(" ".join(rest[: cut + 1]))


def _names_end(names: str) -> str:
    """``names`` up to the first word in lower case that joins no two names, starts no surname.

    A byline goes on after the names ("Ann Lee in Politics", "Ann Lee for The Guardian",
    "Jean Roy à Paris"); names are capitalised, so they end there. A user name alone ("by
    jancak") is the first word and stays; a joining word left at the end goes too.

    Example:
        >>> _names_end("Ann Lee and Bo Chen in Politics"), _names_end("Jean Roy à Paris")
        ('Ann Lee and Bo Chen', 'Jean Roy')
        >>> _names_end("Maria de la Cruz"), _names_end("Ann Lee and the Associated Press")
        ('Maria de la Cruz', 'Ann Lee')
    """
    tokens = names.split()
    for i, token in enumerate(tokens[1:], 1):
        if token[:1].islower() and not is_name_particle(token) and not _JOIN_WORD.match(token):
            # A role's capitalised words before it go too: "Judith Burns Education reporter".
            start = next((j for j in range(2, i) if is_role(" ".join(tokens[j : i + 1]))), i)
            kept = tokens[:start]
            while len(kept) > 1 and _JOIN_WORD.match(kept[-1]):
                kept.pop()
            return " ".join(kept)
    return names


#: The key of :func:`parse_contributors`'s answers in a document's memo.
_PARSED = object()


def parse_contributors(
    text: str, *, language: str | None = None, trusted: bool = False
) -> tuple[Contributor, ...]:
    """Return everyone a byline credits, with role and organisation, in byline order.

    Within a document (:func:`~articlekit._memo.per_document`) each byline is parsed once:
    the reader's author search and the byline cleaner both read the line under a headline.

    Args:
        text: A raw byline ("By A and B | Reuters", "Reporting by A; Editing by B",
            "Text: A / Fotos: B", "Von A und B").
        language: ISO 639-1 code, to pick the byline words ("By", "Von"...); all when None.
        trusted: The text is a metadata field known to hold names (meta author, JSON-LD
            ``author``): user names and lower-case names are accepted, and a string that
            does not split into names is one name.

    Returns:
        The contributors, without repeats; empty when nothing name-like is found.

    Example:
        >>> parse_contributors("By Jane Doe, Staff Writer | Reuters")
        (Contributor(name='Jane Doe', role='author', organisation='Reuters', kind='person'), \
Contributor(name='Reuters', role='author', organisation=None, kind='organisation'))
    """
    memo = document_memo()
    if memo is None:
        return _parse_contributors(text, language, trusted)
    key = (_PARSED, text, language, trusted)
    found: tuple[Contributor, ...] | None = memo.get(key)
    if found is None:
        found = memo[key] = _parse_contributors(text, language, trusted)
    return found


def _parse_contributors(text: str, language: str | None, trusted: bool) -> tuple[Contributor, ...]:
    """:func:`parse_contributors`, without the memo."""
    lex = lexicon.for_language(language)
    text = _HANDLE.sub(" ", _URL.sub(" ", _without_emails(text)))
    text = " ".join(text.split())
    found: list[Contributor] = []
    previous: list[int] = []  # positions in ``found`` of the last segment's people
    previous_role = "author"
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # a wire story's closing credit line, in parentheses
    past_date = False
    segments = _SEGMENT.split(text)
    for number, raw in enumerate(segments):
        if _month_of_a_split_date(segments, number, lex):
            # "Ann Lee - Nov• 06•12": the separators split a date into month, day and year.
            past_date = True
            continue
        # "Posted on May 3, 2012 by Ann Lee": the names after the date.
        source = _after_dated_verb(raw, lex, language) or raw
        tail = _TAIL.search(source)
        segment = (source[: tail.start()] if tail else source).strip(_STRIP)
        # "By Ann Lee on 11/06/2012 | Social Media": a date cut off as the tail is a date too.
        tail_dated = tail is not None and has_digit(tail.group())
        dated = find_date(segment, language=language)
        if dated is not None:
            # "Jane Doe, November 16, 2025"; "Jane Doe Stand: 16.11.2025", "Jean Roy le 7 mai".
            segment = _without_date_label(segment[: dated.start], lex).strip(_STRIP)
        labelled = _explicit_label(segment, lex)
        role, segment = _leading_label(segment)
        labelled = labelled or role is not None
        bylined, segment = _strip_byline_word(segment, lex)
        if role is None:
            role, segment = _leading_label(segment)
        if not segment:
            past_date = past_date or dated is not None or tail_dated
            continue
        names = [p.strip(_STRIP) for p in _JOINER.split(segment) if p.strip(_STRIP)]
        outlets = [lexicon.known_outlet(name) for name in names]
        if past_date and not all(outlets):
            break  # "By A | May 20, 2007 | Politics, Business": categories follow the date
        past_date = past_date or dated is not None or tail_dated
        if number > 0 and role is None and all(outlets):
            # "A and B | Reuters": an agency after a separator is the people's employer.
            for outlet in outlets:
                for pos in previous:
                    if found[pos].organisation is None:
                        found[pos] = dataclasses.replace(found[pos], organisation=outlet)
                found.append(Contributor(str(outlet), previous_role, kind="organisation"))
            continue
        if number > 0 and role is None and not bylined and is_role(segment):
            continue  # "By A ⋅ Review Editor", "A | Reporter": what the names before are
        role = role or ("author" if number == 0 or bylined else previous_role)
        people, unreadable = _pieces(segment, role, trusted=trusted, labelled=labelled)
        if bylined and (unreadable or not people) and segment[:1].isupper():
            # "By Ann Lee for The Guardian", "Von Ann Lee aus Berlin": the names before the
            # line goes on in lower case, where the whole segment reads as no names. Only
            # full names (two words or more): "by Guy on <a post's title>" is a comment
            # widget's line, "by Fracking in ..." prose.
            ended = _names_end(segment)
            rest = segment.split()[len(ended.split()) :]
            if 0 < len(rest) <= BYLINE_REST_MAX_WORDS and _goes_on(rest):
                named, muddled = _pieces(ended, role, trusted=trusted, labelled=labelled)
                if named and not muddled and all(_full_name(c.name) for c in named):
                    people, unreadable = named, muddled
        if unreadable and not trusted:
            people = []  # prose ("Bakan, görüşmelerin yarın..."), not a list of names
        elif unreadable:
            # A metadata value that does not split into names is one name: "Center for
            # Drug Evaluation and Research".
            whole = _person(segment, trusted=True)
            people = [Contributor(whole, role, kind="organisation")] if whole else people
        start = len(found)
        found.extend(people)
        previous = [i for i in range(start, len(found)) if found[i].kind == "person"]
        previous_role = people[-1].role if people else role
    unique: list[Contributor] = []
    for contributor in found:
        if not any(c.name == contributor.name and c.role == contributor.role for c in unique):
            unique.append(contributor)
    return tuple(unique)


def _month_of_a_split_date(segments: Sequence[str], number: int, lex: lexicon.Lexicon) -> bool:
    """Whether segment ``number`` is a month's name with the day in the next segment."""
    word = segments[number].strip(_STRIP).casefold()
    following = segments[number + 1].strip(_STRIP) if number + 1 < len(segments) else ""
    return word in lex.months and following[:1].isdigit()


def _without_emails(text: str) -> str:
    r"""``text`` with each e-mail address a space: ``regex.sub(r"\S+@\S+\.\w+", " ", text)``.

    In linear time. Within a run of non-space characters that pattern matches at most once:
    from the run's start, through its last "@" that has a "." and a word character after it
    (one character or more later), to the end of the word after the run's last such ".".

    Example:
        >>> _without_emails("By Ann Lee ann.lee@example.com, a@b")
        'By Ann Lee  , a@b'
    """
    if "@" not in text:
        return text
    out: list[str] = []
    last = 0
    for run in _RUN.finditer(text):
        start, end = run.span()
        dot = text.rfind(".", start, end - 1)
        while dot >= 0 and not _WORD_CHAR.match(text, dot + 1):
            dot = text.rfind(".", start, dot)
        # The "@" needs a character before it and one between it and the dot.
        at = text.rfind("@", start + 1, dot - 1) if dot - 1 > start + 1 else -1
        if at < 0:
            continue
        word = _WORD_RUN.match(text, dot + 1)
        assert word is not None  # the dot was chosen with a word character after it
        out.append(text[last:start])
        out.append(" ")
        last = word.end()
    out.append(text[last:])
    return "".join(out)


def contributors_of(
    values: tuple[str, ...], language: str | None = None, *, trusted: bool = False
) -> tuple[Contributor, ...]:
    """The contributors of several raw bylines (a page's author fields), without repeats."""
    found: list[Contributor] = []
    for raw in values:
        credited = parse_contributors(raw, language=language, trusted=trusted)
        found.extend(c for c in credited if c not in found)
    return tuple(found)


def author_names(contributors: tuple[Contributor, ...]) -> tuple[str, ...]:
    """The names of the contributors whose role makes them authors, in order, no repeats."""
    names: list[str] = []
    for contributor in contributors:
        if contributor.role in AUTHOR_ROLES and contributor.name not in names:
            names.append(contributor.name)
    return tuple(names)


def parse_byline(
    text: str, *, language: str | None = None, trusted: bool = False
) -> tuple[str, ...]:
    """Return the names of a byline's authors, in natural case, outlets canonically spelt.

    The authors are the contributors whose role is ``author``, ``reporting`` or ``writing``
    (see :func:`parse_contributors`); an agency the byline credits is one of them.

    Args:
        text: A raw byline ("By A and B | Reuters", "Von A und B", "• By X").
        language: ISO 639-1 code, to pick the byline words ("By", "Von"...); all when None.
        trusted: See :func:`parse_contributors`.

    Returns:
        The names, in order, without duplicates; empty when nothing name-like is found.
    """
    return author_names(parse_contributors(text, language=language, trusted=trusted))
