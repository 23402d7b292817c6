"""An Article as Markdown and as clean, safe HTML (``Article.to_markdown``, ``Article.to_html``).

Both render the kept blocks with their structure: headings at their level, list items nested
and numbered as the page had them, quotes, code, table rows as one table, and the links,
emphasis and code inside a block (its :attr:`~articlekit.article.Block.spans`). Plain text has
no spans; a paragraph of plain text that starts with a bullet ("- ", "• ") is rendered as an
item of a bulleted list.

The words are the Article's own: stripped of its formatting (the markup, the escapes, the link
targets, the numbers of a numbered list), the Markdown has the words of :attr:`Article.text`,
in order. Markdown's special characters in the text are escaped, so they read as text.

The HTML is a fragment of a few elements (``p``, ``h1``-``h6``, ``ul``, ``ol``, ``li``,
``blockquote``, ``pre``, ``code``, ``table``, ``tr``, ``th``, ``td``, ``a``, ``em``,
``strong``), with every text escaped and no attribute but ``href``; a link whose target is not
``http``, ``https``, ``mailto`` or relative (``javascript:``, ``data:``...) is rendered as its
text alone. The Markdown drops such targets too. With ``images=True`` both also render the
body's images where they stood (``![alt](src)``; ``<img>`` with its ``src`` and ``alt``, in a
``<p>``), an image of another target left out.

Example:
    >>> from articlekit.article import Article, Block, Span
    >>> a = Article(title="Talks resume", blocks=(
    ...     Block("paragraph", "Negotiators met in Istanbul.", spans=(Span(19, 27, "link", "https://x.org/i"),)),
    ...     Block("heading", "What comes next", 1, level=2),
    ...     Block("list_item", "A second round", 2),
    ...     Block("list_item", "A prisoner exchange", 3),
    ... ))
    >>> print(to_markdown(a))
    Negotiators met in [Istanbul](https://x.org/i).
    <BLANKLINE>
    ## What comes next
    <BLANKLINE>
    - A second round
    - A prisoner exchange
    >>> print(to_html(a))
    <p>Negotiators met in <a href="https://x.org/i">Istanbul</a>.</p>
    <h2>What comes next</h2>
    <ul>
    <li>A second round</li>
    <li>A prisoner exchange</li>
    </ul>
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the renderers read Articles; article.py imports this module
    from articlekit.article import Article, Block, Image, Span

__all__ = ["CELL_SEPARATOR", "safe_href", "to_html", "to_markdown"]

#: What joins a table row's cells in its block's text (:func:`articlekit.article.joined_cells`
#: joins them; :func:`_cells` splits a row without ``cell`` spans at it). Defined here, not in
#: :mod:`articlekit.article`, which imports this module.
CELL_SEPARATOR = " | "

#: A plain-text paragraph that starts with a bullet and white space.
_BULLET = re.compile(r"^([-*•·–—+▪►‣◦])\s+")
#: Link targets kept: web, mail, and relative ones (no scheme).
_SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
#: Characters of the text Markdown would read as markup, escaped everywhere...
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
#: ...an "&" that would start a character reference ("&copy;" is text, not "©")...
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: ...and those that make a block something else when they open it.
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")
#: Spans nested deeper than this are left out (the rendering recurses once a level).
MAX_NESTING = 32
#: The heading level of a heading whose level is not known (the title is level 1).
DEFAULT_HEADING_LEVEL = 2


def safe_href(href: str | None) -> str | None:
    """The link target if it is safe to render (web, mail or relative), else None.

    Example:
        >>> [safe_href(h) for h in ("https://x.org", "/a", "mailto:a@x.org", "javascript:alert(1)",
        ...                         " JavaScript:x", "data:text/html,x", "", None)]
        ['https://x.org', '/a', 'mailto:a@x.org', None, None, None, None, None]
    """
    if not href:
        return None
    # Browsers drop control characters and white space in a scheme ("java\\tscript:").
    cleaned = "".join(ch for ch in href if ch > " " and ch != "\x7f")
    if not cleaned:
        return None
    match = _SCHEME.match(cleaned)
    if match is not None and match.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return href.strip()


def _list_marker(block: Block) -> tuple[bool, str] | None:
    """What a block is as a list item: (ordered, the text after the marker), else None.

    A list item is one; so is a plain-text paragraph opening with a bullet ("- ", "• ").

    A plain-text paragraph opening with its own number ("1. First") stays a paragraph, the
    number escaped: it is a word of the text, which a Markdown list's marker is not.
    """
    if block.kind == "list_item":
        return block.ordered, block.text
    if block.kind != "paragraph" or block.spans:
        return None
    if (match := _BULLET.match(block.text)) is not None:
        return False, block.text[match.end() :]
    return None


def _joined(spans: Sequence[Span]) -> list[Span]:
    """The spans, those of one kind that overlap or touch joined into one, in order of start.

    "<code>a</code><code>b</code>" is one code span (two side by side would read as one broken
    fence), and emphasis inside emphasis is emphasis. Links stay apart: each has its target.
    """
    joined: list[Span] = [s for s in spans if s.kind == "link"]
    for kind in ("emphasis", "strong", "code"):
        run: Span | None = None
        for span in sorted((s for s in spans if s.kind == kind), key=lambda s: s.start):
            if run is not None and span.start <= run.end:
                run = type(span)(run.start, max(run.end, span.end), kind, None)
                continue
            if run is not None:
                joined.append(run)
            run = span
        if run is not None:
            joined.append(run)
    return sorted(joined, key=lambda s: (s.start, -s.end))


def _nested_spans(spans: Sequence[Span], offset: int, length: int) -> list[tuple[int, int, Span]]:
    """The spans as ``(start, end, span)`` in the text from ``offset`` on, in order of start.

    Only spans that nest (a span crossing one it starts in is left out) and fit the text.
    """
    kept: list[tuple[int, int, Span]] = []
    open_ends: list[int] = []
    for span in _joined(spans):
        start, end = span.start - offset, span.end - offset
        if start < 0 or end > length:
            continue
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if (open_ends and end > open_ends[-1]) or len(open_ends) >= MAX_NESTING:
            continue
        kept.append((start, end, span))
        open_ends.append(end)
    return kept


def _inline(
    text: str,
    spans: Sequence[Span],
    escape: Callable[[str], str],
    wrap: Callable[[Span, str, str], str],
    offset: int = 0,
) -> str:
    """``text`` escaped, each span's part wrapped; ``text`` starts at ``offset`` of the block's.

    ``wrap(span, inner, raw)`` gets the span's part rendered (``inner``) and as it is (``raw``).
    """
    # A cell is no inline markup: the table renderers place the cells (_cells).
    spans = [s for s in spans if s.kind != "cell"]
    if not spans:
        return escape(text)
    items = _nested_spans(spans, offset, len(text))
    position = 0

    def build(i: int, end: int) -> tuple[str, int]:
        nonlocal position
        parts: list[str] = []
        while i < len(items) and items[i][0] < end:
            start, stop, span = items[i]
            if start > position:
                parts.append(escape(text[position:start]))
                position = start
            inner, i = build(i + 1, stop)
            parts.append(wrap(span, inner, text[start:stop]))
        if end > position:
            parts.append(escape(text[position:end]))
            position = end
        return "".join(parts), i

    return build(0, len(text))[0]


def _escape_md(text: str) -> str:
    return _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", text))


def _md_wrap(links: bool) -> Callable[[Span, str, str], str]:
    def wrap(span: Span, inner: str, raw: str) -> str:
        core = inner.strip()
        if not core:
            return inner
        # Markdown emphasis does not open or close next to white space: keep it outside.
        lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
        if span.kind == "link":
            href = safe_href(span.href)
            if not links or href is None:
                return inner
            return f"{lead}[{core}]({_md_target(href)}){trail}"
        if span.kind == "code":
            # Code is literal: its own text, no escapes, in a fence longer than its backticks.
            code = raw.strip()
            fence = "`" * (_longest_backticks(code) + 1)
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            return f"{lead}{fence}{pad}{code}{pad}{fence}{trail}"
        mark = "**" if span.kind == "strong" else "*"
        return f"{lead}{mark}{core}{mark}{trail}"

    return wrap


def _md_line(block: Block, links: bool, text: str | None = None, offset: int = 0) -> str:
    """One block's text as Markdown inline content, escaped, its spans rendered."""
    body = block.text if text is None else text
    rendered = _inline(body, block.spans, _escape_md, _md_wrap(links), offset)
    # A paragraph that opens with "#", ">", "-", "1." would be a heading, quote or list.
    return _MD_LINE_START.sub(_escaped_start, rendered, count=1)


