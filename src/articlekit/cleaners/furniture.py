"""Page furniture: section labels, source credits, kicker labels, separators, subheadings."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, ClassVar

import regex

from articlekit import lexicon
from articlekit._memo import memo_table
from articlekit.bylines import looks_like_name, natural_case
from articlekit.cleaners._common import (
    credits_someone,
    lexicon_of,
    may_start_with,
    rest_after_label,
)
from articlekit.cleaners.base import BaseCleaner, BlockRemover, Extractor, Remover, Trimmer
from articlekit.draft import Draft
from articlekit.features import (
    ends_sentence,
    first_content,
    first_prose,
    folded_words,
    has_digit,
    has_letters,
    is_headline_like,
    is_prose,
    more_words_than,
    word_count,
)
from articlekit.regions import article_core

__all__ = [
    "ExtractSourceCredit",
    "MarkHeadings",
    "RemoveCaptionCredits",
    "RemoveDuplicateBlocks",
    "RemoveOrphanHeadings",
    "RemoveSectionLabel",
    "RemoveSeparators",
    "TrimKickers",
]

#: A breadcrumb's separators ("News › World › Europe"). Not a pipe: parts split by pipes at
#: the top of a page's text are its <title> ("Healthy Eating Tips | Nutrition | CDC"), whose
#: short parts read as section names would take the title for a label over the next line.
_BREADCRUMB = regex.compile(r"\s+[>›»/]\s+|\s*[>›»]\s*", regex.V1)


def _section_name(text: str) -> str:
    # "News | World" stays one item (pipes split a page's title, not a breadcrumb), and its
    # last part is the section, as the last item of "News › World" is.
    parts = [p for p in text.split("|") if p.strip(" :")]
    return natural_case((parts[-1] if parts else text).strip(" :|"))


class RemoveSectionLabel(Extractor):
    """Takes the section label printed above the headline ("World", "Politics › Europe").

    Only the first block with a letter in it can be one: one to three words (or a breadcrumb
    of such items, split at ``›``, ``»``, ``>`` or ``/``: a line split at pipes is a page's
    title, "Headline | Site"), no sentence punctuation, no digits, each item capitalised, with a
    headline-shaped line of four words or more right below it. The label (the last breadcrumb
    item) becomes ``section``.

    Reason codes: ``section_label``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = RemoveSectionLabel()(Draft.from_texts(
        ...     ["World", "Zelenskyy announces progress in prisoner swap talks", "Text."]))
        >>> d.section, [r.reason for r in d.removed]
        ('World', ['section_label'])
    """

    name: ClassVar[str] = "remove_section_label"
    reasons: ClassVar[tuple[str, ...]] = ("section_label",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Check the first block."""
        first = first_content(draft.blocks)
        following_pos = None if first is None else first_content(draft.blocks, first + 1)
        if first is None or following_pos is None:
            return {}, {}
        if draft.blocks[first].kind not in ("paragraph", "other"):
            return {}, {}  # an HTML heading or list item is the article's own
        text = draft.blocks[first].text.strip()
        items = [i for i in _BREADCRUMB.split(text) if i.strip()]
        if not 1 <= len(items) <= 5 or any(more_words_than(i, 3) for i in items):
            return {}, {}
        if has_digit(text) or ends_sentence(text) or not has_letters(text):
            return {}, {}
        if not all(i.strip()[0].isupper() for i in items):
            return {}, {}
        # A label stands above a headline: without one below it, a short first line may be
        # the title itself or a leftover, and a second cleaning would judge it differently.
        # A section the lexicon names ("Europe", "Markets") is a label over any headline,
        # a short one too ("Packing Tips Guide").
        following = draft.blocks[following_pos].text
        lex = lexicon_of(draft)
        known = len(items) == 1 and lex.is_phrase("section", text)
        if not (is_headline_like(following) and (known or word_count(following) >= 4)):
            return {}, {}
        if draft.title is None and not draft.hints.title and credits_someone(draft, following):
            # "Story by Jane Doe" under the first line of a text without a known title: that
            # line is the headline, no label. (A page whose metadata names its headline may
            # print a label over the byline: the headline is not among the blocks.)
            return {}, {}
        fields = {} if draft.section else {"section": _section_name(items[-1])}
        return {first: "section_label"}, fields


