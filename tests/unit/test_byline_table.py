"""A table of real-world-shaped bylines and the contributors the normaliser must read from them.

Each row is ``(raw, language, trusted, expected)``: a byline as news sites print it (a line of
the article body, a meta author value, a JSON-LD author name, a wire credit line), the page's
language, whether it comes from a metadata field (``trusted=True``), and the exact tuple of
:class:`articlekit.Contributor` that ``docs/bylines-and-dates.md`` asks for.
"""

from __future__ import annotations

import pytest

from articlekit import Contributor
from articlekit.bylines import parse_byline, parse_contributors

AUTHOR_ROLES = frozenset({"author", "reporting", "writing"})


def _org(name: str, role: str = "author") -> Contributor:
    """An agency, outlet or collective byline."""
    return Contributor(name, role, kind="organisation")


def _for(name: str, organisation: str) -> Contributor:
    """A person the byline ties to an agency or outlet."""
    return Contributor(name, organisation=organisation)


C = Contributor

ROWS = [
    # ---------------------------------------------------------------- English: plain bylines
    pytest.param("By Marcus Bell Jr.", "en", False, (C("Marcus Bell Jr."),), id="en-jr"),
    pytest.param(
        "By Dale Hunt, Jr. and Ann Ruiz",
        "en",
        False,
        (C("Dale Hunt Jr."), C("Ann Ruiz")),
        id="en-comma-jr",
    ),
    pytest.param("HENRY FORD III", "en", True, (C("Henry Ford III"),), id="en-caps-iii"),
    pytest.param("By Jane Doe, Sr. Editor", "en", False, (C("Jane Doe"),), id="en-sr-title"),
    pytest.param("By Jane Doe", "en", False, (C("Jane Doe"),), id="en-by-one"),
    pytest.param("• By Priya Raman", "en", False, (C("Priya Raman"),), id="en-bullet-by"),
    pytest.param(
        "By Jane Doe and Tom Lee", "en", False, (C("Jane Doe"), C("Tom Lee")), id="en-by-two"
    ),
    pytest.param(
        "By Jane Doe, Tom Lee and Ana Ruiz",
        "en",
        False,
        (C("Jane Doe"), C("Tom Lee"), C("Ana Ruiz")),
        id="en-by-three",
    ),
    pytest.param(
        "By Jane Doe, Tom Lee, and Ana Ruiz",
        "en",
        False,
        (C("Jane Doe"), C("Tom Lee"), C("Ana Ruiz")),
        id="en-by-oxford-comma",
    ),
    pytest.param(
        "By Rachel Kim & Omar Haddad",
        None,
        False,
        (C("Rachel Kim"), C("Omar Haddad")),
        id="en-by-ampersand",
    ),
    pytest.param("Written by Grace Okafor", "en", False, (C("Grace Okafor"),), id="en-written-by"),
    pytest.param("Compiled by Ana Ruiz", "en", False, (C("Ana Ruiz"),), id="en-compiled-by"),
    # ---------------------------------------------------------------- English: natural case
    pytest.param("BY JANE DOE", "en", False, (C("Jane Doe"),), id="en-caps"),
    pytest.param("BY MARY MCDONALD", "en", False, (C("Mary McDonald"),), id="en-caps-mcdonald"),
    pytest.param("BY LUCÍA DE LA CRUZ", "en", False, (C("Lucía de la Cruz"),), id="en-caps-de-la"),
    pytest.param(
        "By Pieter van der Berg and Jean-Luc Marchand",
        "en",
        False,
        (C("Pieter van der Berg"), C("Jean-Luc Marchand")),
        id="en-mixed-case-kept",
    ),
    # ---------------------------------------------------------------- English: agency credit
    pytest.param(
        "By Jane Doe and Tom Lee | Reuters",
        "en",
        False,
        (_for("Jane Doe", "Reuters"), _for("Tom Lee", "Reuters"), _org("Reuters")),
        id="en-reuters-credit-line",
    ),
    pytest.param(
        "BY KEVIN O'NEIL AND LAURA MCCARTHY | Reuters",
        "en",
        False,
        (_for("Kevin O'Neil", "Reuters"), _for("Laura McCarthy", "Reuters"), _org("Reuters")),
        id="en-caps-oneil-reuters",
    ),
    pytest.param(
        "Marc Dubois | AFP",
        "en",
        True,
        (_for("Marc Dubois", "AFP"), _org("AFP")),
        id="en-meta-afp-pipe",
    ),
    # ---------------------------------------------------------------- English: credit lines
    pytest.param(
        "Reporting by Jane Doe; Editing by Tom Lee",
        "en",
        False,
        (C("Jane Doe", "reporting"), C("Tom Lee", "editing")),
        id="en-reporting-editing",
    ),
    pytest.param(
        "(Reporting by Jane Doe and Tom Lee; Additional reporting by Ana Ruiz; "
        "Writing by Mark Bell; Editing by Sara Cole and Peter Hunt)",
        "en",
        False,
        (
            C("Jane Doe", "reporting"),
            C("Tom Lee", "reporting"),
            C("Ana Ruiz", "additional_reporting"),
            C("Mark Bell", "writing"),
            C("Sara Cole", "editing"),
            C("Peter Hunt", "editing"),
        ),
        id="en-wire-full-credit",
    ),
    pytest.param(
        "By Jane Doe; Additional reporting by Omar Haddad and Lena Fischer",
        "en",
        False,
        (
            C("Jane Doe"),
            C("Omar Haddad", "additional_reporting"),
            C("Lena Fischer", "additional_reporting"),
        ),
        id="en-additional-reporting",
    ),
    pytest.param(
        "Writing by Mark Bell; Editing by Sara Cole",
        "en",
        False,
        (C("Mark Bell", "writing"), C("Sara Cole", "editing")),
        id="en-writing-by",
    ),
    pytest.param(
        "Written by Jane Doe; Edited by Tom Lee",
        "en",
        False,
        (C("Jane Doe"), C("Tom Lee", "editing")),
        id="en-written-edited",
    ),
    pytest.param(
        "Text: Jane Doe / Photos: Tom Lee",
        "en",
        False,
        (C("Jane Doe"), C("Tom Lee", "photos")),
        id="en-text-photos",
    ),
    pytest.param(
        "Words by Tom Lee / Photos: Ana Ruiz",
        "en",
        False,
        (C("Tom Lee"), C("Ana Ruiz", "photos")),
        id="en-words-by-photos",
    ),
    pytest.param("Photo by Tom Lee", "en", False, (C("Tom Lee", "photos"),), id="en-photo-by"),
    pytest.param(
        "By Marta Nowak; Translated by Jane Doe",
        "en",
        False,
        (C("Marta Nowak"), C("Jane Doe", "translation")),
        id="en-translated-by",
    ),
    pytest.param(
        "Text: Jane Doe / Video: Tom Lee / Graphics: Ana Ruiz",
        "en",
        False,
        (C("Jane Doe"), C("Tom Lee", "video"), C("Ana Ruiz", "graphics")),
        id="en-video-graphics",
    ),
    # ---------------------------------------------------------------- English: titles, credentials
    pytest.param("By Jane Doe, Staff Writer", "en", False, (C("Jane Doe"),), id="en-staff-writer"),
    pytest.param(
        "By Tom Lee, Senior Correspondent", "en", False, (C("Tom Lee"),), id="en-senior-corr"
    ),
    pytest.param("By Dr. Sarah Patel", "en", False, (C("Sarah Patel"),), id="en-dr"),
    pytest.param("By Prof. Michael Grant", "en", False, (C("Michael Grant"),), id="en-prof"),
    pytest.param(
        "By Sarah Patel, PhD, and Anil Mehta, MD",
        "en",
        False,
        (C("Sarah Patel"), C("Anil Mehta")),
        id="en-phd-and-md",
    ),
    pytest.param("By Hannah Brooks, MS, RD", "en", False, (C("Hannah Brooks"),), id="en-ms-rd"),
    pytest.param("By Daniel Park, CFA", "en", False, (C("Daniel Park"),), id="en-cfa"),
    # ---------------------------------------------------------------- English: noise
    pytest.param("By Tom Lee (tom.lee@example.com)", "en", False, (C("Tom Lee"),), id="en-email"),
    pytest.param("By Rachel Kim @rachelkimnews", "en", False, (C("Rachel Kim"),), id="en-handle"),
    pytest.param(
        "By Omar Haddad https://example.com/authors/omar-haddad",
        "en",
        False,
        (C("Omar Haddad"),),
        id="en-url",
    ),
    pytest.param(
        "By Jane Doe, November 16, 2025", "en", False, (C("Jane Doe"),), id="en-date-tail"
    ),
    pytest.param(
        "By Tom Lee Updated 3:04 PM EST, Sun November 16, 2025",
        "en",
        False,
        (C("Tom Lee"),),
        id="en-updated-tail",
    ),
    # A post dated before it names its writer: the names follow the byline word after the date
    # (and its time); the words before the date are the line's verb, no name.
    pytest.param(
        "Posted on September 21, 2020 by Adi Tzlil",
        "en",
        False,
        (C("Adi Tzlil"),),
        id="en-posted-on-date-by",
    ),
    pytest.param(
        "Written on August 9, 2012 at 2:02 pm by Rich Johnston",
        "en",
        False,
        (C("Rich Johnston"),),
        id="en-written-on-date-time-by",
    ),
    pytest.param(
        "October 29, 2012 by Amy Jones and Tom Lee",
        "en",
        False,
        (C("Amy Jones"), C("Tom Lee")),
        id="en-date-by-two",
    ),
    pytest.param(
        "Veröffentlicht am 6. Juli 2015 von Mark Lindner",
        "de",
        False,
        (C("Mark Lindner"),),
        id="de-veroeffentlicht-am-date-von",
    ),
    pytest.param(
        "27 juin 2019 par Elba Dupont", "fr", False, (C("Elba Dupont"),), id="fr-date-par"
    ),
    pytest.param(
        "By Ana Ruiz | Published November 16, 2025 10:30 AM",
        "en",
        False,
        (C("Ana Ruiz"),),
        id="en-published-tail",
    ),
    # The line goes on after the names in lower case: a place, an outlet, agencies, a role.
    pytest.param(
        "By Julian Linden in Sydney", "en", False, (C("Julian Linden"),), id="en-in-place"
    ),
    pytest.param("By Ann Lee for The Guardian", "en", False, (C("Ann Lee"),), id="en-for-outlet"),
    pytest.param(
        "By Patrick Nathanson and agencies",
        "en",
        False,
        (C("Patrick Nathanson"),),
        id="en-and-agencies",
    ),
    pytest.param(
        "By Judith Burns Education reporter BBC News",
        "en",
        False,
        (C("Judith Burns"),),
        id="en-name-run-into-role",
    ),
    pytest.param("Von Ann Lee aus Berlin", "de", False, (C("Ann Lee"),), id="de-aus-place"),
    pytest.param("Par Jean Roy à Paris", "fr", False, (C("Jean Roy"),), id="fr-a-place"),
    # ...but a headline after a label, a comment widget's one-word name, prose: no one.
    pytest.param("Text Latest Amelia Earhart search falls short", None, False, (), id="headline"),
    pytest.param("by Guy on Social Business Planning", "en", False, (), id="en-comment-widget"),
    pytest.param(
        "Vom S-Bahnhof Potsdam mit der Tram bis Haltestelle Vogelpark",
        "de",
        False,
        (),
        id="de-prose",
    ),
    pytest.param("By Jonathon Ramsey RSS", "en", False, (C("Jonathon Ramsey"),), id="en-rss"),
    pytest.param(
        "Autor: Steffen Pache, Sächsische Landesanstalt für Landwirtschaft, Köllitsch",
        "de",
        False,
        (),
        id="de-organisation-not-cut",
    ),
    # A comment count after the names, a date split by slashes: no names of theirs.
    pytest.param("By Ann Lee No Comments", "en", False, (C("Ann Lee"),), id="en-no-comments"),
    pytest.param("Posted by Ann Lee 5 Comments", "en", False, (C("Ann Lee"),), id="en-count"),
    pytest.param(
        "KleineGrüneMonster Ein Kommentar", "de", False, (C("KleineGrüneMonster"),), id="de-count"
    ),
    pytest.param(
        "by Ann Lee on 11/06/2012 • No Comments | Social Media",
        "en",
        False,
        (C("Ann Lee"),),
        id="en-slashed-date-then-categories",
    ),
    pytest.param(
        "By Ann Lee | 11.06.2012 | Politik", "de", False, (C("Ann Lee"),), id="de-date-segment"
    ),
    # ---------------------------------------------------------------- English: agencies, desks
    pytest.param(
        "By The Associated Press",
        "en",
        False,
        (_org("Associated Press"),),
        id="en-associated-press",
    ),
    pytest.param("AP", "en", True, (_org("AP"),), id="en-meta-ap"),
    pytest.param("By Agence France-Presse", "en", False, (_org("AFP"),), id="en-afp-long-name"),
    pytest.param("By Reuters Staff", "en", False, (_org("Reuters"),), id="en-reuters-staff"),
    pytest.param(
        "By Al Jazeera Staff", "en", False, (_org("Al Jazeera"),), id="en-al-jazeera-staff"
    ),
    pytest.param("Podium Staff", "en", True, (_org("Podium Staff"),), id="en-meta-podium-staff"),
    pytest.param("By News Desk", "en", False, (_org("News Desk"),), id="en-news-desk"),
    pytest.param(
        "The Investopedia Team", "en", True, (_org("The Investopedia Team"),), id="en-meta-team"
    ),
    pytest.param("PTI", "en", True, (_org("PTI"),), id="en-meta-pti"),
    pytest.param("By ANI", "en", False, (_org("ANI"),), id="en-ani"),
    pytest.param("By IANS", "en", False, (_org("IANS"),), id="en-ians"),
    pytest.param("Xinhua News Agency", "en", True, (_org("Xinhua"),), id="en-meta-xinhua"),
    # ---------------------------------------------------------------- English: metadata values
    pytest.param("daniel okafor", "en", True, (C("Daniel Okafor"),), id="en-meta-lower"),
    pytest.param("mary mcdonald", "en", True, (C("Mary McDonald"),), id="en-meta-lower-mc"),
    pytest.param("ana de la cruz", None, True, (C("Ana de la Cruz"),), id="en-meta-lower-de-la"),
    pytest.param("stephenlega", "en", True, (C("stephenlega"),), id="en-meta-username"),
    pytest.param(
        "Jane Doe and Tom Lee",
        "en",
        True,
        (C("Jane Doe"), C("Tom Lee")),
        id="en-meta-two-names",
    ),
    pytest.param(
        "Center for Drug Evaluation and Research",
        "en",
        True,
        (_org("Center for Drug Evaluation and Research"),),
        id="en-meta-org-with-and",
    ),
    pytest.param("Jane Doe, Jane Doe", "en", True, (C("Jane Doe"),), id="en-meta-repeat"),
    # ---------------------------------------------------------------- English: names nobody
    pytest.param(
        "By the end of the year, prices had doubled.", "en", False, (), id="en-neg-by-the-end"
    ),
    pytest.param("By", "en", False, (), id="en-neg-bare-by"),
    pytest.param("", None, False, (), id="en-neg-empty"),
    pytest.param(
        "The council voted on Tuesday to approve the budget.",
        "en",
        False,
        (),
        id="en-neg-sentence",
    ),
    pytest.param(
        "By 2030, the city plans to double its bus fleet.", "en", False, (), id="en-neg-by-2030"
    ),
    # ---------------------------------------------------------------- German
    pytest.param(
        "Von Anna Schmidt und Jonas Weber",
        "de",
        False,
        (C("Anna Schmidt"), C("Jonas Weber")),
        id="de-von-und",
    ),
    pytest.param("VON LENA FISCHER", "de", False, (C("Lena Fischer"),), id="de-caps"),
    pytest.param("Autorin: Lena Fischer", "de", False, (C("Lena Fischer"),), id="de-autorin"),
    pytest.param("Von Jonas Weber, Redakteur", "de", False, (C("Jonas Weber"),), id="de-redakteur"),
    pytest.param(
        "Von Lena Fischer, Korrespondentin",
        "de",
        False,
        (C("Lena Fischer"),),
        id="de-korrespondentin",
    ),
    pytest.param(
        "Hans-Peter Möller, Chefredakteur",
        "de",
        True,
        (C("Hans-Peter Möller"),),
        id="de-meta-chefredakteur",
    ),
    pytest.param(
        "Von Prof. Dr. Klaus Neumann", "de", False, (C("Klaus Neumann"),), id="de-prof-dr"
    ),
    # A lawyer's or notary's title before the name is a title, like "Dr.", not the name.
    pytest.param(
        "Autor: Rechtsanwalt Sebastian Einbock",
        "de",
        False,
        (C("Sebastian Einbock"),),
        id="de-rechtsanwalt",
    ),
    pytest.param(
        "Rechtsanwältin Dr. Anna Schmidt", "de", True, (C("Anna Schmidt"),), id="de-ra-dr-meta"
    ),
    pytest.param("Avv. Marco Rossi", "it", True, (C("Marco Rossi"),), id="it-avv-meta"),
    # The interviewer signs an interview ("Interview: Julia Lauter"); without its colon the
    # word is no label ("Interview Julia Lauter" is read as it stands).
    pytest.param("Interview: Julia Lauter", "de", True, (C("Julia Lauter"),), id="de-interview"),
    pytest.param(
        "Text: Ann Lee / Interview: Bo Chen",
        "en",
        False,
        (C("Ann Lee"), C("Bo Chen")),
        id="en-text-interview",
    ),
    pytest.param(
        "Text: Miriam Koch / Fotos: Felix Braun",
        "de",
        False,
        (C("Miriam Koch"), C("Felix Braun", "photos")),
        id="de-text-fotos-slash",
    ),
    pytest.param(
        "Text: Miriam Koch, Fotos: Felix Braun",
        "de",
        False,
        (C("Miriam Koch"), C("Felix Braun", "photos")),
        id="de-text-fotos-comma",
    ),
    pytest.param(
        "Text: Miriam Koch / Übersetzung: Felix Braun",
        "de",
        False,
        (C("Miriam Koch"), C("Felix Braun", "translation")),
        id="de-uebersetzung",
    ),
    pytest.param(
        "Von Anna Schmidt | Aktualisiert: 17.11.2025, 10:30 Uhr",
        "de",
        False,
        (C("Anna Schmidt"),),
        id="de-aktualisiert-tail",
    ),
    pytest.param("Deutsche Presse-Agentur", "de", True, (_org("dpa"),), id="de-meta-dpa"),
    pytest.param("Von Montag an gilt die neue Regel.", "de", False, (), id="de-neg-sentence"),
    # ---------------------------------------------------------------- French
    pytest.param(
        "Par Jean-Luc Dupont et Marie Martin",
        "fr",
        False,
        (C("Jean-Luc Dupont"), C("Marie Martin")),
        id="fr-par-et",
    ),
    pytest.param(
        "Par Marie Martin, Hugo Lefèvre et Léa Girard",
        "fr",
        False,
        (C("Marie Martin"), C("Hugo Lefèvre"), C("Léa Girard")),
        id="fr-par-three",
    ),
    pytest.param("PAR JEAN-LUC MARCHAND", "fr", False, (C("Jean-Luc Marchand"),), id="fr-caps"),
    pytest.param(
        "Par Camille Bernard, journaliste",
        "fr",
        False,
        (C("Camille Bernard"),),
        id="fr-journaliste",
    ),
    pytest.param(
        "Texte : Camille Bernard / Photos : Hugo Lefèvre",
        "fr",
        False,
        (C("Camille Bernard"), C("Hugo Lefèvre", "photos")),
        id="fr-texte-photos",
    ),
    pytest.param(
        "Par Marie Martin Publié le 16 novembre 2025 à 10h30, modifié le 16 novembre 2025 à 12h05",
        "fr",
        False,
        (C("Marie Martin"),),
        id="fr-publie-tail",
    ),
    pytest.param("Par AFP", "fr", False, (_org("AFP"),), id="fr-par-afp"),
    pytest.param(
        "Par ailleurs, le gouvernement a annoncé de nouvelles mesures.",
        "fr",
        False,
        (),
        id="fr-neg-par-ailleurs",
    ),
    # ---------------------------------------------------------------- Spanish
    pytest.param(
        "Por Ana de la Cruz y Luis García",
        "es",
        False,
        (C("Ana de la Cruz"), C("Luis García")),
        id="es-por-y",
    ),
    pytest.param(
        "Por Ana García, Luis Pérez y Marta Gómez",
        "es",
        False,
        (C("Ana García"), C("Luis Pérez"), C("Marta Gómez")),
        id="es-por-three",
    ),
    pytest.param("POR JOSÉ LUIS MARTÍNEZ", "es", False, (C("José Luis Martínez"),), id="es-caps"),
    pytest.param(
        "Por Carlos Ruiz, corresponsal", "es", False, (C("Carlos Ruiz"),), id="es-corresponsal"
    ),
    pytest.param(
        "Texto: Ana García / Fotos: Luis Pérez",
        "es",
        False,
        (C("Ana García"), C("Luis Pérez", "photos")),
        id="es-texto-fotos",
    ),
    pytest.param(
        "Por Ana García | Actualizado: 16/11/2025 10:30",
        "es",
        False,
        (C("Ana García"),),
        id="es-actualizado-tail",
    ),
    pytest.param("Por Agencia EFE", "es", False, (_org("EFE"),), id="es-agencia-efe"),
    pytest.param("EFE", "es", True, (_org("EFE"),), id="es-meta-efe"),
    pytest.param(
        "Por otra parte, el Gobierno aprobó el presupuesto.",
        "es",
        False,
        (),
        id="es-neg-por-otra-parte",
    ),
    # ---------------------------------------------------------------- Italian
    pytest.param(
        "Di Marco Rossi e Giulia Bianchi",
        "it",
        False,
        (C("Marco Rossi"), C("Giulia Bianchi")),
        id="it-di-e",
    ),
    pytest.param(
        "di Luca Di Stefano", "it", False, (C("Luca Di Stefano"),), id="it-di-surname-particle"
    ),
    pytest.param("DI GIULIA BIANCHI", "it", False, (C("Giulia Bianchi"),), id="it-caps"),
    pytest.param(
        "di Marco Rossi, giornalista", "it", False, (C("Marco Rossi"),), id="it-giornalista"
    ),
    pytest.param(
        "Testo: Marco Rossi / Foto: Giulia Bianchi",
        "it",
        False,
        (C("Marco Rossi"), C("Giulia Bianchi", "photos")),
        id="it-testo-foto",
    ),
    pytest.param(
        "di Giulia Bianchi | Aggiornato il 16 novembre 2025, 10:30",
        "it",
        False,
        (C("Giulia Bianchi"),),
        id="it-aggiornato-tail",
    ),
    pytest.param("Agenzia ANSA", "it", True, (_org("ANSA"),), id="it-meta-ansa"),
    pytest.param(
        "Di fronte alla crisi, il governo ha deciso di intervenire.",
        "it",
        False,
        (),
        id="it-neg-di-fronte",
    ),
    # ---------------------------------------------------------------- Portuguese
    pytest.param(
        "Por João Silva e Maria Santos",
        "pt",
        False,
        (C("João Silva"), C("Maria Santos")),
        id="pt-por-e",
    ),
    pytest.param(
        "POR JOÃO PEDRO DA COSTA", "pt", False, (C("João Pedro da Costa"),), id="pt-caps-da"
    ),
    pytest.param(
        "Por Ana dos Santos, repórter", "pt", False, (C("Ana dos Santos"),), id="pt-reporter"
    ),
    pytest.param(
        "Texto: Ana dos Santos / Fotos: Pedro Almeida",
        "pt",
        False,
        (C("Ana dos Santos"), C("Pedro Almeida", "photos")),
        id="pt-texto-fotos",
    ),
    pytest.param(
        "Por Maria Santos | Atualizado em 16/11/2025 às 10h30",
        "pt",
        False,
        (C("Maria Santos"),),
        id="pt-atualizado-tail",
    ),
    pytest.param(
        "Por Agência Brasil", "pt", False, (_org("Agência Brasil"),), id="pt-agencia-brasil"
    ),
    pytest.param("Lusa", "pt", True, (_org("Lusa"),), id="pt-meta-lusa"),
    pytest.param("Por causa da chuva, o jogo foi adiado.", "pt", False, (), id="pt-neg-por-causa"),
    # ---------------------------------------------------------------- Dutch
    pytest.param(
        "Door Pieter van der Berg en Sanne de Vries",
        "nl",
        False,
        (C("Pieter van der Berg"), C("Sanne de Vries")),
        id="nl-door-en",
    ),
    pytest.param(
        "Door Jan de Jong, Eva Jansen en Thijs Bakker",
        "nl",
        False,
        (C("Jan de Jong"), C("Eva Jansen"), C("Thijs Bakker")),
        id="nl-door-three",
    ),
    pytest.param(
        "DOOR PIETER VAN DER BERG", "nl", False, (C("Pieter van der Berg"),), id="nl-caps-van-der"
    ),
    pytest.param(
        "Door Jan de Jong, verslaggever", "nl", False, (C("Jan de Jong"),), id="nl-verslaggever"
    ),
    pytest.param("Tekst: Sanne de Vries", "nl", False, (C("Sanne de Vries"),), id="nl-tekst"),
    pytest.param(
        "Door Sanne de Vries | Bijgewerkt op 16 november 2025, 10:30",
        "nl",
        False,
        (C("Sanne de Vries"),),
        id="nl-bijgewerkt-tail",
    ),
    pytest.param("Door ANP", "nl", False, (_org("ANP"),), id="nl-door-anp"),
    pytest.param(
        "Door de storm vielen gisteren tientallen bomen om.",
        "nl",
        False,
        (),
        id="nl-neg-door-de-storm",
    ),
    # ---------------------------------------------------------------- Russian
    pytest.param("Автор: Иван Петров", "ru", False, (C("Иван Петров"),), id="ru-avtor"),
    pytest.param(
        "Авторы: Иван Петров и Анна Смирнова",
        "ru",
        False,
        (C("Иван Петров"), C("Анна Смирнова")),
        id="ru-avtory-i",
    ),
    pytest.param("АВТОР: ИВАН ПЕТРОВ", "ru", False, (C("Иван Петров"),), id="ru-caps"),
    pytest.param(
        "Автор: Иван Петров, корреспондент",
        "ru",
        False,
        (C("Иван Петров"),),
        id="ru-korrespondent",
    ),
    pytest.param(
        "Текст: Анна Смирнова / Фото: Дмитрий Волков",
        "ru",
        False,
        (C("Анна Смирнова"), C("Дмитрий Волков", "photos")),
        id="ru-tekst-foto",
    ),
    pytest.param(
        "Автор: Анна Смирнова | Обновлено 16 ноября 2025, 10:30",
        "ru",
        False,
        (C("Анна Смирнова"),),
        id="ru-obnovleno-tail",
    ),
    pytest.param("ТАСС", "ru", True, (_org("TASS"),), id="ru-meta-tass"),
    pytest.param("РИА Новости", "ru", True, (_org("RIA Novosti"),), id="ru-meta-ria"),
    pytest.param(
        "По словам министра, переговоры продолжатся на следующей неделе.",
        "ru",
        False,
        (),
        id="ru-neg-sentence",
    ),
    # ---------------------------------------------------------------- Polish
    pytest.param("Autor: Jan Kowalski", "pl", False, (C("Jan Kowalski"),), id="pl-autor"),
    pytest.param("oprac. Anna Nowak", "pl", False, (C("Anna Nowak"),), id="pl-oprac"),
    pytest.param(
        "Autorzy: Jan Kowalski i Anna Nowak",
        "pl",
        False,
        (C("Jan Kowalski"), C("Anna Nowak")),
        id="pl-autorzy-i",
    ),
    pytest.param(
        "Tekst: Jan Kowalski oraz Katarzyna Lewandowska",
        "pl",
        False,
        (C("Jan Kowalski"), C("Katarzyna Lewandowska")),
        id="pl-tekst-oraz",
    ),
    pytest.param("AUTOR: PAWEŁ WOŹNIAK", "pl", False, (C("Paweł Woźniak"),), id="pl-caps"),
    pytest.param(
        "Autor: Paweł Woźniak, dziennikarz",
        "pl",
        False,
        (C("Paweł Woźniak"),),
        id="pl-dziennikarz",
    ),
    pytest.param(
        "Autor: Anna Nowak | Aktualizacja: 16.11.2025, 10:30",
        "pl",
        False,
        (C("Anna Nowak"),),
        id="pl-aktualizacja-tail",
    ),
    pytest.param("Polska Agencja Prasowa", "pl", True, (_org("PAP"),), id="pl-meta-pap"),
    pytest.param("Autor:", "pl", False, (), id="pl-neg-bare-autor"),
    # ---------------------------------------------------------------- Turkish
    pytest.param("Haber: Ahmet Yılmaz", "tr", False, (C("Ahmet Yılmaz"),), id="tr-haber"),
    pytest.param("Yazar: Ayşe Demir", "tr", False, (C("Ayşe Demir"),), id="tr-yazar"),
    pytest.param(
        "Haber: Ahmet Yılmaz ve Ayşe Demir",
        "tr",
        False,
        (C("Ahmet Yılmaz"), C("Ayşe Demir")),
        id="tr-haber-ve",
    ),
    pytest.param("Haber: Mehmet Kaya, Muhabir", "tr", False, (C("Mehmet Kaya"),), id="tr-muhabir"),
    pytest.param(
        "Haber: Ahmet Yılmaz | Güncelleme: 16.11.2025 10:30",
        "tr",
        False,
        (C("Ahmet Yılmaz"),),
        id="tr-guncelleme-tail",
    ),
    pytest.param("ayşe demir", "tr", True, (C("Ayşe Demir"),), id="tr-meta-lower"),
    pytest.param("Anadolu Ajansı", "tr", True, (_org("Anadolu Agency"),), id="tr-meta-aa"),
    pytest.param("DHA", "tr", True, (_org("DHA"),), id="tr-meta-dha"),
    pytest.param(
        "Bakan, görüşmelerin yarın devam edeceğini söyledi.",
        "tr",
        False,
        (),
        id="tr-neg-sentence",
    ),
    # Categories and comment counts follow a byline's date: no names.
    pytest.param(
        "von Lena Brandt | 20. Mai 2007 | Ergebnisse, Vereine | 0 Kommentare",
        "de",
        False,
        (C("Lena Brandt"),),
        id="de-categories-after-date",
    ),
    pytest.param(
        "By Tom Reed | March 3, 2024 | Reuters",
        "en",
        False,
        (C("Tom Reed", organisation="Reuters"), _org("Reuters")),
        id="en-agency-after-date",
    ),
    pytest.param("Vom Lena Brandt", "de", False, (C("Lena Brandt"),), id="de-vom"),
    pytest.param("Erstellt von Jonas Feld", "de", False, (C("Jonas Feld"),), id="de-erstellt"),
    pytest.param("Autor*in: Mira Holt", "de", False, (C("Mira Holt"),), id="de-autor-in"),
    pytest.param(
        "By Nora Vale, DVM | Reviewed by Ian Cole, DVM",
        "en",
        False,
        (C("Nora Vale"), C("Ian Cole", "editing")),
        id="en-reviewed-by",
    ),
    # A date label between the name and the date goes with the date; a surname stays.
    pytest.param(
        "Lena Brandt Stand: 05. März 2024", "de", False, (C("Lena Brandt"),), id="de-stand-date"
    ),
    pytest.param("Par Jean Roy le 07 mai 2020", "fr", False, (C("Jean Roy"),), id="fr-le-date"),
    pytest.param("By Ann Le May 5, 2024", "en", False, (C("Ann Le"),), id="en-surname-le-date"),
]


@pytest.mark.parametrize(("raw", "language", "trusted", "expected"), ROWS)
def test_parse_contributors(raw, language, trusted, expected):
    assert parse_contributors(raw, language=language, trusted=trusted) == expected


@pytest.mark.parametrize(("raw", "language", "trusted", "expected"), ROWS)
def test_parse_byline(raw, language, trusted, expected):
    names = tuple(c.name for c in expected if c.role in AUTHOR_ROLES)
    assert parse_byline(raw, language=language, trusted=trusted) == names
