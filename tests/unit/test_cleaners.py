"""Per-cleaner tables: input lines, what stays, what goes and under which reason code.

Each case runs ONE built-in cleaner on a draft (language given, as the pipeline's first step
would set it), so a failure names the cleaner at fault. Cases marked "keep" are the ones that
must not be removed: the cleaners' false-positive guard.
"""

from __future__ import annotations

import pytest

import articlekit
from articlekit import cleaners
from articlekit.draft import Draft

P1 = (
    "Rustem Umerov, Secretary of Ukraine's National Security and Defence Council, said on "
    "Saturday he held consultations mediated by Turkey and the United Arab Emirates."
)
P2 = (
    "He said both sides agreed to reactivate prisoner exchange agreements brokered in Istanbul "
    "to release 1,200 Ukrainians. Moscow did not immediately respond to the claim."
)
P3 = (
    "The Russian army claimed it captured two villages in southern Ukraine, where its forces "
    "are making a slow advance against smaller Ukrainian units."
)
#: More of a story: a block followed by these is neither at the story's end nor among the
#: last blocks that the calls to action at the end are looked for in.
LATER = [P3, P1, P2, P3, P1, P2, P3]
#: A story about a photo app whose last paragraph names Facebook and Instagram again.
PHOTO_APP_STORY = [
    "Facebook added photo filters to its mobile app on Tuesday, a month after its "
    "purchase of Instagram closed, and users can now edit a picture before sharing it.",
    P1,
    "Since buying Instagram, Facebook has watched it grow to nearly 100 million users.",
]
DE = (
    "Die Ukraine will den Austausch von Gefangenen mit Russland wieder aufnehmen, sagte "
    "Präsident Selenskyj am Sonntag in Kiew vor Journalisten."
)


#: An ad server's call as old pages print it, with click-tracking URLs of some 600 characters.
_AD_URL = "http://ad.example.net/adj/N1.site/B1;" + ";".join(f"k{i}=v{i}" for i in range(90))
LONG_AD = (
    f'<SCRIPT language="JavaScript1.1" SRC="{_AD_URL}"> </SCRIPT> <NOSCRIPT> '
    f'<A href="{_AD_URL}/jump"> <IMG SRC="{_AD_URL}/img" BORDER=0 ALT="Advertisement"></A> '
    "</NOSCRIPT>"
)

