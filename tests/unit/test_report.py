"""articlekit.report: pieces in input order, the terminal layout and the escaped HTML report."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html.parser import HTMLParser

import articlekit
from articlekit import Article, Block, Removal
from articlekit.report import (
    CONTENT_SECURITY_POLICY,
    explain_html,
    explain_text,
    ordered_pieces,
    reason_counts,
)

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '<img src=x onerror="alert(2)">'


class _Elements(HTMLParser):
    """Every start tag of a document, with its attributes, and the text inside each <del>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.dels: list[str] = []
        self._in_del = False
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "del":
            self._in_del = True
            self.dels.append("")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "del":
            self._in_del = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_del:
            self.dels[-1] += data
        if self._in_title:
            self.title += data


def parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def hostile_article() -> Article:
    return Article(
        title=f"Title {HOSTILE_SCRIPT}",
        url='javascript:alert(3)//"><script>alert(4)</script>',
        authors=("Eve <b>Evil</b>",),
        blocks=(
            Block("heading", "Storm damage", 1),
            Block("paragraph", f"Kept text with {HOSTILE_IMG} inside.", 2, 10),
            Block("paragraph", "The last paragraph.", 4),
        ),
        removed=(
            Removal("remove_ad_labels", "ad_label", "Advertisement", 0),
            Removal("trim_kickers", "kicker", "BREAKING:", 2),
            Removal("remove_markup", 'mark"up<x>', HOSTILE_SCRIPT, 3),
            Removal("remove_related_links", "related_link", "Also Read: more", 5),
        ),
    )


def test_pieces_interleave_kept_and_removed_in_input_order():
    pieces = ordered_pieces(hostile_article())
    assert [(p.block_index, p.reason) for p in pieces] == [
        (0, "ad_label"),
        (1, None),
        (2, "kicker"),  # the trimmed prefix comes before the rest of its block
        (2, None),
        (3, 'mark"up<x>'),
        (4, None),
        (5, "related_link"),
    ]
    assert pieces[2].cleaner == "trim_kickers" and pieces[3].cleaner is None
    assert pieces[1].kind == "heading" and pieces[0].kind is None


def test_trimmed_suffix_comes_after_the_kept_text():
    article = Article(
        blocks=(Block("paragraph", "Talks resumed.", 0),),
        removed=(Removal("trim_calls_to_action", "call_to_action", "Subscribe now", 0, 15),),
    )
    assert [p.text for p in ordered_pieces(article)] == ["Talks resumed.", "Subscribe now"]


def test_pieces_of_a_real_clean_account_for_every_input_line():
    lines = [
        "World",
        "BREAKING: Talks resumed in Istanbul on Monday, officials said after a long delay.",
        "Advertisement",
        "The two sides met for three hours and agreed to meet again within a month.",
        "Also Read: Markets rally as oil falls",
    ]
    article = articlekit.clean_text("\n".join(lines))
    pieces = ordered_pieces(article)
    rebuilt: dict[int, list[str]] = {}
    for piece in pieces:
        rebuilt.setdefault(piece.block_index, []).append(piece.text)
    assert [" ".join(parts) for _, parts in sorted(rebuilt.items())] == lines
    assert {p.reason for p in pieces} >= {"kicker", "ad_label", "related_link"}


def test_reason_counts_most_frequent_first():
    article = Article(
        removed=(
            Removal("a", "kicker", "X", 0),
            Removal("b", "ad_label", "Ad", 1),
            Removal("b", "ad_label", "Ad", 2),
            Removal("c", "byline", "By Y", 3),
        )
    )
    assert reason_counts(article) == [("ad_label", 2), ("byline", 1), ("kicker", 1)]


def test_html_escapes_hostile_text_everywhere():
    page = explain_html(hostile_article(), source="<i>page</i>.html")
    doc = parse(page)
    tags = [tag for tag, _ in doc.tags]
    # The page's markup is text: no element came from it.
    assert "script" not in tags and "img" not in tags and "b" not in tags and "x" not in tags
    assert "i" not in tags and "a" not in tags  # the URL is shown as text, not as a link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "javascript:alert(3)//&quot;&gt;&lt;script&gt;" in page
    assert doc.title == f"articlekit explain: Title {HOSTILE_SCRIPT}"
    # A reason code with a quote cannot break out of its attribute.
    reasons = [attrs["data-reason"] for tag, attrs in doc.tags if tag == "del"]
    assert reasons == ["ad_label", "kicker", 'mark"up<x>', "related_link"]
    assert doc.dels[2] == HOSTILE_SCRIPT


