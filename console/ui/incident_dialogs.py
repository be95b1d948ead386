"""The command's window actions on the incident itself: open a new incident, change the crisis
level. The forms only collect input; ``IncidentActions`` checks the permission first (and says
who may), then makes one IncidentService call off the GUI thread; the board refreshes from the
bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QObject, Qt, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QLabel, QLineEdit, QWidget

from console.domain.clock import KST, format_kst, kst
from console.domain.enums import Cause, CrisisLevel, DisasterArea
from console.domain.errors import NotFound, PermissionDenied
from console.domain.permissions import Action
from console.services import watch
from console.services.context import current_incident
from console.ui.context import UiContext
from console.ui.dialogs import FormDialog, enum_combo, text_box

CHANGED = watch.INCIDENT
"""What the board re-reads after either action (the ChangeSet names only 'incident')."""


def kst_editor(parent: QWidget, moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(QTimeZone(b"Asia/Seoul"))
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(kst(moment).timestamp()),
                                                  QTimeZone(b"Asia/Seoul")))
    return edit


class NewIncidentDialog(FormDialog):
    def __init__(self, lang: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New incident"), parent)
        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. Data centre fire, administrative network"))
        self.area = enum_combo(self, DisasterArea, lang)
        self.area.setObjectName("area")
        self.cause = enum_combo(self, Cause, lang)
        self.cause.setObjectName("cause")
        self.level = enum_combo(self, CrisisLevel, lang)
        self.level.setObjectName("level")
        self.started = kst_editor(self, now)
        self.started.setObjectName("startedAt")
        self.location = QLineEdit(self)
        self.location.setObjectName("location")
        self.summary = text_box(self)
        self.summary.setObjectName("summary")
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Disaster area"), self.area)
        self.form.addRow(self.tr("Cause"), self.cause)
        self.form.addRow(self.tr("Crisis level"), self.level)
        self.form.addRow(self.tr("Started at (KST)"), self.started)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.finish()

    def problem(self) -> str | None:
        return None if self.title.text().strip() else self.tr("An incident needs a title.")

    def values(self) -> dict[str, Any]:
        return {"title": self.title.text().strip(),
                "area": DisasterArea(self.area.currentData()),
                "cause": Cause(self.cause.currentData()),
                "level": CrisisLevel(self.level.currentData()),
                "started_at": datetime.fromtimestamp(
                    self.started.dateTime().toSecsSinceEpoch(), KST),
                "location": self.location.text().strip(),
                "summary": self.summary.toPlainText().strip()}


@dataclass(frozen=True)
class IncidentNow:
    """What the crisis-level form shows: the incident a command means, and its level."""

    id: str
    title: str
    level: CrisisLevel
    started_at: datetime


class CrisisLevelDialog(FormDialog):
    def __init__(self, incident: IncidentNow, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change crisis level"), parent)
        self.current = incident.level
        self.form.addRow(self.tr("Incident"), QLabel(
            f"{incident.title} ({format_kst(incident.started_at, lang)})", self))
        self.form.addRow(self.tr("Current level"), QLabel(incident.level.label(lang), self))
        self.level = enum_combo(self, CrisisLevel, lang)
        self.level.setObjectName("level")
        levels = list(CrisisLevel)
        self.level.setCurrentIndex(min(levels.index(incident.level) + 1, len(levels) - 1))
        self.reason = text_box(self)
        self.reason.setObjectName("reason")
        self.form.addRow(self.tr("New level"), self.level)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish()

    def problem(self) -> str | None:
        if self.level.currentData() == self.current.value:
            return self.tr("The incident is already at this level.")
        if not self.reason.toPlainText().strip():
            return self.tr("A crisis-level change needs a reason.")
        return None

    def values(self) -> tuple[CrisisLevel, str]:
        return CrisisLevel(self.level.currentData()), self.reason.toPlainText().strip()


def read_incident(context: UiContext) -> IncidentNow | None:
    """The current incident (off the GUI thread); None when there is none yet."""
    with context.services.db.sessions() as session:
        try:
            incident = current_incident(session)
        except NotFound:
            return None
        return IncidentNow(incident.id, incident.title,
                           CrisisLevel(incident.crisis_level), incident.started_at)


class IncidentActions(QObject):
    """'New incident…' and 'Change crisis level…' for the window's action registry."""

    def __init__(self, context: UiContext, window: QWidget,
                 after: Callable[[str], None] | None = None) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.after = after
        """Called with a short confirmation once a change is stored (the window's status)."""
        self.dialog: QDialog | None = None

    def may(self, action: Action) -> bool:
        """Check before asking for input; say who may. The service checks again anyway."""
        try:
            self.context.actor.require(action)
        except PermissionDenied as error:
            self.context.messages.denied(error, self.window)
            return False
        return True

    def _open(self, dialog: FormDialog, on_accept: Callable[[], None]) -> FormDialog:
        """Open without blocking; the form keeps its input until its write is done."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submit = lambda: self.context.submit_form(dialog, on_accept)
        dialog.finished.connect(self._forget)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self) -> None:
        self.dialog = None

    def new_incident(self) -> FormDialog | None:
        if not self.may(Action.MANAGE_INCIDENT):
            return None
        dialog = NewIncidentDialog(self.context.lang, self.context.now(), self.window)
        return self._open(dialog, lambda: self.open_incident(**dialog.values()))

    def open_incident(self, **values: Any) -> None:
        incidents, actor = self.context.services.incidents, self.context.actor
        self.context.write(lambda: incidents.open(actor, **values),
                           lambda _changes: self._done(self.tr("Incident opened.")), CHANGED,
                           self._refused)

    def change_level(self) -> None:
        """Read the current incident first (off the GUI thread), then ask."""
        if not self.may(Action.CHANGE_CRISIS_LEVEL):
            return
        self.context.read(lambda: read_incident(self.context), self._ask_level, self._refused)

    def _ask_level(self, incident: IncidentNow | None) -> None:
        if incident is None:
            self.context.messages.info(self.tr("No incident"),
                                       self.tr("There is no incident yet: open one first."),
                                       parent=self.window)
            return
        dialog = CrisisLevelDialog(incident, self.context.lang, self.window)
        self._open(dialog, lambda: self.set_level(*dialog.values(), incident_id=incident.id))

    def set_level(self, level: CrisisLevel, reason: str, incident_id: str | None = None) -> None:
        incidents, actor = self.context.services.incidents, self.context.actor
        self.context.write(
            lambda: incidents.change_level(actor, level, reason, incident_id=incident_id),
            lambda _changes: self._done(self.tr("Crisis level changed to %1.")
                                        .replace("%1", level.label(self.context.lang))),
            CHANGED, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.context.messages.error(error, self.window)

    def _done(self, text: str) -> None:
        if self.after is not None:
            self.after(text)
