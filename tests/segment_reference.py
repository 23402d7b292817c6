"""The segmenter and the plain-text reader's line split as they were before issue 16's speed-up.

A frozen copy of ``articlekit.segment`` (and of ``read_text``'s line handling) from commit
14bb0e1: the property tests check that the faster code gives the same blocks on generated
texts. Do not "fix" anything here; it is the reference, bugs included.
"""

from __future__ import annotations

import functools
import itertools
import re

import regex

from articlekit import lexicon

__all__ = ["read_lines", "segment_text"]

#: A text is flat when it has at least this many characters...
FLAT_MIN_CHARS = 400
#: ...and at most one line break per this many characters. Line-broken page text averages well
#: under 200 characters a line (the dev pages: 99th percentile 150); a long paragraph a line
#: stays under 1,000.
FLAT_CHARS_PER_LINE = 1000

# Tokens as str.split() sees them (the text reader normalises white space the same way).
_TOKEN = re.compile(r"\S+")
_ZERO_WIDTH = regex.compile(r"[\u200b\u2060\ufeff]", regex.V1)
_OPENING = r"[\p{Pi}\p{Ps}\"'‘“«¿¡]*"
_UPPER = regex.compile(_OPENING + r"[\p{Lu}\p{Lt}\p{N}]", regex.V1)
_LOWER = regex.compile(_OPENING + r"\p{Ll}", regex.V1)
# A letter of a script without case (Arabic, Devanagari, CJK...): any word may start a sentence.
_CASELESS = regex.compile(_OPENING + r"\p{Lo}", regex.V1)
# Closing quotes and brackets that may follow a sentence's final stop: 'they said.”'
_CLOSING = "\"'’”»)]}›"
# "U.S.", "e.g.", "z.B.", "i.e.": letters and dots.
_DOTTED = regex.compile(r"^(?:\p{L}{1,2}\.){2,}$", regex.V1)
_INITIAL = regex.compile(r"^\p{L}$", regex.V1)
_NUMBER = regex.compile(r"^[\d.,]+$")
_SEPARATORS = frozenset("|•·»›◦▪►■¦‖")
_COPYRIGHT = regex.compile(r"^(?:©|\(c\)|\(C\)|Copyright\b)")
_YEAR = regex.compile(r"^\d{4}")
# Characters that make a token code: "fn);" and "{" end a statement, "talks;" does not.
_CODE_CHARS = frozenset("(){}[]=+")
_TAG_CHARS = frozenset("<=\"'/")
_TAG_START = regex.compile(r"^</?[a-zA-Z!]")
_DASHES = frozenset("-–—")
#: Phrase lists of the lexicon whose phrase, opening a sentence, keeps it out of a paragraph.
_LABEL_KEYS = ("call_to_action", "related_link")

#: Fewest words of a full sentence: a run of sentences holding one is a paragraph (shorter
#: ones join it); a run of shorter ones only ("Any questions?", "Join us today!") stands apart,
#: one block each, as page furniture usually does.
SENTENCE_MIN_WORDS = 10
#: A "sentence" longer than this is headlines and menus run together before a sentence: it is
#: cut like a stretch without a sentence end (news sentences are rarely half as long).
SENTENCE_MAX_WORDS = 60
#: ...and the sentence that ends it is taken to be its last this many words at most.
SENTENCE_TAIL_WORDS = 40
#: Fewest capitalised words in a run before a sentence for the run to be cut off as a menu.
MENU_RUN_MIN = 3
#: A stretch without a sentence end longer than this many words is cut at lower->upper turns.
UNPUNCTUATED_MAX_WORDS = 12
#: Fewest capitalised words in a run inside a piece (after a lower-case word) for it to be a
#: menu: names in a sentence run to five ("to run the Grand Harbour Ferry Terminal").
INNER_MENU_RUN_MIN = 7
#: Most menu runs cut off one stretch without a sentence end (each cut rescans the stretch).
MAX_MENU_CUTS = 4
#: A long, mostly capitalised stretch without a sentence end is cut into blocks this long.
MENU_CHUNK_WORDS = 3


