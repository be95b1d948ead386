"""The board's department and facility filter: narrows the figures, the curve and the lists
to one department's or one facility's outages, through the same situation rule as the whole
board (console/domain/situation.py, OutageFilter)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from console.domain.situation import OutageFilter


class ScopeFilter(QWidget):
    chosen = Signal(object)
    """The OutageFilter now in force (None: every outage)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.department = self._combo("boardDepartment", self.tr("All departments"),
                                      self.tr("Department the board shows"))
        self.facility = self._combo("boardFacility", self.tr("All facilities"),
                                    self.tr("Facility the board shows"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.department)
        row.addWidget(self.facility)

    def _combo(self, name: str, everything: str, accessible: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setMaximumWidth(220)
        box.addItem(everything, None)
        box.activated.connect(lambda _index: self.chosen.emit(self.current()))
        return box

    def set_choices(self, departments: tuple[str, ...], facilities: tuple[str, ...]) -> None:
        """What the incident's outages name; the choice in force is kept."""
        for box, values in ((self.department, departments), (self.facility, facilities)):
            kept = box.currentData()
            if [box.itemData(i) for i in range(1, box.count())] == list(values):
                continue
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(kept)) if kept else 0)
            box.blockSignals(False)

    def choose(self, department: str | None = None, facility: str | None = None) -> None:
        for box, value in ((self.department, department), (self.facility, facility)):
            box.setCurrentIndex(max(0, box.findData(value)) if value else 0)
        self.chosen.emit(self.current())

    def current(self) -> OutageFilter | None:
        only = OutageFilter(self.department.currentData(), self.facility.currentData())
        return only if only.narrows else None
