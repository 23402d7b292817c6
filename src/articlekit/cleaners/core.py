"""The article in whole-page text: its runs of prose, and what the page put around them.

Plain text a scraper kept of a whole page holds the menus, teaser lists, footers and comment
threads around the story. Whatever the other cleaners did not recognise by its wording, the
article is still a contiguous stretch of dense prose runs, which fitted models pick among the
page's (see :func:`~articlekit.regions.article_core`): what stands outside it goes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import ClassVar

import regex

from articlekit.cleaners._common import as_core, lexicon_of, rest_after_label
from articlekit.cleaners.base import Remover
from articlekit.cleaners.headlines import RemoveHeadlineLists
from articlekit.draft import Draft, DraftBlock
from articlekit.features import (
    content_stems,
    ends_sentence,
    folded_words,
    is_story_prose,
    is_teaser,
    more_words_than,
    sentence_count,
    word_count,
)
from articlekit.regions import scored_core

__all__ = ["KeepArticleCore", "RemoveFooter"]

#: A block right next to the core that reads as a sentence of this many words or more is the
#: article's too (a one-line lead, a short closing line).
NEIGHBOUR_MIN_WORDS = 3


def _plain_text_core(draft: Draft) -> tuple[int, int] | None:
    """The article's core in text no extractor chose (see :class:`KeepArticleCore`), or None.

    None for HTML (trafilatura chose the content: ``hints.extra["extractor"]`` is set) and for
    text without any prose block.
    """
    core = _scored_plain_text_core(draft)
    return None if core is None else core[:2]


def _scored_plain_text_core(draft: Draft) -> tuple[int, int, dict[int, float]] | None:
    """:func:`_plain_text_core` with the region models' score of each block they weighed."""
    if not draft.plain_text:
        return None
    title = draft.title or draft.hints.title
    start, end, scores = scored_core(draft.blocks, title=title, plain_text=True)
    return None if start == end else (start, end, scores)


def _sentence(block: DraftBlock) -> bool:
    return word_count(block.text) >= NEIGHBOUR_MIN_WORDS and ends_sentence(block.text)


#: The core's last blocks whose content words are at most this share words of the core's
#: first half are another story's summary the core ran on into...
DRIFT_MAX_OVERLAP = 0.1
#: ...when they are this short (a summary, not a section of the article)...
DRIFT_MAX_WORDS = 80
#: ...and the core keeps at least this many blocks. One such block alone is the article's
#: own last word (a new point, a contact line); other stories' summaries come in runs of at
#: least this many.
DRIFT_MIN_BLOCKS = 3
DRIFT_MIN_RUN = 2


def _without_drift(blocks: tuple[DraftBlock, ...], start: int, end: int) -> int:
    """The core's end without the other stories' summaries it ran on into.

    Summaries of other stories below the article are prose too, so the densest run goes on
    through them; their words are not the story's. Measured on the dev pages' whole-page text
    (main-text F1): l3s-gn1 0.914 -> 0.918, wcxb-dev 0.902 -> 0.903, trafilatura-eval
    snippet F 0.845 -> 0.846; trimming the core's start the same way: no gain.
    """
    texts = [blocks[p].text for p in range(start, end)]
    total = sum(word_count(t) for t in texts)
    vocabulary: set[str] = set()
    seen = 0
    for text in texts:
        vocabulary |= content_stems(text)
        seen += word_count(text)
        if 2 * seen >= total:
            break
    while end - start > DRIFT_MIN_BLOCKS:
        text = blocks[end - 1].text
        stems = content_stems(text)
        if more_words_than(text, DRIFT_MAX_WORDS) or not stems:
            break
        if len(stems & vocabulary) > DRIFT_MAX_OVERLAP * len(stems):
            break
        end -= 1
    return end


