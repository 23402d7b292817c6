"""Ad labels and ad markup: lines that only announce an ad, tags and scripts left as text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import regex

from articlekit.cleaners._common import lexicon_of, may_start_with
from articlekit.cleaners.base import BlockRemover
from articlekit.draft import Draft
from articlekit.features import more_words_than

__all__ = ["RemoveAdLabels", "RemoveMarkup"]


class RemoveAdLabels(BlockRemover):
    """Drops blocks that consist of nothing but an ad label.

    Only whole blocks go: a sentence that mentions an advertisement is text. A short note in
    parentheses or brackets after the label ("Advertisement (scroll to read)", "Anzeige
    [Werbung]": five words at most) is the label's own.

    Reason codes: ``ad_label``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Advertisement", "The advertisement ran for a week.", "ANZEIGE",
        ...                       "Advertisement (scroll to read)"])
        >>> [b.text for b in RemoveAdLabels()(d).blocks]
        ['The advertisement ran for a week.']
    """

    name: ClassVar[str] = "remove_ad_labels"
    reasons: ClassVar[tuple[str, ...]] = ("ad_label",)
    local: ClassVar[bool] = True  # judges the block alone: see BlockRemover

    def candidates(self, draft: Draft) -> Sequence[int]:
        """The blocks that start as an ad-label phrase does (the others are none)."""
        return may_start_with(draft, "ad_label")

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``ad_label`` when the whole block is an ad-label phrase, maybe with a note."""
        text = draft.blocks[pos].text
        if more_words_than(text, 8):
            return None
        lex = lexicon_of(draft)
        if lex.is_phrase("ad_label", text):
            return "ad_label"
        # "Advertisement (scroll to read)", "Anzeige [Werbung]": the label and a note on it.
        note = _NOTE.search(text)
        if note is not None and lex.is_phrase("ad_label", text[: note.start()]):
            return "ad_label"
        return None


#: A short note in parentheses or brackets at the end of a block: at most five words.
_NOTE = regex.compile(r"\s*[(\[]\s*[^()\[\]\s]+(?:\s+[^()\[\]\s]+){0,4}\s*[)\]]\s*$", regex.V1)


#: An HTML tag, a comment mark or a script statement left in the text by a scraper. Ad
#: servers' tags carry click-tracking URLs of 500 to 1,000 characters, so a tag's attributes may
#: run to 3,000 characters (a bound of 300 left such ad calls in the text, and a page's one
#: long ad line could then pass for its article). Time stays linear: an attempt stops at the
#: next "<" or ">".
_TAG = regex.compile(r"</?(?P<name>[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]{0,3000})?/?>|<!--|-->", regex.V1)
#: The element names a page's leftover markup is written in: HTML's, old and new. Another name
#: in angle brackets is a placeholder or an XML sample in the article ("git clone <repo url>",
#: "Press <ESCAPE>", "<TargetFrameworks>"), not markup a scraper left.
_HTML_TAGS = """
a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound
big blink blockquote body br button canvas caption center cite code col colgroup data
datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure
font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
ilayer img input ins isindex kbd keygen label layer legend li link listing main map mark
marquee menu menuitem meta meter nav nobr noembed noframes nolayer noscript object ol
optgroup option output p param picture plaintext pre progress q rb rp rt rtc ruby s samp
script search section select slot small source spacer span strike strong style sub
summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u
ul var video wbr xmp
"""
_HTML_TAG_NAMES = frozenset(_HTML_TAGS.split())
_SCRIPT = regex.compile(
    r"\b(?:document\.\w+|window\.\w+|function\s*\(|var\s+\w+\s*=|getElementById|\w+\.style\.\w+)",
    regex.V1,
)
#: What every match of _TAG or _SCRIPT holds (a tag or comment mark: "<" or ">"; a
#: statement: "document.", "window.", "function", "var", "getElementById" or ".style."): a
#: block with none of them is not searched.
_MARKUP_SIGNS = ("<", ">", "document.", "window.", "function", "var", "getElementById", ".style.")


def _may_hold_markup(text: str) -> bool:
    # Spelled out rather than any() over _MARKUP_SIGNS: this runs for every block. A sign
    # of a statement is a literal part of each _SCRIPT alternative: most prose holds a "."
    # and a "(", and searching every paragraph for statements cost more than the rest of
    # the cleaner.
    return (
        "<" in text
        or ">" in text
        or "var" in text
        or "function" in text
        or "document." in text
        or "window." in text
        or ".style." in text
        or "getElementById" in text
    )


#: A block is markup when tags and script statements make up this share of its characters
#: (a script statement counts as ten).
MARKUP_SHARE = 0.2


class RemoveMarkup(BlockRemover):
    """Drops blocks that are leftover markup: ad tags, script code, HTML a scraper kept as text.

    Old pages and careless scrapers leave ``<SCRIPT SRC=...>`` ad calls, ``<a href=...>``
    banners and ``document.write(...)`` lines in the text. A block goes when HTML tags (HTML's
    element names, old and new, and comment marks) and script statements make up
    :data:`MARKUP_SHARE` of it; a code block (``kind="code"``, an article's own sample) stays,
    and so do a sentence that names a tag in passing and a line whose angle brackets hold a
    placeholder or XML ("git clone <repo url>", "<TargetFrameworks>").

    Measured on the dev pages' whole-page text: l3s-gn1 F1 +0.0055, wcxb-dev +0.0004.

    Reason codes: ``markup``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(['<SCRIPT SRC="http://ad.example.net/adj/n1.js"></SCRIPT>',
        ...                       "Use the <b> tag for bold text, the guide says."])
        >>> [r.reason for r in RemoveMarkup()(d).removed]
        ['markup']
    """

    name: ClassVar[str] = "remove_markup"
    reasons: ClassVar[tuple[str, ...]] = ("markup",)
    local: ClassVar[bool] = True  # judges the block alone: see BlockRemover

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``markup`` for a block that is mostly tags or script statements."""
        block = draft.blocks[pos]
        text = block.text
        if block.kind == "code" or not _may_hold_markup(text):
            return None
        tags = [
            m.group(0)
            for m in _TAG.finditer(text)
            if m.group("name") is None or m.group("name").casefold() in _HTML_TAG_NAMES
        ]
        statements = _SCRIPT.findall(text)
        if not tags and not statements:
            return None
        share = (sum(len(t) for t in tags) + 10 * len(statements)) / len(text)
        return "markup" if share >= MARKUP_SHARE else None
