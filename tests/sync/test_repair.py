"""A copy that wrote as the original is repaired by ``keys reidentify`` (docs/sync.md,
Histories, rule 3): its clashing changes are re-issued under its new identity, the old ones set
aside, and its work — before and after — reaches everyone once."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.cli import main
from console.domain.enums import Team
from console.domain.errors import ValidationError, VerificationFailed
from console.services.app import Services
from tests.conftest import FAST_HASHER
from tests.sync.conftest import Station
from tests.sync.test_forks import FORK, _copy_of


def _texts(station: Station) -> list[str]:
    return sorted(e.text for e in station.app.journal.log())


def _both_write(a: Station, copy: Station, tmp_path: Path) -> None:
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "written on the original")
    copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "copy, before")
    copy.app.journal.add_log(copy.login("systems"), Team.SYSTEMS, "copy, before, again")
    a.app.sync.export_bundle(a.admin, tmp_path / "a.zip")
    copy.app.sync.export_bundle(copy.admin, tmp_path / "copy-old.zip")


def _trust_copy(copy: Station, peers: list[Station], tmp_path: Path) -> None:
    copy.app.sync.export_key(tmp_path / "copy.key")
    for peer in peers:
        peer.app.sync.trust_key(peer.admin, tmp_path / "copy.key")


def _exchange(group: list[Station], tmp_path: Path) -> None:
    for station in group:
        station.app.sync.export_bundle(station.admin, tmp_path / f"round-{station.name}.zip")
    for station in group:
        for other in group:
            if other is not station:
                station.app.sync.import_bundle(station.admin,
                                               tmp_path / f"round-{other.name}.zip")


def _after_repair(a: Station, c: Station, copy: Station, tmp_path: Path) -> None:
    """The copy's later work, its bundle taken by the original and a third station, and the
    original's work taken by the copy: one history everywhere."""
    copy.app.journal.add_log(copy.login("commander"), Team.SITUATION, "copy, after")
    _trust_copy(copy, [a, c], tmp_path)
    c.app.sync.import_bundle(c.admin, tmp_path / "a.zip")
    with pytest.raises(VerificationFailed, match=FORK):  # the old bundle stays refused
        c.app.sync.import_bundle(c.admin, tmp_path / "copy-old.zip")
    copy.app.sync.export_bundle(copy.admin, tmp_path / "copy.zip")
    assert a.app.sync.import_bundle(a.admin, tmp_path / "copy.zip").new > 0
    assert c.app.sync.import_bundle(c.admin, tmp_path / "copy.zip").new > 0
    assert copy.app.sync.import_bundle(copy.admin, tmp_path / "a.zip").new > 0
    everything = sorted(["written on the original", "copy, before", "copy, before, again",
                         "copy, after"])
    for station in (a, c, copy):
        assert _texts(station) == everything, station.name  # each exactly once
        assert station.app.maintenance.verify() == [], station.name
    _exchange([a, c, copy], tmp_path)  # c's own history (its users, its trust) too
    assert a.digest() == c.digest() == copy.digest()
    # And later work flows both ways, with no refusal.
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "original, later")
    a.app.sync.export_bundle(a.admin, tmp_path / "a2.zip")
    copy.app.sync.import_bundle(copy.admin, tmp_path / "a2.zip")
    copy.app.sync.export_bundle(copy.admin, tmp_path / "copy2.zip", for_peer=a.name)
    a.app.sync.import_bundle(a.admin, tmp_path / "copy2.zip")
    assert a.digest() == copy.digest()


def test_a_copy_refused_here_is_repaired_by_reidentify(stations, tmp_path: Path, monkeypatch,
                                                       capsys) -> None:
    a, _b, c = stations(3)
    copy = _copy_of(a, tmp_path)
    _both_write(a, copy, tmp_path)
    with pytest.raises(VerificationFailed, match=FORK):
        copy.app.sync.import_bundle(copy.admin, tmp_path / "a.zip")
    with pytest.raises(VerificationFailed, match=FORK):
        a.app.sync.import_bundle(a.admin, tmp_path / "copy-old.zip")
    before = _texts(copy)

    copy.app.sync.reidentify(copy.admin, "copy")  # the fork the refusal here noted

    assert _texts(copy) == before  # the same records: only who wrote them changed
    [aside] = copy.app.sync.set_aside()
    assert (aside.former, aside.site, aside.new_first) == ("ws-0", "copy", 1)
    assert aside.count == aside.last - aside.first + 1 == aside.new_last
    assert copy.app.maintenance.verify() == []
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    db = str(copy.app.db.path)
    for command in (["sync", "conflicts"], ["verify"]):
        assert main(["--db", db, "--user", "admin", "--lang", "en", *command]) == 0
        assert (f"{aside.count} change(s) this database wrote as workstation 'ws-0' "
                f"(#{aside.first}–{aside.last}) are set aside") in capsys.readouterr().out
    _after_repair(a, c, copy, tmp_path)
    assert copy.app.sync.set_aside() == [aside]  # kept as evidence, never exported
    assert a.app.sync.set_aside() == [] and c.app.sync.set_aside() == []
    copy.app.close()


def test_a_copy_refused_elsewhere_is_repaired_from_the_number_the_refusal_named(
        stations, tmp_path: Path, monkeypatch, capsys) -> None:
    a, _b, c = stations(3)
    copy = _copy_of(a, tmp_path)
    _both_write(a, copy, tmp_path)
    with pytest.raises(VerificationFailed, match=FORK) as refused:
        a.app.sync.import_bundle(a.admin, tmp_path / "copy-old.zip")
    seq = refused.value.params["seq"]
    assert f"--from {seq}" in refused.value.render("en")

    with pytest.raises(ValidationError, match="--from takes a change number"):
        copy.app.sync.reidentify(copy.admin, "copy", fork_at=0)
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    copy.app.close()  # the command line opens the file itself
    db = str(copy.app.db.path)
    assert main(["--db", db, "--user", "admin", "--lang", "en", "keys", "reidentify",
                 "--name", "copy", "--from", str(seq)]) == 0
    assert "are set aside as evidence" in capsys.readouterr().out
    copy.app = Services.open(copy.app.db.path, clock=copy.clock, hasher=FAST_HASHER)
    copy.admin = copy.app.accounts.login("admin", "admin-pass")

    assert copy.app.sync.set_aside()[0].first == seq
    _after_repair(a, c, copy, tmp_path)
    copy.app.close()


def test_without_a_known_fork_reidentify_sets_nothing_aside(stations, tmp_path: Path) -> None:
    a, = stations(1)
    copy = _copy_of(a, tmp_path)
    copy.app.sync.reidentify(copy.admin, "copy")
    assert copy.app.sync.set_aside() == []
    assert copy.app.maintenance.verify() == []
    copy.app.close()