class KeepArticleCore(Remover):
    """Drops what stands outside the article's core in whole-page text.

    The core is the story's runs of prose blocks, as :func:`~articlekit.regions.article_core`
    picks them among the page's densest (inner subheadings and short paragraphs included; a
    flattened menu or index is not prose, see
    :func:`~articlekit.features.is_flattened_list`), widened by the headings right above it
    (when the reader marked them) and by one sentence-like block on each side: a one-line
    lead or closing line is the article's. Short blocks at the core's end that share (almost)
    no content word with its first half are other stories' summaries and stay out.
    Only for text whose content no extractor has chosen: on HTML input trafilatura did
    (``hints.extra["extractor"]`` is set) and its output is kept whole (measured: cutting it
    to the core costs wcxb-dev 0.016 F1). A text without any prose block is left as it is.

    Measured on the dev pages' whole-page text (``page_text``): main-text F1 0.781 -> 0.874
    on l3s-gn1, 0.845 -> 0.894 on wcxb-dev; snippet F 0.768 -> 0.833 on trafilatura-eval
    (without the flattened-list test: 0.856, 0.891, 0.827).

    A removed block of a run of prose that the region models weighed and left out carries
    their score (:attr:`~articlekit.article.Removal.score`: the probability that the run was
    the story's); the blocks no model weighed (short lines between the runs, the summaries
    the end test above takes off) carry None.

    Reason codes: ``outside_core``; ``headline_list_heading`` and ``headline_list`` for the
    blocks outside the core that :class:`~articlekit.cleaners.RemoveHeadlineLists` names a
    teaser list (it runs after this cleaner).

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "Negotiators met in Istanbul on Monday and agreed to resume the exchange of "
        >>> d = Draft.from_texts(["Home", "World", "Sport", p + "prisoners.", p + "bodies.",
        ...                       "Most read", "Ten things to do this weekend"])
        >>> [r.text for r in KeepArticleCore()(d).removed]
        ['Home', 'World', 'Sport', 'Most read', 'Ten things to do this weekend']
        >>> q = "Sign up to our newsletter for the best deals on garden furniture, every week."
        >>> d = Draft.from_texts([p + "prisoners.", p + "bodies.", "Share", "Tweet", "Email",
        ...                       "More", "Home", "Contact", "About", "Jobs", q])
        >>> [(r.text[:7], r.score and r.score < 0.1) for r in KeepArticleCore()(d).removed][-3:]
        [('About', None), ('Jobs', None), ('Sign up', True)]
    """

    name: ClassVar[str] = "keep_article_core"
    reasons: ClassVar[tuple[str, ...]] = (
        "outside_core",
        "headline_list_heading",
        "headline_list",
    )

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``outside_core`` for every block before or after the widened core."""
        return self.scored(draft)[0]

    def scored(self, draft: Draft) -> tuple[dict[int, str], dict[int, float]]:
        """:meth:`find`, with the region models' score of each removed block they weighed."""
        core = _scored_plain_text_core(draft)
        if core is None:
            return {}, {}
        blocks = draft.blocks
        start, end, scores = core
        core_end = end  # end moves below; the scores are of the models' core
        kept_end = _without_drift(blocks, start, end)
        while start > 0 and blocks[start - 1].kind == "heading":
            start -= 1
        if start > 0 and _sentence(blocks[start - 1]):
            start -= 1
        if end - kept_end >= DRIFT_MIN_RUN:
            end = kept_end  # what follows is other stories': no closing line to take
        elif end < len(blocks) and _sentence(blocks[end]):
            end += 1
        found = {pos: "outside_core" for pos in range(len(blocks)) if not start <= pos < end}
        # A teaser list outside the core is named as one: RemoveHeadlineLists runs after this
        # cleaner, and would otherwise never see the lists it used to name.
        found.update(_headline_lists_in(draft, found))
        # The blocks of the core that the end test took off were in a run the models took: a
        # rule removed them, so they carry no score; nor do the lists named by their rule.
        drift = range(kept_end, core_end)
        return found, {
            p: scores[p]
            for p, reason in found.items()
            if reason == "outside_core" and p in scores and p not in drift
        }

    def __call__(self, draft: Draft) -> Draft:
        """Cut the draft to its core, and leave the :data:`CORE_KEPT` hint on it.

        The cleaners after this one then know that what is left is the article's core: a
        core drawn again on it would be a smaller one inside, and what lies outside that
        (the article's own lists between its sections) is not outside the article. A draft
        with nothing outside its core comes back as it came, and a core drawn on it again
        is this one.
        """
        kept = super().__call__(draft)
        if kept is draft:
            return draft
        return as_core(kept)


