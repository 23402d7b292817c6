"""The systems under comparison: a registry of small ``page -> Prediction`` functions.

Each system reads one page dict (``html``, ``page_text``, ``url``) and returns a ``Prediction``
with the four scored fields. A system only declares the fields it produces (``fields``): the
others are shown as "-" in the tables rather than counted as misses. Peers are imported lazily,
inside the functions, so a missing package only skips its systems.

A system also declares the input it reads (``needs``): the page's HTML, or plain text, which is
a page's ``page_text`` or, in a plain-text record such as messy-dev's (no HTML, no
``page_text``), its ``text``. A file whose records lack a system's input is not run by it.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any, TypedDict

from benchmarks.metrics import ymd

Page = dict[str, Any]

TEXT = "text"
TITLE = "title"
AUTHORS = "authors"
DATE = "date"
ALL_FIELDS = frozenset({TEXT, TITLE, AUTHORS, DATE})

#: What a system reads: the page's ``html``, or plain text (``page_text``, else ``text``).
HTML = "html"
PLAIN = "plain text"


class Prediction(TypedDict):
    """What a system returns for one page; ``date`` (published) and ``updated`` are YYYY-MM-DD.

    ``updated`` is scored only against a gold date whose ``date_field`` is "updated" (messy-dev);
    peers that give one date give it as ``date``.
    """

    text: str
    title: str | None
    authors: list[str]
    date: str | None
    updated: str | None


ExtractFn = Callable[[Page], Prediction]
ProbeFn = Callable[[], "str | None"]


@dataclass(frozen=True)
class System:
    """One row of the tables."""

    name: str
    extract: ExtractFn
    fields: frozenset[str]
    needs: str  # HTML or PLAIN: the input it reads
    modules: tuple[str, ...]  # imported to check availability
    dists: tuple[str, ...]  # distributions whose versions the report records
    probe: ProbeFn | None = field(default=None, compare=False)

    def unavailable(self) -> str | None:
        """Why the system cannot run here, or None if it can."""
        for module in self.modules:
            try:
                importlib.import_module(module)
            except ImportError as exc:
                return f"cannot import {module} ({exc})"
        return self.probe() if self.probe else None

    def missing_input(self, page: Page) -> str | None:
        """Why the system cannot read ``page`` (a file's first record), or None if it can."""
        if self.needs == HTML and "html" not in page:
            return "needs HTML; these records have no html"
        if self.needs == PLAIN and "page_text" not in page and "text" not in page:
            return "needs plain text; these records have no page_text or text"
        return None


SYSTEMS: dict[str, System] = {}


def register(
    name: str,
    fn: ExtractFn,
    *,
    fields: Iterable[str] = ALL_FIELDS,
    needs: str = HTML,
    modules: Iterable[str] = (),
    dists: Iterable[str] | None = None,
    probe: ProbeFn | None = None,
) -> None:
    """Add a system to the registry (rows keep registration order)."""
    modules = tuple(modules)
    SYSTEMS[name] = System(
        name=name,
        extract=fn,
        fields=frozenset(fields),
        needs=needs,
        modules=modules,
        dists=tuple(modules if dists is None else dists),
        probe=probe,
    )


def prediction(
    text: str | None = None,
    title: str | None = None,
    authors: Iterable[str] | None = None,
    day: date | datetime | str | None = None,
    updated: date | datetime | str | None = None,
) -> Prediction:
    """Build a Prediction: None for an empty title, the dates (``day`` is the published one) as
    YYYY-MM-DD.

    Values are otherwise kept as the system gives them: a blank author name or a date string
    that does not start with YYYY-MM-DD counts against the system, as in the published figures.
    """
    return {
        "text": text or "",
        "title": title or None,
        "authors": list(_flatten(authors or ())),  # as the peer gives them, blanks too
        "date": iso_day(day),
        "updated": iso_day(updated),
    }


def _flatten(items: Iterable[Any]) -> Iterator[str]:
    """Strings of a possibly nested list (goose3 sometimes nests its authors list)."""
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, Iterable):
            yield from _flatten(item)


