"""Sync with the PostgreSQL hub (docs/sync.md, Hub): push what the hub lacks, pull what is new
there through the same apply as bundles, with a cursor tied to the hub's identity. Split from
console/services/sync.py along the bundle/hub seam; ``SyncService`` is this and the bundles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from console.domain.clock import iso
from console.domain.errors import ConsoleError, ValidationError, VerificationFailed
from console.domain.messages import Message
from console.domain.permissions import Action
from console.services.context import Actor
from console.services.sync_keys import KeyRoster
from console.store.exercise import is_exercise
from console.store.migrate import head_revision
from console.sync import capture as _capture
from console.sync import hub, hub_cursor, hub_trust, state
from console.sync.apply import COLUMNS, ApplyResult, apply_changes

_COLS = ", ".join(COLUMNS)


@dataclass(frozen=True)
class HubSummary:
    pushed: int
    pulled: int
    new: int
    clock_warning: str | None
    tables: frozenset[str]
    refused: dict[str, int] = field(default_factory=dict)
    """Pulled changes no trusted signature vouched for, per workstation (name or id)."""
    notice: Message | None = None
    """Why this pull started from the hub's beginning (a re-created or restored hub)."""


class HubSync(KeyRoster):
    @property
    def schema(self) -> str:
        """The schema version this program writes: the migrations' head."""
        return self.db.capture.schema if self.db.capture is not None else head_revision()

    def _apply_pending_bundles(self) -> int:
        """Bundles kept from a newer schema (SyncService, console/services/sync.py)."""
        raise NotImplementedError

    def _after_apply(self, connection, result: ApplyResult) -> str | None:  # type: ignore[no-untyped-def]
        now = self.now()
        state.put(connection, "last_sync", iso(now) or "")
        if not result.skewed:
            return None
        minutes = result.max_ahead_seconds / 60
        names = state.station_names(connection)
        whose = ", ".join(f"'{names.get(site, site)}'" for site in sorted(result.skewed_sites))
        warning = (f"clock skew: {result.skewed} change(s) from {whose} dated up to "
                   f"{minutes:.0f} min ahead of this workstation's clock (that workstation's "
                   f"clock is off); kept and ordered by their clocks")
        state.put(connection, "clock_warning", f"{iso(now)} {warning}")
        return warning

    # -- hub ---------------------------------------------------------------------------------
    def set_hub_url(self, actor: Actor, url: str) -> None:
        actor.require(Action.SYNC)
        hub.connect(url).dispose()  # validates the form
        with self.db.transaction() as session:
            state.put(session.connection(), "hub_url", hub.without_password(url))

    def hub_url(self) -> str | None:
        with self.db.sessions() as session:
            return state.get(session.connection(), "hub_url")

    def hub_sync(self, actor: Actor, url: str | None = None) -> HubSummary:
        """Push what the hub lacks, then pull what is new there (same apply as bundles)."""
        actor.require(Action.SYNC)
        try:
            return self._hub_sync(url)
        except VerificationFailed as error:
            self.note_fork(error)  # this database's own history forks: kept for its repair
            raise

    def _hub_sync(self, url: str | None) -> HubSummary:
        if self._exercise():  # refused before connecting: neither push nor pull
            raise ConsoleError("drill.hub_refused")
        url = url or self.hub_url()
        if not url:
            raise ValidationError("hub.no_url")
        engine = hub.connect(url)
        bare = hub.without_password(url)
        try:
            try:
                hub_id = hub.ensure_schema(engine, url)
                pushed = self._push(engine)
                with self.db.sessions() as session:
                    cursor, notice = hub_cursor.start(
                        session.connection(), bare, hub_id,
                        lambda at: hub.entry_at(engine, at))
                pulled = hub.pull_signed(engine, cursor)
            except hub.HubError as error:
                refusal = hub.refusal(error, url)
                self._remember_reachable(url, refusal.code != "hub.unreachable")
                raise refusal from None
        finally:
            engine.dispose()
        self._apply_pending_bundles()
        with self.db.transaction() as session:
            session.info[_capture.NO_CAPTURE] = True
            connection = session.connection()
            checked = hub_trust.authenticate(
                pulled.rows, pulled.push_ids, pulled.pushes, state.trusted_keys(connection),
                state.chain_entries(connection, pulled.rows))
            rows = checked.accepted
            result = apply_changes(connection, rows, self.schema, self.now())
            # Refused rows are passed for good: a forgery stays refused, and trusting a new
            # key later starts the next pull from the hub's beginning (trust_key).
            hub_cursor.keep(connection, bare, hub_id, pulled)
            state.put(connection, "hub_url", bare)  # never the password
            state.put(connection, "hub_reachable", "1")
            warning = self._after_apply(connection, result)
            names = state.station_names(connection)
        refused = {names.get(site, site): count for site, count in checked.refused.items()}
        return HubSummary(pushed, len(pulled.rows), result.new, warning,
                          frozenset(result.tables), refused, notice)

    def _push(self, engine: Engine) -> int:
        on_hub = hub.have(engine)
        with self.db.sessions() as session:
            connection = session.connection()
            site = state.local(connection, "workstation_id")
            rows: list[tuple[Any, ...]] = []
            sites: Sequence[tuple[str]] = connection.exec_driver_sql(
                "SELECT DISTINCT site_id FROM change_log").all()
            for (site_id,) in sites:
                top, count = on_hub.get(site_id, (0, 0))
                after = top if top == count else 0  # a gap on the hub: offer everything
                rows.extend(connection.exec_driver_sql(
                    f"SELECT {_COLS} FROM change_log WHERE site_id = ? AND seq > ? ORDER BY seq",
                    (site_id, after)).all())
            mine = state.have_vector(connection).get(site or "", 0)
            stations: Sequence[tuple[str, str]] = connection.exec_driver_sql(
                "SELECT id, name FROM workstation").all()
            names = dict(stations)
            signed = None
            if rows:
                origin, signing = self.signing_key(connection)
                signed = hub_trust.sign_push(signing, origin, rows, iso(self.now()) or "")
        pushed = hub.push(engine, [tuple(r) for r in rows], signed=signed, names=names)
        with self.db.transaction() as session:
            state.put(session.connection(), "shared_seq", str(mine))
        return pushed

    def _exercise(self) -> bool:
        """A drill never syncs, in either direction (store/exercise.py)."""
        with self.db.sessions() as session:
            return is_exercise(session)

    def _remember_reachable(self, url: str, reachable: bool) -> None:
        with self.db.transaction() as session:
            state.put(session.connection(), "hub_reachable", "1" if reachable else "0")