#: A copyright notice is a line or two; a longer block that says "all rights reserved" is text.
LEGAL_MAX_WORDS = 60
#: A line opening with a copyright mark and a year is a notice when this short.
COPYRIGHT_LINE_MAX_WORDS = 15
_COPYRIGHT_LINE = regex.compile(
    r"^\W*(?:©|\(c\)|copyright\b).*\b(?:19|20)\d\d\b", regex.V1 | regex.IGNORECASE
)


def is_legal_notice(draft: Draft, text: str) -> bool:
    """Return whether ``text`` is a copyright or reproduction notice.

    A short block with a legal phrase ("All rights reserved", "Alle Rechte vorbehalten",
    "may not be published, broadcast, rewritten or redistributed"), or a short line that
    opens with a copyright mark and names a year ("© 2024 The Daily Planet").

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts([])
        >>> is_legal_notice(d, "Copyright 2024 The Daily Planet. All rights reserved.")
        True
        >>> is_legal_notice(d, "© 2024 The Daily Planet"), is_legal_notice(d, "© AFP")
        (True, False)
    """
    n = word_count(text)
    if n > LEGAL_MAX_WORDS:
        return False
    if n <= COPYRIGHT_LINE_MAX_WORDS and _COPYRIGHT_LINE.match(text):
        return True
    return lexicon_of(draft).contains("legal_notice", text) is not None


#: A share row ("Email | Print | Share", "Facebook Twitter WhatsApp") is at most this long...
SHARE_ROW_MAX_WORDS = 12
#: ...and names at least this many share buttons; or it is a lone button of at most this many
#: words.
SHARE_ROW_MIN_BUTTONS = 2
SHARE_BUTTON_MAX_WORDS = 2
_E_MAIL = regex.compile(r"\be-mail\b", regex.V1 | regex.IGNORECASE)


def is_share_row(draft: Draft, text: str) -> bool:
    """Return whether ``text`` is a row of share buttons ("E-mail | Print | Share").

    Example:
        >>> from articlekit.draft import Draft
        >>> d = Draft.from_texts([])
        >>> is_share_row(d, "E-mail this | Print | Share"), is_share_row(d, "Share this")
        (True, True)
        >>> is_share_row(d, "Share prices fell as traders sold their stakes.")
        False
        >>> is_share_row(d, "Email Marketing"), is_share_row(d, "Email | Print")
        (False, True)
    """
    # "e-mail" is one button but two words: a text longer than a row, even with each of them
    # counted once, is none (and most texts asked are the story's long lines).
    if more_words_than(text, SHARE_ROW_MAX_WORDS + text.casefold().count("e-mail")):
        return False
    tokens = folded_words(_E_MAIL.sub("email", text))
    if not tokens or len(tokens) > SHARE_ROW_MAX_WORDS:
        return False
    lex = lexicon_of(draft)
    buttons = lex.words("share_word")
    if len(tokens) <= SHARE_BUTTON_MAX_WORDS and buttons.intersection(tokens):
        # A lone button ("Share", "Teilen", "Share this") is share words and stop words only:
        # a list's item that starts with one ("Email Marketing", "Print Editions") is story.
        if not (buttons | lex.words("stopwords")).issuperset(tokens):
            return False
        return not ends_sentence(text)
    return len(buttons.intersection(tokens)) >= SHARE_ROW_MIN_BUTTONS


