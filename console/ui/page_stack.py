"""The window's views, each built the first time it is shown or asked for.

A view's page loads its own data when it is built (a table's first rows, the report list, the
sync state), and that work competes with the board's first read on a busy workstation. So only
the first view is built at start; the others wait in the stack as empty placeholders until the
navigation, a shortcut or a caller (``pages[name]``) needs them. Building on demand is the only
difference: a page asked for is always a real, fully built page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

from console.ui.context import UiContext
from console.ui.pages import PageFactory


class PageStack(Mapping[str, QWidget]):
    """``name → page`` over a QStackedWidget, in the order of ``names``."""

    def __init__(self, stack: QStackedWidget, names: Sequence[str],
                 factories: Mapping[str, PageFactory], context: UiContext, parent: QWidget,
                 on_built: Callable[[str, QWidget], None]) -> None:
        self._stack = stack
        self._names = list(names)
        self._factories = factories
        self._context = context
        self._parent = parent
        self._on_built = on_built
        self._built: dict[str, QWidget] = {}
        for name in self._names:
            placeholder = QWidget(stack)
            placeholder.setObjectName(f"placeholder_{name}")
            stack.addWidget(placeholder)

    def __getitem__(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is not None:
            return page
        if name not in self._factories:
            raise KeyError(name)
        page = self._factories[name](self._context, self._parent)
        page.setObjectName(f"page_{name}")
        index = self._names.index(name)
        placeholder = self._stack.widget(index)
        showing = self._stack.currentIndex() == index
        self._stack.insertWidget(index, page)
        if placeholder is not None:
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if showing:
            self._stack.setCurrentIndex(index)
        self._built[name] = page
        self._on_built(name, page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def built(self, name: str) -> bool:
        return name in self._built

    def show(self, index: int) -> None:
        """Show the view at ``index`` (the navigation's row), building it first if need be."""
        if 0 <= index < len(self._names):
            self[self._names[index]]
            self._stack.setCurrentIndex(index)
