"""Dask: the same rows as one process, on a real distributed.LocalCluster with 2 workers.

JSON Lines and WARC in, JSON Lines and Parquet out; a dataframe of pages; cleaners built on
the workers. One cluster for the module (starting one takes seconds).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from functools import partial
from pathlib import Path

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import articlekit
from articlekit.batch import clean_records, read_inputs
from articlekit.errors import MissingDependencyError
from articlekit.integrations.dask import (
    clean_bag,
    clean_dataframe,
    read_pages,
    to_frame,
    to_jsonl,
    to_parquet,
)
from warc_pages import warc_record

pytestmark = pytest.mark.integration

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "courier"
BRIDGE = (SITE / "world" / "bridge.html").read_text(encoding="utf-8")
HARBOUR = (SITE / "business" / "harbour.html").read_text(encoding="utf-8")
GALLERY = (SITE / "gallery.html").read_text(encoding="utf-8")
FERRY = (SITE / "wire" / "ferry.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """A JSON Lines file (one bad line) and a gzipped WARC file, as a crawl leaves them."""
    folder = tmp_path_factory.mktemp("crawl")
    lines = [
        json.dumps({"id": 1, "url": "https://courier.test/ferry", "text": FERRY}),
        "{not json",
        json.dumps({"id": 3, "url": "https://courier.test/bridge", "html": BRIDGE}),
        json.dumps({"id": 4, "url": "https://courier.test/nothing"}),
    ]
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    warc = (
        warc_record("https://courier.test/harbour", HARBOUR.encode())
        + warc_record("https://courier.test/harbour", b"GET / HTTP/1.1", kind="request")
        + warc_record("https://courier.test/logo.png", b"\x89PNG", ctype="image/png")
        + warc_record("https://courier.test/gallery", GALLERY.encode())
    )
    (folder / "crawl.warc.gz").write_bytes(gzip.compress(warc))
    return [str(folder / "pages.jsonl"), str(folder / "crawl.warc.gz")]


@pytest.fixture(scope="module")
def client():
    # The workers import the articlekit this test imported (source tree or installed).
    src = str(Path(articlekit.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (src, path) if p)
    try:
        with (
            LocalCluster(
                n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
    finally:
        if path is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = path


@pytest.fixture(scope="module")
def cleaned(client, crawl):
    """The crawl cleaned on the cluster once, kept in the workers' memory."""
    return clean_bag(read_pages(crawl)).persist()


def _single_process(files):
    # What `articlekit clean` writes, as JSON (so tuples and lists compare equal).
    return [json.loads(json.dumps(r.to_dict())) for r in clean_records(read_inputs(files))]


def test_the_cluster_has_two_worker_processes(client):
    pids = client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()


def test_jsonl_and_warc_in_jsonl_out_equal_one_process(cleaned, crawl, tmp_path):
    assert cleaned.npartitions == 2  # one per file
    files = to_jsonl(cleaned, str(tmp_path / "out"))
    assert [Path(f).name for f in files] == ["00000.jsonl", "00001.jsonl"]
    written = [json.loads(line) for f in files for line in Path(f).read_text().splitlines()]
    expected = _single_process(crawl)
    assert written == expected
    # The crawl's outcomes, so that equal-but-empty output cannot pass.
    assert [(r["record"], r.get("error", {}).get("type")) for r in written] == [
        (1, None),
        (2, "InputError"),
        (3, None),
        (4, "InputError"),
        (1, None),
        (3, "NoArticleError"),  # response 2 is the image
    ]
    assert written[0]["id"] == 1 and written[0]["authors"] == ["Ines Moreau"]
    assert written[4]["url"] == "https://courier.test/harbour"
    assert "Advertisement" not in written[2]["text"]


def test_parquet_out_has_the_same_articles_as_one_process(cleaned, crawl, tmp_path):
    rows = cleaned.repartition(npartitions=3)
    to_parquet(rows, str(tmp_path / "pq"), extra_columns={"id": "Int64"})
    assert len(list((tmp_path / "pq").glob("*.parquet"))) == 3
    table = pd.read_parquet(tmp_path / "pq")
    expected = _single_process(crawl)
    assert list(table["path"]) == [r["path"] for r in expected]
    assert list(table["record"]) == [r["record"] for r in expected]
    assert [None if pd.isna(v) else v for v in table["id"]] == [r.get("id") for r in expected]
    assert [None if pd.isna(v) else v for v in table["title"]] == [r.get("title") for r in expected]
    assert [None if pd.isna(v) else v for v in table["text"]] == [r.get("text") for r in expected]
    assert [list(v) for v in table["authors"]] == [r.get("authors", []) for r in expected]
    assert [[x["reason"] for x in v] for v in table["removed"]] == [
        [x["reason"] for x in r.get("removed", [])] for r in expected
    ]
    assert [None if pd.isna(v) else v for v in table["error_type"]] == [
        r["error"]["type"] if "error" in r else None for r in expected
    ]