def iso_day(value: date | datetime | str | None) -> str | None:
    """YYYY-MM-DD of a date, a datetime (its own wall-clock day) or a string starting with it."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ymd(value) if isinstance(value, str) else None


EMPTY = prediction()


def versions(systems: Iterable[System]) -> dict[str, str]:
    """Installed versions of the distributions behind ``systems``."""
    found: dict[str, str] = {}
    for dist in sorted({d for s in systems for d in s.dists}):
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = "not installed"
    if found.get("articlekit") == "not installed":  # a source checkout, not pip-installed
        with contextlib.suppress(ImportError, AttributeError):
            found["articlekit"] = f"{_articlekit().__version__} (src)"
    return found


# --- articlekit --------------------------------------------------------------------------------

_SRC = Path(__file__).resolve().parents[1] / "src"


#: Weights for the article core's region chooser in place of the shipped ones
#: (``python -m benchmarks.train fit --path regions --exclude DATASET``): leave-one-dataset-out.
REGION_WEIGHTS_ENV = "ARTICLEKIT_REGION_WEIGHTS"
#: The page-block model's trees in place of the shipped ones
#: (``python -m benchmarks.train fit --path html --exclude DATASET``): leave-one-dataset-out.
BLOCK_WEIGHTS_ENV = "ARTICLEKIT_BLOCK_WEIGHTS"
#: Weights for the publication-day vote in place of the shipped ones
#: (``python -m benchmarks.date_model fit --exclude DATASET``): leave-one-dataset-out.
DATE_WEIGHTS_ENV = "ARTICLEKIT_DATE_WEIGHTS"
#: Weights for the HTML title vote in place of the shipped ones
#: (``python -m benchmarks.title_model fit --exclude DATASET``): leave-one-dataset-out.
TITLE_WEIGHTS_ENV = "ARTICLEKIT_TITLE_WEIGHTS"
#: Weights for the whole-page text's title chooser in place of the shipped ones
#: (``python -m benchmarks.page_title fit --exclude DATASET``): leave-one-dataset-out.
PAGE_TITLE_WEIGHTS_ENV = "ARTICLEKIT_PAGE_TITLE_WEIGHTS"


def _articlekit() -> Any:
    """Import articlekit, falling back to this checkout's ``src/`` when it is not installed.

    With ``$ARTICLEKIT_REGION_WEIGHTS`` set, the article core's region chooser reads those
    weights instead of the shipped ones (in every process that runs a system); with
    ``$ARTICLEKIT_BLOCK_WEIGHTS``, the HTML reader's page-block model does; with
    ``$ARTICLEKIT_DATE_WEIGHTS``, the publication-day vote; with ``$ARTICLEKIT_TITLE_WEIGHTS``,
    the HTML title vote; with ``$ARTICLEKIT_PAGE_TITLE_WEIGHTS``, whole-page text's title
    chooser.
    """
    try:
        module = importlib.import_module("articlekit")
    except ImportError:
        if not (_SRC / "articlekit").is_dir() or str(_SRC) in sys.path:
            raise
        sys.path.insert(0, str(_SRC))
        module = importlib.import_module("articlekit")
    weights = os.environ.get(REGION_WEIGHTS_ENV)
    regions = importlib.import_module("articlekit.regions")
    if weights and regions._REGION_MODEL is None:
        data = json.loads(Path(weights).read_text("utf-8"))
        regions._REGION_MODEL = regions.RegionModel.from_dict(data)
    _vote_weights(BLOCK_WEIGHTS_ENV, "articlekit.pagemodel", "_BLOCK_MODEL", "HTML_FEATURES")
    _vote_weights(DATE_WEIGHTS_ENV, "articlekit.readers.page_dates", "_DATE_MODEL", "DATE_FEATURES")
    _vote_weights(
        TITLE_WEIGHTS_ENV, "articlekit.readers.title_vote", "_TITLE_MODEL", "TITLE_FEATURES"
    )
    _vote_weights(
        PAGE_TITLE_WEIGHTS_ENV,
        "articlekit.cleaners.page_titles",
        "_PAGE_TITLE_MODEL",
        "PAGE_TITLE_FEATURES",
    )
    return module


def _vote_weights(env: str, module_name: str, slot: str, columns: str) -> None:
    """Put the weights file ``$env`` names, if any, in ``module_name.slot`` (a vote's or the
    page-block model, logistic or trees, in place of the shipped one), checked against the
    module's ``columns``."""
    path = os.environ.get(env)
    module = importlib.import_module(module_name)
    if path and getattr(module, slot) is None:
        scorer = importlib.import_module("articlekit.scorer").scorer_from_dict(
            json.loads(Path(path).read_text("utf-8"))
        )
        scorer.check_columns(getattr(module, columns))
        setattr(module, slot, scorer)


