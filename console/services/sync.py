"""Sync use cases: bundles, the hub, conflicts, the key roster (docs/sync.md).

Each call checks its permission and is one unit of work: an import or a pull applies in one
transaction, a refused bundle changes nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from console.domain.clock import Clock, from_iso, iso, parse_time, utc_now
from console.domain.errors import ConsoleError, NotFound, ValidationError, VerificationFailed
from console.domain.permissions import Action
from console.services import sync_status
from console.services.context import Actor, ChangeSet, current_incident
from console.services.sync_hub import HubSummary, HubSync
from console.store.database import Database
from console.store.exercise import touches_exercise
from console.store.keyfile import KeyStore, private_hex
from console.store.models import Base, Decision
from console.sync import capture as _capture
from console.sync import conflicts as conflict_queries
from console.sync import hub, state
from console.sync.apply import COLUMNS, apply_changes
from console.sync.bundle import export_parts, read_bundle, verify_chains, write_bundle
from console.sync.schema import is_secret, tables
from console.sync.status_events import BY_FIELD

_COLS = ", ".join(COLUMNS)


@dataclass(frozen=True)
class SyncStatus:
    """What a status-bar indicator shows (Qt-free)."""

    hub_url: str | None
    hub_reachable: bool | None
    unshared: int
    last_sync: datetime | None
    open_conflicts: int
    clock_warning: str | None
    pending_rows: int


@dataclass(frozen=True)
class ImportSummary:
    received: int
    new: int
    pending_bundle: bool
    skewed: int
    clock_warning: str | None
    tables: frozenset[str]
    holes: tuple[tuple[str, int, int], ...] = ()
    """(workstation name, first, last) of changes still missing below ones now held: the
    sender's next bundle for this workstation carries them once it has heard from it."""


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    changes: int
    size: int


def _newer(schema: str, local: str) -> bool:
    try:
        return int(schema) > int(local)
    except ValueError:
        return schema > local


