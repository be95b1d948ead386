"""The board's breakdowns and lists: restored by department and by importance grade, tasks by
team, the latest decisions (a corrected one struck through), significant events and notices
issued, each line marked when it is new to this user since their last log-in.

Its strings stay in the board's "BoardView" translation context (board_<lang>.ts), as
clocks.py's do."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.domain.enums import TaskStatus, Team
from console.domain.records import corrected_ids
from console.domain.timeline import is_new
from console.services.situation import SituationView
from console.ui.board.clocks import short_time
from console.ui.board.widgets import Bar, BarList, CountGrid, Line, LineList

TOP_DEPARTMENTS = 10
SHOWN_ENTRIES = 5
TASK_COLUMNS = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.DONE)


class BoardLists:
    def __init__(self, departments: BarList, grades: BarList, tasks: CountGrid,
                 decisions: LineList, log: LineList, notices: LineList) -> None:
        self.departments, self.grades, self.tasks = departments, grades, tasks
        self.decisions, self.log, self.notices = decisions, log, notices

    def show(self, view: SituationView, lang: str, since: datetime | None, me: str) -> None:
        """``since``, ``me``: this user's previous log-in and name (what is new to them)."""
        situation = view.situation
        departments = situation.tally("department")
        bars = [Bar(t.key, t.restored, t.affected) for t in departments[:TOP_DEPARTMENTS]]
        rest = departments[TOP_DEPARTMENTS:]
        if rest:
            bars.append(Bar(QCoreApplication.translate("BoardView", "Others ({n})").format(
                n=len(rest)), sum(t.restored for t in rest), sum(t.affected for t in rest)))
        self.departments.set_bars(bars)
        self.grades.set_bars([Bar(QCoreApplication.translate(
            "BoardView", "Importance {n}").format(n=t.key), t.restored, t.affected)
            for t in situation.tally("importance_grade")])

        by_team = situation.tasks_by_team()
        self.tasks.set_table(
            [QCoreApplication.translate("BoardView", "Team"),
             *(status.label(lang) for status in TASK_COLUMNS)],
            [(team.label(lang), [by_team.get(team.value, Counter()).get(status.value, 0)
                                 for status in TASK_COLUMNS]) for team in Team],
            alert_columns=frozenset({1 + TASK_COLUMNS.index(TaskStatus.BLOCKED)}))
        none = QCoreApplication.translate("BoardView", "None yet")
        corrected = corrected_ids(view.decisions)
        # Marked: new to this user since their last log-in, written by someone else.
        self.decisions.set_lines(
            [Line(short_time(d.at, lang), QCoreApplication.translate(
                "BoardView", "(corrected) {summary}").format(summary=d.summary), struck=True,
                new=is_new(d.at, since, d.by, me))
             if d.id in corrected
             else Line(short_time(d.at, lang), d.summary, new=is_new(d.at, since, d.by, me))
             for d in view.decisions[:SHOWN_ENTRIES]], none)
        self.log.set_lines(
            [Line(short_time(e.at, lang), e.text, e.verified,
                  new=is_new(e.at, since, e.author, me))
             for e in view.significant_log[:SHOWN_ENTRIES]], none)
        self.notices.set_lines(
            [Line(short_time(n.issued_at, lang), f"[{n.channel.label(lang)}] {n.text}",
                  new=is_new(n.issued_at, since))
             for n in (view.notices or [])[:SHOWN_ENTRIES] if n.issued_at], none)
