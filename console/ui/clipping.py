"""Which visible labels and buttons cannot show their whole text (issue 12 item 8).

A text is clipped when the widget is narrower than Qt's own size hint for it (the hint of a
one-line label or a button is its whole text plus frame and margins). Word-wrapped labels are
not checked (they wrap); table cells elide by design, their full text is in the tooltip. Used
by the tests at 1366×768 and 1920×1080 in both languages.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton, QWidget


def clipped(root: QWidget) -> list[str]:
    """'objectName or class: text (needs N px, has M px)' for every clipped visible text."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QPushButton | QCheckBox | QRadioButton):
            continue
        if not widget.isVisibleTo(root) or not widget.text():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or type(widget) is not QLabel):
            continue  # wraps, or a subclass that fits its own text (FitLabel, Badge)
        need, has = widget.sizeHint().width(), widget.width()
        if has + 1 < need:
            name = widget.objectName() or type(widget).__name__
            found.append(f"{name}: {widget.text()!r} (needs {need} px, has {has} px)")
    return found
