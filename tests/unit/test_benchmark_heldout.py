"""benchmarks.heldout: one command for the leave-one-dataset-out runs (no data, no fitting here).

The two commands it runs are replaced by a fake that records them and writes what they would
write; what is checked is which commands run, with which weights, and the table printed.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from benchmarks import heldout


def _prf(f: float, p: float, r: float, n: int = 3) -> dict[str, Any]:
    return {"f": f, "p": p, "r": r, "n": n}


NONE = _prf(0.0, 0.0, 0.0, n=0)


def _results(system: str, **scores: Any) -> dict[str, Any]:
    got = {"text": NONE, "snippets": NONE, "body": NONE, **scores}
    return {"files": [{"systems": {system: got}}]}


def test_summary_rows_score_each_set_by_what_its_gold_has() -> None:
    messy = _results(
        "articlekit_text",
        body=_prf(0.98, 0.99, 0.97),
        body_lost={"rate": 0.0407},
        junk_leaked={"rate": 0.0859},
    )
    rows = heldout.summary_rows(
        {
            "dragnet": _results("articlekit_html", text=_prf(0.9034, 0.9217, 0.8858)),
            "trafilatura-eval": _results("articlekit_html", snippets=_prf(0.9466, 0.9352, 0.9583)),
            "messy-dev": messy,
        }
    )
    assert rows[2:] == [
        "| dragnet | articlekit_html | main text | 0.9034 | 0.9217 | 0.8858 | |",
        "| trafilatura-eval | articlekit_html | snippets | 0.9466 | 0.9352 | 0.9583 | |",
        "| messy-dev | articlekit_text | body | 0.9800 | 0.9900 | 0.9700 | 4.07% / 8.59% |",
    ]


class _Fake:
    """Stands in for subprocess.run: records each command and writes its output file."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], str | None]] = []
        self.blocks: list[str | None] = []  # the page-block weights of each run

    def __call__(self, command: list[str], check: bool, env: dict[str, str] | None = None) -> Any:
        assert check
        weights = env.get("ARTICLEKIT_REGION_WEIGHTS") if env else None
        self.calls.append((command, weights))
        if "benchmarks.run" in command:
            self.blocks.append(env.get("ARTICLEKIT_BLOCK_WEIGHTS") if env else None)
        out = Path(command[command.index("--out") + 1])
        if "benchmarks.train" in command:
            out.write_text("{}", encoding="utf-8")
        else:
            text = _results("articlekit_text", text=_prf(0.86, 0.85, 0.87))
            out.write_text(json.dumps(text), encoding="utf-8")
        return subprocess.CompletedProcess(command, 0)


def _data(tmp_path: Path, *sets: str) -> Path:
    data = tmp_path / "dev"
    data.mkdir()
    for name in sets:
        (data / f"{name}.jsonl.gz").write_bytes(b"")
    return data


def test_each_set_is_scored_with_weights_fitted_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data(tmp_path, "dragnet", "messy-dev")
    fake = _Fake()
    monkeypatch.setattr(heldout.subprocess, "run", fake)
    out = tmp_path / "out"
    argv = [str(data), "--out-dir", str(out), "--sets", "dragnet,messy-dev", "--jobs", "1"]
    assert heldout.main(argv) == 0
    fits = [c for c, _ in fake.calls if "benchmarks.train" in c]
    runs = [(c, w) for c, w in fake.calls if "benchmarks.run" in c]
    # The region models without each set; the page-block model without the set of pages only.
    assert [(c[c.index("--path") + 1], c[c.index("--exclude") + 1]) for c in fits] == [
        ("regions", "dragnet"),
        ("html", "dragnet"),
        ("regions", "messy-dev"),
    ]
    # Each set is scored with the weights fitted without it, and only its own file.
    for (command, weights), name in zip(runs, ["dragnet", "messy-dev"], strict=True):
        assert weights == str(out / f"weights-{name}.json")
        assert command[3] == str(data / f"{name}.jsonl.gz")
    assert fake.blocks == [str(out / "blocks-dragnet.json"), None]
    printed = capsys.readouterr().out
    assert "| dragnet | articlekit_text | main text | 0.8600 | 0.8500 | 0.8700 | |" in printed
    # Weights already there are reused; --refit fits them again.
    fake.calls.clear()
    assert heldout.main(argv) == 0
    assert not [c for c, _ in fake.calls if "benchmarks.train" in c]
    assert heldout.main([*argv, "--refit"]) == 0
    assert len([c for c, _ in fake.calls if "benchmarks.train" in c]) == 3


def test_a_set_that_is_not_labelled_or_not_there_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(tmp_path, "dragnet")
    monkeypatch.setattr(heldout.subprocess, "run", _Fake())
    out = str(tmp_path / "out")
    with pytest.raises(SystemExit):
        heldout.main([str(data), "--out-dir", out, "--sets", "htmldate-eval"])
    with pytest.raises(SystemExit):
        heldout.main([str(data), "--out-dir", out, "--sets", "wcxb-dev"])


def test_weights_older_than_their_table_are_fitted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Weights fitted on a table an older checkout read are not what the code measured gives
    # (the shipped models drifted so): a table newer than the weights has them fitted again.
    data = _data(tmp_path, "messy-dev")
    fake = _Fake()
    monkeypatch.setattr(heldout.subprocess, "run", fake)
    out = tmp_path / "out"
    argv = [str(data), "--out-dir", str(out), "--sets", "messy-dev", "--jobs", "1"]
    monkeypatch.setattr(heldout, "_table_time", lambda path: 0.0)
    assert heldout.main(argv) == 0
    weights = out / "weights-messy-dev.json"
    written = weights.stat().st_mtime
    fake.calls.clear()
    monkeypatch.setattr(heldout, "_table_time", lambda path: written - 1)
    assert heldout.main(argv) == 0
    assert not [c for c, _ in fake.calls if "benchmarks.train" in c]
    monkeypatch.setattr(heldout, "_table_time", lambda path: written + 1)
    assert heldout.main(argv) == 0
    assert [c[c.index("--exclude") + 1] for c, _ in fake.calls if "benchmarks.train" in c] == [
        "messy-dev"
    ]
    assert "older than the table" in capsys.readouterr().err


def test_table_time_is_the_newest_pickle_of_the_path(tmp_path: Path) -> None:
    assert heldout._table_time("regions", tmp_path) == 0.0
    (tmp_path / "text").mkdir()
    (tmp_path / "html").mkdir()
    (tmp_path / "text" / "a.pkl").write_bytes(b"")
    (tmp_path / "html" / "b.pkl").write_bytes(b"")
    os.utime(tmp_path / "text" / "a.pkl", (100.0, 100.0))
    os.utime(tmp_path / "html" / "b.pkl", (200.0, 200.0))
    assert heldout._table_time("regions", tmp_path) == 100.0
    assert heldout._table_time("html", tmp_path) == 200.0
