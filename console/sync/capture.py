"""Change capture: every write through a Database's sessions also appends to ``change_log``.

Installed explicitly on a Database's session factory by whoever opens it to write shared data:
``Services.over`` (so ``Services.open``, and with it the CLI, the window, the self-test, the
demo builder and restore) calls ``install``. Nothing is switched on by importing this module: a
database opened with the bare ``store.database.open_database`` has no capture, and its writes
would never reach the other workstations. Services need no other change. ORM flushes are read in ``after_flush`` (the objects still carry their pre-flush
history there, and Python-side defaults are filled in): a new entity gives one change per field,
a changed entity one per changed field, a new append-only record one change carrying the whole
row. Set-based statements (``session.execute(insert(T), rows)`` and bulk updates by primary key)
are captured in ``do_orm_execute``. Both write the log with executemany in the same transaction.

A local writer has seen every change this database holds, so its change supersedes all current
heads of the field it writes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from console.domain.clock import Clock, iso, utc_now
from console.store import database as store_database
from console.store.migrate import head_revision
from console.sync import hlc, home, status_edits, status_events
from console.sync.schema import WHOLE_ROW, TableInfo, encode, tables
from console.sync.status_events import STATUS_EVENTS

NO_CAPTURE = "sync_no_capture"
"""session.info key: this session writes sync bookkeeping itself (apply): do not capture."""
FORCE = "sync_force"
"""session.info key: {(table, row, field)} to log even when the value did not change."""

INSERT_SQL = (
    "INSERT INTO change_log (site_id, seq, hlc, tbl, row_id, field, value, supersedes, author, "
    "wall_time, schema_version, prev_hash, entry_hash, is_head) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

# (table, row id, field, JSON value, supersedes JSON, author)
Entry = tuple[str, str, str, str, str, str | None]


class CaptureError(RuntimeError):
    """A write the change log cannot see: it would never reach the other workstations."""


class Capture:
    def __init__(self) -> None:
        self.clock: Clock = utc_now
        self.schema = head_revision()
        self._site: str | None = None
        self._at_home = False
        self.head_signer: Callable[[str, bytes], str | None] | None = None
        """Signs this workstation's chain head after every write (Services.over sets it from
        the key folder): ``verify`` then finds a log rewritten or cut below the signed head,
        which a recomputed hash chain alone would hide."""

    def site_id(self, connection: Connection) -> str | None:
        if self._site is None:
            self._site = connection.execute(text(
                "SELECT value FROM local_identity WHERE key = 'workstation_id'")).scalar()
        if self._site is not None and not self._at_home:
            home.check(connection)  # a copied file must not write as the original (home.py)
            self._at_home = True
        return self._site

    def forget_site(self) -> None:
        self._site = None
        self._at_home = False

    # -- writing -------------------------------------------------------------------------
    def write(self, session: Session, entries: Sequence[Entry]) -> None:
        if not entries:
            return
        connection = session.connection()
        now = self.clock()
        site = self.site_id(connection)
        if site is None:  # no identity yet: nothing can be shared from this database
            return
        first_hlc, first_seq, prev = hlc.tick(connection, now, len(entries))
        wall = iso(now) or ""
        schema = self.schema
        sha = hashlib.sha256
        rows = []
        superseding = []
        batch: dict[tuple[str, str], tuple[int, str]] = {}
        for index, (tbl, row_id, field, value, supersedes, author) in enumerate(entries):
            seq, clock_value = first_seq + index, first_hlc + index
            if tbl in STATUS_EVENTS and field == WHOLE_ROW and supersedes == "[]":
                supersedes = _event_knowledge(connection, batch, tbl, value, clock_value, site)
            digest = sha("\x1f".join((prev, site, str(seq), str(clock_value), tbl, row_id, field,
                                      value, supersedes, author or "", wall, schema)
                                     ).encode()).hexdigest()
            rows.append((site, seq, clock_value, tbl, row_id, field, value, supersedes, author,
                         wall, schema, prev, digest, field != WHOLE_ROW))
            if supersedes != "[]":
                superseding.append((row_id, field, site, seq))
            prev = digest
        connection.exec_driver_sql(INSERT_SQL, rows)
        hlc.set_head(connection, prev)
        if self.head_signer is not None:
            last = first_seq + len(entries) - 1
            signature = self.head_signer(site, head_payload(site, last, prev))
            if signature is not None:
                connection.exec_driver_sql(
                    "INSERT OR REPLACE INTO local_identity (key, value) VALUES "
                    "('head_signature', ?)", (f"{last} {prev} {signature}",))
        if superseding:
            _supersede(connection, superseding, rows)
        # A status event written here knew every head: its owner's conflict ends. An edit of
        # an owner knew its events: it may end (or, superseding, start) one (status_edits.py).
        owners: dict[str, set[str]] = {}
        for events_table, owner_id in batch:
            owners.setdefault(events_table, set()).add(owner_id)
        for tbl, row_id, field, _value_json, knew, _author in entries:
            spec = status_events.BY_OWNER.get(tbl)
            if spec is not None and spec.closing and knew != "[]" \
                    and status_edits.is_edit(tbl, field):
                owners.setdefault(spec.events, set()).add(row_id)
        if owners:
            status_events.refresh(connection, owners)


def _event_knowledge(connection: Connection, batch: dict[tuple[str, str], tuple[int, str]],
                     tbl: str, value: str, clock_value: int, site: str) -> str:
    """The ``supersedes`` of a status event: the owner's event heads held here (rule 6), and
    for an event that closes its owner, the heads of the owner's fields too (status_edits)."""
    spec = STATUS_EVENTS[tbl]
    row = json.loads(value)
    owner_id = str(row.get(spec.owner_column))
    earlier = batch.get((tbl, owner_id))
    heads = [earlier] if earlier else status_events.known_heads(connection, tbl, owner_id)
    if row.get(spec.value_column) in spec.closing:
        heads = [*heads, *status_edits.field_knowledge(connection, spec.owner_table, owner_id)]
    batch[(tbl, owner_id)] = (clock_value, site)
    return heads_json(heads)


