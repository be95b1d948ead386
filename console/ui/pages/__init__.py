"""The window's pages, in navigation order, and the fallbacks for pages built elsewhere."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.ui.context import UiContext

PageFactory = Callable[[UiContext, QWidget | None], QWidget]


class PlaceholderPage(QWidget):
    """Stands where a feature of another issue goes until it is installed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(self.tr("%1 is not installed in this build.").replace("%1", title), self)
        label.setObjectName("placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 16pt; color: #757575;")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.installed = False

    def refresh(self) -> None:
        """Nothing to refresh."""


def optional_page(module: str, name: str) -> Callable[..., QWidget] | None:
    """A page from another issue's module, or None while that module is missing or broken."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
