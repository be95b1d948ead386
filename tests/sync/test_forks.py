"""A copied database file writes as the same workstation: its changes are refused loudly at
import, pull and push (never kept on one side and dropped on the other), and nothing changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from console.domain.enums import Cause, DisasterArea, Team
from console.domain.errors import VerificationFailed
from console.services.app import Services
from tests.conftest import FAST_HASHER
from tests.sync.conftest import Station

FORK = "two databases are writing as one workstation"


def _copy_of(station: Station, root: Path) -> Station:
    """What a person does with a USB stick: the database file copied to another PC."""
    station.app.incidents.open(station.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE,
                               Cause.FIRE)
    station.app.close()
    copy_path = root / "copied.sqlite"
    shutil.copyfile(station.app.db.path, copy_path)
    station.app = Services.open(station.app.db.path, clock=station.clock, hasher=FAST_HASHER)
    copy = Services.open(copy_path, clock=station.clock, hasher=FAST_HASHER)
    return Station("copy", copy, station.clock, copy.accounts.login("admin", "admin-pass"))


def test_a_copied_database_is_refused_at_import_and_nothing_changes(stations,
                                                                      tmp_path: Path) -> None:
    a, b = stations(2)
    copy = _copy_of(a, tmp_path)
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "written on the original")
    copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "written on the copy")
    a.app.sync.export_bundle(a.admin, tmp_path / "a.zip")
    copy.app.sync.export_bundle(copy.admin, tmp_path / "copy.zip")

    before = a.digest()
    with pytest.raises(VerificationFailed, match=FORK):
        a.app.sync.import_bundle(a.admin, tmp_path / "copy.zip")
    assert a.digest() == before
    # A third workstation takes whichever comes first, then refuses the other.
    b.app.sync.import_bundle(b.admin, tmp_path / "a.zip")
    seen = b.digest()
    with pytest.raises(VerificationFailed, match="workstation 'ws-0' has two different"):
        b.app.sync.import_bundle(b.admin, tmp_path / "copy.zip")
    assert b.digest() == seen
    # The same bundle twice is still no fork.
    assert b.app.sync.import_bundle(b.admin, tmp_path / "a.zip").new == 0
    copy.app.close()


@pytest.mark.hub
def test_a_copied_database_is_refused_by_the_hub(stations, tmp_path: Path, hub_url: str) -> None:
    from console.sync import hub

    a, b = stations(2)
    copy = _copy_of(a, tmp_path)
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "written on the original")
    copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "written on the copy")
    a.app.sync.hub_sync(a.admin, hub_url)
    engine = hub.connect(hub_url)
    on_hub = hub.have(engine)
    before = copy.digest()
    with pytest.raises(VerificationFailed, match=FORK):
        copy.app.sync.hub_sync(copy.admin, hub_url)
    assert hub.have(engine) == on_hub and copy.digest() == before
    engine.dispose()
    b.app.sync.hub_sync(b.admin, hub_url)  # the hub itself stays consistent for the others
    assert b.app.maintenance.verify() == []
    copy.app.close()


def test_a_restored_workstation_gets_a_new_identity_and_its_shared_work_comes_back(
        stations, tmp_path: Path) -> None:
    a, b = stations(2)
    commander = a.login("commander")
    a.app.incidents.open(commander, "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.maintenance.backup(a.admin, tmp_path / "old.sqlite")
    a.app.journal.add_log(commander, Team.SITUATION, "after the backup, shared")
    a.app.sync.export_bundle(a.admin, tmp_path / "shared.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "shared.zip")

    path = a.app.db.path
    a.app.close()
    restored = Services.restore(path, tmp_path / "old.sqlite", a.admin, clock=a.clock)
    assert restored.new_identity is not None and restored.new_identity.startswith("ws-0 (복원 ")
    a.app = Services.open(path, clock=a.clock, hasher=FAST_HASHER)
    a.admin = a.app.accounts.login("admin", "admin-pass")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "after the restore")

    # The peer trusts the new key like a new workstation's; then both ways work, no fork.
    a.app.sync.export_key(tmp_path / "restored.key")
    b.app.sync.trust_key(b.admin, tmp_path / "restored.key")
    a.app.sync.export_bundle(a.admin, tmp_path / "from-a.zip")
    b.app.sync.import_bundle(b.admin, tmp_path / "from-a.zip")
    b.app.sync.export_bundle(b.admin, tmp_path / "from-b.zip")
    a.app.sync.import_bundle(a.admin, tmp_path / "from-b.zip")
    assert a.digest() == b.digest()
    texts = {e.text for e in a.app.journal.log()}
    assert {"after the backup, shared", "after the restore"} <= texts  # nothing lost