def _escaped_start(match: re.Match[str]) -> str:
    # A mark is escaped; a number's dot or parenthesis is (a backslash before a digit is text).
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def _cells(block: Block) -> list[str]:
    """A table row's cells: where its ``cell`` spans say, else its text split at the separator.

    The spans are used only when they tile the text, in order, with nothing but the
    separator between them, so that no word of the row is lost to a malformed span.
    """
    text = block.text
    cells = sorted((s.start, s.end) for s in block.spans if s.kind == "cell")
    position = 0
    for start, end in cells:
        if start < position or text[position:start].strip() not in ("", "|"):
            break
        position = end
    else:
        if cells and not text[position:].strip():
            return [text[start:end].strip() for start, end in cells]
    return [cell.strip() for cell in text.split(CELL_SEPARATOR)]


def _md_table(rows: Sequence[Block]) -> str:
    cells = [[_escape_md(c) for c in _cells(row)] for row in rows]
    width = max(len(r) for r in cells)
    lines = []
    for n, row in enumerate(cells):
        padded = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(padded) + " |")
        if n == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _longest_backticks(text: str) -> int:
    return max((len(m) for m in re.findall(r"`+", text)), default=0)


def _fence(text: str) -> str:
    return "`" * max(3, _longest_backticks(text) + 1)