CASES = [
    # (id, cleaner, language, lines, kept, removed as [(text, reason)])
    # --- ad labels
    (
        "ad-en",
        "remove_ad_labels",
        "en",
        ["Advertisement", P1],
        [P1],
        [("Advertisement", "ad_label")],
    ),
    (
        "ad-caps",
        "remove_ad_labels",
        "en",
        [P1, "ADVERTISEMENT", P2],
        [P1, P2],
        [("ADVERTISEMENT", "ad_label")],
    ),
    (
        "ad-continue",
        "remove_ad_labels",
        "en",
        ["Story continues below advertisement", P1],
        [P1],
        [("Story continues below advertisement", "ad_label")],
    ),
    # A short note on the label in parentheses or brackets is the label's own; a longer one,
    # or a label word inside a sentence with a parenthesis, is text.
    (
        "ad-with-note",
        "remove_ad_labels",
        "en",
        [P1, "Advertisement (scroll to read)", P2, "ADVERTISEMENT [story continues below]"],
        [P1, P2],
        [
            ("Advertisement (scroll to read)", "ad_label"),
            ("ADVERTISEMENT [story continues below]", "ad_label"),
        ],
    ),
    (
        "ad-keep-long-note",
        "remove_ad_labels",
        "en",
        [P1, "Advertisement (the one the council paid for in May)", "Ad (sic)ly placed"],
        [P1, "Advertisement (the one the council paid for in May)", "Ad (sic)ly placed"],
        [],
    ),
    ("ad-de", "remove_ad_labels", "de", ["Anzeige", DE], [DE], [("Anzeige", "ad_label")]),
    (
        "ad-de-note",
        "remove_ad_labels",
        "de",
        ["Anzeige (Werbung)", DE],
        [DE],
        [("Anzeige (Werbung)", "ad_label")],
    ),
    ("ad-es", "remove_ad_labels", "es", ["Publicidad", P1], [P1], [("Publicidad", "ad_label")]),
    (
        "ad-keep-quote",
        "remove_ad_labels",
        "en",
        ["“The advertisement was misleading,” the regulator said.", P1],
        ["“The advertisement was misleading,” the regulator said.", P1],
        [],
    ),
    (
        "ad-keep-sentence",
        "remove_ad_labels",
        "en",
        ["Sponsored by the state, the fund grew."],
        ["Sponsored by the state, the fund grew."],
        [],
    ),
    # --- related links
    (
        "rel-also-read",
        "remove_related_links",
        "en",
        [P1, "Also Read: Trump Warns Zelenskyy ‘Putin Will Destroy You’", P2],
        [P1, P2],
        [("Also Read: Trump Warns Zelenskyy ‘Putin Will Destroy You’", "related_link")],
    ),
    (
        "rel-read-more-pipe",
        "remove_related_links",
        "en",
        [P1, "READ MORE | Kyiv hit by drones"],
        [P1],
        [("READ MORE | Kyiv hit by drones", "related_link")],
    ),
    (
        "rel-de",
        "remove_related_links",
        "de",
        [DE, "Lesen Sie auch: Die Lage in Kiew"],
        [DE],
        [("Lesen Sie auch: Die Lage in Kiew", "related_link")],
    ),
    (
        "rel-fr",
        "remove_related_links",
        "fr",
        [P1, "À lire aussi : La guerre en Ukraine"],
        [P1],
        [("À lire aussi : La guerre en Ukraine", "related_link")],
    ),
    (
        "rel-es",
        "remove_related_links",
        "es",
        [P1, "Leer más: Rusia ataca Kiev"],
        [P1],
        [("Leer más: Rusia ataca Kiev", "related_link")],
    ),
    (
        "rel-it",
        "remove_related_links",
        "it",
        [P1, "Leggi anche: La guerra in Ucraina"],
        [P1],
        [("Leggi anche: La guerra in Ucraina", "related_link")],
    ),
    (
        "rel-pt",
        "remove_related_links",
        "pt",
        [P1, "Leia também: Guerra na Ucrânia"],
        [P1],
        [("Leia também: Guerra na Ucrânia", "related_link")],
    ),
    (
        "rel-es-bare-imperative",
        "remove_related_links",
        "es",
        [P1, "MIRA: Detienen a dos hombres en el puerto", "Lea | El Congreso aprueba la ley", P2],
        [P1, P2],
        [
            ("MIRA: Detienen a dos hombres en el puerto", "related_link"),
            ("Lea | El Congreso aprueba la ley", "related_link"),
        ],
    ),
    (
        "rel-keep-hyphen-compound",
        "remove_related_links",
        None,
        [P1, "Watch-list firms face new rules", "MIRA-Award"],
        [P1, "Watch-list firms face new rules", "MIRA-Award"],
        [],
    ),
    (
        "rel-keep-prose",
        "remove_related_links",
        "en",
        [
            "Read more carefully, the agreement says both sides may walk away. Lawyers agreed. It "
            "was signed in May.",
            P1,
        ],
        [
            "Read more carefully, the agreement says both sides may walk away. Lawyers agreed. It "
            "was signed in May.",
            P1,
        ],
        [],
    ),
    (
        "rel-keep-no-separator",
        "remove_related_links",
        "en",
        ["Related talks are due in May"],
        ["Related talks are due in May"],
        [],
    ),
    # --- calls to action
    (
        "cta-stay-tuned",
        "remove_calls_to_action",
        "en",
        [
            P1,
            "Stay tuned for more updates on this developing story, which holds significant "
            "implications for both the Ukrainian people and international relations.",
        ],
        [P1],
        [
            (
                "Stay tuned for more updates on this developing story, which holds significant "
                "implications for both the Ukrainian people and international relations.",
                "call_to_action",
            )
        ],
    ),
    (
        "cta-subscribe",
        "remove_calls_to_action",
        "en",
        [P1, "Subscribe to our newsletter to get the day's top stories."],
        [P1],
        [("Subscribe to our newsletter to get the day's top stories.", "call_to_action")],
    ),
    (
        "cta-follow",
        "remove_calls_to_action",
        "en",
        [P1, "Follow us on X and Telegram"],
        [P1],
        [("Follow us on X and Telegram", "call_to_action")],
    ),
    (
        "cta-de",
        "remove_calls_to_action",
        "de",
        [DE, "Folgen Sie uns auf Instagram"],
        [DE],
        [("Folgen Sie uns auf Instagram", "call_to_action")],
    ),
    (
        # Inside the story's prose: a call that promotes the site's channels goes...
        "cta-promotion-inside-the-story",
        "remove_calls_to_action",
        "en",
        [P1, P2, "Join our Telegram channel for instant updates.", *LATER],
        [P1, P2, *LATER],
        [("Join our Telegram channel for instant updates.", "call_to_action")],
    ),
    (
        # ...a step of the story that opens like a call stays...
        "cta-keep-step-inside-the-story",
        "remove_calls_to_action",
        "en",
        [P1, P2, "Download the file and put it in a temporary folder.", *LATER],
        [P1, P2, "Download the file and put it in a temporary folder.", *LATER],
        [],
    ),
    (
        # ...and so does a call naming what the story itself is about.
        "cta-keep-the-story-subject-inside-the-story",
        "remove_calls_to_action",
        "en",
        [
            "Telegram added group calls on Tuesday, and its users can now invite up to a "
            "thousand people to a channel's live stream.",
            P2,
            "Join our Telegram channel for instant updates.",
            *LATER,
        ],
        [
            "Telegram added group calls on Tuesday, and its users can now invite up to a "
            "thousand people to a channel's live stream.",
            P2,
            "Join our Telegram channel for instant updates.",
            *LATER,
        ],
        [],
    ),
    (
        "cta-tail-promotion-es",
        "remove_calls_to_action",
        "es",
        [P1, P2, "Siga a la redacción en Telegram, Instagram y X para todas las novedades."],
        [P1, P2],
        [
            (
                "Siga a la redacción en Telegram, Instagram y X para todas las novedades.",
                "call_to_action",
            )
        ],
    ),
    (
        "cta-tail-promotion-two-blocks",
        "remove_calls_to_action",
        "de",
        [
            DE,
            DE,
            "Nichts mehr verpasst: Der Newsletter der Redaktion kommt jeden Morgen.",
            "Cookies helfen uns, die Seite zu verbessern.",
        ],
        [DE, DE],
        [
            (
                "Nichts mehr verpasst: Der Newsletter der Redaktion kommt jeden Morgen.",
                "call_to_action",
            ),
            ("Cookies helfen uns, die Seite zu verbessern.", "call_to_action"),
        ],
    ),
    (
        "cta-tail-sentence-opens-with-phrase",
        "remove_calls_to_action",
        "en",
        [P1, P2, "Search our archive for more stories on this topic. Click here to start."],
        [P1, P2],
        [
            (
                "Search our archive for more stories on this topic. Click here to start.",
                "call_to_action",
            )
        ],
    ),
    (
        "cta-tail-short-block-phrase-anywhere",
        "remove_calls_to_action",
        "en",
        [P1, P2, "Liked this story? Then click here to share it."],
        [P1, P2],
        [("Liked this story? Then click here to share it.", "call_to_action")],
    ),
    (
        "cta-tail-keep-phrase-inside-a-story-sentence",
        "remove_calls_to_action",
        "en",
        [
            P1,
            "Viewers who still own analog sets can subscribe to the new cable service before the "
            "switch next month, officials in Washington said at a briefing on Monday.",
        ],
        [
            P1,
            "Viewers who still own analog sets can subscribe to the new cable service before the "
            "switch next month, officials in Washington said at a briefing on Monday.",
        ],
        [],
    ),
    (
        "cta-keep-promotion-word-in-story-end",
        "remove_calls_to_action",
        "en",
        [P1, "The carrier had a subscriber base of 53.8 million at the end of 2007, it said.", P2],
        [P1, "The carrier had a subscriber base of 53.8 million at the end of 2007, it said.", P2],
        [],
    ),
    (
        "cta-keep-promotion-word-in-long-last-paragraph",
        "remove_calls_to_action",
        "en",
        [P1, P2 + " Its YouTube channel and its newsletter were both shut down. " + P3],
        [P1, P2 + " Its YouTube channel and its newsletter were both shut down. " + P3],
        [],
    ),
    # A promotion word the story's own paragraphs used before its last blocks is its subject:
    # the story about a photo app ends on Facebook and Instagram and keeps that end.
    (
        "cta-keep-promotion-words-the-story-is-about",
        "remove_calls_to_action",
        "en",
        PHOTO_APP_STORY,
        PHOTO_APP_STORY,
        [],
    ),
    # The same words in a story that never spoke of them promote the site's accounts.
    (
        "cta-tail-promotion-words-the-story-never-used",
        "remove_calls_to_action",
        "en",
        [P1, P2, "The newsroom is on Facebook and Instagram every day."],
        [P1, P2],
        [("The newsroom is on Facebook and Instagram every day.", "call_to_action")],
    ),
    (
        "cta-keep-quote",
        "remove_calls_to_action",
        "en",
        ["“Stay tuned,” the minister told reporters, smiling."],
        ["“Stay tuned,” the minister told reporters, smiling."],
        [],
    ),
    (
        "cta-keep-long",
        "remove_calls_to_action",
        "en",
        ["Follow us on the long road to Kyiv, the convoy's driver joked. " + P1 + " " + P2],
        ["Follow us on the long road to Kyiv, the convoy's driver joked. " + P1 + " " + P2],
        [],
    ),
    # --- disclosures
    (
        "disclosure-en",
        "remove_disclosures",
        "en",
        [
            "We test everything we review. If you buy through our links, we may earn a commission.",
            P1,
        ],
        [P1],
        [
            (
                "We test everything we review. If you buy through our links, we may earn a "
                "commission.",
                "disclosure",
            )
        ],
    ),
    (
        "disclosure-en-variants",
        "remove_disclosures",
        "en",
        [
            "Every lamp here was picked by our editors. We may earn commission on what you buy.",
            P1,
            "We have financial relationships with some of the companies mentioned on this page.",
            "Advertiser Disclosure",
        ],
        [P1],
        [
            (
                "Every lamp here was picked by our editors. We may earn commission on what you "
                "buy.",
                "disclosure",
            ),
            (
                "We have financial relationships with some of the companies mentioned on this "
                "page.",
                "disclosure",
            ),
            ("Advertiser Disclosure", "disclosure"),
        ],
    ),
    (
        "disclosure-de",
        "remove_disclosures",
        "de",
        ["Dieser Artikel enthält Affiliate-Links.", DE],
        [DE],
        [("Dieser Artikel enthält Affiliate-Links.", "disclosure")],
    ),
    (
        "disclosure-keep-long",
        "remove_disclosures",
        "en",
        [
            "Retailers said affiliate links now drive a third of their sales. "
            + P1
            + " "
            + P2
            + " "
            + P3
        ],
        [
            "Retailers said affiliate links now drive a third of their sales. "
            + P1
            + " "
            + P2
            + " "
            + P3
        ],
        [],
    ),
    # --- kickers (trimmed, the paragraph stays)
    (
        "kicker-urgent",
        "trim_kickers",
        "en",
        ["URGENT UPDATE: " + P1],
        [P1],
        [("URGENT UPDATE:", "kicker")],
    ),
    ("kicker-breaking", "trim_kickers", "en", ["BREAKING: " + P2], [P2], [("BREAKING:", "kicker")]),
    ("kicker-de", "trim_kickers", "de", ["EILMELDUNG: " + DE], [DE], [("EILMELDUNG:", "kicker")]),
    ("kicker-keep-dateline-city", "trim_kickers", "en", ["KYIV: " + P1], ["KYIV: " + P1], []),
    # A label of signs only holds no kicker word: the line stays whole (it was cut at "_:").
    ("kicker-keep-signs", "trim_kickers", "en", ["_: " + P1], ["_: " + P1], []),
    (
        "kicker-keep-colon-quote",
        "trim_kickers",
        "en",
        ["Update: the talks were postponed"],
        ["Update: the talks were postponed"],
        [],
    ),
    # --- date stubs
    (
        "stub-published",
        "remove_date_stubs",
        "en",
        ["Published on", "•Updated", P1],
        [P1],
        [("Published on", "date_stub"), ("•Updated", "date_stub")],
    ),
    (
        "stub-de",
        "remove_date_stubs",
        "de",
        ["Aktualisiert am", DE],
        [DE],
        [("Aktualisiert am", "date_stub")],
    ),
    (
        "stub-keep-sentence",
        "remove_date_stubs",
        "en",
        ["Updated maps are due in May."],
        ["Updated maps are due in May."],
        [],
    ),
    ("stub-keep-on", "remove_date_stubs", "en", ["On", P1], ["On", P1], []),
    # --- date lines
    (
        "timestamp-en",
        "extract_dates",
        "en",
        ["Published: 16 November 2025, 10:30 GMT", P1],
        [P1],
        [("Published: 16 November 2025, 10:30 GMT", "timestamp")],
    ),
    (
        "timestamp-de",
        "extract_dates",
        "de",
        ["Veröffentlicht am 16. November 2025", DE],
        [DE],
        [("Veröffentlicht am 16. November 2025", "timestamp")],
    ),
    (
        "timestamp-keep-event",
        "extract_dates",
        "en",
        [P1, "Officials met on 12 November 2025 to discuss the plan in detail."],
        [P1, "Officials met on 12 November 2025 to discuss the plan in detail."],
        [],
    ),
    # --- source credits
    (
        "credit-aljazeera",
        "extract_source_credit",
        "en",
        ["Credited from: ALJAZEERA", P1],
        [P1],
        [("Credited from: ALJAZEERA", "source_credit")],
    ),
    (
        "credit-parens",
        "extract_source_credit",
        "en",
        [P1, "(With inputs from PTI)"],
        [P1],
        [("(With inputs from PTI)", "source_credit")],
    ),
    (
        "credit-de",
        "extract_source_credit",
        "de",
        [DE, "Quelle: dpa"],
        [DE],
        [("Quelle: dpa", "source_credit")],
    ),
    (
        "credit-keep-from-city",
        "extract_source_credit",
        "en",
        ["From Kyiv to Moscow", P1],
        ["From Kyiv to Moscow", P1],
        [],
    ),
    (
        "credit-keep-sentence",
        "extract_source_credit",
        "en",
        ["Source: the ministry said talks had stalled for weeks, according to two officials."],
        ["Source: the ministry said talks had stalled for weeks, according to two officials."],
        [],
    ),
    # --- section labels
    (
        "section-world",
        "remove_section_label",
        "en",
        ["World", "Zelenskyy announces progress in prisoner swap talks", P1],
        ["Zelenskyy announces progress in prisoner swap talks", P1],
        [("World", "section_label")],
    ),
    (
        "section-breadcrumb",
        "remove_section_label",
        "en",
        ["News › World › Europe", "Zelenskyy announces progress in prisoner swap talks", P1],
        ["Zelenskyy announces progress in prisoner swap talks", P1],
        [("News › World › Europe", "section_label")],
    ),
    (
        # A section the lexicon knows stands over a short headline too.
        "section-known-short-headline",
        "remove_section_label",
        "en",
        ["Europe", "Packing Tips Guide", P1],
        ["Packing Tips Guide", P1],
        [("Europe", "section_label")],
    ),
    (
        # An unknown short line over a short one may be the title itself: both stay.
        "section-unknown-short-headline",
        "remove_section_label",
        "en",
        ["Harbour Notes", "Packing Tips Guide", P1],
        ["Harbour Notes", "Packing Tips Guide", P1],
        [],
    ),
    (
        # The line under a short first line is its byline, not a headline: no label here.
        "section-over-a-byline",
        "remove_section_label",
        "en",
        ["Industry Choice", "Story by Jacqueline Paige", P1],
        ["Industry Choice", "Story by Jacqueline Paige", P1],
        [],
    ),
    (
        # Whole-page text opens with the page's <title>, parts split by pipes ("Headline |
        # Section | Site"): a title, not a breadcrumb of section names.
        "section-keep-page-title",
        "remove_section_label",
        "en",
        ["Healthy Eating Tips | Nutrition | CDC", "Healthy Eating Tips for Busy Families", P1],
        ["Healthy Eating Tips | Nutrition | CDC", "Healthy Eating Tips for Busy Families", P1],
        [],
    ),
    (
        "section-keep-title",
        "remove_section_label",
        "en",
        ["Zelenskyy announces progress in prisoner swap talks", P1],
        ["Zelenskyy announces progress in prisoner swap talks", P1],
        [],
    ),
    # --- bylines
    (
        "byline-bullets",
        "extract_byline",
        "en",
        ["• By Bushra Saleem", "• |", P1],
        [P1],
        [("• By Bushra Saleem", "byline"), ("• |", "byline")],
    ),
    (
        "byline-de",
        "extract_byline",
        "de",
        ["Von Anna Schmidt und Jonas Weber", DE],
        [DE],
        [("Von Anna Schmidt und Jonas Weber", "byline")],
    ),
    (
        "byline-fr",
        "extract_byline",
        "fr",
        ["Par Claire Dubois", P1],
        [P1],
        [("Par Claire Dubois", "byline")],
    ),
    (
        "byline-es",
        "extract_byline",
        "es",
        ["Por María García", P1],
        [P1],
        [("Por María García", "byline")],
    ),
    (
        "byline-it",
        "extract_byline",
        "it",
        ["Di Marco Rossi", P1],
        [P1],
        [("Di Marco Rossi", "byline")],
    ),
    (
        "byline-keep-by-the-end",
        "extract_byline",
        "en",
        ["By the end of the year, both sides hope to swap all prisoners.", P1],
        ["By the end of the year, both sides hope to swap all prisoners.", P1],
        [],
    ),
    (
        "byline-keep-by-monday",
        "extract_byline",
        "en",
        ["By Monday, talks had resumed.", P1],
        ["By Monday, talks had resumed.", P1],
        [],
    ),
    # --- caption credits
    (
        "figure-caption-en",
        "remove_caption_credits",
        "en",
        [P1, "Figure 2: Yields of the three test fields, 2019 to 2023.", P2],
        [P1, P2],
        [("Figure 2: Yields of the three test fields, 2019 to 2023.", "figure_caption")],
    ),
    (
        "figure-caption-de-abbreviation",
        "remove_caption_credits",
        "de",
        [DE, "Abb. 3: Die Messstelle am Nordhang im Januar."],
        [DE],
        [("Abb. 3: Die Messstelle am Nordhang im Januar.", "figure_caption")],
    ),
    (
        "figure-caption-keep-sentence-starting-with-the-word",
        "remove_caption_credits",
        "en",
        [P1, "Figure skating returns to the arena on Friday, the organisers said."],
        [P1, "Figure skating returns to the arena on Friday, the organisers said."],
        [],
    ),
    (
        "credit-photo",
        "remove_caption_credits",
        "en",
        [P1, "Photo: Sergei Supinsky/AFP"],
        [P1],
        [("Photo: Sergei Supinsky/AFP", "caption_credit")],
    ),
    (
        "credit-copyright",
        "remove_caption_credits",
        "en",
        [P1, "© Reuters 2025"],
        [P1],
        [("© Reuters 2025", "caption_credit")],
    ),
    (
        "credit-de",
        "remove_caption_credits",
        "de",
        [DE, "Foto: dpa/Michael Kappeler"],
        [DE],
        [("Foto: dpa/Michael Kappeler", "caption_credit")],
    ),
    (
        "credit-in-parentheses",
        "remove_caption_credits",
        "en",
        [P1, "(Credit: Ann Lee / Grist)"],
        [P1],
        [("(Credit: Ann Lee / Grist)", "caption_credit")],
    ),
    (
        "credit-abbreviated-label",
        "remove_caption_credits",
        "pl",
        [P1, "Fot. Jan Kowal / Agencja"],
        [P1],
        [("Fot. Jan Kowal / Agencja", "caption_credit")],
    ),
    (
        "credit-caption-ending-in-credit",
        "remove_caption_credits",
        "de",
        [DE, "Skirennfahrer Ben Alt im Ziel. © AFP / JAN KOWAL"],
        [DE],
        [("Skirennfahrer Ben Alt im Ziel. © AFP / JAN KOWAL", "caption_credit")],
    ),
    (
        "credit-keep-paragraph-ending-in-wire-credit",
        "remove_caption_credits",
        "de",
        [DE, "Der Konzern meldete am Montag Gewinne. © dpa"],
        [DE, "Der Konzern meldete am Montag Gewinne. © dpa"],
        [],
    ),
    (
        "credit-keep-caption-sentence",
        "remove_caption_credits",
        "en",
        [P1, "Photo: freed prisoners arrive at the border after the swap."],
        [P1, "Photo: freed prisoners arrive at the border after the swap."],
        [],
    ),
    (
        "credit-keep-prose",
        "remove_caption_credits",
        "en",
        ["Photographs taken at the border show long queues of families waiting."],
        ["Photographs taken at the border show long queues of families waiting."],
        [],
    ),
    # --- markup left in the text
    # Angle brackets around a placeholder or an XML sample are the article's: no HTML element.
    (
        "markup-keep-placeholders-and-xml",
        "remove_markup",
        "en",
        [
            P1,
            "git clone <repo url>",
            "Press <ESCAPE>",
            "<TargetFrameworks>net8.0</TargetFrameworks>",
        ],
        [
            P1,
            "git clone <repo url>",
            "Press <ESCAPE>",
            "<TargetFrameworks>net8.0</TargetFrameworks>",
        ],
        [],
    ),
    (
        "markup-html-tags-and-comment-marks",
        "remove_markup",
        "en",
        [P1, '<div class="ad"><a href="/x">', "<!-- banner -->", "</font></center>"],
        [P1],
        [
            ('<div class="ad"><a href="/x">', "markup"),
            ("<!-- banner -->", "markup"),
            ("</font></center>", "markup"),
        ],
    ),
    (
        "markup-ad-call-with-long-urls",
        "remove_markup",
        "en",
        [P1, LONG_AD, P2],
        [P1, P2],
        [(LONG_AD, "markup")],
    ),
    (
        "markup-ad-script",
        "remove_markup",
        "en",
        [
            P1,
            '<SCRIPT language="JavaScript1.1" SRC="http://ad.example.net/adj/n1.js"></SCRIPT>',
            P2,
        ],
        [P1, P2],
        [
            (
                '<SCRIPT language="JavaScript1.1" SRC="http://ad.example.net/adj/n1.js"></SCRIPT>',
                "markup",
            )
        ],
    ),
    (
        "markup-script-statements",
        "remove_markup",
        "en",
        [P1, 'var obj = document.getElementById("font"); obj.style.fontSize = "12px";'],
        [P1],
        [('var obj = document.getElementById("font"); obj.style.fontSize = "12px";', "markup")],
    ),
    (
        "markup-keep-sentence-naming-a-tag",
        "remove_markup",
        "en",
        [P1, "Wrap the words in a <b> tag to make them bold, the style guide says."],
        [P1, "Wrap the words in a <b> tag to make them bold, the style guide says."],
        [],
    ),
    # --- separators
    # A separator between two blocks is the story's section break; at the edges it goes.
    ("separator-keep-break", "remove_separators", "en", [P1, "* * *", P2], [P1, "* * *", P2], []),
    (
        "separator-edges",
        "remove_separators",
        "en",
        ["———", "• |", P1, "* * *", P2, "├──────┤"],
        [P1, "* * *", P2],
        [("———", "separator"), ("• |", "separator"), ("├──────┤", "separator")],
    ),
    (
        "separator-only",
        "remove_separators",
        "en",
        ["***", "———"],
        [],
        [("***", "separator"), ("———", "separator")],
    ),
    # Signs that are no rule are the article's: a price range, a code sample's brace, a cut.
    (
        "separator-keeps-content-signs",
        "remove_separators",
        "en",
        ["$$$", P1, "}", "[...]", "↓"],
        ["$$$", P1, "}", "[...]", "↓"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "language", "lines", "kept", "removed"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_cleaner_table(name, language, lines, kept, removed):
    draft = Draft.from_texts(lines, language=language)
    result = cleaners.get(name)(draft)
    assert [b.text for b in result.blocks] == kept
    assert [(r.text, r.reason) for r in result.removed] == removed
    assert all(r.cleaner == name for r in result.removed)


@pytest.mark.parametrize(
    ("label", "section"),
    [
        ("World", "World"),
        ("News › World", "World"),
        ("News | World", "World"),
        ("World |", "World"),
    ],
)
def test_the_section_is_the_labels_last_item(label: str, section: str):
    # A short label split by a pipe is one item now (pipes split a page's title, not a
    # breadcrumb): its last part is still the section.
    draft = Draft.from_texts([label, "Zelenskyy announces progress in prisoner swap talks", P1])
    found = cleaners.get("remove_section_label")(draft)
    assert found.section == section
    assert [r.reason for r in found.removed] == ["section_label"]


def test_cleaner_that_finds_nothing_returns_its_input_unchanged():
    draft = Draft.from_texts([P1, P2], language="en")
    for cleaner in cleaners.BUILTIN.values():
        if cleaner.name in ("detect_language", "mark_headings"):
            continue
        assert cleaner(draft) is draft, cleaner.name


def test_every_builtin_declares_snake_case_name_and_reasons():
    for name, cleaner in cleaners.BUILTIN.items():
        assert name == cleaner.name
        assert all(r.islower() and " " not in r for r in cleaner.reasons)


@pytest.mark.parametrize(
    ("lines", "fields"),
    [
        ([P1], {"published": None}),
        (
            ["Published: 16 November 2025, 10:30 GMT", P1],
            {"published": "2025-11-16T10:30:00+00:00"},
        ),
        (
            ["Published 2 March 2024 | Updated 3 March 2024 09:00", P1],
            {"published": "2024-03-02T00:00:00", "updated": "2024-03-03T09:00:00"},
        ),
    ],
)
def test_extract_dates_fields(lines, fields):
    result = cleaners.get("extract_dates")(Draft.from_texts(lines, language="en"))
    for name, value in fields.items():
        got = getattr(result, name)
        assert (got.isoformat() if got else None) == value


def test_subheading_inside_article_is_kept_as_heading():
    lines = [P1, P2, "Hundreds of drones launched at Ukraine", P3, P2]
    result = cleaners.get("remove_headline_lists")(Draft.from_texts(lines, language="en"))
    assert [b.text for b in result.blocks] == lines
    marked = cleaners.get("mark_headings")(result)
    assert [b.kind for b in marked.blocks] == ["paragraph"] * 2 + ["heading"] + ["paragraph"] * 2


def test_headline_list_without_trigger_phrase_is_found_by_vocabulary():
    teasers = [
        "Storm Claudia forces authorities to declare major emergency in Britain",
        "Banksy thief gets 13-month sentence for girl with balloon heist",
        "Pokémon theme park to open in Japan with thrilling fun for all ages",
    ]
    result = cleaners.get("remove_headline_lists")(
        Draft.from_texts([P1, P2, P3, *teasers], language="en")
    )
    assert [b.text for b in result.blocks] == [P1, P2, P3]
    assert {r.reason for r in result.removed} == {"headline_list"}


def test_story_of_one_sentence_paragraphs_between_two_teaser_lists_is_kept():
    # Every block is teaser-shaped (one short sentence), so the teasers above and below form
    # one run with the story; the list must stop at the story's core, not span across it.
    above = [
        "Storm Claudia forces authorities to declare major emergency in Britain",
        "Banksy thief gets 13-month sentence for girl with balloon heist",
    ]
    story = [
        "The harbour ferry will run every twenty minutes from April, the port authority said.",
        "Two new boats join the line this spring after a winter of repairs to the landing.",
        "The old ferry, which has crossed the harbour since 1987, stays as a reserve boat.",
        "Tickets bought for the old harbour timetable stay valid until the end of May.",
    ]
    below = [
        "Pokémon theme park to open in Japan with thrilling fun for all ages",
        "Gen Z takes to streets in Mexico to demand action against crime",
    ]
    result = cleaners.get("remove_headline_lists")(
        Draft.from_texts([*above, *story, *below], language="en")
    )
    assert [b.text for b in result.blocks] == story


def test_related_teasers_on_the_same_story_are_kept():
    # Two short lines on the article's own topic after the body: not a foreign list.
    own = ["Umerov says Istanbul agreements will be reactivated", "Ukrainian prisoners released"]
    result = cleaners.get("remove_headline_lists")(
        Draft.from_texts([P1, P2, P3, *own], language="en")
    )
    assert [b.text for b in result.blocks] == [P1, P2, P3, *own]


def test_title_subtitle_and_duplicates():
    title = "Zelenskyy announces progress in prisoner swap negotiations"
    deck = "Ukraine's security chief holds talks with Turkey and UAE"
    d = Draft.from_texts([title, deck, "By Bushra Saleem", title, P1, P2], language="en")
    for name in ("extract_title", "remove_duplicate_title", "extract_byline", "extract_subtitle"):
        d = cleaners.get(name)(d)
    assert (d.title, d.subtitle, d.authors) == (title, deck, ("Bushra Saleem",))
    assert [b.text for b in d.blocks] == [P1, P2]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("What is Catering? What is a Caterer? Types of Catering", True),
        ("Tested! The best security cameras for keeping your home safe", True),
        ("One question? Two answers! Three days. Four weeks ahead", False),  # four sentences
        ("We use cookies. Accept them to read on.", False),  # a full stop ends it
    ],
)
def test_a_title_may_print_a_few_sentences(first, title):
    d = cleaners.get("extract_title")(Draft.from_texts([first, "By Joanna Okedara", P1, P2]))
    assert d.title == (first if title else None)


def test_no_title_when_text_opens_with_prose():
    d = cleaners.get("extract_title")(Draft.from_texts([P1, "A short line", P2]))
    assert d.title is None
    assert len(d.blocks) == 3


def test_lead_paragraph_is_not_taken_for_subtitle():
    lead = "Ukraine is working to restart prisoner exchanges with Russia, officials said on Sunday."
    d = Draft.from_texts(["Ukraine seeks new prisoner swap", lead, P1], language="en")
    d = cleaners.get("extract_subtitle")(cleaners.get("extract_title")(d))
    assert d.subtitle is None
    assert [b.text for b in d.blocks] == [lead, P1]


def test_orphan_headings_at_the_end_go_but_not_headings_with_text_after():
    from articlekit.draft import DraftBlock

    blocks = (
        DraftBlock(0, P1),
        DraftBlock(1, "Strikes continue", kind="heading"),
        DraftBlock(2, P2),
        DraftBlock(3, "Related posts", kind="heading"),
        DraftBlock(4, "Share this", kind="heading"),
    )
    result = cleaners.get("remove_orphan_headings")(Draft(blocks=blocks))
    assert [b.text for b in result.blocks] == [P1, "Strikes continue", P2]
    assert [r.reason for r in result.removed] == ["orphan_heading"] * 2
    only_headings = Draft(blocks=(DraftBlock(0, "A", kind="heading"),))
    assert cleaners.get("remove_orphan_headings")(only_headings) is only_headings


def test_author_bio_goes_with_what_follows_but_only_for_the_articles_authors():
    bio = "Ann Lee is a reporter covering Ukraine. She lives in Kyiv."
    tail = "Follow the newsroom for updates"
    draft = Draft.from_texts([P1, P2, P3, bio, tail]).replace(authors=("Ann Lee",))
    cleaned = cleaners.get("remove_author_bio")(draft)
    assert [b.text for b in cleaned.blocks] == [P1, P2, P3]
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        (bio, "author_bio"),
        (tail, "author_bio"),
    ]
    # Someone else's biography, or an article without authors, stays.
    other = Draft.from_texts([P1, P2, bio]).replace(authors=("Bo Chen",))
    assert cleaners.get("remove_author_bio")(other).blocks == other.blocks
    unsigned = Draft.from_texts([P1, P2, bio])
    assert cleaners.get("remove_author_bio")(unsigned).blocks == unsigned.blocks


