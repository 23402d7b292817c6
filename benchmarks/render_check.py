"""Check the renderers on real pages: every dev Article's Markdown has the words of its text,
and its HTML is safe and well-formed.

``python -m benchmarks.render_check ../shared/data/dev [--limit N] [--jobs 2]`` cleans each
page of each ``.jsonl.gz`` file (``clean_html`` on ``html``, ``clean_text`` on ``page_text``
or a plain-text record's ``text``) and checks :meth:`~articlekit.Article.to_markdown` (with
and without links) against :attr:`~articlekit.Article.text` by :func:`markdown_words`, and
:meth:`~articlekit.Article.to_html` by :func:`html_problems`; it prints a table of Articles
checked and failing per file and path, and the first failures. The two checks are written
here, apart from the renderer (a reading of Markdown and an HTML parser), and the test suite
uses them too.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import multiprocessing
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from benchmarks.run import count_lines, progress, read_lines

#: ``\w+`` tokens, as the benchmark's metrics tokenise.
_WORD = re.compile(r"\w+")
#: Read left to right: an escaped character (kept), a code span (its code kept literally), a
#: link's ``](target)`` (the renderer writes targets without white space or parentheses), a
#: mark of emphasis or a link's bracket (dropped). Every "*", "[", "]", "`" or "\\" the text
#: holds is escaped, so an unescaped one is markup.
_MARKUP = re.compile(r"\\(.)|(`+)(?!`)(.+?)(?<!`)\2(?!`)|\]\([^)\s]*\)|[*\[\]]")
#: A list marker of a rendered list: indentation, then "-" or a number and "." at line start.
_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_FENCE = re.compile(r"^(`{3,})")
#: A line that is an image alone, ``![alt](src)`` (the alt text escaped as text is): no word
#: of the Article's text.
_IMAGE_LINE = re.compile(r"^!\[(?:\\.|[^\]\\])*\]\([^)\s]*\)$")


def _kept(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    code = match.group(3)
    if code is not None:
        # A space pads code that starts or ends with a backtick: it is not the code's.
        return code[1:-1] if code.startswith(" ") and code.endswith(" ") else code
    return ""


def _plain(line: str) -> str:
    """A line of Markdown (outside code blocks) less its formatting; code spans are literal."""
    return _MARKUP.sub(_kept, line)


def markdown_words(markdown: str) -> list[str]:
    """The words of Markdown less its formatting: link targets, list markers, escapes, images.

    A number the text held itself ("1. First") is escaped ("1\\. First"), so it stays; the
    text of code blocks and code spans is literal.
    """
    words: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if line == fence:
                fence = None
            else:
                words.extend(_WORD.findall(line))
            continue
        if opening is not None:
            fence = opening.group(1)
            continue
        if _IMAGE_LINE.match(line):
            continue
        # "1. " of a rendered ordered list is markup; a number the text held is escaped.
        words.extend(_WORD.findall(_plain(_MARKER.sub("", line, count=1))))
    return words


def text_words(text: str) -> list[str]:
    """The words of a plain text (``Article.text``)."""
    return _WORD.findall(text)


class _Checker(html.parser.HTMLParser):
    ALLOWED = frozenset(
        [
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "code",
            "table",
            "tr",
            "th",
            "td",
            "a",
            "em",
            "strong",
            "img",
        ]
    )
    #: The attributes each element may have; a value that is a target must be safe.
    ATTRIBUTES: ClassVar[dict[str, frozenset[str]]] = {
        "a": frozenset({"href"}),
        "img": frozenset({"src", "alt"}),
    }
    TARGETS = frozenset({"href", "src"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ALLOWED:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name not in self.ATTRIBUTES.get(tag, ()):
                self.problems.append(f"attribute {name} on <{tag}>")
            elif (
                name in self.TARGETS
                and value is not None
                and re.match(r"\s*(javascript|data|vbscript):", value, re.I)
            ):
                self.problems.append(f"{name} {value!r}")
        if tag != "img":  # a void element: no end tag
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def html_problems(fragment: str) -> list[str]:
    """What makes an HTML fragment unsafe or ill-formed: elements other than the renderer's,
    attributes other than a link's ``href`` and an image's ``src`` and ``alt``,
    ``javascript:``/``data:`` targets, tags that do not nest (empty when it is safe and every
    element is closed in order)."""
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker.problems + [f"<{tag}> not closed" for tag in checker.open]


def check_record(line: str) -> list[tuple[str, bool, bool, str]]:
    """Clean one dev record both ways it can be read: per Article, ``(path, Markdown words
    differ, HTML unsafe or ill-formed, what failed)``."""
    import logging
    import warnings

    import articlekit

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    record = json.loads(line)
    rows: list[tuple[str, bool, bool, str]] = []
    inputs = []
    if record.get("html"):
        inputs.append(("html", record["html"]))
    text = record.get("page_text") or record.get("text")
    if isinstance(text, str) and text:
        inputs.append(("text", text))
    for path, value in inputs:
        try:
            if path == "html":
                article = articlekit.clean_html(value, url=record.get("url"))
            else:
                article = articlekit.clean_text(value)
        except articlekit.NoArticleError as exc:
            article = exc.article
        except articlekit.ArticlekitError:
            continue
        words = text_words(article.text)
        markdown = any(
            markdown_words(article.to_markdown(links=links, images=images)) != words
            for links in (True, False)
            for images in (False, True)
        )
        problems = html_problems(article.to_html(metadata=True)) + html_problems(
            article.to_html(images=True)
        )
        detail = f"{record.get('id')}: {'Markdown words; ' if markdown else ''}{problems[:3]}"
        rows.append((path, markdown, bool(problems), detail))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a folder of .jsonl.gz files, or one file")
    parser.add_argument("--limit", type=int, default=None, help="records per file")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    files = sorted(args.data.glob("*.jsonl.gz")) if args.data.is_dir() else [args.data]
    if not files:
        parser.error(f"no .jsonl.gz file in {args.data}")
    table = [
        "| file | path | Articles | Markdown words differ | HTML unsafe or ill-formed |",
        "|---|---|---|---|---|",
    ]
    examples: list[str] = []
    for path in files:
        counts: dict[str, list[int]] = {}
        total = count_lines(path, args.limit)
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            results = pool.imap(check_record, read_lines(path, args.limit), chunksize=4)
            for rows in progress(results, total, path.name):
                for which, markdown, unsafe, detail in rows:
                    seen = counts.setdefault(which, [0, 0, 0])
                    seen[0] += 1
                    seen[1] += markdown
                    seen[2] += unsafe
                    if (markdown or unsafe) and len(examples) < 10:
                        examples.append(f"{path.name} {which} {detail}")
        for which, (articles, markdown, unsafe) in sorted(counts.items()):
            table.append(f"| {path.name} | {which} | {articles} | {markdown} | {unsafe} |")
    print("\n".join(table))
    for line in examples:
        print(line, file=sys.stderr)
    return 1 if examples else 0


if __name__ == "__main__":
    raise SystemExit(main())
