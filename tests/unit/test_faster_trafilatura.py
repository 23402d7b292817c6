"""The stand-ins of ``articlekit.readers.faster_trafilatura`` against trafilatura's own steps.

Each stand-in must give what the step it replaces gives: the same elements selected, in the
same order, or the same string. The pages here are written by hand or made at random.
"""

from __future__ import annotations

import importlib
import random
import re

from lxml import html as lxml_html

from articlekit.readers.faster_trafilatura import _replacements, faster_trafilatura
from random_pages import random_page


def test_the_invalid_character_pattern_deletes_what_trafilaturas_deletes() -> None:
    # The characters listed are exactly those the pattern matches, and a page with or
    # without them comes out as trafilatura's own substitution leaves it.
    utils = importlib.import_module("trafilatura.utils")
    ours = _replacements()["trafilatura.utils", "INVALID_XML_CHARS"]
    theirs = utils.INVALID_XML_CHARS
    matched = [chr(c) for c in range(0x110000) if theirs.match(chr(c))]
    assert list(ours.characters) == matched
    pages = [
        "<html><body><p>Plain text, é and ✓.</p></body></html>",
        "<html>\x00<body>\x08tab\there\x0b\x0cline\nend\x1f\ufffe\uffff</body></html>",
        "",
        "\x01",
    ]
    for page in pages:
        assert ours.sub("", page) == theirs.sub("", page)
    with faster_trafilatura():
        assert utils.INVALID_XML_CHARS is ours
        assert utils.repair_faulty_html(pages[1], pages[1][:50].lower()) == (
            "<html><body>tab\thereline\nend</body></html>"
        )
    assert utils.INVALID_XML_CHARS is theirs


_BODY_TAGS = ["article", "div", "main", "section", "p", "span", "item", "list", "b"]
_BODY_ATTRIBUTES = {
    "class": [
        "",
        "post",
        "entry",
        "x post-body",
        "ArticleContent",
        "Fulltext x",
        "article main",
        "text",
        "story",
        "content",
        "Main-Content",
        "x Page-content",
        "content_main",
        "postarea",
        "cell",
        "teaser",
        "Teaser-x",
        "caption",
    ],
    "id": [
        "",
        "articleContent",
        "article-body",
        "primary-x",
        "story",
        "article",
        "content",
        "contentBody",
        "Main-Content",
        "xTeaser",
        "caption",
    ],
    "itemprop": ["articleBody", "x"],
    "role": ["article", "main", "x"],
}


def test_the_body_selections_find_the_element_trafilaturas_find() -> None:
    # trafilatura's main extractor takes the first element a body expression selects: the
    # stand-ins select that one, on random pages with and without one to find.
    xpaths = importlib.import_module("trafilatura.xpaths")
    ours = _replacements()["trafilatura.main_extractor", "BODY_XPATH"]
    theirs = xpaths.BODY_XPATH
    assert ours[1] is theirs[1] and ours[4] is theirs[4]  # left as they are
    rng = random.Random(23)
    found = [0] * len(theirs)
    for _ in range(600):
        page = random_page(rng, _BODY_TAGS, _BODY_ATTRIBUTES)
        tree = lxml_html.fromstring(f"<html><body>{page}</body></html>")
        for k in (0, 2, 3):
            expected = theirs[k](tree)
            assert ours[k](tree) == expected[:1], (k, page)
            found[k] += bool(expected)
    assert min(found[k] for k in (0, 2, 3)) > 100 and max(found) < 600  # found, and not


def test_the_teaser_and_caption_selections_select_what_trafilaturas_select() -> None:
    xpaths = importlib.import_module("trafilatura.xpaths")
    rng = random.Random(29)
    for name in ("TEASER_DISCARD_XPATH", "DISCARD_IMAGE_ELEMENTS"):
        (ours,) = _replacements()["trafilatura.main_extractor", name]
        (theirs,) = getattr(xpaths, name)
        selected = 0
        for _ in range(400):
            page = random_page(rng, _BODY_TAGS, _BODY_ATTRIBUTES)
            tree = lxml_html.fromstring(f"<html><body>{page}</body></html>")
            expected = theirs(tree)
            assert ours(tree) == expected, (name, page)
            selected += len(expected)
        assert selected > 100


def test_a_body_expression_of_another_trafilatura_is_left_as_it_is(monkeypatch) -> None:
    # The selections are rebuilt only from the expressions they were written for.
    from lxml import etree

    from articlekit.readers import faster_trafilatura as ft

    xpaths = importlib.import_module("trafilatura.xpaths")
    changed = re.sub("articleBody'", "articleText'", xpaths.BODY_XPATH[0].path, count=1)
    assert changed != xpaths.BODY_XPATH[0].path
    exslt = {"re": "http://exslt.org/regular-expressions"}
    other = etree.XPath(changed, namespaces=exslt)
    monkeypatch.setattr(xpaths, "BODY_XPATH", [other, *xpaths.BODY_XPATH[1:]])
    assert ft._body_selectors() is None
    # White space where the template has some, the quoted strings as they stand.
    assert ft._template_patterns("a[ @x='{}' ]", "  a[\n  @x='b  c']\n") == ("b  c",)
    assert ft._template_patterns("a[@x='{}']", "a[@y='b']") is None