def _md_target(href: str) -> str:
    """A link or image target as Markdown writes it: no white space or parentheses."""
    return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _groups(blocks: Sequence[Block]) -> Iterator[tuple[str, list[Block]]]:
    """Runs of blocks rendered together: lists, tables, quotes; other blocks one by one."""
    run: list[Block] = []
    run_kind = ""
    for block in blocks:
        kind = "list" if _list_marker(block) is not None else block.kind
        if kind in ("list", "table_row", "quote") and kind == run_kind:
            run.append(block)
            continue
        if run:
            yield run_kind, run
        run, run_kind = [block], kind
    if run:
        yield run_kind, run


def _md_list(items: Sequence[Block], links: bool) -> str:
    lines = []
    numbers: dict[int, int] = {}
    for block in items:
        marker = _list_marker(block)
        assert marker is not None
        ordered, text = marker
        depth = block.level if block.kind == "list_item" else 0
        indent = "    " * depth
        for deeper in [d for d in numbers if d > depth]:
            del numbers[deeper]
        content = _md_line(block, links, text, len(block.text) - len(text))
        if ordered:
            numbers[depth] = numbers.get(depth, 0) + 1
            lines.append(f"{indent}{numbers[depth]}. {content}")
        else:
            lines.append(f"{indent}- {content}")
    return "\n".join(lines)


def _metadata_lines(article: Article, heading: Callable[[str], str]) -> list[str]:
    lines = []
    if article.title:
        lines.append(heading(article.title))
    if article.subtitle:
        lines.append(article.subtitle)
    credit = []
    if article.authors:
        credit.append(", ".join(article.authors))
    if article.published is not None:
        credit.append(article.published.date().isoformat())
    if credit:
        lines.append(" · ".join(credit))
    return lines


