"""Recovery tasks by team: create, assign, change status; overdue ones stand out."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QWidget

from console.domain.enums import OutageStatus, TaskStatus, Team
from console.domain.permissions import Action
from console.services import watch
from console.services.tables import Facets, TableQuery
from console.ui import formatting as fmt
from console.ui.context import UiContext
from console.ui.forms import AssignDialog, LinkOutageDialog, TaskDialog, TaskStatusDialog
from console.ui.pages.base import TablePage, detail_table, esc
from console.ui.table_model import Column, Row, RowStyle
from console.ui.task_edit import TaskEditDialog
from console.ui.when_field import WhenField

OVERDUE = RowStyle(background="#f9d6d5", foreground="#8e1b1b", bold=True)
CLOSED = RowStyle(foreground="#757575")


class TasksPage(TablePage):
    TABLE = "tasks"
    INTERESTS = watch.TASKS
    HAS_INCIDENT = True

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_filter("team", self.tr("All teams"),
                        [(t.label(self.lang), t.value) for t in Team])
        self.add_filter("status", self.tr("All statuses"),
                        [(s.label(self.lang), s.value) for s in TaskStatus])
        self.add_filter("overdue", self.tr("Overdue or not"), [(self.tr("Overdue only"), "1")])
        self.add_button(self.tr("New task…"), self.new_item, "new", "newTaskButton")
        self.add_button(self.tr("Edit…"), self.edit, "status", "editTaskButton")
        self.add_button(self.tr("Assign…"), self.assign, "assign", "assignButton")
        self.add_button(self.tr("Link outage…"), self.link_outage, "outages", "linkButton")
        self.add_button(self.tr("Change status…"), self.change_status, "status",
                        "changeStatusButton")
        if context.actor.team is not None:
            # A team member mostly works on their own team's tasks.
            self.choose("team", context.actor.team.value)

    def initial_query(self) -> TableQuery:
        return TableQuery(sort="due_at")

    def columns(self) -> list[Column]:
        lang = self.context.lang
        return [
            Column("title", self.tr("Task"), lambda r: r["title"], width=340),
            Column("team", self.tr("Team"), lambda r: fmt.label(Team, r["team"], lang),
                   width=150),
            Column("status", self.tr("Status"),
                   lambda r: fmt.label(TaskStatus, r["status"], lang), width=70,
                   fits=tuple(status.label(lang) for status in TaskStatus)),
            Column("priority", self.tr("Priority"), lambda r: str(r["priority"]), right=True,
                   width=60),
            Column("assignee", self.tr("Assignee"), lambda r: r["assignee"] or "", width=100),
            Column("due_at", self.tr("Due"), lambda r: fmt.when(r["due_at"], lang), width=150),
            Column("overdue", self.tr("Overdue"),
                   lambda r: self.tr("overdue") if r["overdue"] else "", width=70),
            Column("outages", self.tr("Outages"), lambda r: r["outages"] or ""),
        ]

    def style_row(self, row: Row) -> RowStyle | None:
        if row["overdue"]:
            return OVERDUE
        if TaskStatus(row["status"]).is_closed:
            return CLOSED
        return None

    def fill_filters(self, facets: Facets) -> None:
        pass

    def detail_html(self, record_id: str) -> str:
        detail = self.context.services.tables.task_detail(record_id)
        row, lang = detail.row, self.lang
        events = "".join(
            f"<p><b>{esc(fmt.when(at, lang))} · {esc(fmt.label(TaskStatus, status, lang))}</b>"
            f"{' · <i>' + esc(author) + '</i>' if author else ''}"
            f"{'<br>' + esc(note) if note else ''}</p>"
            for at, status, note, author in detail.events)
        outages = "<br>".join(f"{esc(code)} {esc(name)} — "
                              f"{esc(fmt.label(OutageStatus, status, lang))}"
                              for _, code, name, status in detail.outages) or esc(self.tr("none"))
        late, history = self.tr("overdue"), self.tr("History")
        overdue = f" <b style='color:#c62828'>{esc(late)}</b>" if row["overdue"] else ""
        return (f"<h3>{esc(row['title'])}</h3>" + detail_table([
            (self.tr("Team"), esc(fmt.label(Team, row["team"], lang))),
            (self.tr("Status"), esc(fmt.label(TaskStatus, row["status"], lang))),
            (self.tr("Assignee"), esc(row["assignee"] or "—")),
            (self.tr("Due"), esc(fmt.when(row["due_at"], lang) or "—") + overdue),
            (self.tr("Detail"), esc(detail.detail or "—")),
            (self.tr("Outages"), outages),
        ]) + f"<h4>{esc(history)}</h4>{events}")

    def activate(self, record_id: str) -> None:
        self.change_status()

    def _team_of(self, record_id: str) -> Team | None:
        row = self.model.row_data(self.model.row_of(record_id) or 0)
        return Team(row["team"]) if row else None

    def new_item(self) -> None:
        team = self.context.actor.team
        if not self.may(Action.ADD_TASK, team):
            return
        users = self.facets.users if self.facets else []
        dialog = TaskDialog(users, team, self.lang, self.context.now(), self)
        self.open_dialog(dialog, lambda: self._add(dialog))

    def _add(self, dialog: TaskDialog) -> None:
        team = Team(dialog.team.currentData())
        title, detail = dialog.title.text().strip(), dialog.detail.toPlainText().strip()
        priority = int(dialog.priority.currentData())
        assignee = dialog.assignee.currentData() or None
        outage = dialog.outage.text().strip() or None
        due = dialog.due_at()
        self.context.write(lambda: self.context.services.tasks.add(
            self.context.actor, team, title, outage=outage, due=due, assignee=assignee,
            detail=detail, priority=priority))

    def edit(self) -> None:
        """Title, due time, priority and assignee of the selected task: one edit call."""
        record_id = self.need_selection()
        if record_id is None or not self.may(Action.EDIT_TASK, self._team_of(record_id)):
            return
        row = self.model.row_data(self.model.row_of(record_id) or 0) or {}
        users = self.facets.users if self.facets else []
        dialog = TaskEditDialog(dict(row), users, self.context.now(), self)
        self.open_dialog(dialog, lambda: self._edit(record_id, dialog))

    def _edit(self, record_id: str, dialog: TaskEditDialog) -> None:
        edit = dialog.values()
        self.context.write(lambda: self.context.services.tasks.edit(
            self.context.actor, record_id, title=edit.title, due=edit.due,
            priority=edit.priority, assignee=edit.assignee, clear_due=edit.due is None))

    def assign(self) -> None:
        record_id = self.need_selection()
        if record_id is None or not self.may(Action.EDIT_TASK, self._team_of(record_id)):
            return
        row = self.model.row_data(self.model.row_of(record_id) or 0) or {}
        users = self.facets.users if self.facets else []
        dialog = AssignDialog(row.get("title", ""), users, row.get("assignee"), self)
        self.open_dialog(dialog, lambda: self._assign(record_id, dialog.assignee.currentData()))

    def _assign(self, record_id: str, assignee: str) -> None:
        self.context.write(lambda: self.context.services.tasks.edit(
            self.context.actor, record_id, assignee=assignee))

    def link_outage(self) -> None:
        record_id = self.need_selection()
        if record_id is None or not self.may(Action.EDIT_TASK, self._team_of(record_id)):
            return
        row = self.model.row_data(self.model.row_of(record_id) or 0) or {}
        dialog = LinkOutageDialog(row.get("title", ""), [], self)
        # Offer the codes of the systems with outages in the shown incident.
        self.context.read(
            lambda: sorted({r["code"] for r in self.context.services.tables.rows(
                "outages", self.context.services.tables.ids("outages", TableQuery())
            ).values()}),
            lambda codes: cast(QStringListModel, dialog.outage.completer().model())
            .setStringList(codes))
        self.open_dialog(dialog, lambda: self._link(record_id, dialog.outage.text().strip()))

    def _link(self, record_id: str, outage: str) -> None:
        self.context.write(lambda: self.context.services.tasks.edit(
            self.context.actor, record_id, outage=outage), tables=watch.TASK_LINKS)

    def change_status(self) -> None:
        record_id = self.need_selection()
        if record_id is None or not self.may(Action.EDIT_TASK, self._team_of(record_id)):
            return
        row = self.model.row_data(self.model.row_of(record_id) or 0) or {}
        dialog = TaskStatusDialog(row.get("title", ""), row.get("status", "open"), self.lang,
                                  self)
        when = WhenField(dialog, self.context.now())
        self.open_dialog(dialog, lambda: self._change_status(record_id, dialog, when))

    def _change_status(self, record_id: str, dialog: TaskStatusDialog, when: WhenField
                       ) -> None:
        status = TaskStatus(dialog.status.currentData())
        note = dialog.note.toPlainText().strip()
        at = when.moment()
        self.context.write(lambda: self.context.services.tasks.change_status(
            self.context.actor, record_id, status, note=note, at=at))
