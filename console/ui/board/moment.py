"""The board's time control: a KST date-time field and "Now". A chosen moment shows every
figure and the curve as they stood then, through the same ``situation_at`` rule that a
report's ``--as-of`` freezes (console/domain/situation.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QPushButton, QWidget

from console.domain.clock import KST, kst

SEOUL = QTimeZone(b"Asia/Seoul")


class MomentControl(QWidget):
    chosen = Signal(object)
    """A datetime to look back to, or None for live."""
    incident_chosen = Signal(object)
    """An incident id to show (read-only, any past one), or None for the current incident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident = QComboBox(self)
        self.incident.setObjectName("boardIncident")
        self.incident.setAccessibleName(self.tr("Incident shown on the board"))
        self.incident.setMaximumWidth(260)
        self.incident.addItem(self.tr("Current incident"), None)
        self.incident.activated.connect(
            lambda index: self.incident_chosen.emit(self.incident.itemData(index)))
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("boardMoment")
        self.edit.setTimeZone(SEOUL)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(self.tr("Moment the board shows (KST)"))
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("boardMomentShow")
        self.show_button.setAccessibleName(self.tr("Show the board at this moment"))
        self.now_button = QPushButton(self.tr("Now"), self)
        self.now_button.setObjectName("boardMomentNow")
        self.now_button.setAccessibleName(self.tr("Show the board live"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.incident)
        row.addWidget(self.edit)
        row.addWidget(self.show_button)
        row.addWidget(self.now_button)
        self.show_button.clicked.connect(lambda: self.chosen.emit(self.moment()))
        self.now_button.clicked.connect(lambda: self.chosen.emit(None))

    def set_incidents(self, incidents: list[tuple[str, str]]) -> None:
        """(id, title) of every incident, newest first; the choice is kept."""
        chosen = self.incident.currentData()
        self.incident.blockSignals(True)
        while self.incident.count() > 1:
            self.incident.removeItem(1)
        for incident_id, title in incidents:
            self.incident.addItem(title, incident_id)
        index = self.incident.findData(chosen) if chosen else 0
        self.incident.setCurrentIndex(max(index, 0))
        self.incident.blockSignals(False)

    def set_moment(self, moment: datetime) -> None:
        self.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(kst(moment).timestamp()), SEOUL))

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch(), KST)
