"""The Scrapy item pipeline: a real crawl of fixture pages served on 127.0.0.1, and unit cases.

The crawl runs ``scrapy runspider`` in a subprocess (Twisted's reactor cannot be restarted
inside the test process) against pages served by ``http.server`` from tests/fixtures/courier/.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import scrapy
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

import articlekit
from articlekit.errors import MissingDependencyError
from articlekit.integrations.scrapy import ArticlekitPipeline

pytestmark = pytest.mark.integration

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "courier"

SPIDER = """
import scrapy


class NewsSpider(scrapy.Spider):
    name = "news"
    custom_settings = {
        "ITEM_PIPELINES": {"articlekit.integrations.scrapy.ArticlekitPipeline": 300},
        "ARTICLEKIT_DROP_SOURCE": True,
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
    }

    def __init__(self, start, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response):
        for href in response.css("a.story::attr(href)").getall():
            yield response.follow(href, self.parse_page)

    def parse_page(self, response):
        field = "text" if response.url.endswith(".txt") else "html"
        yield {"url": response.url, field: response.text}
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _env():
    # The subprocess imports the articlekit this test imported (source tree or installed).
    src = str(Path(articlekit.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}


def test_a_real_crawl_cleans_every_page_into_article_fields(site, tmp_path):
    spider = tmp_path / "news_spider.py"
    spider.write_text(SPIDER, encoding="utf-8")
    out = tmp_path / "items.jsonl"
    command = [sys.executable, "-m", "scrapy", "runspider", str(spider)]
    command += ["-a", f"start={site}/index.html", "-O", str(out), "-s", "LOG_LEVEL=INFO"]
    done = subprocess.run(
        command, cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    items = {
        item["url"].removeprefix(site): item
        for item in map(json.loads, out.read_text(encoding="utf-8").splitlines())
    }
    assert sorted(items) == [
        "/business/harbour.html",
        "/gallery.html",
        "/wire/ferry.txt",
        "/world/bridge.html",
    ]

    bridge = items["/world/bridge.html"]
    assert bridge["title"] == "Old river bridge reopens after two years of repairs"
    assert bridge["authors"] == ["Maria Lindqvist"]
    assert bridge["section"] == "World"
    assert bridge["published"] == "2025-03-04T08:15:00+00:00"
    assert bridge["text"].startswith("The old stone bridge across the river reopened")
    for junk in ("Advertisement", "Read more", "tram line", "Late goal", "Privacy"):
        assert junk not in bridge["text"]
    assert {"ad_label", "related_link"} <= {r["reason"] for r in bridge["removed"]}
    assert "html" not in bridge and "articlekit_error" not in bridge  # ARTICLEKIT_DROP_SOURCE

    harbour = items["/business/harbour.html"]
    assert harbour["authors"] == ["Tomas Berg"] and harbour["section"] == "Business"
    assert "Cheap flights" not in harbour["text"] and "Subscribe" not in harbour["text"]
    assert harbour["text"].endswith("berth at high and low tide.")

    # The plain-text page went through clean_text, its raw text replaced by the clean text.
    ferry = items["/wire/ferry.txt"]
    assert ferry["title"] == "Ferry timetable changes from Monday"
    assert ferry["authors"] == ["Ines Moreau"]
    assert "Advertisement" not in ferry["text"] and "Share this" not in ferry["text"]
    assert ferry["text"].startswith("The island ferry will leave the harbour")

    # A page without an article is kept (the default) with what its metadata says.
    gallery = items["/gallery.html"]
    assert gallery["articlekit_error"]["type"] == "NoArticleError"
    assert gallery["title"].startswith("Pictures of the week") and gallery["text"] == ""

    assert "'articlekit/cleaned': 3" in done.stderr
    assert "'articlekit/no_article': 1" in done.stderr


# --- the pipeline without a crawl ------------------------------------------------------------

PAGE = (SITE / "world" / "bridge.html").read_text(encoding="utf-8")
GALLERY = (SITE / "gallery.html").read_text(encoding="utf-8")


def test_dict_items_get_the_article_fields():
    item = ArticlekitPipeline().process_item({"url": "https://courier.test/b", "html": PAGE})
    assert item["title"] == "Old river bridge reopens after two years of repairs"
    assert item["published"] == "2025-03-04T08:15:00+00:00"
    assert "Advertisement" not in item["text"]
    assert item["html"] == PAGE  # kept unless ARTICLEKIT_DROP_SOURCE
    assert "blocks" not in item and "articlekit_error" not in item


def test_the_markup_fields_are_written_when_asked_for():
    fields = ["title", "canonical_url", "image", "images", "tags"]
    page = (SITE.parent / "html" / "news_images_tags.html").read_text(encoding="utf-8")
    item = ArticlekitPipeline(fields=fields).process_item({"url": "https://x.test/a", "html": page})
    article = articlekit.clean_html(page, url="https://x.test/a")
    assert item["tags"] == list(article.tags) and item["image"] == article.image
    assert item["images"] == article.to_dict()["images"] and len(item["images"]) == 3
    assert item["canonical_url"] == "https://orbit.example/science/probe-lands-on-comet"


def test_html_in_bytes_is_decoded_from_the_page():
    page = PAGE.replace("two years", "zwei Jahre").encode("utf-8")
    item = ArticlekitPipeline().process_item({"html": page})
    assert "zwei Jahre" in item["text"]


def test_the_server_s_charset_in_the_item_decodes_bytes():
    # A KOI8-R page that does not say so itself: the server's charset tells.
    russian = "Старый мост через реку снова открыт после двух лет ремонта, сообщили в мэрии."
    page = PAGE.replace("</article>", f"<p>{russian}</p></article>").encode("koi8-r", "replace")
    told = ArticlekitPipeline().process_item({"html": page, "charset": "koi8-r"})
    assert russian in told["text"]
    untold = ArticlekitPipeline().process_item({"html": page})
    assert russian not in untold["text"]
    # Another field, by the setting's name.
    other = ArticlekitPipeline(charset_field="encoding").process_item(
        {"html": page, "encoding": "koi8-r"}
    )
    assert russian in other["text"]


class _Story(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    title = scrapy.Field()
    text = scrapy.Field()


@dataclasses.dataclass
class _Page:
    url: str
    html: str
    article: dict | None = None


def test_item_classes_get_the_fields_they_declare_and_one_warning(caplog):
    pipe = ArticlekitPipeline()
    with caplog.at_level(logging.WARNING, logger="articlekit.integrations.scrapy"):
        first = pipe.process_item(_Story(url="https://courier.test/b", html=PAGE))
        pipe.process_item(_Story(url="https://courier.test/c", html=PAGE))
    assert first["title"] == "Old river bridge reopens after two years of repairs"
    assert "Advertisement" not in first["text"]
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "_Story does not declare the fields subtitle, authors" in warnings[0]


def test_output_field_holds_the_whole_article_for_a_dataclass_item():
    crawler = get_crawler(settings_dict={"ARTICLEKIT_OUTPUT_FIELD": "article"})
    pipe = ArticlekitPipeline.from_crawler(crawler)
    item = pipe.process_item(_Page(url="https://courier.test/b", html=PAGE))
    assert item.article["title"] == "Old river bridge reopens after two years of repairs"
    assert item.article["url"] == "https://courier.test/b"
    assert item.article["blocks"][0]["text"].startswith("The old stone bridge")
    assert articlekit.Article.from_dict(item.article).text == item.article["text"]


def test_page_without_article_is_kept_or_dropped_as_the_settings_say():
    kept = ArticlekitPipeline().process_item({"url": "https://courier.test/g", "html": GALLERY})
    assert kept["articlekit_error"]["type"] == "NoArticleError"
    crawler = get_crawler(settings_dict={"ARTICLEKIT_DROP_NO_ARTICLE": True})
    pipe = ArticlekitPipeline.from_crawler(crawler)
    with pytest.raises(DropItem, match=r"no article in https://courier\.test/g"):
        pipe.process_item({"url": "https://courier.test/g", "html": GALLERY})


def test_a_bad_item_is_logged_and_kept_or_dropped_never_raised(caplog):
    pipe = ArticlekitPipeline()
    with caplog.at_level(logging.WARNING, logger="articlekit.integrations.scrapy"):
        item = pipe.process_item({"url": "https://courier.test/x", "body": "<p>elsewhere</p>"})
        not_html = pipe.process_item({"url": "https://courier.test/y", "html": "plain words"})
    assert item["articlekit_error"] == {
        "type": "InputError",
        "message": "the item has no 'html' or 'text' field with the page",
    }
    assert not_html["articlekit_error"]["type"] == "InputError"
    assert "title" not in item
    assert len(caplog.records) == 2
    assert "could not clean https://courier.test/x" in caplog.records[0].getMessage()
    crawler = get_crawler(settings_dict={"ARTICLEKIT_DROP_FAILED": True})
    with pytest.raises(DropItem):
        ArticlekitPipeline.from_crawler(crawler).process_item({"url": "https://courier.test/x"})


def test_stats_count_each_outcome():
    stats = MemoryStatsCollector(get_crawler())
    pipe = ArticlekitPipeline(text_field="body", stats=stats)
    pipe.process_item({"body": "Talks resumed in Istanbul on Monday, officials said."})
    pipe.process_item({"html": GALLERY})
    pipe.process_item({"nothing": 1})
    assert stats.get_value("articlekit/cleaned") == 1
    assert stats.get_value("articlekit/no_article") == 1
    assert stats.get_value("articlekit/failed") == 1


def test_pipeline_setting_takes_a_pipeline_an_import_path_or_a_factory():
    without_ads = articlekit.DEFAULT_PIPELINE.without("remove_ad_labels")
    for value in (without_ads, lambda: without_ads):
        pipe = ArticlekitPipeline.from_crawler(
            get_crawler(settings_dict={"ARTICLEKIT_PIPELINE": value})
        )
        assert "Advertisement" in pipe.process_item({"html": PAGE})["text"]
    by_path = get_crawler(settings_dict={"ARTICLEKIT_PIPELINE": "articlekit.DEFAULT_PIPELINE"})
    assert ArticlekitPipeline.from_crawler(by_path).pipeline is articlekit.DEFAULT_PIPELINE
    with pytest.raises(TypeError, match="must give an articlekit Pipeline, got int"):
        ArticlekitPipeline.from_crawler(get_crawler(settings_dict={"ARTICLEKIT_PIPELINE": 3}))


def test_unknown_article_field_fails_at_construction():
    with pytest.raises(ValueError, match="unknown Article field 'body'"):
        ArticlekitPipeline.from_crawler(
            get_crawler(settings_dict={"ARTICLEKIT_FIELDS": "title,body"})
        )


def test_missing_scrapy_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "itemadapter", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'articlekit\[scrapy\]'"):
        ArticlekitPipeline().process_item({"html": PAGE})
