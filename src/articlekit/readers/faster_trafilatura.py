"""Faster stand-ins for steps of trafilatura's extraction, with the same results.

trafilatura falls back on jusText when its own extraction is short. jusText's
``revise_paragraph_classification`` finds each short or near-good paragraph's nearest good or
bad neighbour by walking to it, for every paragraph of a run: a page followed by 40,000
``<p>Reply</p>`` took 46 s in that function alone. :func:`revise_paragraph_classification`
computes the same neighbours with one pass each way. jusText's paragraph also joins and
re-normalises all its text nodes on every read of its ``text`` (its length, word count, stop
words and link density read it some ten times), one regex callback per gap: a page of 10,000
``Line<br>`` pieces, one paragraph, spent 0.4 s of its 0.6 s there. The paragraph maker of
:func:`_replacements` makes paragraphs that keep that text until a node is added.

Before the fallback, trafilatura's ``basic_cleaning`` selects the page's asides, footers,
scripts and cookie banners with one XPath whose cookie test is an EXSLT regular expression:
lxml runs it as a Python call for every element, twice (class and id), 4 ms on a news page
and 0.6 s on a page of 280,000 elements. :func:`_basic_clean_selector` selects the same
elements with the tag tests in XPath and the cookie pattern run once over the page's class
and id values (most pages have no cookie banner left, and then no element needs a test).

:func:`_guarded_pruner` stands in for ``prune_unwanted_nodes`` in the main extractor,
whose guard (prune nothing that would take too much of the page) asks every match whether an
ancestor matched by a walk to the root: 0.05 s of the 5.4 s ``clean_html`` takes for 100
wcxb-dev pages, 0.002 s with :func:`outermost`, which walks each element once. The
selections it prunes (``OVERALL_DISCARD_XPATH``) test every element's attributes with EXSLT
regular expressions, a Python call from XPath per test: :func:`_discard_selectors` runs the
same tests in one Python loop (0.44 s to 0.2 s for those 100 pages). Before extracting,
trafilatura prunes the raw tree of comment sections and infinite-scroll containers, again by
regular expressions on each element's id and class, where many pages have nothing to match:
:func:`_gated` tests the page's id and class values once and runs the selection only when
one matches (0.37 s to 0.2 s for the 100 pages: on many a comment section is there), and
:func:`_id_or_class` tests the elements of the few tags they select in one Python loop,
faster still (0.75 ms to 0.28 ms a page, whether a section matches or not).

An XPath predicate costs libxml2 an XPath object per test and element, even without a regular
expression: selecting the elements of a few tags in lxml (``iterdescendants``) and testing
their attributes in Python is faster, where the tests are a few string comparisons. So are
the main extractor's selections of the article's body (:func:`_body_selectors`: 1.4 ms to
0.2 ms a page for the first of them), of teaser and caption boxes
(:func:`_section_selectors`) and the raw tree's prune of share-button boxes
(:func:`_class_contains`). trafilatura's ``repair_faulty_html`` deletes the characters XML
does not take from every page with a regular expression; :class:`_AbsentFirst` asks first
whether any of them occurs, in a quarter of the time. trafilatura's readability fallback
weighs classes and ids with case-insensitive patterns and finds links with lxml's Python path
engine: :func:`_readability_document` reads ASCII values in lower case and finds the links in
C (0.64 s to 0.58 s for its runs on 200 dev pages).

htmldate (trafilatura's date search, which articlekit runs on its own) looks for dates in
the page's markup last, with regular expressions of a date between two non-digits whose
``findall`` tries a match at every character: :class:`_NonDigitBounded` has the regular
expression engine look for the date.

:func:`faster_trafilatura` puts them in the places trafilatura calls while articlekit runs it.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import importlib
import inspect
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from types import ModuleType
from typing import Any, cast

__all__ = [
    "dateparser_languages",
    "faster_trafilatura",
    "invalid_xml_absent",
    "month_only_first",
    "outermost",
    "revise_paragraph_classification",
]

_GOOD_OR_BAD = frozenset({"good", "bad"})
_GOOD_BAD_OR_NEARGOOD = frozenset({"good", "bad", "neargood"})


def _heading_pass(paragraphs: Sequence[Any], max_heading_distance: int, *, first: bool) -> None:
    """Run jusText's two "good headings" passes, as jusText writes them.

    Their walks are bounded by ``max_heading_distance`` characters.
    """
    for i, paragraph in enumerate(paragraphs):
        if first:
            paragraph.class_type = paragraph.cf_class
            if not (paragraph.heading and paragraph.class_type == "short"):
                continue
        elif not (
            paragraph.heading and paragraph.class_type == "bad" and paragraph.cf_class != "bad"
        ):
            continue
        j = i + 1
        distance = 0
        while j < len(paragraphs) and distance <= max_heading_distance:
            if paragraphs[j].class_type == "good":
                paragraph.class_type = "neargood" if first else "good"
                break
            distance += len(paragraphs[j].text)
            j += 1


def _nearest(classes: Sequence[str], wanted: frozenset[str], *, before: bool) -> list[str]:
    """For each position, the class of the nearest paragraph before it (or after it) in ``wanted``.

    "bad" when there is none (jusText's ``_get_neighbour``).
    """
    out = ["bad"] * len(classes)
    seen = "bad"
    order = range(len(classes)) if before else range(len(classes) - 1, -1, -1)
    for i in order:
        out[i] = seen
        if classes[i] in wanted:
            seen = classes[i]
    return out


def revise_paragraph_classification(
    paragraphs: Sequence[Any], max_heading_distance: int = 200
) -> None:
    """``justext.core.revise_paragraph_classification``, in linear time.

    Args:
        paragraphs: jusText's paragraphs, classified by ``classify_paragraphs``; their
            ``class_type`` is set in place.
        max_heading_distance: As in jusText.
    """
    _heading_pass(paragraphs, max_heading_distance, first=True)

    # Short paragraphs: the classes they see are the ones before this pass.
    classes = [p.class_type for p in paragraphs]
    prev_gb = _nearest(classes, _GOOD_OR_BAD, before=True)
    next_gb = _nearest(classes, _GOOD_OR_BAD, before=False)
    prev_any = _nearest(classes, _GOOD_BAD_OR_NEARGOOD, before=True)
    next_any = _nearest(classes, _GOOD_BAD_OR_NEARGOOD, before=False)
    new_classes: dict[int, str] = {}
    for i, cls in enumerate(classes):
        if cls != "short":
            continue
        before, after = prev_gb[i], next_gb[i]
        if before == "good" and after == "good":
            new_classes[i] = "good"
        elif before == "bad" and after == "bad":
            new_classes[i] = "bad"
        elif (before == "bad" and prev_any[i] == "neargood") or (
            after == "bad" and next_any[i] == "neargood"
        ):
            new_classes[i] = "good"
        else:
            new_classes[i] = "bad"
    for i, cls in new_classes.items():
        paragraphs[i].class_type = cls

    # Near-good paragraphs, in order: one sees the classes already revised before it and,
    # after it, the classes of this pass's start (the near-good ones after it are skipped).
    classes = [p.class_type for p in paragraphs]
    next_gb = _nearest(classes, _GOOD_OR_BAD, before=False)
    seen = "bad"
    for i, paragraph in enumerate(paragraphs):
        if paragraph.class_type == "neargood":
            both_bad = seen == "bad" and next_gb[i] == "bad"
            paragraph.class_type = "bad" if both_bad else "good"
        if paragraph.class_type in _GOOD_OR_BAD:
            seen = paragraph.class_type

    _heading_pass(paragraphs, max_heading_distance, first=False)


@functools.cache
def _replacements() -> dict[tuple[str, str], Any]:
    """The names that :func:`faster_trafilatura` replaces, as (module, name), and with what.

    Made on first use: jusText is imported with trafilatura, not with articlekit. A name that
    this trafilatura lacks, or whose step is not the one replaced here, is left out.
    """
    from justext.core import ParagraphMaker as JusTextParagraphMaker
    from justext.paragraph import Paragraph as JusTextParagraph

    class _Paragraph(JusTextParagraph):  # type: ignore[misc]  # jusText is untyped
        """jusText's paragraph, whose ``text`` is joined and normalised once per node count.

        Its nodes are only ever appended to (while the page is read), so the count tells
        whether the text kept is still the paragraph's: the same string jusText would build.
        """

        _kept: tuple[int, str] | None = None

        @property
        def text(self) -> str:
            kept = self._kept
            if kept is None or kept[0] != len(self.text_nodes):
                kept = self._kept = (len(self.text_nodes), JusTextParagraph.text.fget(self))
            return kept[1]

    class ParagraphMaker(JusTextParagraphMaker):  # type: ignore[misc]  # jusText is untyped
        """``justext.core.ParagraphMaker``, making paragraphs that keep their text."""

        paragraph: Any

        def _start_new_pragraph(self) -> None:  # jusText's spelling: the name it calls
            if self.paragraph and self.paragraph.contains_text():
                self.paragraphs.append(self.paragraph)
            self.paragraph = _Paragraph(self.path)

    replacements: dict[tuple[str, str], Any] = {
        ("trafilatura.external", "revise_paragraph_classification"): (
            revise_paragraph_classification
        ),
        ("trafilatura.external", "ParagraphMaker"): ParagraphMaker,
    }
    selector = _basic_clean_selector()
    if selector is not None:
        replacements["trafilatura.baseline", "BASIC_CLEAN_XPATH"] = selector
    pruner = _guarded_pruner()
    if pruner is not None:
        replacements["trafilatura.main_extractor", "prune_unwanted_nodes"] = pruner
    readability = _readability_document()
    if readability is not None:
        replacements["trafilatura.external", "ReadabilityDocument"] = readability
    discard = _discard_selectors()
    if discard is not None:
        for module in ("trafilatura.main_extractor", "trafilatura.external"):
            replacements[module, "OVERALL_DISCARD_XPATH"] = discard
    body = _body_selectors()
    if body is not None:
        replacements["trafilatura.main_extractor", "BODY_XPATH"] = body
    for name, selector in _section_selectors().items():
        replacements["trafilatura.main_extractor", name] = [selector]
    replacements.update(_date_patterns())
    invalid = _invalid_characters_pattern()
    if invalid is not None:
        replacements["trafilatura.utils", "INVALID_XML_CHARS"] = invalid
    core = importlib.import_module("trafilatura.core")
    for name in (
        "RAW_TREE_PRUNE_XPATH",
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        "REMOVE_COMMENTS_XPATH",
    ):
        original = getattr(core, name, None)
        if isinstance(original, list) and original:
            gated = [_faster_selection(expression) for expression in original]
            if any(g is not e for g, e in zip(gated, original, strict=True)):
                replacements["trafilatura.core", name] = gated
    return replacements


def outermost(matches: Mapping[Any, Any]) -> list[Any]:
    """The elements of ``matches`` that have no ancestor in it, in its order.

    trafilatura asks every match whether any of its ancestors matched, a walk up to the
    root each, with a new proxy for every ancestor. Here each element is walked over once:
    whether it lies under a match is kept for it, so a later walk stops there.

    Example:
        >>> from lxml import html
        >>> tree = html.fromstring("<div><aside><p>a</p></aside><p>b</p><nav>c</nav></div>")
        >>> matches = dict.fromkeys([*tree.xpath("//p"), *tree.xpath("//aside|//nav")])
        >>> [(e.tag, e.text_content()) for e in outermost(matches)]
        [('p', 'b'), ('aside', 'a'), ('nav', 'c')]
    """
    under_match: dict[Any, bool] = {}
    outer = []
    for element in matches:
        walked = []
        parent = element.getparent()
        covered = False
        while parent is not None:
            if parent in matches:
                covered = True
                break
            known = under_match.get(parent)
            if known is not None:
                covered = known
                break
            walked.append(parent)
            parent = parent.getparent()
        # None of the walked elements is a match: each lies under one exactly when this does.
        for ancestor in walked:
            under_match[ancestor] = covered
        if not covered:
            outer.append(element)
    return outer


#: The source of trafilatura's ``prune_unwanted_nodes`` that :func:`_guarded_pruner` stands in
#: for (trafilatura 2.3), by its SHA-256: another version's function is left as it is.
_PRUNE_SOURCE_SHA256 = "4731f8e24ef86449c2714a6257d2ff892ff12a6a3d544d7ca87d6536fab29915"


def _guarded_pruner() -> Callable[..., Any] | None:
    """The main extractor's ``prune_unwanted_nodes``, with :func:`outermost` for its guard.

    None when this trafilatura's function is not the one rebuilt here (its source differs).
    """
    main_extractor = importlib.import_module("trafilatura.main_extractor")
    original = getattr(main_extractor, "prune_unwanted_nodes", None)
    delete_element = getattr(main_extractor, "delete_element", None)
    try:
        source = inspect.getsource(original) if original is not None else ""
    except (OSError, TypeError):  # pragma: no cover - installed without its source
        return None
    if delete_element is None or hashlib.sha256(source.encode()).hexdigest() != (
        _PRUNE_SOURCE_SHA256
    ):
        return None

    def prune_unwanted_nodes(tree: Any, nodelist: list[Any], with_backup: bool = False) -> Any:
        if not with_backup:
            for expression in nodelist:
                for subtree in expression(tree):
                    delete_element(subtree)
            return tree
        matches = dict.fromkeys(elem for expression in nodelist for elem in expression(tree))
        outer = outermost(matches)
        old_len = len(tree.text_content())
        if old_len - sum(len(elem.text_content()) for elem in outer) > old_len / 7:
            for elem in outer:
                delete_element(elem)
        return tree

    return prune_unwanted_nodes


#: trafilatura's ``BASIC_CLEAN_XPATH`` without its cookie test, which follows it as
#: ``|.//*[re:test(@class, '<pattern>', 'i') or re:test(@id, '<pattern>', 'i')]``.
_BASIC_CLEAN_TAGS = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
    "|.//style|.//svg|.//template"
)


def _basic_clean_selector() -> Callable[[Any], list[Any]] | None:
    """Trafilatura's basic-cleaning selection without a Python call per element, or None.

    None when this trafilatura's ``BASIC_CLEAN_XPATH`` is not the expression rebuilt here:
    another version's selection is left as it is.
    """
    from lxml import etree

    # By module path: the package's name ``baseline`` is a function, not this module.
    baseline = importlib.import_module("trafilatura.baseline")
    settings = importlib.import_module("trafilatura.settings")

    pattern = getattr(settings, "_COOKIE_CONSENT_RE", None)
    original = getattr(settings, "BASIC_CLEAN_XPATH", None)
    if (
        not isinstance(pattern, str)
        or not isinstance(original, etree.XPath)
        or getattr(baseline, "BASIC_CLEAN_XPATH", None) is not original
    ):
        return None
    cookie_test = f"|.//*[re:test(@class, '{pattern}', 'i') or re:test(@id, '{pattern}', 'i')]"
    if getattr(original, "path", None) != _BASIC_CLEAN_TAGS + cookie_test:
        return None
    # EXSLT's re:test is Python's re.search on the attribute's value ("" when absent), with
    # re.IGNORECASE for the "i" flag. The pattern matches no line break and no empty string.
    search = re.compile(pattern, re.IGNORECASE).search
    tags: Any = etree.XPath(_BASIC_CLEAN_TAGS)
    values: Any = etree.XPath(".//*/@class|.//*/@id", smart_strings=False)
    # The union keeps the document order and drops doubles, as the original's does.
    candidates: Any = etree.XPath(_BASIC_CLEAN_TAGS + "|.//*[@class or @id]")

    def select(tree: Any) -> list[Any]:
        if search("\n".join(values(tree))) is None:
            return list(tags(tree))
        by_tag = set(tags(tree))
        return [
            element
            for element in candidates(tree)
            if element in by_tag
            or search(element.get("class") or "")
            or search(element.get("id") or "")
        ]

    return select


#: trafilatura's pattern of the characters XML does not take, which its ``repair_faulty_html``
#: deletes from every page, and those characters.
_INVALID_XML_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
_INVALID_XML_CHARACTERS = tuple(
    chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)


class _AbsentFirst:
    """A character-class pattern whose ``sub`` first asks whether any of its characters occurs.

    trafilatura deletes the characters XML does not take from every page with one regular
    expression, a class test per character: 0.6 ms for a page of 140,000 characters, where
    asking ``in`` for each of the 29 characters takes a quarter of that (a search in C for
    one character is a fast scan). Almost no page holds one, and then the page is returned
    as it is, as ``re.sub`` does when nothing matches.
    """

    def __init__(self, pattern: re.Pattern[str], characters: Sequence[str]) -> None:
        self.pattern = pattern
        self.characters = characters

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        """``re.Pattern.sub``: the same string when none of the characters occurs in it."""
        for character in self.characters:
            if character in string:
                return self.pattern.sub(repl, string, count)
        return string


#: Each byte to 0 if it is one of those characters in UTF-8 (a control character is one byte,
#: never part of another character's bytes), else to 1.
_INVALID_XML_BYTES = bytes(0 if chr(b) in _INVALID_XML_CHARACTERS else 1 for b in range(256))


def invalid_xml_absent(encoded: bytes) -> bool:
    r"""Whether the UTF-8 ``encoded`` page holds none of the characters XML does not take.

    trafilatura's ``repair_faulty_html`` deletes them (``INVALID_XML_CHARS``): a page that
    holds none needs no pass. One translation of the bytes and three searches in C are
    faster than :class:`_AbsentFirst`'s 29 searches of a ``str`` that is not ASCII. False
    (no answer) when this trafilatura's pattern is not the one whose characters are known.

    Example:
        >>> invalid_xml_absent("Café".encode()), invalid_xml_absent("a\x0bb".encode())
        (True, False)
        >>> invalid_xml_absent("x\uffffy".encode())
        False
    """
    if _known_invalid_xml() is None:
        return False
    return not (
        b"\x00" in encoded.translate(_INVALID_XML_BYTES)
        or b"\xef\xbf\xbe" in encoded  # U+FFFE
        or b"\xef\xbf\xbf" in encoded  # U+FFFF
    )


def _known_invalid_xml() -> re.Pattern[str] | None:
    """The pattern ``trafilatura.utils.INVALID_XML_CHARS``, if it is the one known here.

    None when it is not the pattern of :data:`_INVALID_XML_CHARACTERS`. Read through the
    swap: inside :func:`faster_trafilatura` the module holds the :class:`_AbsentFirst`
    around it.
    """
    utils = importlib.import_module("trafilatura.utils")
    original = getattr(utils, "INVALID_XML_CHARS", None)
    if isinstance(original, _AbsentFirst):
        original = original.pattern
    if isinstance(original, re.Pattern) and original.pattern == _INVALID_XML_PATTERN:
        return original
    return None


def _invalid_characters_pattern() -> _AbsentFirst | None:
    """``trafilatura.utils.INVALID_XML_CHARS`` with :class:`_AbsentFirst`'s ``sub``, or None.

    None when this trafilatura's pattern is not the one whose characters are listed here.
    """
    original = _known_invalid_xml()
    return None if original is None else _AbsentFirst(original, _INVALID_XML_CHARACTERS)


class _Swap:
    """Module attributes replaced while some ``with`` block runs (in any thread).

    Threads may run trafilatura at once: the first to enter puts the replacements in, the last
    to leave puts the library's own back, so a thread leaving can never restore the other's
    copy.
    """

    def __init__(self, replacements: Callable[[], dict[tuple[str, str], Any]]) -> None:
        self._replacements = replacements
        self._lock = threading.Lock()
        self._users = 0
        self._originals: dict[tuple[str, str], Any] = {}

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        """Run the block with the replacements in place (the library's own outside it)."""
        try:
            replacements = self._replacements()
            modules: dict[str, ModuleType] = {
                module: importlib.import_module(module) for module, _ in replacements
            }
        except ImportError:  # pragma: no cover - trafilatura and htmldate are dependencies
            yield
            return
        with self._lock:
            if self._users == 0:
                # Another library layout may lack a name: only the ones it has are replaced.
                self._originals.clear()
                self._originals.update(
                    ((module, name), getattr(modules[module], name))
                    for module, name in replacements
                    if hasattr(modules[module], name)
                )
            replaced = bool(self._originals)
            if replaced:
                self._users += 1
                for module, name in self._originals:
                    setattr(modules[module], name, replacements[module, name])
        try:
            yield
        finally:
            if replaced:
                with self._lock:
                    self._users -= 1
                    if self._users == 0:
                        for (module, name), original in self._originals.items():
                            setattr(modules[module], name, original)


#: Let trafilatura call the stand-ins of :func:`_replacements`, only while some ``with
#: faster_trafilatura():`` block runs: trafilatura's modules are left as they were once the
#: last one ends. The stand-ins give the same results as the originals, so another caller's
#: trafilatura call in the meantime is only faster, never different.
faster_trafilatura = _Swap(_replacements)

#: What a date's missing fields are filled from: a month-only "2007/12" is the first of
#: December, not today's day of it (dateutil's default, which made the same page's Article
#: change with the day it was read).
_NO_DAY = datetime(1970, 1, 1)


def _first_of_month() -> dict[tuple[str, str], Any]:
    """Htmldate's ``dateutil_parse``, filling a date's missing fields from :data:`_NO_DAY`."""
    # dateutil comes with htmldate (no stubs here): the function htmldate imported.
    parse = importlib.import_module("dateutil.parser").parse
    return {("htmldate.extractors", "dateutil_parse"): functools.partial(parse, default=_NO_DAY)}


#: htmldate tries dateutil's parse first on strings that start with a year, and dateutil
#: fills a missing day (or month) from today. While a ``with month_only_first():`` block runs
#: it fills them from :data:`_NO_DAY`: the first of the month (or of the year). Unlike
#: :data:`faster_trafilatura` this changes results, for any caller of htmldate in the
#: meantime: a month-only string names the first of its month. htmldate caches each string's
#: result, so a result cached before (today's day) stays, and one cached meanwhile stays after.
month_only_first = _Swap(_first_of_month)


#: trafilatura's two ``OVERALL_DISCARD_XPATH`` expressions as :func:`_discard_selectors` reads
#: them, white space collapsed, with ``{consent}``, ``{id}``, ``{cls}`` and ``{cls2}`` where
#: their regular expressions stand.
_DISCARD_SECTIONS = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span]["
    " @data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or"
    " contains(@data-component, 'MostPopularStories') or re:test(@id|@class, '{consent}') or"
    " re:test(@id, '{id}') or re:test(@class, '{cls}')]"
)
_DISCARD_HIDDEN = (
    ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or"
    " re:test(@id|@style, 'hidden') or contains(@style, 'display:none') or contains(@style,"
    " 'display: none') or re:test(@id, 'reader-comments|akismet') or re:test(@class, '{cls2}')"
    " or @aria-hidden='true']"
)
_RE_TEST = re.compile(r"re:test\((@id\|@class|@id|@class), '([^']*)'\)")


def _first_of(attributes: Any, first: str, second: str) -> str:
    """XPath's string of ``@first|@second``: the value of the one the element lists first."""
    for name in attributes:
        if name in (first, second):
            return str(attributes[name])
    return ""


def _discard_selectors() -> list[Callable[[Any], list[Any]]] | None:
    """The ``OVERALL_DISCARD_XPATH`` selections of trafilatura, without a Python call per test.

    Its two expressions test each element's ``id``, ``class``, ``role`` and ``style`` with
    EXSLT regular expressions, which lxml runs as a Python call from XPath per test and
    element: 0.44 s of the 5.4 s ``clean_html`` takes for 100 wcxb-dev pages. The same
    tests in one Python loop over the elements XPath selects by tag take 0.2 s. EXSLT's
    ``re:test`` is ``re.search`` on the first node's string ("" for none), and an attribute
    union's first node is the attribute the element lists first. None when this
    trafilatura's expressions are not the ones rebuilt here, or a pattern matches "" (an
    element without the attributes could match then).
    """
    from lxml import etree

    xpaths = importlib.import_module("trafilatura.xpaths")
    original = getattr(xpaths, "OVERALL_DISCARD_XPATH", None)
    if not isinstance(original, list) or len(original) != 2:
        return None
    paths = [" ".join(str(getattr(x, "path", "")).split()) for x in original]
    sections, hidden = dict(_RE_TEST.findall(paths[0])), dict(_RE_TEST.findall(paths[1]))
    try:
        consent, id_, cls = sections["@id|@class"], sections["@id"], sections["@class"]
        cls2 = hidden["@class"]
    except KeyError:
        return None
    expected = (
        _DISCARD_SECTIONS.format(consent=consent, id=id_, cls=cls),
        _DISCARD_HIDDEN.format(cls2=cls2),
    )
    # The expressions read with their regular expressions put back must be the originals.
    if tuple(paths) != tuple(" ".join(e.split()) for e in expected):
        return None
    patterns = [re.compile(p) for p in (consent, id_, cls, cls2)]
    if any(p.search("") for p in patterns):
        return None
    consent_search, id_search, class_search, hidden_class_search = (p.search for p in patterns)
    sections_tags: Any = etree.XPath(
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
    )
    with_attributes: Any = etree.XPath(".//*[@class or @id or @style or @aria-hidden]")

    def select_sections(tree: Any) -> list[Any]:
        selected = []
        for element in sections_tags(tree):
            attributes = element.attrib
            if not attributes:
                continue  # every test below reads an attribute, and no pattern matches ""
            if (
                "data-lp-replacement-content" in attributes
                or "nav" in attributes.get("role", "").replace("N", "n")
                or "MostPopularStories" in attributes.get("data-component", "")
                or consent_search(_first_of(attributes, "id", "class"))
                or id_search(attributes.get("id", ""))
                or class_search(attributes.get("class", ""))
            ):
                selected.append(element)
        return selected

    def select_hidden(tree: Any) -> list[Any]:
        selected = []
        for element in with_attributes(tree):
            attributes = element.attrib
            class_ = attributes.get("class", "")
            style = attributes.get("style", "")
            if (
                class_ == "comments-title"
                or _first_of(attributes, "id", "class").startswith("reply-")
                or "hidden" in _first_of(attributes, "id", "style")
                or "display:none" in style
                or "display: none" in style
                or "reader-comments" in attributes.get("id", "")
                or "akismet" in attributes.get("id", "")
                or hidden_class_search(class_)
                or attributes.get("aria-hidden") == "true"
            ):
                selected.append(element)
        return selected

    return [select_sections, select_hidden]


# An expression whose first predicate after the tag test is a regular-expression test of the
# element's id or class: "[self::div or ...][re:test(@id, 'A') or re:test(@class, 'B')]...".
_ID_OR_CLASS_FIRST = re.compile(
    r"^\.//\*\[[^\]\[]*\]\[ ?re:test\(@id, '([^']*)'\) or re:test\(@class, '([^']*)'\) ?\]"
)


def _gated(expression: Any) -> Any:
    """An XPath selection that returns [] at once when no id or class of the page can match.

    trafilatura prunes the raw tree with selections (comment sections, infinite-scroll
    containers) whose every element must pass an EXSLT regular-expression test of its id or
    class: lxml runs it as a Python call for each element of the page, 0.37 s of the 5.4 s
    ``clean_html`` takes for 100 wcxb-dev pages, and on most pages nothing matches. The
    page's id and class values are tested once; only when one matches is the expression run,
    as it is. ``expression`` itself when its first test is not of that form (or a pattern
    matches "", which an element without the attribute would pass).
    """
    from lxml import etree

    path = " ".join(str(getattr(expression, "path", "")).split())
    m = _ID_OR_CLASS_FIRST.match(path)
    if m is None or not callable(expression):
        return expression
    id_search, class_search = (re.compile(pattern).search for pattern in m.groups())
    if id_search("") or class_search(""):
        return expression
    ids: Any = etree.XPath(".//*/@id", smart_strings=False)
    classes: Any = etree.XPath(".//*/@class", smart_strings=False)

    def select(tree: Any) -> Any:
        if not any(map(id_search, ids(tree))) and not any(map(class_search, classes(tree))):
            return []
        return expression(tree)

    return select


def _template_patterns(template: str, path: str) -> tuple[str, ...] | None:
    """The quoted strings of ``path`` where ``template`` has ``{}``, or None for another path.

    The template is the expression with white space between its tokens collapsed to one
    space; the path may have any white space there (trafilatura indents its expressions),
    none inside the quoted strings, which are taken as they stand.
    """
    pieces = []
    for i, part in enumerate(re.split(r"(\s+|\{\})", template)):
        if part == "{}":
            pieces.append("([^']*)")
        elif i % 2 and part.isspace():
            pieces.append(r"\s*")
        else:
            pieces.append(re.escape(part))
    found = re.fullmatch(r"\s*" + "".join(pieces) + r"\s*", path)
    return found.groups() if found else None


#: Where trafilatura looks for the article's body, the first three of its ``BODY_XPATH`` that
#: test attributes with regular expressions or translations (:func:`_body_selectors`), with
#: ``{}`` where their regular expressions stand.
_BODY_ARTICLE_CLASSES = (
    ".//*[self::article or self::div or self::main or self::section][ @class='post' or"
    " @class='entry' or @itemprop='articleBody' or @id='articleContent' or re:test(@id, '{}')"
    " or re:test(@class, '{}') ][1]"
)
_BODY_STORY_CLASSES = (
    "(.//*[self::article or self::div or self::main or self::section][ @role='article' or"
    " @id='article' or @id='story' or @class='postarea' or @class='art-postcontent' or"
    " @class='text' or @class='cell' or @class='story' or re:test(@id, '{}') or"
    " re:test(@class, '{}', 'i') or re:test(@class, '{}') ])[1]"
)
_BODY_CONTENT_CLASSES = (
    "(.//*[self::article or self::div or self::main or self::section][ @id='content' or"
    " @class='content' or re:test(@id, '{}') or re:test(@class, '{}') or"
    " contains(translate(@id, 'CM','cm'), 'main-content') or"
    " contains(translate(@class, 'CM','cm'), 'main-content') or"
    " contains(translate(@class, 'CP','cp'), 'page-content') ])[1]"
)
_BODY_TAGS = ("article", "div", "main", "section")


def _first_of_body_tags(test: Callable[[Any, str, str], bool]) -> Callable[[Any], list[Any]]:
    """A selection of the first body element that passes ``test``, in a list (or none).

    The elements are the ``article``, ``div``, ``main`` and ``section`` under the tree, in
    document order; ``test`` gets their attributes, id and class ("" when absent), and one
    without any attribute passes no test.
    """

    def select(tree: Any) -> list[Any]:
        for element in tree.iterdescendants(*_BODY_TAGS):
            attributes = element.attrib
            if attributes and test(
                attributes, attributes.get("id", ""), attributes.get("class", "")
            ):
                return [element]
        return []

    return select


def _body_selectors() -> list[Any] | None:
    """The ``BODY_XPATH`` of trafilatura, its first, third and fourth tests run in Python.

    ``_extract`` tries each expression in turn until one finds an element whose text makes
    an article, and takes the first element it selects. The three test the attributes of
    every ``article``, ``div``, ``main`` and ``section`` of the page, with EXSLT regular
    expressions (a Python call from XPath per test) and translations, in an XPath predicate:
    1.4 ms a page for the first alone, where a Python loop over those elements that stops at
    the first match takes 0.2 ms. The first element a selection returns (all that
    ``_extract`` reads) is the first such element in document order that passes the tests
    (the first expression's ``[1]`` picks the first of each parent's children that pass, and
    the first of those in document order is the first of all). EXSLT's ``re:test`` is
    ``re.search`` on the attribute's value ("" when it is absent), with ``re.IGNORECASE``
    for the "i" flag; ``translate`` maps the characters it lists, one for one. None when
    this trafilatura's expressions are not the ones rebuilt here.
    """
    xpaths = importlib.import_module("trafilatura.xpaths")
    original = getattr(xpaths, "BODY_XPATH", None)
    if not isinstance(original, list) or len(original) != 5:
        return None
    paths = [str(getattr(x, "path", "")) for x in original]
    article = _template_patterns(_BODY_ARTICLE_CLASSES, paths[0])
    story = _template_patterns(_BODY_STORY_CLASSES, paths[2])
    content = _template_patterns(_BODY_CONTENT_CLASSES, paths[3])
    if article is None or story is None or content is None:
        return None
    article_id, article_class = (re.compile(p).search for p in article)
    story_id, story_class_any_case, story_class = (
        re.compile(p, re.IGNORECASE if i == 1 else 0).search for i, p in enumerate(story)
    )
    content_id, content_class = (re.compile(p).search for p in content)
    searches = (article_id, article_class, story_id, story_class_any_case, story_class)
    if any(search("") for search in (*searches, content_id, content_class)):
        return None  # an element without attributes could pass: not what the loop assumes

    def article_classes(attributes: Any, id_: str, class_: str) -> bool:
        return bool(
            class_ in ("post", "entry")
            or attributes.get("itemprop") == "articleBody"
            or id_ == "articleContent"
            or article_id(id_)
            or article_class(class_)
        )

    def story_classes(attributes: Any, id_: str, class_: str) -> bool:
        return bool(
            attributes.get("role") == "article"
            or id_ in ("article", "story")
            or class_ in ("postarea", "art-postcontent", "text", "cell", "story")
            or story_id(id_)
            or story_class_any_case(class_)
            or story_class(class_)
        )

    def content_classes(attributes: Any, id_: str, class_: str) -> bool:
        return bool(
            id_ == "content"
            or class_ == "content"
            or content_id(id_)
            or content_class(class_)
            or "main-content" in id_.replace("C", "c").replace("M", "m")
            or "main-content" in class_.replace("C", "c").replace("M", "m")
            or "page-content" in class_.replace("C", "c").replace("P", "p")
        )

    return [
        _first_of_body_tags(article_classes),
        original[1],
        _first_of_body_tags(story_classes),
        _first_of_body_tags(content_classes),
        original[4],
    ]


#: The sections the main extractor prunes from the body it found, by a word in their id or
#: class (:func:`_section_selectors`), by their name in ``trafilatura.main_extractor``.
_SECTION_XPATHS = {
    "TEASER_DISCARD_XPATH": (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span]["
        " contains(translate(@id, 'T', 't'), 'teaser') or"
        " contains(translate(@class, 'T', 't'), 'teaser')]"
    ),
    "DISCARD_IMAGE_ELEMENTS": (
        ".//*[self::div or self::item or self::list or self::p or self::section or self::span]["
        " contains(@id, 'caption') or contains(@class, 'caption')]"
    ),
}
_SECTION_TAGS = ("div", "item", "list", "p", "section", "span")


def _section_selectors() -> dict[str, Callable[[Any], list[Any]]]:
    """The teaser and caption selections of trafilatura, as a Python loop over the elements.

    Each is one XPath whose predicate (two ``contains`` of an attribute, translated or not)
    costs more in libxml2, an XPath object per test and element, than the same tests of the
    attribute values in Python: 0.5 ms to 0.15 ms for a page. The selections keep the
    document order. A name whose expression is not the one rebuilt here is left out.
    """
    main_extractor = importlib.import_module("trafilatura.main_extractor")

    def teasers(tree: Any) -> list[Any]:
        return [
            element
            for element in tree.iterdescendants(*_SECTION_TAGS)
            if element.attrib
            and (
                "teaser" in element.get("id", "").replace("T", "t")
                or "teaser" in element.get("class", "").replace("T", "t")
            )
        ]

    def captions(tree: Any) -> list[Any]:
        return [
            element
            for element in tree.iterdescendants(*_SECTION_TAGS)
            if element.attrib
            and ("caption" in element.get("id", "") or "caption" in element.get("class", ""))
        ]

    ours = {"TEASER_DISCARD_XPATH": teasers, "DISCARD_IMAGE_ELEMENTS": captions}
    selectors: dict[str, Callable[[Any], list[Any]]] = {}
    for name, template in _SECTION_XPATHS.items():
        original = getattr(main_extractor, name, None)
        if (
            isinstance(original, list)
            and len(original) == 1
            and _template_patterns(template, str(getattr(original[0], "path", ""))) == ()
        ):
            selectors[name] = ours[name]
    return selectors


#: trafilatura's raw-tree prune of share-button boxes, with ``{}`` where the class word stands.
_CLASS_CONTAINS = ".//*[self::div or self::section or self::aside][contains(@class, '{}')]"


def _class_contains(expression: Any) -> Any:
    """A selection of the ``div``, ``section`` and ``aside`` whose class holds a word, in Python.

    trafilatura prunes the raw tree of share-button boxes with an XPath whose predicate
    libxml2 evaluates with an XPath object per test and element: 0.45 ms a page, where the
    same test of each of those elements' class in Python takes 0.12 ms. ``contains`` of an
    absent attribute is false, as ``in`` of "" is for any word but "" (kept as it is).
    ``expression`` itself when it is not of that form.
    """
    found = _template_patterns(_CLASS_CONTAINS, str(getattr(expression, "path", "")))
    if found is None or not found[0]:
        return expression
    (word,) = found

    def select(tree: Any) -> list[Any]:
        return [
            element
            for element in tree.iterdescendants("div", "section", "aside")
            if word in element.get("class", "")
        ]

    return select


#: trafilatura's raw-tree prunes of comment sections and infinite-scroll containers, which
#: :func:`_id_or_class` rebuilds, by the tags they select, with ``{}`` where their regular
#: expressions stand: a test of the element's id or class, then (but for the last) a second
#: test that some elements pass without a match.
_ID_OR_CLASS_TESTS = {
    ("div", "section", "aside"): (
        ".//*[self::div or self::section or self::aside][ re:test(@id, '{}') or"
        " re:test(@class, '{}')][ not(.//h1) or re:test(@id, '{}') or re:test(@class, '{}')]"
    ),
    ("div", "list", "section", "details", "ol", "ul"): (
        ".//*[self::div or self::list or self::section or self::details or self::ol or"
        " self::ul][ re:test(@id, '{}') or re:test(@class, '{}')][ not(self::ol or self::ul)"
        " or re:test(@id, '{}') or re:test(@class, '{}')]"
    ),
    ("div", "list", "section", "details"): (
        ".//*[self::div or self::list or self::section or self::details][ re:test(@id, '{}')"
        " or re:test(@class, '{}')]"
    ),
}


def _id_or_class(expression: Any) -> Any:
    """One of trafilatura's comment-section prunes as a Python loop, or None for another.

    Each tests the id and class of every element of a few tags with EXSLT regular
    expressions, a Python call from XPath per test; :func:`_gated` saves them on pages
    whose ids and classes cannot match, but its two XPaths over the page's attributes cost
    as much again: 0.75 ms a page. The same tests in one loop over the elements of those
    tags take 0.28 ms, on any page. ``re:test`` is ``re.search`` on the attribute's value
    ("" when absent: no pattern may match "", as the loop skips elements without
    attributes); ``not(.//h1)`` is no ``h1`` under the element, ``not(self::ol or self::ul)``
    a tag that is neither.
    """
    path = str(getattr(expression, "path", ""))
    rebuilt = [
        (tags, found)
        for tags, template in _ID_OR_CLASS_TESTS.items()
        if (found := _template_patterns(template, path)) is not None
    ]
    if not rebuilt:
        return None
    ((tags, found),) = rebuilt
    searches = [re.compile(pattern).search for pattern in found]
    if any(search("") for search in searches):
        return None
    id_search, class_search = searches[:2]
    if len(searches) == 2:

        def second(element: Any, id_: str, class_: str) -> bool:
            return True

    elif "aside" in tags:  # the infinite-scroll containers: kept when they hold a headline
        second_id, second_class = searches[2:]

        def second(element: Any, id_: str, class_: str) -> bool:
            return bool(element.find(".//h1") is None or second_id(id_) or second_class(class_))

    else:
        second_id, second_class = searches[2:]

        def second(element: Any, id_: str, class_: str) -> bool:
            return bool(element.tag not in ("ol", "ul") or second_id(id_) or second_class(class_))

    def select(tree: Any) -> list[Any]:
        selected = []
        for element in tree.iterdescendants(*tags):
            attributes = element.attrib
            if not attributes:
                continue
            id_ = attributes.get("id", "")
            class_ = attributes.get("class", "")
            if (id_search(id_) or class_search(class_)) and second(element, id_, class_):
                selected.append(element)
        return selected

    return select


def _faster_selection(expression: Any) -> Any:
    """A raw-tree prune's selection by the fastest of the stand-ins that rebuild it."""
    return _id_or_class(expression) or _class_contains(_gated(expression))


class _NonDigitBounded:
    r"""A pattern ``\D(X)\D`` whose ``findall`` has the regular-expression engine look for X.

    htmldate's search of a page's markup runs such patterns' ``findall`` over the whole page:
    the engine tries a match at every character (``\D`` matches almost any), 2.6 ms a
    pattern for a page of 150,000 characters. Searching for ``(X)\D`` instead, and taking a
    match only when the character before it is no digit, finds the same matches: ``\D`` is
    one character and binds no group, so a match of the whole at position p is a non-digit
    at p and a match of ``(X)\D`` at p + 1, the same one (its group 1 is X); the first
    position after the last match where both hold is where ``findall`` finds the next. A
    candidate whose character before is a digit is passed over by one position. The engine
    skips quickly to where X can start when X opens with a character class (the year-first
    patterns), 2.5 times faster than the original there, 1.5 times elsewhere.

    Other methods and attributes are the original pattern's.
    """

    def __init__(self, original: re.Pattern[str], inner: re.Pattern[str]) -> None:
        self.original = original
        self.search_inner = inner.search
        self.non_digit = re.compile(r"\D", original.flags).match

    def findall(self, string: str, *args: Any) -> list[Any]:
        """``re.Pattern.findall`` of the original (one group), over the whole string."""
        if args:
            return self.original.findall(string, *args)
        found = []
        start = 1  # the first match of X can begin no earlier: a non-digit comes first
        while (match := self.search_inner(string, start)) is not None:
            at = match.start()
            if self.non_digit(string, at - 1):
                found.append(match.group(1))
                start = match.end() + 1
            else:
                start = at + 1
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.original, name)


