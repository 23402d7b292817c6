"""Run ``articlekit``'s command line in-process, for the tests of the CLI and of batches.

Importable from any test module: pytest puts ``tests/`` on ``sys.path`` for its conftest.
"""

from __future__ import annotations

import io
import json

from articlekit.cli import main


def run(*argv: str, stdin: str | bytes = "") -> tuple[int, str, str]:
    """The exit code, standard output and standard error of ``articlekit ARGV...``.

    ``stdin`` as bytes is a standard input with a binary buffer, as a pipe is.
    """
    out, err = io.StringIO(), io.StringIO()
    if isinstance(stdin, bytes):
        given = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    else:
        given = io.StringIO(stdin)
    code = main(list(argv), stdin=given, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def jsonl(text: str) -> list[dict[str, object]]:
    """The rows of JSON Lines output."""
    return [json.loads(line) for line in text.splitlines()]
