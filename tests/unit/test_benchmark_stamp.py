"""benchmarks.stamp: a training table records which code read it, and a changed package shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import stamp


def _package(root: Path) -> Path:
    package = root / "articlekit"
    (package / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("x = 1\n", encoding="utf-8")
    (package / "models" / "m.json").write_text("{}", encoding="utf-8")
    return package


def test_the_digest_follows_every_file_of_the_package(tmp_path: Path) -> None:
    package = _package(tmp_path)
    first = stamp.source_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert stamp.source_digest(package) == first  # compiled files are no source
    (package / "models" / "m.json").write_text('{"w": 1}', encoding="utf-8")
    assert stamp.source_digest(package) != first  # a shipped model is read by the tables too
    (package / "models" / "m.json").write_text("{}", encoding="utf-8")
    (package / "models" / "n.json").write_text("{}", encoding="utf-8")
    assert stamp.source_digest(package) != first


def test_a_table_read_by_other_code_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(tmp_path / "src")
    monkeypatch.setattr(stamp, "package_dir", lambda: package)
    cache = tmp_path / "cache"
    assert "no record" in (stamp.stale(cache) or "")
    stamp.write_stamp(cache)
    assert stamp.stale(cache) is None
    stamp.warn_if_stale(cache, "python -m benchmarks.train table")
    assert capsys.readouterr().err == ""
    (package / "__init__.py").write_text("x = 2\n", encoding="utf-8")
    assert "other code" in (stamp.stale(cache) or "")
    stamp.warn_if_stale(cache, "python -m benchmarks.train table")
    assert "`python -m benchmarks.train table` again" in capsys.readouterr().err