_PARENS = regex.compile(r"^\s*[(\[](.*)[)\]]\s*\.?\s*$", regex.V1)
_ACRONYM = regex.compile(r"^[\p{Lu}\d&]{2,10}$", regex.V1)


def canonical_outlet(name: str) -> str | None:
    """Return the canonical name of an outlet, or None if ``name`` does not look like one.

    Example:
        >>> canonical_outlet("ALJAZEERA"), canonical_outlet("BBC"), canonical_outlet("the end")
        ('Al Jazeera', 'BBC', None)
    """
    name = name.strip(" .:;,")
    known = lexicon.known_outlet(name)
    if known:
        return known
    if _ACRONYM.match(name):
        return name
    if name.islower():
        return None
    cased = natural_case(name)
    return cased if looks_like_name(cased) else None


class ExtractSourceCredit(Extractor):
    """Takes a credit line naming the original outlet ("Credited from: ALJAZEERA").

    The line is a credit label, an optional separator and an outlet name (at most six words),
    optionally in brackets ("(With inputs from PTI)"). The outlet's canonical name (from a
    table of well-known outlets, else the name in natural case) becomes ``source``.

    Reason codes: ``source_credit``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = ExtractSourceCredit()(Draft.from_texts(["Credited from: ALJAZEERA", "Text."]))
        >>> d.source
        'Al Jazeera'
    """

    name: ClassVar[str] = "extract_source_credit"
    reasons: ClassVar[tuple[str, ...]] = ("source_credit",)

    def extract(self, draft: Draft) -> tuple[dict[int, str], dict[str, Any]]:
        """Find credit lines."""
        lex = lexicon_of(draft)
        found: dict[int, str] = {}
        fields: dict[str, Any] = {}
        # A credit line starts with a credit label, or with a bracket around one.
        starts = frozenset(may_start_with(draft, "source_credit"))
        for pos, block in enumerate(draft.blocks):
            text = block.text
            if pos not in starts and text.lstrip()[:1] not in ("(", "["):
                continue
            if more_words_than(text, 10):
                continue
            m = _PARENS.match(text)
            inner = m.group(1) if m else text
            outlet = self._outlet(lex, inner)
            if outlet is None:
                continue
            found[pos] = "source_credit"
            if draft.source is None and "source" not in fields:
                fields["source"] = outlet
        return found, fields

    @staticmethod
    def _outlet(lex: lexicon.Lexicon, text: str) -> str | None:
        phrase = lex.starts_with("source_credit", text)
        if phrase is None:
            return None
        rest = rest_after_label(lex, "source_credit", text)
        if rest is None:
            # No separator: only multi-word labels ("credited from", "with inputs from") may
            # run straight into the name; "Source Reuters" or "From Kyiv" may not.
            if " " not in phrase:
                return None
            rest = lexicon.match_key(text)[len(phrase) :]
        if not rest.strip() or more_words_than(rest, 6):
            return None
        # Recover the original casing of the outlet name from the end of the line.
        original = text.strip()[-len(rest.strip()) :] if rest.strip() else ""
        return canonical_outlet(original)


_KICKER_PREFIX = regex.compile(
    r"^(?P<label>[^\n:|–—]{1,40}?)\s*(?:[:|–—]|\s-\s)\s*(?=\S)", regex.V1
)


def _may_have_separator(text: str) -> bool:
    """Whether ``text`` holds a character that can end a kicker label (see _KICKER_PREFIX)."""
    # Spelled out: this runs for every block above the first paragraph.
    return ":" in text or "|" in text or "–" in text or "—" in text or "-" in text


