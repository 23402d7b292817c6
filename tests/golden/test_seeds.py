"""The five seed documents must give exactly the Article that seeds/expected.json describes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit.testing import accounted_words, input_words

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXPECTED = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
# Removals that move a line into a field rather than drop junk: expected.json lists junk only.
EXTRACTED = {"title", "subtitle"}


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def seed(request: pytest.FixtureRequest) -> tuple[str, str, dict, articlekit.Article]:
    name = request.param
    text = (SEEDS / name).read_text(encoding="utf-8")
    return name, text, EXPECTED[name], articlekit.clean_text(text)


@pytest.mark.parametrize(
    "field", ["title", "subtitle", "section", "source", "language", "published"]
)
def test_field(seed, field):
    _, _, expected, article = seed
    value = getattr(article, field)
    assert (value.isoformat() if hasattr(value, "isoformat") else value) == expected[field]


def test_no_date_no_assumption(seed):
    # expected.json's published is null for every seed (no seed prints its date: see
    # seeds/README.md), which test_field compares exactly; an Article without dates assumes
    # nothing about them.
    _, _, expected, article = seed
    assert expected["published"] is None
    assert (article.published, article.updated, article.date_assumptions) == (None, None, ())


def test_authors(seed):
    _, _, expected, article = seed
    assert list(article.authors) == expected["authors"]


def test_body_blocks(seed):
    _, _, expected, article = seed
    assert [_norm(b.text) for b in article.blocks] == [_norm(t) for t in expected["body"]]


def test_headings(seed):
    _, _, expected, article = seed
    assert [b.text for b in article.blocks if b.kind == "heading"] == expected["headings"]


def test_removed_junk_exactly(seed):
    _, _, expected, article = seed
    got = [(_norm(r.text), r.reason) for r in article.removed if r.reason not in EXTRACTED]
    assert got == [(_norm(r["text"]), r["kind"]) for r in expected["removed"]]


def test_title_and_subtitle_recorded_as_extractions(seed):
    _, _, expected, article = seed
    extracted = {r.reason: r.text for r in article.removed if r.reason in EXTRACTED}
    assert extracted.get("title") == expected["title"]
    assert extracted.get("subtitle") == expected["subtitle"]


def test_nothing_lost_nothing_invented(seed):
    _, text, _, article = seed
    assert accounted_words(article) == input_words(text)


def test_text_is_blocks_joined(seed):
    _, _, expected, article = seed
    assert article.text == "\n\n".join(expected["body"])


def test_idempotent(seed):
    _, _, _, article = seed
    assert articlekit.clean_text(article.text).text == article.text


def test_round_trip(seed):
    _, _, _, article = seed
    assert articlekit.Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