def _edit_knowledge(connection: Connection, table: str, row_id: str, field: str
                    ) -> list[tuple[int, str]]:
    """What an edit of an owner's field written here knew of the owner's status events: their
    heads, so that a closing event it saw is no conflict (status_edits.py)."""
    spec = status_events.BY_OWNER.get(table)
    if spec is None or not spec.closing or not status_edits.is_edit(table, field):
        return []
    return status_events.known_heads(connection, spec.events, row_id)


def _supersede(connection: Connection, superseding: list[tuple[str, str, str, int]],
               rows: list[tuple[Any, ...]]) -> None:
    by_key = {(r[0], r[1]): r for r in rows}
    triples = []
    for _row_id, field, site, seq in superseding:
        for head_hlc, head_site in _parse_heads(by_key[(site, seq)][7]):
            triples.append((head_site, head_hlc, field))
    connection.exec_driver_sql(
        "INSERT OR IGNORE INTO sync_superseded (site_id, hlc, field) VALUES (?, ?, ?)", triples)
    connection.exec_driver_sql(
        "UPDATE change_log SET is_head = 0 WHERE row_id = ? AND field = ? AND is_head = 1 "
        "AND NOT (site_id = ? AND seq = ?)", superseding)
    if connection.exec_driver_sql("SELECT 1 FROM sync_conflict LIMIT 1").first():
        connection.exec_driver_sql(
            "DELETE FROM sync_conflict WHERE tbl = ? AND row_id = ? AND field = ?",
            [(by_key[(s, q)][3], r, f) for r, f, s, q in superseding])


def _parse_heads(supersedes: str) -> list[tuple[int, str]]:
    return [(int(h), str(s)) for h, s in json.loads(supersedes)]


def heads_json(heads: Iterable[tuple[int, str]]) -> str:
    parts = sorted(set(heads))
    return "[" + ",".join(f'[{h},{encode(s)}]' for h, s in parts) + "]"


def _heads(connection: Connection, table: TableInfo, row_ids: Sequence[str]
           ) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """Current heads per (row, field): field changes nobody superseded, plus whole-row changes
    not superseded for that field."""
    found: dict[tuple[str, str], list[tuple[int, str]]] = {}
    names = [c.name for c in table.columns]
    for row_id in row_ids:
        for field, clock_value, site in connection.exec_driver_sql(
                "SELECT field, hlc, site_id FROM change_log WHERE row_id = ? AND tbl = ? "
                "AND is_head = 1", (row_id, table.name)):
            found.setdefault((row_id, field), []).append((clock_value, site))
        wholes = connection.exec_driver_sql(
            "SELECT hlc, site_id FROM change_log WHERE row_id = ? AND field = '*' AND tbl = ?",
            (row_id, table.name)).all()
        for clock_value, site in wholes:
            gone = {f for (f,) in connection.exec_driver_sql(
                "SELECT field FROM sync_superseded WHERE site_id = ? AND hlc = ?",
                (site, clock_value))}
            for name in names:
                if name not in gone:
                    found.setdefault((row_id, name), []).append((clock_value, site))
    return found


def _value(info_col: Any, value: Any) -> str:
    if info_col.to_db is not None and value is not None:
        value = info_col.to_db(value)
    return encode(value)


def _record_json(table: TableInfo, values: dict[str, Any]) -> str:
    return "{" + ",".join(f'"{c.name}":{_value(c, values.get(c.key))}'
                          for c in table.columns) + "}"


def _insert_entries(table: TableInfo, rows: Iterable[dict[str, Any]], whole_rows: bool
                    ) -> list[Entry]:
    entries: list[Entry] = []
    name = table.name
    if table.is_record or whole_rows:
        for values in rows:
            entries.append((name, values["id"], WHOLE_ROW, _record_json(table, values), "[]",
                            values.get("author_id") or values.get("updated_by")))
        return entries
    columns = table.columns
    for values in rows:
        row_id, author = values["id"], values.get("updated_by")
        for column in columns:
            entries.append((name, row_id, column.name, _value(column, values.get(column.key)),
                            "[]", author))
    return entries