_SENTENCE_START = regex.compile(r"[\p{Pi}\p{Ps}\"'‘“«]*[\p{Lu}\p{Lt}\p{N}]", regex.V1)


class TrimKickers(Trimmer):
    """Cuts a kicker label off the start of a paragraph ("URGENT UPDATE: Ukraine is...").

    The label is one to four words before a colon, pipe or dash, every word a known kicker
    word ("breaking", "update", "exclusive"...), written in capitals or followed by a colon;
    the paragraph goes on with at least four words. The paragraph stays.

    Reason codes: ``kicker``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = TrimKickers()(Draft.from_texts(["BREAKING: Ukraine is working to free 1,200."]))
        >>> d.blocks[0].text, d.removed[0].text
        ('Ukraine is working to free 1,200.', 'BREAKING:')
    """

    name: ClassVar[str] = "trim_kickers"
    reasons: ClassVar[tuple[str, ...]] = ("kicker",)

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft."""
        # The first paragraph is found once, not once per block (quadratic on a page of
        # short lines without prose); only the blocks down to it are judged.
        top = self._top(draft)
        cuts: dict[int, tuple[int, int, str]] = {}
        for pos in range(min(top + 1, len(draft.blocks))):
            found = self._cut(draft, pos)
            if found is not None:
                cuts[pos] = found
        return draft.trim_many(cuts, cleaner=self.name) if cuts else draft

    def cut(self, draft: Draft, pos: int) -> tuple[int, int, str] | None:
        """Return the span of a kicker label at the block's start."""
        return self._cut(draft, pos) if pos <= self._top(draft) else None

    @staticmethod
    def _top(draft: Draft) -> int:
        # Kickers open the story: only blocks down to the first paragraph carry one ("Fact:"
        # or "Video:" further down are the article's own labels).
        top = first_prose(draft.blocks)
        return len(draft.blocks) if top is None else top

    @staticmethod
    def _cut(draft: Draft, pos: int) -> tuple[int, int, str] | None:
        text = draft.blocks[pos].text
        if not _may_have_separator(text):
            return None
        m = _KICKER_PREFIX.match(text)
        # What follows a kicker is a sentence: capitalised, four words or more.
        if (
            m is None
            or word_count(text[m.end() :]) < 4
            or not _SENTENCE_START.match(text[m.end() :])
        ):
            return None
        label = m.group("label").strip()
        n = word_count(label)
        if not 1 <= n <= 4:
            return None
        lex = lexicon_of(draft)
        kicker_words = lex.words("kicker")
        words = lexicon.match_key(label).split()
        # A label of signs only ("_", "#") has no word to be a kicker's: "_:0" is no kicker
        # "_" before a colon, and cutting there would split a word.
        if not words or not all(w in kicker_words for w in words):
            return None
        separator = text[m.start() + len(m.group("label")) : m.end()].strip()
        if not (label.isupper() or separator == ":"):
            return None
        end = text.index(separator, len(m.group("label"))) + len(separator)
        return 0, end, "kicker"


#: What a separator line is drawn with: dashes, rules, stars, bullets, bars, dots and the
#: box-drawing characters. A block of other signs only ("$$$" for a price range, "}" closing a
#: code sample, "[...]" marking a cut, "↓" in a diagram) is the article's, and stays.
_RULE_CHARS = frozenset("-‐‑‒–—―_=*•·●◦▪■□◆◇~|¦/\\#.…:+'\"`^<>«»")


def _is_rule_char(ch: str) -> bool:
    return ch in _RULE_CHARS or ch.isspace() or "\u2500" <= ch <= "\u257f"


