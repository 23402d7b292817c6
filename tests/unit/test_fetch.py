"""articlekit.fetch against a server on 127.0.0.1: pages, redirects, errors, limits."""

from __future__ import annotations

import gzip
import pickle
import time

import pytest

import articlekit
from articlekit.errors import ArticlekitError, FetchError
from articlekit.fetch import USER_AGENT, fetch, is_url
from http_pages import PAGE, Route, Site, closed_port, page, redirect


@pytest.fixture
def site():
    with Site() as running:
        yield running


def test_a_page_with_its_charset_and_the_user_agent(site):
    site.routes["/a"] = page(PAGE.encode("utf-8"), "text/html; charset=UTF-8")
    got = fetch(site.url("/a"))
    assert got.content == PAGE.encode("utf-8")
    assert (got.url, got.requested_url, got.status) == (site.url("/a"), site.url("/a"), 200)
    assert (got.content_type, got.charset) == ("text/html", "UTF-8")
    ((path, headers),) = site.requests
    assert path == "/a" and headers["user-agent"] == USER_AGENT
    assert f"articlekit/{articlekit.__version__}" == USER_AGENT


def test_redirects_are_followed_to_the_final_url(site):
    site.routes["/old"] = redirect("/moved", 301)
    site.routes["/moved"] = redirect("new")  # relative to /moved: /new
    site.routes["/new"] = page()
    got = fetch(site.url("/old"))
    assert got.url == site.url("/new") and got.requested_url == site.url("/old")
    assert [path for path, _ in site.requests] == ["/old", "/moved", "/new"]


def test_a_redirect_loop_stops_at_max_redirects(site):
    site.routes["/loop"] = redirect("/loop")
    with pytest.raises(FetchError, match="more than 3 redirects") as caught:
        fetch(site.url("/loop"), max_redirects=3)
    assert len(site.requests) == 4  # the first request and three redirects followed
    assert caught.value.url == site.url("/loop")


def test_an_http_error_status_names_the_status(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/missing"))
    error = caught.value
    assert (error.status, error.reason) == (404, "HTTP 404 Not Found")
    assert str(error) == f"cannot fetch {site.url('/missing')}: HTTP 404 Not Found"
    assert isinstance(error, ArticlekitError) and isinstance(error, OSError)


def test_an_error_after_a_redirect_says_where(site):
    site.routes["/gone"] = redirect("/nowhere")
    with pytest.raises(FetchError, match=r"HTTP 404 Not Found \(at .*/nowhere\)"):
        fetch(site.url("/gone"))


def test_a_slow_server_times_out(site):
    site.routes["/slow"] = Route(200, b"<p>late</p>", (("Content-Type", "text/html"),), delay=3)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out: no data for 0\.3 s"):
        fetch(site.url("/slow"), timeout=0.3)
    assert time.monotonic() - started < 2


def test_a_trickling_body_is_cut_off_at_the_time_budget(site):
    # Each byte comes well within the read timeout; the whole page would take 4 s.
    body = b"<p>" + b"x" * 80 + b"</p>"
    site.routes["/drip"] = Route(200, body, (("Content-Type", "text/html"),), trickle=0.05)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out: the page took more than 0\.5 s"):
        fetch(site.url("/drip"), timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_a_body_over_max_bytes_is_not_read_to_the_end(site):
    # The body never ends: only a fetch that stops reading at the limit returns.
    site.routes["/endless"] = Route(
        200, b"<p>" + b"word " * 2000 + b"</p>", (("Content-Type", "text/html"),), endless=True
    )
    with pytest.raises(FetchError, match="more than 100,000 bytes, over the limit of 100,000"):
        fetch(site.url("/endless"), max_bytes=100_000)


def test_a_declared_length_over_max_bytes_fails_before_reading(site):
    site.routes["/huge"] = Route(
        200, b"", (("Content-Type", "text/html"), ("Content-Length", "5000000000"))
    )
    with pytest.raises(FetchError, match="the page is 5,000,000,000 bytes, over the limit"):
        fetch(site.url("/huge"), max_bytes=1000)


def test_the_limit_is_on_the_decompressed_body(site):
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    assert len(bomb) < 10_000
    site.routes["/bomb"] = Route(
        200,
        bomb,
        (
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(bomb))),
        ),
    )
    with pytest.raises(FetchError, match="over the limit of 100,000 bytes"):
        fetch(site.url("/bomb"), max_bytes=100_000)
    small = gzip.compress(PAGE.encode())
    site.routes["/small"] = Route(
        200,
        small,
        (
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(small))),
        ),
    )
    assert fetch(site.url("/small")).content == PAGE.encode()  # decompressed
    assert len(fetch(site.url("/bomb"), max_bytes=None).content) == 5_000_007  # no limit


def test_a_content_type_that_is_not_html_is_refused(site):
    site.routes["/doc.pdf"] = page(b"%PDF-1.7", "application/pdf")
    with pytest.raises(FetchError, match="not an HTML page: the server sent application/pdf"):
        fetch(site.url("/doc.pdf"))
    site.routes["/xhtml"] = page(PAGE, "application/xhtml+xml")
    site.routes["/untyped"] = Route(200, PAGE.encode(), ())
    site.routes["/odd"] = page(PAGE, "Text/X-HTML; charset=utf-8")  # a type naming HTML
    assert fetch(site.url("/xhtml")).content_type == "application/xhtml+xml"
    assert fetch(site.url("/odd")).content_type == "text/x-html"
    assert fetch(site.url("/untyped")).content_type == ""


def test_a_refused_connection_is_a_fetch_error():
    url = f"http://127.0.0.1:{closed_port()}/a"
    with pytest.raises(FetchError, match="cannot connect: Connection refused") as caught:
        fetch(url, timeout=2)
    assert caught.value.url == url and caught.value.status is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/a", "not an http:// or https:// URL"),
        ("page.html", "not an http:// or https:// URL"),
        ("http:///path-only", "not a valid URL (no host)"),
    ],
)
def test_what_is_not_a_url_fails_without_a_connection(url, reason):
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert caught.value.reason == reason


def test_is_url_and_the_error_survives_pickling():
    assert is_url("https://x.test") and is_url("HTTP://X.TEST/") and not is_url("x.test/http://")
    error = FetchError("https://x.test/a", "HTTP 500 Internal Server Error", status=500)
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.status, again.reason) == (str(error), 500, error.reason)


def test_the_servers_charset_decodes_the_page(site):
    # The page's own <meta> lies (windows-1251); the server's header (koi8-r) is right.
    text = "Журнал городского совета: совет принял план гавани после долгих споров. " * 3
    body = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'
    site.routes["/ru"] = page(body.encode("koi8-r"), "text/html; charset=koi8-r")
    got = fetch(site.url("/ru"))
    article = articlekit.clean_html(got.content, url=got.url, charset=got.charset)
    assert article.text == text.strip()
    wrong = articlekit.clean_html(got.content, url=got.url)  # the <meta> alone misleads
    assert wrong.text != text.strip()
