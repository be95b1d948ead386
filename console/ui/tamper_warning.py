"""At log-in, an administrator is told when the last ``verify`` found the database file edited
outside the program (console/sync/replay.py); others are not (they cannot act on it)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from console.domain.clock import kst
from console.domain.errors import PermissionDenied
from console.domain.messages import Message
from console.domain.permissions import Action
from console.ui.context import UiContext


def warn_if_tampered(context: UiContext, parent: QWidget) -> QMessageBox | None:
    try:
        context.actor.require(Action.MANAGE_KEYS)
    except PermissionDenied:
        return None
    found = context.services.maintenance.last_tampering()
    if found is None:
        return None
    at, lines, count = found
    box = QMessageBox(QMessageBox.Icon.Warning,
                      Message("verify.tampered_title").render(context.lang),
                      Message("verify.tampered", at=f"{kst(at):%Y-%m-%d %H:%M}",
                              count=count).render(context.lang),
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText("\n".join(lines))
    box.setObjectName("tamper-warning")
    box.open()
    return box
