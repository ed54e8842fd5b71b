"""Layers point down: ``tutor/`` never imports ``agents``, and ``agents/`` has no import cycle.

Both are read from the source with ``ast`` (imports inside functions included), so
a lazy import cannot hide an upward dependency or a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every module ``path`` imports anywhere in its body, as absolute dotted names.

    ``from pkg import name`` yields both ``pkg`` and ``pkg.name`` (``name`` may be a module).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def import_graph(package: str) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports."""
    files = {module_name(p): p for p in sorted((ROOT / package).rglob("*.py"))}
    return {name: {m for m in imported_modules(path) if m in files and m != name} for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as ``[a, b, ..., a]``, or [] when the graph is acyclic."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_no_module_in_tutor_imports_agents():
    offenders = {
        module_name(path): sorted(m for m in imported_modules(path) if m == "agents" or m.startswith("agents."))
        for path in sorted((ROOT / "tutor").rglob("*.py"))
    }
    offenders = {name: mods for name, mods in offenders.items() if mods}
    assert offenders == {}, f"tutor/ must not import the agents layer above it: {offenders}"


def test_no_import_cycle_inside_agents():
    graph = import_graph("agents")
    assert find_cycle(graph) == [], f"import cycle in agents/: {' -> '.join(find_cycle(graph))}"


def test_the_import_reader_sees_lazy_relative_and_from_imports(tmp_path):
    """The two tests above can fail: the reader finds imports inside functions, and the cycle finder finds cycles."""
    source = (
        "import tutor.db\n"
        "from . import state\n"
        "def later():\n"
        "    from agents.tutor import draft_reply\n"
        "    from .checks import find_leaks\n"
    )
    pkg = tmp_path / "agents"
    pkg.mkdir()
    (pkg / "nodes.py").write_text(source)
    found = imported_modules(pkg / "nodes.py", root=tmp_path)
    assert {"tutor.db", "agents.state", "agents.tutor", "agents.tutor.draft_reply", "agents.checks"} <= found
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_agents_graph_is_read_from_the_real_tree():
    graph = import_graph("agents")
    assert "agents.cli" in graph and "agents.solution_check" in graph["agents.cli"]
    assert "agents.resolve" in graph["agents.solution_check"]
