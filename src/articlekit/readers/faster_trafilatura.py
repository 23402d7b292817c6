"""Faster stand-ins for six steps of trafilatura's extraction, with the same results.

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
one matches (0.37 s to 0.2 s for the 100 pages: on many a comment section is there).

:func:`faster_trafilatura` puts them in the places trafilatura calls while articlekit runs it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import inspect
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any

__all__ = ["faster_trafilatura", "outermost", "revise_paragraph_classification"]

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
    discard = _discard_selectors()
    if discard is not None:
        for module in ("trafilatura.main_extractor", "trafilatura.external"):
            replacements[module, "OVERALL_DISCARD_XPATH"] = discard
    core = importlib.import_module("trafilatura.core")
    for name in (
        "RAW_TREE_PRUNE_XPATH",
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        "REMOVE_COMMENTS_XPATH",
    ):
        original = getattr(core, name, None)
        if isinstance(original, list) and original:
            gated = [_gated(expression) for expression in original]
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


# Threads may run trafilatura at once: the first to enter puts the stand-ins in, the last to
# leave puts trafilatura's own back, so a thread leaving can never restore the other's copy.
_LOCK = threading.Lock()
_users = 0
_originals: dict[tuple[str, str], Any] = {}


@contextlib.contextmanager
def faster_trafilatura() -> Iterator[None]:
    """Let trafilatura call the stand-ins of :func:`_replacements`.

    Only while some ``with`` block runs (in any thread): trafilatura's modules are left as
    they were once the last one ends. The stand-ins give the same results as the originals,
    so another caller's trafilatura call in the meantime is only faster, never different.
    """
    global _users
    try:
        replacements = _replacements()
        modules: dict[str, ModuleType] = {
            module: importlib.import_module(module) for module, _ in replacements
        }
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        yield
        return
    with _LOCK:
        if _users == 0:
            # Another trafilatura layout may lack a name: only the ones it has are replaced.
            _originals.clear()
            _originals.update(
                ((module, name), getattr(modules[module], name))
                for module, name in replacements
                if hasattr(modules[module], name)
            )
        replaced = bool(_originals)
        if replaced:
            _users += 1
            for module, name in _originals:
                setattr(modules[module], name, replacements[module, name])
    try:
        yield
    finally:
        if replaced:
            with _LOCK:
                _users -= 1
                if _users == 0:
                    for (module, name), original in _originals.items():
                        setattr(modules[module], name, original)


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
