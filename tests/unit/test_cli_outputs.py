"""``articlekit clean`` outputs and inputs (issue 20): URLs, --fields, --output-dir, the
progress bar's total, --add from the current folder, HTML on standard input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import tqdm

from articlekit.batch import count_records
from cli_run import jsonl, run
from http_pages import PAGE, Route, Site, closed_port, page, redirect

SEED = Path(__file__).resolve().parents[2] / "seeds" / "004_ea4ee81a95d7319a.txt"
TITLE = "Harbour plan agreed"


@pytest.fixture
def site():
    with Site() as running:
        yield running


# --- URLs ----------------------------------------------------------------------------------


@pytest.fixture
def town(site):
    """A page, a redirect to it, a 404, a slow page, an oversize page, a PDF."""
    site.routes.update(
        {
            "/story": page(),
            "/old-story": redirect("/story", 301),
            "/slow": Route(200, PAGE.encode(), (("Content-Type", "text/html"),), delay=3),
            "/big": Route(
                200, b"<p>" + b"word " * 1000, (("Content-Type", "text/html"),), endless=True
            ),
            "/report.pdf": page(b"%PDF-1.7", "application/pdf"),
        }
    )
    return site


def test_urls_are_fetched_and_each_failure_is_its_own_error_line(town):
    refused = f"http://127.0.0.1:{closed_port()}/story"
    urls = [
        town.url(p) for p in ("/story", "/old-story", "/missing", "/slow", "/big", "/report.pdf")
    ] + [refused]
    for jobs in ("1", "2"):
        code, out, err = run(
            "clean",
            "--format",
            "jsonl",
            "--fetch-timeout",
            "0.5",
            "--max-bytes",
            "50000",
            "--jobs",
            jobs,
            *urls,
        )
        rows = jsonl(out)
        assert code == 1 and [r["path"] for r in rows] == urls  # one line each, in order
        assert rows[0]["title"] == TITLE and rows[0]["url"] == town.url("/story")
        assert "Advertisement" not in rows[0]["text"]
        # The redirect's page, with the URL it was found at; the path is the URL given.
        assert rows[1]["title"] == TITLE and rows[1]["url"] == town.url("/story")
        errors = [r["error"] for r in rows[2:]]
        assert {e["type"] for e in errors} == {"FetchError"}
        assert [e["message"] for e in errors] == [
            "HTTP 404 Not Found",
            "timed out: no data for 0.5 s",
            "the page is more than 50,000 bytes, over the limit of 50,000 bytes: pass a "
            "larger max_bytes (--max-bytes) to read it",
            "not an HTML page: the server sent application/pdf",
            "cannot connect: Connection refused",
        ]
        assert [r["url"] for r in rows[2:]] == urls[2:]  # joinable by their URL
        assert f"articlekit: {urls[2]}: HTTP 404 Not Found\n" in err
        assert "5 of 7 records failed" in err


def test_one_url_gives_one_json_article(town):
    code, out, err = run("clean", town.url("/old-story"))
    article = json.loads(out)
    assert (code, err) == (0, "")
    assert article["title"] == TITLE and article["url"] == town.url("/story")


def test_a_url_can_be_explained_too(town):
    code, out, _ = run("explain", "--color", "never", town.url("/story"))
    assert code == 0 and "The council met on Monday" in out and "ad_label" in out


# --- --fields ------------------------------------------------------------------------------


def _pages_jsonl(tmp_path: Path) -> Path:
    source = tmp_path / "pages.jsonl"
    rows = [
        {"id": 1, "url": "https://x.test/a", "html": PAGE, "page_text": "unused text"},
        {"id": 2, "html": PAGE.replace("Harbour", "Bridge")},
        {"html": "<p>"},  # no article text: an error line
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return source


def test_fields_choose_the_output_and_drop_the_inputs_own_fields(tmp_path):
    source = _pages_jsonl(tmp_path)
    _, default, _ = run("clean", "--field", "page_text", str(source))
    assert "html" in jsonl(default)[0]  # today's rows carry the unused page through
    code, out, _ = run("clean", "--field", "html", "--fields", "input.id,title,url", str(source))
    rows = jsonl(out)
    assert code == 1
    assert rows[0] == {"id": 1, "title": TITLE, "url": "https://x.test/a"}
    assert rows[1] == {"id": 2, "title": "Bridge plan agreed", "url": None}
    assert list(rows[2]) == ["id", "title", "url", "error"]  # a page without text keeps
    assert rows[2]["id"] is None and rows[2]["error"]["type"] == "NoArticleError"
    code, out, _ = run("clean", "--fields", "text,record,path", str(source))
    assert list(jsonl(out)[0]) == ["text", "record", "path"]  # the order asked for


def test_fields_apply_to_json_and_default_output_is_unchanged():
    code, out, _ = run("clean", "--fields", "title,authors", str(SEED))
    assert code == 0 and json.loads(out) == {
        "title": "Zelenskyy announces progress in prisoner swap negotiations with Russia",
        "authors": ["Bushra Saleem"],
    }
    assert out.startswith('{\n  "title"')  # still indented JSON
    _, full, _ = run("clean", str(SEED))
    assert list(json.loads(full))[:3] == ["title", "subtitle", "authors"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--fields", "titel"], "unknown field 'titel': choose from path, record, title,"),
        (["--fields", ","], "no field named"),
        (["--fields", "input.title,title"], "'input.title' and 'title' would both be written"),
        (["--fields", "title", "--format", "text"], "--fields chooses the fields of json"),
        (["--no-links", "--format", "json"], "--no-links is for --format markdown"),
        (["--no-metadata"], "--no-metadata is for --format markdown and html"),
        (["--images", "--format", "jsonl"], "--images is for --format markdown and html"),
        (["-o", "x.json", "--output-dir", "out"], "not allowed with argument"),
    ],
)
def test_output_options_that_cannot_work_are_usage_errors(argv, message, capsys):
    code, _, err = run("clean", *argv, str(SEED))
    assert code == 2
    assert message in err + capsys.readouterr().err  # ours, or argparse's own


def test_unknown_field_lists_every_valid_name(capsys):
    run("clean", "--fields", "nope", str(SEED))
    err = capsys.readouterr().err
    for name in ("subtitle", "contributors", "published", "date_assumptions", "text", "removed"):
        assert name in err
    assert "input.NAME" in err


# --- --output-dir --------------------------------------------------------------------------


def test_output_dir_writes_one_file_per_record_without_overwriting(tmp_path, site):
    site.routes["/news/story.html"] = page()
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.html").write_text(PAGE, encoding="utf-8")
    source = _pages_jsonl(tmp_path)
    target = tmp_path / "out" / "new"  # created, parents too
    code, out, err = run(
        "clean",
        "--output-dir",
        str(target),
        str(tmp_path / "a" / "page.html"),
        str(tmp_path / "b" / "page.html"),
        str(source),
        site.url("/news/story.html?id=3"),
    )
    assert code == 1 and out == ""
    assert "pages.jsonl:3" in err  # the failed record: reported, no file
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "127.0.0.1-news-story.json",
        "page-2.json",
        "page.json",
        "pages-1.json",
        "pages-2.json",
    ]
    articles = {name: json.loads((target / name).read_text(encoding="utf-8")) for name in names}
    assert articles["pages-2.json"]["title"] == "Bridge plan agreed"
    assert {a["title"] for n, a in articles.items() if n != "pages-2.json"} == {TITLE}
    # jsonl into a folder: every record has its file, the failed one its error line.
    code, _, _ = run("clean", "--format", "jsonl", "--output-dir", str(target), str(source))
    (failed,) = jsonl((target / "pages-3.jsonl").read_text(encoding="utf-8"))
    assert failed["error"]["type"] == "NoArticleError" and failed["record"] == 3


def test_output_dir_that_cannot_be_made_is_a_usage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run("clean", "--output-dir", str(blocker / "sub"), str(SEED))
    assert code == 2 and "cannot create" in err


# --- the progress bar ----------------------------------------------------------------------


def test_progress_bar_gets_the_total_when_it_is_known(tmp_path, monkeypatch):
    totals = []

    class Spy(tqdm.tqdm):
        def __init__(self, *args, **kwargs):
            totals.append(kwargs.get("total"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tqdm, "tqdm", Spy)
    source = _pages_jsonl(tmp_path)
    with source.open("a", encoding="utf-8") as fh:
        fh.write("\n   \n")  # blank lines are no records
    run("clean", "--progress", str(SEED), str(source), str(tmp_path / "missing.txt"))
    run("clean", "--progress", "-", stdin="Some text.")
    run("clean", "--no-progress", str(SEED))
    assert totals == [5, None]  # 1 + 3 lines + the missing file; stdin: unknown


def test_count_records_counts_only_what_is_cheap(tmp_path):
    lines = tmp_path / "a.jsonl"
    lines.write_bytes(b'{"text": "a"}\n\n{"text": "b"}\r\n  \n{"text": "c"}')
    assert count_records([str(lines), str(SEED), "https://x.test/"]) == 5
    assert count_records([str(lines)], encoding="utf-16") is None  # lines not ASCII bytes
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(b"")
    assert count_records([str(packed)]) is None
    assert count_records([str(SEED)], input_format="warc") is None


# --- --add from the current folder ---------------------------------------------------------


def test_add_finds_a_module_in_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "town_cleaners.py").write_text(
        "def drop_council(draft):\n"
        "    hits = {i: 'council' for i, b in enumerate(draft.blocks) if 'council' in b.text}\n"
        "    return draft.remove(hits, cleaner='drop_council')\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    # As the `articlekit` script starts: the current folder is not on sys.path.
    here = {"", ".", str(tmp_path)}
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in here])
    monkeypatch.delitem(sys.modules, "town_cleaners", raising=False)
    text = "The council met on Monday.\nThe harbour plan was agreed after a long debate."
    for jobs in ("1", "2"):
        code, out, err = run(
            "clean",
            "--format",
            "jsonl",
            "--jobs",
            jobs,
            "--add",
            "town_cleaners:drop_council",
            "-",
            stdin=text,
        )
        (row,) = jsonl(out)
        assert code == 0, err
        assert "council" not in row["text"] and "harbour plan" in row["text"]
        assert row["removed"][-1]["cleaner"] == "drop_council"


# --- HTML on standard input ----------------------------------------------------------------


@pytest.mark.parametrize(
    "stdin",
    [
        PAGE.encode("utf-8"),
        b"\xef\xbb\xbf" + PAGE.encode("utf-8"),  # a UTF-8 BOM
        "\ufeff".encode("utf-16-le") + PAGE.encode("utf-16-le"),  # UTF-16, its BOM
        b"\n\n   \t" + PAGE.encode(),
        b"<!DOCTYPE html>\n" + PAGE.encode(),
        b"  <!-- saved by a crawler -->\n" + PAGE.encode(),
        b'<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.encode(),
        PAGE,  # a text stream without a binary buffer
    ],
    ids=["plain", "utf8-bom", "utf16-bom", "blanks", "doctype", "comment", "xml", "text-stream"],
)
def test_html_on_stdin_is_read_as_html(stdin):
    code, out, err = run("clean", "-", stdin=stdin)
    article = json.loads(out)
    assert code == 0, err
    assert article["title"] == TITLE and "Advertisement" not in article["text"]


def test_text_on_stdin_that_starts_with_a_less_than_sign_is_text():
    code, out, _ = run(
        "clean", "--format", "text", "-", stdin=b"<3 the new harbour plan.\nIt is good."
    )
    assert code == 0 and out.startswith("<3 the new harbour plan.")


# --- Markdown and HTML -----------------------------------------------------------------------


@pytest.fixture
def pages(tmp_path):
    """Two HTML pages, one a missing file between them."""
    first, second = tmp_path / "harbour.html", tmp_path / "bridge.html"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(PAGE.replace("Harbour", "Bridge"), encoding="utf-8")
    return [str(first), str(tmp_path / "missing.html"), str(second)]


def test_markdown_of_one_page_has_its_title_links_and_body(pages):
    code, out, _ = run("clean", "--format", "markdown", "--url", "https://town.test/a", pages[0])
    assert code == 0
    assert out.startswith(f"# {TITLE}\n\nThe council met on Monday")
    assert "Read more about [the harbour](https://town.test/harbour) here.\n" in out
    assert "Advertisement" not in out and out.endswith("here.\n")
    _, bare, _ = run("clean", "--format", "markdown", "--no-links", "--no-metadata", pages[0])
    assert bare.startswith("The council met") and "Read more about the harbour here." in bare
    assert "](" not in bare and "# " not in bare


def test_images_go_into_markdown_and_html_where_they_stood_when_asked(tmp_path):
    story = (
        "<p>The council met on Monday and agreed to rebuild the harbour wall before winter.</p>"
        '<figure><img src="/img/wall.jpg" alt="The old wall"></figure>'
        "<p>Work starts in March and should take about six months, the mayor said.</p>"
    )
    path = tmp_path / "wall.html"
    path.write_text(f"<html><body><article><h1>Harbour wall</h1>{story}</article></body></html>")
    url = ("--url", "https://town.test/news/wall")
    _, plain, _ = run("clean", "--format", "markdown", "--no-metadata", *url, str(path))
    assert "![" not in plain
    markdown = ("clean", "--format", "markdown", "--no-metadata", "--images")
    code, out, _ = run(*markdown, *url, str(path))
    assert code == 0
    assert out.split("\n\n")[1] == "![The old wall](https://town.test/img/wall.jpg)"
    _, html, _ = run("clean", "--format", "html", "--images", *url, str(path))
    assert '<p><img src="https://town.test/img/wall.jpg" alt="The old wall"></p>' in html


def test_several_records_in_markdown_are_separated_by_a_rule(pages):
    code, out, err = run("clean", "--format", "markdown", *pages)
    assert code == 1 and "missing.html: no such file" in err  # a failure has no place
    first, second = out.split("\n\n---\n\n")
    assert first.startswith(f"# {TITLE}") and second.startswith("# Bridge plan agreed")


def test_html_is_one_utf8_page_of_article_elements(pages):
    code, out, _ = run("clean", "--format", "html", "--url", "https://town.test/a", *pages)
    assert code == 1
    assert out.startswith('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n')
    assert f"<title>{TITLE}</title>" in out and out.endswith("</body>\n</html>\n")
    assert out.count("<!DOCTYPE") == 1 and out.count('<article lang="en">\n<h1>') == 2
    assert '<a href="https://town.test/harbour">the harbour</a>' in out
    assert "<h1>Bridge plan agreed</h1>" in out and "Advertisement" not in out


def test_markdown_and_html_into_a_folder_are_whole_documents(pages, tmp_path):
    target = tmp_path / "clean"
    run("clean", "--format", "html", "--output-dir", str(target), *pages)
    run("clean", "--format", "markdown", "--output-dir", str(target), *pages)
    assert sorted(p.name for p in target.iterdir()) == [
        "bridge.html",
        "bridge.md",
        "harbour.html",
        "harbour.md",
    ]
    page_html = (target / "bridge.html").read_text(encoding="utf-8")
    assert page_html.startswith("<!DOCTYPE html>") and page_html.endswith("</html>\n")
    assert "<title>Bridge plan agreed</title>" in page_html
    assert (target / "harbour.md").read_text(encoding="utf-8").startswith(f"# {TITLE}\n")


def test_a_url_in_markdown_resolves_links_against_where_it_was_found(town):
    code, out, _ = run("clean", "--format", "markdown", town.url("/old-story"))
    assert code == 0 and out.startswith(f"# {TITLE}")
    assert f"[the harbour]({town.url('/harbour')})" in out