#: A comment form's opening line ("Leave a Reply", "Your email address will not be
#: published.") is at most this long.
COMMENT_FORM_MAX_WORDS = 16


#: A known list heading opens the page's list of other stories when this many teaser lines
#: follow it.
STORY_LIST_MIN_TEASERS = 2


def _opens_story_list(blocks: tuple[DraftBlock, ...], pos: int) -> bool:
    """Whether the list label at ``pos`` heads other stories' titles ("Recent Articles").

    A known list label (:func:`_is_list_label`; the caller tests it) followed by
    teaser-shaped lines: past the middle of the article's prose, that is where the page's own
    lists begin, even when their titles share the story's words (a site's other articles on
    the same subject), which :class:`~articlekit.cleaners.RemoveHeadlineLists` keeps.
    """
    following = blocks[pos + 1 : pos + 1 + STORY_LIST_MIN_TEASERS]
    return len(following) == STORY_LIST_MIN_TEASERS and all(_is_title(b.text) for b in following)


def _is_list_label(draft: Draft, text: str) -> bool:
    """A known list heading ("Related Stories", "Most Read") alone on its line."""
    return not more_words_than(text, 6) and lexicon_of(draft).is_phrase(
        "headline_list_heading", text
    )


def _is_title(text: str) -> bool:
    """A teaser line that ends no sentence: another story's headline."""
    return is_teaser(text) and not ends_sentence(text)


#: A teaser card's summary, under its headline, is a note of at most this many words...
CARD_SUMMARY_MAX_WORDS = 60
#: ...and this many sentences (the shape of an end-of-body promotion note, see
#: :mod:`articlekit.cleaners.promos`).
CARD_SUMMARY_MAX_SENTENCES = 3


def _is_card_summary(text: str) -> bool:
    return not more_words_than(text, CARD_SUMMARY_MAX_WORDS) and (
        sentence_count(text) <= CARD_SUMMARY_MAX_SENTENCES
    )


def _card_list(blocks: tuple[DraftBlock, ...], pos: int) -> dict[int, str]:
    """The list of teaser cards the list label at ``pos`` heads, with the headline-list codes.

    Other stories printed as cards, each a headline and a summary of a sentence or three
    ("Latest Headlines" / "Healthy Eating Plate" / "Use the plate as a guide..."), break the
    run of bare titles that :func:`_opens_story_list` reads, and their summaries are prose
    enough for the article's core to run on into them. A known list label opens such a list
    when a title, a summary and a title follow it; the list is the label and the titles that
    follow, each with the summary under it, up to the first block that is neither. Only the
    list goes, not what follows it: a "Related stories" box can stand inside the story, which
    goes on after it. The caller tests the label (:func:`_is_list_label`, printed once: a
    label printed more than once is each card's own link, "Read More" under every project of
    a roundup, not a list's heading).
    """
    cards = [b.text for b in blocks[pos + 1 : pos + 4]]
    if not (
        len(cards) == 3
        and _is_title(cards[0])
        and _is_card_summary(cards[1])
        and _is_title(cards[2])
    ):
        return {}
    found = {pos: "headline_list_heading"}
    at = pos + 1
    while at < len(blocks) and _is_title(blocks[at].text):
        found[at] = "headline_list"
        at += 1
        summary = blocks[at].text if at < len(blocks) else ""
        if summary and not _is_title(summary) and _is_card_summary(summary):
            found[at] = "headline_list"
            at += 1
    return found


#: Readers' comments and testimonials without a heading: at least this many texts in a row,
#: each followed by a line that is only its writer's name ("Mallory R.", "Jane Doe")...
SIGNED_MIN = 3
#: ...a name line being at most this many words.
SIGNATURE_MAX_WORDS = 4
_SIGNATURE = regex.compile(
    r"^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.))*$", regex.V1
)


_INITIAL = regex.compile(r"(?:^|\s)\p{Lu}\.(?:\s|$)", regex.V1)


