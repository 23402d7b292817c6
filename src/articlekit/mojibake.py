r"""Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1, put back.

"Investor’s" saved as UTF-8 and read back as Windows-1252 is "Investorâ€™s"; "Mäscot" is
"MÃ¤scot"; "Русский" is "Ð\xa0ÑƒÑ\x81Ñ\x81ÐºÐ¸Ð¹". A scraper that decoded a page with the
wrong charset hands such text on, and so do pages whose own server did it (2 % of the HTML
dev pages hold some). Each garbled character is a run of two to four characters whose
Windows-1252 (else Latin-1) bytes are one UTF-8 character; :func:`repair` decodes them back.

What it changes, and what it leaves (ftfy does the same with a finer "badness" measure; this
is the part that needs no guessing):

- a run is repaired only as a whole: a stretch of non-ASCII characters between ASCII ones
  (or the text's ends) that is nothing but such sequences. Text in a legacy Chinese encoding
  read as Latin-1 holds a few sequences that happen to be UTF-8; its runs are not all made of
  them, and it stays as it is;
- a two-character sequence starts with one of the letters UTF-8's lead bytes of Latin,
  Greek, Cyrillic and Arabic text read as: ``Â Ã Ä Å Î Ï Ð Ñ Ø Ù``; ``È`` only before the
  marks of Romanian ``ș ț``, ``Æ`` and ``Ë`` only where they stand for Windows-1252's own
  ``ƒ ˆ ˜`` (text garbled twice). Other letters before a symbol are legitimate:
  "NESCAFÉ®", "Rosa × medioccidentis", "‘ß’";
- a capital alone before a soft hyphen is hyphenation ("Ä\u00adgypten"), except ``Â`` and
  ``Ã`` (``"Ã\u00ad"`` is "í"); inside a longer run it is a letter ("Î\u00ad" is "έ");
- a three-character sequence led by an accented letter other than ``â`` and ``ï`` never
  holds a no-break space, a guillemet, a quotation mark or an ellipsis: French prints
  "épuisé\u00a0»", which reads as one CJK character;
- a sequence that decodes to a control, private-use or unassigned character stays (the
  invisible format characters a page uses, such as the zero-width joiner, are repaired);
- text garbled twice ("Ã¢â‚¬â„¢") is repaired twice, three rounds at most.

Every step is a regular-expression pass: time is linear in the text's length. A page that
holds no candidate at all (nearly every page) is told apart by one search of its UTF-8
bytes when those are at hand.

Example:
    >>> fixed = repair("A DIY Investorâ€™s Guide, by JÃ¼rgen")
    >>> fixed.text, fixed.count, fixed.examples
    ('A DIY Investor’s Guide, by Jürgen', 2, ('â€™ → ’', 'Ã¼ → ü'))
    >>> repair("NESCAFÉ® Classic, Straße, « épuisé\u00a0»").count
    0
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

__all__ = ["Repair", "fix_mojibake", "repair"]

#: The characters Windows-1252 gives bytes 0x80-0x9F; with U+0080-U+00BF (Latin-1's reading
#: of those bytes and Windows-1252's of 0xA0-0xBF) they are what a UTF-8 continuation byte
#: reads as.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CONTINUATION = "[\u0080-\u00bf" + _CP1252_HIGH + "]"
_SEQUENCE = (
    "(?:[ÂÃÄÅÆÈËÎÏÐÑØÙ]"
    + _CONTINUATION
    + "|[\u00e0-\u00ef]"
    + _CONTINUATION
    + "{2}|[\u00f0-\u00f4]"
    + _CONTINUATION
    + "{3})"
)
_RUN = re.compile(_SEQUENCE + "+")

#: The same pair in the text's UTF-8 bytes: a lead (U+00C0-U+00F4: C3 80-B4) followed by a
#: continuation (U+0080-U+00BF: C2 80-BF; Windows-1252's letters and marks Œ œ Š š Ÿ Ž ž ƒ
#: ˆ ˜: C5, C6, CB; its punctuation, € and ™: E2). A regular expression over bytes runs
#: many times faster than one over a ``str`` of wide characters: the runs are looked for
#: where it matches, and a text without a match has nothing to repair.
_CANDIDATE_BYTES = re.compile(
    rb"\xc3[\x80-\xb4](?:\xc2[\x80-\xbf]|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92"
    rb"|\xcb[\x86\x9c]|\xe2\x80[\x93\x94\x98-\x9a\x9c-\x9e\xa0-\xa2\xa6\xb0\xb9\xba]"
    rb"|\xe2\x82\xac|\xe2\x84\xa2)"
)
_CANDIDATE = re.compile("[\u00c0-\u00f4]" + _CONTINUATION)

#: What a three-character sequence led by an accented letter never holds: French puts a
#: no-break space before its closing guillemet, and "é\u00a0»" is one CJK character's bytes.
_PUNCTUATION = "\u00a0«»‘’“”„‚‹›…"

#: Invisible characters a page means (no-break space, soft hyphen, zero-width space and
#: joiners, word joiner, byte-order mark, line separator): repaired though their category is C.
_FORMAT = frozenset("\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028")

#: Windows-1252's characters for bytes 0x80-0x9F as those code points (the rest of a
#: sequence's characters are Latin-1's own): with it, ``.encode("latin-1")`` gives the bytes.
_TO_LATIN1 = str.maketrans({c: chr(c.encode("cp1252")[0]) for c in _CP1252_HIGH})

#: The leads with a rule of their own (see :func:`_ruled_out`), and their sequences.
_RULED = re.compile("[ÆÈË\u00e0-\u00e1\u00e3-\u00ee]")
_RULED_SEQUENCE = re.compile(
    "[ÆÈË]" + _CONTINUATION + "|[\u00e0-\u00e1\u00e3-\u00ee]" + _CONTINUATION + "{2}"
)

#: Characters no text means: controls, private use, unassigned, surrogates, and the format
#: characters but the invisible ones pages use (:data:`_FORMAT`).
_OTHER = regex.compile(r"[\p{C}--[" + "".join(sorted(_FORMAT)) + "]]", regex.V1)

#: The marks ``È`` goes before in Romanian's "ș" and "ț" (and their capitals).
_ROMANIAN = frozenset("˜™š›")

#: Rounds of decoding a run at most: text garbled twice needs two.
ROUNDS = 3

#: At most this many distinct repairs are named in :attr:`Repair.examples`.
MAX_EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class Repair:
    r"""Text with its mojibake decoded, and what was repaired.

    Attributes:
        text: The repaired text (the input itself when nothing was repaired).
        count: How many characters the repaired runs stand for.
        first: Where the first repaired run started in the input (0 when none was).
        examples: The first distinct runs repaired, as ``"â€™ → ’"``, at most five; the
            characters that print as nothing are escaped (``"Â\xa0 → \xa0"``).
    """

    text: str
    count: int = 0
    first: int = 0
    examples: tuple[str, ...] = ()


def _visible(text: str) -> str:
    r"""``text`` with the characters that print as nothing escaped (``"â\x80\x99"``)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _ruled_out(sequence: str) -> bool:
    """Whether a sequence of a lead with a rule of its own stands for no character."""
    lead, rest = sequence[0], sequence[1:]
    if len(sequence) == 2:
        if lead == "È":
            return rest not in _ROMANIAN
        # Æ and Ë stand for Windows-1252's own letters only: text garbled twice.
        return _byte_string(sequence).decode("utf-8", "replace") not in _CP1252_HIGH
    return any(c in _PUNCTUATION for c in rest)


