"""Lists of unrelated headlines ("You Might Like:" + teasers of other stories).

Decided by structure and vocabulary, not by a trigger phrase: a run of two or more
headline-shaped blocks outside the article's core, whose words barely overlap the article's
own. A single subheading inside the article is the opposite case: short, but its words recur
in the paragraphs around it, and it stands inside the core.
"""

from __future__ import annotations

import itertools
from typing import ClassVar

from articlekit import lexicon
from articlekit.cleaners._common import core_kept, lexicon_of
from articlekit.cleaners.base import Remover
from articlekit.draft import Draft
from articlekit.features import (
    content_stems,
    is_prose,
    is_teaser,
    more_words_than,
    word_count,
)
from articlekit.regions import article_core

__all__ = ["RemoveHeadlineLists"]

#: Too few words in the core to tell "same story" from "other story": keep everything.
MIN_CORE_STEMS = 8
#: A teaser whose content words are at most this share article words is "unrelated".
UNRELATED = 0.34
#: With a list heading or doubled lines (strong structural evidence), a looser bar.
UNRELATED_WITH_EVIDENCE = 0.5
#: In HTML, a teaser line is a link: at least this share of its text is link text.
MIN_TEASER_LINK_DENSITY = 0.5


def _list_heading(lex: lexicon.Lexicon, text: str) -> bool | None:
    """Return whether ``text`` is a label introducing a list, and how sure.

    True for a known list label ("You Might Like:", "Related Stories"), False for any other
    short line ending in a colon, None for a line that is no label.
    """
    text = text.strip()
    # Asked of every block: a line that ends in no colon is a label only as a known phrase,
    # which it can be only when it starts with a phrase's lead word: most lines need no more.
    if not text.endswith(":") and not lex.may_start_with("headline_list_heading", text):
        return None
    if more_words_than(text, 8) or is_prose(text):
        return None
    if lex.is_phrase("headline_list_heading", text):
        return True
    return False if text.endswith(":") and word_count(text) >= 1 else None


class RemoveHeadlineLists(Remover):
    """Drops teaser lists of other stories, and the heading that introduces them.

    A list is a run of two or more teaser-shaped blocks (a headline or a one-line summary:
    one sentence, at most 30 words) outside the article's core (:func:`article_core`), in which
    at least two blocks have content words that barely occur in the core. The short line right
    above such a list ("You Might Like:", "Related stories") goes as its heading. Inside the
    core, only a run under a list heading is taken.

    In the default pipeline it runs after :class:`~articlekit.cleaners.KeepArticleCore`: a
    teaser list removed before the core closed the gap between the story and the page's other
    lists, and the core's regions ran on into them (``clean_text`` main-text F1 up 0.003 to
    0.006 on four dev sets, benchmarks/README.md). On plain text that cleaner has cut (the
    :data:`~articlekit.cleaners._common.CORE_KEPT` hint), all that is left is the core.

    Reason codes: ``headline_list``, ``headline_list_heading``.

    Example:
        >>> from articlekit.draft import Draft
        >>> body = ("Ukraine is working to resume the exchange of prisoners with Russia, hoping "
        ...         "for the release of 1,200 Ukrainians held in Russian camps since 2022.")
        >>> more = ("Rustem Umerov, secretary of the security council, said talks mediated by "
        ...         "Turkey and the United Arab Emirates had agreed to reactivate the swaps.")
        >>> d = Draft.from_texts([body, more, "You Might Like:",
        ...     "Gen Z takes to streets in Mexico to demand action against crime",
        ...     "Storm Claudia forces authorities to declare major emergency in Britain"])
        >>> sorted({r.reason for r in RemoveHeadlineLists()(d).removed})
        ['headline_list', 'headline_list_heading']
    """

    name: ClassVar[str] = "remove_headline_lists"
    reasons: ClassVar[tuple[str, ...]] = ("headline_list", "headline_list_heading")

    def find(self, draft: Draft) -> dict[int, str]:
        """Find teaser runs with foreign vocabulary."""
        blocks = draft.blocks
        runs = self._runs(draft)
        if not runs:
            return {}  # most articles: no teaser run, no need for the core or its vocabulary
        # Once KeepArticleCore has cut plain text to the core, all that is left is the core:
        # a core drawn again would be a smaller one inside it, and the article's own lists
        # outside that would go as teasers. Only runs under a known list heading go then.
        start, end = (
            (0, len(blocks))
            if core_kept(draft)
            else article_core(
                blocks, title=draft.title or draft.hints.title, plain_text=draft.plain_text
            )
        )
        if end == 0:
            return {}
        vocab: set[str] = set()
        for block in blocks[start:end]:
            if is_prose(block.text):
                vocab |= content_stems(block.text)
        if len(vocab) < MIN_CORE_STEMS:
            return {}
        found: dict[int, str] = {}
        for heading, strong, run in runs:
            outside = [p for p in run if not start <= p < end]
            if not strong:
                # A colon line ("Here's how:") introduces the article's own lists; inside the
                # core only a known list heading ("Related Stories") opens a teaser list, and
                # without one only teasers outside the core are candidates (a run may begin
                # with the article's own last one-sentence paragraph).
                if heading is not None and start <= heading < end:
                    heading = None
                run = outside
                if len(run) < (1 if heading is not None else 2):
                    continue
            texts = [blocks[p].text.strip() for p in run]
            doubled = any(a.casefold() == b.casefold() for a, b in itertools.pairwise(texts))
            linked = all(blocks[p].link_density is not None for p in run) and (
                sum(blocks[p].link_density or 0.0 for p in run) / len(run) >= 0.8
            )
            evidence = heading is not None or doubled or linked
            bar = UNRELATED_WITH_EVIDENCE if evidence else UNRELATED
            unrelated = [p for p in run if self._overlap(blocks[p].text, vocab) <= bar]
            if len(unrelated) < (1 if heading is not None else 2):
                continue
            # The list spans from its first to its last unrelated teaser, but never over the
            # core: a run of one-sentence blocks can hold the article between two teaser lists.
            for p in run:
                if unrelated[0] <= p <= unrelated[-1]:
                    found[p] = "headline_list"
            if heading is not None and unrelated[0] == run[0]:
                found[heading] = "headline_list_heading"
        return found

    @staticmethod
    def _runs(draft: Draft) -> list[tuple[int | None, bool, list[int]]]:
        """Return ``(heading, heading is a known list label, teaser positions)`` per run.

        A list heading ("You Might Like:", "Related Stories", a short line ending in a colon)
        ends the run before it and opens the next one. In HTML a teaser is a link: a block
        whose text is mostly outside links is the article's own (a bullet point).
        """
        lex = lexicon_of(draft)
        runs: list[tuple[int | None, bool, list[int]]] = []
        heading: int | None = None
        strong = False
        current: list[int] = []

        def close() -> None:
            if current:
                runs.append((heading, strong, list(current)))

        for pos, block in enumerate(draft.blocks):
            label = _list_heading(lex, block.text)
            if label is not None:
                close()
                heading, strong, current = pos, label, []
            elif is_teaser(block.text) and (
                block.link_density is None or block.link_density >= MIN_TEASER_LINK_DENSITY
            ):
                current.append(pos)
            else:
                close()
                heading, strong, current = None, False, []
        close()
        return runs

    @staticmethod
    def _overlap(text: str, vocab: set[str]) -> float:
        stems = content_stems(text)
        if not stems:
            return 0.0
        return len(stems & vocab) / len(stems)