def _is_signature(text: str) -> bool:
    """A line that is only a name with an initial ("Dawn H.", "A. Rae V. B.").

    The initial tells a reader's signature from a short heading: "Video Library" and "Jane
    Doe" have the same shape.
    """
    text = text.strip().strip("-—–~ ")
    if not 1 <= word_count(text) <= SIGNATURE_MAX_WORDS or not _SIGNATURE.match(text):
        return False
    return _INITIAL.search(text) is not None


def _opens_signed_run(blocks: tuple[DraftBlock, ...], pos: int) -> bool:
    """Whether ``pos`` starts a run of texts each signed by a name line (reviews, comments)."""
    for k in range(SIGNED_MIN):
        text, name = pos + 2 * k, pos + 2 * k + 1
        if name >= len(blocks) or _is_signature(blocks[text].text):
            return False
        if word_count(blocks[text].text) < NEIGHBOUR_MIN_WORDS:
            return False
        if not _is_signature(blocks[name].text):
            return False
    return True


#: A form's field label marked required ("First Name *", "Email *") is at most this long...
FIELD_MAX_WORDS = 4
#: ...and a form has at least this many of them within :data:`FORM_WINDOW` blocks.
FORM_MIN_FIELDS = 2
FORM_WINDOW = 6


def _is_required_field(text: str) -> bool:
    stripped = text.rstrip()
    # One asterisk marks a required field; a run of them is a value masked in a log or a
    # sample ("Authorization: ***", "Password: ****"), a story's own text.
    if not stripped.endswith("*") or stripped.endswith("**"):
        return False
    return 1 <= word_count(stripped) <= FIELD_MAX_WORDS


def _opens_form(blocks: tuple[DraftBlock, ...], pos: int) -> bool:
    """Whether ``pos`` starts a sign-up or contact form (its required fields: "Email *")."""
    if not _is_required_field(blocks[pos].text):
        return False
    window = blocks[pos : pos + FORM_WINDOW]
    return sum(1 for b in window if _is_required_field(b.text)) >= FORM_MIN_FIELDS


def _opens_author_box(draft: Draft, text: str) -> bool:
    """Whether ``text`` heads the author box ("About the author", "Über den Autor: ...")."""
    if more_words_than(text, AUTHOR_BOX_MAX_WORDS):
        return False
    rest = rest_after_label(lexicon_of(draft), "author_heading", text)
    return rest is not None


#: An author box's heading, or its first line ("About the author: Ann Lee is a reporter at
#: The Daily"), is at most this long.
AUTHOR_BOX_MAX_WORDS = 40


def _opens_comments(draft: Draft, text: str) -> bool:
    """Whether ``text`` opens a comment section or form ("Leave a Reply", "Comments are closed").

    Only phrases of two words or more: a one-word heading ("Discussion", "Comments") may be
    one of the article's own sections.
    """
    if more_words_than(text, COMMENT_FORM_MAX_WORDS):
        return False
    phrase = lexicon_of(draft).starts_with("comment_heading", text)
    return phrase is not None and " " in phrase