def test_author_bio_after_a_label_and_one_word_names():
    bio = "About the author: Ann Lee writes about energy."
    draft = Draft.from_texts([P1, P2, bio]).replace(authors=("Ann Lee",))
    assert [r.reason for r in cleaners.get("remove_author_bio")(draft).removed] == ["author_bio"]
    # A one-word author name opens too many of the story's own sentences.
    mono = Draft.from_texts([P1, P2, "Reuters said the talks would resume."]).replace(
        authors=("Reuters",)
    )
    assert cleaners.get("remove_author_bio")(mono).removed == ()


@pytest.mark.parametrize(
    ("last", "goes"),
    [
        ("Ann Lee, a reporter in Kyiv, covers energy.", True),
        ("Ann Lee (37) ist Reporterin in Kiew.", True),
        ("Ann Lee", True),
        ("Ann Lee writes about energy for the paper.", True),
        ("Ann Lee said the talks would resume on Monday in Istanbul.", False),
        ("Ann Leeds is a city in England.", False),
    ],
)
def test_author_bio_needs_the_name_alone_in_apposition_or_before_a_bio_verb(last, goes):
    draft = Draft.from_texts([P1, P2, last]).replace(authors=("Ann Lee",))
    removed = cleaners.get("remove_author_bio")(draft).removed
    assert bool(removed) is goes


