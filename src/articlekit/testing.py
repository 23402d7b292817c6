"""Hypothesis strategies for messy articles, with their ground truth.

For articlekit's own property tests and for users' tests of their pipelines: each example is a
clean article (title, paragraphs, maybe a subheading) into which junk of known kinds was
inserted (ad labels, related links, a teaser list of other stories, calls to action, kicker
labels, date stubs, a section label, a source credit, a byline). The example says which
blocks must stay and which pieces must go, under which reason code.

Requires Hypothesis (``pip install articlekit[test]``).

Example:
    >>> from hypothesis import given, settings
    >>> import articlekit
    >>> from articlekit.testing import messy_articles
    >>> @settings(max_examples=5, database=None)
    ... @given(messy_articles())
    ... def test_body_kept(example):
    ...     assert articlekit.clean_text(example.text).text == example.clean_text
    >>> test_body_kept()
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = "articlekit.testing needs Hypothesis: pip install 'articlekit[test]'"
    raise ImportError(msg) from exc

from articlekit.article import INPUT_REPAIR_REASONS, Article
from articlekit.mojibake import repair
from articlekit.readers.html_input import scrub_surrogates
from articlekit.readers.text import normalize_space

__all__ = [
    "MessyArticle",
    "accounted_words",
    "article_bodies",
    "input_words",
    "messy_articles",
    "teaser_headlines",
]

# Word banks. The article's topic and the teasers' topics share no content word, as an
# unrelated "You Might Like" list does not share the story's vocabulary.
_NAMES = ("Maria Lopez", "Tomas Berg", "Aisha Khan", "Peter Novak", "Lena Fischer", "Omar Haddad")
_PLACES = ("Lisbon", "Krakow", "Nairobi", "Toronto", "Osaka", "Valencia")
_RAIL = {
    "nouns": (
        "railway",
        "timetable",
        "tunnel",
        "platform",
        "carriage",
        "signal",
        "freight",
        "junction",
        "locomotive",
        "station",
        "commuter",
        "depot",
    ),
    "verbs": ("upgrade", "inspect", "finance", "extend", "modernise", "reopen"),
}
_TEASER_TOPICS = (
    ("Storm", "floods", "coastal", "villages", "rivers", "burst", "banks", "overnight"),
    ("Chef", "opens", "vegan", "bakery", "croissants", "sell", "out", "hours"),
    ("Astronomers", "spot", "comet", "glowing", "green", "telescope", "images", "reveal"),
    ("Striker", "scores", "hat-trick", "derby", "fans", "celebrate", "stadium", "victory"),
    ("Museum", "returns", "stolen", "painting", "auction", "house", "collector", "dispute"),
    ("Startup", "unveils", "folding", "bicycle", "investors", "pledge", "millions", "launch"),
)
_AD_LABELS = ("Advertisement", "ADVERTISEMENT", "Sponsored", "Anzeige", "Publicidad")
_RELATED = ("Also Read", "READ MORE", "Read more", "Lesen Sie auch", "Leia também")
_CTAS = (
    "Stay tuned for more updates on this developing story.",
    "Subscribe to our newsletter for the latest news every morning.",
    "Follow us on X and Facebook for more updates.",
    "Sign up for our daily briefing to get the top stories.",
)
_LIST_HEADINGS = ("You Might Like:", "Related Stories", "Most Read", "More from this section:")
_KICKERS = ("BREAKING:", "URGENT UPDATE:", "EXCLUSIVE:", "JUST IN:")
_SECTIONS = ("World", "Politics", "Business", "Europe")
_STUBS = ("Published on", "•Updated", "Last updated", "Published")
_CREDITS = ("Credited from: REUTERS", "Source: AFP", "(With inputs from PTI)")


@dataclass(frozen=True)
class MessyArticle:
    """One generated example and its ground truth.

    Attributes:
        text: The messy text to clean.
        title: The title line, or None when the example has none.
        subtitle: The standfirst, or None.
        authors: The byline's names.
        body: The blocks the cleaner must keep, in order (kickers already trimmed).
        headings: The body blocks that are in-article subheadings.
        junk: ``(text, reason)`` of every piece the cleaner must remove, in input order.
    """

    text: str
    title: str | None
    subtitle: str | None
    authors: tuple[str, ...]
    body: tuple[str, ...]
    headings: tuple[str, ...]
    junk: tuple[tuple[str, str], ...]

    @property
    def clean_text(self) -> str:
        """The body as :attr:`Article.text` must give it."""
        return "\n\n".join(self.body)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    n = _RAIL["nouns"]
    name = draw(st.sampled_from(_NAMES))
    place = draw(st.sampled_from(_PLACES))
    a, b, c = draw(st.permutations(n).map(lambda p: p[:3]))
    verb = draw(st.sampled_from(_RAIL["verbs"]))
    number = draw(st.integers(min_value=2, max_value=900))
    template = draw(
        st.sampled_from(
            (
                "{name} said the {a} in {place} would {verb} the {b} and the {c} by next year.",
                "The plan to {verb} the {a} near {place} will cost {number} million, "
                "according to {name}.",
                "Officials in {place} want to {verb} every {a} before the new {b} opens "
                "to {c} traffic.",
                "Critics told {name} that the {a} at {place} had waited {number} days for "
                "the {b} to be repaired.",
                "In {place}, engineers began to {verb} the {a} after the {b} failed twice "
                "in {number} weeks.",
                "Unions warned that the {c} contract could delay work on the {a} for "
                "{number} months, {name} said.",
            )
        )
    )
    return template.format(name=name, place=place, a=a, b=b, c=c, verb=verb, number=number)


def article_bodies(
    min_paragraphs: int = 3, max_paragraphs: int = 7
) -> st.SearchStrategy[tuple[str, ...]]:
    """Paragraphs of one story (two to three sentences each, all on one topic).

    Args:
        min_paragraphs: Fewest paragraphs.
        max_paragraphs: Most paragraphs.

    Returns:
        A strategy of paragraph tuples.
    """
    paragraph = st.lists(_sentence(), min_size=2, max_size=3).map(" ".join)
    return st.lists(paragraph, min_size=min_paragraphs, max_size=max_paragraphs, unique=True).map(
        tuple
    )


@st.composite
def _teaser(draw: st.DrawFn, topic: Sequence[str]) -> str:
    words = draw(st.permutations(topic[1:]).map(lambda p: p[: max(4, len(p) - 2)]))
    return " ".join([topic[0], *words])


def teaser_headlines(min_size: int = 2, max_size: int = 6) -> st.SearchStrategy[list[str]]:
    """Headlines of other, unrelated stories (distinct topics, no final stop).

    Args:
        min_size: Fewest headlines.
        max_size: Most headlines.

    Returns:
        A strategy of headline lists.
    """
    return st.lists(
        st.sampled_from(range(len(_TEASER_TOPICS))),
        min_size=min_size,
        max_size=min(max_size, len(_TEASER_TOPICS)),
        unique=True,
    ).flatmap(lambda ids: st.tuples(*(_teaser(_TEASER_TOPICS[i]) for i in ids)).map(list))


@st.composite
def messy_articles(draw: st.DrawFn) -> MessyArticle:
    """Generate a :class:`MessyArticle`: a clean story with junk of every kind inserted."""
    paragraphs = list(draw(article_bodies()))
    lines: list[tuple[str, str | None]] = []  # (text, reason) with None for kept body

    def junk(text: str, reason: str) -> None:
        lines.append((text, reason))

    if draw(st.booleans()):
        junk(draw(st.sampled_from(_STUBS)), "date_stub")
    if draw(st.booleans()):
        junk(draw(st.sampled_from(_CREDITS)), "source_credit")
    has_title = draw(st.booleans())
    title = subtitle = None
    authors: tuple[str, ...] = ()
    if has_title:
        if draw(st.booleans()):
            junk(draw(st.sampled_from(_SECTIONS)), "section_label")
        title = draw(
            st.sampled_from(
                (
                    "City agrees to modernise the old railway tunnel",
                    "Freight depot plan splits commuter groups",
                    "New timetable promised as station upgrade begins",
                )
            )
        )
        junk(title, "title")
        if draw(st.booleans()):
            subtitle = "Work on the junction starts in spring."
            junk(subtitle, "subtitle")
        if draw(st.booleans()):
            name = draw(st.sampled_from(_NAMES))
            authors = (name,)
            junk(f"By {name}", "byline")
    kicker = draw(st.one_of(st.none(), st.sampled_from(_KICKERS)))
    heading_at = draw(st.one_of(st.none(), st.integers(1, len(paragraphs) - 1)))
    ad_at = draw(st.sets(st.integers(1, len(paragraphs) - 1), max_size=2))
    link_at = draw(st.sets(st.integers(1, len(paragraphs) - 1), max_size=2))
    link_headlines = draw(teaser_headlines(min_size=2, max_size=2))
    body: list[str] = []
    headings: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i in ad_at:
            junk(draw(st.sampled_from(_AD_LABELS)), "ad_label")
        if i in link_at:
            label = draw(st.sampled_from(_RELATED))
            junk(f"{label}: {link_headlines[len(link_at & set(range(i)))]}", "related_link")
        if i == heading_at:
            heading = "Why the signal upgrade matters for the tunnel"
            lines.append((heading, None))
            body.append(heading)
            headings.append(heading)
        if i == 0 and kicker is not None:
            lines.append((f"{kicker} {paragraph}", None))
        else:
            lines.append((paragraph, None))
        body.append(paragraph)
    if draw(st.booleans()):
        junk(draw(st.sampled_from(_CTAS)), "call_to_action")
    if draw(st.booleans()):
        junk(draw(st.sampled_from(_LIST_HEADINGS)), "headline_list_heading")
        doubled = draw(st.booleans())
        for teaser in draw(teaser_headlines()):
            junk(teaser, "headline_list")
            if doubled:
                junk(teaser, "headline_list")
    junk_pieces = [(t, r) for t, r in lines if r is not None and r not in ("title", "subtitle")]
    if kicker is not None:
        first = next(i for i, (_, r) in enumerate(lines) if r is None)
        junk_pieces.insert(
            sum(1 for _, r in lines[:first] if r is not None and r not in ("title", "subtitle")),
            (kicker, "kicker"),
        )
    separator = draw(st.sampled_from(("\n", "\n\n", "\r\n", "\n \n")))
    return MessyArticle(
        text=separator.join(t for t, _ in lines),
        title=title,
        subtitle=subtitle,
        authors=authors,
        body=tuple(body),
        headings=tuple(headings),
        junk=tuple(junk_pieces),
    )


def accounted_words(article: Article) -> list[str]:
    """Return the words of the kept blocks and the removals, interleaved in input order.

    For the plain-text path this equals :func:`input_words` of the input: nothing is lost and
    nothing is invented. The records of the input's repairs (reasons ``invalid_character``
    and ``mojibake``) are notes, not pieces of the text, and are left out.

    Args:
        article: A result of :func:`articlekit.clean_text`.

    Returns:
        The white-space separated words, in input order.
    """
    pieces: list[tuple[int, int, str]] = [(b.index, b.offset, b.text) for b in article.blocks]
    pieces += [
        (r.block_index, r.offset, r.text)
        for r in article.removed
        if r.reason not in INPUT_REPAIR_REASONS
    ]
    pieces.sort(key=lambda p: (p[0], p[1]))
    joined = normalize_space(" ".join(p[2] for p in pieces))
    return joined.split(" ") if joined else []


def input_words(text: str) -> list[str]:
    """Return the words of ``text`` as the text reader sees them (white space normalised).

    As :func:`articlekit.clean_text` reads a ``str``: lone surrogates replaced and mojibake
    decoded back first (the records of those repairs are what :func:`accounted_words` leaves
    out).

    Args:
        text: Input of :func:`articlekit.clean_text`.

    Returns:
        The words, in order.

    Example:
        >>> input_words("Caf\u00c3\u00a9  cr\u00c3\u00a8me")
        ['Café', 'crème']
    """
    read = normalize_space(repair(scrub_surrogates(text).text).text)
    return read.split(" ") if read else []
