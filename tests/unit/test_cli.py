from __future__ import annotations

import json
from pathlib import Path

from cli_run import run

SEED = Path(__file__).resolve().parents[2] / "seeds" / "004_ea4ee81a95d7319a.txt"


def test_clean_seed_to_json():
    code, out, _ = run("clean", str(SEED))
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Zelenskyy announces progress in prisoner swap negotiations with Russia"
    assert data["authors"] == ["Bushra Saleem"]


def test_jsonl_and_text_formats_and_stdin():
    code, out, _ = run("clean", "--format", "jsonl", "-", str(SEED), stdin="Advertisement\nHi.")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert json.loads(lines[0])["path"] == "-"
    code, out, _ = run("clean", "--format", "text", str(SEED))
    assert out.startswith("Zelenskyy announces progress")


def test_missing_file_is_reported_and_others_still_written(tmp_path):
    code, out, err = run("clean", "--format", "jsonl", str(tmp_path / "nope.txt"), str(SEED))
    assert code == 1
    assert "nope.txt: no such file" in err and "1 of 2 records failed" in err
    failure, article = (json.loads(line) for line in out.splitlines())
    assert failure["error"] == {"type": "InputError", "message": "no such file"}
    assert article["title"].startswith("Zelenskyy") and "error" not in article


def test_undecodable_file_names_the_encoding(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    code, _, err = run("clean", str(bad))
    assert code == 1 and "not utf-8 text" in err
    code, out, _ = run("clean", "--encoding", "latin-1", "--format", "text", str(bad))
    assert code == 0 and "Café" in out


def test_without_drops_a_cleaner_and_unknown_name_is_usage_error():
    code, out, _ = run(
        "clean",
        "--format",
        "text",
        "--without",
        "remove_ad_labels",
        "-",
        stdin="Advertisement\nHi.",
    )
    assert code == 0 and "Advertisement" in out
    code, _, err = run("clean", "--without", "nope", str(SEED))
    assert code == 2 and "no step named 'nope'" in err


def test_cleaners_lists_reason_codes():
    code, out, _ = run("cleaners")
    assert code == 0 and "remove_headline_lists" in out and "headline_list_heading" in out


def test_bad_usage_exits_2():
    assert run()[0] == 2
    assert run("clean", "--reference-date", "soon", str(SEED))[0] == 2


PAGE = (
    "<html><body><article><h1>Harbour plan agreed</h1><p>"
    + "The council met on Monday and agreed on the harbour plan after a long debate. " * 4
    + "</p></article></body></html>"
)


def test_max_bytes_fails_only_the_page_over_the_limit(tmp_path):
    small, big = tmp_path / "small.html", tmp_path / "big.html"
    small.write_text(PAGE, encoding="utf-8")
    big.write_text(PAGE.replace("</p>", "</p>" + "<p>More text here.</p>" * 200), encoding="utf-8")
    limit = str(len(PAGE.encode("utf-8")) + 100)
    for jobs in ("1", "2"):
        code, out, err = run(
            "clean", "--format", "jsonl", "--max-bytes", limit, "--jobs", jobs, str(big), str(small)
        )
        rows = [json.loads(line) for line in out.splitlines()]
        assert code == 1 and len(rows) == 2
        assert rows[0]["error"]["type"] == "InputTooLargeError"
        assert f"limit of {int(limit):,} bytes" in rows[0]["error"]["message"]
        assert rows[1]["title"] == "Harbour plan agreed"
        assert "1 of 2 records failed" in err
    code, out, _ = run("clean", "--format", "jsonl", "--max-bytes", "none", str(big))
    assert code == 0 and "error" not in json.loads(out)


def test_max_bytes_must_be_a_positive_number_or_none(capsys):
    code, _, _ = run("clean", "--max-bytes", "-5", str(SEED))
    assert code == 2 and "--max-bytes" in capsys.readouterr().err  # argparse's own message
