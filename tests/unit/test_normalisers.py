"""Tables for the byline and date normalisers and the phrase-list data."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from importlib import resources

import pytest

from articlekit import lexicon
from articlekit.bylines import natural_case, parse_byline
from articlekit.dates import parse_date

REF = datetime(2025, 11, 20, 12, 0)

BYLINES = [
    ("• By Bushra Saleem", None, ("Bushra Saleem",)),
    ("By Jane Doe", None, ("Jane Doe",)),
    ("BY JANE DOE", None, ("Jane Doe",)),
    ("By Jane Doe and John Smith", None, ("Jane Doe", "John Smith")),
    ("By Jane Doe, John Smith and Ana Ruiz", None, ("Jane Doe", "John Smith", "Ana Ruiz")),
    ("By Jane Doe | Reuters", None, ("Jane Doe", "Reuters")),
    ("By Jane Doe, Staff Writer", None, ("Jane Doe",)),
    ("By Jane Doe (jane.doe@example.com)", None, ("Jane Doe",)),
    ("By Jane Doe @janedoe", None, ("Jane Doe",)),
    ("By MARY MCDONALD", None, ("Mary McDonald",)),
    ("By SEAN O'NEIL", None, ("Sean O'Neil",)),
    ("By Ana de la Cruz", None, ("Ana de la Cruz",)),
    ("By AFP", None, ("AFP",)),
    ("By Al Jazeera Staff", None, ("Al Jazeera",)),
    ("Von Anna Schmidt und Jonas Weber", "de", ("Anna Schmidt", "Jonas Weber")),
    ("Par Claire Dubois et Luc Martin", "fr", ("Claire Dubois", "Luc Martin")),
    ("Por María García y José Pérez", "es", ("María García", "José Pérez")),
    ("Di Marco Rossi e Giulia Bianchi", "it", ("Marco Rossi", "Giulia Bianchi")),
    ("Door Pieter de Vries en Anna Bakker", "nl", ("Pieter de Vries", "Anna Bakker")),
    ("By Jane Doe Updated 3 hours ago", None, ("Jane Doe",)),
    ("By Jane Doe - November 16, 2025", None, ("Jane Doe",)),
    ("By the end of the year", None, ()),
    ("By", None, ()),
    ("", None, ()),
]


@pytest.mark.parametrize(("raw", "language", "names"), BYLINES)
def test_parse_byline(raw, language, names):
    assert parse_byline(raw, language=language) == names


def test_natural_case_leaves_mixed_case_alone():
    assert natural_case("danah boyd") == "Danah Boyd"
    assert natural_case("Jean-Luc Picard") == "Jean-Luc Picard"
    assert natural_case("JEAN-LUC PICARD") == "Jean-Luc Picard"


EST = timezone(timedelta(hours=-5), "EST")
DATES = [
    ("2025-11-16", None, datetime(2025, 11, 16)),
    ("2025-11-16T10:30:00Z", None, datetime(2025, 11, 16, 10, 30, tzinfo=timezone.utc)),
    (
        "2025-11-16T10:30:00+02:00",
        None,
        datetime(2025, 11, 16, 10, 30, tzinfo=timezone(timedelta(hours=2))),
    ),
    ("November 16, 2025", None, datetime(2025, 11, 16)),
    ("Nov. 16, 2025 3:04 PM", None, datetime(2025, 11, 16, 15, 4)),
    (
        "Published on November 16, 2025 at 10:30 AM EST",
        None,
        datetime(2025, 11, 16, 10, 30, tzinfo=EST),
    ),
    ("16 November 2025", None, datetime(2025, 11, 16)),
    (
        "Sunday 16 November 2025 10.30 GMT",
        None,
        datetime(2025, 11, 16, 10, 30, tzinfo=timezone(timedelta(0), "GMT")),
    ),
    ("16.11.2025", None, datetime(2025, 11, 16)),
    ("16.11.2025, 10:30 Uhr", "de", datetime(2025, 11, 16, 10, 30)),
    ("16. November 2025", "de", datetime(2025, 11, 16)),
    ("16 novembre 2025", "fr", datetime(2025, 11, 16)),
    ("16 de noviembre de 2025", "es", datetime(2025, 11, 16)),
    ("16 novembre 2025", "it", datetime(2025, 11, 16)),
    ("16 de novembro de 2025", "pt", datetime(2025, 11, 16)),
    ("16 november 2025", "nl", datetime(2025, 11, 16)),
    ("16 listopada 2025", "pl", datetime(2025, 11, 16)),
    ("16 ноября 2025", "ru", datetime(2025, 11, 16)),
    ("16 Kasım 2025", "tr", datetime(2025, 11, 16)),
    ("12/25/2024", "en", datetime(2024, 12, 25)),
    ("25/12/2024", "en", datetime(2024, 12, 25)),
    ("2024/12/25", None, datetime(2024, 12, 25)),
    ("Sunday, November 16", None, datetime(2025, 11, 16)),
    ("3 hours ago", None, REF - timedelta(hours=3)),
    ("Updated 45 minutes ago", None, REF - timedelta(minutes=45)),
    ("yesterday", None, datetime(2025, 11, 19)),
    ("1989-05-01", None, None),  # before 1990
    ("December 1, 2025", None, None),  # after the reference date
    ("no date here", None, None),
]


@pytest.mark.parametrize(("raw", "language", "expected"), DATES)
def test_parse_date(raw, language, expected):
    assert parse_date(raw, language=language, reference_date=REF) == expected


def test_year_less_and_relative_dates_need_a_reference():
    assert parse_date("Sunday, November 16") is None
    assert parse_date("3 hours ago") is None


def test_every_language_file_has_the_english_keys():
    en = json.loads(resources.files("articlekit.lexicon").joinpath("en.json").read_text("utf-8"))
    assert len(lexicon.LANGUAGES) >= 12
    for lang in lexicon.LANGUAGES:
        data = json.loads(
            resources.files("articlekit.lexicon").joinpath(f"{lang}.json").read_text("utf-8")
        )
        assert set(data) == set(en), lang
        assert data["language"] == lang
        assert set(data["months"].values()) == set(range(1, 13)), lang
        for key in lexicon.PHRASE_KEYS:
            assert all(v == v.strip() and v == v.casefold() for v in data[key]), (lang, key)


def test_outlets_and_agencies():
    assert lexicon.outlets()["aljazeera"] == "Al Jazeera"
    assert "Reuters" in lexicon.agencies()
    assert set(lexicon.agencies()) <= set(lexicon.outlets().values())


def test_contains_finds_phrases_anywhere_and_only_at_word_boundaries():
    lex = lexicon.for_language("en")
    note = "Some links below are affiliate links: we may earn a commission if you buy."
    assert lex.contains("disclosure", note) is not None
    assert lex.contains("disclosure", "The council met on Monday to discuss the budget.") is None
    # The word prefilter must not hide a phrase that follows punctuation or a bullet.
    assert lex.contains("disclosure", "• (We may earn a commission.)") is not None


def test_phrase_key_words_prefilter_is_off_when_a_phrase_has_no_word():
    assert lexicon._key_words(frozenset({"read more", "see also"})) == {"read", "also"}
    assert lexicon._key_words(frozenset({"read more", "© reuters"})) == {"read", "reuters"}
    assert lexicon._key_words(frozenset({"read more", "©"})) is None
    # A phrase is found by its longest word wherever it stands, even after punctuation.
    lex = lexicon.for_language("en")
    assert lex.contains("cookie_notice", "(We use cookies to improve the site.)") is not None
    # Lexicons of different languages share the compiled universal patterns.
    de, fr = lexicon.for_language("de"), lexicon.for_language("fr")
    assert de.prefix_pattern("related_link") is fr.prefix_pattern("related_link")
