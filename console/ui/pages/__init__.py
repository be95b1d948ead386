"""The window's pages: each is built as ``page(context, parent)`` (``PageFactory``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from console.ui.context import UiContext

PageFactory = Callable[[UiContext, QWidget | None], QWidget]