def _segments(article: Article, images: bool) -> Iterator[tuple[Sequence[Block], Image | None]]:
    """The body's blocks in runs, each with the image rendered after it (None: none).

    An image stands before the first block whose index is at least its
    :attr:`~articlekit.article.Image.before` (a run of list items or table rows it falls
    into is split there); images without one, or after the last block, come last. Only
    images with a safe target (see :func:`safe_href`) are rendered, that target as their
    ``src``; without ``images``, none.
    """
    blocks = article.blocks
    # Each image once through safe_href: the renderers write the target it gives.
    safe = ((image, safe_href(image.src)) for image in article.images) if images else ()
    shown = [dataclasses.replace(image, src=src) for image, src in safe if src]
    start = 0
    last: list[Image] = []
    for image in shown:
        at = None
        if image.before is not None:
            at = next(
                (k for k in range(start, len(blocks)) if blocks[k].index >= image.before), None
            )
        if at is None:
            last.append(image)
            continue
        yield blocks[start:at], image
        start = at
    yield blocks[start:], None
    for image in last:
        yield (), image


def _md_image(image: Image) -> str:
    alt = _escape_md(image.alt or "")
    return f"![{alt}]({_md_target(image.src)})"


def _html_image(image: Image) -> str:
    src = html.escape(image.src, quote=True)
    return f'<p><img src="{src}" alt="{html.escape(image.alt or "", quote=True)}"></p>'


def to_markdown(
    article: Article, *, links: bool = True, metadata: bool = False, images: bool = False
) -> str:
    """The article's body as Markdown (see the module's docstring).

    Args:
        article: The Article.
        links: Whether links are rendered as links (else their text alone).
        metadata: Whether the title (a level-1 heading), the subtitle and a line with the
            authors and the publication day come first.
        images: Whether the body's images are rendered (``![alt](src)``) where they stood.

    Returns:
        Markdown, blocks separated by a blank line, no trailing newline.
    """
    parts: list[str] = []
    if metadata:
        parts.extend(
            _escape_md(line) if n else f"# {_escape_md(line)}"
            for n, line in enumerate(_metadata_lines(article, lambda t: t))
        )
        if parts and not article.title:
            parts[0] = _escape_md(_metadata_lines(article, lambda t: t)[0])
    for segment, image in _segments(article, images):
        parts.extend(_md_groups(segment, links))
        if image is not None:
            parts.append(_md_image(image))
    return "\n\n".join(parts)


def _md_groups(blocks: Sequence[Block], links: bool) -> Iterator[str]:
    """The Markdown of each group of ``blocks`` (see :func:`_groups`)."""
    for kind, run in _groups(blocks):
        if kind == "list":
            yield _md_list(run, links)
        elif kind == "table_row":
            yield _md_table(run)
        elif kind == "quote":
            yield "\n>\n".join(f"> {_md_line(b, links)}" for b in run)
        elif kind == "heading":
            (block,) = run
            level = min(6, block.level or DEFAULT_HEADING_LEVEL)
            yield f"{'#' * level} {_md_line(block, links).lstrip(chr(92))}"
        elif kind == "code":
            (block,) = run
            fence = _fence(block.text)
            yield f"{fence}\n{block.text}\n{fence}"
        elif kind == "caption":
            (block,) = run
            yield f"*{_md_line(block, links)}*"
        else:
            yield from (_md_line(b, links) for b in run)


def _html_wrap(span: Span, inner: str, raw: str) -> str:
    if span.kind == "link":
        href = safe_href(span.href)
        if href is None:
            return inner
        return f'<a href="{html.escape(href, quote=True)}">{inner}</a>'
    tag = {"emphasis": "em", "strong": "strong", "code": "code"}[span.kind]
    return f"<{tag}>{inner}</{tag}>"


def _html_text(block: Block, text: str | None = None, offset: int = 0) -> str:
    body = block.text if text is None else text
    return _inline(body, block.spans, lambda t: html.escape(t, quote=False), _html_wrap, offset)


