"""Workstation identity, users and log-in."""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from datetime import datetime

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.clock import Clock, from_iso, iso, utc_now
from console.domain.enums import Role, Team
from console.domain.errors import ConsoleError, PermissionDenied, ValidationError
from console.domain.ids import natural_id
from console.domain.names import clean_name
from console.domain.permissions import Action
from console.services.context import Actor, ServiceBase, local_value, set_local_value
from console.store.database import Database
from console.store.keyfile import KeyStore
from console.store.models import User, Workstation
from console.sync import conflicts, home

# Argon2id with the library's defaults: slow for guessing, still quick for one login.
DEFAULT_HASHER = PasswordHasher()


def dummy_hash(hasher: PasswordHasher) -> str:
    """A hash no password matches, with ``hasher``'s own parameters: verifying against it
    costs what verifying a real user's hash costs, so a log-in as an unknown user takes as long
    as one with a wrong password. Built from the parameters, not hashed, so the first unknown
    name costs no more than the next (argon2's verify reads its cost off the hash)."""
    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii").rstrip("=")

    kind = {Type.ID: "argon2id", Type.I: "argon2i", Type.D: "argon2d"}[hasher.type]
    return (f"${kind}$v=19$m={hasher.memory_cost},t={hasher.time_cost},p={hasher.parallelism}"
            f"${b64(secrets.token_bytes(hasher.salt_len))}"
            f"${b64(secrets.token_bytes(hasher.hash_len))}")


def _typed(name: str) -> str:
    """A user name as typed, in the one form names are kept in (NFC: domain/names.py)."""
    return unicodedata.normalize("NFC", name).strip()


def _check_name(name: str) -> str:
    cleaned = _typed(name)
    if not cleaned or len(cleaned) > 64 or any(c.isspace() for c in cleaned):
        raise ValidationError("user.bad_name", name=name)
    return cleaned


