"""The PostgreSQL hub: a plain ``change_log`` table with a ``hub_seq`` identity. No server code.

Push: one transaction that first takes ``pg_advisory_xact_lock(HUB_LOCK)``, COPYs the rows into
a temporary staging table and inserts them with ``ON CONFLICT (site_id, seq) DO NOTHING``.
Pull: ``hub_seq > cursor`` in hub_seq order; the rows go through the same apply as bundles.

Why the lock matters (the identity-visibility race): an identity value is taken when a row is
inserted, not when its transaction commits. Two unserialised pushers could commit 101–110 after
111–120 is already visible; a reader that saw 120 would move its cursor past 101–110 and never
read them. Pushers hold the advisory lock from before their first insert until their commit, so
identity values are handed out in commit order: every row a reader can see has a smaller
hub_seq than any row still uncommitted. tests/sync/test_hub.py runs two pushers against a
polling reader to show it.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from console.domain.errors import ConsoleError
from console.sync.apply import COLUMNS
from console.sync.forks import ForkRefused

HUB_LOCK = 0x5EC0_0C0D
TEST_PUSH_SLEEP_ENV = "CONSOLE_TEST_PUSH_SLEEP"
"""Test hook: seconds to hold a push's transaction open before commit (to kill it midway)."""
_COLS = ", ".join(COLUMNS)
DDL = [
    "CREATE TABLE IF NOT EXISTS change_log ("
    " hub_seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    " site_id text NOT NULL, seq bigint NOT NULL, hlc bigint NOT NULL, tbl text NOT NULL,"
    " row_id text NOT NULL, field text NOT NULL, value text NOT NULL, supersedes text NOT NULL,"
    " author text, wall_time text NOT NULL, schema_version text NOT NULL,"
    " prev_hash text NOT NULL, entry_hash text NOT NULL,"
    " pushed_at timestamptz NOT NULL DEFAULT now(),"
    " CONSTRAINT uq_change_log_site_seq UNIQUE (site_id, seq))",
    # Each push is signed by its pusher, as a bundle is (hub_trust.py): the clients check
    # every row they pull against a push from a workstation they trust.
    "CREATE TABLE IF NOT EXISTS hub_push ("
    " push_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, origin text NOT NULL,"
    " manifest text NOT NULL, signature text NOT NULL,"
    " pushed_at timestamptz NOT NULL DEFAULT now())",
    "ALTER TABLE change_log ADD COLUMN IF NOT EXISTS push_id bigint",
    # The hub's identity, drawn once when the hub is created: a cursor (a hub_seq) means
    # something only on the hub it was read from; a re-created hub under the same URL numbers
    # its rows from 1 again (docs/sync.md, Histories).
    "CREATE TABLE IF NOT EXISTS hub_identity (id text PRIMARY KEY,"
    " created_at timestamptz NOT NULL DEFAULT now())",
]


