"""Batches never lose a record: damaged input, failing cleaners, time budgets, interrupts.

Each test here is a failure measured on the code before issue 16 (53ac9ea): a whole file lost
to one binary line, a traceback, records glued together, a batch that stalls or dies.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from articlekit import DEFAULT_PIPELINE, clean_text
from articlekit.batch import Record, clean_records, read_inputs
from cli_run import jsonl as rows
from cli_run import run
from warc_pages import warc_record

ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "The old bridge over the river reopened on Monday after two years of repairs, the city "
    "said, and the first buses crossed it at noon."
)
PAGE = (
    "<html><head><title>Bridge reopens | City Paper</title></head><body><article>"
    "<h1>Bridge reopens</h1><p>" + STORY + "</p><p>Advertisement</p></article></body></html>"
)


def story(i: int) -> str:
    return f"Story {i}. " + STORY


def jsonl_line(i: int) -> bytes:
    return (json.dumps({"id": i, "text": story(i)}) + "\n").encode()


def flushed_gzip(lines: list[bytes]) -> tuple[bytes, list[int]]:
    """A gzip file whose deflate stream is flushed after each line; where each line starts."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = bytearray(packer.compress(b""))
    starts = []
    for line in lines:
        starts.append(len(data))  # everything before is the lines before, flushed
        data += packer.compress(line) + packer.flush(zlib.Z_FULL_FLUSH)
    data += packer.flush()
    return bytes(data), starts


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])
    return env


# --- JSON Lines ----------------------------------------------------------------------------


def test_a_binary_line_is_one_error_and_the_lines_after_it_are_read(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_bytes(
        jsonl_line(1) + jsonl_line(2) + b"\xff\xfe\x00binary\x9c junk\n" + jsonl_line(4)
    )
    code, out, err = run("clean", str(path))
    got = rows(out)
    assert code == 1
    assert [r["record"] for r in got] == [1, 2, 3, 4]
    assert [r.get("id") for r in got] == [1, 2, None, 4]
    assert "not utf-8 text" in got[2]["error"]["message"]  # type: ignore[index]
    assert f"{path}:3: not utf-8 text" in err and "1 of 4 records failed" in err


def test_a_lone_surrogate_does_not_break_the_output_line(tmp_path):
    path = tmp_path / "pages.jsonl"
    line = '{"id": 1, "url": "https://x.test/\\udc80", "text": "Caf\\ud800 ' + STORY + '"}\n'
    path.write_bytes(line.encode() + jsonl_line(2))
    target = tmp_path / "out.jsonl"
    code, _, err = run("clean", "-o", str(target), str(path))
    got = rows(target.read_text(encoding="utf-8"))
    assert (code, err) == (0, "")
    assert [r["id"] for r in got] == [1, 2]
    assert got[0]["text"].startswith("Caf\ufffd")  # type: ignore[union-attr]
    assert got[0]["url"] == "https://x.test/\ufffd"
    # The page's own surrogate is replaced by the cleaner, which records it.
    assert any(r["reason"] == "invalid_character" for r in got[0]["removed"])  # type: ignore[union-attr]


def test_a_corrupt_gzip_keeps_every_line_before_the_damage_and_the_files_after(tmp_path):
    lines = [jsonl_line(i) for i in range(1, 31)]
    data, starts = flushed_gzip(lines)
    damaged = bytearray(data)
    damaged[starts[20] : starts[20] + 40] = b"\xff" * 40  # inside line 21's deflate data
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(bytes(damaged))
    after = tmp_path / "b.jsonl"
    after.write_bytes(jsonl_line(100))
    outputs = []
    for jobs in ("1", "2"):
        code, out, err = run("clean", "--jobs", jobs, str(path), str(after))
        got = rows(out)
        assert code == 1
        assert [r.get("id") for r in got] == [*range(1, 21), None, 100]
        assert [r["record"] for r in got] == [*range(1, 22), 1]
        error = got[20]["error"]["message"]  # type: ignore[index]
        assert "corrupt gzip data" in error and "line 21 and the rest of the file" in error
        assert "1 of 22 records failed" in err
        outputs.append(out)
    assert outputs[0] == outputs[1]


def test_a_truncated_gzip_keeps_its_whole_lines(tmp_path):
    data = gzip.compress(b"".join(jsonl_line(i) for i in range(1, 6)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) - 30])
    got = list(read_inputs([str(path)]))
    assert [r.kind for r in got[:-1]] == ["text"] * (len(got) - 1)
    assert got[-1].kind == "error" and "stops short" in (got[-1].error or "")
    assert got[-1].position == len(got)