def test_the_share_button_prune_selects_what_trafilaturas_selects() -> None:
    # The raw-tree prune of boxes whose class holds a word, on random pages.
    core = importlib.import_module("trafilatura.core")
    if not hasattr(core, "RAW_TREE_PRUNE_XPATH"):
        # trafilatura before 2.3 (the lower bound, 2.2) prunes no raw tree: nothing is put
        # in the place of a selection it does not make.
        assert ("trafilatura.core", "RAW_TREE_PRUNE_XPATH") not in _replacements()
        return
    theirs = core.RAW_TREE_PRUNE_XPATH[1]
    assert "contains(@class, 'elementor-share-buttons')" in theirs.path
    ours = _replacements()["trafilatura.core", "RAW_TREE_PRUNE_XPATH"][1]
    assert ours is not theirs
    values = {
        "class": ["", "x elementor-share-buttons", "elementor-share", "Elementor-share-buttons"],
        "id": ["", "elementor-share-buttons"],
    }
    rng = random.Random(31)
    selected = 0
    for _ in range(400):
        page = random_page(rng, ["div", "section", "aside", "p", "span"], values)
        tree = lxml_html.fromstring(f"<html><body>{page}</body></html>")
        expected = theirs(tree)
        assert ours(tree) == expected, page
        selected += len(expected)
    assert selected > 100


def test_the_date_patterns_find_all_that_htmldates_find() -> None:
    # Every htmldate pattern of the form \D(X)\D, and a few written here, on random strings
    # of digits, separators and letters (dates next to dates, digits before a date).
    from articlekit.readers.faster_trafilatura import _non_digit_bounded

    date_core = importlib.import_module("htmldate.core")
    replaced = [
        name
        for (module, name) in _replacements()
        if module == "htmldate.core" and name != "THREE_COMP_PATTERNS"
    ]
    assert {"THREE_LOOSE_PATTERN", "SELECT_YMD_PATTERN", "YYYYMM_PATTERN"} <= set(replaced)
    patterns = [getattr(date_core, name) for name in replaced] + [
        re.compile(r"\D([0-9]{2}|[a-z]\d)\D"),
        re.compile(r"\D([(]?[0-9]+[)]?)\D"),
        re.compile(r"\D(1[\]0-2]?)\D"),
    ]
    rng = random.Random(37)
    found = 0
    for pattern in patterns:
        ours = _non_digit_bounded(pattern)
        assert ours is not pattern
        for _ in range(300):
            text = "".join(rng.choice("0123456789/.-a ()]") for _ in range(rng.randint(0, 60)))
            text += "2024-05-06 x12.10.2023 05/2024 2023/11 "[: rng.randint(0, 40)]
            expected = pattern.findall(text)
            assert ours.findall(text) == expected, (pattern.pattern, text)
            found += len(expected)
        assert ours.pattern == pattern.pattern
        assert str(ours.search("a12b")) == str(pattern.search("a12b"))  # the original's
    assert found > 1000
    # Not of the form: a group that does not span X, or more groups than one.
    for other in (r"\D(a)|(?:b)\D", r"\D(a)(b)\D", r"\D(?:a)\D", r"(\Da\D)", r"\D([(])\D(b)"):
        assert _non_digit_bounded(re.compile(other)).__class__ is re.Pattern, other


_READABILITY_ATTRIBUTES = {
    "class": [
        "",
        "Article-Body",
        "sidebar",
        "comment main",
        "FOOTER",
        "\u017fidebar",  # long s: the case-insensitive pattern takes it for "s"
        "post-\u212aey",  # Kelvin sign, a "k" to the case-insensitive pattern
        "menu content",
        "x",
    ],
    "id": ["", "Content", "header", "promo-box", "story", "\u0130tem"],
}


def test_the_readability_document_summarises_as_trafilaturas() -> None:
    # Random pages of paragraphs, links and boxes with weighed classes and ids: the same
    # summary, and the same class weights and link densities element by element.
    from lxml import etree

    readability = importlib.import_module("trafilatura.readability_lxml")
    ours = _replacements().get(("trafilatura.external", "ReadabilityDocument"))
    if ours is None:  # another trafilatura: its own class runs
        return
    theirs = readability.Document
    assert issubclass(ours, theirs)
    rng = random.Random(43)
    tags = ["div", "p", "a", "td", "ul", "li", "h2", "section", "span"]
    words = " Some words, and more words, of a sentence long enough to count. " * 2
    for _ in range(300):
        page = random_page(rng, tags, _READABILITY_ATTRIBUTES).replace(">t<", f">{words}<")
        html = f"<html><body>{page}</body></html>"
        mine, original = ours(lxml_html.fromstring(html)), theirs(lxml_html.fromstring(html))
        for a, b in zip(mine.doc.iter(), original.doc.iter(), strict=True):
            assert mine.class_weight(a) == original.class_weight(b), etree.tostring(a)
            assert mine.get_link_density(a) == original.get_link_density(b)
        assert mine.summary() == original.summary(), html