def _html_list(items: Sequence[Block]) -> list[str]:
    """A run of list items as nested ``ul``/``ol`` lists: a deeper list inside the item above."""
    lines: list[str] = []
    # Per open list, outermost first: its tag, and the line of its open item (-1: none open).
    stack: list[tuple[str, int]] = []

    def close_item() -> None:
        tag, line = stack[-1]
        if line >= 0:
            # On the item's own line when no nested list came after it.
            if line == len(lines) - 1:
                lines[-1] += "</li>"
            else:
                lines.append("</li>")
            stack[-1] = (tag, -1)

    def close_list() -> None:
        close_item()
        lines.append(f"</{stack.pop()[0]}>")

    for block in items:
        marker = _list_marker(block)
        assert marker is not None
        ordered, text = marker
        depth = block.level if block.kind == "list_item" else 0
        tag = "ol" if ordered else "ul"
        while len(stack) > depth + 1:
            close_list()
        if len(stack) == depth + 1 and stack[-1][0] != tag:
            close_list()
        while len(stack) < depth + 1:
            if stack and stack[-1][1] < 0:
                # A nested list with no item above it: an empty item holds it.
                lines.append("<li>")
                stack[-1] = (stack[-1][0], len(lines) - 1)
            lines.append(f"<{tag}>")
            stack.append((tag, -1))
        close_item()
        lines.append(f"<li>{_html_text(block, text, len(block.text) - len(text))}")
        stack[-1] = (tag, len(lines) - 1)
    while stack:
        close_list()
    return lines


def to_html(article: Article, *, metadata: bool = False, images: bool = False) -> str:
    """The article's body as an HTML fragment (see the module's docstring).

    Args:
        article: The Article.
        metadata: Whether the title (``<h1>``), the subtitle and a line with the authors and
            the publication day come first.
        images: Whether the body's images are rendered (``<img src alt>`` in a ``<p>``)
            where they stood.

    Returns:
        HTML, an element a line (a list or table spans several), no trailing newline.
    """
    lines: list[str] = []
    if metadata:
        for n, line in enumerate(_metadata_lines(article, lambda t: t)):
            escaped = html.escape(line, quote=False)
            lines.append(f"<h1>{escaped}</h1>" if n == 0 and article.title else f"<p>{escaped}</p>")
    for segment, image in _segments(article, images):
        lines.extend(_html_groups(segment))
        if image is not None:
            lines.append(_html_image(image))
    return "\n".join(lines)


def _html_groups(blocks: Sequence[Block]) -> list[str]:
    """The HTML lines of the groups of ``blocks`` (see :func:`_groups`)."""
    lines: list[str] = []
    for kind, run in _groups(blocks):
        if kind == "list":
            lines.extend(_html_list(run))
        elif kind == "table_row":
            lines.append("<table>")
            for n, row in enumerate(run):
                cell = "th" if n == 0 and len(run) > 1 else "td"
                cells = "".join(
                    f"<{cell}>{html.escape(c, quote=False)}</{cell}>" for c in _cells(row)
                )
                lines.append(f"<tr>{cells}</tr>")
            lines.append("</table>")
        elif kind == "quote":
            lines.append("<blockquote>")
            lines.extend(f"<p>{_html_text(b)}</p>" for b in run)
            lines.append("</blockquote>")
        elif kind == "heading":
            (block,) = run
            level = min(6, block.level or DEFAULT_HEADING_LEVEL)
            lines.append(f"<h{level}>{_html_text(block)}</h{level}>")
        elif kind == "code":
            (block,) = run
            lines.append(f"<pre><code>{html.escape(block.text, quote=False)}</code></pre>")
        elif kind == "caption":
            (block,) = run
            lines.append(f"<p><em>{_html_text(block)}</em></p>")
        else:
            lines.extend(f"<p>{_html_text(b)}</p>" for b in run)
    return lines