def test_duplicate_blocks_keep_the_first_copy_and_short_repeats():
    box = "Want to work with us? Reach our team in Newark on weekdays between nine and five."
    draft = Draft.from_texts([P1, box, P2, "Read more", box.upper(), "Read more", P3])
    cleaned = cleaners.get("remove_duplicate_blocks")(draft)
    assert [b.text for b in cleaned.blocks] == [P1, box, P2, "Read more", "Read more", P3]
    assert [(r.block_index, r.reason) for r in cleaned.removed] == [(4, "duplicate_block")]


@pytest.mark.parametrize(
    "between",
    [
        ["Most read", "Ten recipes for a rainy weekend", "Weather"],
        ["Weather"],  # so close that the article's core takes the teaser copy in too
    ],
)
def test_duplicate_blocks_keep_the_copy_inside_the_article(between: list[str]) -> None:
    # The story's lead printed as a teaser above it: the teaser copy goes, the story keeps
    # its first paragraph.
    teaser = [P1, *between]
    draft = Draft.from_texts([*teaser, "Talks resume", P1, P2, P3], language="en")
    cleaned = cleaners.get("remove_duplicate_blocks")(draft)
    assert [(r.block_index, r.reason) for r in cleaned.removed] == [(0, "duplicate_block")]


def test_markup_author_search_runs_only_when_metadata_and_body_name_nobody():
    from articlekit.draft import Hints

    calls: list[int] = []

    def search() -> tuple[str, ...]:
        calls.append(1)
        return ("By JANE DOE",)

    text = "The council met on Monday and agreed on a new budget for the coming year."
    pipeline = articlekit.Pipeline(["apply_page_metadata", "extract_byline"])
    lazy = Draft.from_texts([text], hints=Hints(author_search=search))
    assert pipeline(lazy).authors == ("Jane Doe",) and len(calls) == 1
    # A byline in the body, or an author in the page's metadata, is enough: no search.
    bylined = Draft.from_texts(["By Ann Lee", text], hints=Hints(author_search=search))
    assert pipeline(bylined).authors == ("Ann Lee",)
    meta = Draft.from_texts(
        ["By Ann Lee", text], hints=Hints(authors=("tom poe",), author_search=search)
    )
    done = pipeline(meta)
    assert done.authors == ("Tom Poe",) and len(calls) == 1
    assert done.contributors == (articlekit.Contributor("Tom Poe"),)