def looks_flat(text: str) -> bool:
    r"""Return whether ``text`` is whole-page text that lost its line breaks.

    Flat means at least :data:`FLAT_MIN_CHARS` characters and an average line of
    :data:`FLAT_CHARS_PER_LINE` characters or more: one line break per thousand characters
    at most. Ordinary line-broken text (a paragraph, a heading or a menu item a line) is far
    from it, and is never segmented.

    Args:
        text: Any text.

    Returns:
        True for a flat text.

    Example:
        >>> looks_flat("Home News Sport " * 40)
        True
        >>> looks_flat("Title\n\nA first paragraph.\nA second one.")
        False
    """
    if len(text) < FLAT_MIN_CHARS:
        return False
    breaks = max(len(text.splitlines()) - 1, 0)
    return len(text) >= breaks * FLAT_CHARS_PER_LINE


def segment_text(text: str) -> tuple[str, ...]:
    r"""Cut ``text`` into blocks: at its line breaks, then inside each line (see module doc).

    Each block is white-space normalised (as :func:`~articlekit.readers.text.normalize_space`
    does); blank lines give no block. Joining the blocks with spaces gives the input's words
    in order. Deterministic, and linear in the length of the text.

    Args:
        text: Any text.

    Returns:
        The blocks, in order.

    Example:
        >>> segment_text("Sport | Weather | Opinion © 2024 The Daily Paper")
        ('Sport', '| Weather', '| Opinion', '© 2024 The Daily Paper')
    """
    out: list[str] = []
    for line in text.splitlines():
        out.extend(_segment_line(_ZERO_WIDTH.sub(" ", line)))
    return tuple(out)


def _segment_line(line: str) -> list[str]:
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
    if not spans:
        return []
    tokens = [line[a:b] for a, b in spans]
    # (tokens, kind, hard boundary after it); kind: 2 a sentence, 1 a short one, 0 other.
    parts: list[tuple[list[str], int, bool]] = []
    for piece, hard in _pieces(line, spans, tokens):
        split = _split_piece(piece)
        for k, part in enumerate(split):
            parts.append((part, _sentence_kind(part), hard and k == len(split) - 1))
    # A run of sentences between two hard boundaries is one paragraph when it holds a full
    # sentence: a short one joins it ("It was late."); short ones alone
    # ("Any questions?", "Join us today!") stand alone, as page furniture does.
    blocks: list[str] = []
    run: list[list[str]] = []
    run_full = False

    def flush() -> None:
        if run_full:
            blocks.append(" ".join(t for part in run for t in part))
        else:
            blocks.extend(" ".join(part) for part in run)
        run.clear()

    for part, kind, hard in parts:
        if kind:
            run.append(part)
            run_full = run_full or kind == 2
        else:
            flush()
            run_full = False
            blocks.append(" ".join(part))
        if hard:
            flush()
            run_full = False
    flush()
    return blocks


def _pieces(
    line: str, spans: list[tuple[int, int]], tokens: list[str]
) -> list[tuple[list[str], bool]]:
    """Cut a line's tokens at sentence ends and hard boundaries.

    Returns (tokens of the piece, whether a hard boundary follows it).
    """
    pieces: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for i, tok in enumerate(tokens):
        if current:
            prev = current[-1]
            hard = False
            cut = False
            gap = line[spans[i - 1][1] : spans[i][0]]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if tok in _SEPARATORS and (tok != "»" or _breadcrumb(prev, nxt)):
                hard = cut = True
            elif prev in _SEPARATORS and len(current) == 1:
                pass  # "| Radio": the separator opens the piece it stands before
            elif (len(gap) > 1 and not _LOWER.match(tok)) or _is_copyright(tokens, i):
                hard = cut = True
            elif _may_start_sentence(tok) and (
                _ends_sentence(prev)
                # 'il a dit. » Le ministre': a closing quote on its own after the stop.
                or _piece_ends_sentence(current)
            ):
                cut = True
            elif _opens_sentence_unpunctuated(prev, tok, nxt):
                # "... new ferry timetable The harbour council approved ...": a headline
                # (no stop of its own) ran into the sentence under it.
                cut = True
            elif _ends_code(prev) or _TAG_START.match(tok):
                # Script statements and tags a scraper left in the text: their own blocks,
                # for remove_markup to judge, and not glued to the sentence next to them.
                cut = True
            if cut:
                pieces.append((current, hard))
                current = []
        current.append(tok)
    if current:
        pieces.append((current, True))
    return pieces