class SyncService(HubSync):
    def __init__(self, db: Database, clock: Clock = utc_now, keys: KeyStore | None = None
                 ) -> None:
        super().__init__(db, clock, keys)
        if db.capture is not None:
            db.capture.clock = clock

    # -- bundles ----------------------------------------------------------------------------
    def export_bundle(self, actor: Actor, out: Path, for_peer: str | None = None
                      ) -> ExportSummary:
        actor.require(Action.SYNC)
        if self._exercise():  # a drill's records never reach a real workstation
            raise ConsoleError("drill.export_refused")
        out = Path(out)
        with self.db.sessions() as session:
            connection = session.connection()
            site, key = self.signing_key(connection)
            have = state.have_vector(connection)
            peer_have: dict[str, int] = {}
            peer_id = None
            if for_peer:
                peer_id = self._peer_id(session, for_peer)
                peer_have = state.peer_have(connection, peer_id)
            # Offer everything above the peer's gap-free prefix, holes here or not.
            parts = export_parts(connection, state.top_seqs(connection), peer_have)
            try:
                manifest = write_bundle(
                    out, parts, origin=site,
                    origin_name=state.local(connection, "workstation_name") or site,
                    schema=self.schema, have=have, signing_key_hex=private_hex(key),
                    created_at=iso(self.now()) or "", for_peer=peer_id)
            finally:
                parts.close()  # its cursor, while the connection is still open
        with self.db.transaction() as session:
            state.put(session.connection(), "shared_seq", str(have.get(site, 0)))
        return ExportSummary(out, manifest["counts"]["changes"], out.stat().st_size)

    def import_bundle(self, actor: Actor, path: Path) -> ImportSummary:
        actor.require(Action.SYNC)
        path = Path(path)
        if self._exercise():  # nor do real records land in a drill
            raise ConsoleError("drill.import_refused", file=path.name)
        if not path.is_file():
            raise ConsoleError("bundle.no_file", path=path)
        staging = self.db.path.parent / f"{self.db.path.stem}.sync-staging"
        staging.mkdir(exist_ok=True)
        _clean_staging(staging)
        copy = staging / f"import-{os.getpid()}-{uuid.uuid4().hex}.zip"
        # Work on a copy: the stick may be pulled out, or the file replaced, while we read.
        shutil.copyfile(path, copy)
        try:
            self._apply_pending_bundles()
            return self._import_file(copy, name=path.name)
        except VerificationFailed as error:
            self.note_fork(error)
            raise
        finally:
            copy.unlink(missing_ok=True)

    def _import_file(self, path: Path, pending_id: str | None = None,
                     name: str | None = None) -> ImportSummary:
        with self.db.sessions() as session:
            trusted = state.trusted_keys(session.connection())
        bundle = read_bundle(path, trusted, name)
        if any(touches_exercise(row[3], row[4]) for row in bundle.rows):
            # A drill's change log always holds its exercise mark (store/exercise.py).
            raise VerificationFailed("drill.bundle_from_drill", file=name or path.name)
        schema = str(bundle.manifest.get("schema", ""))
        if _newer(schema, self.schema):
            with self.db.transaction() as session:
                state.keep_pending_bundle(session.connection(), bundle.manifest["payload_sha256"],
                                          schema, iso(self.now()) or "", path.read_bytes())
            return ImportSummary(len(bundle.rows), 0, True, 0, None, frozenset())
        with self.db.transaction() as session:
            session.info[_capture.NO_CAPTURE] = True
            connection = session.connection()
            firsts: dict[str, int] = {}
            for row in bundle.rows:
                firsts[row[0]] = min(firsts.get(row[0], row[1]), row[1])
            _refuse_shrunk_chain(connection, bundle.manifest)
            known = state.chain_hashes(connection, [(s, q - 1) for s, q in firsts.items() if q > 1])
            verify_chains(bundle.rows, bundle.manifest.get("chain_heads", {}), known)
            result = apply_changes(connection, bundle.rows, self.schema, self.now())
            origin = bundle.manifest["origin"]
            have = _have_of(bundle.manifest)
            state.record_peer(connection, origin, have, iso(self.now()) or "",
                              (have.get(origin, 0), str(bundle.manifest.get("created_at", ""))))
            if pending_id:
                state.drop_pending_bundle(connection, pending_id)
            warning = self._after_apply(connection, result)
            names = state.station_names(connection)
            holes = tuple((names.get(site, site), first, last)
                          for site, first, last in state.holes(connection, firsts))
        return ImportSummary(result.received, result.new, False, result.skewed, warning,
                             frozenset(result.tables), holes)

    def _apply_pending_bundles(self) -> int:
        """Bundles kept from a newer schema, now readable after an upgrade."""
        with self.db.sessions() as session:
            waiting = state.pending_bundles(session.connection())
        applied = 0
        for bundle_id, schema in waiting:
            if _newer(schema, self.schema):
                continue
            with self.db.sessions() as session:
                content = state.pending_bundle_content(session.connection(), bundle_id)
            staging = self.db.path.parent / f"{self.db.path.stem}.sync-staging"
            staging.mkdir(exist_ok=True)
            temp = staging / f"import-{os.getpid()}-pending-{bundle_id[:16]}.zip"
            temp.write_bytes(content)
            try:
                self._import_file(temp, pending_id=bundle_id)
                applied += 1
            finally:
                temp.unlink(missing_ok=True)
        return applied

    def apply_after_upgrade(self) -> int:
        """Rows kept pending because their changes came from a newer schema, shown once this
        program reads that schema: run at every open (Services.over), it works only the first
        time after an upgrade (``pending_retried_at`` holds the schema it last ran for), so two
        upgraded workstations with the same change log show the same rows without waiting for
        some new change to arrive. Bundles kept whole from a newer schema are applied too.
        Returns the number of rows still pending."""
        with self.db.sessions() as session:
            connection = session.connection()
            waiting = state.pending_row_count(connection)
            done = state.get(connection, "pending_retried_at")
            bundles = state.pending_bundles(connection)
        if bundles:
            self._apply_pending_bundles()
        if not waiting or done == self.schema:
            return waiting
        with self.db.transaction() as session:
            session.info[_capture.NO_CAPTURE] = True
            connection = session.connection()
            result = apply_changes(connection, [], self.schema, self.now(), retry_pending=True)
            state.put(connection, "pending_retried_at", self.schema)
        return result.pending_rows

    # -- status --------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self.db.sessions() as session:
            connection = session.connection()
            site = state.local(connection, "workstation_id") or ""
            shared = int(state.get(connection, "shared_seq") or 0)
            unshared = state.unshared_count(connection, site, shared)
            reachable = state.get(connection, "hub_reachable")
            last = state.get(connection, "last_sync")
            return SyncStatus(
                hub_url=hub.public_url(state.get(connection, "hub_url") or "") or None,
                hub_reachable=None if reachable is None else reachable == "1",
                unshared=unshared, last_sync=from_iso(last) if last else None,
                open_conflicts=conflict_queries.count(connection),
                clock_warning=state.get(connection, "clock_warning"),
                pending_rows=state.pending_row_count(connection))

    def clear_clock_warning(self, actor: Actor) -> None:
        actor.require(Action.SYNC)
        with self.db.transaction() as session:
            state.delete(session.connection(), "clock_warning")

    # -- conflicts -----------------------------------------------------------------------------
    def conflicts(self) -> list[conflict_queries.Conflict]:
        with self.db.sessions() as session:
            return conflict_queries.open_conflicts(session.connection())

    def resolve(self, actor: Actor, table: str, record: str, field: str, *,
                keep: int | None = None, value: str | None = None) -> ChangeSet:
        """Keep candidate ``keep`` (0 = current winner) or enter ``value``: one change that
        supersedes every head, and a decision-log entry (an audit event without an incident)."""
        actor.require(Action.RESOLVE_CONFLICT)
        if (keep is None) == (value is None):
            raise ValidationError("conflict.keep_or_value")
        info = tables().get(table)
        column = info.column(field) if info else None
        if info is None or column is None:
            raise NotFound("conflict.no_field", table=table, field=field)
        now = self.now()
        changes = ChangeSet()
        with self.db.transaction() as session:
            connection = session.connection()
            if not conflict_queries.is_open(connection, table, record, field):
                raise NotFound("conflict.not_open", table=table, record=record, field=field)
            if (table, field) in BY_FIELD:  # a status: one new event ends it (rule 6)
                kept = sync_status.resolve(session, actor, now, self.new_record, table, record,
                                           field, keep, value)
                self._record_resolution(session, actor, table, record, field, kept)
                changes.note(table, record)
                return changes
            if keep is not None:
                heads = conflict_queries.candidates(connection, table, record, field)
                if not 0 <= keep < len(heads):
                    raise ValidationError("conflict.bad_candidate", keep=keep, last=len(heads) - 1)
                stored = json.loads(heads[keep][0])
                new = from_iso(stored) if column.to_db and stored is not None else stored
            elif is_secret(table, field):
                # A hash typed in would be stored raw and lock the user out: choose whose.
                raise ValidationError("conflict.secret_value", table=table, field=field)
            else:
                new = _parse_value(column.python_type, column.to_db is not None, value or "")
            model = next(m.class_ for m in Base.registry.mappers
                         if cast(Table, m.local_table).name == table)
            obj = session.get(model, record)
            if obj is None:
                raise NotFound("conflict.no_record", table=table, record=record)
            session.info[_capture.FORCE] = {(table, record, field)}
            setattr(obj, column.key, new)
            flag_modified(obj, column.key)
            if hasattr(obj, "updated_by"):
                self.touch(obj, actor, now)
            session.flush()
            self._record_resolution(session, actor, table, record, field, new)
            changes.note(table, record)
        return changes

    def _record_resolution(self, session: Session, actor: Actor, table: str, record: str,
                           field: str, value: object) -> None:
        shown = "(…)" if is_secret(table, field) else repr(value)
        summary = f"동기화 충돌 해소 / sync conflict resolved: {table}.{field} = {shown}"
        try:
            incident = current_incident(session)
        except NotFound:
            self.audit(session, actor, "resolve_conflict", f"{table}/{record}/{field}", summary)
            return
        session.add(self.new_record(Decision(
            incident_id=incident.id, at=self.now(), role=actor.role.value, summary=summary,
            rationale=f"record {record}", alternatives="", links=""), actor, self.now()))

    def _peer_id(self, session: Session, reference: str) -> str:
        from console.store.models import Workstation

        found = session.scalars(select(Workstation.id).where(
            (Workstation.id == reference) | (Workstation.name == reference))).all()
        if len(found) != 1:
            raise NotFound("workstation.not_single", reference=reference)
        return found[0]


