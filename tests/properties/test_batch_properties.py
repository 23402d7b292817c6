"""Properties of the batch readers over generated, damaged JSON Lines, gzip and WARC input.

The property throughout: one result per record the generator put in, good ones cleaned and
bad ones an error in their place, nothing glued (no result holds two records' text), no
exception but articlekit's, and the counts right.
"""

from __future__ import annotations

import json
import tempfile
import zlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from articlekit.batch import Record, Result, clean_records, read_inputs
from warc_pages import warc_record

WORDS = st.sampled_from(["bridge", "council", "river", "Monday", "said", "the", "new", "road"])
SENTENCE = st.lists(WORDS, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize())


def _read(name: str, data: bytes) -> list[Record]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_inputs([str(path)]))


def _clean(records: list[Record]) -> list[Result]:
    results = list(clean_records(records))
    assert [(r.source, r.position) for r in results] == [(r.source, r.position) for r in records]
    return results


def _marker(i: int) -> str:
    return f"Zq{i}x"


# --- JSON Lines ----------------------------------------------------------------------------

BAD_LINES = st.sampled_from(
    [
        b'{"text": "unterminated',
        b"\xff\xfe\x00\x9c binary \x80",
        b"[1, 2, 3]",
        b'{"title": "no page field"}',
        b"not json at all",
        b'{"text": 5}',
        b"\x00\x00\x00",
    ]
)


@st.composite
def jsonl_files(draw: st.DrawFn) -> tuple[bytes, list[str | None]]:
    """A JSON Lines file and, per non-blank line, the marker of a good record or None."""
    lines: list[bytes] = []
    expected: list[str | None] = []
    for i in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["good", "good", "bad", "blank", "surrogate"]))
        if kind == "blank":
            lines.append(draw(st.sampled_from([b"", b"  ", b"\r"])))
            continue
        if kind == "bad":
            lines.append(draw(BAD_LINES))
            expected.append(None)
            continue
        text = f"{_marker(i)} {draw(SENTENCE)}."
        if kind == "surrogate":
            text += " \\ud800"
        lines.append(b'{"id": %d, "text": "%s"}' % (i, text.encode()))
        expected.append(_marker(i))
    ending = draw(st.sampled_from([b"\n", b"\r\n"]))
    data = ending.join(lines) + draw(st.sampled_from([b"", ending]))
    return data, expected


@given(jsonl_files())
def test_jsonl_one_result_per_line_in_place(case: tuple[bytes, list[str | None]]) -> None:
    data, expected = case
    records = _read("pages.jsonl", data)
    # Blank lines are not records, but keep their numbers: positions only grow.
    positions = [r.position or 0 for r in records]
    assert positions == sorted(set(positions))
    assert len(records) == len(expected)
    results = _clean(records)
    for result, marker in zip(results, expected, strict=True):
        if marker is None:
            assert not result.ok and result.error_type == "InputError" and result.article is None
        else:
            assert result.ok and result.article is not None
            assert result.article.text.startswith(marker)
            assert "\ud800" not in result.article.text
        text = result.article.text if result.article else ""
        assert text.count("Zq") <= 1  # nothing glued


# --- gzip ----------------------------------------------------------------------------------


@st.composite
def damaged_gzips(draw: st.DrawFn) -> tuple[bytes, int, list[str]]:
    """Good JSON lines gzipped (flushed after each line), then damaged at one point.

    Returns the bytes, how many lines lie wholly before the damage, and the markers.
    """
    count = draw(st.integers(1, 8))
    markers = [_marker(i) for i in range(count)]
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = bytearray(packer.compress(b""))
    ends = []
    for i, marker in enumerate(markers):
        line = json.dumps({"id": i, "text": f"{marker} {draw(SENTENCE)}."}) + "\n"
        data += packer.compress(line.encode()) + packer.flush(zlib.Z_FULL_FLUSH)
        ends.append(len(data))
    data += packer.flush()
    at = draw(st.integers(0, len(data) - 1))
    how = draw(st.sampled_from(["cut", "overwrite", "flip", "append"]))
    if how == "cut":
        at = max(at, 1)  # (no bytes at all is an empty file, not a damaged one)
        damaged = bytes(data[:at])
    elif how == "overwrite":
        size = draw(st.integers(1, 16))
        filler = draw(st.binary(min_size=size, max_size=size))
        damaged = bytes(data[:at] + filler + data[at + size :])
    elif how == "flip":
        damaged = bytes(data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]))
        damaged += bytes(data[at + 1 :])
    else:
        damaged = bytes(data) + draw(st.binary(min_size=1, max_size=32))
        at = len(data)
    whole = sum(1 for end in ends if end <= at)
    return damaged, whole, markers


