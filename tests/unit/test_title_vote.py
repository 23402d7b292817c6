"""The HTML title vote: its candidates, their rows, the shipped weights, the cleaner."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit import clean_html, clean_text, scorer
from articlekit.cleaners.titles import ChooseTitle
from articlekit.draft import Draft, DraftBlock, Hints
from articlekit.errors import BlockModelError
from articlekit.features import folded_words
from articlekit.readers import title_vote
from articlekit.readers.title_vote import (
    TITLE_FEATURES,
    TitleCandidate,
    choose_title,
    title_candidates,
    title_model,
)
from articlekit.scorer import BlockScorer
from weights import logistic

STORY = "".join(
    f"<p>Paragraph {i} of the story tells how the harbour council approved the new ferry "
    "timetable after a long debate, and what the islanders said of it afterwards.</p>"
    for i in range(6)
)


def _row(candidate: TitleCandidate) -> dict[str, float]:
    return dict(zip(TITLE_FEATURES, candidate.row, strict=True))


def _by_text(found: list[TitleCandidate]) -> dict[str, TitleCandidate]:
    return {c.text: c for c in found}


def test_sources_with_the_same_words_are_one_candidate() -> None:
    found = title_candidates(
        "Ferry Timetable Approved",
        {"og": "Ferry timetable approved", "h1": "FERRY TIMETABLE APPROVED", "json_ld": None},
        (),
        None,
        None,
        None,
    )
    assert len(found) == 1
    (only,) = found
    assert only.text == "Ferry Timetable Approved"  # the cleaners' own text is shown
    assert only.sources == ("pipeline", "og", "h1")
    row = _row(only)
    assert row["from_pipeline"] == row["from_og"] == row["from_h1"] == 1.0
    assert row["from_twitter"] == 0.0
    assert row["sources"] == 0.75
    assert row["part"] == 0.0


def test_parts_of_a_meta_title_and_what_their_rest_is() -> None:
    found = _by_text(
        title_candidates(
            None,
            {"title_tag": "Ferry timetable approved | Harbour News | Islands"},
            (),
            None,
            "Harbour News",
            "https://www.harbournews.org/2025/ferry-timetable-approved",
        )
    )
    # Every run of parts but the whole is a candidate of its own.
    assert set(found) == {
        "Ferry timetable approved | Harbour News | Islands",
        "Ferry timetable approved",
        "Ferry timetable approved | Harbour News",
        "Harbour News",
        "Harbour News | Islands",
        "Islands",
    }
    headline = _row(found["Ferry timetable approved"])
    assert headline["part"] == headline["part_first"] == headline["part_of_title_tag"] == 1.0
    assert headline["part_last"] == 0.0
    assert headline["rest_site"] == pytest.approx(2 / 3)  # "harbour news" of "harbour news islands"
    assert headline["url"] == 1.0  # every word is in the URL's path
    site = _row(found["Harbour News"])
    assert site["site"] == 1.0
    assert _row(found["Islands"])["one_word"] == 1.0
    assert _row(found["Ferry timetable approved | Harbour News | Islands"])["separator"] == 1.0


def test_printed_near_the_body_or_elsewhere() -> None:
    page = tuple(
        DraftBlock(i, text)
        for i, text in enumerate(
            ("Ferry timetable approved", "Menu", "Story " * 50, "Weather today")
        )
    )
    found = _by_text(
        title_candidates(
            None,
            {"h1": "Ferry timetable approved", "h1_second": "Weather today"},
            page,
            (2, 2),
            None,
            None,
        )
    )
    assert _row(found["Ferry timetable approved"])["printed_near"] == 1.0
    weather = _row(found["Weather today"])
    # Near is from NEAR_BEFORE blocks above the body's start to its end: "Weather today",
    # below the body, is printed, not near.
    assert weather["printed"] == 1.0
    assert weather["printed_near"] == 0.0


def test_no_titles_no_candidates_and_no_vote() -> None:
    assert title_candidates(None, {}, (), None, None, None) == []
    assert title_candidates(None, {"og": "  ", "h1": "---"}, (), None, None, None) == []
    assert choose_title([]) is None
    assert title_vote.voted_title({}, (), None, None, None, "Kept") == "Kept"


def test_entities_in_a_meta_title_are_read() -> None:
    (found,) = title_candidates(None, {"og": "Q&amp;A: ferries"}, (), None, None, None)[:1]
    assert found.text == "Q&A: ferries"


def _weights(**weights: float) -> BlockScorer:
    return BlockScorer.from_dict(logistic(TITLE_FEATURES, **weights))


def test_the_vote_weighs_the_rows_and_keeps_the_first_of_equals() -> None:
    zero = (0.0,) * len(TITLE_FEATURES)
    h1 = tuple(1.0 if f == "from_h1" else 0.0 for f in TITLE_FEATURES)
    candidates = [TitleCandidate("A", zero), TitleCandidate("B", h1), TitleCandidate("C", h1)]
    assert choose_title(candidates, _weights(from_h1=1.0)) == "B"
    assert choose_title(candidates, _weights(from_h1=-1.0)) == "A"


def test_the_shipped_model_is_a_model_of_the_columns() -> None:
    model = title_model()
    assert model.features == TITLE_FEATURES
    weights = dict(zip(model.features, model.weights, strict=True))
    # What the fit found, and what a reader expects of it: the site's name is no title,
    # a title several sources agree on is.
    assert weights["site"] < 0 < weights["sources"]


def test_weights_of_other_columns_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"kind": "logistic", "features": ["x"], "weights": [1.0], "bias": 0, "threshold": 0.5}
    monkeypatch.setattr(scorer, "packaged_model", lambda *_: data)
    scorer.packaged_scorer.cache_clear()
    try:
        with pytest.raises(BlockModelError, match="column 0"):
            title_model()
    finally:
        scorer.packaged_scorer.cache_clear()


def _page(head: str, body_top: str) -> str:
    return (
        f"<html><head>{head}</head><body><header><a href='/'>Harbour News</a></header>"
        f"{body_top}<article>{STORY}</article></body></html>"
    )


def test_clean_html_drops_the_site_name_of_a_title_the_page_does_not_print() -> None:
    # No <h1> and no headline line in the body: the cleaners fall back on the <title>,
    # less the site's name; the vote agrees with the og:title's part.
    html = _page(
        "<title>Ferry timetable approved | Harbour News</title>"
        "<meta property='og:title' content='Ferry timetable approved | Harbour News'>"
        "<meta property='og:site_name' content='Harbour News'>",
        "",
    )
    assert clean_html(html).title == "Ferry timetable approved"


@pytest.mark.parametrize(
    "printed",
    [
        "Ferry timetable approved – Harbour News",
        "Ferry timetable approved | Harbour News",
        "Harbour News | Ferry timetable approved",
        "Ferry timetable approved - harbournews",
    ],
)
def test_the_site_name_printed_in_the_headline_goes_too(printed: str) -> None:
    # The <h1> carries the site's name (or its host's label) as the metadata titles do:
    # the vote picks the printed headline, and its site part goes.
    html = _page(
        f"<title>{printed}</title><meta property='og:title' content='{printed}'>"
        "<meta property='og:site_name' content='Harbour News'>",
        f"<h1>{printed}</h1>",
    )
    assert clean_html(html, url="https://www.harbournews.test/ferry").title == (
        "Ferry timetable approved"
    )


def test_a_part_that_shares_some_words_with_the_site_stays() -> None:
    found = title_vote.without_site_part
    site = frozenset({"harbour", "news"})
    # A colon sets no site apart, and a part of other words too is the headline's own.
    assert found("Harbour News: the ferry timetable", site) == "Harbour News: the ferry timetable"
    assert found("Ferry timetable – Harbour Council News", site) == (
        "Ferry timetable – Harbour Council News"
    )
    # The site's name alone is no title to cut down to nothing.
    assert found("Harbour News", site) == "Harbour News"
    assert found("Ferry timetable – Harbour News", frozenset()) == "Ferry timetable – Harbour News"


def test_clean_html_takes_the_printed_headline_and_leaves_the_body_alone() -> None:
    html = _page(
        "<title>Harbour News - Ferry timetable approved after long debate</title>",
        "<h1>Ferry timetable approved after long debate</h1>",
    )
    article = clean_html(html)
    assert article.title == "Ferry timetable approved after long debate"
    assert article.text.startswith("Paragraph 0 of the story")


def test_the_cleaner_changes_the_title_only() -> None:
    draft = Draft.from_texts(["Ferry timetable approved", "Text of the story."]).replace(
        title="Ferry timetable approved | Harbour News",
        hints=Hints(extra={"title_vote": lambda current: "Ferry timetable approved"}),
    )
    after = ChooseTitle()(draft)
    assert after.title == "Ferry timetable approved"
    assert after.blocks == draft.blocks
    assert after.removed == draft.removed


def test_plain_text_has_no_vote() -> None:
    draft = Draft.from_texts(["Text."]).replace(title="Kept")
    assert ChooseTitle()(draft).title == "Kept"
    article = clean_text("Ferry timetable approved\n" + "The harbour council met. " * 10)
    assert article.title == "Ferry timetable approved"


@given(
    st.dictionaries(
        st.sampled_from(["json_ld", "og", "twitter", "title_tag", "h1", "h1_second", "h1_last"]),
        st.text(max_size=80),
    ),
    st.one_of(st.none(), st.text(max_size=40)),
)
def test_the_vote_invents_no_title(sources: dict[str, str], current: str | None) -> None:
    found = title_candidates(current, sources, (), None, "Harbour News", "https://x.org/a-b")
    assert all(len(c.row) == len(TITLE_FEATURES) for c in found)
    assert all(0.0 <= v <= 1.0 for c in found for v in c.row)
    # Every candidate's words are a run of the words of a title the page gave.
    given_words = [folded_words(html.unescape(t)) for t in (*sources.values(), current) if t]
    for candidate in found:
        key = folded_words(candidate.text)
        assert any(
            key == words[i : i + len(key)] for words in given_words for i in range(len(words))
        ), candidate
    chosen = choose_title(found)
    assert (chosen is None) == (not found)
    assert chosen is None or chosen in {c.text for c in found}


def _rows_of(
    sources: dict[str, str], url: str, site_name: str | None = None
) -> dict[str, dict[str, float]]:
    """Each candidate's row by its text, for the page's metadata titles alone."""
    found = title_candidates(None, sources, (), None, site_name, url)
    return {c.text: _row(c) for c in found}


def test_a_site_name_spelled_as_the_host_is_read_as_the_site() -> None:
    # "Bridgestone Tires" at bridgestonetire.com: no word of it is a host label, but run
    # together the words hold it; the vote is told which part has the site's name beside it.
    rows = _rows_of(
        {"title_tag": "The Ultimate Car Maintenance Checklist | Bridgestone Tires"},
        "https://www.bridgestonetire.com/learn/maintenance/car-maintenance-checklist/",
    )
    whole = rows["The Ultimate Car Maintenance Checklist | Bridgestone Tires"]
    head = rows["The Ultimate Car Maintenance Checklist"]
    tail = rows["Bridgestone Tires"]
    assert whole["carries_site"] == 1.0 and head["carries_site"] == 0.0
    assert head["rest_host"] == 1.0 and head["rest_short"] == 1.0
    assert tail["rest_host"] == 0.0 and tail["rest_short"] == 0.0  # its rest is five words


def test_a_long_rest_is_no_site_name() -> None:
    title = "Talks resume: what both sides want from the new round of talks"
    rows = _rows_of({"og": title}, "https://daily.example/world/talks", "The Daily")
    assert rows["Talks resume"]["rest_short"] == 0.0
    assert rows["Talks resume"]["rest_host"] == 0.0
    assert rows[title]["carries_site"] == 0.0


def test_the_site_words_make_a_part_the_site() -> None:
    rows = _rows_of(
        {"title_tag": "Scalable End-to-End Interpretability — LessWrong"},
        "https://www.lesswrong.com/posts/abc/scalable-end-to-end-interpretability",
    )
    assert rows["Scalable End-to-End Interpretability — LessWrong"]["carries_site"] == 1.0
    assert rows["Scalable End-to-End Interpretability"]["rest_host"] == 1.0


def test_a_style_sheet_inside_the_headline_is_no_part_of_the_title() -> None:
    # CSS-in-JS pages print their class rules inside the element they style: the <h1>'s text
    # (a title source of the vote) holds the headline, not ".css-k1{font-size:16px}".
    from lxml import html as lxml_html

    from articlekit.readers.metadata import page_hints

    page = _page(
        "<title>Ferry timetable approved after long debate | Harbour News</title>",
        "<h1><style>.css-k1{font-size:16px;display:block;}</style>"
        "<span class='css-k1'>Ferry timetable approved</span><script>var x = 1;</script>"
        " after long debate<template><b>Menu</b></template></h1>",
    )
    sources = page_hints(lxml_html.fromstring(page)).extra["title_sources"]
    assert sources["h1"] == "Ferry timetable approved after long debate"
    assert clean_html(page).title == "Ferry timetable approved after long debate"


@pytest.mark.parametrize(
    ("h1", "pieces"),
    [
        # A kicker and its headline, each in an element of its own (the colon is no piece).
        (
            "<h1><span>Klimaschutz</span><span>: </span><span>Bohren, bis es heiß wird</span></h1>",
            ["Klimaschutz", "Bohren, bis es heiß wird"],
        ),
        # ...behind a link wrapper.
        (
            "<h1><a href='/a'><span>Ferries</span> <span>Timetable approved</span></a></h1>",
            ["Ferries", "Timetable approved"],
        ),
        # The headline after the kicker's element.
        ("<h1><span>Ferries</span> Timetable approved</h1>", ["Ferries", "Timetable approved"]),
        # Text going on in lower case after a child: one sentence.
        ("<h1><span>Ferries</span> approve a timetable</h1>", ["Ferries approve a timetable"]),
        # A link in the sentence: one piece.
        ("<h1><a href='/f'>Ferries</a> approve a timetable</h1>", ["Ferries approve a timetable"]),
        # Words before the first child, or emphasis: one sentence, one piece.
        ("<h1>Timetable <em>finally</em> approved</h1>", ["Timetable finally approved"]),
        ("<h1><em>Finally:</em> timetable approved</h1>", ["Finally: timetable approved"]),
        ("<h1><span>Timetable approved</span></h1>", ["Timetable approved"]),
    ],
)
def test_the_pieces_a_headline_prints_apart(h1: str, pieces: list[str]) -> None:
    from lxml import html as lxml_html

    from articlekit.readers.metadata import headline_pieces

    assert headline_pieces(lxml_html.fromstring(h1)) == pieces


def test_a_pieced_headline_and_its_last_piece_are_told_apart() -> None:
    found = _by_text(
        title_candidates(
            "Klimaschutz: Bohren, bis es heiß wird",
            {
                "og": "Klimaschutz: Bohren, bis es heiß wird",
                "h1": "Klimaschutz: Bohren, bis es heiß wird",
                "h1_last": "Bohren, bis es heiß wird",
            },
            (),
            None,
            None,
            None,
        )
    )
    whole, last = (
        _row(found[t])
        for t in ("Klimaschutz: Bohren, bis es heiß wird", "Bohren, bis es heiß wird")
    )
    assert (whole["h1_pieced"], whole["from_h1_last"]) == (1.0, 0.0)
    assert (last["h1_pieced"], last["from_h1_last"]) == (0.0, 1.0)
    # Without pieces, the <h1> is no pieced one.
    plain = title_candidates(None, {"h1": "Bohren, bis es heiß wird"}, (), None, None, None)
    assert _row(plain[0])["h1_pieced"] == 0.0


def test_clean_html_takes_the_headline_under_its_kicker() -> None:
    # The shipped vote (fitted on the dev pages, where the gold is the headline without the
    # kicker on 30 of the 34 pages whose <h1> prints both apart) takes the headline piece.
    html = _page(
        "<title>Timetable: Ferry council approves the new summer sailings | Harbour News</title>"
        "<meta property='og:title' content='Timetable: Ferry council approves the new summer"
        " sailings'>",
        "<h1><span class='kicker'>Timetable</span><span class='hidden'>: </span>"
        "<span class='headline'>Ferry council approves the new summer sailings</span></h1>",
    )
    assert clean_html(html).title == "Ferry council approves the new summer sailings"
