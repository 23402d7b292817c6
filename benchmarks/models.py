"""Every model the package ships, rebuilt from the dev data, or checked against that rebuild.

Each file in ``src/articlekit/models/`` is the ``fit`` of one training command on a table
that the *current* code reads off ``../shared/data/dev/``. A change to a feature, a cleaner
or the reader changes those tables, and the shipped weights then no longer come out of
their command: this checks that they still do, and writes them anew when they do not::

    python -m benchmarks.models check ../shared/data/dev     # exit 1 when a file differs
    python -m benchmarks.models rebuild ../shared/data/dev   # write the files that differ

Both build every table afresh in a temporary folder (never a cache left by older code).
The models are built in order, as some tables are read through the others: the region
models and the page-block model first (``benchmarks.train``, on the pages and page texts),
then the votes whose candidates ``clean_html`` or ``clean_text`` reads with those weights
in place (the publication day, the markup-only day, the title, whole-page text's title,
the name alone over the story). ``rebuild`` writes each file that differs before the next
table is read, and goes round the list until a round changes no file (at most three rounds:
a table read before a later model changed may read differently after). scikit-learn is
needed (the ``train`` extra); the library reads the weights without it.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: This checkout, and the package's models in it.
ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "src" / "articlekit" / "models"


def _run(command: list[str]) -> None:
    """Run a build step on this checkout's code, whatever is installed (a git worktree of an
    editable install would import the installed checkout's)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)


@dataclass(frozen=True)
class Model:
    """One shipped model: its file and the ``python -m`` module that builds it.

    ``path``: ``benchmarks.train``'s ``--path`` (None for the votes, which have one).
    """

    file: str
    module: str
    path: str | None = None

    def table(self, data: Path, cache: Path, jobs: int) -> list[str]:
        """The command that reads the table.

        Example:
            >>> Model("page_title.json", "benchmarks.title_model").table(
            ...     Path("dev"), Path("c"), 2)[2:]
            ['benchmarks.title_model', 'table', 'dev', '--cache', 'c', '--jobs', '2']
        """
        command = [sys.executable, "-m", self.module, "table", str(data)]
        return [*command, "--cache", str(cache), "--jobs", str(jobs)]

    def fit(self, cache: Path, out: Path) -> list[str]:
        """The command that fits the model on the table in ``cache`` into ``out``.

        Example:
            >>> Model("page_block.json", "benchmarks.train", "html").fit(Path("c"), Path("o"))[2:]
            ['benchmarks.train', 'fit', '--cache', 'c', '--out', 'o', '--path', 'html']
        """
        command = [sys.executable, "-m", self.module, "fit", "--cache", str(cache)]
        command += ["--out", str(out)]
        return command + (["--path", self.path] if self.path else [])


#: In build order: a later model's table is read through the earlier models' weights.
SHIPPED = (
    Model("article_region.json", "benchmarks.train", "regions"),
    Model("page_block.json", "benchmarks.train", "html"),
    Model("published_date.json", "benchmarks.date_model"),
    Model("published_date_markup.json", "benchmarks.markup_date_model"),
    Model("page_title.json", "benchmarks.title_model"),
    # Whole-page text's title, before the name vote: the name's table reads the headline.
    Model("page_title_text.json", "benchmarks.page_title"),
    Model("name_line.json", "benchmarks.name_model"),
)


def build(data: Path, work: Path, jobs: int, write: bool = False) -> list[str]:
    """Fit every model of :data:`SHIPPED` afresh into ``work`` and return the files that
    differ from the shipped ones in :data:`MODELS`.

    Each table is read with the package's weights as they are in :data:`MODELS` at that
    moment: every file is checked against what its command makes of the weights before it.
    ``write``: a file that differs replaces the shipped one at once, so the tables after it
    are read with the new weights.
    """
    differ = []
    tables: dict[str, Path] = {}
    for model in SHIPPED:
        # benchmarks.train's one table serves both of its paths.
        cache = tables.setdefault(model.module, work / model.module)
        if not cache.exists():
            cache.mkdir(parents=True)
            print(f"== table: {model.module}", file=sys.stderr, flush=True)
            _run(model.table(data.resolve(), cache, jobs))
        out = work / model.file
        _run(model.fit(cache, out))
        same = filecmp.cmp(out, MODELS / model.file, shallow=False)
        print(f"{model.file}: {'same' if same else 'differs'}", flush=True)
        if not same:
            differ.append(model.file)
            if write:
                shutil.copyfile(out, MODELS / model.file)
    return differ


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.models check|rebuild DATA``: see the module's docstring."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.models", description=__doc__.splitlines()[0]
    )
    parser.add_argument("command", choices=("check", "rebuild"))
    parser.add_argument("data", type=Path, help="the folder of the dev .jsonl.gz files")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no such folder: {args.data}")
    rounds = 1 if args.command == "check" else 3
    for round_ in range(1, rounds + 1):
        with tempfile.TemporaryDirectory(prefix="articlekit-models-") as tmp:
            differ = build(args.data, Path(tmp), args.jobs, write=args.command == "rebuild")
        if not differ:
            print("every shipped model is its command's output")
            return 0
        if args.command == "check":
            print(f"{len(differ)} shipped model(s) differ: python -m benchmarks.models rebuild")
            return 1
        print(f"round {round_}: wrote {', '.join(differ)}", flush=True)
    print("still changing after three rounds", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
