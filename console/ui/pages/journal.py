"""The decision log and the activity log (ICS-214): append-only, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from console.domain.enums import Role, Team
from console.domain.paper import paper_note
from console.domain.permissions import Action
from console.services import watch
from console.services.tables import TableQuery
from console.ui import formatting as fmt
from console.ui.context import UiContext
from console.ui.forms import DecisionDialog, LogDialog
from console.ui.pages.base import TablePage, detail_table, esc
from console.ui.paper_field import PaperField
from console.ui.table_model import Column, Row, RowStyle
from console.ui.when_field import WhenField

CORRECTED = RowStyle(foreground="#9e9e9e")
SIGNIFICANT = RowStyle(background="#fff4d6", bold=True)
VERIFIED = RowStyle(background="#e3f2e1", bold=True)


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


class DecisionsPage(TablePage):
    TABLE = "decisions"
    INTERESTS = watch.DECISIONS
    HAS_INCIDENT = True

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_button(self.tr("Add decision…"), self.new_item, "new", "addDecisionButton")
        self.add_button(self.tr("Correct…"), self.correct, "decisions", "correctButton")

    def initial_query(self) -> TableQuery:
        return TableQuery(sort="at", descending=True)

    def columns(self) -> list[Column]:
        lang = self.context.lang
        return [
            Column("at", self.tr("Time"), lambda r: fmt.when(r["at"], lang), width=150),
            Column("summary", self.tr("Decision"), lambda r: _first_line(r["summary"]),
                   width=420),
            Column("decided_by", self.tr("Decided by"),
                   lambda r: f"{r['decided_by'] or ''} ({fmt.label(Role, r['role'], lang)})",
                   width=170),
            Column("corrected", self.tr("Corrected"),
                   lambda r: self.tr("corrected") if r["corrected"] else
                   (self.tr("correction") if r["corrects_id"] else ""), width=80),
            Column("rationale", self.tr("Rationale"), lambda r: _first_line(r["rationale"])),
        ]

    def style_row(self, row: Row) -> RowStyle | None:
        return CORRECTED if row["corrected"] else None

    def detail_html(self, record_id: str) -> str:
        rows = self.context.services.tables.rows("decisions", [record_id])
        row = rows.get(record_id)
        if row is None:
            return ""
        lang = self.lang
        corrects = ""
        if row["corrects_id"]:
            old = self.context.services.tables.rows("decisions", [row["corrects_id"]])
            previous = old.get(row["corrects_id"])
            corrects = esc(previous["summary"]) if previous else esc(row["corrects_id"])
        later = self.tr("A later decision corrects this one.")
        note = f"<p style='color:#9e9e9e'>{esc(later)}</p>" if row["corrected"] else ""
        return (f"<h3>{esc(row['summary'])}</h3>{note}" + detail_table([
            (self.tr("Time"), esc(fmt.when(row["at"], lang))),
            (self.tr("Decided by"),
             esc(f"{row['decided_by'] or ''} ({fmt.label(Role, row['role'], lang)})")),
            (self.tr("Rationale"), esc(row["rationale"] or "—")),
            (self.tr("Alternatives considered"), esc(row["alternatives"] or "—")),
            (self.tr("Links"), esc(row["links"] or "—")),
            (self.tr("Corrects"), corrects or "—"),
        ]))

    def new_item(self) -> None:
        if not self.may(Action.ADD_DECISION):
            return
        dialog = DecisionDialog(self.tr("New decision"), parent=self)
        when = WhenField(dialog, self.context.now())  # a decision taken at a meeting
        self.open_dialog(dialog, lambda: self._add(dialog, None, when))

    def correct(self) -> None:
        """Decisions are never edited: a correction is a new decision pointing at the old."""
        record_id = self.need_selection()
        if record_id is None or not self.may(Action.ADD_DECISION):
            return
        row = self.context.services.tables.rows("decisions", [record_id]).get(record_id) or {}
        dialog = DecisionDialog(
            self.tr("Correct a decision"), row.get("summary", ""), row.get("rationale", ""),
            row.get("alternatives", ""), row.get("links", ""),
            self.tr("The original stays on record; this correction is added after it."), self)
        self.open_dialog(dialog, lambda: self._add(dialog, record_id))

    def _add(self, dialog: DecisionDialog, corrects: str | None,
             when: WhenField | None = None) -> None:
        summary = dialog.summary.toPlainText().strip()
        rationale = dialog.rationale.toPlainText().strip()
        alternatives = dialog.alternatives.toPlainText().strip()
        links = dialog.links.text().strip()
        at = when.moment() if when else None
        self.context.write(lambda: self.context.services.journal.add_decision(
            self.context.actor, summary, rationale, alternatives, links, corrects=corrects,
            at=at))


class LogPage(TablePage):
    TABLE = "log"
    INTERESTS = watch.LOG
    HAS_INCIDENT = True

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_filter("team", self.tr("All teams"),
                        [(t.label(self.lang), t.value) for t in Team])
        self.add_filter("significant", self.tr("All entries"),
                        [(self.tr("Significant only"), "1")])
        self.add_button(self.tr("Add entry…"), self.new_item, "new", "addEntryButton")
        self.add_button(self.tr("Verify"), self.verify, "verify", "verifyButton")

    def initial_query(self) -> TableQuery:
        return TableQuery(sort="at", descending=True)

    def columns(self) -> list[Column]:
        lang = self.context.lang
        return [
            Column("at", self.tr("Time"), lambda r: fmt.when(r["at"], lang), width=150),
            Column("team", self.tr("Team"), lambda r: fmt.label(Team, r["team"], lang),
                   width=150),
            Column("author", self.tr("Author"), lambda r: r["author"] or "", width=100),
            Column("significant", self.tr("Significant"),
                   lambda r: self.tr("significant") if r["significant"] else "", width=80),
            Column("verified", self.tr("Verified"), lambda r: fmt.yes(r["verified"]), width=70),
            Column("text", self.tr("Entry"), lambda r: r["text"]),
        ]

    def style_row(self, row: Row) -> RowStyle | None:
        if row["significant"]:
            return VERIFIED if row["verified"] else SIGNIFICANT
        return None

    def detail_html(self, record_id: str) -> str:
        row = self.context.services.tables.rows("log", [record_id]).get(record_id)
        if row is None:
            return ""
        lang = self.lang
        state = self.tr("verified by the controller") if row["verified"] else (
            self.tr("awaiting verification") if row["significant"] else self.tr("routine"))
        return (f"<p>{esc(row['text'])}</p>" + detail_table([
            (self.tr("Time"), esc(fmt.when(row["at"], lang))),
            (self.tr("Team"), esc(fmt.label(Team, row["team"], lang))),
            (self.tr("Author"), esc(row["author"] or "—")),
            (self.tr("Significance"), esc(state)),
            *([(self.tr("Transcribed from paper"), esc(paper_note(
                row["paper_ref"], row["at"], row["recorded_at"], lang)))]
              if row.get("paper_ref") else []),
        ]))

    def new_item(self) -> None:
        team = self.context.actor.team
        if not self.may(Action.ADD_LOG, team):
            return
        dialog = LogDialog(team, self.lang, self)
        when = WhenField(dialog, self.context.now())
        paper = PaperField(dialog)
        self.open_dialog(dialog, lambda: self._add(dialog, when, paper))

    def _add(self, dialog: LogDialog, when: WhenField, paper: PaperField) -> None:
        team = Team(dialog.team.currentData())
        text = dialog.text.toPlainText().strip()
        significant = dialog.significant.isChecked()
        at, ref = when.moment(), paper.ref()
        self.context.write(lambda: self.context.services.journal.add_log(
            self.context.actor, team, text, significant, at=at, paper_ref=ref))

    def verify(self) -> None:
        """The controller confirms a significant entry (WebEOC's significant-events board)."""
        record_id = self.need_selection()
        if record_id is None or not self.may(Action.VERIFY_LOG):
            return
        self.context.write(lambda: self.context.services.journal.verify_log(
            self.context.actor, record_id))
