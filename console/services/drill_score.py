"""Scoring a drill and its after-action report (사후강평): the deadlines found in the drill's
own records, weighed by the scoring table (domain/drill_score.py), and the report's content.

A trainee's response is any record written by someone other than the drill's own user (the
injects' voice, services/drills.py); every deadline starts at an inject or at the activation.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from console.domain.cadence import next_report_due, next_text_due
from console.domain.clock import Clock, to_utc
from console.domain.drill_score import (
    KIND_LABELS,
    AfterAction,
    Deadline,
    Judgement,
    Score,
    ScoringTable,
    score,
)
from console.domain.enums import NoticeChannel
from console.domain.errors import ValidationError
from console.domain.permissions import Action
from console.domain.scenario import Expected, ResponseKind
from console.locate import resource
from console.services.context import Actor, ChangeSet, ServiceBase
from console.services.drills import DrillService, put_setting, setting
from console.services.incidents import schedule_at
from console.services.notice_rows import issued_by
from console.services.situation import SituationService
from console.store.database import Database
from console.store.models import (
    Base,
    DrillJudgement,
    Incident,
    InformationSystem,
    LogEntry,
    Outage,
    OutageEvent,
    PublicNotice,
    SituationReport,
    Task,
)

TABLE_KEY = "drill.scoring"
"""A drill's own scoring table (JSON), when the controller has edited the defaults."""
MAX_REPORTS = 500


def default_table() -> ScoringTable:
    path = resource("drills", "scoring.json")
    return ScoringTable.parse(path.read_text(encoding="utf-8"), path.name)