class AccountService(ServiceBase):
    def __init__(self, db: Database, clock: Clock = utc_now,
                 hasher: PasswordHasher = DEFAULT_HASHER, keys: KeyStore | None = None) -> None:
        super().__init__(db, clock)
        self.hasher = hasher
        self.keys = keys if keys is not None else KeyStore()
        self._dummy_hash = dummy_hash(hasher)

    def hash_password(self, password: str) -> str:
        return self.hasher.hash(password)

    def initialise(self, workstation_name: str, admin_name: str, admin_password: str,
                   lang: str = "en") -> Actor:
        """Give an empty database its workstation identity, signing key and first user."""
        if len(admin_password) < 4:
            raise ValidationError("user.short_admin_password")
        admin_name = _check_name(admin_name)
        now = self.now()
        with self.db.transaction() as session:
            station_id = self._create_identity(session, workstation_name, now)
            user = User(id=natural_id("user", admin_name), name=admin_name,
                        display_name=admin_name, role=Role.ADMIN.value, team=None,
                        password_hash=self.hash_password(admin_password))
            session.add(self.new_entity(user, None, now))
            actor = Actor(user.id, user.name, Role.ADMIN, None, station_id, lang)
            self.audit(session, actor, "init", workstation_name)
        return actor

    def initialise_workstation(self, workstation_name: str) -> str:
        """Only the identity and key: for databases whose users come from elsewhere (demo)."""
        with self.db.transaction() as session:
            return self._create_identity(session, workstation_name, self.now())

    def _create_identity(self, session: Session, workstation_name: str, now: datetime) -> str:
        workstation_name = clean_name(workstation_name)
        if not workstation_name:
            raise ValidationError("workstation.needs_name")
        if local_value(session, "workstation_id"):
            raise ConsoleError("database.already_initialised", path=self.db.path)
        key = Ed25519PrivateKey.generate()
        public = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
        station = Workstation(id=natural_id("workstation", public), name=workstation_name,
                              public_key=public, trusted=True)
        session.add(self.new_entity(station, None, now))
        set_local_value(session, "workstation_id", station.id)
        set_local_value(session, "workstation_name", workstation_name.strip())
        session.flush()
        self.keys.save(station.id, key)  # beside the database, never in it (store/keyfile.py)
        home.record(session.connection())
        return station.id

    def workstation(self) -> tuple[str | None, str | None]:
        with self.db.sessions() as session:
            return local_value(session, "workstation_id"), local_value(session, "workstation_name")

    def add_user(self, actor: Actor | None, name: str, password: str, role: Role,
                 team: Team | None = None, display_name: str = "", contact: str = "") -> str:
        if actor is not None:
            actor.require(Action.MANAGE_USERS)
        name = _check_name(name)
        if role in (Role.TEAM_LEAD, Role.MEMBER) and team is None:
            raise ValidationError("user.needs_team", role=role)
        with self.db.transaction() as session:
            if session.scalar(select(User.id).where(User.name == name)):
                raise ValidationError("user.exists", name=name)
            display_name = clean_name(display_name)
            user = User(id=natural_id("user", name), name=name, display_name=display_name or name,
                        role=role.value, team=team.value if team else None, contact=contact,
                        password_hash=self.hash_password(password))
            session.add(self.new_entity(user, actor, self.now()))
            self.audit(session, actor, "add_user", name, role.value)
        return user.id

    def disable_user(self, actor: Actor, name: str) -> str:
        """A user who may no longer log in; their records keep their name. Never the last
        active administrator: nobody could then add or restore users."""
        actor.require(Action.MANAGE_USERS)
        with self.db.transaction() as session:
            user = session.scalar(select(User).where(User.name == _typed(name),
                                                     User.deleted.is_(False)))
            if user is None:
                raise ValidationError("user.unknown", name=name)
            if not user.active:
                raise ValidationError("user.already_disabled", name=user.name)
            if user.role == Role.ADMIN.value and (session.scalar(
                    select(func.count()).select_from(User).where(
                        User.role == Role.ADMIN.value, User.active.is_(True),
                        User.deleted.is_(False))) or 0) <= 1:
                raise ValidationError("user.last_admin", name=user.name)
            user.active = False
            self.touch(user, actor, self.now())
            self.audit(session, actor, "disable_user", user.name)
            return user.id

    def login(self, name: str, password: str, lang: str = "en") -> Actor:
        """The same message for an unknown user and a wrong password: no user enumeration."""
        with self.db.sessions() as session:
            user = session.scalar(select(User).where(User.name == _typed(name)))
            usable = user is not None and user.active and not user.deleted
            # One verify either way, at the same cost: the time says nothing of the name.
            stored = user.password_hash if user is not None and usable else self._dummy_hash
            try:
                self.hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                usable = usable and user is not None and self._other_password(
                    session, user.id, user.password_hash, password)
            if user is None or not usable:
                raise PermissionDenied("login.wrong", name=name)
            workstation_id = local_value(session, "workstation_id")
            # A log-in writes nothing shared: a refused command must leave the digest unchanged.
            return Actor(user.id, user.name, Role(user.role),
                         Team(user.team) if user.team else None, workstation_id, lang)

    def record_login(self, user_id: str) -> datetime | None:
        """A person logged in to the window on this workstation (at start or at a shift
        change): remember when, and return their log-in before this one (None: the first
        here). What the timeline and the board mark "new since your last log-in" reads it.

        Local bookkeeping beside the workstation's identity, never synced: a log-in is no
        record of the incident (the digest and the other workstations stay as they are)."""
        key = f"last_login:{user_id}"
        with self.db.transaction() as session:
            previous = from_iso(local_value(session, key))
            set_local_value(session, key, iso(self.now()))
        return previous

    def _other_password(self, session: Session, user_id: str, shown: str, password: str
                        ) -> bool:
        """Whether ``password`` matches another concurrent head of this user's password: the
        same user created on two workstations (each one's first administrator), or passwords
        changed apart, keep working until someone chooses whose (docs/sync.md, rule 11)."""
        for value, *_ in conflicts.candidates(session.connection(), "app_user", user_id,
                                              "password_hash"):
            other = json.loads(value)
            if not isinstance(other, str) or other == shown:
                continue
            try:
                return bool(self.hasher.verify(other, password))
            except (VerificationError, InvalidHashError):
                continue
        return False

    def users(self) -> list[User]:
        with self.db.sessions() as session:
            return list(session.scalars(select(User).order_by(User.name)))