class RemoveFooter(Remover):
    """Drops what closes the article (a copyright notice, a share row) and the page after it.

    Whole-page text prints the story, then its copyright line ("Copyright 2024 AP. All
    rights reserved.", "© 2024 The Daily Planet") or its share buttons ("Email | Print |
    Share"), then the page: other stories with their summaries, comments, menus. Those
    summaries are prose, so the article's core (see :class:`KeepArticleCore`) may run on past
    the end; the notice or the share row says where the article ended. The first legal notice
    (see :func:`is_legal_notice`) or share row (see :func:`is_share_row`) inside or right
    after the core that has more of the core's prose before it than after it goes, with
    everything after it. Only for text whose content no extractor has chosen (as
    :class:`KeepArticleCore`). A list of other stories whose titles are not the story's gets
    the reason codes :class:`~articlekit.cleaners.RemoveHeadlineLists` gives it
    (``headline_list_heading``, ``headline_list``); one whose titles share the story's words
    is ``more_stories``. A list of teaser cards (a known list label, then headlines each with
    a summary of a sentence or three, see :func:`_card_list`) at the same place goes with the
    headline-list codes, and the article goes on after it.

    Measured on the dev pages' whole-page text: main-text F1 l3s-gn1 0.889 -> 0.895,
    wcxb-dev 0.899 -> 0.901; snippet F trafilatura-eval 0.836 -> 0.842.

    Reason codes: ``legal`` (a notice), ``share_widget`` (a share row), ``comments``,
    ``more_stories``, ``headline_list_heading``, ``headline_list``, ``author_box``, ``form``
    (the other marks), ``footer`` (what follows).

    Example:
        >>> from articlekit.draft import Draft
        >>> p = "Negotiators met in Istanbul on Monday and agreed to resume the exchange of "
        >>> d = Draft.from_texts([p + "prisoners.", p + "bodies.", "© 2025 The Daily. All "
        ...     "rights reserved.", "Ten things to do this weekend, from markets to museums."])
        >>> [(r.reason, r.text[:10]) for r in RemoveFooter()(d).removed]
        [('legal', '© 2025 The'), ('footer', 'Ten things')]
    """

    name: ClassVar[str] = "remove_footer"
    reasons: ClassVar[tuple[str, ...]] = (
        "legal",
        "share_widget",
        "comments",
        "more_stories",
        "headline_list_heading",
        "headline_list",
        "author_box",
        "form",
        "footer",
    )

    def find(self, draft: Draft) -> dict[int, str]:
        """Return the end mark's reason for the article's end, ``footer`` for what follows."""
        core = _plain_text_core(draft)
        if core is None:
            return {}
        blocks = draft.blocks
        start, end = core
        words = [word_count(b.text) if is_story_prose(b.text) else 0 for b in blocks[start:end]]
        total = sum(words)
        before = 0
        cards: dict[int, str] = {}
        printed: Counter[str] | None = None  # counted once, when a card list is looked for
        for pos in range(start, min(end + 1, len(blocks))):
            if pos < end:
                before += words[pos - start]
            if 2 * before <= total:
                continue
            text = blocks[pos].text
            label = _is_list_label(draft, text)  # read once: the two list tests below
            closing = (
                "legal"
                if is_legal_notice(draft, text)
                else "share_widget"
                if is_share_row(draft, text)
                else "comments"
                if _opens_comments(draft, text)
                else "more_stories"
                if label and _opens_story_list(blocks, pos)
                else "comments"
                if _opens_signed_run(blocks, pos)
                else "author_box"
                if _opens_author_box(draft, text)
                else "form"
                if _opens_form(blocks, pos)
                else None
            )
            if closing is None:
                if label and pos not in cards:
                    if printed is None:
                        printed = Counter(b.text for b in blocks)
                    if printed[text] == 1:
                        cards.update(_card_list(blocks, pos))
                continue
            found = {p: closing if p == pos else "footer" for p in range(pos, len(blocks))}
            # A card list before the end mark goes as a list; the mark closes the rest.
            found.update((p, reason) for p, reason in cards.items() if p < pos)
            if closing == "more_stories":
                # A list of titles that are not the story's keeps the headline-list codes;
                # one whose titles share the story's words is the site's more_stories.
                named = _headline_lists_in(draft, found)
                if named.get(pos) == "headline_list_heading":
                    found.update(named)
            return found
        return cards


def _headline_lists_in(draft: Draft, positions: Collection[int]) -> dict[int, str]:
    """The headline-list reasons of the blocks at ``positions`` that form a teaser list.

    As :class:`~articlekit.cleaners.RemoveHeadlineLists` names them: for blocks another
    cleaner removes anyway, so that a teaser list keeps its name whoever takes it.
    """
    if not positions:
        return {}
    return {p: r for p, r in RemoveHeadlineLists().find(draft).items() if p in positions}
