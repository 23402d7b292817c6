"""Table of real-world date lines and wire datelines for the date normaliser.

Each row is a string shaped the way news pages print it (a date line under a headline, a
"Published/Updated" line, a meta value, a wire dateline), in one of the ten supported
languages, with the exact value docs/bylines-and-dates.md ("Dates") says it gives.

Every row is resolved against one reference date, ``REF``, except the explicit
"no reference" rows.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from articlekit.dates import parse_date, parse_dateline

REF = datetime(2025, 11, 20, 12, 0)  # a Thursday

UTC = timezone(timedelta(0))
EST = timezone(timedelta(hours=-5))
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
MSK = timezone(timedelta(hours=3))
IST = timezone(timedelta(hours=5, minutes=30))

YESTERDAY = datetime(2025, 11, 19)  # midnight of the day before REF
TWO_DAYS_AGO = date(2025, 11, 18)  # "2 days ago": only the day is checked, not the hour
LAST_CHRISTMAS_EVE = datetime(2024, 12, 24)  # "December 24" is after REF in 2025


# (raw, language, expected): expected is a datetime (aware when the line gives a zone or an
# offset, naive otherwise), a date (only the calendar day is checked), or None.
DATES: list[tuple[str, str | None, datetime | date | None]] = [
    # --- English ---------------------------------------------------------------------------
    ("Published November 16, 2025", "en", datetime(2025, 11, 16)),
    ("Nov. 16, 2025", "en", datetime(2025, 11, 16)),
    ("Sunday, November 16, 2025", "en", datetime(2025, 11, 16)),
    ("Sun 16 Nov 2025 14.05 GMT", "en", datetime(2025, 11, 16, 14, 5, tzinfo=UTC)),
    (
        "Last modified on Mon 17 Nov 2025 09.12 GMT",
        "en",
        datetime(2025, 11, 17, 9, 12, tzinfo=UTC),
    ),
    ("November 16, 2025 3:04 PM EST", "en", datetime(2025, 11, 16, 15, 4, tzinfo=EST)),
    ("Nov. 16, 2025, 8:15 a.m. EST", "en", datetime(2025, 11, 16, 8, 15, tzinfo=EST)),
    ("16 November 2025, 10:30 UTC", "en", datetime(2025, 11, 16, 10, 30, tzinfo=UTC)),
    ("Updated: Nov 16, 2025, 10:30 IST", "en", datetime(2025, 11, 16, 10, 30, tzinfo=IST)),
    ("16 November 2025 10:30 MSK", "en", datetime(2025, 11, 16, 10, 30, tzinfo=MSK)),
    ("Published 16 November 2025, 10:30 CET", "en", datetime(2025, 11, 16, 10, 30, tzinfo=CET)),
    ("Published 16 July 2025, 10:30 CEST", "en", datetime(2025, 7, 16, 10, 30, tzinfo=CEST)),
    ("November 16, 2025 at 3:04 PM", "en", datetime(2025, 11, 16, 15, 4)),
    ("2025-11-16T10:30:00Z", None, datetime(2025, 11, 16, 10, 30, tzinfo=UTC)),
    ("2025-11-16T15:04:05-05:00", None, datetime(2025, 11, 16, 15, 4, 5, tzinfo=EST)),
    ("2025-11-16T10:30:00.000+05:30", None, datetime(2025, 11, 16, 10, 30, tzinfo=IST)),
    ("2025-11-16 10:30:00", None, datetime(2025, 11, 16, 10, 30)),
    ("Posted 2025/11/16 10:30", "en", datetime(2025, 11, 16, 10, 30)),
    ("11/05/2025", "en", datetime(2025, 11, 5)),  # English, slashes: month first
    ("05.11.2025", "en", datetime(2025, 11, 5)),  # dots: day first, even in English
    ("Updated 3 hours ago", "en", datetime(2025, 11, 20, 9, 0)),
    ("20 minutes ago", "en", datetime(2025, 11, 20, 11, 40)),
    ("2 days ago", "en", TWO_DAYS_AGO),
    ("Yesterday", "en", YESTERDAY),
    ("Sunday, November 16", "en", datetime(2025, 11, 16)),
    ("December 24", "en", LAST_CHRISTMAS_EVE),
    ("Updated 21 November 2025, 08:00", "en", datetime(2025, 11, 21, 8, 0)),  # < a day ahead
    ("Published 22 November 2025", "en", None),  # more than a day after REF
    ("Published 31 December 1989", "en", None),  # before 1990
    ("Share this article", "en", None),
    # --- German ----------------------------------------------------------------------------
    ("Veröffentlicht am 16. November 2025", "de", datetime(2025, 11, 16)),
    ("Sonntag, 16. November 2025, 10:30 Uhr", "de", datetime(2025, 11, 16, 10, 30)),
    ("16. Nov. 2025", "de", datetime(2025, 11, 16)),
    ("Stand: 16.11.2025 10:30 Uhr", "de", datetime(2025, 11, 16, 10, 30)),
    (
        "Aktualisiert am 17.11.2025, 08:15 Uhr MEZ",
        "de",
        datetime(2025, 11, 17, 8, 15, tzinfo=CET),
    ),
    ("16.07.2025, 18:45 Uhr MESZ", "de", datetime(2025, 7, 16, 18, 45, tzinfo=CEST)),
    ("15. Jänner 2025", "de", datetime(2025, 1, 15)),
    # German print spaces the numbers: "4. 2. 2022" is 4 February (dots: the day first).
    ("Von Deutscher Tennis Bund 4. 2. 2022.", "de", datetime(2022, 2, 4)),
    ("4. 2. 2022", "en", datetime(2022, 2, 4)),
    ("12.\u00a03.\u00a02021 um 14:30 Uhr", "de", datetime(2021, 3, 12, 14, 30)),
    ("4. 2.2022", "de", None),  # the separator is the same twice, or it is no date
    ("3. März 2025, 10.30 Uhr", "de", datetime(2025, 3, 3, 10, 30)),
    ("vor 3 Stunden", "de", datetime(2025, 11, 20, 9, 0)),
    ("Aktualisiert vor 45 Minuten", "de", datetime(2025, 11, 20, 11, 15)),
    ("vor 2 Tagen", "de", TWO_DAYS_AGO),
    ("gestern", "de", YESTERDAY),
    ("16. November", "de", datetime(2025, 11, 16)),
    ("25.12.2025", "de", None),  # more than a day after REF
    ("31.12.1989", "de", None),  # before 1990
    # --- French ----------------------------------------------------------------------------
    ("Publié le 16 novembre 2025 à 10h30", "fr", datetime(2025, 11, 16, 10, 30)),
    ("dimanche 16 novembre 2025", "fr", datetime(2025, 11, 16)),
    ("16 nov. 2025 à 10h30", "fr", datetime(2025, 11, 16, 10, 30)),
    (
        "Publié le 16 novembre 2025 à 10h30, mis à jour le 17 novembre 2025 à 08h15",
        "fr",
        datetime(2025, 11, 16, 10, 30),
    ),
    ("Mis à jour le 17/11/2025 à 08:15", "fr", datetime(2025, 11, 17, 8, 15)),
    ("05/11/2025", "fr", datetime(2025, 11, 5)),  # slashes outside English: day first
    ("le 1er octobre 2025", "fr", datetime(2025, 10, 1)),
    ("Publié le 16/11/2025 - 10:30 GMT+1", "fr", datetime(2025, 11, 16, 10, 30, tzinfo=CET)),
    ("il y a 3 heures", "fr", datetime(2025, 11, 20, 9, 0)),
    ("Mis à jour il y a 20 minutes", "fr", datetime(2025, 11, 20, 11, 40)),
    ("il y a 2 jours", "fr", TWO_DAYS_AGO),
    ("hier", "fr", YESTERDAY),
    ("24 décembre", "fr", LAST_CHRISTMAS_EVE),
    # --- Spanish ---------------------------------------------------------------------------
    ("Publicado el 16 de noviembre de 2025", "es", datetime(2025, 11, 16)),
    ("domingo, 16 de noviembre de 2025, 10:30", "es", datetime(2025, 11, 16, 10, 30)),
    ("16 nov 2025 - 10:30 CET", "es", datetime(2025, 11, 16, 10, 30, tzinfo=CET)),
    ("Actualizado: 17 nov 2025 - 08:15 CET", "es", datetime(2025, 11, 17, 8, 15, tzinfo=CET)),
    ("16/11/2025 10:30", "es", datetime(2025, 11, 16, 10, 30)),
    ("3 de marzo de 2025", "es", datetime(2025, 3, 3)),
    ("hace 3 horas", "es", datetime(2025, 11, 20, 9, 0)),
    ("hace 15 minutos", "es", datetime(2025, 11, 20, 11, 45)),
    ("hace 2 días", "es", TWO_DAYS_AGO),
    ("ayer", "es", YESTERDAY),
    # --- Italian ---------------------------------------------------------------------------
    ("domenica 16 novembre 2025", "it", datetime(2025, 11, 16)),
    ("16 novembre 2025, 10:30", "it", datetime(2025, 11, 16, 10, 30)),
    ("Aggiornato il 17 novembre 2025 alle 08:15", "it", datetime(2025, 11, 17, 8, 15)),
    ("16 nov 2025", "it", datetime(2025, 11, 16)),
    ("16/11/2025 - 10:30", "it", datetime(2025, 11, 16, 10, 30)),
    ("7 maggio 2025", "it", datetime(2025, 5, 7)),
    ("3 ore fa", "it", datetime(2025, 11, 20, 9, 0)),
    ("10 minuti fa", "it", datetime(2025, 11, 20, 11, 50)),
    ("2 giorni fa", "it", TWO_DAYS_AGO),
    ("ieri", "it", YESTERDAY),
    # --- Portuguese ------------------------------------------------------------------------
    ("Publicado em 16 de novembro de 2025", "pt", datetime(2025, 11, 16)),
    ("domingo, 16 de novembro de 2025", "pt", datetime(2025, 11, 16)),
    (
        "16/11/2025 10h30 Atualizado 16/11/2025 12h05",
        "pt",
        datetime(2025, 11, 16, 10, 30),
    ),
    ("16 nov 2025, 10h30", "pt", datetime(2025, 11, 16, 10, 30)),
    ("05/11/2025 às 10:30", "pt", datetime(2025, 11, 5, 10, 30)),
    ("20 de março de 2025", "pt", datetime(2025, 3, 20)),
    ("Atualizado há 3 horas", "pt", datetime(2025, 11, 20, 9, 0)),
    ("há 30 minutos", "pt", datetime(2025, 11, 20, 11, 30)),
    ("há 2 dias", "pt", TWO_DAYS_AGO),
    ("ontem", "pt", YESTERDAY),
    # --- Dutch -----------------------------------------------------------------------------
    ("zondag 16 november 2025, 10:30", "nl", datetime(2025, 11, 16, 10, 30)),
    ("Gepubliceerd op 16 november 2025 om 10:30", "nl", datetime(2025, 11, 16, 10, 30)),
    ("16 nov 2025 10:30", "nl", datetime(2025, 11, 16, 10, 30)),
    ("3 maart 2025", "nl", datetime(2025, 3, 3)),
    ("16/11/2025", "nl", datetime(2025, 11, 16)),
    ("3 uur geleden", "nl", datetime(2025, 11, 20, 9, 0)),
    ("25 minuten geleden", "nl", datetime(2025, 11, 20, 11, 35)),
    ("2 dagen geleden", "nl", TWO_DAYS_AGO),
    ("Gisteren", "nl", YESTERDAY),
    # --- Russian ---------------------------------------------------------------------------
    ("Опубликовано: 16 ноября 2025 года", "ru", datetime(2025, 11, 16)),
    ("воскресенье, 16 ноября 2025", "ru", datetime(2025, 11, 16)),
    ("16 ноября 2025, 10:30", "ru", datetime(2025, 11, 16, 10, 30)),
    ("16.11.2025, 10:30", "ru", datetime(2025, 11, 16, 10, 30)),
    ("16 ноя 2025, 10:30", "ru", datetime(2025, 11, 16, 10, 30)),
    ("3 марта 2025", "ru", datetime(2025, 3, 3)),
    ("3 часа назад", "ru", datetime(2025, 11, 20, 9, 0)),
    ("5 часов назад", "ru", datetime(2025, 11, 20, 7, 0)),
    ("15 минут назад", "ru", datetime(2025, 11, 20, 11, 45)),
    ("2 дня назад", "ru", TWO_DAYS_AGO),
    ("вчера", "ru", YESTERDAY),
    # --- Polish ----------------------------------------------------------------------------
    ("Opublikowano: 16 listopada 2025, 10:30", "pl", datetime(2025, 11, 16, 10, 30)),
    ("niedziela, 16 listopada 2025", "pl", datetime(2025, 11, 16)),
    ("Aktualizacja: 17.11.2025 08:15", "pl", datetime(2025, 11, 17, 8, 15)),
    ("16 lis 2025, 10:30", "pl", datetime(2025, 11, 16, 10, 30)),
    ("3 marca 2025", "pl", datetime(2025, 3, 3)),
    ("3 godziny temu", "pl", datetime(2025, 11, 20, 9, 0)),
    ("5 godzin temu", "pl", datetime(2025, 11, 20, 7, 0)),
    ("15 minut temu", "pl", datetime(2025, 11, 20, 11, 45)),
    ("2 dni temu", "pl", TWO_DAYS_AGO),
    ("wczoraj", "pl", YESTERDAY),
    # --- Chinese, Japanese, Korean: the year first, digits beside letters -------------------
    ("2019年6月19日", "ja", datetime(2019, 6, 19)),
    ("新华社武汉2020年2月19日电", "zh", datetime(2020, 2, 19)),
    ("2023年10月3日 10:30", "zh", datetime(2023, 10, 3, 10, 30)),
    ("2020년 8월 15일", "ko", datetime(2020, 8, 15)),
    ("입력 2020.08.27 09:12", "ko", datetime(2020, 8, 27, 9, 12)),
    ("12019年6月19日", "zh", None),  # five digits: no year
    ("version 2020.1.2", None, None),  # dots after a year: two digits each, or a version
    ("2020年7月15日 11時00分", "ja", datetime(2020, 7, 15, 11, 0)),
    ("2020년 8월 27일 20시 27분", "ko", datetime(2020, 8, 27, 20, 27)),
    ("于2023年10月27日0时10分在上海逝世", "zh", datetime(2023, 10, 27, 0, 10)),
    # --- Turkish ---------------------------------------------------------------------------
    ("16 Kasım 2025 Pazar", "tr", datetime(2025, 11, 16)),
    ("16 Kasım 2025, 10:30", "tr", datetime(2025, 11, 16, 10, 30)),
    ("Giriş: 16.11.2025 10:30", "tr", datetime(2025, 11, 16, 10, 30)),
    ("Güncelleme Tarihi: 17.11.2025 - 08:15", "tr", datetime(2025, 11, 17, 8, 15)),
    ("14 Şubat 2025", "tr", datetime(2025, 2, 14)),
    ("3 saat önce", "tr", datetime(2025, 11, 20, 9, 0)),
    ("20 dakika önce", "tr", datetime(2025, 11, 20, 11, 40)),
    ("2 gün önce", "tr", TWO_DAYS_AGO),
    ("Dün", "tr", YESTERDAY),
]


def _check(result: datetime | None, expected: datetime | date | None) -> None:
    if expected is None:
        assert result is None
        return
    assert isinstance(result, datetime), result
    if not isinstance(expected, datetime):  # a plain date: only the day is decided
        assert result.tzinfo is None
        assert result.date() == expected
        return
    # Equality of aware datetimes compares instants; the printed offset must be kept too, and
    # a line without a zone gives a naive datetime.
    assert result == expected
    assert (result.tzinfo is None) == (expected.tzinfo is None), result
    assert result.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(("raw", "language", "expected"), DATES)
def test_parse_date(raw, language, expected):
    _check(parse_date(raw, language=language, reference_date=REF), expected)


# Relative and year-less dates need a reference date; absolute dates do not.
NO_REFERENCE: list[tuple[str, str | None, datetime | None]] = [
    ("3 hours ago", "en", None),
    ("Sunday, November 16", "en", None),
    ("vor 3 Stunden", "de", None),
    ("gestern", "de", None),
    ("il y a 20 minutes", "fr", None),
    ("hace 2 días", "es", None),
    ("3 часа назад", "ru", None),
    ("16 novembre", "it", None),
    ("16. November 2025", "de", datetime(2025, 11, 16)),
    ("2025-11-16T10:30:00Z", None, datetime(2025, 11, 16, 10, 30, tzinfo=UTC)),
]


@pytest.mark.parametrize(("raw", "language", "expected"), NO_REFERENCE)
def test_parse_date_without_reference(raw, language, expected):
    _check(parse_date(raw, language=language), expected)


# (raw, language, (place, agency, date), first words of the story) or (raw, language, None, "")
DATELINES: list[tuple[str, str | None, tuple[str, str | None, datetime | None] | None, str]] = [
    (
        "KYIV, Nov 16 (Reuters) - Ukraine is working to restart power units at two plants.",
        "en",
        ("Kyiv", "Reuters", datetime(2025, 11, 16)),
        "Ukraine is working",
    ),
    (
        "BERLIN (dpa) - Die Bundesregierung will das Heizungsgesetz noch vor Weihnachten ändern.",
        "de",
        ("Berlin", "dpa", None),
        "Die Bundesregierung",
    ),
    (
        "PARIS, 16 novembre (AFP) - Le gouvernement a présenté dimanche son plan pour l'hiver.",
        "fr",
        ("Paris", "AFP", datetime(2025, 11, 16)),
        "Le gouvernement",
    ),
    (
        "WASHINGTON — The Senate voted late Sunday to advance the spending bill.",
        "en",
        ("Washington", None, None),
        "The Senate",
    ),
    (
        "NEW DELHI, Nov 16 (PTI): The Supreme Court on Sunday sought the Centre's response.",
        "en",
        ("New Delhi", "PTI", datetime(2025, 11, 16)),
        "The Supreme Court",
    ),
    (
        "MADRID, 16 nov (EFE).- El Gobierno aprobó este domingo el nuevo plan de vivienda.",
        "es",
        ("Madrid", "EFE", datetime(2025, 11, 16)),
        "El Gobierno",
    ),
    (
        "ROMA, 16 novembre (ANSA) - Il governo ha approvato la manovra in Consiglio dei ministri.",
        "it",
        ("Roma", "ANSA", datetime(2025, 11, 16)),
        "Il governo",
    ),
    (
        "MOSCOW, Nov. 16 (Xinhua) -- Russia said on Sunday it was ready to resume talks.",
        "en",
        ("Moscow", "Xinhua", datetime(2025, 11, 16)),
        "Russia said",
    ),
    (
        "SAN FRANCISCO (AP) — A federal judge on Sunday blocked the new rule.",
        "en",
        ("San Francisco", "AP", None),
        "A federal judge",
    ),
    (
        "Lisboa, 16 nov 2025 (Lusa) - O Governo aprovou hoje o Orçamento do Estado.",
        "pt",
        ("Lisboa", "Lusa", datetime(2025, 11, 16)),
        "O Governo",
    ),
    (
        "Berlin, 16. Nov (Reuters) - Die Inflation in Deutschland ist im November gesunken.",
        "de",
        ("Berlin", "Reuters", datetime(2025, 11, 16)),
        "Die Inflation",
    ),
    (
        "WARSZAWA (PAP) - Prezydent podpisał w niedzielę ustawę o budżecie.",
        "pl",
        ("Warszawa", "PAP", None),
        "Prezydent podpisał",
    ),
    (
        "AMSTERDAM (ANP) - Het kabinet wil de huren in de vrije sector bevriezen.",
        "nl",
        ("Amsterdam", "ANP", None),
        "Het kabinet",
    ),
    (
        "ANKARA (DHA) - Meclis Genel Kurulu'nda bütçe görüşmeleri başladı.",
        "tr",
        ("Ankara", "DHA", None),
        "Meclis Genel",
    ),
    (
        "UNITED NATIONS (AP) — The Security Council met Sunday in an emergency session.",
        "en",
        ("United Nations", "AP", None),
        "The Security Council",
    ),
    (
        "TOKYO, Dec 24 (Reuters) - Japan's cabinet approved a record budget on Tuesday.",
        "en",
        ("Tokyo", "Reuters", LAST_CHRISTMAS_EVE),
        "Japan's cabinet",
    ),
    # Ordinary sentences: no dateline.
    ("The talks in Kyiv (Ukraine) resumed on Monday.", "en", None, ""),
    ("Reuters reported on Nov 16 that the talks in Kyiv had stalled.", "en", None, ""),
    ("Shares of Apple (AAPL) rose 3% on Monday, the company said.", "en", None, ""),
    (
        "Die Bundesregierung (CDU/SPD) hat am Sonntag das Haushaltsgesetz beschlossen.",
        "de",
        None,
        "",
    ),
    ("Le président (LR) a rencontré le 16 novembre les syndicats à Paris.", "fr", None, ""),
    ("El presidente del Gobierno (PSOE) viajó ayer a Bruselas.", "es", None, ""),
]


@pytest.mark.parametrize(("raw", "language", "expected", "story"), DATELINES)
def test_parse_dateline(raw, language, expected, story):
    dateline = parse_dateline(raw, language=language, reference_date=REF)
    if expected is None:
        assert dateline is None
        return
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.date) == expected
    if dateline.date is not None:
        assert dateline.date.tzinfo is None
    assert raw[dateline.end :].lstrip().startswith(story), raw[dateline.end :]
