"""The board's time control: a KST date-time field and "Now". A chosen moment shows every
figure and the curve as they stood then, through the same ``situation_at`` rule that a
report's ``--as-of`` freezes (console/domain/situation.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QPushButton, QWidget

from console.domain.clock import KST, kst

SEOUL = QTimeZone(b"Asia/Seoul")


class MomentControl(QWidget):
    chosen = Signal(object)
    """A datetime to look back to, or None for live."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("boardMoment")
        self.edit.setTimeZone(SEOUL)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("boardMomentShow")
        self.show_button.setAccessibleName(self.tr("Show the board at this moment"))
        self.now_button = QPushButton(self.tr("Now"), self)
        self.now_button.setObjectName("boardMomentNow")
        self.now_button.setAccessibleName(self.tr("Show the board live"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.show_button)
        row.addWidget(self.now_button)
        self.show_button.clicked.connect(lambda: self.chosen.emit(self.moment()))
        self.now_button.clicked.connect(lambda: self.chosen.emit(None))

    def set_moment(self, moment: datetime) -> None:
        self.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(kst(moment).timestamp()), SEOUL))

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch(), KST)