def test_metadata_author_that_is_the_site_itself_comes_last():
    from articlekit.draft import Hints

    text = "The council met on Monday and agreed on a new budget for the coming year."
    pipeline = articlekit.Pipeline(["apply_page_metadata", "extract_byline"])
    hints = Hints(authors=("GlossGenius",), site_name="GlossGenius")
    bylined = Draft.from_texts(["By Shauna Mitchell", text], hints=hints)
    assert pipeline(bylined).authors == ("Shauna Mitchell",)
    assert pipeline(Draft.from_texts([text], hints=hints)).authors == ("GlossGenius",)
    person = Hints(authors=("Shauna Mitchell",), site_name="GlossGenius")
    assert pipeline(Draft.from_texts(["By Ann Lee", text], hints=person)).authors == (
        "Shauna Mitchell",
    )


def test_date_lines_updated_label_and_page_metadata_day():
    from articlekit.draft import Hints

    text = "The council met on Monday and agreed on a new budget for the coming year."
    extract = cleaners.get("extract_dates")
    d = extract(Draft.from_texts(["Last updated on November 18, 2025 at 9:27 am", text]))
    assert d.published is None and d.updated is not None and d.updated.day == 18
    # HTML: the page's metadata says the 16th; a line of another day does not override it,
    # a line of the same day adds its time.
    page = Hints(published=("2025-11-16",))
    other = extract(Draft.from_texts(["Dec 17, 2025", text], hints=page))
    assert other.published is None and len(other.blocks) == 1
    same = extract(Draft.from_texts(["16 Nov 2025, 10:30", text], hints=page))
    assert same.published is not None and (same.published.day, same.published.hour) == (16, 10)