def _breadcrumb(prev: str, nxt: str) -> bool:
    """Whether a » between ``prev`` and ``nxt`` separates ("Home » News"), not closes a quote.

    A closing guillemet follows a quotation's last word or stop and precedes anything; a
    breadcrumb's stands between two capitalised items.
    """
    return _is_capitalised(prev) and _is_capitalised(nxt) and prev[-1].isalnum()


def _opens_sentence_unpunctuated(prev: str, tok: str, nxt: str) -> bool:
    """A capitalised function word between two lower-case words: a sentence starts there.

    Inside a sentence a function word is in lower case; capitalised after a lower-case word,
    it is a name's ("in The Hague", "vitamin A"), and then not followed by a lower-case word
    (or too short to tell).
    """
    if len(tok) < 2 or not tok[0].isupper() or not tok[1:].islower():
        return False
    if not _is_lower(prev) or not _is_lower(nxt) or not prev[-1].isalnum():
        return False
    return tok.casefold() in _stopwords()


def _ends_code(tok: str) -> bool:
    """A token that ends a script statement or block ("fn);", "}") or a tag ('"x.js">')."""
    last, body = tok[-1], tok[:-1]
    if last in ";{}":
        return not body or any(c in _CODE_CHARS for c in body)
    return last == ">" and any(c in _TAG_CHARS for c in body)


