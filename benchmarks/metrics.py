"""Scoring functions, exactly as /work/shared/data/README.md defines them.

Main text (the article-extraction-benchmark metric): ``\\w+`` tokens, a multiset of 4-token
shingles per text, per-page TP/FP/FN normalised by their sum, precision and recall averaged over
the pages where they are defined, F1 the harmonic mean of the two averages.

Snippets (trafilatura's metric): whitespace collapsed, a ``with`` snippet found in the output is a
TP, missing an FN; a ``without`` snippet found is an FP; summed over pages.

Lines (plain-text records such as messy-dev, whose gold lists ``body`` blocks and ``junk`` lines):
body lost = body blocks whose whitespace-normalised text is not a line of the output, junk leaked =
junk lines (not also body lines) that are; both counted per block and summed over a file.

Metadata: title equal after NFKC, lower case and ``\\w+`` tokenisation; authors equal as a set of
names normalised that way; date equal on YYYY-MM-DD (the published date, or the updated one where
the gold's ``date_field`` says so).
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

TOKEN_RE = re.compile(r"\w+")
WHITESPACE_RE = re.compile(r"\s+")
DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?!\d)")
SHINGLE_SIZE = 4
#: The values of a gold ``date_field``: which of a prediction's dates the gold ``date`` is.
PUBLISHED = "published"
UPDATED = "updated"
DATE_FIELDS = (PUBLISHED, UPDATED)

Shingle = tuple[str, ...]


# --- gold fields -------------------------------------------------------------------------------


def gold_str(value: Any) -> str | None:
    """A gold string field, with missing, blank and the string ``"None"`` all meaning None.

    >>> gold_str("  A title ")
    'A title'
    >>> [gold_str(v) for v in (None, "", "  ", "None", "null")]
    [None, None, None, None, None]
    """
    if value is None:
        return None
    text = str(value).strip()
    return None if text in ("", "None", "null") else text


def gold_list(value: Any) -> list[str]:
    """A gold list field; a string holding a Python/JSON list literal is parsed, blanks dropped.

    >>> gold_list(["Ann Lee", " ", None])
    ['Ann Lee']
    >>> gold_list("['Ann Lee', 'Bo Chen']")
    ['Ann Lee', 'Bo Chen']
    >>> gold_list("[]"), gold_list("None"), gold_list(None)
    ([], [], [])
    >>> gold_list("[1] a footnote, not a list")
    ['[1] a footnote, not a list']
    """
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            try:
                parsed = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                parsed = None
            if isinstance(parsed, list):
                return gold_list(parsed)
        return [] if gold_str(text) is None else [text]
    return [s for s in (gold_str(v) for v in value) if s is not None]


# --- main text ---------------------------------------------------------------------------------


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens, case kept.

    >>> tokenize("Hello, wörld! It's 2026.")
    ['Hello', 'wörld', 'It', 's', '2026']
    """
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of ``size``-token shingles; a text shorter than ``size`` is one shingle.

    >>> sorted(shingles("a b c d e").items())
    [(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
    >>> shingles("a b")
    Counter({('a', 'b'): 1})
    >>> shingles("")
    Counter()
    """
    tokens = tokenize(text)
    count = max(1, len(tokens) - size + 1)
    return Counter(shingle for i in range(count) if (shingle := tuple(tokens[i : i + size])))


def shingle_match(gold: str | None, pred: str | None) -> tuple[float, float, float]:
    """Per-page (TP, FP, FN) over shingles, normalised by their sum (all 0 when both are empty).

    >>> shingle_match("a b c d e", "a b c d")
    (0.5, 0.0, 0.5)
    >>> shingle_match("", "")
    (0.0, 0.0, 0.0)
    """
    gold_sh, pred_sh = shingles(gold), shingles(pred)
    tp = float(sum((gold_sh & pred_sh).values()))
    fp = float(sum((pred_sh - gold_sh).values()))
    fn = float(sum((gold_sh - pred_sh).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float | None:
    """Precision of one page, None where undefined (nothing predicted).

    >>> page_precision(0.5, 0.0, 0.5), page_precision(0.0, 0.0, 1.0)
    (1.0, None)
    """
    return tp / (tp + fp) if tp + fp > 0 else None


def page_recall(tp: float, fp: float, fn: float) -> float | None:
    """Recall of one page, None where undefined (empty gold).

    >>> page_recall(0.5, 0.0, 0.5), page_recall(0.0, 1.0, 0.0)
    (0.5, None)
    """
    return tp / (tp + fn) if tp + fn > 0 else None


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the defined values, None if there are none.

    >>> mean([1.0, None, 0.0]), mean([None])
    (0.5, None)
    """
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def harmonic(p: float | None, r: float | None) -> float | None:
    """F1 of a precision and a recall.

    >>> harmonic(1.0, 0.5)
    0.6666666666666666
    >>> harmonic(0.0, 0.0), harmonic(None, 1.0)
    (0.0, None)
    """
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class PRF:
    """Precision, recall, F1 and the number of pages they cover."""

    p: float | None
    r: float | None
    f: float | None
    n: int


def main_text_scores(matches: Sequence[tuple[float, float, float]]) -> PRF:
    """Average per-page precision and recall (skipping undefined ones), F1 of the averages.

    >>> main_text_scores([(1.0, 0.0, 0.0), (0.5, 0.0, 0.5), (0.0, 0.0, 1.0)])
    PRF(p=1.0, r=0.5, f=0.6666666666666666, n=3)
    """
    p = mean(page_precision(*m) for m in matches)
    r = mean(page_recall(*m) for m in matches)
    return PRF(p, r, harmonic(p, r), len(matches))


# --- snippets ----------------------------------------------------------------------------------


def collapse_ws(text: str | None) -> str:
    """Whitespace runs become one space; ends stripped.

    >>> collapse_ws(" a\\n\\n b\\tc ")
    'a b c'
    """
    return WHITESPACE_RE.sub(" ", text or "").strip()


def snippet_counts(
    output: str | None, with_: Sequence[str], without: Sequence[str]
) -> tuple[int, int, int]:
    """(TP, FP, FN) of one page: ``with`` found / ``without`` found / ``with`` missing.

    >>> snippet_counts("The  story.\\nRead more", ["The story.", "lost"], ["Read more", "Ads"])
    (1, 1, 1)
    """
    text = collapse_ws(output)
    found_with = sum(collapse_ws(s) in text for s in with_)
    found_without = sum(collapse_ws(s) in text for s in without)
    return found_with, found_without, len(with_) - found_with


def snippet_scores(tp: int, fp: int, fn: int, n: int = 0) -> PRF:
    """Micro-averaged snippet precision, recall and F = 2TP / (2TP + FP + FN).

    >>> snippet_scores(8, 2, 2, n=3)
    PRF(p=0.8, r=0.8, f=0.8, n=3)
    """
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return PRF(p, r, f, n)


# --- lines (plain-text records) ----------------------------------------------------------------


def gold_lines(value: Any) -> list[str]:
    """A gold list of lines (body blocks, junk lines), whitespace-normalised, blanks dropped.

    Unlike :func:`gold_list`, a line reading "None" is kept: it is text, not a missing value.

    >>> gold_lines(["  A  body\\tblock ", "", " ", "None"])
    ['A body block', 'None']
    >>> gold_lines(None), gold_lines("['One line']")
    ([], ['One line'])
    """
    items = value if isinstance(value, (list, tuple)) else gold_list(value)
    return [line for line in (collapse_ws(str(v)) for v in items if v is not None) if line]


def output_lines(output: str | None) -> frozenset[str]:
    """The lines of an output (its text split on newlines), each whitespace-normalised.

    >>> sorted(output_lines("A  line \\n\\n\\tAnother\\r\\n"))
    ['', 'A line', 'Another']
    """
    return frozenset(collapse_ws(line) for line in (output or "").split("\n"))


def line_counts(
    output: str | None, body: Sequence[str], junk: Sequence[str]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """((body lost, body blocks), (junk leaked, junk lines)) of one record.

    Body and junk are the gold's lines (:func:`gold_lines`; whitespace is normalised here
    too). A line must be a whole output line to count as kept, so a trimmed body block is lost
    and junk inside a longer line has not leaked. A junk line that is also a body line of the
    record is left out: an output line cannot tell which of the two was kept. Each listed line
    counts, a repeated one as often as it is listed.

    >>> line_counts("Body one.\\nBy  Ann\\nBody", ["Body one.", "Body two."], ["By Ann", "Ads"])
    ((1, 2), (1, 2))
    >>> line_counts("Share", ["Share"], ["Share", "Ads"])
    ((0, 1), (0, 1))
    """
    lines = output_lines(output)
    body = [collapse_ws(b) for b in body]
    body_set = set(body)
    scored_junk = [j for j in map(collapse_ws, junk) if j not in body_set]
    lost = sum(b not in lines for b in body)
    leaked = sum(j in lines for j in scored_junk)
    return (lost, len(body)), (leaked, len(scored_junk))


# --- metadata ----------------------------------------------------------------------------------


def norm_tokens(text: str | None) -> tuple[str, ...]:
    """NFKC, lower case, ``\\w+`` tokens.

    >>> norm_tokens("Ｔｈｅ  Title — Part\\u00a0II!")
    ('the', 'title', 'part', 'ii')
    """
    return tuple(tokenize(unicodedata.normalize("NFKC", text or "").lower()))


def title_match(gold: str, pred: str | None) -> bool:
    """Titles equal once normalised.

    >>> title_match("Trump’s Plan: A Review", "trump’s plan — a review")
    True
    >>> title_match("A title", None)
    False
    """
    return norm_tokens(gold) == norm_tokens(pred)


def author_set(names: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Set of normalised author names; a blank name stays in the set as an empty name.

    >>> sorted(author_set(["Ann LEE", "ann lee", "Bo Chen"]))
    [('ann', 'lee'), ('bo', 'chen')]
    >>> sorted(author_set(["", "Bo Chen"]))
    [(), ('bo', 'chen')]
    """
    return frozenset(map(norm_tokens, names))


def authors_match(gold: Sequence[str], pred: Sequence[str]) -> bool:
    """Author sets equal once normalised.

    >>> authors_match(["Ann Lee", "Bo Chen"], ["bo chen", "Ann Lee"])
    True
    >>> authors_match(["Ann Lee"], ["Ann Lee", "Staff"])
    False
    >>> authors_match(["Ann Lee"], ["", "Ann Lee"])
    False
    """
    return author_set(gold) == author_set(pred)


def ymd(value: str | None) -> str | None:
    """The YYYY-MM-DD a date string starts with, else None (no padding, no stripping).

    >>> ymd("2025-09-04T10:00:00+02:00"), ymd("2025-09-04")
    ('2025-09-04', '2025-09-04')
    >>> ymd(" 2025-09-04"), ymd("2022-11-1"), ymd("2003-11"), ymd(None)
    (None, None, None, None)
    """
    match = DATE_RE.match(value or "")
    return match.group(1) if match else None


def date_match(gold: str, pred: str | None) -> bool:
    """Dates equal on YYYY-MM-DD (a gold date not in that form never matches).

    >>> date_match("2025-09-04", "2025-09-04"), date_match("2025-09-04", "2025-09-05")
    (True, False)
    >>> date_match("2003-11", "2003-11-01")
    False
    """
    gold_day = ymd(gold)
    return gold_day is not None and gold_day == ymd(pred)


# --- gold record -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    """The scored gold fields of one page; None or empty where the page does not count.

    ``body`` and ``junk`` are the whitespace-normalised lines of a plain-text record (empty for
    a page); ``date_field`` says which of the prediction's dates ``date`` is compared with.

    >>> g = Gold.from_dict({"title": "None", "authors": "['Ann Lee']", "date": "2025-09-04",
    ...                     "with": ["kept"], "without": []})
    >>> g.text, g.title, g.authors, g.date, g.has_snippets, g.body, g.date_field
    (None, None, ('Ann Lee',), '2025-09-04', True, (), 'published')
    >>> g = Gold.from_dict({"body": ["A  block."], "junk": ["Ads"], "date_field": "updated"})
    >>> g.body, g.junk, g.date_field, g.body_text
    (('A block.',), ('Ads',), 'updated', 'A block.')
    """

    text: str | None
    with_: tuple[str, ...]
    without: tuple[str, ...]
    title: str | None
    authors: tuple[str, ...]
    date: str | None
    body: tuple[str, ...] = ()
    junk: tuple[str, ...] = ()
    date_field: str = PUBLISHED

    @classmethod
    def from_dict(cls, gold: dict[str, Any]) -> Gold:
        text = gold.get("text")
        # messy-dev leaves date_field null where it has no date: the published one is meant.
        date_field = gold_str(gold.get("date_field")) or PUBLISHED
        if date_field not in DATE_FIELDS:
            msg = f"gold date_field must be one of {DATE_FIELDS}, not {date_field!r}"
            raise ValueError(msg)
        return cls(
            text=text if isinstance(text, str) and text.strip() else None,
            with_=tuple(gold_list(gold.get("with"))),
            without=tuple(gold_list(gold.get("without"))),
            title=gold_str(gold.get("title")),
            authors=tuple(gold_list(gold.get("authors"))),
            date=gold_str(gold.get("date")),
            body=tuple(gold_lines(gold.get("body"))),
            junk=tuple(gold_lines(gold.get("junk"))),
            date_field=date_field,
        )

    @property
    def body_text(self) -> str | None:
        """The body blocks one a line (what body F1 is scored against), None without any."""
        return "\n".join(self.body) if self.body else None

    @property
    def has_snippets(self) -> bool:
        return bool(self.with_ or self.without)