def _articlekit_probe(function: str) -> str | None:
    try:
        module = _articlekit()
    except ImportError as exc:
        return f"articlekit not importable ({exc})"
    if not callable(getattr(module, function, None)):
        return f"articlekit has no {function}() yet"
    return None


def _from_article(article: Any) -> Prediction:
    published, updated = article.published, article.updated
    return prediction(
        article.text,
        article.title,
        list(article.authors),
        published.date() if published else None,
        updated.date() if updated else None,
    )


def articlekit_html(page: Page) -> Prediction:
    module = _articlekit()
    try:
        return _from_article(module.clean_html(page["html"], url=page.get("url")))
    except module.NoArticleError as exc:
        # No text, but the page's metadata (title, date...) is still an answer.
        if getattr(exc, "article", None) is None:
            raise
        return _from_article(exc.article)


#: The block scorer's weights for ``articlekit_scorer`` (``python -m benchmarks.train fit``).
SCORER_WEIGHTS_ENV = "ARTICLEKIT_SCORER_WEIGHTS"


def articlekit_scorer(page: Page) -> Prediction:
    """``clean_html`` with the block scorer of ``$ARTICLEKIT_SCORER_WEIGHTS`` picking the blocks.

    In place of trafilatura's output and the reader's put-back steps (issue 17): run it with
    weights fitted without the dataset it is scored on (``fit --exclude DATASET``).
    """
    _articlekit()
    html_reader = importlib.import_module("articlekit.readers.html")
    if html_reader._BLOCK_SCORER is None:
        from articlekit.scorer import scorer_from_dict

        weights = json.loads(Path(os.environ[SCORER_WEIGHTS_ENV]).read_text("utf-8"))
        scorer = scorer_from_dict(weights)
        scorer.check_columns(importlib.import_module("articlekit.pagemodel").HTML_FEATURES)
        html_reader._BLOCK_SCORER = scorer
    return articlekit_html(page)


def _scorer_probe() -> str | None:
    if not os.environ.get(SCORER_WEIGHTS_ENV):
        return f"set {SCORER_WEIGHTS_ENV} to a weights file (python -m benchmarks.train fit)"
    return _articlekit_probe("clean_html")


def plain_text(page: Page) -> str:
    """A page's ``page_text``, or a plain-text record's ``text`` (messy-dev: no page_text)."""
    return page["page_text"] if "page_text" in page else page["text"]


def articlekit_text(page: Page, *, flat: str | None = None) -> Prediction:
    """``clean_text`` on the plain text (``page_text``, else ``text``); ``flat``: "newlines"
    replaces each newline by a space, "spaces" also collapses every run of white space (no blank
    line left to see)."""
    text = plain_text(page)
    if flat == "newlines":
        text = text.replace("\n", " ")
    elif flat == "spaces":
        text = " ".join(text.split())
    return _from_article(_articlekit().clean_text(text, url=page.get("url")))


# --- trafilatura -------------------------------------------------------------------------------


