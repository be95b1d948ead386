"""The exercise's marks and controls in the window: the 훈련 / EXERCISE band over every page,
and the drill control panel (clock, start/pause, speed, next inject, the inject banner, and for
the exercise controller only the live score, a lesson learnt and the after-action report's
printout).

The open window runs the drill: a timer reads the drill's status off the GUI thread and, when
an inject has fallen due, applies it with one service call (DrillService.tick); every page then
refreshes from the tables it wrote, as after any other write.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.drill_clock import SPEEDS, format_duration
from console.domain.errors import PermissionDenied
from console.domain.permissions import Action
from console.services.drills import DrillStatus
from console.store.exercise import EXERCISE_MARK
from console.ui.context import UiContext
from console.ui.dialogs import FormDialog, text_box
from console.ui.drill_judge import JudgementDialog
from console.ui.pdf_print import PdfPrint

BAND_STYLE = ("background: #ffb300; color: #1a1a1a; font-weight: bold; font-size: 13pt;"
              " padding: 3px; letter-spacing: 2px;")
TICK_MS = 1000


def may_run_drill(context: UiContext) -> bool:
    try:
        context.actor.require(Action.RUN_DRILL)
    except PermissionDenied:
        return False
    return True


class ExerciseBand(QLabel):
    """The band every page shows in an exercise (in both languages at once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(EXERCISE_MARK, parent)
        self.setObjectName("exerciseBand")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(BAND_STYLE)


class DrillPanel(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillPanel")
        self.context = context
        self.drills = context.services.drills
        self.controller = may_run_drill(context)
        self._reading = False
        self._ticks = 0
        self.clock = QLabel(self)
        self.clock.setObjectName("drillClock")
        self.banner = QLabel(self.tr("No inject yet"), self)
        self.banner.setObjectName("injectBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; padding: 4px;")
        self.start = QPushButton(self.tr("Start"), self)
        self.pause = QPushButton(self.tr("Pause"), self)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Speed"))
        for value in SPEEDS:
            self.speed.addItem(f"{value}×", value)
        self.next = QPushButton(self.tr("Next inject"), self)
        self.reset = QPushButton(self.tr("Reset…"), self)
        self.reset.setObjectName("drillReset")
        self.reset_question: QMessageBox | None = None
        self.judge = QPushButton(self.tr("Judgement…"), self)
        self.judge.setObjectName("drillJudge")
        self.lesson = QPushButton(self.tr("Lesson…"), self)
        self.lesson.setObjectName("drillLesson")
        self.aar = QPushButton(self.tr("Print after-action report…"), self)
        self.aar.setObjectName("drillAar")
        self.aar_print = PdfPrint(context, self.aar, self, self.tr("After-action report"))
        self.score = QLabel(self)
        self.score.setObjectName("drillScore")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.clock)
        for widget in (self.start, self.pause, self.speed, self.next, self.reset, self.judge,
                       self.lesson, self.aar):
            row.addWidget(widget)
            widget.setVisible(self.controller)  # trainees see the clock, not its controls
        row.addStretch(1)
        row.addWidget(self.score)
        self.score.setVisible(self.controller)  # the live score is the controller's alone
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        self.start.clicked.connect(lambda: self._write(lambda a: self.drills.start(a)))
        self.pause.clicked.connect(lambda: self._write(lambda a: self.drills.pause(a)))
        self.next.clicked.connect(lambda: self._write(lambda a: self.drills.next_inject(a)))
        self.speed.activated.connect(self._speed_chosen)
        self.reset.clicked.connect(self.ask_reset)
        self.judge.clicked.connect(self.ask_judgement)
        self.lesson.clicked.connect(self.ask_lesson)
        self.aar.clicked.connect(lambda: self.print_after_action())
        self.dialog: LessonDialog | JudgementDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def _write(self, call: Any) -> None:
        actor = self.context.actor
        self.context.write(lambda: call(actor), lambda _result: self.refresh())

    def ask_reset(self) -> QMessageBox:
        """Asks first: a reset removes every record of the drill so far."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Reset the drill?"),
                          self.tr("The drill goes back to its start: every record written in it "
                                  "(outages, tasks, log, notices, reports, lessons, judgements) "
                                  "is removed and the clock is paused at +00:00. The scenario, "
                                  "the scoring table and the exercise mark stay."),
                          QMessageBox.StandardButton.NoButton, self)
        confirm = box.addButton(self.tr("Reset"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirmReset")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm.clicked.connect(self._reset)
        self.reset_question = box
        box.open()
        return box

    def _reset(self) -> None:
        context, services = self.context, self.context.services
        actor = context.actor
        station: list[str | None] = []

        def work() -> Any:
            changes = services.drill_reset.reset(actor)
            station.append(services.accounts.workstation()[0])
            return changes

        def done(_result: object) -> None:
            # The rebuilt file has a workstation of its own: later writes carry its id.
            context.actor = replace(context.actor, workstation_id=station[0])
            self.banner.setText(self.tr("No inject yet"))
            self.refresh()

        context.write(work, done)

    def ask_lesson(self) -> LessonDialog:
        """A lesson learnt, in a form that keeps its text until it is written."""
        dialog = LessonDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actor, drills = self.context.actor, self.drills
        dialog.submit = lambda: self.context.submit_form(dialog, lambda: self.context.write(
            lambda: drills.add_lesson(actor, dialog.text.toPlainText())))
        if self.context.drafts is not None:
            dialog.keep_drafts(self.context.drafts)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_judgement(self) -> None:
        """A judgement deduction, in a form listing the scoring table's judgements (read off
        the GUI thread first)."""
        self.context.read(self.context.services.drill_score.table, self._open_judgement,
                          self.context.messages.error, latest="drill-judgement")

    def _open_judgement(self, table: Any) -> None:
        dialog = JudgementDialog(table, self.context.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actor, score = self.context.actor, self.context.services.drill_score
        dialog.submit = lambda: self.context.submit_form(dialog, lambda: self.context.write(
            lambda: score.judge(actor, dialog.chosen(), dialog.note.toPlainText(),
                                dialog.about.text()), lambda _result: self._read_score()))
        self.dialog = dialog
        dialog.open()

    def print_after_action(self, printer: QPrinter | None = None, how: str | None = None
                           ) -> bool:
        """The after-action report as `drill aar` writes it, drafted off the GUI thread."""
        actor, lang = self.context.actor, self.context.lang
        score = self.context.services.drill_score
        return self.aar_print.print_pdf(lambda: score.after_action_report(actor, lang),
                                        printer, how)

    def _speed_chosen(self, index: int) -> None:
        speed = int(self.speed.itemData(index))
        self._write(lambda a: self.drills.set_speed(a, speed))

    def refresh(self) -> None:
        if self._reading:
            return
        self._reading = True
        self.context.read(self.drills.status, self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._reading = False
        self.context.messages.error(error)

    def _show(self, status: DrillStatus) -> None:
        self._reading = False
        en = self.context.lang == "en"
        state = self.tr("running") if status.running else self.tr("paused")
        self.clock.setText(self.tr("Drill clock %1 (%2, %3×)").replace(
            "%1", format_duration(status.elapsed)).replace("%2", state).replace(
            "%3", str(status.speed)))
        self.speed.setCurrentIndex(max(0, self.speed.findData(status.speed)))
        if status.latest:
            last = status.latest[0]
            inject = status.scenario.injects[last.number - 1]
            text = inject.text_en if en and inject.text_en else inject.text
            self.banner.setText(self.tr("Inject %1 (%2, %3): %4").replace(
                "%1", str(last.number)).replace("%2", format_duration(inject.at)).replace(
                "%3", inject.team.label(self.context.lang)).replace("%4", text))
        upcoming = status.next_inject
        self.next.setEnabled(upcoming is not None)
        if upcoming is not None and upcoming.at <= status.elapsed:
            self.context.write(self.drills.tick)  # due: apply it (one service call)
        self._ticks += 1
        if self.controller and (self._ticks % 5 == 1):
            self._read_score()

    def _read_score(self) -> None:
        actor = self.context.actor
        self.context.read(lambda: self.context.services.drill_score.score(actor),
                          self._show_score, lambda _error: None, latest="drill-score")

    def _show_score(self, result: Any) -> None:
        self.score.setText(self.tr("Score: %1 (%2 deductions)").replace(
            "%1", f"{result.score:g}").replace("%2", str(result.count)))


class LessonDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lesson learnt"), parent)
        self.text = text_box(self, "", 5)
        self.text.setObjectName("text")
        self.form.addRow(self.tr("Lesson"), self.text)
        self.finish()

    def problem(self) -> str | None:
        return None if self.text.toPlainText().strip() else self.tr("Write the lesson.")
