"""Graph algorithms over dependencies (system code -> the codes it needs): pure and
iterative, so a long chain of systems cannot overflow the stack."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping


def strongly_connected(graph: Mapping[str, Collection[str]]) -> list[set[str]]:
    """Tarjan's components, without recursion (a long chain of systems must not overflow)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterable[str]]] = []
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work.append((root, iter(sorted(graph.get(root, ())))))
        while work:
            node, following = work[-1]
            for needed in following:
                if needed not in index:
                    index[needed] = low[needed] = len(index)
                    stack.append(needed)
                    on_stack.add(needed)
                    work.append((needed, iter(sorted(graph.get(needed, ())))))
                    break
                if needed in on_stack:
                    low[node] = min(low[node], index[needed])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
    return components


def way_round(graph: Mapping[str, Collection[str]], component: set[str], start: str
               ) -> list[str]:
    """A shortest way from ``start`` back to itself inside its component (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for code in frontier:
            for needed in sorted(set(graph.get(code, ())) & component):
                if needed == start:
                    path = [code]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if needed not in came_from:
                    came_from[needed] = code
                    following.append(needed)
        frontier = following
    return [start, start]  # not reached: a component of two or more has a way round