# --- the article's core in whole-page text

PAGE_TEXT = [
    "Home",
    "World",
    "Business",
    "Sport",
    "Talks on prisoners resume.",
    P1,
    "What comes next",
    P2,
    "The next round is due in May.",
    "Most read",
    "Ten recipes for a rainy weekend",
    "Why the housing market keeps cooling",
    "© 2025 The Daily. All rights reserved.",
]


def test_markup_in_a_code_block_stays():
    from articlekit.draft import DraftBlock

    code = DraftBlock(0, '<a href="/docs">Docs</a>', kind="code")
    draft = Draft(blocks=(code, DraftBlock(1, P1)))
    assert cleaners.get("remove_markup")(draft).blocks == draft.blocks


def test_keep_article_core_drops_the_page_around_the_article():
    draft = Draft.from_texts(PAGE_TEXT, language="en")
    result = cleaners.get("keep_article_core")(draft)
    kept = [b.text for b in result.blocks]
    # The one-line lead and closing line next to the core stay; the inner subheading too.
    assert kept == [
        "Talks on prisoners resume.",
        P1,
        "What comes next",
        P2,
        "The next round is due in May.",
    ]
    # The teaser list under "Most read" is named as remove_headline_lists names it.
    assert [(r.reason, r.text) for r in result.removed] == [
        *(("outside_core", t) for t in ("Home", "World", "Business", "Sport")),
        ("headline_list_heading", "Most read"),
        ("headline_list", "Ten recipes for a rainy weekend"),
        ("headline_list", "Why the housing market keeps cooling"),
        ("outside_core", "© 2025 The Daily. All rights reserved."),
    ]


