"""An unknown user name costs one password verification, as a wrong password does: the time a
log-in takes tells nobody which names exist (counted, not timed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import VerifyMismatchError
from sqlalchemy import update

from console.domain.enums import Role
from console.domain.errors import PermissionDenied
from console.domain.ids import natural_id
from console.services.accounts import dummy_hash
from console.services.app import Services
from console.store.models import User


class CountingHasher(PasswordHasher):
    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=64, parallelism=1)
        self.verified: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified.append(str(hash))
        return super().verify(hash, password)


@pytest.fixture
def counted(tmp_path: Path) -> Iterator[tuple[Services, CountingHasher]]:
    hasher = CountingHasher()
    app = Services.open(tmp_path / "ws.sqlite", create=True, hasher=hasher)
    admin = app.accounts.initialise("상황실-1", "admin", "admin-pass")
    app.accounts.add_user(admin, "kim", "pw-kim", Role.OBSERVER, None)
    app.accounts.add_user(admin, "lee", "pw-lee", Role.OBSERVER, None)
    with app.db.transaction() as session:  # no service disables a user yet
        session.execute(update(User), [{"id": natural_id("user", "lee"), "active": False}])
    yield app, hasher
    app.close()


@pytest.mark.parametrize(("name", "password"), [
    ("kim", "wrong"),        # a real user, a wrong password
    ("nobody", "wrong"),     # no such user
    ("nobody", "pw-kim"),    # no such user, someone's real password
    ("lee", "pw-lee"),       # a disabled user, the right password
])
def test_every_refused_log_in_verifies_exactly_once(counted: tuple[Services, CountingHasher],
                                                    name: str, password: str) -> None:
    app, hasher = counted
    hasher.verified.clear()
    with pytest.raises(PermissionDenied) as refused:
        app.accounts.login(name, password)
    assert refused.value.code == "login.wrong"
    assert len(hasher.verified) == 1


def test_a_good_log_in_verifies_once_too(counted: tuple[Services, CountingHasher]) -> None:
    app, hasher = counted
    hasher.verified.clear()
    assert app.accounts.login("kim", "pw-kim").name == "kim"
    assert len(hasher.verified) == 1


def test_the_dummy_hash_costs_what_a_real_one_does() -> None:
    """Same parameters as the hasher's own hashes (argon2 reads the cost off the hash), and a
    well-formed hash: a mismatch after the full computation, not a quick format refusal."""
    for hasher in (PasswordHasher(), CountingHasher()):
        dummy = dummy_hash(hasher)
        assert extract_parameters(dummy) == extract_parameters(hasher.hash("x"))
    with pytest.raises(VerifyMismatchError):
        CountingHasher().verify(dummy_hash(CountingHasher()), "")
