"""Reader comments under the article: the thread a whole page prints after the story.

A comment thread is recognised by its structure, not by what the comments say (they are prose,
often on the story's own subject): a short heading after the article ("Comments", "36
Comments", "Leave a reply", "Kommentare") followed by the thread's furniture, lines that sign
or date a comment ("Posted by: Ann on Jan 10, 2008 4:49 PM", "Ann Lee says:", "3 days ago") or
act on it ("Reply", "Report this comment"). The phrase lists only name the heading and the
actions; the thread is the run of such lines. In whole-page text a thread may have no heading:
a run of like signature lines, a comment between each, is then the thread.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import ClassVar

import regex

from articlekit import lexicon
from articlekit._memo import memo_table
from articlekit.cleaners._common import lexicon_of
from articlekit.cleaners.base import Remover
from articlekit.dates import find_date, has_relative_date
from articlekit.draft import Draft
from articlekit.features import ends_sentence, is_prose, more_words_than, word_count

__all__ = ["RemoveComments"]

#: The article comes first: a thread heading counts only after this many words of prose. A
#: photo post's caption is one sentence: at 50 its thread stayed whole; 10 and 20 gave the
#: same held-out figures on every dev set, and the larger stays (benchmarks/README.md, "A
#: caption is story enough for a thread").
MIN_ARTICLE_WORDS = 20
#: A thread heading is a short line ("Comments (12)", "Leave a comment").
HEADING_MAX_WORDS = 10
#: A signature line (name and date) is at most this many words.
SIGNATURE_MAX_WORDS = 14
#: An action line ("Reply", "Report this comment", "Ann says:") is at most this many words.
ACTION_MAX_WORDS = 6
#: A thread is at least this many signature or action lines...
MIN_THREAD_LINES = 2
#: ...the first at most this many blocks under the heading (the first comment's paragraphs
#: and the comment form may come before it)...
FIRST_GAP = 8
#: ...and none more than this many blocks from the previous one: a long comment is a few
#: paragraphs.
MAX_GAP = 20
#: A thread goes on over one longer comment, a gap of at most this many blocks, when its rhythm
#: of thread lines resumes after it (see :func:`_resumes`); so do the runs of a headless thread.
LONG_COMMENT_GAP = 2 * MAX_GAP
#: Without a heading (plain text only), a thread is at least this many signature lines of the
#: same opening ("Posted by: Sean | Jan 10, 2008", "Posted by: dan | Jan 10, 2008")...
MIN_HEADLESS_SIGNATURES = 3
#: ...each naming someone: this many words besides the date's numbers and calendar names (a
#: bare "April 7, 2026" heads an events list, "Date: Fri, 8 Feb 2002" a quoted e-mail)...
SIGNATURE_MIN_NAMED_WORDS = 2
#: ...with a comment between two of them: consecutive dated lines are a list of the story's.
HEADLESS_MIN_GAP = 2
_LETTER_WORD = regex.compile(r"[^\W\d_]{2,}", regex.V1)
_DIGIT = regex.compile(r"\d", regex.V1)
#: A time of day ("20:33", "11:06 am"): a comment's signature stamps one, often beside a date
#: no date reader takes ("07.22.12 at 20:33", a two-digit year) or none at all ("5:06 pm EDT").
_CLOCK = regex.compile(r"(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:.,]\d)", regex.V1)

# Counts and brackets around a heading or an action: "36 Comments", "Comments (5)", "#12",
# "{ 53 comments… read them below or add one }" (a WordPress theme's heading).
_COUNTS = regex.compile(r"[\d(){}\[\]#]+", regex.V1)
#: The same for ASCII text, whose only digits are 0-9: the standard library's engine takes
#: half the time of ``regex`` to substitute in a short line (asked of most blocks of a page).
_ASCII_COUNTS = re.compile(r"[0-9(){}\[\]#]+")


def _key(text: str) -> str:
    if text.isascii():
        return _ASCII_COUNTS.sub(" ", text)
    return _COUNTS.sub(" ", text)


#: The quotation marks that open a post's title quoted after a thread heading ('15 Replies
#: to “Title”', "3 thoughts on "X""): a text without one has none to cut (a set test of its
#: characters costs a tenth of the substitution, asked of every block).
_TITLE_QUOTES = frozenset("“\"«„‘'")
#: The quoted title, from the white space before its opening mark to the line's end.
_QUOTED_TITLE = regex.compile(r"\s*[" + "".join(sorted(_TITLE_QUOTES)) + "].*$", regex.V1)


def is_thread_heading(lex: lexicon.Lexicon, text: str) -> bool:
    """Return whether ``text`` could head a comment thread ("Comments (12)", "Kommentare").

    Args:
        lex: The phrase lists to use.
        text: A block's text.

    Returns:
        True for a short line that starts with a comment-heading phrase.

    Example:
        >>> lex = lexicon.for_language("en")
        >>> is_thread_heading(lex, "36 Comments"), is_thread_heading(lex, "Leave a Reply")
        (True, True)
        >>> is_thread_heading(lex, "Comments from the minister were welcomed by the union.")
        False
        >>> is_thread_heading(lex, "15 Replies to “What the new harbour timetable means for "
        ...                        "the island ferries this summer”")
        True
    """
    if not _TITLE_QUOTES.isdisjoint(text):
        text = _QUOTED_TITLE.sub("", text) or text
    if more_words_than(text, HEADING_MAX_WORDS) or is_prose(text):
        return False
    key = _key(text)
    # Both phrase tests below need the key to start with a phrase's lead word: one set lookup
    # rules out most short lines before the sentence test and the phrase lookups.
    if not lex.may_start_with("comment_heading", key):
        return False
    if ends_sentence(text) and not text.rstrip().endswith("?"):
        return False
    if lex.is_phrase("comment_heading", key):
        return True
    # A longer line must start with a phrase of two words or more ("Comments are closed for
    # this story", "5 thoughts on “Title”"): a single word ("Comments feed", "Discussion of
    # the results") starts too many other lines.
    phrase = lex.starts_with("comment_heading", key)
    return phrase is not None


def is_thread_line(lex: lexicon.Lexicon, text: str, language: str | None = None) -> bool:
    """Return whether ``text`` signs, dates or acts on a comment.

    A signature is a short line with a date or a time of day in it that is not a sentence
    ("Posted by: Ann | Jan 10, 2008 4:49 PM", "3 days ago", "phpguy 07.22.12 at 20:33"); an
    action is a short line that is a comment-action phrase ("Reply", "Report this comment") or
    ends in a comment verb ("Ann Lee says:").

    Args:
        lex: The phrase lists to use.
        text: A block's text.
        language: The page's language, for month names.

    Returns:
        True for a line of the thread's furniture.

    Example:
        >>> lex = lexicon.for_language("en")
        >>> [is_thread_line(lex, t) for t in ["Reply", "Ann Lee says:", "4 days ago",
        ...     "Posted by: Ann | January 14, 2008 08:53 PM", "phpguy 07.22.12 at 20:33",
        ...     "The mayor said so on Monday."]]
        [True, True, True, True, True, False]
    """
    n = word_count(text)
    if n == 0 or n > SIGNATURE_MAX_WORDS:
        return False
    if n <= ACTION_MAX_WORDS:
        key = _key(text)
        if lex.is_phrase("comment_action", key):
            return True
        if not ends_sentence(text) and lex.starts_with("comment_action", key) is not None:
            return True  # "Reply to Ann Lee"
        words = lexicon.match_key(text).rstrip(" :").split()
        if len(words) >= 2 and (words[-1] in lex["comment_verb"]):
            return True  # "Ann Lee says:"
        if has_relative_date(text):
            return True
    return _dated_line(text, n, language)


def _dated_line(text: str, n: int, language: str | None) -> bool:
    """A line of ``n`` words that dates a comment: a date or a time of day, no long sentence."""
    if ends_sentence(text) and n > ACTION_MAX_WORDS:
        return False  # a sentence that mentions a date is the story's or a comment's text
    return _CLOCK.search(text) is not None or find_date(text, language=language) is not None


def _signature(text: str, calendar: set[str], language: str | None) -> bool:
    """Whether ``text`` signs a comment with a name and a date (a headless thread's line).

    :func:`is_thread_line` with a date in it, the cheap tests first: this runs for every line
    of a page without a thread heading. A line without a digit holds no date.
    """
    if _DIGIT.search(text) is None:
        return False
    n = word_count(text)
    if n == 0 or n > SIGNATURE_MAX_WORDS or is_prose(text):
        return False
    named = _named_words(text, calendar)
    return len(named) >= SIGNATURE_MIN_NAMED_WORDS and _dated_line(text, n, language)


def _named_words(text: str, calendar: set[str]) -> list[str]:
    """The folded words of letters in ``text`` that are no calendar name (month, weekday)."""
    return [w for w in _LETTER_WORD.findall(text.casefold()) if w not in calendar]


def _spaced_runs(keyed: Iterable[tuple[int, str]]) -> list[list[int]]:
    """The runs of like lines: positions of one key, each HEADLESS_MIN_GAP to MAX_GAP apart.

    Args:
        keyed: ``(position, key)`` for the lines that have a key, in document order.

    Returns:
        Every run of every key, a run's positions in order.
    """
    runs: dict[str, list[list[int]]] = {}
    for pos, key in keyed:
        group = runs.setdefault(key, [])
        if group and HEADLESS_MIN_GAP <= pos - group[-1][-1] <= MAX_GAP:
            group[-1].append(pos)
        else:
            group.append([pos])
    return [run for group in runs.values() for run in group]


def _action(lex: lexicon.Lexicon, text: str, calendar: set[str]) -> str | None:
    """The comment action that a short line is, without its date; None for any other line.

    The key that repeats under every comment of a thread: "reply" for "Reply" and "Reply to
    This Parent Share", "permalink" for "October 2, 2012, | Permalink", "says" for "Ann Lee
    says:". Words of two letters ("at", "am", "th") and calendar names are left out, so the
    time of each comment does not make its line differ from the others.
    """
    if more_words_than(text, SIGNATURE_MAX_WORDS):
        return None
    words = [w for w in _named_words(text, calendar) if len(w) > 2]
    if not words or len(words) > ACTION_MAX_WORDS:
        return None
    if words[0] not in lex.lead_words("comment_action") and words[-1] not in lex["comment_verb"]:
        return None  # most short lines: no phrase can match, a set lookup tells
    key = " ".join(words)
    if lex.is_phrase("comment_action", key):
        return key
    phrase = lex.starts_with("comment_action", key)
    if phrase is not None:
        return phrase
    # "Ann Lee says:", "infamousdx said," but not the story's "'Nuff said."
    if len(words) >= 2 and words[-1] in lex["comment_verb"] and not ends_sentence(text):
        return words[-1]
    return None


def _action_span(draft: Draft, lex: lexicon.Lexicon, calendar: set[str]) -> tuple[int, int] | None:
    """A headless thread's first and last block, by its repeated action ("Reply").

    A run is the lines of one :func:`_action` key (see :func:`_spaced_runs`), at least
    :data:`MIN_HEADLESS_SIGNATURES` of them. The thread is the longest run and every other run
    that overlaps it or comes within :data:`LONG_COMMENT_GAP` of it (one long comment apart),
    in turn; None when there is no run.
    The first comment stands above the first run's first line, so the thread starts at the
    nearest thread line (its signature) within that run's shortest gap above it, or else at
    the short lines (a name, a heading) right above it.
    """
    blocks = draft.blocks
    # An action line holds an action's lead word or a comment verb: most lines of a page hold
    # neither, and their words are memoised (the phrase-list cleaners ask for them too).
    needed = lex.lead_words("comment_action") | lex["comment_verb"]
    words_of = memo_table(lexicon._key_word_set)
    keys = (
        (pos, _action(lex, block.text.strip(), calendar))
        for pos, block in enumerate(blocks)
        if not needed.isdisjoint(words_of[block.text])
    )
    qualifying = sorted(
        (
            run
            for run in _spaced_runs((pos, key) for pos, key in keys if key is not None)
            if len(run) >= MIN_HEADLESS_SIGNATURES
        ),
        key=lambda run: run[0],
    )
    if not qualifying:
        return None
    # A thread prints several actions ("Reply", "Flag", "Ann writes:"), each in its own run
    # where the others pause: the runs that overlap or follow within a gap of the longest are
    # the same thread's.
    longest = max(qualifying, key=len)
    first, last = longest[0], longest[-1]
    grown = True
    while grown:
        grown = False
        for run in qualifying:
            near = run[0] <= last + LONG_COMMENT_GAP and run[-1] >= first - LONG_COMMENT_GAP
            if near and (run[0] < first or run[-1] > last):
                first, last = min(first, run[0]), max(last, run[-1])
                grown = True
    first_run = next(run for run in qualifying if run[0] == first)
    reach = min(b - a for a, b in itertools.pairwise(first_run)) - 1
    above = range(first - 1, max(-1, first - 1 - reach), -1)
    start = next((p for p in above if is_thread_line(lex, blocks[p].text, draft.language)), None)
    if start is None:
        start = first
        while (
            start > 0
            and first - start < reach
            and not is_prose(blocks[start - 1].text)
            and not more_words_than(blocks[start - 1].text, ACTION_MAX_WORDS)
        ):
            start -= 1
    return start, last


def _resumes(draft: Draft, lex: lexicon.Lexicon, last: int) -> list[int]:
    """The thread lines with which a thread goes on after one long comment, or [].

    A thread whose line ``last`` is followed by no thread line within :data:`MAX_GAP` blocks
    goes on at the next thread line within :data:`LONG_COMMENT_GAP` blocks of it, when that
    line opens a run in the thread's own rhythm: more than :data:`MIN_HEADLESS_SIGNATURES`
    thread lines, each within :data:`MAX_GAP` blocks of the one before. A story does not
    go on in that rhythm; a thread does, under one long comment (a poem, a letter).

    Args:
        draft: The draft.
        lex: The phrase lists to use.
        last: The position of the thread's last line so far.

    Returns:
        The positions of the run's thread lines, every thread line from the first to the
        last (the caller goes on after the last), or [] when the thread does not go on.
    """
    blocks = draft.blocks
    found: list[int] = []
    for pos in range(last + MAX_GAP + 1, len(blocks)):
        if pos > (found[-1] + MAX_GAP if found else last + LONG_COMMENT_GAP):
            return []
        if is_thread_line(lex, blocks[pos].text, draft.language):
            found.append(pos)
            if len(found) > MIN_HEADLESS_SIGNATURES:
                return found
    return []


class RemoveComments(Remover):
    """Drops the reader comment thread that follows the article.

    The thread starts at a comment heading (see :func:`is_thread_heading`) that stands after
    at least :data:`MIN_ARTICLE_WORDS` words of prose, more than the prose between it and the
    thread's first line (a comment link printed above the story heads no thread), and runs
    to the last of its signature and action lines (see :func:`is_thread_line`): at least
    :data:`MIN_THREAD_LINES` of them, the first within :data:`FIRST_GAP` blocks of the
    heading, each other within :data:`MAX_GAP` blocks of the one before, or after one longer
    comment when the thread's rhythm resumes (see :func:`_resumes`). A heading with no
    such lines under it ("Comments are closed", a bare comment form) starts no thread: what
    follows it is left to the other cleaners. The comments' own paragraphs go with the
    thread, whatever they say.

    Whole-page text often prints a thread with no heading at all (the heading was an image,
    or a tab). There, when no headed thread is found, a run of at least
    :data:`MIN_HEADLESS_SIGNATURES` signature lines with the same two opening words, each
    naming someone (:data:`SIGNATURE_MIN_NAMED_WORDS` words besides the date) and each
    :data:`HEADLESS_MIN_GAP` to :data:`MAX_GAP` blocks from the one before, after
    :data:`MIN_ARTICLE_WORDS` words of prose, is a thread from its first signature to its
    last. So is a run of at least as many lines of one repeated comment action ("Reply",
    "October 2, 2012 | Permalink", "Ann says:"; see :func:`_action`), spaced the same way,
    when the signatures differ: from the first comment's signature above the run to the
    run's last line. On an extractor's output (HTML input) the markup already told the
    comments apart, and dated lines left in it are the story's (embedded posts, sources): only
    headed threads are taken there.

    Measured on the dev pages' whole-page text: main-text F1 l3s-gn1 0.883 -> 0.889,
    wcxb-dev 0.895 -> 0.898 (trafilatura's HTML output: unchanged or better).

    Reason codes: ``comments``.

    Example:
        >>> from articlekit.draft import Draft
        >>> story = ("The council approved the new cycle lanes on Monday after a long debate "
        ...          "about parking, and work on the first section starts in the spring.")
        >>> d = Draft.from_texts([story, story.replace("Monday", "Tuesday"), "2 Comments",
        ...     "Finally! The old junction was a danger to everyone on a bike.", "Reply",
        ...     "Ann Lee says:", "What about the parking on Mill Street?", "Reply"])
        >>> [b.text for b in RemoveComments()(d).blocks] == [story, story.replace("Monday",
        ...     "Tuesday")]
        True
    """

    name: ClassVar[str] = "remove_comments"
    reasons: ClassVar[tuple[str, ...]] = ("comments",)

    def find(self, draft: Draft) -> dict[int, str]:
        """Return ``comments`` for every block from a thread heading to the thread's end."""
        lex = lexicon_of(draft)
        blocks = draft.blocks
        found: dict[int, str] = {}
        prose_words = 0
        pos = 0
        while pos < len(blocks):
            text = blocks[pos].text
            if prose_words >= MIN_ARTICLE_WORDS and is_thread_heading(lex, text):
                end = self._thread_end(draft, lex, pos, prose_words)
                if end is not None:
                    found.update(dict.fromkeys(range(pos, end + 1), "comments"))
                    pos = end + 1
                    continue
            if is_prose(text):
                prose_words += word_count(text)
            pos += 1
        if not found and draft.plain_text:
            found = self._headless_thread(draft, lex)
        return found

    @staticmethod
    def _headless_thread(draft: Draft, lex: lexicon.Lexicon) -> dict[int, str]:
        """The longest run of like signature lines, when it makes a thread (see the class)."""
        blocks = draft.blocks
        calendar = set(lex.months) | lex.words("weekdays")
        signed = (
            (pos, " ".join(block.text.strip().casefold().split()[:2]))
            for pos, block in enumerate(blocks)
            if _signature(block.text.strip(), calendar, draft.language)
        )
        longest = max(_spaced_runs(signed), key=len, default=[])
        span = (longest[0], longest[-1]) if len(longest) >= MIN_HEADLESS_SIGNATURES else None
        # A thread whose signatures differ ("Ann | Jan 10, 2008", "dan | Jan 10, 2008") still
        # repeats its action under every comment; the thread that starts first is the one.
        acted = _action_span(draft, lex, calendar)
        if acted is not None and (span is None or acted[0] < span[0]):
            span = acted
        if span is None:
            return {}
        # The article comes first: the thread is what follows a story.
        if sum(word_count(b.text) for b in blocks[: span[0]] if is_prose(b.text)) < (
            MIN_ARTICLE_WORDS
        ):
            return {}
        return dict.fromkeys(range(span[0], span[1] + 1), "comments")

    @staticmethod
    def _thread_end(
        draft: Draft, lex: lexicon.Lexicon, heading: int, article_words: int
    ) -> int | None:
        """Return the position of the thread's last line, or None when there is no thread.

        The prose between the heading and the thread's first line is its first comment: when
        it outweighs the prose above the heading, the heading was a comment link printed
        above the story ("Comment | Read comments (11)") and the story follows it.
        """
        last = heading
        lines = 0
        first_words = 0
        pos = heading
        while pos + 1 < len(draft.blocks):
            pos += 1
            if pos - last > (MAX_GAP if lines else FIRST_GAP):
                # A thread of a few comments already goes on under a long one; the lines
                # read to tell are not read again.
                resumed = _resumes(draft, lex, last) if lines >= MIN_HEADLESS_SIGNATURES else []
                if not resumed:
                    break
                last = pos = resumed[-1]
                lines += len(resumed)
                continue
            text = draft.blocks[pos].text
            if is_thread_line(lex, text, draft.language):
                last = pos
                lines += 1
            elif lines == 0 and is_prose(text):
                first_words += word_count(text)
                if first_words > article_words:
                    return None
        return last if lines >= MIN_THREAD_LINES else None
