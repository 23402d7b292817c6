r"""Explain an Article: its input in order, kept and removed pieces side by side, with reasons.

An :class:`~articlekit.article.Article` records every kept block with its input position
(:attr:`Block.index <articlekit.article.Block.index>`, :attr:`Block.offset
<articlekit.article.Block.offset>`) and every removal with the same two numbers, so the input
can be laid out again in its own order: :func:`ordered_pieces` does it, :func:`explain_text`
prints it for a terminal (the ``articlekit explain`` command) and :func:`explain_html` writes a
self-contained HTML page with the removed pieces struck through and labelled by reason code.

For plain text the "input" is the text's lines as the text reader split them; for HTML it is
the blocks the HTML reader produced (trafilatura's extraction plus the blocks it put back),
not the whole page: what trafilatura itself left out never reached the pipeline.

Both outputs treat the page's text as hostile: :func:`explain_html` escapes everything it
writes (text, metadata, reason codes) and declares a Content-Security-Policy that allows no
script and no external resource at all, and :func:`explain_text` shows control characters
(terminal escape sequences) as ``\x1b``-style escapes instead of sending them to the terminal.

Example:
    >>> from articlekit import Article, Block, Removal
    >>> article = Article(
    ...     blocks=(Block("paragraph", "Talks resumed on Monday.", 1),),
    ...     removed=(Removal("remove_ad_labels", "ad_label", "Advertisement", 0),),
    ... )
    >>> [(p.block_index, p.reason) for p in ordered_pieces(article)]
    [(0, 'ad_label'), (1, None)]
    >>> print(explain_text(article, color=False))
       0 - [ad_label · remove_ad_labels] Advertisement
       1   Talks resumed on Monday.
    <BLANKLINE>
    1 block kept, 1 piece removed: ad_label 1
"""

from __future__ import annotations

import html
import itertools
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from articlekit.article import Article, Removal

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "Piece",
    "explain_html",
    "explain_text",
    "ordered_pieces",
    "printable",
    "reason_counts",
]

#: The policy every report declares: nothing may load or run; only the inline stylesheet
#: applies. ``default-src 'none'`` already covers scripts, images, fonts, frames and
#: connections; ``base-uri`` and ``form-action`` are not covered by it and are closed too.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of the input, kept or removed, at its place.

    Attributes:
        block_index: The input block it belongs to (several pieces share one when a cleaner
            trimmed a prefix or suffix off a block).
        offset: Where the piece starts in the input block's text.
        text: The piece's text.
        kind: The kept block's kind ("paragraph", "heading"...); None for a removed piece.
        removal: The record of the removal, or None for a kept piece.
    """

    block_index: int
    offset: int
    text: str
    kind: str | None = None
    removal: Removal | None = None

    @property
    def reason(self) -> str | None:
        """The removal's reason code, or None when the piece was kept."""
        return self.removal.reason if self.removal is not None else None

    @property
    def cleaner(self) -> str | None:
        """The name of the cleaner that removed the piece, or None when it was kept."""
        return self.removal.cleaner if self.removal is not None else None


def ordered_pieces(article: Article) -> tuple[Piece, ...]:
    """Interleave the kept blocks and the removals in input order.

    Args:
        article: The cleaned article.

    Returns:
        Every kept block and every removal as a :class:`Piece`, sorted by input block and
        by position inside the block (a trimmed kicker comes before the rest of its block).
    """
    kept = (Piece(b.index, b.offset, b.text, kind=b.kind) for b in article.blocks)
    removed = (Piece(r.block_index, r.offset, r.text, removal=r) for r in article.removed)
    # Ties (two pieces at one place) cannot come from the Draft helpers; should a custom
    # cleaner make one, the kept piece goes first, then removals in recorded order (stable).
    return tuple(
        sorted(
            (*kept, *removed),
            key=lambda p: (p.block_index, p.offset, p.removal is not None),
        )
    )


def reason_counts(article: Article) -> list[tuple[str, int]]:
    """Count the removals per reason code, most frequent first (ties by code).

    Args:
        article: The cleaned article.

    Returns:
        ``(reason, count)`` pairs.

    Example:
        >>> from articlekit import Article, Removal
        >>> reason_counts(Article(removed=(Removal("c", "ad_label", "Ad", 0),
        ...     Removal("c", "kicker", "NEW:", 1), Removal("c", "ad_label", "Ad", 2))))
        [('ad_label', 2), ('kicker', 1)]
    """
    counts = Counter(r.reason for r in article.removed)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(article: Article, *, counts: bool = True) -> str:
    head = (
        f"{_plural(len(article.blocks), 'block')} kept, "
        f"{_plural(len(article.removed), 'piece')} removed"
    )
    per_reason = ", ".join(f"{reason} {n}" for reason, n in reason_counts(article))
    return f"{head}: {per_reason}" if counts and per_reason else head


