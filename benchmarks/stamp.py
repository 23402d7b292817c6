"""Which code read a training table: a digest of the articlekit package, kept beside the table.

The fitting commands (``benchmarks.train``, ``benchmarks.date_model``...) read their tables
from a cache that outlives the code that wrote it. Weights fitted on a table an older
checkout read are not what the command gives on this one (the shipped models drifted so,
unseen, for a day of changes: benchmarks/README.md, "The shipped models had drifted"). So
``table`` writes the digest of the package it read the pages with, and ``fit``, ``lodo``
and ``benchmarks.heldout`` warn when the code imported now has another.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

#: The file beside a table's pickles that holds the digest of the code that read them.
STAMP = "source.sha256"


def package_dir() -> Path:
    """The folder of the articlekit package Python imports here (without importing it)."""
    spec = importlib.util.find_spec("articlekit")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("articlekit is not importable")
    return Path(spec.origin).parent


def source_digest(package: Path | None = None) -> str:
    """SHA-256 over every file of the package (code, lexicons, shipped models), by path.

    Example:
        >>> len(source_digest())
        64
    """
    root = package or package_dir()
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_stamp(cache: Path) -> None:
    """Record in ``cache`` that its table was read by the code imported now."""
    cache.mkdir(parents=True, exist_ok=True)
    (cache / STAMP).write_text(source_digest() + "\n", encoding="utf-8")


def stale(cache: Path) -> str | None:
    """Why the table in ``cache`` may not be this code's reading, or None when it is.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     before = stale(Path(tmp))
        ...     write_stamp(Path(tmp))
        ...     before is not None, stale(Path(tmp))
        (True, None)
    """
    path = cache / STAMP
    if not path.is_file():
        return f"no record of the code that read the table in {cache}"
    if path.read_text(encoding="utf-8").strip() != source_digest():
        return f"the table in {cache} was read by other code than the articlekit imported now"
    return None


def warn_if_stale(cache: Path, command: str) -> None:
    """Print a warning to standard error when :func:`stale` finds a reason."""
    reason = stale(cache)
    if reason:
        print(
            f"warning: {reason}; `{command}` again before fitting weights to ship or to judge",
            file=sys.stderr,
            flush=True,
        )
