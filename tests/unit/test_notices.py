"""Page furniture around the article: comment threads, cookie and consent notices.

Table-driven like test_cleaners.py: each case runs ONE built-in cleaner on a draft (language
given), lists what stays and what goes with its reason code. Cases marked "keep" are the
false-positive guards.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from articlekit import cleaners, lexicon
from articlekit.draft import Draft

S1 = (
    "The city council approved the new cycle lanes on Monday after a long debate about parking, "
    "and work on the first section along the river starts in the spring."
)
S2 = (
    "Residents of the old town had asked for safer routes to the station for years, and the "
    "plan adds two crossings and a bicycle park next to the main entrance."
)
S3 = (
    "The mayor said the whole network would be finished within three years if the regional "
    "government keeps its promise to pay for half of the costs."
)
C1 = "Finally! The junction by the bakery was a danger to everyone on a bike."
C2 = "What about the parking on Mill Street? Nobody has answered that yet."
D1 = (
    "Der Stadtrat hat am Montag nach langer Debatte die neuen Radwege beschlossen, und die "
    "Arbeiten am ersten Abschnitt entlang des Flusses beginnen im Frühjahr."
)
D2 = (
    "Anwohner der Altstadt hatten seit Jahren sichere Wege zum Bahnhof gefordert, und der Plan "
    "sieht zwei neue Übergänge und einen Fahrradparkplatz am Eingang vor."
)
D3 = "Der Bürgermeister sagte, das ganze Netz solle in drei Jahren fertig sein."

C3 = "The crossing at the school has been dangerous for years, so this is good news."
SIG = [
    "Posted by: cyclist42 | March 3, 2024 08:15 PM",
    "Posted by: Ann Lee | March 3, 2024 09:02 PM",
    "Posted by: Bo Chen | March 4, 2024 07:40 AM",
]
DATED_ITEMS = [
    "From 1 January 2025 for the lanes along the river and the new crossings,",
    "From 1 January 2026 for the bicycle park next to the station entrance,",
    "From 1 January 2027 for the remaining sections in the old town.",
]
EVENTS = [
    "April 7, 2026",
    "Opening of the river lanes",
    "April 14, 2026",
    "Guided ride through the old town",
    "April 21, 2026",
    "Family cycling day at the station",
]

THREAD = [
    "cyclist42 March 3, 2024 at 8:15 pm",
    C1,
    "Reply",
    "Ann Lee March 3, 2024 at 9:02 pm",
    C2,
    "Reply",
    "Bo Chen March 4, 2024 at 7:40 am",
    C3,
    "Reply",
]
LATER_THREAD = [
    "Dee Park March 5, 2024 at 6:05 pm",
    "The bicycle park should have a roof, or nobody will use it in winter.",
    "Report abuse",
    "Eli Moss March 5, 2024 at 7:12 pm",
    "Will the lanes be cleared of snow? The old ones never were.",
    "Report abuse",
    "Fay Kim March 6, 2024 at 8:30 am",
    "Good news for the school run at last.",
    "Report abuse",
]
PERMALINKED = [
    "cyclist42",
    "March 3, 2024, | Permalink",
    C1,
    "Ann Lee",
    "March 3, 2024, | Permalink",
    C2,
    "Bo Chen",
    "March 4, 2024, | Permalink",
    C3,
]
# A comment of many lines (a poem posted under the story): more blocks than MAX_GAP with no
# thread line among them.
LONG_COMMENT = [
    f"Line {n} of the verse a reader posted about the lanes, and it goes on" for n in range(1, 26)
]
# A thread whose signatures carry a time beside a date no date reader takes (a two-digit
# year) or a time alone; it ends at its last signature.
TIMED_THREAD = [
    "{ 2 comments… read them below or add one }",
    "1",
    "phpguy 07.22.12 at 20:33",
    C1,
    "2",
    "Bo Chen 07.23.12 at 4:04 pm",
    C2,
    "5:06 pm EDT",
]
HEADED_THREAD = ["3 Comments", "Ann Lee says:", C1, "Reply", "Bo Chen says:", C2, "Reply"]
QUOTED_MAIL = [
    "Date: Wed, 6 Mar 2024 22:33:19 +0000",
    "From: Ann Lee",
    "The lanes along the river are approved; the crossings come next.",
    "Date: Wed, 6 Mar 2024 22:43:29 +0000",
    "From: Bo Chen",
    "Then the bicycle park can be ordered this week.",
    "Date: Wed, 6 Mar 2024 23:08:40 +0000",
    "From: Ann Lee",
    "Good, I will tell the council in the morning.",
]
SAID = [
    "Enough said.",
    "Parking on Mill Street stays as it is, and the bakery gets its delivery bay.",
    "Well said.",
    "Nobody else on the committee asked for anything more.",
    "Nothing more to be said.",
    "That settled it.",
]

CASES = [
    # (id, cleaner, language, lines, kept, removed as [(text, reason)])
    # --- comment threads
    (
        "comments-heading-actions",
        "remove_comments",
        "en",
        [S1, S2, "2 Comments", "Ann Lee says:", C1, "Reply", "Bo Chen says:", C2, "Reply"],
        [S1, S2],
        [
            ("2 Comments", "comments"),
            ("Ann Lee says:", "comments"),
            (C1, "comments"),
            ("Reply", "comments"),
            ("Bo Chen says:", "comments"),
            (C2, "comments"),
            ("Reply", "comments"),
        ],
    ),
    # A count in braces, as a WordPress theme prints its thread heading.
    (
        "comments-heading-in-braces",
        "remove_comments",
        "en",
        [S1, S2, "{ 2 comments… read them below or add one }", *HEADED_THREAD[1:]],
        [S1, S2],
        [
            (t, "comments")
            for t in ("{ 2 comments… read them below or add one }", *HEADED_THREAD[1:])
        ],
    ),
    # A photo post's one-sentence caption is story enough for a thread to follow it (the
    # thread ends at its last signature: the last comment, under it, stays).
    (
        "comments-under-a-caption",
        "remove_comments",
        "en",
        [S1, "57 Comments", *PERMALINKED],
        [S1, C3],
        [(t, "comments") for t in ("57 Comments", *PERMALINKED[:-1])],
    ),
    # Signatures stamped with a time beside a date no date reader takes (a two-digit year,
    # "07.22.12 at 20:33") or with a time alone: the time marks them.
    (
        "comments-signed-with-a-time",
        "remove_comments",
        "en",
        [S1, S2, *TIMED_THREAD, C3],
        [S1, S2, C3],
        [(t, "comments") for t in TIMED_THREAD],
    ),
    # A thread goes on under one long comment when its rhythm resumes after it: the lines of
    # the thread before it, the comment and the comments after it all go.
    (
        "comments-heading-long-comment",
        "remove_comments",
        "en",
        [S1, S2, *HEADED_THREAD, "Cy Dunn says:", *LONG_COMMENT, *THREAD],
        [S1, S2],
        [(t, "comments") for t in (*HEADED_THREAD, "Cy Dunn says:", *LONG_COMMENT, *THREAD)],
    ),
    # ...not when two thread lines follow the long run of lines: no rhythm, the thread ended.
    (
        "comments-heading-keep-after-long-gap",
        "remove_comments",
        "en",
        [S1, S2, *HEADED_THREAD, *LONG_COMMENT, *THREAD[:5]],
        [S1, S2, *LONG_COMMENT, *THREAD[:5]],
        [(t, "comments") for t in HEADED_THREAD],
    ),
    # A headless thread's runs of one action, one long comment apart, are one thread.
    (
        "comments-headless-long-comment",
        "remove_comments",
        "en",
        [S1, S2, S3, *THREAD, *LONG_COMMENT, *THREAD],
        [S1, S2, S3],
        [(t, "comments") for t in (*THREAD, *LONG_COMMENT, *THREAD)],
    ),
    # Whole-page text without a thread heading: three like signatures, a comment between each.
    (
        "comments-headless-signatures",
        "remove_comments",
        "en",
        [S1, S2, S3, C1, SIG[0], C2, SIG[1], C3, SIG[2]],
        [S1, S2, S3, C1],
        [(t, "comments") for t in (SIG[0], C2, SIG[1], C3, SIG[2])],
    ),
    (
        "comments-headless-keep-two-signatures",
        "remove_comments",
        "en",
        [S1, S2, S3, C1, SIG[0], C2, SIG[1]],
        [S1, S2, S3, C1, SIG[0], C2, SIG[1]],
        [],
    ),
    # A thread whose signatures all differ still repeats its action under every comment: the
    # thread runs from the first comment's signature to the last "Reply".
    (
        "comments-headless-repeated-action",
        "remove_comments",
        "en",
        [S1, S2, S3, *THREAD],
        [S1, S2, S3],
        [(t, "comments") for t in THREAD],
    ),
    # The action after the date ("October 2, 2012, | Permalink"), the name on a line above.
    # The thread ends at its last action line: the last comment, printed below it, stays.
    (
        "comments-headless-dated-action",
        "remove_comments",
        "en",
        [S1, S2, S3, *PERMALINKED],
        [S1, S2, S3, C3],
        [(t, "comments") for t in PERMALINKED[:-1]],
    ),
    # Two actions in turn ("Reply" under the first comments, "Report abuse" under the later
    # ones): one thread, to the last line of either run.
    (
        "comments-headless-actions-in-turn",
        "remove_comments",
        "en",
        [S1, S2, S3, *THREAD, *LATER_THREAD],
        [S1, S2, S3],
        [(t, "comments") for t in (*THREAD, *LATER_THREAD)],
    ),
    (
        "comments-headless-keep-two-actions",
        "remove_comments",
        "en",
        [S1, S2, S3, *THREAD[:6]],
        [S1, S2, S3, *THREAD[:6]],
        [],
    ),
    # Before the story there is nothing to comment on: a run of actions there is not a thread.
    (
        "comments-headless-keep-actions-before-story",
        "remove_comments",
        "en",
        [*THREAD, S1],
        [*THREAD, S1],
        [],
    ),
    # Quoted e-mails in the story: their dated headers repeat, but name no comment action.
    (
        "comments-headless-keep-quoted-mail",
        "remove_comments",
        "en",
        [S1, S2, S3, *QUOTED_MAIL],
        [S1, S2, S3, *QUOTED_MAIL],
        [],
    ),
    # A story sentence that ends in a comment verb is no action line ("'Nuff said.").
    (
        "comments-headless-keep-said-sentences",
        "remove_comments",
        "en",
        [S1, S2, S3, *SAID],
        [S1, S2, S3, *SAID],
        [],
    ),
    # Dated lines of the story itself: list items in a row, an events list of bare dates.
    (
        "comments-headless-keep-dated-list",
        "remove_comments",
        "en",
        [S1, S2, *DATED_ITEMS, S3],
        [S1, S2, *DATED_ITEMS, S3],
        [],
    ),
    (
        "comments-headless-keep-events",
        "remove_comments",
        "en",
        [S1, S2, *EVENTS, S3],
        [S1, S2, *EVENTS, S3],
        [],
    ),
    (
        "comments-signatures-after-body",
        "remove_comments",
        "en",
        [
            S1,
            S2,
            "Reader comments (2)",
            C1,
            "Posted by: cyclist42 | March 3, 2024 08:15 PM",
            C2,
            "Posted by: Mill St resident | March 4, 2024 09:02 AM",
            "Site map",
        ],
        [S1, S2, "Site map"],
        [
            ("Reader comments (2)", "comments"),
            (C1, "comments"),
            ("Posted by: cyclist42 | March 3, 2024 08:15 PM", "comments"),
            (C2, "comments"),
            ("Posted by: Mill St resident | March 4, 2024 09:02 AM", "comments"),
        ],
    ),
    (
        "comments-de-relative-dates",
        "remove_comments",
        "de",
        [
            *(D1, D2, D3),
            *("Kommentare", "radler_77", "vor 3 Stunden", C1, "Antworten", "vor 2 Tagen", C2),
        ],
        # The thread ends at its last dated or action line: a last comment under its date
        # with nothing after it is left to the other cleaners.
        [D1, D2, D3, C2],
        [
            ("Kommentare", "comments"),
            ("radler_77", "comments"),
            ("vor 3 Stunden", "comments"),
            (C1, "comments"),
            ("Antworten", "comments"),
            ("vor 2 Tagen", "comments"),
        ],
    ),
    (
        "comments-keep-heading-without-thread",
        "remove_comments",
        "en",
        [S1, S2, "Comments are closed for this story", "Site map"],
        [S1, S2, "Comments are closed for this story", "Site map"],
        [],
    ),
    (
        # A comment link above the story is no thread heading: the story (more prose than
        # the page above the link) follows it, dated at its end.
        "comments-keep-story-under-a-comment-link",
        "remove_comments",
        "en",
        [C1 + " " + C2 + " " + C1, "Comments (4)", S1, S2, S3, "March 3, 2024", "Reply"],
        [C1 + " " + C2 + " " + C1, "Comments (4)", S1, S2, S3, "March 3, 2024", "Reply"],
        [],
    ),
    (
        # Before the article, a heading counts for nothing.
        "comments-keep-at-the-top",
        "remove_comments",
        "en",
        ["12 Comments", "Reply", "Share", S1, S2],
        ["12 Comments", "Reply", "Share", S1, S2],
        [],
    ),
    (
        # A subheading that starts like a comment heading, then the story's own paragraphs
        # with a date in a sentence: no thread lines.
        "comments-keep-discussion-subheading",
        "remove_comments",
        "en",
        [S1, S2, "Discussion", S3, "The vote is on May 5, 2024, the council said."],
        [S1, S2, "Discussion", S3, "The vote is on May 5, 2024, the council said."],
        [],
    ),
    # --- cookie and consent notices
    (
        "cookie-banner-and-buttons",
        "remove_cookie_notices",
        "en",
        [
            "This website uses cookies so that we can give you the best experience.",
            "Accept all",
            "Manage preferences",
            S1,
        ],
        [S1],
        [
            (
                "This website uses cookies so that we can give you the best experience.",
                "cookie_notice",
            ),
            ("Accept all", "cookie_notice"),
            ("Manage preferences", "cookie_notice"),
        ],
    ),
    (
        "cookie-panel-after-the-story",
        "remove_cookie_notices",
        "en",
        [
            S1,
            S2,
            "Privacy overview",
            "Necessary cookies make the site work: they keep you signed in between pages.",
            "Marketing cookies",
            "Marketing cookies follow visitors from site to site to show them relevant ads.",
            "Save & accept",
        ],
        [S1, S2, "Privacy overview"],
        [
            (
                "Necessary cookies make the site work: they keep you signed in between pages.",
                "cookie_notice",
            ),
            ("Marketing cookies", "cookie_notice"),
            (
                "Marketing cookies follow visitors from site to site to show them relevant ads.",
                "cookie_notice",
            ),
            ("Save & accept", "cookie_notice"),
        ],
    ),
    (
        "cookie-de",
        "remove_cookie_notices",
        "de",
        ["Wir verwenden Cookies, um unsere Website für Sie zu verbessern.", "Alle akzeptieren", D1],
        [D1],
        [
            ("Wir verwenden Cookies, um unsere Website für Sie zu verbessern.", "cookie_notice"),
            ("Alle akzeptieren", "cookie_notice"),
        ],
    ),
    (
        "cookie-fr-tr",
        "remove_cookie_notices",
        "fr",
        [
            "En poursuivant votre navigation, vous acceptez le dépôt de cookies.",
            "Tout refuser",
            S1,
            "Sitemizde çerezler kullanılmaktadır. Çerez politikası için tıklayın.",
        ],
        [S1],
        [
            (
                "En poursuivant votre navigation, vous acceptez le dépôt de cookies.",
                "cookie_notice",
            ),
            ("Tout refuser", "cookie_notice"),
            (
                "Sitemizde çerezler kullanılmaktadır. Çerez politikası için tıklayın.",
                "cookie_notice",
            ),
        ],
    ),
    (
        # A button word away from any notice is the story's; so is a quoted banner.
        "cookie-keep-buttons-alone-and-quotes",
        "remove_cookie_notices",
        "en",
        [
            S1,
            "Accept",
            "“We use cookies” is the first thing most visitors read, the regulator said.",
        ],
        [
            S1,
            "Accept",
            "“We use cookies” is the first thing most visitors read, the regulator said.",
        ],
        [],
    ),
    (
        # A long paragraph about cookie settings is an article about them.
        "cookie-keep-long-paragraph",
        "remove_cookie_notices",
        "en",
        [" ".join([S1, S2, S3, "Visitors can change their cookie settings at any time."])],
        [" ".join([S1, S2, S3, "Visitors can change their cookie settings at any time."])],
        [],
    ),
    # --- the copyright notice that closes the article, and the page after it
    (
        "footer-after-the-notice",
        "remove_footer",
        "en",
        [
            "Home",
            S1,
            S2,
            "Copyright 2024 The Riverside Courier. All rights reserved.",
            S3.replace("mayor", "governor"),
            "Site map",
        ],
        ["Home", S1, S2],
        [
            ("Copyright 2024 The Riverside Courier. All rights reserved.", "legal"),
            (S3.replace("mayor", "governor"), "footer"),
            ("Site map", "footer"),
        ],
    ),
    (
        "footer-de-copyright-line",
        "remove_footer",
        "de",
        [D1, D2, D3, "© 2024 Stadtanzeiger", "Impressum"],
        [D1, D2, D3],
        [("© 2024 Stadtanzeiger", "legal"), ("Impressum", "footer")],
    ),
    (
        "footer-pl-notice",
        "remove_footer",
        "pl",
        [S1, S2, "Wszelkie prawa zastrzeżone.", "Kontakt"],
        [S1, S2],
        [("Wszelkie prawa zastrzeżone.", "legal"), ("Kontakt", "footer")],
    ),
    (
        "footer-after-share-row",
        "remove_footer",
        "en",
        [S1, S2, "E-mail this | Print | Share", S3.replace("mayor", "governor"), "Site map"],
        [S1, S2],
        [
            ("E-mail this | Print | Share", "share_widget"),
            (S3.replace("mayor", "governor"), "footer"),
            ("Site map", "footer"),
        ],
    ),
    (
        "footer-after-a-lone-share-button",
        "remove_footer",
        "de",
        [S1, S2, "Teilen", S3.replace("mayor", "governor")],
        [S1, S2],
        [("Teilen", "share_widget"), (S3.replace("mayor", "governor"), "footer")],
    ),
    (
        "footer-after-comment-form",
        "remove_footer",
        "fr",
        [S1, S2, "Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée.", "Nom"],
        [S1, S2],
        [
            ("Laisser un commentaire", "comments"),
            ("Votre adresse e-mail ne sera pas publiée.", "footer"),
            ("Nom", "footer"),
        ],
    ),
    (
        # A list item of the story that starts with a share word ("Email Marketing") is no
        # lone button: the list and the story after it stay ("Share this" still closes).
        "footer-keep-list-item-with-a-share-word",
        "remove_footer",
        "en",
        [
            S1,
            S2,
            "Content Marketing",
            "Email Marketing",
            "Search Marketing",
            S3,
            "Share this",
            "Site map",
        ],
        [S1, S2, "Content Marketing", "Email Marketing", "Search Marketing", S3],
        [("Share this", "share_widget"), ("Site map", "footer")],
    ),
    (
        # A share row at the top and a one-word section heading ("Discussion") end nothing.
        "footer-keep-top-share-row-and-section-heading",
        "remove_footer",
        "en",
        ["Share on Facebook | Share on Twitter", S1, S2, "Discussion", S3],
        ["Share on Facebook | Share on Twitter", S1, S2, "Discussion", S3],
        [],
    ),
    (
        # A photo credit is no closing notice, and a notice above most of the story (a
        # caption's rights line after the lead) does not end it.
        "footer-keep-credit-and-early-notice",
        "remove_footer",
        "en",
        [S1, "© AFP", "Painting, 1960, oil on canvas. All rights reserved.", S2, S3],
        [S1, "© AFP", "Painting, 1960, oil on canvas. All rights reserved.", S2, S3],
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "language", "lines", "kept", "removed"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_notice_table(name, language, lines, kept, removed):
    draft = Draft.from_texts(lines, language=language)
    result = cleaners.get(name)(draft)
    assert [b.text for b in result.blocks] == kept
    assert [(r.text, r.reason) for r in result.removed] == removed
    assert all(r.cleaner == name for r in result.removed)


@pytest.mark.parametrize(
    "key",
    [
        "cookie_notice",
        "consent_button",
        "comment_heading",
        "comment_action",
        "comment_verb",
        "legal_notice",
        "share_word",
        "author_heading",
        "figure_label",
    ],
)
def test_every_language_has_the_notice_and_comment_words(key):
    for lang in lexicon.LANGUAGES:
        data = json.loads(
            resources.files("articlekit.lexicon").joinpath(f"{lang}.json").read_text("utf-8")
        )
        assert data[key], (lang, key)
    assert key in lexicon.PHRASE_KEYS and key in lexicon.UNIVERSAL_KEYS


def test_footer_is_left_to_the_extractor_on_html():
    from articlekit.draft import Hints

    lines = [S1, S2, "Copyright 2024 The Riverside Courier. All rights reserved.", "Site map"]
    html = Draft.from_texts(lines, hints=Hints(extra={"extractor": "trafilatura"}))
    assert cleaners.get("remove_footer")(html) is html
    text = Draft.from_texts(lines)
    assert len(cleaners.get("remove_footer")(text).blocks) == 2


def test_a_headless_thread_is_left_alone_in_an_extractors_output():
    # On HTML input the markup told the comments apart; dated lines left are the story's.
    from articlekit.draft import Hints

    lines = [S1, S2, S3, C1, SIG[0], C2, SIG[1], C3, SIG[2]]
    html = Draft.from_texts(lines, hints=Hints(extra={"extractor": "trafilatura"}))
    assert not cleaners.get("remove_comments")(html).removed
