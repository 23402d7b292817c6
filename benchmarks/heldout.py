"""Leave-one-dataset-out in one command: each dev set scored with models fitted without it.

Every quality change is judged this way (benchmarks/README.md): for each labelled dev set, the
article core's region models are fitted on the other sets (``benchmarks.train fit --path
regions --exclude SET``), and for a set of pages the HTML reader's page-block model too
(``--path html``); the set is then scored by ``benchmarks.run`` with those weights
(``$ARTICLEKIT_REGION_WEIGHTS``, ``$ARTICLEKIT_BLOCK_WEIGHTS``). This runs the steps for
every set, in fresh processes, and prints one table of the results::

    python -m benchmarks.train table ../shared/data/dev        # once: the training table
    python -m benchmarks.heldout ../shared/data/dev --out-dir /tmp/heldout \\
        [--sets dragnet,messy-dev] [--systems articlekit_text,articlekit_html] [--jobs 2]

The weights go to ``OUT_DIR/weights-SET.json`` (regions) and ``OUT_DIR/blocks-SET.json``
(page blocks; messy-dev has no pages) and are reused when they are there (``--refit``
fits them again: after a change to the features, the training code or the table); the raw
results to ``OUT_DIR/results-SET.json``, which ``benchmarks.run`` writes. The code measured is
the one imported from the current directory and ``PYTHONPATH``, as for the commands it runs
(in a git worktree of an editable install, put its ``src`` first: ``PYTHONPATH=src:.``, or
the installed checkout's code is measured). Fitting needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.stamp import warn_if_stale
from benchmarks.systems import BLOCK_WEIGHTS_ENV, REGION_WEIGHTS_ENV
from benchmarks.train import DEFAULT_CACHE, LABELLED, LABELLED_TEXT

#: The systems scored by default: the two articlekit paths the region models act in.
DEFAULT_SYSTEMS = ("articlekit_text", "articlekit_html")


def fit_command(held_out: str, weights: Path, path: str = "regions") -> list[str]:
    """The command that fits the region models (``path="html"``: the page-block model) without
    ``held_out`` into ``weights``.

    It reads the table ``python -m benchmarks.train table DATA`` cached, not the data files.

    Example:
        >>> fit_command("dragnet", Path("w.json"))[2:]
        ['benchmarks.train', 'fit', '--path', 'regions', '--exclude', 'dragnet', '--out', 'w.json']
    """
    return [
        sys.executable,
        "-m",
        "benchmarks.train",
        "fit",
        "--path",
        path,
        "--exclude",
        held_out,
        "--out",
        str(weights),
    ]


def run_command(
    data: Path, held_out: str, systems: Sequence[str], jobs: int, out: Path
) -> list[str]:
    """The command that scores ``held_out``'s file with ``systems`` into ``out``.

    Example:
        >>> run_command(Path("dev"), "dragnet", ["articlekit_text"], 2, Path("r.json"))[3:]
        ['dev/dragnet.jsonl.gz', '--systems', 'articlekit_text', '--jobs', '2', '--out', 'r.json']
    """
    return [
        sys.executable,
        "-m",
        "benchmarks.run",
        str(data / f"{held_out}.jsonl.gz"),
        "--systems",
        ",".join(systems),
        "--jobs",
        str(jobs),
        "--out",
        str(out),
    ]


#: The score a set is judged by, the first its gold has: (summary key, name in the table).
_SCORES = (("text", "main text"), ("snippets", "snippets"), ("body", "body"))


def summary_rows(results: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Markdown rows, one per set and system: the score the set is judged by, with P and R.

    Main-text F1 where the gold has the text, snippet F on a file of snippets only
    (trafilatura-eval), body F1 with the lines lost and leaked on plain-text records
    (messy-dev); four decimals.

    Example:
        >>> prf = {"f": 0.9, "p": 0.95, "r": 0.85, "n": 3}
        >>> none = {"f": None, "p": None, "r": None, "n": 0}
        >>> run = {"files": [{"systems": {"articlekit_text": {"text": prf, "snippets": none,
        ...     "body": none}}}]}
        >>> summary_rows({"dragnet": run})[-1]
        '| dragnet | articlekit_text | main text | 0.9000 | 0.9500 | 0.8500 | |'
    """
    rows = [
        "| set | system | scored by | F | P | R | lost / leaked |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, run in results.items():
        for result in run["files"]:
            for system, got in result["systems"].items():
                scored = [(k, label) for k, label in _SCORES if (got.get(k) or {}).get("n")]
                if not scored:
                    continue
                key, label = scored[0]
                prf = got[key]
                lines = " "
                if key == "body":
                    lost, leaked = got["body_lost"]["rate"], got["junk_leaked"]["rate"]
                    lines = f" {lost:.2%} / {leaked:.2%} "
                rows.append(
                    f"| {name} | {system} | {label} | {prf['f']:.4f} | {prf['p']:.4f} "
                    f"| {prf['r']:.4f} |{lines}|"
                )
    return rows


#: Per ``benchmarks.train`` path: the weights file's prefix in OUT_DIR, and what it fits.
_FITS = {"regions": ("weights", "the region models"), "html": ("blocks", "the page-block model")}


def _table_time(path: str, cache: Path = DEFAULT_CACHE) -> float:
    """When ``benchmarks.train``'s table for ``path`` was last written (0 when there is none)."""
    pickles = (cache / ("text" if path == "regions" else "html")).glob("*.pkl")
    return max((p.stat().st_mtime for p in pickles), default=0.0)


def _fitted(out_dir: Path, held_out: str, path: str, refit: bool) -> Path:
    """The weights of ``path`` fitted without ``held_out``: fitted now unless already there
    and newer than the table they are fitted on (weights fitted on an older table are not
    what the code measured gives)."""
    prefix, what = _FITS[path]
    weights = out_dir / f"{prefix}-{held_out}.json"
    older = weights.is_file() and weights.stat().st_mtime < _table_time(path)
    if older:
        print(f"{held_out}: {weights} is older than the table", file=sys.stderr, flush=True)
    if refit or older or not weights.is_file():
        print(f"{held_out}: fitting {what} without it", file=sys.stderr, flush=True)
        subprocess.run(fit_command(held_out, weights, path), check=True)
    return weights


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder of the dev .jsonl.gz files")
    parser.add_argument("--out-dir", type=Path, required=True, help="weights and results go here")
    parser.add_argument(
        "--sets", default=",".join(LABELLED_TEXT), help="comma-separated sets to hold out in turn"
    )
    parser.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS))
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for benchmarks.run")
    parser.add_argument("--refit", action="store_true", help="fit the weights even when present")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    unknown = [s for s in sets if s not in LABELLED_TEXT]
    if unknown:
        parser.error(
            f"--sets: no labelled set {', '.join(unknown)} (have: {', '.join(LABELLED_TEXT)})"
        )
    missing = [s for s in sets if not (args.data / f"{s}.jsonl.gz").is_file()]
    if missing:
        parser.error(f"no {', '.join(f'{s}.jsonl.gz' for s in missing)} in {args.data}")
    systems = [s for s in args.systems.split(",") if s]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    warn_if_stale(DEFAULT_CACHE, "python -m benchmarks.train table")
    results: dict[str, dict[str, Any]] = {}
    for held_out in sets:
        env = {
            **os.environ,
            REGION_WEIGHTS_ENV: str(_fitted(args.out_dir, held_out, "regions", args.refit)),
        }
        if held_out in LABELLED:  # a set of pages: the HTML reader's model too
            env[BLOCK_WEIGHTS_ENV] = str(_fitted(args.out_dir, held_out, "html", args.refit))
        out = args.out_dir / f"results-{held_out}.json"
        print(f"{held_out}: scoring it with those weights", file=sys.stderr, flush=True)
        subprocess.run(
            run_command(args.data, held_out, systems, args.jobs, out), check=True, env=env
        )
        results[held_out] = json.loads(out.read_text(encoding="utf-8"))
    print("\n".join(summary_rows(results)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as error:
        print(f"failed: {' '.join(map(str, error.cmd))} (exit {error.returncode})", file=sys.stderr)
        sys.exit(1)