def _is_copyright(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    if tok.startswith("©"):
        return True
    if not _COPYRIGHT.match(tok):
        return False
    # "Copyright law" is a sentence's words; "Copyright © 2024" and "(c) 2024" are a notice.
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return nxt.startswith("©") or _YEAR.match(nxt) is not None


def _ends_sentence(tok: str) -> bool:
    # Plain string tests, not a regex searched from every position: a 200 KB token of dots
    # must stay linear.
    core = tok.rstrip(_CLOSING)
    if core.endswith(("?", "!", "。", "！", "？")):
        return True
    # A full stop: not after an ellipsis, an initial, an abbreviation or a number.
    if core.endswith("..") or not core.endswith("."):
        return False
    # "Wien/St. Pölten": the word is what follows the slash.
    word = core[:-1].lstrip("\"'‘“«([{¿¡").rsplit("/", 1)[-1]
    if not word or _INITIAL.match(word) or _NUMBER.match(word):
        return False
    return not (_DOTTED.match(word + ".") or word.casefold() in _abbreviations())


def _piece_ends_sentence(piece: list[str]) -> bool:
    """The piece's last token ends a sentence, or is a closing quote after one ('dit. »')."""
    last = piece[-1]
    if _ends_sentence(last):
        return True
    return len(piece) > 1 and not last.rstrip(_CLOSING) and _ends_sentence(piece[-2])


def _may_start_sentence(tok: str) -> bool:
    return bool(_UPPER.match(tok) or _CASELESS.match(tok))


def _is_capitalised(tok: str) -> bool:
    """An upper-case or numeric start: a menu item, a name, a sentence's first word."""
    return _UPPER.match(tok) is not None


def _is_lower(tok: str) -> bool:
    return _LOWER.match(tok) is not None


def _mostly_lower(piece: list[str]) -> bool:
    lower = sum(1 for t in piece if _is_lower(t))
    return lower * 5 >= len(piece)


def _sentence_kind(piece: list[str]) -> int:
    """2 for a sentence of running text, 1 for a short one, 0 for anything else."""
    if len(piece) < 2 or not _piece_ends_sentence(piece) or not _mostly_lower(piece):
        return 0
    # "Subscribe to our newsletter ...", "Read more: ...": the page's, not the paragraph's.
    head = " ".join(piece[:6])
    lex = _lexicon()
    if any(lex.starts_with(key, head) for key in _LABEL_KEYS):
        return 0
    return 2 if len(piece) >= SENTENCE_MIN_WORDS else 1


def _split_piece(piece: list[str]) -> list[list[str]]:
    """Cut labels, a menu run or run-together headlines off a piece."""
    parts: list[list[str]] = []
    piece = _cut_labels(piece, parts)
    if _piece_ends_sentence(piece) and _mostly_lower(piece):
        start = _sentence_start(piece)
        if start:
            parts.extend(_split_unpunctuated(piece[:start]))
            piece = piece[start:]
        if len(piece) > SENTENCE_MAX_WORDS:
            # Keep the longest tail of headline-sized chunks that still reads as one
            # sentence; the rest is what ran together before it.
            chunks = _split_unpunctuated(piece, chunk_menus=False)
            tail = len(chunks)
            words = 0
            while tail > 1 and words + len(chunks[tail - 1]) <= SENTENCE_TAIL_WORDS:
                tail -= 1
                words += len(chunks[tail])
            parts.extend(_split_unpunctuated([t for c in chunks[:tail] for t in c]))
            if tail < len(chunks):
                parts.append([t for c in chunks[tail:] for t in c])
        else:
            parts.append(piece)
    else:
        parts.extend(_split_unpunctuated(piece))
    # A cut may have left a label at the start of a part ("Advertisement LONDON (Reuters)").
    out: list[list[str]] = []
    for part in parts:
        out.append(_cut_labels(part, out))
    return out


def _cut_labels(piece: list[str], into: list[list[str]]) -> list[str]:
    """Append the ad labels that open ``piece`` to ``into``, one a part; return the rest."""
    label = _ad_label_length(piece)
    while label:  # "Advertisement Advertisement The ...": each label alone
        into.append(piece[:label])
        piece = piece[label:]
        label = _ad_label_length(piece)
    return piece


def _ad_label_length(piece: list[str]) -> int:
    """Length of an ad label ("Advertisement", "Sponsored Content") that opens the piece."""
    for n in (3, 2, 1):
        if len(piece) <= n:
            continue
        head = piece[:n]
        if not all(_is_capitalised(t) for t in head) or not _may_start_sentence(piece[n]):
            continue
        if _lexicon().is_phrase("ad_label", " ".join(head)):
            return n
    return 0


@functools.cache
def _lexicon() -> lexicon.Lexicon:
    return lexicon.for_language(None)


@functools.cache
def _abbreviations() -> frozenset[str]:
    # Every language's: the segmenter runs before the language is known.
    return lexicon.for_language(None)["abbreviation"]


@functools.cache
def _stopwords() -> frozenset[str]:
    return lexicon.for_language(None)["stopwords"]


def _sentence_start(piece: list[str]) -> int:
    """Where the sentence that ends ``piece`` starts, after a run of capitalised words; or 0.

    The last run of capitalised words that is long enough for a menu ("... Weather Email
    The council met ...", "... Tennis Maria Lopez won her ...") holds the menu and the
    sentence's first word or two: the sentence keeps one when it is a function word ("This",
    "The", "Der"), else two (a name). A run is not a menu when it reads as names inside a
    sentence: after a function word ("from Reuters, AP, CNN"), with commas
    between its words, or opening a piece that opens like a sentence ("In New York City").
    """
    n = len(piece)
    lower = [_is_lower(t) for t in piece]
    lower_after = [0] * (n + 1)  # lower-case words from position i on
    for i in range(n - 1, -1, -1):
        lower_after[i] = lower_after[i + 1] + lower[i]
    stop = _stopwords()
    best = 0
    a = 0
    while a < n:
        if lower[a]:
            a += 1
            continue
        b = a
        while b < n and not lower[b]:
            b += 1
        # [a, b) is a run of capitalised words (or punctuation), b the next lower-case word.
        if b < n and _menu_run(piece, a, b, stop) and (n - b) >= 3:
            rest = n - b + 1
            if lower_after[b] * 3 >= rest:
                dash = next((d for d in range(b - 1, a - 1, -1) if piece[d] in _DASHES), -1)
                if dash >= 0:
                    # "... World BERLIN (AP) - Singer Anna Berg was ...": a
                    # dateline opens the sentence; the menu ends before it.
                    start = dash
                    while start > a and _dateline_word(piece[start - 1]):
                        start -= 1
                elif _word(piece[b - 1]).casefold() in stop or not _word(piece[b - 2]).isalpha():
                    start = b - 1
                else:
                    start = b - 2
                if start >= a + MENU_RUN_MIN:
                    best = start
        a = b
    return best


def _dateline_word(tok: str) -> bool:
    """A word of a dateline: a place in capitals ("LOS", "ANGELES,") or "(Reuters)"."""
    return (tok.startswith("(") and tok.endswith(")")) or (tok.isupper() and len(tok) > 1)


def _menu_run(piece: list[str], a: int, b: int, stop: frozenset[str]) -> bool:
    if any(t.endswith((",", ";")) for t in piece[a : b - 1]):
        return False
    if a == 0:
        opener = _word(piece[0]).casefold() in stop
        return b - a >= (2 * MENU_RUN_MIN + 2 if opener else MENU_RUN_MIN + 1)
    return b - a >= INNER_MENU_RUN_MIN and _word(piece[a - 1]).casefold() not in stop


def _menu_like(part: list[str]) -> bool:
    """Few numbers and commas: a menu, not a table of results ("1. Blue Arrow (3) 58.5,")."""
    numbers = sum(1 for t in part if any(c.isdigit() for c in t))
    commas = sum(1 for t in part if t.endswith(","))
    return numbers * 5 <= len(part) and commas * 10 <= len(part)


def _word(tok: str) -> str:
    return tok.strip("\"'‘’“”«»()[]{}¿¡.,;:!?")


def _split_unpunctuated(piece: list[str], *, chunk_menus: bool = True) -> list[list[str]]:
    """Cut a stretch without a sentence end into headline- and menu-sized blocks.

    Headlines of a teaser list ran together ("... wins the derby Storm floods coastal ...") are
    cut before each capitalised word that follows a lower-case one, when the stretch is
    longer than :data:`UNPUNCTUATED_MAX_WORDS`; a menu run before a headline ("Home News ...
    Weather Harbour council approves new ferry timetable") is cut off it as before a
    sentence; what is still long and mostly capitalised (a menu, a directory of categories)
    is cut every :data:`MENU_CHUNK_WORDS` words, as a line-broken page prints one item a
    line. Either would otherwise make one long block that passes for a paragraph by its
    length, or costs the article's core no more than a single short line.
    """
    if not piece:
        return []
    if len(piece) <= UNPUNCTUATED_MAX_WORDS:
        parts = [piece]
    else:
        parts = [[piece[0]]]
        for prev, tok in itertools.pairwise(piece):
            if _is_lower(prev) and _is_capitalised(tok) and not prev.endswith((",", ";", ":")):
                parts.append([tok])
            else:
                parts[-1].append(tok)
    if not chunk_menus:
        return parts
    out: list[list[str]] = []
    for part in parts:
        for sub in _cut_menu_runs(part):
            lower = sum(1 for t in sub if _is_lower(t))
            if len(sub) > UNPUNCTUATED_MAX_WORDS and lower * 5 < len(sub) * 2 and _menu_like(sub):
                out.extend(
                    sub[i : i + MENU_CHUNK_WORDS] for i in range(0, len(sub), MENU_CHUNK_WORDS)
                )
            else:
                out.append(sub)
    return out


def _cut_menu_runs(part: list[str]) -> list[list[str]]:
    """Cut ``part`` before each headline or sentence start that follows a menu run."""
    tails: list[list[str]] = []
    # A part holds one run of capitalised words, or a few (after a comma, a dash): a few cuts.
    for _ in range(MAX_MENU_CUTS):
        start = _sentence_start(part)
        if not start:
            break
        tails.append(part[start:])
        part = part[:start]
    return [part, *reversed(tails)]


def read_lines(text: str) -> tuple[str, ...]:
    """The blocks' texts ``read_text`` gave (before the speed-up) for ``text``."""
    from articlekit.readers.text import _without_markup

    lines = [line for line in map(_normalize_space, text.splitlines()) if line]
    read = [_without_markup(line) for line in lines]
    if any(len(r) > 1 for r in read):
        return tuple(t for r in read for t in r)
    if looks_flat(text):
        return segment_text(text)
    return tuple(lines)


def _normalize_space(text: str) -> str:
    return " ".join(_ZERO_WIDTH.sub(" ", text).split())