def _orm_entries(session: Session) -> list[Entry]:
    infos = tables()
    force: set[tuple[str, str, str]] = session.info.get(FORCE, set())
    entries: list[Entry] = []
    for obj in session.new:
        table = infos.get(getattr(obj, "__tablename__", ""))
        if table is not None:
            values = {c.key: getattr(obj, c.key) for c in table.columns}
            values["id"] = obj.id
            entries.extend(_insert_entries(table, [values], whole_rows=False))
    changed: dict[str, list[tuple[Any, Any]]] = {}
    for obj in list(session.dirty) + list(session.deleted):
        table = infos.get(getattr(obj, "__tablename__", ""))
        if table is None:
            continue
        state = inspect(obj)
        fields = []
        if obj in session.deleted and not table.is_record:
            fields.append(("deleted", True))
        for column in table.columns:
            history = state.attrs[column.key].history
            forced = (table.name, obj.id, column.name) in force
            if not (history.added or forced):
                continue
            new = getattr(obj, column.key)
            if not forced and history.deleted and _value(column, history.deleted[0]) == \
                    _value(column, new):
                continue
            fields.append((column, new))
        if fields:
            changed.setdefault(table.name, []).append((obj, fields))
    connection = session.connection()
    for name, items in changed.items():
        table = infos[name]
        heads = _heads(connection, table, [obj.id for obj, _ in items])
        for obj, fields in items:
            author = getattr(obj, "updated_by", None) or getattr(obj, "author_id", None)
            for column, new in fields:
                field = column if isinstance(column, str) else column.name
                value = encode(new) if isinstance(column, str) else _value(column, new)
                knew = [*heads.get((obj.id, field), ()),
                        *_edit_knowledge(connection, name, obj.id, field)]
                entries.append((name, obj.id, field, value, heads_json(knew), author))
    return entries


def _bulk_update_entries(connection: Connection, table: TableInfo,
                         rows: Sequence[dict[str, Any]]) -> list[Entry]:
    heads = _heads(connection, table, [r["id"] for r in rows])
    entries: list[Entry] = []
    by_key = {c.key: c for c in table.columns}
    for values in rows:
        author = values.get("updated_by")
        for key, new in values.items():
            column = by_key.get(key)
            if column is None:
                continue
            knew = [*heads.get((values["id"], column.name), ()),
                    *_edit_knowledge(connection, table.name, values["id"], column.name)]
            entries.append((table.name, values["id"], column.name, _value(column, new),
                            heads_json(knew), author))
    return entries


def _with_defaults(table_obj: Any, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    defaults = {c.key: c.default.arg for c in table_obj.columns
                if c.default is not None and c.default.is_scalar}
    return [{**defaults, **row} if defaults.keys() - row.keys() else row for row in rows]


def head_payload(site: str, seq: int, entry_hash: str) -> bytes:
    """What the head signature covers: the site, its last change's number and hash."""
    return f"incident-console chain head\x1f{site}\x1f{seq}\x1f{entry_hash}".encode()


def install(db: store_database.Database) -> Capture:
    """Log every write through ``db.sessions`` in ``change_log``; the Capture installed.

    Idempotent: a database that has its capture already keeps it (listening twice would log
    every change twice and break the hash chain's numbering)."""
    if isinstance(db.capture, Capture):
        return db.capture
    if db.capture is not None:
        raise CaptureError(f"{db.path} has another change capture installed: {db.capture!r}")
    capture = Capture()
    db.capture = capture

    @event.listens_for(db.sessions, "after_flush")
    def _after_flush(session: Session, _context: UOWTransaction) -> None:
        if not session.info.get(NO_CAPTURE):
            capture.write(session, _orm_entries(session))

    @event.listens_for(db.sessions, "do_orm_execute")
    def _on_execute(state: ORMExecuteState) -> Any:
        if state.session.info.get(NO_CAPTURE) or not (state.is_insert or state.is_update):
            return None
        target = getattr(state.statement, "table", None)
        table = tables().get(getattr(target, "name", ""))
        if table is None:
            return None
        params = state.parameters
        rows = params if isinstance(params, list) else [params] if params else []
        if not rows or any("id" not in row for row in rows) or (
                state.is_update and getattr(state.statement, "_where_criteria", ())):
            raise CaptureError(
                f"a set-based write to {table.name} must pass rows with their ids "
                "(session.execute(insert/update(Model), [{'id': ...}, ...])) so that sync sees it")
        result = state.invoke_statement()
        session = state.session
        if state.is_insert:
            # Set-based inserts (demo, inventory) log one whole-row change per row: the same
            # merge meaning as one change per field at one clock, at a fraction of the volume.
            entries = _insert_entries(table, _with_defaults(target, rows), whole_rows=True)
        else:
            entries = _bulk_update_entries(session.connection(), table, rows)
        capture.write(session, entries)
        return result

    return capture
