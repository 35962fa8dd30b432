"""The shape of the code base, checked on every run: no import cycles, no overlong modules, and a Qt
rule that fails when Qt is imported below the UI (docs/architecture.md explains why each rule exists)."""

from __future__ import annotations

import ast
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from collections import deque
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop", "db")
MAX_LINES = 400
EXEMPT = ("db/migrations/",)  # generated once per schema change and never edited afterwards
QT_CONTRACT = "No Qt outside desktop/ui"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def import_graph() -> dict[str, set[str]]:
    """Module -> the app modules it imports, including imports inside functions (not TYPE_CHECKING ones)."""
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True, cache_dir=None)
    return {module: graph.find_modules_directly_imported_by(module) & graph.modules for module in graph.modules}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle, in import order, for each group of modules that import each other (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(cycle_through(min(group), group, graph))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def cycle_through(start: str, group: set[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest way from `start` back to itself inside `group`: the imports to cut, in order."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for imported in sorted(graph[module] & group):
            if imported == start:
                path = [module]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if imported not in came_from:
                came_from[imported] = module
                queue.append(imported)
    raise AssertionError(f"{start} is in a cycle that does not return to it")


def test_no_module_imports_another_that_imports_it_back():
    found = cycles(import_graph())
    assert found == [], "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_cycles_are_found_and_named():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_is_over_400_lines():
    long = {
        path.relative_to(REPO).as_posix(): lines
        for package in PACKAGES
        for path in (REPO / package).rglob("*.py")
        if not path.relative_to(REPO).as_posix().startswith(EXEMPT)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines (split them by role): {long}"


def test_the_ui_opens_no_database_session():
    """Services own transactions: a page or dialog asks a service, never `profile.sessions()` itself."""
    opened = [
        f"{path.relative_to(REPO)}:{node.lineno}"
        for path in (REPO / "desktop" / "ui").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in {"sessions", "engine"}
    ]
    assert opened == []


def contracts() -> list[dict[str, object]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_the_qt_rule_covers_everything_outside_the_ui():
    (qt_rule,) = [c for c in contracts() if c["name"] == QT_CONTRACT]
    assert qt_rule.get("allow_indirect_imports", "False") == "False"
    top_level = {f"desktop.{m.name}" for m in pkgutil.iter_modules([str(REPO / "desktop")])} | {"db"}
    assert top_level - {"desktop.ui"} - set(qt_rule["source_modules"]) == set()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the code and its contracts, to break on purpose."""
    root = tmp_path_factory.mktemp("scratch")
    for package in PACKAGES:
        shutil.copytree(REPO / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def broken_rules(output: str) -> list[str]:
    # "<name> BROKEN", maybe followed by "(1 ignored import)"
    return [line.split(" BROKEN")[0] for line in output.splitlines() if " BROKEN" in line]


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("desktop/security/recovery.py", "import PySide6.QtCore"),
        ("desktop/fileio.py", "import PySide6.QtCore"),
        ("desktop/services/stats.py", "from PySide6.QtCore import QObject"),
        ("db/search_index.py", "import shiboken6"),
        # Indirect: a module below the UI that imports one of the UI's modules brings Qt with it.
        ("desktop/reports/fonts.py", "import desktop.ui.style"),
    ],
)
def test_a_qt_import_below_the_ui_breaks_the_rule(scratch: Path, module: str, line: str):
    target = scratch / module
    original = target.read_text(encoding="utf-8")
    try:
        target.write_text(f"{original}\n{line}\n", encoding="utf-8")
        done = lint_imports(scratch)
    finally:
        target.write_text(original, encoding="utf-8")
    assert done.returncode != 0
    assert QT_CONTRACT in broken_rules(done.stdout), done.stdout


def test_the_unbroken_copy_keeps_every_rule(scratch: Path):
    done = lint_imports(scratch)
    assert done.returncode == 0, done.stdout