def test_keep_article_core_leaves_extracted_html_and_prose_free_text_alone():
    from articlekit.draft import Hints

    html = Draft.from_texts(PAGE_TEXT, hints=Hints(extra={"extractor": "trafilatura"}))
    assert cleaners.get("keep_article_core")(html).blocks == html.blocks
    menu = Draft.from_texts(["Home", "World", "Sport"])
    assert cleaners.get("keep_article_core")(menu).blocks == menu.blocks


def test_clean_text_of_a_whole_page_keeps_the_article():
    article = articlekit.clean_text("\n\n".join(PAGE_TEXT))
    assert P1 in article.text and P2 in article.text
    for junk in ("Business", "Ten recipes for a rainy weekend", "All rights reserved"):
        assert junk not in article.text


def test_keep_article_core_is_not_anchored_on_a_flattened_menu():
    from articlekit.features import is_flattened_list, is_prose

    makes = "All Audi BMW Citroen Fiat Ford Honda Jaguar Kia Lexus Mazda Nissan Opel Peugeot"
    menu = f"{makes} Renault Rover Saab Seat Skoda Toyota Volvo Used Cars New Cars Reviews"
    menu += " Insurance Finance Valuations Dealers"
    assert is_prose(menu)  # thirty words: prose by length alone
    assert is_flattened_list(menu) and not is_flattened_list(P1 + " " + P2)
    # Long enough to pass for prose by length; with the teasers between, it would pull the
    # core's start up to the top.
    lines = [menu, "Most read", "Ten recipes", P1, P2]
    draft = Draft.from_texts(lines, language="en")
    kept = [b.text for b in cleaners.get("keep_article_core")(draft).blocks]
    assert kept == [P1, P2]


FERRY = [
    "The harbour ferry will run every twenty minutes from April, the port authority said on "
    "Tuesday, after a winter of repairs to both of its landing stages on the bay.",
    "Two new ferry boats join the harbour line this spring, and the old ferry, which has "
    "crossed the bay since 1987, will be kept as a reserve for the busy summer weekends.",
    "Ferry tickets bought before the change stay valid until the end of May, and monthly "
    "passes for the harbour line will cost the same as last year, the authority added.",
    "The authority expects the new harbour timetable to carry a third more passengers across "
    "the bay in the summer, when the road around it is closed for resurfacing.",
]


def test_core_stops_before_other_stories_summaries():
    # Summaries of other stories below the article are prose too: the densest run goes on
    # through them, but they share no content word with the story's first half.
    others = [
        "Council members voted to rename the library after a local poet who died in 2019.",
        "A bakery on Main Street won a national prize for its rye bread, its owner said.",
    ]
    result = cleaners.get("keep_article_core")(Draft.from_texts([*FERRY, *others]))
    assert [b.text for b in result.blocks] == FERRY
    assert [r.reason for r in result.removed] == ["outside_core"] * 2
    own = ["The ferry to the islands keeps its timetable, the harbour authority said."]
    result = cleaners.get("keep_article_core")(Draft.from_texts([*FERRY, *own]))
    assert [b.text for b in result.blocks] == [*FERRY, *own]  # the story's own closing line


def _footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """remove_footer on English page text: the texts kept and the removals' reasons."""
    result = cleaners.get("remove_footer")(Draft.from_texts(lines, language="en"))
    return [b.text for b in result.blocks], [r.reason for r in result.removed]


def test_a_list_of_other_stories_closing_the_article_keeps_its_headline_list_codes():
    # Titles that are not the story's: the footer closes on them with the codes that
    # remove_headline_lists gives such a list, and what follows is footer.
    titles = ["Council renames library after poet", "Bakery wins national rye prize"]
    closing = "Comments are closed. Write to the editor at letters@example.com instead."
    lines = [*FERRY, "Related Stories", *titles, closing]
    kept, reasons = _footer(lines)
    assert kept == FERRY
    assert reasons == ["headline_list_heading", *["headline_list"] * 2, "footer"]


def test_keep_article_core_says_what_is_left_is_the_core():
    from articlekit.cleaners._common import core_kept
    from articlekit.draft import Hints

    assert core_kept(cleaners.get("keep_article_core")(Draft.from_texts(PAGE_TEXT)))
    assert not core_kept(Draft.from_texts(PAGE_TEXT))
    html = Draft.from_texts(PAGE_TEXT, hints=Hints(extra={"extractor": "trafilatura"}))
    assert not core_kept(cleaners.get("keep_article_core")(html))
    assert not core_kept(cleaners.get("keep_article_core")(Draft.from_texts(["Home", "News"])))


