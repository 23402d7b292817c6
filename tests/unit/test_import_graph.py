"""The package has no import cycles (issue 17).

The graph is read from the source with ``ast``, not from ``sys.modules``: an import inside a
function counts as much as one at the top of a module, since a lazy import that only dodges
a cycle at load time still ties the two modules together. Imports under ``if TYPE_CHECKING:``
are left out: they never run.

``from articlekit import lexicon`` names the submodule, ``from articlekit import clean_html``
the package's ``__init__``. The parent packages that Python runs before a submodule are not
edges: a package ``__init__`` may re-export its modules as long as none of them imports back
through it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "articlekit"
SRC = Path(__file__).resolve().parents[2] / "src" / PACKAGE


def module_name(path: Path, root: Path) -> str:
    """``src/articlekit/readers/text.py`` -> ``articlekit.readers.text``."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_type_checking(test: ast.expr) -> bool:
    """True for ``TYPE_CHECKING`` and ``typing.TYPE_CHECKING``."""
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import in the tree, in functions too, but not under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and is_type_checking(node.test):
            for child in node.orelse:
                yield from import_nodes(ast.Module(body=[child], type_ignores=[]))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from import_nodes(node)


def absolute_base(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The module a ``from X import ...`` reads from, with relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    parts = importer.split(".")
    # In a package's __init__, "." is the package itself; in a module, its parent.
    drop = node.level - 1 if is_package else node.level
    base = parts[: len(parts) - drop]
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(
    node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, known: set[str]
) -> set[str]:
    """The package's own modules an import statement loads (``from p import m`` names ``p.m``
    when ``m`` is a submodule, else the package ``p`` itself)."""
    found: set[str] = set()
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in known:
                found.add(alias.name)
        return found
    base = absolute_base(node, importer, is_package)
    if base not in known:
        return found
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        found.add(sub if sub in known else base)
    return found


def import_graph(root: Path = SRC) -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    known = set(files)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in import_nodes(tree):
            edges |= imported_modules(node, name, is_package, known)
        edges.discard(name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = []
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        work.append((start, iter(sorted(graph[start]))))
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def test_the_package_has_no_import_cycles():
    graph = import_graph()
    assert len(graph) > 20 and "articlekit.pipeline" in graph  # the source was found
    found = cycles(graph)
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


TYPE_CHECKING_ONLY = """\
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from articlekit import b
"""


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        pytest.param(
            {"a.py": "from articlekit import b", "b.py": "import articlekit.a"},
            [["a", "b"]],
            id="module-level",
        ),
        pytest.param(
            {"a.py": "def f():\n    from articlekit.b import g", "b.py": "from . import a"},
            [["a", "b"]],
            id="in-a-function-and-relative",
        ),
        pytest.param(
            {"__init__.py": "from articlekit.a import f", "a.py": "from articlekit import f"},
            [["", "a"]],
            id="back-through-the-package",
        ),
        pytest.param(
            {
                "sub/__init__.py": "from articlekit.sub.a import f",
                "sub/a.py": "from articlekit.sub import g",
            },
            [["sub", "sub.a"]],
            id="back-through-a-subpackage",
        ),
        pytest.param(
            {"sub/__init__.py": "from .a import f", "sub/a.py": "from articlekit.sub import b"},
            [],
            id="submodule-of-a-subpackage",
        ),
        pytest.param(
            {"a.py": TYPE_CHECKING_ONLY, "b.py": "from articlekit import a"},
            [],
            id="type-checking-only",
        ),
        pytest.param(
            {"a.py": "from articlekit import b", "b.py": "import os\nfrom articlekit import c"},
            [],
            id="no-cycle",
        ),
    ],
)
def test_the_graph_sees_every_kind_of_import(tmp_path, sources, expected):
    root = tmp_path / PACKAGE
    root.mkdir()
    for name in ("__init__.py", "c.py", "sub/b.py"):
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).touch()
    for name, text in sources.items():
        (root / name).write_text(text, encoding="utf-8")
    named = [[m.removeprefix(PACKAGE).lstrip(".") for m in c] for c in cycles(import_graph(root))]
    assert named == expected