class RemoveSeparators(Remover):
    """Drops separator lines at the edges of the text: no letter or digit, only rule signs.

    A separator ("***", "• |", "———", a box-drawing rule) between two blocks of the text is
    the story's own section break and stays; before the first block and after the last it
    separates nothing, and goes. The default pipeline runs it after
    :class:`~articlekit.cleaners.core.KeepArticleCore`: a rule line between the story and a
    comment form or a footer is the edge the article core's regions are drawn at.

    Reason codes: ``separator``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["***", "Text.", "* * *", "More text.", "———"])
        >>> [b.text for b in RemoveSeparators()(d).blocks]
        ['Text.', '* * *', 'More text.']
    """

    name: ClassVar[str] = "remove_separators"
    reasons: ClassVar[tuple[str, ...]] = ("separator",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``separator`` for the separators before the first and after the last block."""
        blocks = draft.blocks
        found: dict[int, str] = {}
        for pos in range(len(blocks)):
            if not _is_separator(blocks[pos].text):
                break
            found[pos] = "separator"
        for pos in reversed(range(len(blocks))):
            if pos in found or not _is_separator(blocks[pos].text):
                break
            found[pos] = "separator"
        return found


def _is_separator(text: str) -> bool:
    """Whether ``text`` is a separator line: no letter or digit, drawn with rule signs only.

    Example:
        >>> [_is_separator(t) for t in ["***", "• |", "├──┤", "$$$", "}", "Text."]]
        [True, True, True, False, False, False]
    """
    if text[:1].isalnum():  # most blocks: no need to look further
        return False
    if any(ch.isalnum() for ch in text):
        return False
    return all(_is_rule_char(ch) for ch in text)


#: A block this long printed again further down is a repeat, not a coincidence.
DUPLICATE_MIN_WORDS = 10


class RemoveDuplicateBlocks(Remover):
    """Drops the later copies of a block printed twice or more (same words, any case).

    Pages repeat boxes for their mobile and desktop layouts, pull quotes, and a "Work with us"
    footer per section; only one copy stays: the one inside the article's core (a story's
    lead printed as a teaser above it is the copy that goes; of several copies inside, the
    one prose follows), else the first. Blocks shorter than
    :data:`DUPLICATE_MIN_WORDS` words are left alone: "Read more" or a repeated subheading
    are other cleaners' business.

    Reason codes: ``duplicate_block``.

    Example:
        >>> from articlekit.draft import Draft
        >>> box = "Want to work with us? Call our team in Newark on weekdays between nine and five."
        >>> d = RemoveDuplicateBlocks()(Draft.from_texts([box, "The story.", box]))
        >>> [(r.block_index, r.reason) for r in d.removed]
        [(2, 'duplicate_block')]
    """

    name: ClassVar[str] = "remove_duplicate_blocks"
    reasons: ClassVar[tuple[str, ...]] = ("duplicate_block",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``duplicate_block`` for every copy but the one kept."""
        copies: dict[tuple[str, ...], list[int]] = {}
        for pos, block in enumerate(draft.blocks):
            if more_words_than(block.text, DUPLICATE_MIN_WORDS - 1):  # no count for short ones
                copies.setdefault(folded_words(block.text), []).append(pos)
        repeated = [positions for positions in copies.values() if len(positions) > 1]
        if not repeated:
            return {}
        # Whole-page text prints a story's first paragraph as its teaser above the story: the
        # copy inside the article's core is the one to keep, or the first when none is.
        blocks = draft.blocks
        # The core's prose leaves flattened menus out (regions' default test).
        start, end = article_core(
            blocks, title=draft.title or draft.hints.title, plain_text=draft.plain_text
        )
        found: dict[int, str] = {}
        for positions in repeated:
            inside = [p for p in positions if start <= p < end] or positions[:1]
            # The core can take in a teaser copy just above the story (a few short lines
            # between them cost less than the copy's words): the story's copy is the one the
            # story goes on after.
            keep = next(
                (p for p in inside if p + 1 < len(blocks) and is_prose(blocks[p + 1].text)),
                inside[0],
            )
            found.update((p, "duplicate_block") for p in positions if p != keep)
        return found