def _have_of(manifest: dict[str, Any]) -> dict[str, int]:
    """A bundle's have-vector, only well-formed entries (it is signed, but only as well as its
    writer's program was)."""
    have = manifest.get("have")
    if not isinstance(have, dict):
        return {}
    return {s: q for s, q in have.items() if isinstance(s, str) and type(q) is int and q >= 0}


def _clean_staging(staging: Path) -> None:
    """Working copies an import killed midway left behind: each is named after the process
    that made it, and removed once that process is gone."""
    for leftover in staging.glob("import-*.zip"):
        owner = leftover.name.split("-")[1]
        if (owner.isdigit() and not _alive(int(owner))) or not owner.isdigit():
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _refuse_shrunk_chain(connection: Connection, manifest: dict[str, Any]) -> None:
    """A workstation's chain only grows: a bundle it made later than one already imported from
    it, claiming fewer of its own changes, means it cut or rewrote its history (an old backup
    put back without a new identity, an edited file), and its next changes would reuse numbers.
    An old bundle imported again is no such claim: it was made before."""
    origin, have, made = manifest.get("origin"), manifest.get("have"), manifest.get("created_at")
    claimed = have.get(origin) if isinstance(have, dict) else None
    if not isinstance(origin, str) or type(claimed) is not int or not isinstance(made, str):
        return
    key = f"peer_head:{origin}"
    try:
        known = json.loads(state.get(connection, key) or "null")
        top, top_made = (int(known["seq"]), str(known["created_at"])) if known else (0, "")
    except (ValueError, KeyError, TypeError):
        top, top_made = 0, ""
    if claimed < top and made > top_made:
        name = connection.exec_driver_sql("SELECT name FROM workstation WHERE id = ?",
                                          (origin,)).scalar()
        raise VerificationFailed("sync.rewritten", name=name or origin, seq=claimed)
    if claimed > top:
        state.put(connection, key, json.dumps({"seq": claimed, "created_at": made}))


def _parse_value(python_type: type | None, is_time: bool, raw: str) -> object:
    cleaned = raw.strip()
    if cleaned.lower() in ("", "null", "none") and python_type is not str:
        return None
    try:
        if is_time:
            return parse_time(cleaned)
        if python_type is bool:
            if cleaned.lower() in ("1", "true", "yes"):
                return True
            if cleaned.lower() in ("0", "false", "no"):
                return False
            raise ValueError(raw)
        if python_type in (int, float):
            return python_type(cleaned)
    except ValueError:
        raise ValidationError("conflict.bad_value", value=raw) from None
    return raw


__all__ = ["ExportSummary", "HubSummary", "ImportSummary", "SyncService", "SyncStatus",
           "VerificationFailed"]
