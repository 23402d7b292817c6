"""A Scrapy item pipeline that cleans each scraped page into Article fields.

An item pipeline sees items, not responses, so the spider puts the page into the item —
``response.text`` in an ``html`` field (or text another extractor pulled out of it in a
``text`` field) and ``response.url`` in ``url`` — and :class:`ArticlekitPipeline` writes the
Article's fields (title, authors, dates, the clean text, what was removed...) into the same
item::

    # settings.py
    ITEM_PIPELINES = {"articlekit.integrations.scrapy.ArticlekitPipeline": 300}

    # the spider
    def parse_article(self, response):
        yield {"url": response.url, "html": response.text}

Items of any kind Scrapy supports work (dicts, ``scrapy.Item``, dataclasses, attrs classes,
through ``itemadapter``); an item class gets the Article fields it declares. A page that
cannot be cleaned never stops the crawl: the item keeps going with an ``articlekit_error``
field (or is dropped, if the settings say so), the failure is logged and counted in the crawl
stats (``articlekit/cleaned``, ``articlekit/no_article``, ``articlekit/failed``).

Settings (all optional):

``ARTICLEKIT_HTML_FIELD`` (``"html"``)
    The item field holding the page's HTML (``str``, or ``bytes`` decoded from the page's
    charset). Cleaned with :func:`~articlekit.clean_html`.
``ARTICLEKIT_TEXT_FIELD`` (``"text"``)
    The item field holding plain text, cleaned with :func:`~articlekit.clean_text` when the
    HTML field is missing or empty (text that starts with ``<`` is cleaned as HTML).
``ARTICLEKIT_URL_FIELD`` (``"url"``)
    The item field holding the page URL.
``ARTICLEKIT_CHARSET_FIELD`` (``"charset"``)
    The item field holding the charset the server declared for ``bytes`` HTML (the
    spider's ``response.encoding``, say): it wins over the page's ``<meta>`` declaration,
    as in a browser (see :func:`~articlekit.clean_html`'s ``charset``).
``ARTICLEKIT_FIELDS`` (:data:`~articlekit.integrations.DEFAULT_FIELDS`)
    The Article fields written into the item (any of
    :data:`~articlekit.integrations.ARTICLE_FIELDS`). A field of the same name is replaced:
    with the default ``text`` field, the item's raw text becomes the clean text.
``ARTICLEKIT_OUTPUT_FIELD`` (``None``)
    When set, the whole Article (:meth:`~articlekit.Article.to_dict`) goes into this one
    field instead.
``ARTICLEKIT_ERROR_FIELD`` (``"articlekit_error"``)
    Where a failure goes: ``{"type": "NoArticleError", "message": "..."}``.
``ARTICLEKIT_DROP_NO_ARTICLE`` (``False``)
    Drop items whose page has no article text (an index page, a gallery); by default they
    are kept with the fields their metadata gives (title, dates) and the error field.
``ARTICLEKIT_DROP_FAILED`` (``False``)
    Drop items that could not be cleaned at all (no page field, not HTML, a failing custom
    cleaner); by default they are kept with the error field.
``ARTICLEKIT_DROP_SOURCE`` (``False``)
    Remove the HTML/text field that was cleaned from the item, so feeds do not carry whole
    pages.
``ARTICLEKIT_PIPELINE`` (``None``)
    The cleaners: a :class:`~articlekit.Pipeline`, or the import path (``"module.NAME"``) of
    one or of a function that returns one. Default: the default pipeline.

Example:
    >>> pipe = ArticlekitPipeline()
    >>> item = pipe.process_item({"url": "https://news.test/a", "html": (
    ...     "<html><head><title>Bridge reopens | The Gazette</title></head><body><article>"
    ...     "<h1>Bridge reopens</h1><p>The old bridge over the river reopened on Monday "
    ...     "after two years of repairs, the city council said.</p><p>Advertisement</p>"
    ...     "</article></body></html>")})
    >>> item["title"], item["text"]
    ('Bridge reopens', 'The old bridge over the river reopened on Monday after two years of repairs, the city council said.')
    >>> [r["reason"] for r in item["removed"]]
    ['title', 'ad_label']
"""  # noqa: E501 - the doctest's expected output is one line

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from articlekit.batch import Record, Result, clean_record
from articlekit.errors import NoArticleError
from articlekit.integrations import DEFAULT_FIELDS, check_fields, require
from articlekit.pipeline import Pipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["ArticlekitPipeline"]