def public_url(url: str) -> str:
    """The URL without its password, for display and as the cursor's key."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def without_password(url: str) -> str:
    """The URL to store and to key the cursor by: a password is never written to the database
    file (libpq's password file or PGPASSWORD supply it)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user, _, host = parts.netloc.rpartition("@")
    return parts._replace(netloc=f"{user.partition(':')[0]}@{host}").geturl()


def connect(url: str) -> Engine:
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise ConsoleError("hub.bad_url", url=public_url(url))
    query = parse_qs(parts.query)
    sa_url = make_url(url).set(drivername="postgresql+psycopg")
    # UTF-8 on the wire whatever the server stores: a SQL_ASCII server otherwise hands text
    # back as bytes, before check_encoding can refuse it in words.
    connect_args: dict[str, Any] = {"connect_timeout": 5, "client_encoding": "UTF8"}
    if "host" in query:  # a socket directory: libpq takes it as the host
        sa_url = sa_url.difference_update_query(["host"]).set(host=None)
        connect_args["host"] = query["host"][0]
    return create_engine(sa_url, poolclass=NullPool, connect_args=connect_args)


def ensure_schema(engine: Engine, url: str = "") -> str:
    """Create what is missing; return the hub's identity (drawn at random the first time)."""
    check_encoding(engine, url)
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": HUB_LOCK})
        for statement in DDL:
            connection.execute(text(statement))
        connection.execute(text("INSERT INTO hub_identity (id) SELECT :i WHERE NOT EXISTS "
                                "(SELECT 1 FROM hub_identity)"), {"i": uuid.uuid4().hex})
        return str(connection.execute(text(
            "SELECT id FROM hub_identity ORDER BY created_at, id LIMIT 1")).scalar_one())


def entry_at(engine: Engine, hub_seq: int) -> str | None:
    """The entry hash of the row at ``hub_seq`` (None: no such row): a cursor still points
    at the row it was read from only if this is the hash it remembers."""
    with engine.connect() as connection:
        value = connection.execute(text("SELECT entry_hash FROM change_log WHERE hub_seq = :q"),
                                   {"q": hub_seq}).scalar()
    return None if value is None else str(value)


def have(engine: Engine) -> dict[str, tuple[int, int]]:
    """Per site on the hub: (highest seq, number of changes)."""
    with engine.connect() as connection:
        rows: Iterable[tuple[str, int, int]] = connection.execute(text(
            "SELECT site_id, max(seq), count(*) FROM change_log GROUP BY site_id"))
        return {site: (int(top), int(count)) for site, top, count in rows}


def push(engine: Engine, rows: Sequence[Sequence[Any]], *, signed: SignedPush | None = None,
         hold_seconds: float = 0.0, lock: bool = True, names: dict[str, str] | None = None
         ) -> int:
    """Insert rows the hub lacks, under the pusher's signed manifest (``signed``: origin,
    manifest bytes, signature hex); return how many were new. Rows the hub already held
    without a push (written by a version before pushes were signed) are adopted by this one.
    ``names``: workstation names for the refusal message. ``hold_seconds``/``lock`` exist for
    the race test only."""
    names = names or {}
    if not rows:
        return 0
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor:  # type: ignore[attr-defined]
            if lock:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (HUB_LOCK,))
            cursor.execute(f"CREATE TEMP TABLE hub_stage ({_column_types()}) ON COMMIT DROP")
            with cursor.copy(f"COPY hub_stage ({_COLS}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            # Refuse a change numbered like one the hub holds but different (forks.py).
            cursor.execute("SELECT s.site_id, s.seq FROM hub_stage s JOIN change_log c "
                           "ON c.site_id = s.site_id AND c.seq = s.seq "
                           "WHERE c.entry_hash <> s.entry_hash ORDER BY s.seq LIMIT 1")
            forked = cursor.fetchone()
            if forked is not None:
                raise ForkRefused(str(forked[0]), int(forked[1]),
                                  names.get(forked[0], forked[0]))
            push_id = None
            if signed is not None:
                cursor.execute("INSERT INTO hub_push (origin, manifest, signature) "
                               "VALUES (%s, %s, %s) RETURNING push_id",
                               (signed.origin, signed.manifest.decode(), signed.signature))
                push_id = cursor.fetchone()[0]
                cursor.execute("UPDATE change_log c SET push_id = %s FROM hub_stage s "
                               "WHERE c.site_id = s.site_id AND c.seq = s.seq "
                               "AND c.push_id IS NULL", (push_id,))
            cursor.execute(f"INSERT INTO change_log ({_COLS}, push_id) SELECT {_COLS}, %s "
                           "FROM hub_stage ORDER BY site_id, seq "
                           "ON CONFLICT (site_id, seq) DO NOTHING", (push_id,))
            inserted = cursor.rowcount
            hold_seconds = hold_seconds or float(os.environ.get(TEST_PUSH_SLEEP_ENV) or 0)
            if hold_seconds:
                time.sleep(hold_seconds)
        raw.commit()
        return inserted
    except Exception as error:
        # The server may have ended the session (a shutdown): then rolling back fails too, and
        # the pool must not try again on close; the server dropped the transaction already.
        try:
            raw.rollback()
        except Exception:
            raw.invalidate()
        import psycopg

        if isinstance(error, psycopg.Error):  # the raw driver's, not wrapped by SQLAlchemy
            raise DriverError(error) from error
        raise
    finally:
        raw.close()


class DriverError(SQLAlchemyError):
    """A psycopg error raised on the raw connection of a push, as SQLAlchemy would wrap it."""

    def __init__(self, orig: Exception) -> None:
        super().__init__(str(orig))
        self.orig = orig


def _column_types() -> str:
    types = {"seq": "bigint", "hlc": "bigint"}
    return ", ".join(f"{c} {types.get(c, 'text')}" for c in COLUMNS)


@dataclass(frozen=True)
class SignedPush:
    origin: str
    manifest: bytes
    signature: str


@dataclass
class Pulled:
    rows: list[tuple[Any, ...]]
    """Changes in COLUMNS order, in hub_seq order."""
    push_ids: list[int | None]
    """The push each row came in (parallel to ``rows``)."""
    pushes: dict[int, SignedPush]
    cursor: int
    cursor_entry: str | None = None
    """The entry hash of the row at ``cursor`` (None: unchanged from the call's cursor)."""


def pull_signed(engine: Engine, cursor: int, limit: int | None = None) -> Pulled:
    """Rows after ``cursor`` in hub_seq order with the signed pushes they came in."""
    sql = (f"SELECT hub_seq, push_id, {_COLS} FROM change_log WHERE hub_seq > %(c)s "
           "ORDER BY hub_seq")
    if limit:
        sql += f" LIMIT {int(limit)}"
    with engine.connect() as connection:
        result = connection.exec_driver_sql(sql, {"c": cursor}).fetchall()
        ids = sorted({int(r[1]) for r in result if r[1] is not None})
        pushes: dict[int, SignedPush] = {}
        if ids:
            signed: Sequence[tuple[int, str, str, str]] = connection.exec_driver_sql(
                "SELECT push_id, origin, manifest, signature FROM hub_push "
                "WHERE push_id = ANY(%(ids)s)", {"ids": ids}).all()
            for push_id, origin, manifest, signature in signed:
                pushes[int(push_id)] = SignedPush(str(origin), str(manifest).encode(),
                                                  str(signature))
    if not result:
        return Pulled([], [], {}, cursor)
    return Pulled([tuple(r[2:]) for r in result],
                  [None if r[1] is None else int(r[1]) for r in result], pushes,
                  int(result[-1][0]), str(result[-1][-1]))


def pull(engine: Engine, cursor: int, limit: int | None = None) -> tuple[list[tuple[Any, ...]], int]:
    """Rows after ``cursor`` in hub_seq order, and the new cursor (unverified: for tests of
    the hub's ordering; the service pulls with ``pull_signed``)."""
    pulled = pull_signed(engine, cursor, limit)
    return pulled.rows, pulled.cursor


def refusal(error: Exception, url: str) -> ConsoleError:
    """What went wrong with the hub, in one coded line: the driver's words only as a detail.
    Nothing of a failed push is on the hub (one transaction) and nothing of a failed pull is
    applied here, so trying again later is always safe."""
    import psycopg.errors as pg

    original = getattr(error, "orig", None) or error
    where = public_url(url)
    if isinstance(original, pg.InsufficientPrivilege):
        return ConsoleError("hub.no_permission", url=where, error=describe_error(error))
    if isinstance(original, pg.ReadOnlySqlTransaction):
        return ConsoleError("hub.read_only", url=where)
    if isinstance(original, pg.AdminShutdown | pg.CannotConnectNow) or \
            "terminating connection" in str(original) or "shutting down" in str(original):
        return ConsoleError("hub.shutting_down", url=where)
    return ConsoleError("hub.unreachable", url=where, error=describe_error(error))


def check_encoding(engine: Engine, url: str) -> None:
    """A hub must store text as UTF-8: a SQL_ASCII database hands text back as raw bytes and
    would mangle Hangul between workstations."""
    with engine.connect() as connection:
        encoding = connection.exec_driver_sql("SHOW server_encoding").scalar()
    if str(encoding).upper() not in ("UTF8", "UTF-8"):
        raise ConsoleError("hub.encoding", url=public_url(url), encoding=encoding)


def describe_error(error: Exception) -> str:
    text_ = str(getattr(error, "orig", None) or error).strip().splitlines()
    return text_[0] if text_ else type(error).__name__


HubError = (SQLAlchemyError, OSError)
