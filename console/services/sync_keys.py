"""The workstation key roster: export this workstation's public key, trust a peer's (an audited
admin act), and give a copied database its own identity. Mixed into SyncService."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from console.domain.clock import Clock, from_iso, iso, utc_now
from console.domain.errors import ConsoleError, ValidationError, VerificationFailed
from console.domain.ids import natural_id
from console.domain.permissions import Action
from console.services.context import Actor, ServiceBase, set_local_value
from console.store.database import Database
from console.store.files import write_atomically
from console.store.keyfile import KeyStore, public_hex, seal, unseal
from console.store.migrate import head_revision
from console.store.models import Workstation
from console.sync import home, hub, repair, state
from console.sync.apply import apply_changes
from console.sync.forks import ForkRefused

KEY_KIND = "incident-console workstation key"
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class PeerRow:
    id: str
    name: str
    public_key: str | None
    trusted: bool
    this_workstation: bool
    last_bundle: datetime | None


def _read_key_file(path: Path) -> bytes:
    """A key file someone hands in: present and small enough to be one, before it is read."""
    if not path.is_file():
        raise ConsoleError("keys.no_file", path=path)
    if path.stat().st_size > MAX_KEY_FILE:
        raise ValidationError("keys.too_large", file=path.name)
    return path.read_bytes()


class KeyRoster(ServiceBase):
    def __init__(self, db: Database, clock: Clock = utc_now, keys: KeyStore | None = None
                 ) -> None:
        super().__init__(db, clock)
        self.keys = keys if keys is not None else KeyStore()
        self._head_keys: dict[str, Ed25519PrivateKey] = {}

    def sign_head(self, site: str, payload: bytes) -> str | None:
        """Capture's head signer: None (the head stays unsigned) when the key is not here, as
        on a PC a database was copied to; local work never waits for the key."""
        key = self._head_keys.get(site)
        if key is None:
            if not self.keys.has(site):
                return None
            try:
                key = self.keys.load(site, None)
            except ConsoleError:
                return None
            self._head_keys[site] = key
        return key.sign(payload).hex()

    def signing_key(self, connection: Connection) -> tuple[str, Ed25519PrivateKey]:
        """This workstation's id and the key that signs as it (from the key folder)."""
        site = state.local(connection, "workstation_id")
        if site is None:
            raise ConsoleError("workstation.no_identity")
        public = connection.exec_driver_sql("SELECT public_key FROM workstation WHERE id = ?",
                                            (site,)).scalar()
        return site, self.keys.load(site, public)

    def relocate_secrets(self) -> bool:
        """Move what older versions kept in the file out of it: the signing key into the key
        folder, the hub password out of the stored URL (libpq's password file or
        PGPASSWORD supply it, as PostgreSQL users expect). ``secure_delete`` zeroes the freed
        bytes, so the file and its later backups no longer hold them. True if anything moved."""
        with self.db.sessions() as session:
            connection = session.connection()
            legacy = state.local(connection, "signing_key")
            url = state.get(connection, "hub_url")
            site = state.local(connection, "workstation_id")
        scrub_url = bool(url) and hub.without_password(url or "") != url
        if legacy is None and not scrub_url:
            return False
        if legacy is not None and site is not None:
            key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(legacy))
            if not self.keys.has(site):
                self.keys.save(site, key)
        with self.db.transaction() as session:
            connection = session.connection()
            connection.exec_driver_sql("PRAGMA secure_delete = ON")
            if legacy is not None:
                connection.exec_driver_sql(
                    "DELETE FROM local_identity WHERE key = 'signing_key'")
            if scrub_url:
                state.put(connection, "hub_url", hub.without_password(url or ""))
        return True

    def move_key_out(self, actor: Actor, out: Path, passphrase: str) -> Path:
        """The signing key, sealed under a passphrase, for moving this workstation to another
        PC (an audited admin act; the key stays here too until the old PC is retired)."""
        actor.require(Action.MANAGE_KEYS)
        with self.db.sessions() as session:
            _, key = self.signing_key(session.connection())
        sealed = seal(key, passphrase)
        out = write_atomically(Path(out), sealed, private=True)
        with self.db.transaction() as session:
            self.audit(session, actor, "move_key_out", "", out.name)
        return out

    def move_key_in(self, actor: Actor, path: Path, passphrase: str) -> Path:
        """Install a sealed key taken out on the old PC; it must be this database's key."""
        actor.require(Action.MANAGE_KEYS)
        path = Path(path)
        key = unseal(_read_key_file(path), passphrase, path.name)
        with self.db.sessions() as session:
            connection = session.connection()
            site = state.local(connection, "workstation_id")
            public = connection.exec_driver_sql(
                "SELECT public_key FROM workstation WHERE id = ?", (site,)).scalar()
        if site is None:
            raise ConsoleError("workstation.no_identity")
        if public_hex(key) != public:
            raise ConsoleError("keys.mismatch", path=path)
        target = self.keys.save(site, key)
        with self.db.transaction() as session:
            self.audit(session, actor, "move_key_in", site, path.name)
        return target

    def export_key(self, out: Path) -> dict[str, str]:
        with self.db.sessions() as session:
            connection = session.connection()
            site = state.local(connection, "workstation_id")
            station = session.get(Workstation, site) if site else None
            if station is None or not station.public_key:
                raise ConsoleError("workstation.no_identity")
            content = {"kind": KEY_KIND, "workstation_id": station.id, "name": station.name,
                       "public_key": station.public_key}
        Path(out).write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
        return content

    def trust_key(self, actor: Actor, path: Path) -> PeerRow:
        """Trust a peer's key file: never on first use, always a person's decision."""
        actor.require(Action.MANAGE_KEYS)
        path = Path(path)
        data = _read_key_file(path)
        try:
            content = json.loads(data.decode("utf-8"))
            station_id, name, public = (content["workstation_id"], content["name"],
                                        content["public_key"])
            if content.get("kind") != KEY_KIND:
                raise ValueError
            bytes.fromhex(public)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise ValidationError("keys.not_key_file", file=path.name) from None
        if len(public) != 64 or not isinstance(name, str) or not name.strip():
            raise ValidationError("keys.not_key_file", file=path.name)
        if natural_id("workstation", public) != station_id:
            raise ValidationError("keys.id_mismatch", file=path.name)
        now = self.now()
        with self.db.transaction() as session:
            station = session.get(Workstation, station_id)
            if station is None:
                station = self.new_entity(Workstation(id=station_id, name=name.strip(),
                                                      public_key=public, trusted=True), actor, now)
                session.add(station)
            else:
                station.public_key, station.trusted = public, True
                self.touch(station, actor, now)
            self.audit(session, actor, "trust_key", station_id, f"{name} {public}")
            # Changes from this workstation may have been refused at earlier hub pulls (not
            # yet trusted then): the next pull reads the hub from its start again.
            session.connection().exec_driver_sql(
                "DELETE FROM sync_state WHERE key LIKE 'hub_cursor:%'")
        return PeerRow(station_id, name, public, True, False, None)

    def peers(self) -> list[PeerRow]:
        with self.db.sessions() as session:
            connection = session.connection()
            me = state.local(connection, "workstation_id")
            peers: Sequence[tuple[str, str]] = connection.execute(
                text("SELECT site_id, seen_at FROM sync_peer")).all()
            seen = dict(peers)
            return [PeerRow(w.id, w.name, w.public_key, bool(w.trusted), w.id == me,
                            from_iso(seen[w.id]) if w.id in seen else None)
                    for w in session.scalars(select(Workstation).order_by(Workstation.name))]

    def moved_from(self) -> str | None:
        """The PC this database belongs to when it is not this one (a moved or copied file),
        else None. Shared writes are refused until ``confirm_moved`` or ``reidentify``."""
        with self.db.sessions() as session:
            return home.elsewhere(session.connection())

    def confirm_moved(self, actor: Actor) -> None:
        """The same workstation, now on this PC (not a copy: the original is gone or retired)."""
        actor.require(Action.MANAGE_KEYS)
        with self.db.transaction() as session:
            connection = session.connection()
            previous = home.recorded(connection)
            home.record(connection)
            self.audit(session, actor, "confirm_moved", "",
                       f"{previous} -> {home.this_host()}")
        if self.db.capture is not None:
            self.db.capture.forget_site()

    def reidentify(self, actor: Actor | None, name: str, fork_at: int | None = None) -> str:
        """Give a copied database its own workstation identity and key (a new site): two
        databases must never write changes under the same site id.

        A copy that already wrote as the original is repaired in the same transaction
        (sync/repair.py): its changes from the fork point on — ``fork_at``, the number a
        refusal elsewhere named, or the one a refusal here noted — are re-issued under the
        new identity and the old ones set aside."""
        if actor is not None:
            actor.require(Action.MANAGE_KEYS)
        if not name.strip():
            raise ValidationError("workstation.needs_name")
        if fork_at is not None and fork_at < 1:
            raise ValidationError("repair.bad_fork", seq=fork_at)
        key = Ed25519PrivateKey.generate()
        public = public_hex(key)
        station_id = natural_id("workstation", public)
        self.keys.save(station_id, key)
        with self.db.transaction() as session:
            connection = session.connection()
            connection.execute(text("UPDATE sync_clock SET seq = 0, head_hash = '' WHERE id = 1"))
            connection.execute(text("DELETE FROM sync_state WHERE key = 'shared_seq'"))
            former = state.local(connection, "workstation_id")
            if former:  # its roster row stays, never logged (sync/replay.py takes it as it is)
                earlier = state.local(connection, "former_workstation_ids") or ""
                set_local_value(session, "former_workstation_ids",
                                " ".join(filter(None, (earlier, former))))
            set_local_value(session, "workstation_id", station_id)
            set_local_value(session, "workstation_name", name.strip())
            connection.exec_driver_sql("PRAGMA secure_delete = ON")
            # The former site's signed head is not this identity's: the next write signs anew.
            connection.exec_driver_sql("DELETE FROM local_identity WHERE key IN "
                                       "('signing_key', 'head_signature')")
            if former:
                self._repair(connection, former, station_id, fork_at)
            session.flush()
            home.record(connection)
            if self.db.capture is not None:
                self.db.capture.forget_site()
            session.add(self.new_entity(Workstation(id=station_id, name=name.strip(),
                                                    public_key=public, trusted=True), actor,
                                        self.now()))
            self.audit(session, actor, "reidentify", station_id, name)
        return station_id

    def _repair(self, connection: Connection, former: str, station_id: str,
                fork_at: int | None) -> repair.Reissued | None:
        first = fork_at if fork_at is not None else repair.noted_fork(connection, former)
        if first is None:
            return None
        done = repair.reissue(connection, former, first, station_id, iso(self.now()) or "")
        if done is not None:
            # Every row the re-issued changes wrote is merged again: a tie on the clock with
            # another workstation's change is now broken by the new site id, as everywhere.
            connection.exec_driver_sql(
                "INSERT OR IGNORE INTO sync_pending_row (tbl, row_id) SELECT DISTINCT tbl, "
                "row_id FROM change_log WHERE site_id = ?", (station_id,))
            apply_changes(connection, [], head_revision(), self.now(), retry_pending=True)
        return done

    def note_fork(self, error: VerificationFailed) -> None:
        """A refusal because this database's own history forks (it is a copy that wrote as
        the original, or the original of one): the point is kept, in its own transaction
        after the refused one, for ``keys reidentify`` to repair the copy from there
        (sync/repair.py). Nothing of the refused changes is kept."""
        if not isinstance(error, ForkRefused):
            return
        try:
            with self.db.transaction() as session:
                repair.note_fork(session.connection(), error.site, error.seq)
        except ConsoleError:
            pass  # a file this user cannot write: the refusal itself is what matters

    def set_aside(self) -> list[repair.SetAside]:
        """Changes this database wrote as another workstation, set aside by a repair."""
        with self.db.sessions() as session:
            return repair.set_aside(session.connection())
