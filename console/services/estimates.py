"""Teams' estimated restoration times (ETR) of outages: given, revised, read."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.clock import format_kst, to_utc
from console.domain.enums import OutageStatus
from console.domain.errors import ValidationError
from console.domain.estimates import EstimateFact
from console.domain.permissions import Action
from console.services.context import Actor, ChangeSet, ServiceBase
from console.services.outages import find_outage
from console.store.models import Outage, OutageEstimate, User


def estimate_facts(session: Session, incident_id: str | None) -> dict[str, list[EstimateFact]]:
    """Every estimate of an incident's outages (of all incidents with None), by outage."""
    query = (select(OutageEstimate.outage_id, OutageEstimate.at, OutageEstimate.id,
                    OutageEstimate.restore_by, OutageEstimate.next_update_at, User.name,
                    OutageEstimate.team, OutageEstimate.note)
             .join(Outage, Outage.id == OutageEstimate.outage_id)
             .outerjoin(User, User.id == OutageEstimate.author_id)
             .where(Outage.deleted.is_(False)))
    if incident_id:
        query = query.where(Outage.incident_id == incident_id)
    facts: dict[str, list[EstimateFact]] = defaultdict(list)
    for outage_id, at, estimate_id, restore_by, next_update, author, team, note in \
            session.execute(query):
        facts[outage_id].append(EstimateFact(at, estimate_id, restore_by, next_update, author,
                                             team, note))
    for history in facts.values():
        history.sort()
    return dict(facts)


class EstimateService(ServiceBase):
    def give(self, actor: Actor, reference: str, restore_by: datetime, note: str = "",
             next_update_at: datetime | None = None) -> ChangeSet:
        """The responsible team's estimate of when an outage is restored; a revision when the
        outage has one already (the earlier ones are kept)."""
        actor.require(Action.ESTIMATE_RESTORATION)
        now = self.now()
        restore_by = to_utc(restore_by)
        if restore_by <= now:
            raise ValidationError("estimate.in_past", at=format_kst(restore_by, actor.lang))
        if next_update_at is not None:
            next_update_at = to_utc(next_update_at)
            if not now < next_update_at <= restore_by:
                raise ValidationError("estimate.update_after_etr")
        with self.db.transaction() as session:
            outage = find_outage(session, reference)
            if OutageStatus(outage.status).is_restored:
                raise ValidationError("estimate.restored")
            record = self.new_record(OutageEstimate(
                outage_id=outage.id, at=now, restore_by=restore_by,
                next_update_at=next_update_at,
                team=actor.team.value if actor.team else None, note=note.strip()), actor, now)
            session.add(record)
            changes = ChangeSet()
            changes.note("outage_estimate", record.id)
            changes.note("outage", outage.id)
        return changes

    def history(self, reference: str) -> list[EstimateFact]:
        """An outage's estimates, oldest first: the revisions and the current one (last)."""
        with self.db.sessions() as session:
            outage = find_outage(session, reference)
            return estimate_facts(session, outage.incident_id).get(outage.id, [])
