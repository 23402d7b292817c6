"""Every Python sample in docs/ and README.md runs, and the reason-code table matches the code."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit import cleaners, cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
SAMPLE = re.compile(r"```python\n(.*?)```", re.S)


# Any fenced block in another Python dialect (```py, ```python3...) would escape the test.
OTHER_PYTHON_FENCE = re.compile(r"^```(?:py|python3|pycon|ipython)\s*$", re.M)


def _samples():
    for path in DOCS:
        for i, code in enumerate(SAMPLE.findall(path.read_text(encoding="utf-8"))):
            # Starting a cluster of worker processes takes seconds: marked, never skipped.
            marks = [pytest.mark.slow, pytest.mark.integration] if "distributed" in code else []
            yield pytest.param(code, id=f"{path.name}-{i}", marks=marks)


@pytest.mark.parametrize("code", list(_samples()))
def test_doc_sample_runs_as_a_script(code, tmp_path):
    # As a reader runs it: a file of its own, `__name__ == "__main__"`, a fresh interpreter with
    # none of the suite's settings (Hypothesis' default deadline applies, worker processes
    # re-import the script), from the repository's root, where the samples find seeds/.
    script = tmp_path / "sample.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def test_every_python_sample_is_fenced_as_python():
    for path in DOCS:
        other = OTHER_PYTHON_FENCE.findall(path.read_text(encoding="utf-8"))
        assert not other, f"{path.name}: use ```python so the sample is run by the tests"


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


def _cli_sections() -> dict[str, str]:
    """docs/cli.md cut at its ``## `articlekit COMMAND` `` headings: command -> its text."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parts = re.split(r"^## `articlekit (\w+)`$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_cli_option_is_in_docs_cli_md():
    parser = cli._build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    sections = _cli_sections()
    assert set(sections) == set(commands.choices)  # every command has its section
    for name, command in commands.choices.items():
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            for option in action.option_strings:
                assert f"`{option}" in sections[name], f"articlekit {name} {option}"