def _closes_at_end(group: str) -> bool:
    """Whether ``group``, which opens with "(", is one group: its "(" closes at its end."""
    depth = 0
    i = 0
    while i < len(group):
        character = group[i]
        if character == "\\":
            i += 2
            continue
        if character == "[":  # a character class: "(" and ")" in it are characters
            i += 2 if group[i + 1 : i + 2] == "^" else 1
            i += 1 if group[i : i + 1] == "]" else 0  # a "]" first is a character too
            while i < len(group) and group[i] != "]":
                i += 2 if group[i] == "\\" else 1
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return i == len(group) - 1
        i += 1
    return False


def _non_digit_bounded(pattern: Any) -> Any:
    r"""``pattern`` as a :class:`_NonDigitBounded` when it reads ``\D(X)\D``, else itself.

    X must be the one capturing group (so ``findall`` returns its strings) and the group
    must span the whole of it.
    """
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        return pattern
    text = pattern.pattern
    if (
        pattern.groups != 1
        or not text.startswith("\\D(")
        or not text.endswith(")\\D")
        or not _closes_at_end(text[2:-2])
    ):
        return pattern
    return _NonDigitBounded(pattern, re.compile(text[2:], pattern.flags))


def _date_patterns() -> dict[tuple[str, str], Any]:
    r"""The patterns ``\D(X)\D`` of htmldate, alone or in a tuple, as :class:`_NonDigitBounded`.

    htmldate's ``search_page`` looks for dates in the page's markup with them, the last of
    its searches, run by :func:`articlekit.readers.html.read_html` on pages where the
    markup's dates and the free text held none (one page in ten).
    """
    core = importlib.import_module("htmldate.core")
    replacements: dict[tuple[str, str], Any] = {}
    for name, value in vars(core).items():
        if not name.isupper():
            continue
        if isinstance(value, tuple):
            faster: Any = tuple(map(_non_digit_bounded, value))
            changed = any(f is not v for f, v in zip(faster, value, strict=True))
        else:
            faster = _non_digit_bounded(value)
            changed = faster is not value
        if changed:
            replacements["htmldate.core", name] = faster
    return replacements