def test_headline_lists_after_the_core_keep_the_articles_own_lists():
    from articlekit.cleaners._common import CORE_KEPT
    from articlekit.draft import Hints

    # The article's own list after its paragraphs: short lines whose words its prose lacks.
    own = ["Bicycles and prams", "Dogs kept on a lead", "Luggage up to twenty kilos"]
    teasers = ["Council renames library after poet", "Bakery wins national rye prize"]
    lines = [*FERRY, *own, "Related Stories", *teasers]
    remove = cleaners.get("remove_headline_lists")
    # Drawn on these blocks alone, the core is the four paragraphs: the list looks like teasers.
    fresh = remove(Draft.from_texts(lines, language="en"))
    assert set(own) <= {r.text for r in fresh.removed}
    # Once keep_article_core has cut the text, all that is left is the core: only the run
    # under a known list heading goes.
    kept = remove(Draft.from_texts(lines, language="en", hints=Hints(extra={CORE_KEPT: True})))
    assert [r.text for r in kept.removed] == ["Related Stories", *teasers]
    assert [b.text for b in kept.blocks] == [*FERRY, *own]


def test_headline_lists_run_after_the_core():
    # Removed before it, a teaser list's lines no longer part the story from the page's other
    # lists, and the core's regions ran on into them (benchmarks/README.md).
    names = articlekit.DEFAULT_PIPELINE.names
    assert names.index("keep_article_core") < names.index("remove_headline_lists")


def test_known_list_heading_with_titles_closes_the_article_in_page_text():
    titles = ["Ferry fares for the summer", "How the harbour line was built", "Bay boat tours"]
    lines = [*FERRY, "Recent Articles", *titles, "Contact us"]
    kept, reasons = _footer(lines)
    assert kept == FERRY
    assert reasons == ["more_stories"] + ["footer"] * 4
    # A list heading followed by the article's own sentences does not close it.
    lines = [*FERRY[:2], "Latest", *FERRY[2:]]
    assert not cleaners.get("remove_footer")(Draft.from_texts(lines, language="en")).removed


CARDS = [
    "Council renames library after poet",
    "The city's main library will carry the name of a local poet who died in 2019.",
    "Bakery wins national rye prize",
    "A family bakery on Main Street beat two hundred others with its sourdough rye.",
    "Five walks along the old canal",
    "From the lock keeper's cottage to the marina: five routes for a spring weekend.",
]


def test_a_list_of_teaser_cards_goes_as_a_list_in_page_text():
    # Other stories as cards, a headline and its summary each, under a known list label: the
    # list goes with the headline-list codes; the story's last paragraph after it stays (after
    # a bare headline, a paragraph of a summary's length would read as that card's summary).
    lines = [*FERRY[:3], "Related Stories", *CARDS, FERRY[3]]
    kept, reasons = _footer(lines)
    assert kept == FERRY
    assert reasons == ["headline_list_heading"] + ["headline_list"] * len(CARDS)
    # Before the middle of the story's prose, a list label opens no list.
    early = [FERRY[0], "Related Stories", *CARDS, *FERRY[1:]]
    assert not cleaners.get("remove_footer")(Draft.from_texts(early, language="en")).removed


def test_a_card_label_printed_under_every_card_opens_no_list():
    # A roundup's own items, each with its "Read More" link: the label is the cards', not a
    # list heading, and the items are the article.
    items = [CARDS[0], CARDS[1], "Read More", CARDS[2], CARDS[3], "Read More"]
    lines = [*FERRY[:3], "Read More", *items, FERRY[3]]
    assert not cleaners.get("remove_footer")(Draft.from_texts(lines, language="en")).removed


def test_teaser_cards_before_an_end_mark_keep_their_codes():
    closing = "© 2025 The Harbour Times. All rights reserved."
    lines = [*FERRY, "Related Stories", *CARDS[:4], closing, "Contact us"]
    kept, reasons = _footer(lines)
    assert kept == FERRY
    assert reasons == ["headline_list_heading", *["headline_list"] * 4, "legal", "footer"]


def test_signed_reviews_after_the_article_close_it_in_page_text():
    reviews = [
        "Great ferry and friendly staff, the boats are always on time!",
        "Mallory R.",
        "Easy to buy tickets and the crossing is lovely in the morning.",
        "A. Rae V. B.",
        "The crew is amazing with children, we love this harbour line.",
        "Dawn H.",
    ]
    kept, reasons = _footer([*FERRY, *reviews])
    assert kept == FERRY
    assert reasons == ["comments"] + ["footer"] * 5
    # Short headings between sections have the shape of names but no initial: not signatures.
    sections = [FERRY[0], "Harbour Line", FERRY[1], "Summer Weekends", FERRY[2], "Ticket Prices"]
    lines = [*sections, FERRY[3]]
    assert not cleaners.get("remove_footer")(Draft.from_texts(lines, language="en")).removed


@pytest.mark.parametrize(
    ("heading", "language"),
    [
        ("About the author", "en"),
        ("About the author: Ann Lee writes about ports and ferries for the paper.", "en"),
        ("Über den Autor", "de"),
        ("O autorze", "pl"),
    ],
)
def test_author_box_heading_closes_the_article_in_page_text(heading, language):
    tail = [heading, "Ann Lee covers the harbour for the paper and lives on the island."]
    result = cleaners.get("remove_footer")(Draft.from_texts([*FERRY, *tail], language=language))
    assert [b.text for b in result.blocks] == FERRY
    assert result.removed[0].reason == "author_box"


def test_form_with_required_fields_closes_the_article_in_page_text():
    form = ["Get our newsletter", "First Name *", "Email *", "Subscribe"]
    promo = (
        "Every week our editors pick the best stories about the harbour, the islands and the "
        "bay, with tips for your weekends and offers from our partners in the city."
    )
    lines = [*FERRY, *form, promo, promo.replace("Every week", "Each month"), FERRY[0]]
    kept, reasons = _footer(lines)
    assert kept == [*FERRY, "Get our newsletter"]
    assert reasons == ["form"] + ["footer"] * 5
    one = [*FERRY[:3], "Footnote *", FERRY[3]]  # one starred line is no form
    assert not cleaners.get("remove_footer")(Draft.from_texts(one, language="en")).removed


def test_masked_values_in_a_sample_request_are_no_form():
    # A technical story prints a request with its secrets masked: two short lines ending in
    # asterisks, past the middle of the prose, are the story's sample, not a sign-up form.
    sample = ["GET /v1/orders HTTP/1.1", "Authorization: ***", "X-Api-Key: ****", "Accept: */*"]
    lines = [*FERRY, *sample, FERRY[3]]
    kept, reasons = _footer(lines)
    assert kept == lines
    assert reasons == []


def test_a_section_break_between_paragraphs_stays_in_clean_text():
    # End to end: the story's "* * *" stays, the rule lines around the text go.
    text = "\n".join(["———", P1, "* * *", P2, "———", "Home | About | Contact"])
    article = articlekit.clean_text(text)
    assert article.text.split("\n\n")[:3] == [P1, "* * *", P2]
    assert "———" not in article.text