@given(damaged_gzips())
def test_gzip_keeps_what_precedes_the_damage_and_reports_the_rest_once(
    case: tuple[bytes, int, list[str]],
) -> None:
    data, whole, markers = case
    records = _read("pages.jsonl.gz", data)
    # Line numbers: one per line up to the damage (after it, lines zlib decoded wrong may
    # include blank ones, which are not records).
    positions = [r.position or 0 for r in records]
    assert positions == sorted(set(positions))
    assert positions[:whole] == list(range(1, min(whole, len(records)) + 1))
    # Every line decoded before the damage is whole and in its place.
    assert len(records) >= min(whole, len(markers))
    for record, marker in zip(records[:whole], markers, strict=False):
        assert record.kind == "text" and str(record.content).startswith(marker)
    # The damage ends the file with one error (lines zlib decoded wrong before it found the
    # damage are errors of their own when they are no longer JSON); it shows nowhere only
    # when it changed nothing zlib checks (a gzip header's time stamp, NUL bytes appended).
    intact = [
        r.kind == "text" and str(r.content).startswith(m)
        for r, m in zip(records, markers, strict=False)
    ]
    if len(records) != len(markers) or not all(intact):
        assert records[-1].kind == "error"
        assert "gzip" in (records[-1].error or "")
    # (Lines after the damage can be wrong, even two lines in one, when a corrupt block
    # still inflates: gzip checks its data only at the end, with the error above.)
    results = _clean(records)
    for result in results[:whole]:
        text = result.article.text if result.article else ""
        assert text.count("Zq") <= 1


# --- WARC ----------------------------------------------------------------------------------


def _page(marker: str, sentence: str) -> bytes:
    return (
        f"<html><head><title>{marker} news</title></head><body><article><h1>{marker}</h1>"
        f"<p>{marker} {sentence}, the city council said on Monday evening.</p>"
        "</article></body></html>"
    ).encode()


def _with_length(record: bytes, delta: int) -> bytes:
    head, _, rest = record.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    out = []
    for line in lines:
        if line.startswith(b"Content-Length:"):
            length = int(line.split(b":")[1]) + delta
            line = b"Content-Length: %d" % max(length, 0)
        out.append(line)
    return b"\r\n".join(out) + b"\r\n\r\n" + rest


GARBAGE = st.binary(min_size=1, max_size=80).filter(
    lambda b: b"WARC" not in b and b.strip(b"\r\n") != b""
)


@st.composite
def warc_files(draw: st.DrawFn) -> tuple[list[bytes], list[str]]:
    """WARC records and damage; per item: "page:<marker>", "skip" or "bad"."""
    items: list[bytes] = []
    kinds: list[str] = []
    for i in range(draw(st.integers(0, 7))):
        kind = draw(st.sampled_from(["page", "page", "image", "request", "garbage", "length"]))
        marker = _marker(i)
        page = warc_record(f"https://x.test/{i}", _page(marker, draw(SENTENCE)))
        if kind == "page":
            items.append(page)
            kinds.append(f"page:{marker}")
        elif kind == "image":
            items.append(warc_record(f"https://x.test/{i}.png", b"\x89PNG" * 9, ctype="image/png"))
            kinds.append("skip")
        elif kind == "request":
            items.append(warc_record(f"https://x.test/{i}", b"GET / HTTP/1.1", kind="request"))
            kinds.append("skip")
        elif kind == "garbage":
            items.append(draw(GARBAGE))
            kinds.append("bad")
        else:
            # (Too long by up to 4 bytes takes in only the CRLFs that close the record: the
            # record is whole, and read as such.)
            delta = draw(st.integers(-200, 400).filter(lambda d: not 0 <= d <= 4))
            items.append(_with_length(page, delta))
            kinds.append("bad")
    # A page last: a Content-Length too long by exactly what is left of the file cannot be
    # told from a whole record (the unit tests have one too long for the file).
    last = len(items)
    items.append(warc_record(f"https://x.test/{last}", _page(_marker(last), draw(SENTENCE))))
    kinds.append(f"page:{_marker(last)}")
    return items, kinds