def _metadata(article: Article) -> list[tuple[str, str]]:
    """The Article's fields worth showing above the text, as (label, value) strings."""

    def when(value: datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    fields: list[tuple[str, str | None]] = [
        ("title", article.title),
        ("subtitle", article.subtitle),
        ("authors", ", ".join(article.authors) or None),
        ("published", when(article.published)),
        ("updated", when(article.updated)),
        ("date_assumptions", ", ".join(article.date_assumptions) or None),
        ("section", article.section),
        ("source", article.source),
        ("language", article.language),
        ("url", article.url),
        # The canonical URL only where it is another page's address than the caller's.
        ("canonical_url", article.canonical_url if article.canonical_url != article.url else None),
        ("image", article.image),
        ("images", _plural(len(article.images), "image") if article.images else None),
        ("tags", ", ".join(article.tags) or None),
    ]
    return [(label, value) for label, value in fields if value]


# --- terminal ------------------------------------------------------------------------------

#: Colours for reason labels (ANSI foreground codes); a reason always gets the same one.
_ANSI_COLOURS = (31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96)
_RESET = "\x1b[0m"
_STRUCK = "\x1b[2;9m"  # dim and struck through: removed text reads as gone
_BOLD = "\x1b[1m"


def _hue_index(reason: str, size: int) -> int:
    # crc32, not hash(): str hashes change from run to run, colours should not.
    return zlib.crc32(reason.encode("utf-8")) % size


def printable(text: str) -> str:
    r"""Show control characters as escapes so a page cannot drive the terminal.

    A scraped page can carry ESC sequences (``\x1b]0;title\x07``, colour resets, cursor
    moves); printed raw they would rewrite the terminal's title or hide lines.

    Example:
        >>> printable("ok\x1b[2Jgone\x07")
        'ok\\x1b[2Jgone\\x07'
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(char)
    return "".join(out)


def _score_note(removal: Removal, sep: str = " · ") -> str:
    """``sep`` and ``p=0.04`` for a removal a fitted model decided, empty for a rule's."""
    return "" if removal.score is None else f"{sep}p={removal.score:.2f}"


def explain_text(article: Article, *, color: bool = False) -> str:
    """Lay out the article's input for a terminal: kept pieces plain, removed ones marked.

    Each piece is one line: the input block number, ``-`` for a removed piece followed by
    its reason code, cleaner and, when a fitted model decided it, its score
    (:attr:`~articlekit.article.Removal.score`, ``p=0.04``) in brackets, then the text.
    With ``color`` removed text is dim and struck through and reason labels are coloured
    (ANSI escape codes), one colour per reason. The last line counts the removals per reason.

    Args:
        article: The cleaned article.
        color: Whether to use ANSI colour and strike-through codes.

    Returns:
        The text, one line per piece, without a final newline.
    """

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    lines: list[str] = []
    for label, value in _metadata(article):
        lines.append(f"{paint(_BOLD, f'{label}:')} {printable(value)}")
    if lines:
        lines.append("")
    for piece in ordered_pieces(article):
        number = f"{piece.block_index:>4}"
        text = printable(piece.text)
        if piece.removal is None:
            lines.append(f"{number}   {text}")
            continue
        code = _ANSI_COLOURS[_hue_index(piece.removal.reason, len(_ANSI_COLOURS))]
        colour = f"\x1b[{code}m"
        reason, cleaner = printable(piece.removal.reason), printable(piece.removal.cleaner)
        tag = paint(colour, f"[{reason} · {cleaner}{_score_note(piece.removal)}]")
        lines.append(f"{number} {paint(colour, '-')} {tag} {paint(_STRUCK, text)}")
    lines.append("")
    lines.append(printable(_summary(article)))
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------------

_STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 52rem;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
header h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem;
          margin: 0 0 1rem; font-size: .9rem; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
section.legend { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem;
                 margin-bottom: 1.5rem; font-size: .9rem; }
section.legend h2 { font-size: 1rem; margin: .25rem 0; }
section.legend ul { list-style: none; padding: 0; margin: .25rem 0;
                    display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.reason { display: inline-block; font: 600 .75rem/1.4 ui-monospace, monospace;
          padding: 0 .4rem; border-radius: 4px; margin-right: .4rem; vertical-align: 1px;
          color: #fff; background: hsl(var(--hue, 0) 55% 40%); white-space: nowrap; }
.block { margin: 0 0 .6rem; padding-left: 3rem; position: relative; }
.block::before { content: attr(data-index); position: absolute; left: 0; width: 2.4rem;
                 text-align: right; color: #aaa; font: .75rem/2 ui-monospace, monospace; }
.block[data-kind="heading"] .kept { font-weight: 700; font-size: 1.1rem; }
del.removed { color: #8a8a8a; text-decoration-color: hsl(var(--hue, 0) 55% 40%);
              text-decoration-thickness: 2px; }
.removal { background: hsl(var(--hue, 0) 55% 40% / .07); border-radius: 4px; }
footer { margin-top: 2rem; color: #777; font-size: .8rem; }
"""


def _hue(reason: str) -> int:
    """A stable hue (degrees) per reason code; a number, so no page text reaches the CSS.

    Twelve hues 30 degrees apart, as many as the terminal's colours: nearby hues would be
    hard to tell apart.
    """
    return _hue_index(reason, 12) * 30


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _reason_label(removal: Removal) -> str:
    return (
        f'<span class="reason" style="--hue: {_hue(removal.reason)}" '
        f'title="{_esc(f"removed by {removal.cleaner}{_score_note(removal)}")}">'
        f"{_esc(removal.reason)}{_esc(_score_note(removal, ' '))}</span>"
    )


def _piece_html(piece: Piece) -> str:
    if piece.removal is None:
        return f'<span class="kept">{_esc(piece.text)}</span>'
    removal = piece.removal
    return (
        f'<span class="removal" style="--hue: {_hue(removal.reason)}">'
        f"{_reason_label(removal)}"
        f'<del class="removed" data-reason="{_esc(removal.reason)}" '
        f'data-cleaner="{_esc(removal.cleaner)}"{_score_attribute(removal)}>'
        f"{_esc(piece.text)}</del></span>"
    )


def _score_attribute(removal: Removal) -> str:
    return "" if removal.score is None else f' data-score="{removal.score:.4f}"'


def _blocks_html(article: Article) -> Iterable[str]:
    """One ``<div class="block">`` per input block, its pieces inside in order."""
    for index, group in itertools.groupby(ordered_pieces(article), key=lambda p: p.block_index):
        pieces = list(group)
        # A trimmed block is still the kind it was; a wholly removed one has no kind left.
        kind = next((p.kind for p in pieces if p.kind is not None), "removed")
        inner = " ".join(_piece_html(p) for p in pieces)
        yield f'<div class="block" data-index="{index}" data-kind="{_esc(kind)}">{inner}</div>\n'


def explain_html(article: Article, *, title: str | None = None, source: str | None = None) -> str:
    """Write a self-contained HTML page explaining the article.

    The page shows the Article's metadata, a legend counting the removals per reason code,
    then every input block in order: kept text as it is, removed text struck through in
    ``<del class="removed" data-reason="..." data-cleaner="...">`` after a label with its
    reason code (and ``data-score="..."``, the score on the label too, for a removal a fitted
    model decided). Everything from the page is escaped, and the page's Content-Security-Policy
    (:data:`CONTENT_SECURITY_POLICY`) forbids scripts and external resources, so neither
    the page's markup nor a bug in this function can run code in the reader's browser. The
    URL is shown as text, not as a link.

    Args:
        article: The cleaned article.
        title: The report's ``<title>``; default "articlekit explain: " and the article's
            title (or ``source``).
        source: Where the page came from (a file name), shown under the metadata.

    Returns:
        The HTML document.

    Example:
        >>> from articlekit import Article, Block, Removal
        >>> page = explain_html(Article(
        ...     blocks=(Block("paragraph", "Safe <b>text</b>.", 1),),
        ...     removed=(Removal("remove_markup", "markup", "<script>alert(1)</script>", 0),)))
        >>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        (False, True)
        >>> '<del class="removed" data-reason="markup"' in page
        True
    """
    heading = article.title or source or "Untitled article"
    if title is None:
        title = f"articlekit explain: {heading}"
    meta = "".join(
        f"<dt>{_esc(label)}</dt><dd>{_esc(value)}</dd>" for label, value in _metadata(article)
    )
    if source:
        meta += f"<dt>input</dt><dd>{_esc(source)}</dd>"
    legend = "".join(
        f'<li><span class="reason" style="--hue: {_hue(reason)}">{_esc(reason)}</span>'
        f'<span class="count" data-reason="{_esc(reason)}">{n}</span></li>'
        for reason, n in reason_counts(article)
    )
    lang = f' lang="{_esc(article.language)}"' if article.language else ""
    return "".join(
        [
            "<!DOCTYPE html>\n<html>\n<head>\n",
            # The policy comes first, before anything taken from the page.
            '<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n',
            '<meta name="referrer" content="no-referrer">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{_esc(title)}</title>\n",
            f"<style>{_STYLE}</style>\n</head>\n<body>\n",
            f'<header>\n<h1>{_esc(heading)}</h1>\n<dl class="meta">{meta}</dl>\n</header>\n',
            '<section class="legend">\n<h2>Removed, by reason</h2>\n',
            f'<ul>{legend}</ul>\n<p class="summary">{_esc(_summary(article, counts=False))}</p>\n',
            "</section>\n",
            f'<main class="document"{lang}>\n',
            *_blocks_html(article),
            "</main>\n",
            "<footer>Numbers are input blocks. Struck-through text was removed for the reason "
            "on its label (hover over a label for the cleaner); p= is the fitted model's "
            "probability that the piece was the article's, where a model decided. "
            "Made by articlekit explain."
            "</footer>\n",
            "</body>\n</html>\n",
        ]
    )
