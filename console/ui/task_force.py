"""The incident's life in the window: activate the task force (대책본부 가동), stand it down
(해산, with the reason), set the report schedule and record a lesson (교훈 및 재발방지 대책). The forms collect input; each accepted
form makes one IncidentService call off the GUI thread (console/services/incidents.py), and
the board and the status bar follow from the bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QButtonGroup, QDoubleSpinBox, QLabel, QLineEdit, QRadioButton, QWidget

from console.domain.cadence import ReportSchedule
from console.domain.clock import KST, format_kst
from console.domain.enums import CrisisLevel
from console.domain.errors import ConsoleError
from console.domain.permissions import Action
from console.services import watch
from console.ui.context import UiContext
from console.ui.dialogs import FormDialog, enum_combo, text_box
from console.ui.incident_dialogs import IncidentActions, IncidentNow, kst_editor, read_incident

CHANGED = watch.INCIDENT


def _moment(edit: object) -> datetime:
    from PySide6.QtWidgets import QDateTimeEdit

    assert isinstance(edit, QDateTimeEdit)
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), KST)


class ActivateDialog(FormDialog):
    """When the task force started (back-dating within the write-time rules) and its level."""

    def __init__(self, incident: IncidentNow, lang: str, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Activate the task force"), parent)
        self.form.addRow(self.tr("Incident"), QLabel(
            f"{incident.title} ({format_kst(incident.started_at, lang)})", self))
        self.at = kst_editor(self, now)
        self.at.setObjectName("activatedAt")
        self.level = enum_combo(self, CrisisLevel, lang)
        self.level.setObjectName("level")
        self.level.setCurrentIndex(self.level.findData(incident.level.value))
        self.current = incident.level
        self.form.addRow(self.tr("Activated at (KST)"), self.at)
        self.form.addRow(self.tr("Crisis level"), self.level)
        self.finish()

    def values(self) -> tuple[datetime, CrisisLevel | None]:
        level = CrisisLevel(self.level.currentData())
        return _moment(self.at), None if level is self.current else level


class StandDownDialog(FormDialog):
    def __init__(self, incident: IncidentNow, lang: str, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Stand the task force down"), parent)
        self.form.addRow(self.tr("Incident"), QLabel(incident.title, self))
        self.at = kst_editor(self, now)
        self.at.setObjectName("closedAt")
        self.reason = text_box(self)
        self.reason.setObjectName("reason")
        self.form.addRow(self.tr("Stood down at (KST)"), self.at)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish()

    def problem(self) -> str | None:
        return None if self.reason.toPlainText().strip() else self.tr(
            "A stand-down needs a reason.")

    def values(self) -> tuple[datetime, str]:
        return _moment(self.at), self.reason.toPlainText().strip()


class ScheduleDialog(FormDialog):
    """Fixed hours of the day (1일 3회 08·12·18시) or every N hours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Report schedule"), parent)
        self.by_hours = QRadioButton(self.tr("At these hours (KST)"), self)
        self.by_hours.setObjectName("byHours")
        self.by_hours.setChecked(True)
        self.hours = QLineEdit("8,12,18", self)
        self.hours.setObjectName("hours")
        self.by_interval = QRadioButton(self.tr("Every"), self)
        self.by_interval.setObjectName("byInterval")
        self.every = QDoubleSpinBox(self)
        self.every.setObjectName("every")
        self.every.setRange(0.25, 24)
        self.every.setValue(6)
        self.every.setSuffix(self.tr(" h"))
        group = QButtonGroup(self)
        group.addButton(self.by_hours)
        group.addButton(self.by_interval)
        self.form.addRow(self.by_hours, self.hours)
        self.form.addRow(self.by_interval, self.every)
        self.finish()

    def problem(self) -> str | None:
        try:
            self.values()
        except (ConsoleError, ValueError):
            return self.tr("Give hours 0–23 separated by commas, e.g. 8,12,18.")
        return None

    def values(self) -> ReportSchedule:
        if self.by_interval.isChecked():
            return ReportSchedule.every(self.every.value())
        return ReportSchedule.at_hours([int(h) for h in self.hours.text().split(",")
                                        if h.strip()])