def test_a_dataframe_of_pages_gets_article_columns(client, tmp_path):
    pages = pd.DataFrame(
        {
            "url": ["https://courier.test/bridge", "https://courier.test/g", None, "x"],
            "page": [BRIDGE, GALLERY, FERRY, None],
            "text": ["raw", "raw", "raw", "raw"],
        }
    )
    frame = clean_dataframe(dd.from_pandas(pages, npartitions=2), column="page")
    got = frame.compute()
    assert list(got.columns) == [
        "url",
        "page",
        "title",
        "subtitle",
        "authors",
        "section",
        "source",
        "language",
        "published",
        "updated",
        "date_assumptions",
        "text",
        "removed",
        "error_type",
        "error",
    ]
    bridge = articlekit.clean_html(BRIDGE, url="https://courier.test/bridge")
    ferry = articlekit.clean_text(FERRY)
    assert list(got["text"][:1]) + list(got["text"][2:3]) == [bridge.text, ferry.text]
    assert list(got["authors"].iloc[0]) == list(bridge.authors)
    assert list(got["error_type"].fillna("")) == ["", "NoArticleError", "", "InputError"]
    to_parquet(frame, str(tmp_path / "pq"))
    back = pd.read_parquet(tmp_path / "pq")
    assert list(back["title"].fillna("")) == list(got["title"].fillna(""))
    assert [list(r) for r in back["removed"]] == [list(r) for r in got["removed"]]


def test_make_pipeline_builds_the_cleaners_on_the_workers(client, crawl):
    keep_ads = partial(articlekit.DEFAULT_PIPELINE.without, "remove_ad_labels")
    rows = clean_bag(read_pages(crawl[:1]), make_pipeline=keep_ads).compute()
    assert "Advertisement" in rows[2]["text"]
    assert "ad_label" not in {r["reason"] for r in rows[2]["removed"]}


# --- without a cluster -----------------------------------------------------------------------


def test_bag_of_strings_and_dicts_with_a_kind_and_a_field():
    html_like = "<b>Talks</b> resumed in Istanbul on Monday, officials said."
    pages = db.from_sequence([FERRY, {"body": html_like}, 42], npartitions=2)
    with dask.config.set(scheduler="sync"):
        rows = clean_bag(pages, field_name="body", kind="text", source="mixed").compute()
    assert rows[0]["authors"] == ["Ines Moreau"] and rows[0]["path"] == "mixed"
    assert rows[1]["text"] == html_like  # as text: clean_html would drop the tags
    assert rows[2]["error"]["message"] == "a int, not a Record, a dict or a page string"


def test_to_frame_keeps_the_order_and_the_extra_columns(crawl):
    with dask.config.set(scheduler="sync"):
        frame = to_frame(
            clean_bag(read_pages(crawl)), fields=["title"], extra_columns={"id": "Int64"}
        )
        got = frame.compute()
    assert list(got.columns) == ["path", "record", "url", "id", "title", "error_type", "error"]
    assert list(got["record"]) == [1, 2, 3, 4, 1, 3]
    # A line that is not JSON has no fields to keep; an object without a page keeps its id
    # (as in `articlekit clean`), so its failure joins back to the input.
    assert list(got["id"].fillna(0)) == [1, 0, 3, 4, 0, 0]


def test_the_markup_fields_are_typed_columns_that_survive_parquet(tmp_path):
    html = (SITE.parent / "html" / "news_images_tags.html").read_text(encoding="utf-8")
    fields = ["canonical_url", "image", "images", "tags"]
    with dask.config.set(scheduler="sync"):
        pages = db.from_sequence([{"html": html}, {"text": FERRY}])
        frame = to_frame(clean_bag(pages), fields=fields)
        got = frame.compute()
        to_parquet(frame, str(tmp_path / "pq"))
    article = articlekit.clean_html(html)
    assert list(got["canonical_url"])[:1] == [article.canonical_url]
    assert list(got["tags"].iloc[0]) == list(article.tags) and list(got["tags"].iloc[1]) == []
    assert [dict(i) for i in got["images"].iloc[0]] == article.to_dict()["images"]
    back = pd.read_parquet(tmp_path / "pq")
    assert [list(t) for t in back["tags"]] == [list(article.tags), []]
    assert [i["src"] for i in back["images"].iloc[0]] == [i.src for i in article.images]


def test_bad_arguments_fail_before_anything_runs():
    bag = db.from_sequence([FERRY])
    with pytest.raises(ValueError, match="kind must be"):
        clean_bag(bag, kind="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown Article field 'body'"):
        to_frame(bag, fields=["body"])
    with pytest.raises(ValueError, match="not the string"):
        clean_dataframe(dd.from_pandas(pd.DataFrame({"text": ["x"]})), fields="text")


def test_missing_dask_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'articlekit\[dask\]'"):
        read_pages(["pages.jsonl"])
