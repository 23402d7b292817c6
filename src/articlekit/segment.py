r"""Blocks for text that lost its line breaks.

Many scrapers join a page's strings with spaces (``soup.get_text(" ")``): menus, headline
lists, the article's paragraphs and the footer come out as one line. The cleaners decide block
by block, so such a blob must be cut into blocks first. :func:`looks_flat` says whether a text
is such a blob, :func:`segment_text` cuts it, by features only:

- **sentence ends**: ``.``, ``!``, ``?`` (closing quotes and brackets may follow) before a word
  that does not start in lower case; not after an initial ("John F. Kennedy"), dotted
  letters ("U.S.", "z.B."), an abbreviation (the lexicon's ``abbreviation`` lists: "Mr.",
  "Nr.", "Sra."), an ordinal or a number ("am 3. März"), or an ellipsis;
- **hard boundaries**: line breaks that are there, runs of two or more spaces before a word
  that does not start in lower case, separator tokens (``|``, ``•``, ``·``, ``»`` outside a
  French quotation...), a copyright sign;
- **a capitalised function word between two lower-case words** ("... new ferry timetable The
  harbour council approved ..."): a headline without a stop ran into the sentence under it;
- **script statements and tags** left in the text ("fn);", "}", ``"x.js">``) end a piece;
- **an ad label** ("Advertisement", "ANZEIGE": the lexicon's ``ad_label`` phrases) at the start
  of a sentence and followed by a capitalised word stands alone;
- **a run of capitalised words** (a menu, "Home News Sport Weather") before a sentence is cut
  off the sentence: the sentence starts at its first one or two capitalised words;
- **a long stretch without any sentence end** (a teaser list whose headlines ran together) is
  cut before each capitalised word that follows a lower-case one, so that it does not pass
  for a paragraph by length.

Consecutive sentences between two hard boundaries make one paragraph block when one of them
has ten words or more (short ones alone stand apart, one block each); every other piece
(a menu run, a headline, a label) is a block of its own, so that the cleaners (the article core,
headline lists, ad labels) can act on it. Nothing is lost or reordered: the blocks' words are
the input's words, in order.

Example:
    >>> flat = ("Home News Sport Weather The council approved the new budget on Monday. "
    ...         "Advertisement Mr. Smith said the U.S. plan costs 3.5 million dollars.")
    >>> for block in segment_text(flat):
    ...     print(block)
    Home News Sport Weather
    The council approved the new budget on Monday.
    Advertisement
    Mr. Smith said the U.S. plan costs 3.5 million dollars.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Iterator

import regex

from articlekit import lexicon

__all__ = ["FLAT_CHARS_PER_LINE", "FLAT_MIN_CHARS", "looks_flat", "segment_text"]

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
# A text's leading word characters (maybe none), as the lexicon's phrase patterns see them.
_LEADING_WORD = regex.compile(r"\w*", regex.V1)

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
    # Zero-width characters are no line boundaries: one substitution for the whole text.
    for line in _ZERO_WIDTH.sub(" ", text).splitlines():
        out.extend(_segment_line(line))
    return tuple(out)


@dataclasses.dataclass(frozen=True, slots=True)
class _Classes:
    """The distinct tokens of a line by how they start (after opening quotes and brackets).

    A token's class depends on its text only: it is looked up once per distinct token, and
    every rule below asks a set instead of running a pattern again (a token was matched
    against the patterns eight times on average, most of the segmenter's time).
    """

    lower: frozenset[str]  # a lower-case letter
    upper: frozenset[str]  # an upper-case or title-case letter or a digit
    starts: frozenset[str]  # either of those or a letter of a script without case
    ends: frozenset[str]  # tokens that end a sentence (_ends_sentence)


def _classify(tokens: list[str]) -> _Classes:
    distinct = set(tokens)
    upper = frozenset(filter(_UPPER.match, distinct))
    caseless = frozenset(filter(_CASELESS.match, distinct - upper))
    lower = frozenset(filter(_LOWER.match, distinct))
    return _Classes(lower, upper, upper | caseless, frozenset(filter(_ends_sentence, distinct)))


def _wide_gaps(line: str, tokens: list[str]) -> frozenset[int]:
    """Positions of the ``tokens`` of ``line`` that follow more than one white-space character."""
    # Most lines have none: their tokens and one character between each two fill the line.
    # (Counted in C; a search for two white-space characters scans the line ten times slower.)
    if sum(map(len, tokens)) + len(tokens) - 1 == len(line.strip()):
        return frozenset()
    spans = [m.span() for m in _TOKEN.finditer(line)]
    return frozenset(i for i in range(1, len(spans)) if spans[i][0] - spans[i - 1][1] > 1)


def _segment_line(line: str) -> list[str]:
    tokens = line.split()  # the same tokens as _TOKEN finds, in C
    if not tokens:
        return []
    return _blocks(_parts(tokens, _wide_gaps(line, tokens), _classify(tokens)))


def _parts(
    tokens: list[str], wide: frozenset[int], classes: _Classes
) -> Iterator[tuple[list[str], int, bool]]:
    """The line's parts: (tokens, kind, whether a hard boundary follows).

    Kind: 2 a sentence, 1 a short one, 0 other. Generated, not listed: a part lives only
    until its block is made (a list of them all was most of the objects the collector
    traversed again and again on a long line).
    """
    for piece, hard in _pieces(tokens, wide, classes):
        if len(piece) == 1:  # nothing to cut off one token, and no sentence: most furniture
            yield piece, 0, hard
            continue
        split = _split_piece(piece, classes)
        last = len(split) - 1
        for k, part in enumerate(split):
            yield part, _sentence_kind(part, classes), hard and k == last


def _blocks(parts: Iterable[tuple[list[str], int, bool]]) -> list[str]:
    """Join the parts into blocks (see :func:`_parts`).

    A run of sentences between two hard boundaries is one paragraph when it holds a full
    sentence: a short one joins it ("It was late."); short ones alone ("Any questions?",
    "Join us today!") stand alone, as page furniture does. Every other part is a block.
    """
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
            if run:
                flush()
            run_full = False
            blocks.append(" ".join(part))
        if hard:
            if run:
                flush()
            run_full = False
    flush()
    return blocks


def _pieces(
    tokens: list[str], wide: frozenset[int], classes: _Classes
) -> Iterator[tuple[list[str], bool]]:
    """Cut a line's tokens at sentence ends and hard boundaries.

    ``wide`` holds the positions of the tokens after a gap of two or more white-space
    characters. Yields (tokens of the piece, whether a hard boundary follows it).
    """
    current = [tokens[0]]
    for i in range(1, len(tokens)):
        tok = tokens[i]
        # Every rule below needs one of these cues; most tokens have none and just join the
        # piece (the test is a few string operations instead of the rules' patterns).
        if (
            tok[0] in _TOKEN_CUES
            or tokens[i - 1][-1] in _PREVIOUS_CUES
            or tok[0].isupper()
            or i in wide
        ):
            cut = _boundary(tokens, i, current, wide, classes)
            if cut:
                yield current, cut == _HARD
                current = []
        current.append(tok)
    yield current, True


#: Cut kinds of :func:`_boundary`: none, a cut, a hard boundary.
_SOFT = 1
_HARD = 2
# First characters of a token that a rule of _boundary may cut before (besides an upper-case
# letter): a separator, a copyright sign or "(c)", a tag.
_TOKEN_CUES = frozenset("©(<").union(*_SEPARATORS)
# Last characters of a token that a rule may cut after: a sentence's stop or closing quote,
# the end of a script statement or of a tag.
_PREVIOUS_CUES = frozenset("?!。！？.;{}>" + _CLOSING)


def _boundary(
    tokens: list[str], i: int, current: list[str], wide: frozenset[int], classes: _Classes
) -> int:
    """Whether the piece ``current`` (which ends at token ``i - 1``) ends before token ``i``.

    Returns 0 (no), :data:`_SOFT` (a cut) or :data:`_HARD` (a hard boundary).
    """
    tok = tokens[i]
    prev = current[-1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tok in _SEPARATORS and (tok != "»" or _breadcrumb(prev, nxt, classes.upper)):
        return _HARD
    if prev in _SEPARATORS and len(current) == 1:
        return 0  # "| Radio": the separator opens the piece it stands before
    if (i in wide and tok not in classes.lower) or (tok[0] in "©(C" and _is_copyright(tokens, i)):
        return _HARD
    if tok in classes.starts and _piece_ends_sentence(current, classes.ends):
        # 'il a dit. » Le ministre': a closing quote on its own after the stop.
        return _SOFT
    if tok[0].isupper() and _opens_sentence_unpunctuated(prev, tok, nxt, classes.lower):
        # "... new ferry timetable The harbour council approved ...": a headline
        # (no stop of its own) ran into the sentence under it.
        return _SOFT
    if (prev[-1] in ";{}>" and _ends_code(prev)) or (tok[0] == "<" and _TAG_START.match(tok)):
        # Script statements and tags a scraper left in the text: their own blocks,
        # for remove_markup to judge, and not glued to the sentence next to them.
        return _SOFT
    return 0


def _breadcrumb(prev: str, nxt: str, upper: frozenset[str]) -> bool:
    """Whether a » between ``prev`` and ``nxt`` separates ("Home » News"), not closes a quote.

    A closing guillemet follows a quotation's last word or stop and precedes anything; a
    breadcrumb's stands between two capitalised items.
    """
    return prev in upper and nxt in upper and prev[-1].isalnum()


def _opens_sentence_unpunctuated(prev: str, tok: str, nxt: str, lower: frozenset[str]) -> bool:
    """A capitalised function word between two lower-case words: a sentence starts there.

    Inside a sentence a function word is in lower case; capitalised after a lower-case word,
    it is a name's ("in The Hague", "vitamin A"), and then not followed by a lower-case word
    (or too short to tell).
    """
    if len(tok) < 2 or not tok[0].isupper() or not tok[1:].islower():
        return False
    if prev not in lower or nxt not in lower or not prev[-1].isalnum():
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
    if tok[-1:] not in _PREVIOUS_CUES:  # no stop and no closing quote: most tokens
        return False
    core = tok.rstrip(_CLOSING)
    if core.endswith(("?", "!", "。", "！", "？")):
        return True
    # A full stop: not after an ellipsis, an initial, an abbreviation or a number.
    if core.endswith("..") or not core.endswith("."):
        return False
    # "Wien/St. Pölten": the word is what follows the slash.
    word = core[:-1].lstrip("\"'‘“«([{¿¡").rsplit("/", 1)[-1]
    # (The length and the dot are what the patterns need: most words skip them.)
    if not word or (len(word) == 1 and _INITIAL.match(word)) or _NUMBER.match(word):
        return False
    dotted = "." in word and _DOTTED.match(word + ".")
    return not (dotted or word.casefold() in _abbreviations())


def _piece_ends_sentence(piece: list[str], ends: frozenset[str]) -> bool:
    """The piece's last token ends a sentence, or is a closing quote after one ('dit. »').

    ``ends`` holds the tokens of the line that end a sentence.
    """
    last = piece[-1]
    if last in ends:
        return True
    return len(piece) > 1 and not last.rstrip(_CLOSING) and piece[-2] in ends


def _count_in(piece: list[str], tokens: frozenset[str]) -> int:
    """How many tokens of ``piece`` are in ``tokens`` (counted in C)."""
    return sum(map(tokens.__contains__, piece))


def _mostly_lower(piece: list[str], lower: frozenset[str]) -> bool:
    return _count_in(piece, lower) * 5 >= len(piece)


def _sentence_kind(piece: list[str], classes: _Classes) -> int:
    """2 for a sentence of running text, 1 for a short one, 0 for anything else."""
    if (
        len(piece) < 2
        or not _piece_ends_sentence(piece, classes.ends)
        or not _mostly_lower(piece, classes.lower)
    ):
        return 0
    # "Subscribe to our newsletter ...", "Read more: ...": the page's, not the paragraph's.
    # (Lexicon.starts_with, with the match key made once for both lists, and only for a head
    # whose first word is a label's: the lists' patterns are long alternations, tried one
    # phrase after the other, slower than the rest of the segmenter's work on a sentence.)
    head = lexicon.match_key(" ".join(piece[:6]))
    if _leading_word(head) not in _label_first_words():
        return 2 if len(piece) >= SENTENCE_MIN_WORDS else 1
    for key in _LABEL_KEYS:
        found = _lexicon().prefix_pattern(key).match(head)
        if found and found.group("phrase"):
            return 0
    return 2 if len(piece) >= SENTENCE_MIN_WORDS else 1


def _split_piece(piece: list[str], classes: _Classes) -> list[list[str]]:
    """Cut labels, a menu run or run-together headlines off a piece."""
    lower = classes.lower
    parts: list[list[str]] = []
    piece = _cut_labels(piece, parts, classes)
    if _piece_ends_sentence(piece, classes.ends) and _mostly_lower(piece, lower):
        start = _sentence_start(piece, lower)
        if start:
            parts.extend(_split_unpunctuated(piece[:start], classes))
            piece = piece[start:]
        if len(piece) > SENTENCE_MAX_WORDS:
            # Keep the longest tail of headline-sized chunks that still reads as one
            # sentence; the rest is what ran together before it.
            chunks = _split_unpunctuated(piece, classes, chunk_menus=False)
            tail = len(chunks)
            words = 0
            while tail > 1 and words + len(chunks[tail - 1]) <= SENTENCE_TAIL_WORDS:
                tail -= 1
                words += len(chunks[tail])
            parts.extend(_split_unpunctuated([t for c in chunks[:tail] for t in c], classes))
            if tail < len(chunks):
                parts.append([t for c in chunks[tail:] for t in c])
        else:
            parts.append(piece)
    else:
        parts.extend(_split_unpunctuated(piece, classes))
    # A cut may have left a label at the start of a part ("Advertisement LONDON (Reuters)").
    out: list[list[str]] = []
    for part in parts:
        out.append(_cut_labels(part, out, classes))
    return out


def _cut_labels(piece: list[str], into: list[list[str]], classes: _Classes) -> list[str]:
    """Append the ad labels that open ``piece`` to ``into``, one a part; return the rest."""
    label = _ad_label_length(piece, classes)
    while label:  # "Advertisement Advertisement The ...": each label alone
        into.append(piece[:label])
        piece = piece[label:]
        label = _ad_label_length(piece, classes)
    return piece


def _ad_label_length(piece: list[str], classes: _Classes) -> int:
    """Length of an ad label ("Advertisement", "Sponsored Content") that opens the piece."""
    upper = classes.upper
    # Every label is capitalised words, and a word that may start a sentence follows it.
    if len(piece) < 2 or piece[0] not in upper or piece[1] not in classes.starts:
        return 0
    for n in (3, 2, 1):
        if len(piece) <= n:
            continue
        head = piece[:n]
        if not all(t in upper for t in head) or piece[n] not in classes.starts:
            continue
        if _lexicon().is_phrase("ad_label", " ".join(head)):
            return n
    return 0


@functools.cache
def _lexicon() -> lexicon.Lexicon:
    return lexicon.for_language(None)


@functools.cache
def _label_first_words() -> frozenset[str]:
    """The first words of the phrases of :data:`_LABEL_KEYS`.

    A phrase matches at the start of a text only if it starts with the phrase's word
    characters and then no further one (the patterns end at a word boundary): the text's first
    word is the phrase's.
    """
    lex = _lexicon()
    phrases = (p for key in _LABEL_KEYS for p in lex[key])
    return frozenset(map(_leading_word, phrases))


def _leading_word(text: str) -> str:
    found = _LEADING_WORD.match(text)
    return found.group() if found else ""


@functools.cache
def _abbreviations() -> frozenset[str]:
    # Every language's: the segmenter runs before the language is known.
    return lexicon.for_language(None)["abbreviation"]


@functools.cache
def _stopwords() -> frozenset[str]:
    return lexicon.for_language(None)["stopwords"]


def _index(flags: list[bool], value: bool, start: int) -> int:
    """The first position from ``start`` on where ``flags`` holds ``value``, or its length."""
    try:
        return flags.index(value, start)
    except ValueError:
        return len(flags)


def _sentence_start(piece: list[str], lower_tokens: frozenset[str]) -> int:
    """Where the sentence that ends ``piece`` starts, after a run of capitalised words; or 0.

    The last run of capitalised words that is long enough for a menu ("... Weather Email
    The council met ...", "... Tennis Maria Lopez won her ...") holds the menu and the
    sentence's first word or two: the sentence keeps one when it is a function word ("This",
    "The", "Der"), else two (a name). A run is not a menu when it reads as names inside a
    sentence: after a function word ("from Reuters, AP, CNN"), with commas
    between its words, or opening a piece that opens like a sentence ("In New York City").
    """
    n = len(piece)
    # A start is at least MENU_RUN_MIN words into a run that ends 3 words or more before the
    # end: a shorter piece (most of them) has none.
    if n < MENU_RUN_MIN + 4:
        return 0
    lower = list(map(lower_tokens.__contains__, piece))
    # lower-case words from position i on
    lower_after = list(itertools.accumulate(reversed(lower), initial=0))[::-1]
    stop = _stopwords()
    best = 0
    a = _index(lower, False, 0)
    while a < n:
        b = _index(lower, True, a)
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
        a = _index(lower, False, b)
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
    # Each distinct token looked at once: a menu repeats its items.
    numbers = _count_in(part, frozenset(t for t in set(part) if any(c.isdigit() for c in t)))
    commas = sum(map(str.endswith, part, itertools.repeat(",")))
    return numbers * 5 <= len(part) and commas * 10 <= len(part)


def _word(tok: str) -> str:
    return tok.strip("\"'‘’“”«»()[]{}¿¡.,;:!?")


def _headline_cuts(piece: list[str], classes: _Classes) -> list[int]:
    """Positions of the capitalised words that follow a lower-case one (not after a comma)."""
    lower = map(classes.lower.__contains__, piece)
    upper = map(classes.upper.__contains__, itertools.islice(piece, 1, None))
    # Candidates found in C; the comma test only for them.
    turns = itertools.compress(itertools.count(1), map(operator.and_, lower, upper))
    return [i for i in turns if not piece[i - 1].endswith((",", ";", ":"))]


def _split_unpunctuated(
    piece: list[str], classes: _Classes, *, chunk_menus: bool = True
) -> list[list[str]]:
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
        cuts = [0, *_headline_cuts(piece, classes), len(piece)]
        parts = [piece[a:b] for a, b in itertools.pairwise(cuts)]
    if not chunk_menus:
        return parts
    out: list[list[str]] = []
    for part in parts:
        for sub in _cut_menu_runs(part, classes.lower):
            if (
                len(sub) > UNPUNCTUATED_MAX_WORDS
                and _count_in(sub, classes.lower) * 5 < len(sub) * 2
                and _menu_like(sub)
            ):
                out.extend(
                    sub[i : i + MENU_CHUNK_WORDS] for i in range(0, len(sub), MENU_CHUNK_WORDS)
                )
            else:
                out.append(sub)
    return out


def _cut_menu_runs(part: list[str], lower: frozenset[str]) -> list[list[str]]:
    """Cut ``part`` before each headline or sentence start that follows a menu run."""
    tails: list[list[str]] = []
    # A part holds one run of capitalised words, or a few (after a comma, a dash): a few cuts.
    for _ in range(MAX_MENU_CUTS):
        start = _sentence_start(part, lower)
        if not start:
            break
        tails.append(part[start:])
        part = part[:start]
    return [part, *reversed(tails)]