def _byte_string(text: str) -> bytes:
    """The bytes ``text`` was read from: Windows-1252's, else Latin-1's (U+0081, U+008D...)."""
    return text.translate(_TO_LATIN1).encode("latin-1")


def _decoded_run(run: str) -> str | None:
    """A run's sequences decoded, None when any of them stands for no character."""
    if len(run) == 2 and run[1] == "\u00ad" and run[0] not in "ÂÃ":
        return None  # a capital alone before a soft hyphen: hyphenation ("Ä\u00adgypten")
    try:
        decoded = _byte_string(run).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _RULED.search(run) and any(_ruled_out(s) for s in _RULED_SEQUENCE.findall(run)):
        return None
    return decoded


def _repaired(run: str) -> str | None:
    r"""What a run of garbled sequences stands for, None when it stands for nothing.

    Text garbled twice decodes to another run, which is decoded again: the closing quote
    "Ã¢â‚¬Â\x9d" is "â€" and a C1 control after one round, "”" after two. The deepest
    round whose result holds no control, private-use or unassigned character (but the
    invisible ones pages mean) is the answer: "Â–" (a C1 control after one more round)
    stays "Â–".
    """
    text, best = run, None
    for _ in range(ROUNDS):
        decoded = _decoded_run(text)
        if decoded is None:
            break
        text = decoded
        if not _OTHER.search(text):
            best = text
        if not _RUN.fullmatch(text):
            break
    return best


