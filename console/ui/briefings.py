"""The shift lead's two papers on the reports page: the handover briefing (교대 브리핑, ICS 201)
of a chosen period and the one-page 상황 요약 for the commander. Each is one service call
(HandoverService.briefing, ReportService.summary) run off the GUI thread; the PDF lands in the
reports page's preview, whose print and export buttons then act on it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import KST, kst
from console.ui.context import UiContext
from console.ui.incident_dialogs import kst_editor

SHIFTS = (8, 12)
"""The shift lengths a room works (hours): one click sets the period's start."""


def _moment(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), KST)


class HandoverDialog(QDialog):
    """The period of the briefing: from/to in KST, by default the handover command's own
    default (HandoverService.period: the eight hours up to now)."""

    def __init__(self, start: datetime, end: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handover briefing"))
        self.start, self.end = kst_editor(self, start), kst_editor(self, end)
        self.start.setAccessibleName(self.tr("Period from (KST)"))
        self.end.setAccessibleName(self.tr("Period to (KST)"))
        form = QFormLayout()
        form.addRow(self.tr("From (KST)"), self.start)
        form.addRow(self.tr("To (KST)"), self.end)
        shifts = QHBoxLayout()
        shifts.addWidget(QLabel(self.tr("The last shift:"), self))
        self.shift_buttons: dict[int, QPushButton] = {}
        for hours in SHIFTS:
            button = QPushButton(self.tr("%1 h").replace("%1", str(hours)), self)
            button.clicked.connect(lambda _=False, h=hours: self.last_hours(h))
            self.shift_buttons[hours] = button
            shifts.addWidget(button)
        shifts.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(shifts)
        layout.addWidget(buttons)

    def last_hours(self, hours: int) -> None:
        self.start.setDateTime(self.end.dateTime().addSecs(-hours * 3600))

    def period(self) -> tuple[datetime, datetime]:
        return _moment(self.start), _moment(self.end)


class BriefingBar(QWidget):
    """Two buttons beside the printouts: "교대 브리핑…" asks the period, "상황 요약" is now."""

    ready = Signal(str, bytes)
    """A paper to show: its file name and PDF."""
    refused = Signal(object)
    """The service refused (a bad period): the error, for the page to show."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.handover = QPushButton(self.tr("Handover briefing…"), self)
        self.handover.setToolTip(self.tr("The shift-handover briefing (ICS 201) of a period: "
                                         "what changed, open and overdue tasks, approvals"))
        self.handover.clicked.connect(self.ask_handover)
        self.summary = QPushButton(self.tr("Situation summary"), self)
        self.summary.setToolTip(self.tr("The one-page situation summary for the commander"))
        self.summary.clicked.connect(self.show_summary)
        self.dialog: HandoverDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.handover)
        row.addWidget(self.summary)

    def ask_handover(self) -> None:
        # The command's default period, one rule (HandoverService.period).
        start, end = self.context.services.handover.period(None, None)
        dialog = HandoverDialog(start, end, self)
        dialog.accepted.connect(lambda: self.show_handover(*dialog.period()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def show_handover(self, start: datetime, end: datetime) -> None:
        handover, lang = self.context.services.handover, self.context.lang
        title = self.tr("Handover briefing")
        name = f"{title} {kst(start):%Y%m%d-%H%M}-{kst(end):%Y%m%d-%H%M}.pdf"
        self.context.read(lambda: handover.briefing(None, start, end, lang),
                          lambda pdf: self.ready.emit(name, pdf), self.refused.emit,
                          latest="reports preview")

    def show_summary(self, as_of: datetime | None = None) -> None:
        reports, lang = self.context.services.reports, self.context.lang
        moment = as_of or self.context.now()
        title = self.tr("Situation summary")
        name = f"{title} {kst(moment):%Y%m%d-%H%M}.pdf"
        self.context.read(lambda: reports.summary(None, moment, lang),
                          lambda pdf: self.ready.emit(name, pdf), self.refused.emit,
                          latest="reports preview")

