"""Batches through ``articlekit clean``: folders, globs, JSON Lines, WARC, --jobs, failures."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articlekit import clean_text
from articlekit.batch import Record, clean_records, expand_inputs, read_inputs, read_warc
from cli_run import jsonl, run
from warc_pages import warc_record

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
PAGE = (
    "<html><head><title>Bridge reopens | City Paper</title></head><body><article>"
    "<h1>Bridge reopens</h1><p>The old bridge over the river reopened on Monday after two years "
    "of repairs, the city said, and the first buses crossed it at noon.</p>"
    "<p>Advertisement</p></article></body></html>"
)


def test_folders_and_globs_expand_to_page_files_in_order(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "2.txt").write_text("x")
    (tmp_path / "a" / "1.html").write_text("<p>x</p>")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.jsonl").write_text("{}\n")
    files = expand_inputs([str(tmp_path / "a"), str(tmp_path / "*.jsonl"), str(tmp_path / "a")])
    assert [Path(f).name for f in files] == ["1.html", "2.txt", "b.jsonl"]
    assert expand_inputs([str(tmp_path / "*.csv")]) == [str(tmp_path / "*.csv")]


def test_jsonl_corrupt_record_is_reported_in_place_and_the_rest_written(tmp_path):
    source = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"id": i, "url": f"https://x.test/{i}", "text": s.read_text()})
        for i, s in enumerate(SEEDS)
    ]
    lines.insert(2, '{"id": 99, "text": "unterminated')
    lines.insert(4, json.dumps({"id": 98, "title": "no page field"}))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("clean", str(source))
    rows = jsonl(out)
    assert code == 1
    assert [r["record"] for r in rows] == [1, 2, 3, 4, 5, 6, 7]  # every line has its output line
    assert (
        rows[2]["error"]["type"] == "InputError"
        and "not a JSON line" in rows[2]["error"]["message"]
    )
    assert "no string field" in rows[4]["error"]["message"]
    assert rows[4]["id"] == 98 and rows[4]["title"] == "no page field"  # joinable by its id
    assert f"{source}:3: not a JSON line" in err and "2 of 7 records failed" in err
    good = [r for r in rows if "error" not in r]
    assert [r["id"] for r in good] == [0, 1, 2, 3, 4]  # other fields pass through
    assert [r["text"] for r in good] == [clean_text(s.read_text()).text for s in SEEDS]
    assert good[0]["url"] == "https://x.test/0"


def test_jobs_2_gives_the_same_output_as_jobs_1(tmp_path):
    source = tmp_path / "pages.jsonl.gz"
    texts = [s.read_text() for s in SEEDS] * 8
    with gzip.open(source, "wt", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"n": i, "page_text": text}) + "\n")
            if i == 20:
                fh.write("not json\n")
    one = run("clean", "--jobs", "1", str(source))
    two = run("clean", "--jobs", "2", str(source))
    assert one == two
    assert one[0] == 1 and len(one[1].splitlines()) == len(texts) + 1


def test_html_files_are_cleaned_as_html_and_output_goes_to_a_file(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, out, err = run("clean", "--format", "jsonl", "-o", str(target), str(tmp_path))
    assert (code, out, err) == (0, "", "")
    (row,) = jsonl(target.read_text(encoding="utf-8"))
    assert row["title"] == "Bridge reopens" and "Advertisement" not in row["text"]
    assert [r["reason"] for r in row["removed"]] == ["title", "ad_label"]


def test_warc_responses_only_with_urls(tmp_path):
    data = (
        warc_record("https://x.test/a", PAGE.encode())
        + warc_record("https://x.test/a", b"GET / HTTP/1.1", kind="request")
        + warc_record("https://x.test/logo.png", b"\x89PNG", ctype="image/png")
        + warc_record("https://x.test/b", PAGE.replace("Bridge", "Tunnel").encode())
    )
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(data)
    packed = tmp_path / "crawl.warc.gz"
    packed.write_bytes(gzip.compress(data))
    for path in (plain, packed):
        code, out, _ = run("clean", str(path))
        rows = jsonl(out)
        assert code == 0
        assert [(r["url"], r["title"]) for r in rows] == [
            ("https://x.test/a", "Bridge reopens"),
            ("https://x.test/b", "Tunnel reopens"),
        ]


def test_broken_warc_ends_with_an_error_record(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(warc_record("https://x.test/a", PAGE.encode()) + b"garbage, not a record\r\n")
    with path.open("rb") as stream:
        records = list(read_warc(stream, source=str(path)))
    assert [r.kind for r in records] == ["html", "error"]
    assert records[1].position == 2 and "not a valid WARC record" in (records[1].error or "")


def test_a_warc_response_is_read_in_the_charset_its_server_declared(tmp_path):
    # A Polish page that names no charset itself, served as ISO-8859-2: without the HTTP
    # header's charset, detection read it as Windows-1252 ("zosta\u0142" became "zosta\u00b3").
    story = (
        "Most na Wi\u015ble zosta\u0142 ponownie otwarty po remoncie, poinformowa\u0142y "
        "w\u0142adze miasta w poniedzia\u0142ek rano. Kierowcy czekali na to od wiosny."
    )
    body = "<html><head><title>Most otwarty</title></head><body><article><h1>Most otwarty</h1>"
    body += f"<p>{story}</p><p>{story}</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc_record(
            "https://x.test/pl", body.encode("iso-8859-2"), ctype="text/html; charset=ISO-8859-2"
        )
    )
    with path.open("rb") as stream:
        (record,) = read_warc(stream, source=str(path))
    assert record.charset == "ISO-8859-2"
    (result,) = clean_records([record])
    assert result.article is not None and "zosta\u0142 ponownie" in result.article.text


def test_add_imports_a_cleaner_and_places_it(tmp_path, monkeypatch):
    (tmp_path / "my_cleaners.py").write_text(
        "def drop_buses(draft):\n"
        "    hits = {i: 'buses' for i, b in enumerate(draft.blocks) if 'buses' in b.text}\n"
        "    return draft.remove(hits, cleaner='drop_buses')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    text = (
        "The bridge reopened on Monday after two years of repairs, the city said.\n"
        "The buses crossed it at noon."
    )
    code, out, _ = run(
        "clean", "--add", "my_cleaners:drop_buses,before=mark_headings", "-", stdin=text
    )
    article = json.loads(out)
    assert code == 0 and "buses" not in article["text"]
    assert {"cleaner": "drop_buses", "reason": "buses"}.items() <= article["removed"][-1].items()
    for bad in ("my_cleaners", "my_cleaners:nope", "my_cleaners:drop_buses,under=x"):
        code, _, err = run("clean", "--add", bad, "-", stdin=text)
        assert code == 2 and "--add" in err


def test_progress_only_when_asked_or_on_a_terminal(tmp_path):
    code, _, err = run("clean", "--format", "jsonl", str(SEEDS[0]))
    assert code == 0 and err == ""  # not a terminal: quiet
    code, _, err = run("clean", "--progress", "--format", "jsonl", str(SEEDS[0]))
    assert code == 0 and "1 records cleaned" in err


def test_record_errors_from_clean_records_keep_positions():
    records = [
        Record("a.jsonl", 1, "text", "Talks resumed in Istanbul on Monday, officials said."),
        Record("a.jsonl", 2, "html", "plain words, no markup"),
    ]
    first, second = clean_records(records)
    assert first.ok and first.article is not None
    assert (second.where, second.error_type) == ("a.jsonl:2", "InputError")
    with pytest.raises(ValueError, match="jobs"):
        list(clean_records(records, jobs=0))


def test_unreadable_inputs_are_error_records(tmp_path):
    (tmp_path / "empty").mkdir()
    rows = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "empty"), "x/*.txt"]))
    assert [r.error for r in rows] == [
        "no such file",
        "a folder without page files (.txt, .html, .jsonl, .warc...)",
        "no file matches this pattern",
    ]


def _site_pages(folder: Path, stories: list[str]) -> None:
    for i, story in enumerate(stories):
        (folder / f"{i}.txt").write_text(
            f"Home | World | Sport | Weather\n{story}\nSubscribe to the Daily Example today\n"
            f"© 2025 The Daily Example. All rights reserved.\n",
            encoding="utf-8",
        )


STORIES = [
    "The council approved the new budget on Tuesday after a long debate about schools.",
    "Heavy rain closed two roads near the river on Monday, the police said in a statement.",
    "The museum reopened its east wing after two years of repairs, the director said.",
    "A new bus line will link the airport and the old town from March, officials said.",
]


def test_profile_learned_from_pages_drops_the_template_in_clean(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _site_pages(site, STORIES)
    profile = tmp_path / "site.json"
    code, out, err = run("profile", "-o", str(profile), str(site))
    assert (code, out) == (0, "") and "4 pages learned" in err and "3 template lines" in err
    page = tmp_path / "new.txt"
    page.write_text(
        "Home | World | Sport | Weather\nThe mayor opened the bridge on Friday, a week early.\n"
        "Subscribe to the Daily Example today\n© 2026 The Daily Example. All rights reserved.\n",
        encoding="utf-8",
    )
    code, out, _ = run("clean", "--profile", str(profile), str(page))
    article = json.loads(out)
    assert code == 0 and article["text"] == "The mayor opened the bridge on Friday, a week early."
    reasons = [r["reason"] for r in article["removed"]]
    assert reasons.count("boilerplate_repeat") == 3
    code, out, _ = run("clean", str(page))  # without the profile the menu is not template
    assert "boilerplate_repeat" not in out


def test_profile_update_adds_pages_and_html_pages_are_learned_from_their_whole_text(tmp_path):
    profile = tmp_path / "site.json"
    for i, story in enumerate(STORIES[:2]):
        (tmp_path / f"{i}.html").write_text(
            f"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
            f"<article><p>{story}</p></article><footer>Contact the newsroom</footer>"
            "</body></html>",
            encoding="utf-8",
        )
    code, _, err = run("profile", "--min-pages", "2", "-o", str(profile), str(tmp_path / "*.html"))
    assert code == 0 and "2 pages learned" in err
    saved = json.loads(profile.read_text(encoding="utf-8"))
    assert "contact the newsroom" in json.dumps(saved)
    (tmp_path / "more.txt").write_text("Contact the newsroom\nA different story.\n")
    code, _, err = run("profile", "--update", "-o", str(profile), str(tmp_path / "more.txt"))
    assert code == 0 and "3 pages learned (1 now)" in err


def test_a_profile_learns_warc_pages_in_the_charset_their_server_declared(tmp_path):
    # Pages that name no charset themselves, served as ISO-8859-2: the template line is
    # learned as the server wrote it, not as detection would have read the bytes.
    menu = "Strona g\u0142\u00f3wna | Wiadomo\u015bci | Pogoda"
    data = b""
    for i, story in enumerate(STORIES):
        body = f"<html><body><nav>{menu}</nav><article><p>{story}</p></article></body></html>"
        data += warc_record(
            f"https://x.test/{i}", body.encode("iso-8859-2"), ctype="text/html; charset=ISO-8859-2"
        )
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(data)
    profile = tmp_path / "site.json"
    code, _, err = run("profile", "-o", str(profile), str(crawl))
    assert code == 0 and f"{len(STORIES)} pages learned" in err
    assert "wiadomo\u015bci" in profile.read_text(encoding="utf-8").casefold()


def test_bad_profile_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    code, _, err = run("clean", "--profile", str(bad), "-", stdin="Hello there.")
    assert code == 2 and "bad.json" in err
    code, _, err = run("clean", "--profile", str(tmp_path / "none.json"), "-", stdin="Hi.")
    assert code == 2 and "none.json: cannot read the site profile" in err


# --- URL inputs fetched at once ----------------------------------------------------------------


def _fake_fetch(monkeypatch, barrier=None, delays=None):
    """``batch.fetch`` answering every URL with a page naming it, after its delay; with a
    barrier, no fetch answers before ``barrier.parties`` of them are under way."""
    import threading
    import time

    from articlekit import batch
    from articlekit.fetch import FetchedPage

    def fake(url, *, timeout, max_bytes):
        if barrier is not None:
            try:
                barrier.wait()
            except threading.BrokenBarrierError:  # not enough fetches at once
                return FetchedPage(url, url, 200, "text/html", "utf-8", b"<p>alone</p>")
        time.sleep((delays or {}).get(url, 0.0))
        return FetchedPage(url, url, 200, "text/html", "utf-8", f"<p>{url}</p>".encode())

    monkeypatch.setattr(batch, "fetch", fake)


def test_urls_are_fetched_at_once_and_read_in_order(monkeypatch, tmp_path):
    import threading

    urls = [f"https://news.test/{n}" for n in range(6)]
    _fake_fetch(monkeypatch, threading.Barrier(3, timeout=10))
    records = list(read_inputs(urls[:3], fetch_jobs=3))
    assert [r.source for r in records] == urls[:3]
    assert [r.content for r in records] == [f"<p>{u}</p>".encode() for u in urls[:3]]
    # The later a fetch ends, the later it started: still the order given, a file between.
    _fake_fetch(monkeypatch, delays={urls[0]: 0.3, urls[1]: 0.2, urls[2]: 0.1})
    page = tmp_path / "local.html"
    page.write_text("<p>Local.</p>", encoding="utf-8")
    records = list(read_inputs([urls[0], urls[1], str(page), urls[2], urls[3]], fetch_jobs=2))
    assert [r.source for r in records] == [urls[0], urls[1], str(page), urls[2], urls[3]]


def test_one_fetch_at_a_time_when_asked(monkeypatch):
    import threading

    urls = [f"https://news.test/{n}" for n in range(2)]
    _fake_fetch(monkeypatch, threading.Barrier(2, timeout=0.5))
    # Two fetches never run at once: each waits for the other in vain.
    records = list(read_inputs(urls, fetch_jobs=1))
    assert [r.source for r in records] == urls
    assert [r.content for r in records] == [b"<p>alone</p>"] * 2
    with pytest.raises(ValueError, match="fetch_jobs"):
        list(read_inputs(urls, fetch_jobs=0))
