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


def test_reason_code_table_matches_the_builtins():
    table = (ROOT / "docs" / "reason-codes.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (?:`(\w+)`|—) \|", table, re.M)
    documented = {(name, code) for name, code in rows}
    actual = {(c.name, r) for c in cleaners.BUILTIN.values() for r in c.reasons}
    actual |= {(c.name, "") for c in cleaners.BUILTIN.values() if not c.reasons}
    assert documented == actual
    order = list(dict.fromkeys(name for name, _ in rows))
    assert order == list(cleaners.BUILTIN)