def _check_warc(records: list[Record], kinds: list[str], *, gz_damage: bool = False) -> None:
    """Pages in order and whole; each run of damage between two pages one error or more."""
    assert [r.position for r in records] == sorted({r.position for r in records})
    pages = [k.removeprefix("page:") for k in kinds if k.startswith("page:")]
    got = [r for r in records if r.kind == "html"]
    if not gz_damage:
        assert [r.url for r in got] == [f"https://x.test/{int(p[2:-1])}" for p in pages]
    # Expected shape: the good pages, with between them as many errors as there are runs of
    # damage, at least, and no more than the damaged items.
    shape = []
    for kind in kinds:
        if kind == "skip":
            continue
        shape.append("page" if kind.startswith("page:") else "bad")
    seen = ["page" if r.kind == "html" else "bad" for r in records]
    if not gz_damage:
        runs_expected = _runs(shape)
        runs_seen = _runs(seen)
        assert [k for k, _ in runs_seen] == [k for k, _ in runs_expected]
        for (kind, n_seen), (_, n_expected) in zip(runs_seen, runs_expected, strict=True):
            assert (kind == "page" and n_seen == n_expected) or 1 <= n_seen <= n_expected
    for record in got:
        content = bytes(record.content) if isinstance(record.content, bytes) else b""
        assert content.count(b"<html>") == 1  # nothing glued
        assert b"HTTP/1.1" not in content and b"WARC/1." not in content


def _runs(shape: list[str]) -> list[tuple[str, int]]:
    runs: list[tuple[str, int]] = []
    for kind in shape:
        if runs and runs[-1][0] == kind and kind == "bad":
            runs[-1] = (kind, runs[-1][1] + 1)
        else:
            runs.append((kind, 1))
    return runs


@given(warc_files())
def test_warc_damage_stays_where_it_is(case: tuple[list[bytes], list[str]]) -> None:
    items, kinds = case
    records = _read("crawl.warc", b"".join(items))
    _check_warc(records, kinds)
    results = _clean(records)
    for result, record in zip(results, records, strict=True):
        if record.kind == "html" and result.article is not None:
            marker = str(record.url).rsplit("/", 1)[1]
            assert _marker(int(marker)) in result.article.text


@given(warc_files(), st.data())
def test_warc_gz_damage_stays_where_it_is(
    case: tuple[list[bytes], list[str]], data: st.DataObject
) -> None:
    items, kinds = case
    members = [zlib.compress(item, wbits=31) for item in items]
    records = _read("crawl.warc.gz", b"".join(members))
    _check_warc(records, kinds)
    if not members:
        return
    # One member damaged: the pages in the other members are all there, whole.
    hit = data.draw(st.integers(0, len(members) - 1))
    member = bytearray(members[hit])
    at = data.draw(st.integers(0, len(member) - 1))
    member[at] ^= 1 << data.draw(st.integers(0, 7))
    damaged = [*members[:hit], bytes(member), *members[hit + 1 :]]
    records = _read("crawl.warc.gz", b"".join(damaged))
    others = [
        k.removeprefix("page:") for i, k in enumerate(kinds) if k.startswith("page:") and i != hit
    ]
    urls = {r.url for r in records if r.kind == "html"}
    assert {f"https://x.test/{int(p[2:-1])}" for p in others} <= urls
    _check_warc(records, kinds, gz_damage=True)
