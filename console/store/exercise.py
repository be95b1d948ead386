"""The one home of "this database file is an exercise" (훈련): a setting row in the file itself.

Every face asks here: notices carry [훈련] and CAP status=Exercise, sync refuses bundles and the
hub in both directions, the window shows the 훈련 / EXERCISE band, printed pages carry the mark,
and the services run on the drill clock. The row's id is derived from its key, so a change that
touches it is recognisable in any bundle (a drill's change log always holds it).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from console.domain.ids import natural_id
from console.store.models import Setting

EXERCISE_SETTING = "database.exercise"
EXERCISE_SETTING_ID = natural_id("setting", EXERCISE_SETTING)
EXERCISE_MARK = "훈련 / EXERCISE"
"""The words on every window and printed page of an exercise (both languages at once: a
reader of either must not mistake a drill for a real incident)."""


def is_exercise(session: Session) -> bool:
    value = session.scalars(select(Setting.value).where(Setting.key == EXERCISE_SETTING,
                                                        Setting.deleted.is_(False))).first()
    return (value or "").strip().lower() == "true"


def connection_is_exercise(connection: Connection) -> bool:
    row = connection.execute(text("SELECT value FROM setting WHERE key = :key AND NOT deleted"),
                             {"key": EXERCISE_SETTING}).first()
    return row is not None and str(row[0]).strip().lower() == "true"


def mark_exercise(session: Session, at: datetime, by: str | None) -> None:
    """Mark the file as an exercise (``drill new``); a mark is never taken off."""
    row = session.scalars(select(Setting).where(Setting.key == EXERCISE_SETTING)).first()
    if row is None:
        session.add(Setting(id=EXERCISE_SETTING_ID, key=EXERCISE_SETTING, value="true",
                            created_at=at, updated_at=at, created_by=by, updated_by=by,
                            deleted=False))
    else:
        row.value, row.deleted, row.updated_at, row.updated_by = "true", False, at, by


def touches_exercise(table: str, row_id: str) -> bool:
    """A change to the exercise mark: it can only come from a drill database."""
    return table == "setting" and row_id == EXERCISE_SETTING_ID
