"""Language detection: the lexicon's stop words first, langdetect when they do not tell."""

from __future__ import annotations

import pytest

from articlekit import Hints
from articlekit.cleaners import language
from articlekit.cleaners.language import DetectLanguage, stopword_language
from articlekit.draft import Draft

ENGLISH = [
    "The city council voted on Tuesday to close the old ferry terminal by the end of the year, "
    "after a report found that the pier could not be repaired for less than the cost of a new one.",
    "Residents who use the ferry every day said they had not been told about the plan, and "
    "several of them asked the council to wait until there was a bus service to replace it.",
]
GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, das alte Fährterminal bis zum Ende des Jahres zu "
    "schließen, nachdem ein Bericht ergeben hatte, dass der Anleger nicht mehr zu retten ist.",
    "Viele Anwohner, die jeden Tag mit der Fähre fahren, sagten, sie seien über den Plan nicht "
    "informiert worden, und baten den Rat, mit der Schließung noch zu warten.",
]
SPANISH = [
    "El ayuntamiento aprobó el martes el cierre de la vieja terminal de ferris antes de que "
    "termine el año, después de que un informe concluyera que el muelle no se puede reparar.",
    "Los vecinos que usan el ferri todos los días dijeron que no habían sido informados del plan "
    "y pidieron al consejo que esperara hasta que hubiera un servicio de autobuses.",
]
FINNISH = [
    "Kaupunginvaltuusto päätti tiistaina sulkea vanhan lauttaterminaalin vuoden loppuun mennessä, "
    "kun selvityksen mukaan laituria ei voida korjata halvemmalla kuin uuden rakentaminen maksaa.",
    "Asukkaat, jotka käyttävät lauttaa joka päivä, kertoivat, ettei heille ollut kerrottu "
    "suunnitelmasta, ja useat heistä pyysivät valtuustoa odottamaan korvaavaa bussilinjaa.",
]


@pytest.mark.parametrize(("texts", "expected"), [(ENGLISH, "en"), (GERMAN, "de")])
def test_stop_words_tell_the_lexicons_languages(texts: list[str], expected: str) -> None:
    assert stopword_language(texts) == expected


def test_stop_words_do_not_guess_a_language_without_a_list() -> None:
    # Finnish has no stop-word list: no language's words lead, so langdetect must decide.
    assert stopword_language(FINNISH) is None


def test_stop_words_do_not_guess_on_little_text() -> None:
    assert stopword_language(["The ferry is closing."]) is None
    assert stopword_language([]) is None


def test_stop_words_do_not_tell_a_mixture() -> None:
    # Half English, half German: neither leads by the margin.
    mixed = [
        " ".join(e.split()[:25] + g.split()[:25]) for e, g in zip(ENGLISH, GERMAN, strict=True)
    ]
    assert stopword_language(mixed) is None


def _no_langdetect(text: str) -> str | None:
    raise AssertionError("langdetect was called")


def test_detect_language_skips_langdetect_when_the_stop_words_tell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(language, "detect_language", _no_langdetect)
    assert DetectLanguage()(Draft.from_texts(["Menu", *GERMAN])).language == "de"


def test_detect_language_asks_langdetect_when_they_do_not() -> None:
    assert DetectLanguage()(Draft.from_texts(FINNISH)).language == "fi"


def test_close_languages_still_get_their_own_code() -> None:
    # Spanish prose also holds many French and Portuguese stop words ("de", "que", "la"): whether
    # the stop words lead by the margin or langdetect decides, the answer is Spanish.
    assert DetectLanguage()(Draft.from_texts(SPANISH)).language == "es"


def test_a_declared_language_the_prose_confirms_wins() -> None:
    draft = Draft.from_texts(ENGLISH, hints=Hints(language="en-GB"))
    assert DetectLanguage()(draft).language == "en"


def test_a_declared_language_the_prose_refutes_loses() -> None:
    # CMS templates declare "en" on German pages.
    draft = Draft.from_texts(GERMAN, hints=Hints(language="en"))
    assert DetectLanguage()(draft).language == "de"