def test_html_declares_a_policy_that_forbids_scripts_before_any_page_text():
    page = explain_html(hostile_article())
    metas = [attrs for tag, attrs in parse(page).tags if tag == "meta"]
    policy = next(m for m in metas if m.get("http-equiv") == "Content-Security-Policy")
    assert policy["content"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY  # nothing loosens default-src
    assert page.index("Content-Security-Policy") < page.index("<title>")
    # Self-contained: nothing to fetch.
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_html_lists_blocks_in_order_with_labels_and_cleaners():
    doc = parse(explain_html(hostile_article()))
    blocks = [(a["data-index"], a["data-kind"]) for tag, a in doc.tags if tag == "div"]
    # Block 2 holds the kicker and the rest of its paragraph, and is still a paragraph.
    assert blocks == [
        ("0", "removed"),
        ("1", "heading"),
        ("2", "paragraph"),
        ("3", "removed"),
        ("4", "paragraph"),
        ("5", "removed"),
    ]
    dels = [(a["data-reason"], a["data-cleaner"]) for t, a in doc.tags if t == "del"]
    assert dels[1] == ("kicker", "trim_kickers")
    assert doc.dels[:2] == ["Advertisement", "BREAKING:"]
    labels = [attrs for tag, attrs in doc.tags if tag == "span" and attrs.get("class") == "reason"]
    # One label in the legend per reason, one before each removed piece.
    assert len(labels) == 4 + 4


def test_html_legend_counts_per_reason():
    article = Article(
        blocks=(Block("paragraph", "Body.", 3),),
        removed=(
            Removal("remove_ad_labels", "ad_label", "Advertisement", 0),
            Removal("remove_ad_labels", "ad_label", "Advertisement", 1),
            Removal("trim_kickers", "kicker", "NEW:", 2),
        ),
    )
    page = explain_html(article)
    assert '<span class="count" data-reason="ad_label">2</span>' in page
    assert '<span class="count" data-reason="kicker">1</span>' in page
    assert "1 block kept, 3 pieces removed" in page


def test_html_shows_metadata_at_the_top():
    article = articlekit.Article(
        title="Harbour reopens",
        authors=("Jane Doe", "John Roe"),
        url="https://example.org/harbour",
        published=datetime(2025, 11, 16, 10, 30, tzinfo=timezone.utc),
        date_assumptions=("published_zone_assumed",),
    )
    page = explain_html(article)
    head = page[: page.index('<main class="document"')]
    for value in ("Harbour reopens", "Jane Doe, John Roe", "https://example.org/harbour"):
        assert f"<dd>{value}</dd>" in head
    assert "<dd>2025-11-16T10:30:00+00:00</dd>" in head
    assert "<dt>date_assumptions</dt><dd>published_zone_assumed</dd>" in head


def test_the_page_fields_are_shown_too():
    article = articlekit.Article(
        title="Harbour reopens",
        url="https://example.org/amp/harbour",
        canonical_url="https://example.org/harbour",
        image="https://example.org/img/lead.jpg",
        images=(articlekit.Image("https://example.org/img/a.jpg"),) * 2,
        tags=("Ports", "Weather"),
    )
    text = explain_text(article, color=False)
    for line in (
        "canonical_url: https://example.org/harbour",
        "image: https://example.org/img/lead.jpg",
        "images: 2 images",
        "tags: Ports, Weather",
    ):
        assert line in text.splitlines()
    head = explain_html(article)
    assert "<dt>tags</dt><dd>Ports, Weather</dd>" in head
    # A canonical URL that is the page's own address is said once, as the url.
    same = articlekit.Article(url="https://example.org/h", canonical_url="https://example.org/h")
    assert "canonical_url" not in explain_text(same, color=False)


def test_terminal_text_order_labels_and_summary_without_colour():
    text = explain_text(hostile_article(), color=False)
    assert "\x1b" not in text
    body = [line for line in text.splitlines() if line[:4].strip().isdigit()]
    assert body[0] == "   0 - [ad_label · remove_ad_labels] Advertisement"
    assert body[2] == "   2 - [kicker · trim_kickers] BREAKING:"
    assert body[3].startswith("   2   Kept text with <img")
    assert text.splitlines()[-1] == (
        '3 blocks kept, 4 pieces removed: ad_label 1, kicker 1, mark"up<x> 1, related_link 1'
    )
    assert text.startswith("title: Title <script>")


def test_terminal_colour_strikes_removed_text_only():
    text = explain_text(hostile_article(), color=True)
    lines = text.splitlines()
    removed = next(line for line in lines if "Advertisement" in line)
    kept = next(line for line in lines if "The last paragraph." in line)
    assert "\x1b[2;9mAdvertisement\x1b[0m" in removed
    assert "\x1b" not in kept


def test_terminal_escapes_control_characters_from_the_page():
    article = Article(
        blocks=(Block("paragraph", "Hi \x1b]0;owned\x07 there \x9b2J.", 0),),
        removed=(Removal("c\x1b[31m", "r\x1b[2J", "Ad\x1b[1A", 1),),
        title="T\x1b[8m",
    )
    for colour in (False, True):
        text = explain_text(article, color=colour)
        assert "\\x1b]0;owned\\x07" in text and "\\x9b2J" in text
        assert "[r\\x1b[2J · c\\x1b[31m]" in text and "Ad\\x1b[1A" in text
        assert "T\\x1b[8m" in text
        # The only control characters left are our own colour codes.
        ours = re.sub(r"\x1b\[(?:0|1|2;9|\d\d)m", "", text)
        assert not any((ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) < 0xA0 for ch in ours)