# --- any exception, time budgets ------------------------------------------------------------


CLEANERS = textwrap.dedent(
    """
    import os
    import time

    def crash(draft):
        if any("crash" in b.text for b in draft.blocks):
            os._exit(3)
        return draft

    def boom(draft):
        if any("boom" in b.text for b in draft.blocks):
            raise RuntimeError("a bug\\nover two lines")
        return draft

    def slow(draft):
        if any("slow" in b.text for b in draft.blocks):
            time.sleep(60)
        return draft
    """
)


@pytest.fixture
def my_cleaners(tmp_path, monkeypatch):
    (tmp_path / "my_batch_cleaners.py").write_text(CLEANERS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import my_batch_cleaners

    return my_batch_cleaners


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_any_exception_from_a_record_is_its_error_line(tmp_path, monkeypatch, jobs):
    import articlekit.batch

    real = articlekit.batch.clean_text

    def buggy(text: str, **kwargs: object) -> object:  # a bug outside any cleaner
        if "boom" in text:
            raise ZeroDivisionError("a bug\nover two lines")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(articlekit.batch, "clean_text", buggy)
    path = tmp_path / "pages.jsonl"
    texts = [story(i) + (" boom" if i in (8, 10) else "") for i in range(20)]
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    code, out, err = run("clean", "--jobs", jobs, str(path))
    got = rows(out)
    assert code == 1 and len(got) == 20
    assert [i for i, r in enumerate(got) if "error" in r] == [8, 10]
    assert got[8]["error"] == {"type": "ZeroDivisionError", "message": "a bug over two lines"}
    assert f"{path}:9: a bug over two lines\n" in err and "2 of 20 records failed" in err


def test_a_failing_cleaner_of_ones_own_is_its_records_error(tmp_path, my_cleaners):
    path = tmp_path / "pages.jsonl"
    texts = [story(i) + (" boom" if i == 1 else "") for i in range(3)]
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    code, out, err = run("clean", "--add", "my_batch_cleaners:boom", str(path))
    got = rows(out)
    assert code == 1 and [r.get("error", {}).get("type") for r in got] == [  # type: ignore[union-attr]
        None,
        "CleanerError",
        None,
    ]
    assert err.count("\n") == 2  # the failure on one line, then the summary


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_stops_a_record_in_place_and_the_batch_goes_on(tmp_path, my_cleaners, jobs):
    path = tmp_path / "pages.jsonl"
    texts = [story(i) + (" slow" if i == 2 else "") for i in range(6)]
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    argv = ["clean", "--jobs", jobs, "--timeout", "0.5", "--add", "my_batch_cleaners:slow"]
    code, out, err = run(*argv, str(path))
    got = rows(out)
    assert code == 1 and [r["id"] for r in got] == list(range(6))
    assert got[2]["error"]["type"] == "TimeoutError"  # type: ignore[index]
    assert all("error" not in r for i, r in enumerate(got) if i != 2)
    assert [r["text"] for i, r in enumerate(got) if i != 2] == [
        clean_text(t).text for i, t in enumerate(texts) if i != 2
    ]
    assert "took more than 0.5 s" in err


def test_a_worker_that_dies_fails_its_record_only(my_cleaners):
    pipeline = DEFAULT_PIPELINE.with_(my_cleaners.crash)
    records = [Record("r", i, "text", story(i) + (" crash" if i == 2 else "")) for i in range(5)]
    for jobs in (1, 2):
        results = list(clean_records(records, pipeline=pipeline, jobs=jobs, timeout=30))
        assert [r.error_type for r in results] == [None, None, "ChildProcessError", None, None]
    results = list(clean_records(records, pipeline=pipeline, jobs=2))
    assert [r.error_type for r in results] == [None, None, "ChildProcessError", None, None]


def test_timeout_in_the_api_with_a_pipeline_of_ones_own(my_cleaners):
    pipeline = DEFAULT_PIPELINE.with_(my_cleaners.slow)
    records = [Record("r", i, "text", story(i) + (" slow" if i == 1 else "")) for i in range(3)]
    results = list(clean_records(records, pipeline=pipeline, timeout=0.5))
    assert [(r.position, r.error_type) for r in results] == [
        (0, None),
        (1, "TimeoutError"),
        (2, None),
    ]
    with pytest.raises(ValueError, match="timeout"):
        list(clean_records(records, timeout=0))


def test_bad_timeout_and_encoding_are_one_line_usage_errors(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    assert run("clean", "--timeout", "-1", str(path))[0] == 2
    for encoding in ("foo", "rot13"):
        code, out, err = run("clean", "--encoding", encoding, str(path))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and f"--encoding {encoding!r}" in err


# --- WARC ----------------------------------------------------------------------------------


def pages(n: int) -> list[bytes]:
    return [
        warc_record(f"https://x.test/{i}", PAGE.replace("Bridge", f"Bridge {i}").encode())
        for i in range(n)
    ]


def with_length(record: bytes, length: int) -> bytes:
    head, _, rest = record.partition(b"\r\n\r\n")
    lines = [
        b"Content-Length: %d" % length if line.startswith(b"Content-Length:") else line
        for line in head.split(b"\r\n")
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + rest


def warc_titles(path: Path) -> list[object]:
    code, out, _ = run("clean", str(path))
    assert code == 1
    got = rows(out)
    for row in got:
        assert "HTTP/1.1" not in str(row.get("text", "")) and "WARC/1.0" not in str(row)
    return [r.get("title") or r["error"]["type"] for r in got]  # type: ignore[index]


def test_a_warc_record_with_an_oversized_content_length_is_one_error(tmp_path):
    records = pages(4)
    for name, data in (
        ("a.warc", records[0] + with_length(records[1], 10_000) + records[2] + records[3]),
        ("b.warc", records[0] + records[1] + with_length(records[2], 10**12)),
        ("c.warc", records[0] + with_length(records[1], 120) + records[2]),  # too short
    ):
        path = tmp_path / name
        path.write_bytes(data)
        expected = {
            "a.warc": ["Bridge 0 reopens", "InputError", "Bridge 2 reopens", "Bridge 3 reopens"],
            "b.warc": ["Bridge 0 reopens", "Bridge 1 reopens", "InputError"],
            "c.warc": ["Bridge 0 reopens", "InputError", "Bridge 2 reopens"],
        }[name]
        assert warc_titles(path) == expected, name


def test_garbage_between_warc_records_is_one_error(tmp_path):
    records = pages(3)
    for garbage in (b"\x00\x01 garbage\r\nmore\r\n" * 50, b"\n\x00", b"\r\x00 no line end"):
        path = tmp_path / "g.warc"
        path.write_bytes(records[0] + garbage + records[1] + records[2])
        assert warc_titles(path) == [
            "Bridge 0 reopens",
            "InputError",
            "Bridge 1 reopens",
            "Bridge 2 reopens",
        ], garbage


def test_a_corrupt_member_of_a_warc_gz_is_one_error(tmp_path):
    members = [gzip.compress(r) for r in pages(4)]
    damaged = bytearray(members[1])
    damaged[30:60] = b"\xff" * 30
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(members[0] + bytes(damaged) + members[2] + members[3])
    titles = warc_titles(path)
    assert titles == ["Bridge 0 reopens", "InputError", "Bridge 2 reopens", "Bridge 3 reopens"]


def test_gzip_damage_found_at_a_members_end_or_start_costs_that_member_only(tmp_path):
    members = [gzip.compress(r) for r in pages(3)]
    # Its CRC, its magic, its flags (FEXTRA: zlib then reads on into the next member).
    for where, bit in ((len(members[1]) - 6, 0x01), (0, 0x01), (3, 0x04)):
        damaged = bytearray(members[1])
        damaged[where] ^= bit
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(members[0] + bytes(damaged) + members[2])
        assert warc_titles(path) == ["Bridge 0 reopens", "InputError", "Bridge 2 reopens"], where


def test_a_plain_warc_that_starts_like_gzip_is_read_as_plain(tmp_path):
    path = tmp_path / "odd.warc"
    path.write_bytes(b"\x1f\x8b" + pages(1)[0])
    assert warc_titles(path) == ["InputError", "Bridge 0 reopens"]


def test_warc_without_fastwarc_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "crawl.warc"
    path.write_bytes(pages(1)[0])
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    code, out, err = run("clean", str(path))
    assert (code, out) == (2, "")
    assert err == "articlekit: reading WARC files needs FastWARC: pip install 'articlekit[warc]'\n"


# --- standard input, pipes, interrupts -----------------------------------------------------


def test_html_on_stdin_is_read_as_html():
    code, out, _ = run("clean", "-", stdin="\n  " + PAGE)
    article = json.loads(out)
    assert code == 0 and article["title"] == "Bridge reopens" and article["text"] == STORY
    code, out, _ = run("clean", "--input-format", "text", "-", stdin=PAGE)
    assert json.loads(out)["text"] == clean_text(PAGE).text  # asked for text: text


def cli(*argv: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "articlekit", *argv], env=python_env(), **kwargs
    )


def test_binary_stdin_html_and_a_closed_pipe_are_quiet(tmp_path):
    page = cli("clean", "-", stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = page.communicate(PAGE.encode("utf-8"), timeout=60)
    assert page.returncode == 0 and json.loads(out)["title"] == "Bridge reopens"
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b"".join(jsonl_line(i) for i in range(400)))
    shell = f"{sys.executable} -m articlekit clean {path} | head -n 1"
    done = subprocess.run(
        shell, shell=True, env=python_env(), capture_output=True, timeout=120, check=False
    )
    assert json.loads(done.stdout)["id"] == 0
    assert done.stderr == b""
    lines = cli(
        "clean",
        "--input-format",
        "jsonl",
        "-",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = lines.communicate(jsonl_line(1) + b"\xff\xfe binary\n" + jsonl_line(3), timeout=60)
    assert lines.returncode == 1 and [r.get("id") for r in rows(out.decode())] == [1, None, 3]
    assert err.decode().startswith("articlekit: -:2: not utf-8 text")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("sig", "jobs", "code", "word"),
    [
        (signal.SIGINT, "1", 130, "interrupted"),
        (signal.SIGTERM, "1", 143, "terminated"),
        (signal.SIGINT, "2", 130, "interrupted"),
    ],
)
def test_an_interrupted_batch_leaves_only_whole_lines(tmp_path, sig, jobs, code, word):
    (tmp_path / "pause.py").write_text(
        "import time\n\ndef pause(draft):\n    time.sleep(0.02)\n    return draft\n"
    )
    path = tmp_path / "pages.jsonl"
    long_text = " ".join([STORY] * 40)  # lines longer than a pipe's or a buffer's chunk
    path.write_text("".join(json.dumps({"id": i, "text": long_text}) + "\n" for i in range(5000)))
    target = tmp_path / "out.jsonl"
    env = python_env()
    env["PYTHONPATH"] += os.pathsep + str(tmp_path)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "articlekit",
            "clean",
            "--jobs",
            jobs,
            "--add",
            "pause:pause",
            "-o",
            str(target),
            str(path),
        ],
        env=env,
        stderr=subprocess.PIPE,
        # A shell's background job (CI started with "&", nohup) ignores SIGINT, and so would
        # the command it starts: Ctrl-C reaches a command whose SIGINT is the default.
        preexec_fn=_default_sigint,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if target.exists() and target.stat().st_size > 50_000:
                break
            time.sleep(0.05)
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:  # a hung command must not outlive the test
            process.kill()
            process.communicate()
    assert process.returncode == code
    assert err.decode().startswith(f"articlekit: {word} after ") and err.count(b"\n") == 1
    got = rows(target.read_text(encoding="utf-8"))
    assert got and [r["id"] for r in got] == list(range(len(got)))


def test_replaced_workers_lose_no_record_and_change_no_output(tmp_path):
    path = tmp_path / "pages.jsonl"
    lines = [{"id": i, "html": PAGE.replace("Bridge", f"Bridge {i}")} for i in range(9)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    code1, one, _ = run("clean", str(path))
    code2, replaced, _ = run("clean", "--jobs", "2", "--records-per-worker", "2", str(path))
    assert code1 == code2 == 0 and one == replaced and len(rows(one)) == 9


def test_records_per_worker_is_checked(capsys):
    with pytest.raises(ValueError, match="records_per_worker"):
        list(clean_records([Record("-", None, "text", STORY)], jobs=2, records_per_worker=0))
    code, _, err = run("clean", "--records-per-worker", "-1", "x.txt")
    assert code == 2 and "--records-per-worker" in err + capsys.readouterr().err
