"""htmldate's dateparser told the page's language: which strings it reads, and no leak between
pages of other languages through htmldate's cache."""

from __future__ import annotations

from datetime import datetime

import pytest
from htmldate import extractors

import articlekit
from articlekit.readers.faster_trafilatura import _language_replacements, dateparser_languages

LOW, HIGH = datetime(1995, 1, 1), datetime(2030, 1, 1)
FINNISH = "19. helmikuuta 2020"  # htmldate's own patterns do not read it; dateparser's fi does


#: Whether this htmldate is the one the languages are put in for (its cached
#: ``try_date_expr`` and its ``_external_date``: 1.11); an older one runs as it is.
TOLD = bool(_language_replacements())


def _parse(text: str) -> str | None:
    return extractors.try_date_expr(text, "%Y-%m-%d", True, LOW, HIGH)


def test_dateparser_tries_the_languages_of_the_block_only() -> None:
    with dateparser_languages(("fi", "en")):
        assert _parse(FINNISH) == "2020-02-19"
    with dateparser_languages(("en",)):
        # An htmldate of another layout is left as it is: every locale, as before.
        assert _parse(FINNISH) == (None if TOLD else "2020-02-19")
    with dateparser_languages(None):  # no language known: every locale, as htmldate does
        assert _parse(FINNISH) == "2020-02-19"


def test_a_strings_result_does_not_leak_to_a_page_of_another_language() -> None:
    # htmldate caches each string's result; here the cache is keyed by the languages too, so
    # the order pages are read in changes nothing.
    for first, second in ((("fi",), ("en",)), (("en",), ("fi",))):
        results: dict[tuple[str, ...], set[str | None]] = {}
        for languages in (first, second, first):
            with dateparser_languages(languages):
                results.setdefault(languages, set()).add(_parse(FINNISH))
        assert results[("fi",)] == {"2020-02-19"}
        assert results[("en",)] == ({None} if TOLD else {"2020-02-19"})


def test_htmldate_is_its_own_outside_the_block() -> None:
    own = dict(vars(extractors))
    with dateparser_languages(("de", "en")):
        with dateparser_languages(("fr", "en")):  # nested: still in place
            inside = dict(vars(extractors))
        assert (inside["try_date_expr"] is not own["try_date_expr"]) is TOLD
        assert (inside.get("_external_date") is not own.get("_external_date")) is TOLD
    assert dict(vars(extractors)) == own  # every name the library's own once the blocks end


def _finnish_page(html_attributes: str) -> str:
    prose = "<p>Kaupunginvaltuusto hyväksyi uuden lauttojen aikataulun maanantaina pitkän " * 3
    return (
        f"<html{html_attributes}><head><title>Lautat kulkevat useammin</title></head><body>"
        f"<h1>Lautat kulkevat useammin</h1><div class='date'>{FINNISH}</div>"
        + (prose + "keskustelun jälkeen.</p>") * 4
        + "</body></html>"
    )


def test_clean_html_reads_a_date_in_the_pages_declared_language() -> None:
    article = articlekit.clean_html(_finnish_page(" lang='fi'"))
    assert article.published is not None
    assert article.published.date().isoformat() == "2020-02-19"


def test_a_page_declaring_no_language_that_its_prose_does_not_tell_is_read_as_before() -> None:
    # No lang attribute, and the lexicon has no Finnish stop words: the prose tells no
    # language, so dateparser tries every locale, as htmldate does.
    article = articlekit.clean_html(_finnish_page(""))
    assert article.published is not None
    assert article.published.date().isoformat() == "2020-02-19"


def test_an_undeclared_page_in_a_lexicon_language_tells_dateparser_its_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from articlekit.readers import html as html_reader

    seen: list[tuple[str, ...] | None] = []
    real = html_reader.dateparser_languages

    def spy(languages: tuple[str, ...] | None) -> object:
        seen.append(languages)
        return real(languages)

    monkeypatch.setattr(html_reader, "dateparser_languages", spy)
    prose = (
        "<p>Die Bundesregierung hat am Montag neue Regeln für die Bahn beschlossen, und die "
        "Gewerkschaften haben sich mit dem Minister auf einen neuen Vertrag geeinigt.</p>"
    )
    articlekit.clean_html(f"<html><body><h1>Neue Regeln</h1>{prose * 5}</body></html>")
    articlekit.clean_html(f"<html lang='fr'><body><h1>Neue Regeln</h1>{prose * 5}</body></html>")
    assert seen == [("de", "en"), ("fr", "en")]  # told by the stop words; declared wins