class DrillScoring(ServiceBase):
    def __init__(self, db: Database, clock: Clock, drills: DrillService,
                 situation: SituationService) -> None:
        super().__init__(db, clock)
        self.drills, self.situation = drills, situation

    def table(self, file: Path | None = None) -> ScoringTable:
        if file is not None:
            return ScoringTable.parse(Path(file).read_text(encoding="utf-8"), Path(file).name)
        with self.db.sessions() as session:
            own = setting(session, TABLE_KEY)
        if not own:
            return default_table()
        table = ScoringTable.parse(own, TABLE_KEY)
        # A table kept before judgements existed (or without them) judges by the defaults'.
        return table if table.judgements else replace(table,
                                                      judgements=default_table().judgements)

    def set_table(self, actor: Actor, file: Path) -> ScoringTable:
        """The controller's own scoring table for this drill (checked before it is kept)."""
        actor.require(Action.RUN_DRILL)
        self.drills.status()  # refuses a database that is not an exercise
        text = Path(file).read_text(encoding="utf-8")
        table = ScoringTable.parse(text, Path(file).name)
        with self.db.transaction() as session:
            put_setting(session, TABLE_KEY, text, self.now(), actor.user_id)
        return table

    def score(self, actor: Actor, table: ScoringTable | None = None) -> Score:
        actor.require(Action.RUN_DRILL)
        table = table or self.table()
        return score(self.deadlines(table), table, self._judgements(table))

    # -- judgement deductions: the controller's, never the trainees' -------------------------
    def judge(self, actor: Actor, kind: str, note: str, about: str | None = None
              ) -> ChangeSet:
        """A judgement deduction (a wrong summary, a typo, a wrong date, a missing report):
        its kind is a line of the scoring table in effect, which gives its points."""
        actor.require(Action.RUN_DRILL)
        self.drills.status()  # refuses a database that is not an exercise
        kinds = self.table().judgements
        if kind not in kinds:
            raise ValidationError("drill.unknown_judgement", kind=kind,
                                  kinds=", ".join(kinds) or "-")
        if not note.strip():
            raise ValidationError("drill.judgement_needs_note")
        about = (about or "").strip() or None
        changes = ChangeSet()
        with self.db.transaction() as session:
            if about is not None and not _is_record(session, about):
                raise ValidationError("drill.unknown_record", id=about)
            row = self.new_record(DrillJudgement(incident_id=self.drills.incident_id(),
                                                 at=self.now(), kind=kind, note=note.strip(),
                                                 about=about), actor, self.now())
            session.add(row)
            self.audit(session, actor, "drill_judge", row.id, kind)
            changes.note("drill_judgement", row.id)
        return changes

    def _judgements(self, table: ScoringTable) -> list[Judgement]:
        with self.db.sessions() as session:
            rows = list(session.scalars(select(DrillJudgement).order_by(DrillJudgement.at)))
        found = []
        for row in rows:
            kind = table.judgements.get(row.kind)
            # A kind the table no longer has is still listed, with no points.
            label, label_en, points = ((kind.label, kind.label_en, kind.points) if kind
                                       else (row.kind, row.kind, 0.0))
            found.append(Judgement(row.kind, label, label_en, points, row.note, row.about,
                                   to_utc(row.at)))
        return found

    def deadlines(self, table: ScoringTable) -> list[Deadline]:
        self.drills.status()  # refuses a database that is not an exercise
        now = self.now()
        scenario = self.drills.scenario()
        applied = self.drills.applied()
        incident_id = self.drills.incident_id()
        if not applied or incident_id is None:
            return []
        drill_user = self.drills.drill_actor().user_id
        first = to_utc(applied[0].at)
        found: list[Deadline] = []
        with self.db.sessions() as session:
            incident = session.get(Incident, incident_id)
            assert incident is not None
            player_logs = [(to_utc(at), team) for at, team, author in session.execute(
                select(LogEntry.at, LogEntry.team, LogEntry.author_id)
                .where(LogEntry.incident_id == incident_id).order_by(LogEntry.at))
                if author != drill_user]
            ack = next((at for at, _ in player_logs if at >= first), None)
            found.append(self._deadline("acknowledgement", first + table.acknowledgement_within,
                                        ack, now))
            activated = to_utc(incident.activated_at) if incident.activated_at else None
            found.append(self._deadline("activation", first + table.activation_within,
                                        activated, now))
            if activated is not None:
                found += self._reports(session, incident_id, activated, now)
                texts = [to_utc(n.issued_at) for n in issued_by(session, incident_id, now)
                         if n.channel is NoticeChannel.CBS and n.issued_at is not None]
                due = next_text_due(activated, None)
                if due is not None:
                    found.append(self._deadline("first_text", due, min(texts, default=None),
                                                now))
            for row in applied:
                inject = scenario.injects[row.number - 1]
                if inject.expect is None:
                    continue
                at = to_utc(row.at)
                met = self._response(session, incident, inject.expect, at, drill_user,
                                     player_logs)
                what = inject.expect.text or inject.text
                # The scenario writes the expected response in Korean only: in English name
                # the inject it answers, not the inject's text as if it were the response.
                what_en = f"the response to “{inject.text_en}”" if inject.text_en else what
                found.append(Deadline("inject", f"{row.number}. {what}",
                                      f"{row.number}. {what_en}",
                                      at + inject.expect.within, met, now))
            closed = to_utc(incident.closed_at) if incident.closed_at else None
        # After the stand-down nothing more falls due (the board shows no next report either).
        return [d for d in found
                if closed is None or d.met_at is not None or d.due <= closed]

    @staticmethod
    def _deadline(kind: str, due: datetime, met: datetime | None, now: datetime) -> Deadline:
        ko, en = KIND_LABELS[kind]
        return Deadline(kind, ko, en, due, met, now)

    def _reports(self, session: Session, incident_id: str, activated: datetime,
                 now: datetime) -> list[Deadline]:
        """The first report and every scheduled one since, by the board's own rule."""
        issued = sorted(to_utc(at) for (at,) in session.execute(
            select(SituationReport.issued_at).where(
                SituationReport.incident_id == incident_id,
                SituationReport.number.is_not(None), SituationReport.issued_at.is_not(None)))
            if at is not None)
        found: list[Deadline] = []
        last: datetime | None = None
        for number in range(1, MAX_REPORTS):
            due = next_report_due(activated, last, schedule_at(session, incident_id,
                                                                last or activated))
            if due is None:
                break
            answer = next((at for at in issued if last is None or at > last), None)
            kind = "first_report" if number == 1 else "scheduled_report"
            ko, en = KIND_LABELS[kind]
            found.append(Deadline(kind, f"{ko} (제{number}보)", f"{en} (no. {number})", due,
                                  answer, now))
            if answer is None:
                break
            last = answer
        return found

    @staticmethod
    def _response(session: Session, incident: Incident, expect: Expected, since: datetime,
                  drill_user: str, player_logs: list[tuple[datetime, str]]) -> datetime | None:
        kind = expect.kind
        team = expect.team.value if expect.team else None
        query: Select[Any]
        if kind is ResponseKind.LOG:
            return next((at for at, t in player_logs
                         if at >= since and (team is None or t == team)), None)
        if kind is ResponseKind.ACTIVATE:
            return to_utc(incident.activated_at) if incident.activated_at else None
        if kind is ResponseKind.CLOSE:
            return to_utc(incident.closed_at) if incident.closed_at else None
        if kind is ResponseKind.TASK:
            query = select(Task.created_at).where(Task.incident_id == incident.id,
                                                  Task.created_at >= since)
            if team:
                query = query.where(Task.team == team)
        elif kind is ResponseKind.NOTICE:
            query = select(PublicNotice.created_at).where(
                PublicNotice.incident_id == incident.id, PublicNotice.created_at >= since)
        elif kind is ResponseKind.REPORT:
            query = select(SituationReport.issued_at).where(
                SituationReport.incident_id == incident.id,
                SituationReport.number.is_not(None), SituationReport.issued_at >= since)
        else:  # an outage of the system reaching the status
            query = (select(OutageEvent.at).join(Outage, Outage.id == OutageEvent.outage_id)
                     .join(InformationSystem, InformationSystem.id == Outage.system_id)
                     .where(Outage.incident_id == incident.id,
                            InformationSystem.code == expect.system,
                            OutageEvent.status == (expect.status.value if expect.status
                                                   else "restored"),
                            OutageEvent.at >= since, OutageEvent.author_id != drill_user))
        first = session.scalars(query.order_by(query.selected_columns[0]).limit(1)).first()
        return to_utc(first) if first else None

    # -- the after-action report --------------------------------------------------------------
    def after_action(self, actor: Actor, table: ScoringTable | None = None) -> AfterAction:
        result = self.score(actor, table)
        status = self.drills.status()
        scenario = status.scenario
        incident_id = status.incident_id
        drill_user = self.drills.drill_actor().user_id
        injects = [{"number": row.number, "at": row.at, "team": row.team, "text": row.text,
                    "text_en": scenario.injects[row.number - 1].text_en}
                   for row in self.drills.applied()]
        with self.db.sessions() as session:
            incident = session.get(Incident, incident_id)
            assert incident is not None
            title, started = incident.title, to_utc(incident.started_at)
            responses = [{"at": to_utc(e.at), "team": e.team, "text": e.text}
                         for e in session.scalars(select(LogEntry).where(
                             LogEntry.incident_id == incident_id,
                             LogEntry.author_id != drill_user).order_by(LogEntry.at))]
        moments = sorted({*(to_utc(row.at) for row in self.drills.applied()), status.moment})
        curve = []
        for moment in moments:
            figures = self.situation.view(incident_id, moment).situation
            curve.append((moment, figures.affected - figures.restored, figures.restored))
        lessons = [{"at": to_utc(lesson.at), "text": lesson.text}
                   for lesson in self.drills.lessons()]
        return AfterAction(scenario.title, title, started, status.moment, status.elapsed, result,
                           injects, responses, lessons, curve)

    def after_action_report(self, actor: Actor, lang: str = "ko",
                            table: ScoringTable | None = None) -> bytes:
        from console.reports.aar import render_after_action  # reportlab on first use

        return render_after_action(self.after_action(actor, table), lang)


def _is_record(session: Session, record_id: str) -> bool:
    """Whether any table holds a row with this id (the record a judgement is about)."""
    for table in Base.metadata.sorted_tables:
        column = table.columns.get("id")
        if column is not None and session.execute(
                select(column).where(column == record_id).limit(1)).first() is not None:
            return True
    return False
