"""Whole-page text: the byline next to the story's core, when none was found before (issue 19).

In whole-page text the story often starts far below the page's menus; when neither the first
lines nor the lines under the headline hold a byline, ``extract_core_byline`` reads the lines
just above the article's core and the core's own first and last lines.
"""

from __future__ import annotations

import articlekit
from articlekit.cleaners import ExtractCoreByline
from articlekit.cleaners._common import as_core
from articlekit.cleaners.bylines import (
    ABOVE_CORE_BLOCKS,
    BELOW_CORE_BLOCKS,
    BOTTOM_BLOCKS,
    TOP_BLOCKS,
)
from articlekit.draft import Draft
from whole_pages import menu, story

MENU = menu(12)
STORY = story()


def _page(*lines: str) -> str:
    # No line of the page repeats a title: only the core tells where the story is.
    return "\n".join(["Harbour News", *MENU, *lines, "© 2025 Harbour News"])


def test_a_byline_above_the_core_deep_in_the_page_names_the_author() -> None:
    page = _page("Subscribe to our newsletter", "By Jane Doe", *STORY)
    assert page.split("\n").index("By Jane Doe") > TOP_BLOCKS
    article = articlekit.clean_text(page)
    assert article.authors == ("Jane Doe",)
    assert "By Jane Doe" not in article.text
    # The core left the line out already: it keeps its removal (a list line of the menus').
    assert [r.cleaner for r in article.removed if r.text == "By Jane Doe"] == ["keep_article_core"]
    without_core_step = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_text(page, pipeline=without_core_step).authors == ()


def test_a_dated_byline_above_the_core() -> None:
    page = _page("Posted on September 21, 2020 by Jane Doe", *STORY)
    assert articlekit.clean_text(page).authors == ("Jane Doe",)


def test_a_byline_too_far_above_the_core_is_not_read() -> None:
    spacer = [f"Menu link {i}" for i in range(ABOVE_CORE_BLOCKS)]
    article = articlekit.clean_text(_page("By Jane Doe", *spacer, *STORY))
    assert article.authors == ()


def test_a_signature_under_the_core_is_read() -> None:
    # Not among the text's last lines, which extract_byline reads: under the signature, the
    # page's footer links.
    footer = [f"Footer link {word}" for word in "abcdef"]
    article = articlekit.clean_text(_page(*STORY, "Written by Jane Doe", *footer))
    assert article.authors == ("Jane Doe",)
    assert [r.cleaner for r in article.removed if "Jane Doe" in r.text] == ["keep_article_core"]
    # Below the core, a name and its role without a byline word sign a quote or a letter.
    assert articlekit.clean_text(_page(*STORY, "Jane Doe | Reporter", *footer)).authors == ()
    # Further down than BELOW_CORE_BLOCKS lines, it is the page's, not the story's.
    far = [*footer[:BELOW_CORE_BLOCKS], "Written by Jane Doe", *footer[BELOW_CORE_BLOCKS:]]
    assert articlekit.clean_text(_page(*STORY, *far)).authors == ()


def test_a_byline_among_the_cores_first_lines_leaves_the_body() -> None:
    page = _page(STORY[0], "By Jane Doe", *STORY[1:])
    article = articlekit.clean_text(page)
    assert article.authors == ("Jane Doe",)
    assert "By Jane Doe" not in article.text
    assert [(r.cleaner, r.reason) for r in article.removed if "Jane Doe" in r.text] == [
        ("extract_core_byline", "byline")
    ]


def test_a_byline_in_the_middle_of_a_long_story_is_not_read() -> None:
    paragraphs = [
        f"Paragraph {i} of the story goes on about the ferries and the council's long vote."
        for i in range(TOP_BLOCKS + BOTTOM_BLOCKS + 4)
    ]
    middle = TOP_BLOCKS + 2
    page = _page(*paragraphs[:middle], "By Jane Doe", *paragraphs[middle:])
    assert articlekit.clean_text(page).authors == ()


def test_the_first_byline_found_wins() -> None:
    # A byline among the text's first lines names the author: the core's is not asked.
    page = "\n".join(["By Ann Lee", *MENU, "By Jane Doe", *STORY])
    assert articlekit.clean_text(page).authors == ("Ann Lee",)


def test_nothing_happens_without_a_core_cut() -> None:
    # HTML input (an extractor chose the body) or a text that is all core: no core hint.
    draft = Draft.from_texts(["By Jane Doe", *STORY])
    assert ExtractCoreByline()(draft) is draft
    assert ExtractCoreByline()(as_core(draft)).authors == ("Jane Doe",)


def test_clean_html_is_not_changed() -> None:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    html = f"<html><body><nav>Home</nav><article><h1>Ferries</h1>{story}</article></body></html>"
    steps = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_html(html) == articlekit.clean_html(html, pipeline=steps)


def test_an_author_box_anywhere_on_the_page_names_the_author() -> None:
    # The box stands far under the story (past the lines read for a signature): the name
    # alone, then a biography that opens with it and says what the person does.
    footer = [f"Footer link {word}" for word in "abcdefgh"]
    box = ["About the author", "Jane Doe", "Jane Doe is a senior writer covering the harbour."]
    page = _page(*STORY, *footer, *box, "More from Harbour News")
    article = articlekit.clean_text(page)
    assert article.authors == ("Jane Doe",)
    without_core_step = articlekit.DEFAULT_PIPELINE.without("extract_core_byline")
    assert articlekit.clean_text(page, pipeline=without_core_step).authors == ()


def test_a_heading_over_its_definition_is_no_author_box() -> None:
    # "Power BI" over "Power BI is a business analytics tool...": no role, no one.
    footer = [f"Footer link {word}" for word in "abcdefgh"]
    glossary = ["Power BI", "Power BI is a business analytics tool from Microsoft."]
    page = _page(*STORY, *footer, *glossary, "More from Harbour News")
    assert articlekit.clean_text(page).authors == ()
