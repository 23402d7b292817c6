"""The seeds and the HTML fixtures as Markdown and as HTML, checked exactly (issue 20).

The expected files in ``tests/golden/render/`` were read by hand against the input: headings
at their level (a seed's subheading is a Markdown heading), lists nested and numbered as the
page has them, the table as one table, quotes, code, links with absolute targets (a
``javascript:`` link as its text alone), emphasis. After a deliberate change of the renderer
or the reader, rewrite them with ``ARTICLEKIT_WRITE_GOLDEN=1 python -m pytest
tests/golden/test_render_golden.py`` and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.render_check import html_problems, markdown_words, text_words

import articlekit
from articlekit import Article

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "render"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PAGES = [
    *sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html")),
    ROOT / "tests" / "fixtures" / "render" / "structure.html",
]
#: The structure fixture's URL: its relative links are made absolute against it.
URLS = {"structure": "https://news.example.org/2025/11/16/ferry-timetable"}
WRITE = os.environ.get("ARTICLEKIT_WRITE_GOLDEN") == "1"


def _cases() -> list[tuple[str, Callable[[], Article]]]:
    cases: list[tuple[str, Callable[[], Article]]] = []
    for seed in SEEDS:
        cases.append((seed.stem, lambda p=seed: articlekit.clean_text(p.read_text("utf-8"))))
    for page in PAGES:
        cases.append(
            (
                page.stem,
                lambda p=page: articlekit.clean_html(p.read_bytes(), url=URLS.get(p.stem)),
            )
        )
    return cases


CASES = _cases()


@pytest.fixture(scope="module", params=CASES, ids=[name for name, _ in CASES])
def case(request: pytest.FixtureRequest) -> tuple[str, Article]:
    name, make = request.param
    return name, make()


def _check(path: Path, rendered: str) -> None:
    if WRITE:
        path.write_text(rendered + "\n", encoding="utf-8")
    assert rendered + "\n" == path.read_text(encoding="utf-8")


def test_markdown(case: tuple[str, Article]) -> None:
    name, article = case
    _check(GOLDEN / f"{name}.md", article.to_markdown(metadata=True))


def test_html(case: tuple[str, Article]) -> None:
    name, article = case
    _check(GOLDEN / f"{name}.html", article.to_html(metadata=True))


def test_images_where_they_stood() -> None:
    page = ROOT / "tests" / "fixtures" / "render" / "structure.html"
    article = articlekit.clean_html(page.read_bytes(), url=URLS["structure"])
    _check(GOLDEN / "structure.images.md", article.to_markdown(metadata=True, images=True))
    _check(GOLDEN / "structure.images.html", article.to_html(metadata=True, images=True))
    assert markdown_words(article.to_markdown(images=True)) == text_words(article.text)
    assert html_problems(article.to_html(images=True)) == []


def test_markdown_has_the_articles_words(case: tuple[str, Article]) -> None:
    _, article = case
    assert markdown_words(article.to_markdown()) == text_words(article.text)
    assert markdown_words(article.to_markdown(links=False)) == text_words(article.text)


def test_html_is_safe(case: tuple[str, Article]) -> None:
    _, article = case
    assert html_problems(article.to_html(metadata=True)) == []


def test_a_seeds_subheading_is_a_markdown_heading() -> None:
    expected = json.loads((ROOT / "seeds" / "expected.json").read_text("utf-8"))
    with_headings = [name for name, e in expected.items() if e.get("headings")]
    assert with_headings  # the seeds have subheadings to check
    for name in with_headings:
        article = articlekit.clean_text((ROOT / "seeds" / name).read_text("utf-8"))
        lines = article.to_markdown().split("\n")
        for heading in expected[name]["headings"]:
            assert f"## {' '.join(heading.split())}" in lines, (name, heading)


def test_the_structure_page_keeps_its_structure() -> None:
    page = ROOT / "tests" / "fixtures" / "render" / "structure.html"
    article = articlekit.clean_html(page.read_bytes(), url=URLS["structure"])
    markdown = article.to_markdown()
    assert "## What changes" in markdown and "### Fares" in markdown
    assert "- Weekend crossings run every hour:\n    - from 8:00 to 20:00 in summer;" in markdown
    assert "1. Fill in the form at the library or online.\n2. Bring a proof of address." in markdown
    assert "| Ticket | Before | After |\n| --- | --- | --- |" in markdown
    assert "> We listened to the island" in markdown
    assert '`load_timetable("2025-12")`' in markdown
    assert (
        "[the council's website](https://news.example.org/council/decisions/2025-114)" in markdown
    )
    assert "*new*" in markdown and "**four hours**" in markdown
    # The javascript: link is its text alone, in Markdown and in HTML.
    assert "can write to the council until" in markdown
    assert "javascript" not in markdown and "javascript" not in article.to_html()
    # Links droppable: the text stays, the targets go.
    plain = article.to_markdown(links=False)
    assert "the council's website, and" in plain and "](" not in plain
