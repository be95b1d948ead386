"""No import circles inside the console package, not even through a lazy import.

The layer contracts in pyproject.toml (lint-imports) forbid upward imports between layers, but
not a circle inside one layer or between two top-level modules outside the layers (as
``console.cli`` and ``console.selftest`` once were). Import-linter's ``acyclic_siblings``
contract compares siblings only, so it misses a circle through a package's own ``__init__``
(``console.cli`` and ``console.cli.selftest_cli``); this test checks the whole module graph.
grimp (installed with import-linter) counts every import: at module level, inside functions
and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import grimp


def import_graph() -> dict[str, set[str]]:
    graph = grimp.build_graph("console", cache_dir=None)
    return {module: {imported for imported in graph.find_modules_directly_imported_by(module)
                     if imported == "console" or imported.startswith("console.")}
            for module in graph.modules}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle for each strongly connected component of more than one module (Tarjan): the
    shortest way from the component's first module (by name) back to itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                components.append(component)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(_way_round(graph, component) for component in components)


def _way_round(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest path from the component's first module back to itself (breadth first)."""
    start = min(component)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for imported in sorted(graph[module] & component):
                if imported == start:
                    path = [module]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if imported not in came_from:
                    came_from[imported] = module
                    following.append(imported)
        frontier = following
    raise AssertionError(f"not a cycle: {sorted(component)}")  # Tarjan said it was one


def test_the_console_package_has_no_import_circle() -> None:
    found = circles(import_graph())
    assert not found, "import circles (each module imports the next):\n" + "\n".join(
        "  " + " -> ".join(circle) for circle in found)


def test_a_circle_is_found_and_shown_the_short_way_round() -> None:
    graph = {"a": {"b"}, "b": {"c", "a"}, "c": {"a"}, "d": {"a"}, "e": {"e2"}, "e2": {"e"}}
    assert circles(graph) == [["a", "b", "a"], ["e", "e2", "e"]]
    assert circles({"a": {"b"}, "b": set()}) == []