logger = logging.getLogger(__name__)


def _load_pipeline(value: object) -> Pipeline | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        misc = require("scrapy.utils.misc", "scrapy")
        value = misc.load_object(value)
    if callable(value) and not isinstance(value, Pipeline):
        value = value()
    if not isinstance(value, Pipeline):
        msg = f"ARTICLEKIT_PIPELINE must give an articlekit Pipeline, got {type(value).__name__}"
        raise TypeError(msg)
    return value


class ArticlekitPipeline:
    """Scrapy item pipeline: clean the page in each item and write the Article into the item.

    Scrapy builds it with :meth:`from_crawler` from the ``ARTICLEKIT_*`` settings (see the
    module documentation); the keyword arguments are the same settings, for use without a
    crawler.

    Args:
        html_field: The item field holding the page's HTML.
        text_field: The item field holding plain text (used when there is no HTML).
        url_field: The item field holding the page URL.
        charset_field: The item field holding the server's charset for ``bytes`` HTML.
        fields: The Article fields written into the item.
        output_field: When set, the whole Article dict goes into this field instead.
        error_field: The field a failure is written to.
        drop_no_article: Drop items whose page has no article text.
        drop_failed: Drop items that could not be cleaned.
        drop_source: Remove the cleaned HTML/text field from the item.
        pipeline: The cleaners (default pipeline when None).
        stats: Scrapy's stats collector, for the ``articlekit/*`` counters (from the crawler
            when built by :meth:`from_crawler`).

    Raises:
        ValueError: If ``fields`` names something that is not an Article field.
    """

    def __init__(
        self,
        *,
        html_field: str = "html",
        text_field: str = "text",
        url_field: str = "url",
        charset_field: str = "charset",
        fields: Iterable[str] = DEFAULT_FIELDS,
        output_field: str | None = None,
        error_field: str = "articlekit_error",
        drop_no_article: bool = False,
        drop_failed: bool = False,
        drop_source: bool = False,
        pipeline: Pipeline | None = None,
        stats: Any = None,
    ) -> None:
        self.html_field = html_field
        self.text_field = text_field
        self.url_field = url_field
        self.charset_field = charset_field
        self.fields = check_fields(fields)
        self.output_field = output_field or None
        self.error_field = error_field
        self.drop_no_article = drop_no_article
        self.drop_failed = drop_failed
        self.drop_source = drop_source
        self.pipeline = pipeline
        self.stats = stats
        self.crawler: Crawler | None = None
        # Item classes already warned about fields they do not declare (once per class).
        self._warned: set[type] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticlekitPipeline:
        """Build the pipeline from the crawler's ``ARTICLEKIT_*`` settings.

        Args:
            crawler: The crawler (Scrapy passes it).

        Returns:
            The pipeline.
        """
        s = crawler.settings
        pipe = cls(
            html_field=s.get("ARTICLEKIT_HTML_FIELD", "html"),
            text_field=s.get("ARTICLEKIT_TEXT_FIELD", "text"),
            url_field=s.get("ARTICLEKIT_URL_FIELD", "url"),
            charset_field=s.get("ARTICLEKIT_CHARSET_FIELD", "charset"),
            fields=s.getlist("ARTICLEKIT_FIELDS", list(DEFAULT_FIELDS)),
            output_field=s.get("ARTICLEKIT_OUTPUT_FIELD"),
            error_field=s.get("ARTICLEKIT_ERROR_FIELD", "articlekit_error"),
            drop_no_article=s.getbool("ARTICLEKIT_DROP_NO_ARTICLE", False),
            drop_failed=s.getbool("ARTICLEKIT_DROP_FAILED", False),
            drop_source=s.getbool("ARTICLEKIT_DROP_SOURCE", False),
            pipeline=_load_pipeline(s.get("ARTICLEKIT_PIPELINE")),
        )
        # Scrapy sets the crawler's stats when the crawl starts, after building the pipeline.
        pipe.crawler = crawler
        return pipe

    # ``spider`` is optional: Scrapy < 2.13 passes it, newer versions do not.
    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's page and write the Article's fields into the item.

        Args:
            item: The scraped item (any kind ``itemadapter`` supports).
            spider: Ignored (older Scrapy versions pass it).

        Returns:
            The same item, with the Article fields (or the error field) set.

        Raises:
            DropItem: If the page has no article and ``drop_no_article`` is set, or it
                failed and ``drop_failed`` is set.
        """
        adapter = require("itemadapter", "scrapy").ItemAdapter(item)
        result = clean_record(self._record(adapter), self.pipeline)
        if result.ok:
            self._count("cleaned")
        else:
            self._failed(result)
        if self.drop_source:
            for name in (self.html_field, self.text_field):
                if name in adapter:
                    del adapter[name]
        values: dict[str, Any] = {}
        if result.article is not None:
            data = result.article.to_dict()
            if self.output_field is not None:
                values[self.output_field] = data
            else:
                values.update((name, data[name]) for name in self.fields)
        if not result.ok:
            values[self.error_field] = {"type": result.error_type, "message": result.error}
        self._write(adapter, item, values)
        return item

    def _record(self, adapter: Any) -> Record:
        url = adapter.get(self.url_field)
        url = url if isinstance(url, str) and url else None
        where = url or f"item without {self.url_field}"
        html = adapter.get(self.html_field)
        if isinstance(html, (str, bytes)) and html.strip():
            charset = adapter.get(self.charset_field) if isinstance(html, bytes) else None
            charset = charset if isinstance(charset, str) and charset.strip() else None
            return Record(where, None, "html", html, url, charset=charset)
        text = adapter.get(self.text_field)
        if isinstance(text, str):
            if text.lstrip()[:1] == "<":
                return Record(where, None, "html", text, url)
            return Record(where, None, "text", text, url)
        msg = f"the item has no {self.html_field!r} or {self.text_field!r} field with the page"
        return Record(where, None, "error", url=url, error=msg)

    def _failed(self, result: Result) -> None:
        drop_item = require("scrapy.exceptions", "scrapy").DropItem
        if result.error_type == NoArticleError.__name__:
            self._count("no_article")
            logger.debug("articlekit: no article in %s: %s", result.where, result.error)
            if self.drop_no_article:
                raise drop_item(f"articlekit: no article in {result.where}")
            return
        self._count("failed")
        logger.warning(
            "articlekit could not clean %s: %s: %s", result.where, result.error_type, result.error
        )
        if self.drop_failed:
            raise drop_item(f"articlekit could not clean {result.where}: {result.error}")

    def _write(self, adapter: Any, item: Any, values: dict[str, Any]) -> None:
        skipped = []
        for name, value in values.items():
            try:
                adapter[name] = value
            except KeyError:  # an item class that does not declare this field
                skipped.append(name)
        if skipped and type(item) not in self._warned:
            self._warned.add(type(item))
            logger.warning(
                "articlekit: %s does not declare the fields %s; they are not written "
                "(declare them, or set ARTICLEKIT_FIELDS or ARTICLEKIT_OUTPUT_FIELD)",
                type(item).__name__,
                ", ".join(skipped),
            )

    def _count(self, key: str) -> None:
        stats = self.stats
        if stats is None and self.crawler is not None:
            try:
                stats = self.crawler.stats
            except RuntimeError:  # Scrapy >= 2.13 outside a crawl: no stats yet
                stats = getattr(self.crawler, "_stats", None)
        if stats is not None:
            stats.inc_value(f"articlekit/{key}")