class IncidentLessonDialog(FormDialog):
    """A lesson or 재발방지 대책 for the 최종(결과)보고 (also after the stand-down)."""

    def __init__(self, incident: IncidentNow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a lesson"), parent)
        self.form.addRow(self.tr("Incident"), QLabel(incident.title, self))
        self.text = text_box(self, "", 4)
        self.text.setObjectName("lesson")
        self.form.addRow(self.tr("Lesson or prevention measure"), self.text)
        self.finish()

    def problem(self) -> str | None:
        return None if self.text.toPlainText().strip() else self.tr("Write the lesson.")


class TaskForceActions(QObject):
    """'Activate task force…', 'Stand down…' and 'Report schedule…' for the action registry."""

    def __init__(self, context: UiContext, incidents: IncidentActions) -> None:
        super().__init__(incidents)
        self.context = context
        self.incidents = incidents

    def _ask(self, action: Action, make: Callable[[IncidentNow], FormDialog],
             write: Callable[[FormDialog, IncidentNow], None]) -> None:
        if not self.incidents.may(action):
            return

        def ask(incident: IncidentNow | None) -> None:
            if incident is None:
                self.context.messages.info(self.tr("No incident"),
                                           self.tr("There is no incident yet: open one first."),
                                           parent=self.incidents.window)
                return
            dialog = make(incident)
            self.incidents._open(dialog, lambda: write(dialog, incident))

        self.context.read(lambda: read_incident(self.context), ask, self.incidents._refused)

    def activate(self) -> None:
        lang, window = self.context.lang, self.incidents.window
        self._ask(Action.RUN_TASK_FORCE,
                  lambda i: ActivateDialog(i, lang, self.context.now(), window),
                  lambda d, i: self._write(
                      lambda: self.context.services.incidents.activate(
                          self.context.actor, _activation(d)[0], i.id, _activation(d)[1]),
                      self.tr("Task force activated.")))

    def stand_down(self) -> None:
        lang, window = self.context.lang, self.incidents.window
        self._ask(Action.RUN_TASK_FORCE,
                  lambda i: StandDownDialog(i, lang, self.context.now(), window),
                  lambda d, i: self._write(
                      lambda: self.context.services.incidents.close(
                          self.context.actor, _stand_down(d)[1], _stand_down(d)[0],
                          incident_id=i.id),
                      self.tr("Task force stood down.")))

    def schedule(self) -> None:
        window = self.incidents.window
        self._ask(Action.SET_REPORT_SCHEDULE, lambda _i: ScheduleDialog(window),
                  lambda d, i: self._write(
                      lambda: self.context.services.incidents.set_schedule(
                          self.context.actor, _schedule(d), incident_id=i.id),
                      self.tr("Report schedule set.")))

    def lesson(self) -> None:
        window = self.incidents.window
        self._ask(Action.RECORD_LESSON, lambda i: IncidentLessonDialog(i, window),
                  lambda d, i: self._write(
                      lambda: self.context.services.lessons.add(
                          self.context.actor, _lesson(d), incident_id=i.id),
                      self.tr("Lesson recorded for the final report.")))

    def _write(self, work: Callable[[], object], done: str) -> None:
        self.context.write(work, lambda _changes: self.incidents._done(done), CHANGED,
                           self.incidents._refused)


def _activation(dialog: FormDialog) -> tuple[datetime, CrisisLevel | None]:
    assert isinstance(dialog, ActivateDialog)
    return dialog.values()


def _stand_down(dialog: FormDialog) -> tuple[datetime, str]:
    assert isinstance(dialog, StandDownDialog)
    return dialog.values()


def _schedule(dialog: FormDialog) -> ReportSchedule:
    assert isinstance(dialog, ScheduleDialog)
    return dialog.values()


def _lesson(dialog: FormDialog) -> str:
    assert isinstance(dialog, IncidentLessonDialog)
    return dialog.text.toPlainText().strip()
