"""Offline sync bookkeeping as tables (console/sync, docs/sync.md): the change log, the
clock, conflicts, pending rows and bundles, peers, local sync state, and changes set aside by a
repair. Local to each workstation: listed in checks.LOCAL_TABLES, so never part of the digest
and never captured as changes themselves. Kept apart from the incident's records (models.py),
which import them so that ``Base.metadata`` is the whole schema."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.store.base import Base, Id


class ChangeLog(Base):
    """One change of one field (or one whole append-only record, ``field == '*'``).

    ``(site_id, seq)`` is the idempotency key; ``hlc`` orders; ``prev_hash``/``entry_hash`` chain
    each site's entries. ``is_head`` is local bookkeeping: no known change supersedes this one.
    """

    __tablename__ = "change_log"
    site_id: Mapped[str] = mapped_column(Id, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(Id)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    supersedes: Mapped[str] = mapped_column(Text, default="[]")
    author: Mapped[str | None] = mapped_column(Id)
    wall_time: Mapped[str] = mapped_column(String(27))
    schema_version: Mapped[str] = mapped_column(String(32))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    is_head: Mapped[bool] = mapped_column(Boolean, default=True)


Index("ix_change_log_row_field", ChangeLog.row_id, ChangeLog.field)


class SyncClock(Base):
    """The persisted hybrid logical clock and this site's sequence and chain head (one row)."""

    __tablename__ = "sync_clock"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    seq: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))


class SyncSuperseded(Base):
    """A change (by site and HLC) that a known change of ``field`` supersedes for that field.

    Per field, because a whole-row change stays the head of the fields nobody has written since.
    """

    __tablename__ = "sync_superseded"
    site_id: Mapped[str] = mapped_column(Id, primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)


class SyncConflict(Base):
    """Fields whose heads hold different values: shown until a person resolves them."""

    __tablename__ = "sync_conflict"
    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(Id, primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)


class SyncPendingRow(Base):
    """Rows whose changes are stored but cannot be shown yet (parent missing, newer schema)."""

    __tablename__ = "sync_pending_row"
    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(Id, primary_key=True)


class SyncPendingBundle(Base):
    """A verified bundle from a newer schema, kept until this program is upgraded."""

    __tablename__ = "sync_pending_bundle"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    schema_version: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[str] = mapped_column(String(27))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class SyncPeer(Base):
    """What this workstation last learnt a peer has (its have-vector), for ``--for PEER``."""

    __tablename__ = "sync_peer"
    site_id: Mapped[str] = mapped_column(Id, primary_key=True)
    have_json: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[str] = mapped_column(String(27))


class SyncState(Base):
    """Local sync settings and facts: hub URL and cursor, last sync, shared seq, skew warning."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncSetAside(Base):
    """A change a copy wrote under the original's identity, set aside when it was re-issued
    under the copy's own (sync/repair.py): evidence, never exported, never applied."""

    __tablename__ = "sync_set_aside"
    site_id: Mapped[str] = mapped_column(Id, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(Id)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    supersedes: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Id)
    wall_time: Mapped[str] = mapped_column(String(27))
    schema_version: Mapped[str] = mapped_column(String(32))
    prev_hash: Mapped[str] = mapped_column(String(64))
    reissued_site: Mapped[str] = mapped_column(Id)
    reissued_seq: Mapped[int] = mapped_column(Integer)
    set_aside_at: Mapped[str] = mapped_column(String(27))