#: The sources of the methods of trafilatura's readability ``Document`` that
#: :func:`_readability_document` rebuilds (trafilatura 2.3), by their SHA-256.
_READABILITY_SOURCE_SHA256 = {
    "class_weight": "d97a398e8ac23fa08a2a665958eec52f18a80bae1fa11f72028d2ed2cab4116c",
    "get_link_density": "5c312c5584ed86565fc3da04bc9b5eac9f8da3f18d14b3f8153e185adb12277e",
    "remove_unlikely_candidates": (
        "6ef38c8475242af9ce59c705f7496bffe575c01007de5586d3f616f1ecfd207c"
    ),
}
#: A case-insensitive pattern of lower-case ASCII words matches an ASCII string as the
#: case-sensitive one matches the string in lower case.
_LOWER_ASCII_WORDS = re.compile(r"[a-z|-]+")


def _readability_document() -> type | None:
    """The readability ``Document`` of trafilatura, three of its steps with fewer Python calls.

    ``class_weight`` (run for every candidate and every block the sanitizer weighs) tests
    class and id with two case-insensitive patterns, slower per character than the same
    patterns on the value in lower case, which an ASCII value gives exactly (the patterns
    are lower-case ASCII words; a value with other characters takes the originals).
    ``get_link_density`` finds the links with ``iterdescendants`` (lxml's C iteration)
    instead of ``findall(".//a")`` (its Python path engine), the same elements in the same
    order. ``remove_unlikely_candidates`` passes over an element without attributes before
    reading its class and id, which it would find empty. None when none of the three is the
    method rebuilt here (each one is replaced only where its source is the one read).
    """
    readability = importlib.import_module("trafilatura.readability_lxml")
    original = getattr(readability, "Document", None)
    regexes = getattr(readability, "REGEXES", None)
    if original is None or not isinstance(regexes, dict):
        return None
    same = set()
    for name, digest in _READABILITY_SOURCE_SHA256.items():
        try:
            source = inspect.getsource(getattr(original, name))
        except (AttributeError, OSError, TypeError):  # pragma: no cover - another layout
            continue
        if hashlib.sha256(source.encode()).hexdigest() == digest:
            same.add(name)
    negative, positive = regexes.get("negativeRe"), regexes.get("positiveRe")
    if not all(
        isinstance(p, re.Pattern)
        and p.flags & re.IGNORECASE
        and isinstance(p.pattern, str)
        and _LOWER_ASCII_WORDS.fullmatch(p.pattern)
        for p in (negative, positive)
    ):
        same.discard("class_weight")
    if not same:
        return None
    # Case-sensitive copies for ASCII values in lower case (used when class_weight is).
    negative_lower = re.compile(str(getattr(negative, "pattern", ""))).search
    positive_lower = re.compile(str(getattr(positive, "pattern", ""))).search
    methods: dict[str, Any] = {"__slots__": ()}

    def class_weight(self: Any, elem: Any) -> float:
        weight = 0
        for attribute in filter(None, (elem.get("class"), elem.get("id"))):
            if attribute.isascii():
                folded = attribute.lower()
                negative_found = negative_lower(folded)
                positive_found = positive_lower(folded)
            else:
                negative_found = regexes["negativeRe"].search(attribute)
                positive_found = regexes["positiveRe"].search(attribute)
            if negative_found:
                weight -= 25
            if positive_found:
                weight += 25
        return weight

    def get_link_density(self: Any, elem: Any) -> float:
        total_length = readability.text_length(elem) or 1
        link_length = sum(readability.text_length(link) for link in elem.iterdescendants("a"))
        return link_length / total_length  # type: ignore[no-any-return]

    def remove_unlikely_candidates(self: Any) -> None:
        verdicts: dict[str, bool] = {}
        unlikely = regexes["unlikelyCandidatesRe"].search
        maybe = regexes["okMaybeItsACandidateRe"].search
        for elem in self.doc.findall(".//*"):
            if not elem.attrib:
                continue  # no class, no id: "" is shorter than 2
            attrs = " ".join(filter(None, (elem.get("class"), elem.get("id"))))
            if len(attrs) < 2 or elem.tag in readability.FRAME_TAGS:
                continue
            verdict = verdicts.get(attrs)
            if verdict is None:
                low = attrs.lower()
                verdict = verdicts[attrs] = bool(unlikely(low)) and not maybe(low)
            if verdict:
                elem.drop_tree()

    for name, method in (
        ("class_weight", class_weight),
        ("get_link_density", get_link_density),
        ("remove_unlikely_candidates", remove_unlikely_candidates),
    ):
        if name in same:
            methods[name] = method
    return type("Document", (original,), methods)


