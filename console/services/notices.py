"""Public notices (대시민 안내): draft → submitted → approved / returned → issued →
superseded / cancelled. One function per user action; every step is an append-only event and
an audit line, an approval also a line in the decision log. The console records; NDMS and the
city's channels send (the sender enters the time it went out).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain import notices as rules
from console.domain.clock import Clock, iso, utc_now, write_time
from console.domain.enums import DisasterArea, NoticeChannel, NoticeStatus, NoticeTier
from console.domain.errors import ConsoleError, PermissionDenied, ValidationError
from console.domain.permissions import Action
from console.reports import cap
from console.services.context import Actor, ChangeSet, ServiceBase, current_incident
from console.services.notice_rows import (
    NoticeRow,
    load_rows,
    one,
)
from console.store.database import Database
from console.store.exercise import is_exercise
from console.store.models import (
    Decision,
    Incident,
    PublicNotice,
    PublicNoticeEvent,
    PublicNoticeVersion,
)


class NoticeService(ServiceBase):
    def __init__(self, db: Database, clock: Clock = utc_now,
                 published: Callable[[], object] | None = None) -> None:
        super().__init__(db, clock)
        self.published = published
        """Called after a notice is approved or issued: the status page is rewritten then.
        A failure to write it (a missing stick) never undoes the step: it is reported in
        ``publish_error``."""
        self.publish_error: BaseException | None = None

    def _publish(self) -> None:
        if self.published is None:
            return
        try:
            self.published()
            self.publish_error = None
        except (OSError, ConsoleError) as error:  # a write refused is file.cannot_write
            self.publish_error = error  # each face says it in its user's language

    def draft(self, actor: Actor, channel: NoticeChannel, text: str,
              tier: NoticeTier | None = None, area: str = "", lang: str = "ko",
              systems: str = "", text_en: str = "", references: str | None = None,
              cancel: bool = False, incident_id: str | None = None,
              at: datetime | None = None) -> ChangeSet:
        """A new notice in draft; ``references`` an issued notice it updates (or cancels)."""
        actor.require(Action.DRAFT_NOTICE)
        if not text.strip():
            raise ValidationError("notice.needs_text")
        if tier is not None and channel is not NoticeChannel.CBS:
            raise ValidationError("notice.tier_cbs_only")
        if tier is None and channel is NoticeChannel.CBS:
            raise ValidationError("notice.needs_tier")
        now = self.now()
        when = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            incident = current_incident(session, incident_id)
            if references is not None:
                earlier = load_rows(session, notice_ids=[references])
                if not earlier or earlier[0].incident_id != incident.id \
                        or earlier[0].status is not NoticeStatus.ISSUED:
                    raise ValidationError("notice.references_itself", id=references)
            notice = self.new_entity(PublicNotice(
                incident_id=incident.id, channel=channel.value,
                tier=tier.value if tier else None, area=area.strip(), lang=lang,
                systems=systems.strip(), references_id=references,
                msg_type="cancel" if cancel and references else
                "update" if references else "alert", exercise=is_exercise(session)),
                actor, when)
            session.add(notice)
            session.flush()
            version = self.new_record(PublicNoticeVersion(
                notice_id=notice.id, number=1, text=text.strip(), text_en=text_en.strip()),
                actor, when)
            session.add(version)
            self.audit(session, actor, "notice.draft", notice.id, channel.value)
            changes.note("public_notice", notice.id)
        return changes

    def revise(self, actor: Actor, notice_id: str, text: str, text_en: str = "") -> ChangeSet:
        """A new wording of a draft or a returned notice; the old one stays."""
        actor.require(Action.DRAFT_NOTICE)
        if not text.strip():
            raise ValidationError("notice.needs_text")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            row = one(session, notice_id)
            if row.status not in rules.EDITABLE:
                raise ValidationError("notice.bad_step", status=row.status,
                                      step=NoticeStatus.DRAFT)
            session.add(self.new_record(PublicNoticeVersion(
                notice_id=row.id, number=row.version + 1, text=text.strip(),
                text_en=text_en.strip() or row.text_en), actor, now))
            self.audit(session, actor, "notice.revise", row.id, f"v{row.version + 1}")
            changes.note("public_notice_version", row.id)
        return changes

    def duplicates_of(self, notice_id: str) -> list[NoticeRow]:
        """Issued notices of the same area and type within 24 hours (what submit warns of)."""
        with self.db.sessions() as session:
            return self._duplicates(session, one(session, notice_id), self.now())

    def _duplicates(self, session: Session, row: NoticeRow, at: datetime) -> list[NoticeRow]:
        rows = load_rows(session, row.incident_id)
        by_id = {r.id: r for r in rows}
        # An update or cancel of a chain is not a duplicate of the chain's earlier messages.
        chain = {row.id}
        earlier = row.references_id
        while earlier and earlier not in chain and earlier in by_id:
            chain.add(earlier)
            earlier = by_id[earlier].references_id
        issued = [r for r in rows if r.issued_at is not None and r.id not in chain]
        sent = [rules.SentNotice(r.id, r.channel, r.tier, r.area, r.text, r.issued_at)
                for r in issued if r.issued_at is not None]
        hits = {s.id for s in rules.duplicates(row.channel, row.tier, row.area, at, sent)}
        return sorted((r for r in issued if r.id in hits),
                      key=lambda r: r.issued_at or at, reverse=True)

    def submit(self, actor: Actor, notice_id: str, despite_duplicate: bool = False
               ) -> ChangeSet:
        actor.require(Action.DRAFT_NOTICE)
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            row = self._step_allowed(session, notice_id, NoticeStatus.SUBMITTED)
            if row.over_limit and row.limit is not None:
                raise ValidationError("notice.too_long", chars=row.chars, limit=row.limit,
                                      over=row.chars - row.limit)
            if row.channel is NoticeChannel.CBS and row.msg_type != "cancel" \
                    and not rules.has_contact(row.text):
                raise ValidationError("notice.needs_contact")
            earlier = self._duplicates(session, row, now)
            if earlier and not despite_duplicate:
                first = earlier[0]
                raise ValidationError("notice.duplicate", at=_kst_text(first.issued_at),
                                      text=first.text)
            self._event(session, actor, row, NoticeStatus.SUBMITTED, now,
                        despite_duplicate=bool(earlier))
            changes.note("public_notice_event", row.id)
        return changes

    def approve(self, actor: Actor, notice_id: str) -> ChangeSet:
        """A second person approves the wording exactly as it will go out."""
        actor.require(Action.APPROVE_NOTICE)
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            row = self._step_allowed(session, notice_id, NoticeStatus.APPROVED)
            authors = set(session.scalars(select(PublicNoticeVersion.author_id)
                                          .where(PublicNoticeVersion.notice_id == row.id)))
            if actor.user_id in authors and not row.exercise:
                raise PermissionDenied("notice.self_approval")
            self._event(session, actor, row, NoticeStatus.APPROVED, now)
            session.add(self.new_record(Decision(
                incident_id=row.incident_id, at=now, role=actor.role.value,
                summary=f"대시민 안내 승인({row.channel.ko}): {row.text}",
                rationale="", links=f"public_notice:{row.id}"), actor, now))
            changes.note("public_notice_event", row.id)
        self._publish()
        return changes

    def return_(self, actor: Actor, notice_id: str, reason: str) -> ChangeSet:
        actor.require(Action.APPROVE_NOTICE)
        if not reason.strip():
            raise ValidationError("notice.needs_reason")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            row = self._step_allowed(session, notice_id, NoticeStatus.RETURNED)
            self._event(session, actor, row, NoticeStatus.RETURNED, now, reason=reason.strip())
            changes.note("public_notice_event", row.id)
        return changes

    def issued(self, actor: Actor, notice_id: str, at: datetime | None = None) -> ChangeSet:
        """Record that the notice went out at ``at`` (entered by whoever sent it); the notice it
        updates becomes superseded, the one it cancels cancelled."""
        actor.require(Action.ISSUE_NOTICE)
        now = self.now()
        when = write_time(at, now)
        changes = ChangeSet()
        with self.db.transaction() as session:
            row = self._step_allowed(session, notice_id, NoticeStatus.ISSUED)
            if row.approved_at is not None and when < row.approved_at:
                raise ValidationError("notice.issued_before_approval", at=_kst_text(when))
            self._event(session, actor, row, NoticeStatus.ISSUED, when, recorded=now)
            if row.references_id:
                earlier = one(session, row.references_id)
                follow = (NoticeStatus.CANCELLED if row.msg_type == "cancel"
                          else NoticeStatus.SUPERSEDED)
                if follow in rules.NEXT[earlier.status]:
                    self._event(session, actor, earlier, follow, when, recorded=now,
                                reason=row.id)
            changes.note("public_notice_event", row.id)
        self._publish()
        return changes

    def cancel(self, actor: Actor, notice_id: str, reason: str) -> ChangeSet:
        """Withdraw a notice that has not gone out (one that has is cancelled by a Cancel
        notice, drafted with ``references`` and ``cancel``)."""
        actor.require(Action.DRAFT_NOTICE)
        if not reason.strip():
            raise ValidationError("notice.needs_reason")
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            row = self._step_allowed(session, notice_id, NoticeStatus.CANCELLED)
            if row.status is NoticeStatus.ISSUED:
                raise ValidationError("notice.bad_step", status=row.status,
                                      step=NoticeStatus.CANCELLED)
            self._event(session, actor, row, NoticeStatus.CANCELLED, now, reason=reason.strip())
            changes.note("public_notice_event", row.id)
        return changes

    def get(self, notice_id: str) -> NoticeRow:
        with self.db.sessions() as session:
            return one(session, notice_id)

    def chain(self, notice_id: str) -> list[NoticeRow]:
        """The notice and every earlier one it updates or cancels, oldest first."""
        with self.db.sessions() as session:
            rows: list[NoticeRow] = [one(session, notice_id)]
            while rows[0].references_id and len(rows) < 100:
                rows.insert(0, one(session, rows[0].references_id))
            return rows

    def cap(self, notice_id: str) -> bytes:
        """The notice as a CAP 1.2 alert, validated (schema and profile) before it is returned;
        an Update or Cancel references every earlier message of its chain."""
        chain = self.chain(notice_id)
        row = chain[-1]
        if row.approved_at is None or row.status in (NoticeStatus.SUBMITTED,
                                                     NoticeStatus.RETURNED):
            raise ValidationError("notice.not_approved", status=row.status)
        with self.db.sessions() as session:
            incident = session.get(Incident, row.incident_id)
            area = DisasterArea(incident.area) if incident else DisasterArea.SYSTEM_FAILURE
        return cap.validated(cap.CapMessage(
            notice_id=row.id, msg_type=row.msg_type, exercise=row.exercise,
            sent=row.approved_at, channel=row.channel, tier=row.tier, event_ko=area.ko,
            event_en=area.en, text_ko=row.text, text_en=rules.marked(row.text_en, row.exercise)
            if row.text_en else "", area=row.area,
            references=[(r.id, r.approved_at) for r in chain[:-1] if r.approved_at]))

    def history_pdf(self, channel: NoticeChannel | None = None, lang: str = "ko") -> bytes:
        """The send history (issued notices, oldest first) of one channel or all, on paper."""
        from console.reports import printouts  # reportlab on first use
        from console.reports.layout import exercise_pages

        with self.db.sessions() as session:
            incident = current_incident(session)
            title = incident.title
            rows = [r for r in load_rows(session, incident.id) if r.issued_at is not None
                    and (channel is None or r.channel is channel)]
        rows.sort(key=lambda r: (r.issued_at or r.drafted_at, r.id))
        printed = iso(self.now())
        with exercise_pages(self.exercise()):
            return printouts.notice_history(title, [
                {"issued_at": iso(r.issued_at), "channel": r.channel.label(lang),
                 "status": r.status.label(lang), "text": r.text, "chars": r.chars,
                 "drafted_by": r.drafted_by, "approved_by": r.approved_by} for r in rows],
                channel.label(lang) if channel else "", printed or "", lang)

    def exercise(self) -> bool:
        with self.db.sessions() as session:
            return is_exercise(session)

    # After every method annotated with list[...]: below here ``list`` names this method.
    def list(self, incident_id: str | None = None) -> list[NoticeRow]:
        with self.db.sessions() as session:
            return load_rows(session, incident_id)

    def _step_allowed(self, session: Session, notice_id: str, step: NoticeStatus) -> NoticeRow:
        row = one(session, notice_id)
        if step not in rules.NEXT[row.status]:
            raise ValidationError("notice.bad_step", status=row.status, step=step)
        return row

    def _event(self, session: Session, actor: Actor, row: NoticeRow, status: NoticeStatus,
               at: datetime, *, recorded: datetime | None = None, reason: str = "",
               despite_duplicate: bool = False) -> None:
        session.add(self.new_record(PublicNoticeEvent(
            notice_id=row.id, version_id=row.version_id, seq=row.steps + 1,
            status=status.value, at=at,
            reason=reason, despite_duplicate=despite_duplicate), actor, recorded or at))
        self.audit(session, actor, f"notice.{status.value}", row.id,
                   "despite duplicate" if despite_duplicate else reason)


def _kst_text(moment: datetime | None) -> str:
    from console.domain.clock import format_kst

    return format_kst(moment)