class MarkHeadings(BaseCleaner):
    """Marks in-article subheadings: short headline-shaped paragraphs with prose after them.

    Removes nothing; changes the block kind from "paragraph" to "heading".

    Reason codes: none.

    Example:
        >>> from articlekit.draft import Draft
        >>> para = "The Russian army claimed it had captured two villages in southern Ukraine."
        >>> d = MarkHeadings()(Draft.from_texts([para, "Hundreds of drones launched", para]))
        >>> [b.kind for b in d.blocks]
        ['paragraph', 'heading', 'paragraph']
    """

    name: ClassVar[str] = "mark_headings"
    reasons: ClassVar[tuple[str, ...]] = ()

    def __call__(self, draft: Draft) -> Draft:
        """Run the cleaner on ``draft`` and return the new draft."""
        blocks = list(draft.blocks)
        prose_after = [False] * (len(blocks) + 1)
        for pos in reversed(range(len(blocks))):
            prose_after[pos] = prose_after[pos + 1] or is_prose(blocks[pos].text)
        changed = False
        for pos, block in enumerate(blocks):
            if (
                block.kind == "paragraph"
                and prose_after[pos + 1]
                and is_headline_like(block.text, max_words=15)
            ):
                blocks[pos] = dataclasses.replace(block, kind="heading")
                changed = True
        return draft.replace(blocks=tuple(blocks)) if changed else draft


_COPYRIGHT = regex.compile(r"^\s*(?:©|\(c\)|copyright\b)", regex.V1 | regex.IGNORECASE)
#: A caption that ends in its credit: "©" and a few words, at the end of a short block.
_CREDIT_TAIL = regex.compile(r"(?<=[.!?)]\s*|^)©[^©.!?]*$", regex.V1)
#: Longest caption (in words, credit included) whose trailing credit marks it as a caption.
CAPTION_MAX_WORDS = 30


#: A figure's caption is at most this many words; a longer block is the article's prose.
FIGURE_CAPTION_MAX_WORDS = 60
#: After a figure label: its number ("3", "4a", "2.1"), then a separator and the caption.
_FIGURE_REST = regex.compile(r"^\s*(?:\d+[a-z]?(?:\.\d+)*\s*)?[:|\p{Pd}]\s*\w", regex.V1)


def _is_figure_caption(lex: lexicon.Lexicon, text: str) -> bool:
    """Whether ``text`` opens with a figure label, maybe numbered, and a separator."""
    if more_words_than(text, FIGURE_CAPTION_MAX_WORDS):
        return False
    label = lex.starts_with("figure_label", text)
    if label is None:
        return False
    return _FIGURE_REST.match(lexicon.match_key(text)[len(label) :]) is not None


