"""Every Python sample in docs/ and README.md runs, and the reason-code table matches the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from articlekit import cleaners

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
SAMPLE = re.compile(r"```python\n(.*?)```", re.S)


def _samples():
    for path in DOCS:
        for i, code in enumerate(SAMPLE.findall(path.read_text(encoding="utf-8"))):
            yield pytest.param(code, id=f"{path.name}-{i}")


@pytest.mark.parametrize("code", list(_samples()))
def test_doc_sample_runs(code, monkeypatch):
    monkeypatch.chdir(ROOT)
    exec(compile(code, "<doc>", "exec"), {"__name__": "__doc_sample__"})


_ROW = re.compile(r"^\| `(\w+)` \| (?:`(\w+)`|—) \|", re.M)


def test_reason_code_table_matches_the_builtins():
    table, _, _ = (
        (ROOT / "docs" / "reason-codes.md")
        .read_text(encoding="utf-8")
        .partition("## Opt-in cleaners")
    )
    rows = _ROW.findall(table)
    documented = {(name, code) for name, code in rows}
    actual = {(c.name, r) for c in cleaners.BUILTIN.values() for r in c.reasons}
    actual |= {(c.name, "") for c in cleaners.BUILTIN.values() if not c.reasons}
    assert documented == actual
    order = list(dict.fromkeys(name for name, _ in rows))
    assert order == list(cleaners.BUILTIN)


def test_opt_in_cleaner_table_matches_the_opt_in_cleaners():
    _, _, table = (
        (ROOT / "docs" / "reason-codes.md")
        .read_text(encoding="utf-8")
        .partition("## Opt-in cleaners")
    )
    opt_in = [cleaners.RemoveBoilerplateRepeat]
    assert set(_ROW.findall(table)) == {(c.name, r) for c in opt_in for r in c.reasons}
    assert not {c.name for c in opt_in} & set(cleaners.BUILTIN)