#: The languages dateparser tries while a ``with dateparser_languages(...):`` block runs in this
#: thread or task; None: every locale it has (htmldate's own setting).
_DATEPARSER_LANGUAGES: contextvars.ContextVar[tuple[str, ...] | None] = contextvars.ContextVar(
    "articlekit_dateparser_languages", default=None
)


@functools.lru_cache(maxsize=64)
def _dateparser(languages: tuple[str, ...]) -> Any:
    """Htmldate's dateparser, with its settings, trying ``languages`` only; None if refused."""
    extractors = importlib.import_module("htmldate.extractors")
    own = extractors.get_external_parser()
    try:
        return type(own)(languages=list(languages), settings=own._settings)
    except ValueError:  # a language dateparser does not know: all of them, as htmldate does
        return None


@functools.cache
def _language_replacements() -> dict[tuple[str, str], Any]:
    """Htmldate's date-string parse, cached per string and language, and its dateparser call.

    Empty when this htmldate's ``try_date_expr`` is not a cached function of the expected
    parameters or has no ``_external_date``: then htmldate runs as it is.
    """
    extractors = importlib.import_module("htmldate.extractors")
    cached = getattr(extractors, "try_date_expr", None)
    plain = getattr(cached, "__wrapped__", None)
    own_external = getattr(extractors, "_external_date", None)
    expected = ["string", "outputformat", "extensive_search", "min_date", "max_date"]
    if (
        plain is None
        or own_external is None
        or list(inspect.signature(plain).parameters) != expected
    ):
        return {}
    size = getattr(cached, "cache_info", lambda: None)()
    maxsize = size.maxsize if size is not None else 8192

    @functools.lru_cache(maxsize=maxsize)
    def by_language(
        string: str | None,
        outputformat: str,
        extensive_search: bool,
        min_date: datetime,
        max_date: datetime,
        languages: tuple[str, ...] | None,
    ) -> str | None:
        # ``plain`` reads ``_external_date`` from its module: :func:`external_date` below,
        # which reads the same languages.
        return cast(str | None, plain(string, outputformat, extensive_search, min_date, max_date))

    def try_date_expr(
        string: str | None,
        outputformat: str,
        extensive_search: bool,
        min_date: datetime,
        max_date: datetime,
    ) -> str | None:
        languages = _DATEPARSER_LANGUAGES.get()
        return by_language(string, outputformat, extensive_search, min_date, max_date, languages)

    def external_date(string: str) -> datetime | None:
        languages = _DATEPARSER_LANGUAGES.get()
        parser = _dateparser(languages) if languages is not None else None
        if parser is None:
            return cast(datetime | None, own_external(string))
        try:
            return cast(datetime | None, parser.get_date_data(string)["date_obj"])
        except (OverflowError, ValueError):  # as htmldate's own
            return None

    return {
        ("htmldate.extractors", "try_date_expr"): try_date_expr,
        ("htmldate.core", "try_date_expr"): try_date_expr,
        ("htmldate.extractors", "_external_date"): external_date,
    }


_language_swap = _Swap(_language_replacements)


@contextlib.contextmanager
def dateparser_languages(languages: Sequence[str] | None) -> Iterator[None]:
    """Have htmldate's dateparser try ``languages`` only, in this block (None: all of them).

    htmldate hands dateparser the strings its own patterns cannot read; dateparser then tries
    each of its 200-odd locales, 15 to 20 ms a string that none parses, and compiles their
    patterns on the first (1.5 s in a fresh process). Told the page's language, it tries
    that one. htmldate caches each string's result: here the cache is keyed by the
    languages too, so a page's date never depends on the pages read before it.
    """
    token = _DATEPARSER_LANGUAGES.set(tuple(languages) if languages is not None else None)
    try:
        with _language_swap():
            yield
    finally:
        _DATEPARSER_LANGUAGES.reset(token)
