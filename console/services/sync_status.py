"""Resolving a conflict between concurrent status events (docs/sync.md, Histories, rule 6).

A status is a cache of its events, so a resolution is not a write of the field: it is one new
event carrying the chosen head's value, written here and so knowing every head (capture lists
them in its ``supersedes``), which ends the conflict on every workstation it reaches."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from console.domain.clock import from_iso
from console.domain.errors import ValidationError
from console.services.context import Actor
from console.store import derived
from console.store.models import Base
from console.sync import status_events
from console.sync.schema import tables

_NOT_COPIED = {"at", "note", "reason"}
"""Fields a resolving event writes afresh: its own time, and why it was written."""


def resolve(session: Session, actor: Actor, now: datetime, new_record: Any, table: str,
            record: str, field: str, keep: int | None, value: str | None) -> object:
    """Write the event that ends the conflict; the value it keeps (for the decision log)."""
    spec = status_events.BY_FIELD[(table, field)]
    connection = session.connection()
    heads = status_events.heads(connection, table, record, field)
    if keep is None:
        values = [json.loads(h[0]) for h in heads]
        if value not in values:
            raise ValidationError("conflict.status_value", table=table, field=field,
                                  values=", ".join(str(v) for v in values))
        keep = values.index(value)
    if not 0 <= keep < len(heads):
        raise ValidationError("conflict.bad_candidate", keep=keep, last=len(heads) - 1)
    stored = status_events.head_event(connection, table, record, field, keep)
    info = tables()[spec.events]
    model = next(m.class_ for m in Base.registry.mappers
                 if cast(Table, m.local_table).name == spec.events)
    values_of: dict[str, Any] = {}
    for column in info.columns:
        if column.name in _NOT_COPIED or column.name not in stored:
            continue
        if column.name in ("author_id", "workstation_id", "recorded_at"):
            continue
        kept = stored[column.name]
        values_of[column.key] = from_iso(str(kept)) if column.to_db and kept is not None else kept
    event = model(**values_of, at=now)
    for text_field in ("note", "reason"):
        if hasattr(event, text_field):
            setattr(event, text_field, "동기화 충돌 해소 / sync conflict resolved")
    session.add(new_record(event, actor, now))
    session.flush()
    derived.refresh(connection, **{f"{table}s": [record]})
    return stored[spec.value_column]