class RemoveCaptionCredits(BlockRemover):
    """Drops photo credit lines ("Photo: Reuters", "Foto: dpa/Getty Images", "© AFP").

    The line is a credit label ("Photo", "Foto", "Bild", "Crédit", "©"...) with a separator
    (an abbreviation's dot counts: "Fot. Jan Kowal"), maybe in parentheses, and at most
    eight words after it: a caption that tells part of the story stays. A short caption that
    ends in its photo credit ("Ben Alt at the finish. © AFP / JAN KOWAL": agency and
    photographer, or any credit on an HTML caption) goes whole.

    A figure's caption goes too: a block of at most :data:`FIGURE_CAPTION_MAX_WORDS` words
    that opens with a figure label ("Figure 3:", "Abbildung 4:", "Abb.:", "Beitragsbild:",
    "Chart:"), the text printed under a figure or chart, not the article's own sentences
    about it. A photo's label ("Photo:", "Bild:") is no figure label: a caption that tells
    part of the story stays, as above.

    Reason codes: ``caption_credit``, ``figure_caption``.

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts(["Photo: Sergei Supinsky/AFP via Getty Images", "Text.",
        ...                       "Figure 2: Yields of the three test fields, 2019 to 2023."])
        >>> [r.reason for r in RemoveCaptionCredits()(d).removed]
        ['caption_credit', 'figure_caption']
    """

    name: ClassVar[str] = "remove_caption_credits"
    reasons: ClassVar[tuple[str, ...]] = ("caption_credit", "figure_caption")
    local: ClassVar[bool] = True  # judges the block alone: see BlockRemover

    def candidates(self, draft: Draft) -> Sequence[int]:
        """The blocks that may be a credit or a caption.

        Those that hold "©", open with a bracket (a credit in parentheses) or with the word
        a credit label, a figure label or "copyright" starts with: every other block is
        none of what the cleaner drops.
        """
        lex = lexicon_of(draft)
        leads = lex.lead_words("caption_credit") | lex.lead_words("figure_label")
        lead_of = memo_table(lexicon._lead_word)  # the lead words other cleaners read too
        return [
            pos
            for pos, block in enumerate(draft.blocks)
            if (lead := lead_of[block.text]) in leads
            or lead.startswith("copyright")
            or "©" in block.text
            or block.text.lstrip()[:1] == "("
        ]

    def judge(self, draft: Draft, pos: int) -> str | None:
        """Return ``caption_credit`` for a credit line, ``figure_caption`` for a caption."""
        if self._is_credit(draft, pos):
            return "caption_credit"
        if _is_figure_caption(lexicon_of(draft), draft.blocks[pos].text):
            return "figure_caption"
        return None

    @staticmethod
    def _is_credit(draft: Draft, pos: int) -> bool:
        """Whether the block is a photo credit line (see the class docstring)."""
        text = draft.blocks[pos].text
        # The pattern tries every position of the block: most blocks have no "©" at all.
        tail = _CREDIT_TAIL.search(text) if "©" in text else None
        if (
            tail
            and word_count(tail.group(0)) <= 6
            and not more_words_than(text, CAPTION_MAX_WORDS)
            # A photo credit names agency and photographer, or the block is a caption
            # (HTML): a short news paragraph may end in its wire credit ("... © dpa").
            and ("/" in tail.group(0) or draft.blocks[pos].kind == "caption")
        ):
            return True  # "Ski star Ann Lee in Wengen. © AFP / JOHN DOE"
        if more_words_than(text, 12):
            return False
        if text[:1] == "(" and text[-1:] == ")":
            text = text[1:-1]  # "(Credit: Ann Lee / Grist)"
        if _COPYRIGHT.match(text) and not more_words_than(text, 8):
            return True
        rest = rest_after_label(lexicon_of(draft), "caption_credit", text)
        return (
            rest is not None
            and bool(rest)
            and not more_words_than(rest, 8)
            and not ends_sentence(rest)
        )


class RemoveOrphanHeadings(Remover):
    """Drops headings at the end of the body that introduce nothing ("Related posts").

    A heading heads what follows it; when nothing but other headings follows, the text it
    introduced (a teaser list, a comment form) is gone and the heading is left over. Only
    blocks the reader marked as headings (HTML) are judged.

    Reason codes: ``orphan_heading``.

    Example:
        >>> from articlekit.draft import Draft, DraftBlock
        >>> p = DraftBlock(0, "A paragraph of the article, long enough to be its text.")
        >>> h = DraftBlock(1, "Recommended for you", kind="heading")
        >>> [r.text for r in RemoveOrphanHeadings()(Draft(blocks=(p, h))).removed]
        ['Recommended for you']
    """

    name: ClassVar[str] = "remove_orphan_headings"
    reasons: ClassVar[tuple[str, ...]] = ("orphan_heading",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Find the trailing run of headings."""
        found: dict[int, str] = {}
        for pos in reversed(range(len(draft.blocks))):
            if draft.blocks[pos].kind != "heading":
                break
            found[pos] = "orphan_heading"
        # A body of headings only is not "trailing" anything: keep it.
        return {} if len(found) == len(draft.blocks) else found