def _runs(text: str, encoded: bytes | None) -> Iterator[re.Match[str]]:
    """``_RUN.finditer(text)``, many times faster.

    A run starts where a lead is followed by a continuation: the pair is looked for in the
    UTF-8 bytes when they are at hand (else in the text, still faster than the run's
    pattern, an alternation tried at every position), and the run's pattern only there.
    """
    if encoded is None:
        pos = 0
        while candidate := _CANDIDATE.search(text, pos):
            run = _RUN.match(text, candidate.start())
            if run is None:
                pos = candidate.start() + 1
                continue
            yield run
            pos = run.end()
        return
    # The candidates' byte offsets, turned into the text's by decoding the bytes between
    # them (each byte once: linear); a match starts at a lead, a character's first byte.
    char, byte, taken = 0, 0, 0
    for pair in _CANDIDATE_BYTES.finditer(encoded):
        start = pair.start()
        if start < taken:
            continue  # inside the run just found
        char += len(encoded[byte:start].decode("utf-8"))
        byte = start
        run = _RUN.match(text, char)
        if run is not None:
            yield run
            taken = start + len(run.group().encode("utf-8"))


def repair(text: str, encoded: bytes | None = None) -> Repair:
    r"""``text`` with its mojibake decoded back (see the module's docstring for the rules).

    Args:
        text: Any text.
        encoded: ``text`` in UTF-8, when the caller holds it: a faster test for the text
            that has nothing to repair.

    Returns:
        The :class:`Repair`; its ``text`` is ``text`` itself when nothing was repaired.

    Example:
        >>> r = repair("Ð\xa0ÑƒÑ\x81Ñ\x81ÐºÐ¸Ð¹ and Ã¢â‚¬Å“twiceÃ¢â‚¬Â\x9d")
        >>> r.text, r.count, r.examples[1]
        ('Русский and “twice”', 9, 'Ã¢â‚¬Å“ → “')
    """
    if text.isascii():
        return Repair(text)
    parts: list[str] = []
    examples: list[str] = []
    count, first, last = 0, -1, 0
    for match in _runs(text, encoded):
        start, end = match.span()
        # The run must be all of its stretch of non-ASCII characters.
        if (start and not text[start - 1].isascii()) or (
            end < len(text) and not text[end].isascii()
        ):
            continue
        fixed = _repaired(match.group())
        if fixed is None:
            continue
        parts += (text[last:start], fixed)
        last = end
        count += len(fixed)
        if first < 0:
            first = start
        example = f"{_visible(match.group())} → {_visible(fixed)}"
        if len(examples) < MAX_EXAMPLES and example not in examples:
            examples.append(example)
    if not count:
        return Repair(text)
    parts.append(text[last:])
    return Repair("".join(parts), count, first, tuple(examples))


def fix_mojibake(text: str) -> str:
    """``text`` with its mojibake decoded back: :func:`repair`'s text, as a ``str -> str`` step.

    :func:`articlekit.clean_text` and :func:`articlekit.clean_html` do this themselves (and
    record it in ``Article.removed``, reason ``mojibake``).

    Args:
        text: Any text.

    Returns:
        The repaired text.

    Example:
        >>> fix_mojibake("cafÃ© crÃ¨me, 5 Â£")
        'café crème, 5 £'
    """
    return repair(text).text
