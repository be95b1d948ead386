"""Public notices as every face reads them: the notice, its latest wording and its status
from its events (console/domain/notices.py), in three queries. The writes are in notices.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain import notices as rules
from console.domain.clock import to_utc
from console.domain.enums import NoticeChannel, NoticeStatus, NoticeTier
from console.domain.errors import NotFound
from console.store.models import (
    PublicNotice,
    PublicNoticeEvent,
    PublicNoticeVersion,
    User,
)


@dataclass(frozen=True)
class NoticeRow:
    """A notice as every face reads it: its latest wording and its status from its events."""

    id: str
    incident_id: str
    channel: NoticeChannel
    tier: NoticeTier | None
    status: NoticeStatus
    text: str
    """The wording as it goes out (with [훈련] in an exercise)."""
    text_en: str
    chars: int
    limit: int | None
    area: str
    lang: str
    systems: str
    msg_type: str
    references_id: str | None
    exercise: bool
    version: int
    version_id: str
    steps: int
    """How many events it has had (the next one's seq is steps + 1)."""
    drafted_by: str | None
    drafted_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    issued_at: datetime | None
    reason: str
    """The latest return's reason."""

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.chars > self.limit


def _steps(events: list[PublicNoticeEvent]) -> list[rules.NoticeStep]:
    return [rules.NoticeStep(NoticeStatus(e.status), e.seq, to_utc(e.recorded_at), e.id,
                              to_utc(e.at))
            for e in events]


def load_rows(session: Session, incident_id: str | None = None,
              notice_ids: list[str] | None = None) -> list[NoticeRow]:
    """Notices with their latest version and events, oldest first (three queries)."""
    query = select(PublicNotice).where(PublicNotice.deleted.is_(False))
    if incident_id:
        query = query.where(PublicNotice.incident_id == incident_id)
    if notice_ids is not None:
        query = query.where(PublicNotice.id.in_(notice_ids))
    notices = list(session.scalars(query.order_by(PublicNotice.created_at, PublicNotice.id)))
    ids = [n.id for n in notices]
    versions: dict[str, list[PublicNoticeVersion]] = defaultdict(list)
    for version in session.scalars(select(PublicNoticeVersion)
                                   .where(PublicNoticeVersion.notice_id.in_(ids))
                                   .order_by(PublicNoticeVersion.number)):
        versions[version.notice_id].append(version)
    events: dict[str, list[PublicNoticeEvent]] = defaultdict(list)
    for event in session.scalars(select(PublicNoticeEvent)
                                 .where(PublicNoticeEvent.notice_id.in_(ids))
                                 .order_by(PublicNoticeEvent.seq, PublicNoticeEvent.recorded_at,
                                           PublicNoticeEvent.id)):
        events[event.notice_id].append(event)
    names: dict[str, str] = {uid: name for uid, name in session.execute(select(User.id, User.name))}
    rows = []
    for notice in notices:
        if not versions[notice.id]:
            continue  # its first wording has not arrived by sync yet
        latest = versions[notice.id][-1]
        steps = _steps(events[notice.id])
        approval = next((e for e in reversed(events[notice.id])
                         if e.status == NoticeStatus.APPROVED.value), None)
        returned = next((e for e in reversed(events[notice.id])
                         if e.status == NoticeStatus.RETURNED.value), None)
        channel = NoticeChannel(notice.channel)
        tier = NoticeTier(notice.tier) if notice.tier else None
        text = rules.marked(latest.text, notice.exercise)
        rows.append(NoticeRow(
            id=notice.id, incident_id=notice.incident_id, channel=channel, tier=tier,
            status=rules.status_of(steps), text=text, text_en=latest.text_en,
            chars=rules.count_chars(text), limit=rules.char_limit(channel, tier, text),
            area=notice.area, lang=notice.lang, systems=notice.systems,
            msg_type=notice.msg_type, references_id=notice.references_id,
            exercise=notice.exercise, version=latest.number, version_id=latest.id,
            steps=len(steps),
            drafted_by=names.get(notice.created_by or ""), drafted_at=to_utc(notice.created_at),
            approved_by=names.get(approval.author_id or "") if approval else None,
            approved_at=to_utc(approval.at) if approval else None,
            issued_at=rules.issued_at(steps), reason=returned.reason if returned else ""))
    return rows


def issued_by(session: Session, incident_id: str, moment: datetime) -> list[NoticeRow]:
    """Notices of the incident issued by ``moment``, latest first (the board, 제N보's 대시민
    안내, the status page)."""
    rows = [r for r in load_rows(session, incident_id)
            if r.issued_at is not None and r.issued_at <= moment]
    return sorted(rows, key=lambda r: (r.issued_at or moment, r.id), reverse=True)


def one(session: Session, notice_id: str) -> NoticeRow:
    rows = load_rows(session, notice_ids=[notice_id])
    if not rows:
        raise NotFound("notice.unknown", id=notice_id)
    return rows[0]