def trafilatura_(page: Page, *, favor_precision: bool = False) -> Prediction:
    """One call for text and metadata.

    The text is the body as ``extract(html, include_comments=False)`` returns it: with
    ``with_metadata=True`` extract() would prepend a YAML header (title, url, date...), which
    costs 0.065 F1 on l3s-gn1 and is not how the published 0.903 was measured.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        page["html"],
        url=page.get("url"),
        include_comments=False,
        favor_precision=favor_precision,
        with_metadata=True,
    )
    if doc is None or isinstance(doc, dict):  # None when trafilatura finds nothing
        return EMPTY
    authors = doc.author.split(";") if doc.author else []  # trafilatura joins them with "; "
    return prediction(doc.text, doc.title, authors, doc.date)


# --- other peers -------------------------------------------------------------------------------


def page_text(page: Page) -> Prediction:
    return prediction(plain_text(page))


def readability_(page: Page) -> Prediction:
    import html_text
    from readability import Document

    doc = Document(page["html"])
    text = html_text.extract_text(doc.summary(html_partial=True))
    return prediction(text, doc.short_title())  # title() keeps the " | Site name" suffix


def newspaper4k(page: Page) -> Prediction:
    import newspaper

    # fetch_images=False: otherwise it downloads every image to pick the top one
    article = newspaper.article(page.get("url") or "", input_html=page["html"], fetch_images=False)
    return prediction(article.text, article.title, article.authors, article.publish_date)


@cache
def _goose() -> Any:
    from goose3 import Goose

    return Goose()


def goose3(page: Page) -> Prediction:
    article = _goose().extract(raw_html=page["html"])
    # publish_date is the page's own date string; publish_datetime_utc may shift the day
    return prediction(article.cleaned_text, article.title, article.authors, article.publish_date)


def justext_(page: Page) -> Prediction:
    import justext

    # bytes, as jusText documents it (it decodes by the page's charset): the published figures
    stoplist = justext.get_stoplist("English")  # English everywhere, as published
    paragraphs = justext.justext(page["html"].encode("utf-8"), stoplist)
    return prediction("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def resiliparse(page: Page) -> Prediction:
    from resiliparse.extract.html2text import extract_plain_text

    return prediction(extract_plain_text(page["html"], main_content=True))


def boilerpy3(page: Page) -> Prediction:
    from boilerpy3.extractors import ArticleExtractor

    # raise_on_failure=False keeps what it parsed of malformed pages (the published figures do)
    return prediction(ArticleExtractor(raise_on_failure=False).get_content(page["html"]))


def htmldate_(page: Page) -> Prediction:
    from htmldate import find_date

    return prediction(day=find_date(page["html"], extensive_search=True, original_date=True))


def _register_all() -> None:
    articlekit_systems: list[tuple[str, ExtractFn, str]] = [
        ("articlekit_html", articlekit_html, "clean_html"),
        ("articlekit_text", articlekit_text, "clean_text"),
        ("articlekit_text_flat", partial(articlekit_text, flat="newlines"), "clean_text"),
        ("articlekit_text_oneline", partial(articlekit_text, flat="spaces"), "clean_text"),
    ]
    for name, fn, function in articlekit_systems:
        needs = HTML if function == "clean_html" else PLAIN
        register(
            name,
            fn,
            needs=needs,
            dists=["articlekit"],
            probe=partial(_articlekit_probe, function),
        )
    register("articlekit_scorer", articlekit_scorer, dists=["articlekit"], probe=_scorer_probe)
    register("page_text", page_text, fields={TEXT}, needs=PLAIN, dists=())
    register("trafilatura", trafilatura_, modules=["trafilatura"])
    register(
        "trafilatura_precision",
        partial(trafilatura_, favor_precision=True),
        modules=["trafilatura"],
    )
    register(
        "readability",
        readability_,
        fields={TEXT, TITLE},
        modules=["readability", "html_text"],
        dists=["readability-lxml", "html-text"],
    )
    register("newspaper4k", newspaper4k, modules=["newspaper"], dists=["newspaper4k"])
    register("goose3", goose3, modules=["goose3"])
    register("justext", justext_, fields={TEXT}, modules=["justext"], dists=["jusText"])
    register("resiliparse", resiliparse, fields={TEXT}, modules=["resiliparse"])
    register("boilerpy3", boilerpy3, fields={TEXT}, modules=["boilerpy3"])
    register("htmldate", htmldate_, fields={DATE}, modules=["htmldate"])


_register_all()
