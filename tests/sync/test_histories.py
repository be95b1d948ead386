"""Sync under rarer histories (issue 11): each test is one reproduction from the issue, and
fails on the code before its fix (docs/sync.md says each rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.enums import Cause, DisasterArea, Role, Team
from console.services.app import Services
from tests.conftest import FAST_HASHER
from tests.sync.conftest import Station

HOLE = "a hole in the change log"


def _send(source: Station, target: Station, path: Path, for_peer: str | None = None):  # type: ignore[no-untyped-def]
    source.clock.advance(seconds=1)
    source.app.sync.export_bundle(source.admin, path, for_peer)
    target.clock.advance(seconds=1)
    return target.app.sync.import_bundle(target.admin, path)


def _reopen(station: Station) -> None:
    station.app = Services.open(station.app.db.path, clock=station.clock, hasher=FAST_HASHER)
    station.admin = station.app.accounts.login("admin", "admin-pass")


def _texts(station: Station) -> set[str]:
    return {entry.text for entry in station.app.journal.log()}


def test_a_restore_leaves_no_hole_for_good(stations, tmp_path: Path, monkeypatch,
                                           capsys) -> None:
    """1. B restores a backup taken before it received a1 (its identity kept: it wrote nothing
    since); A still holds B's old have-vector and sends only a2. B sees and names the hole,
    verify reports it, and B's next bundle tells A the truth, so A's next one fills it — also
    for C, which got the hole through B's relay."""
    from console.cli import main

    a, b, c = stations(3)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    _send(a, b, tmp_path / "a0.zip")
    b.app.maintenance.backup(b.admin, tmp_path / "b-old.sqlite")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "a1")
    _send(a, b, tmp_path / "a1.zip")
    _send(b, a, tmp_path / "b-before.zip")  # A learns that B holds a1

    b.app.close()
    restored = Services.restore(b.app.db.path, tmp_path / "b-old.sqlite", b.admin, clock=b.clock)
    assert restored.new_identity is None  # it wrote nothing since the backup
    _reopen(b)
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "a2")
    a.app.sync.export_bundle(a.admin, tmp_path / "a2-for-b.zip", "ws-1")
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    assert main(["--db", str(b.app.db.path), "--user", "admin", "sync", "import",
                 str(tmp_path / "a2-for-b.zip")]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("변경 1건 중 새것 1건") and "a1" not in _texts(b)
    first = first_a1(a)
    assert said.err == (f"warning: 단말 'ws-0'의 변경 {first}–{first}번이 아직 이 단말에 없습니다"
                        "(그 뒤의 변경은 받았습니다). 이 단말에서 만든 꾸러미를 그 단말에 가져가 "
                        "가져오기 하면, 그 단말의 다음 'sync export --for' 꾸러미에 빠진 변경이 "
                        "실립니다\n")
    assert any(HOLE in finding for finding in b.app.maintenance.verify())
    relayed = _send(b, c, tmp_path / "b-for-c.zip", "ws-2")
    assert relayed.holes and any(HOLE in f for f in c.app.maintenance.verify())

    # B's next bundle carries its true have-vector; an older one found later does not undo it.
    _send(b, a, tmp_path / "b-after.zip")
    a.app.sync.import_bundle(a.admin, tmp_path / "b-before.zip")
    healed = _send(a, b, tmp_path / "a-for-b.zip", "ws-1")
    assert healed.holes == () and {"a1", "a2"} <= _texts(b)
    assert b.app.maintenance.verify() == []
    _send(c, b, tmp_path / "c.zip")
    assert _send(b, c, tmp_path / "b-for-c-2.zip", "ws-2").holes == ()
    assert c.app.maintenance.verify() == [] and {"a1", "a2"} <= _texts(c)
    _send(c, a, tmp_path / "c-for-a.zip")
    assert a.digest() == b.digest() == c.digest()


def first_a1(a: Station) -> int:
    """A's change number of the log entry 'a1'."""
    from sqlalchemy import text

    with a.app.db.sessions() as session:
        return int(session.execute(text(
            "SELECT min(seq) FROM change_log WHERE tbl = 'log_entry' AND value LIKE '%a1%'"
        )).scalar_one())


def _hub_sql(url: str, *statements: str) -> None:
    from sqlalchemy import text

    from console.sync import hub

    engine = hub.connect(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


@pytest.mark.hub
def test_a_re_created_hub_is_pulled_again_from_its_beginning(stations, hub_url: str) -> None:
    """2. The hub database dropped and made again under the same URL: B's cursor belongs to
    the old hub; the new hub's identity differs, so B pulls it all again and says so."""
    a, b = stations(2)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.sync.hub_sync(a.admin, hub_url)
    b.app.sync.hub_sync(b.admin, hub_url)  # B's cursor: A's rows and its own
    _hub_sql(hub_url, "DROP TABLE change_log", "DROP TABLE hub_push",
             "DROP TABLE IF EXISTS hub_identity")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "after the hub was re-made")
    a.app.sync.hub_sync(a.admin)
    got = b.app.sync.hub_sync(b.admin)
    assert "after the hub was re-made" in _texts(b)
    assert got.notice is not None and got.notice.code == "hub.new_identity"
    assert "다시 받았습니다" in got.notice.render("ko")
    again = b.app.sync.hub_sync(b.admin)
    assert again.notice is None and again.pulled == 0
    a.app.sync.hub_sync(a.admin)
    assert a.digest() == b.digest() and b.app.maintenance.verify() == []


@pytest.mark.hub
def test_a_hub_restored_from_a_dump_is_pulled_again(stations, hub_url: str) -> None:
    """2. Same identity, fewer rows: the hub restored from a dump taken before B's push hands
    out B's old numbers to new rows. The cursor remembers the row it points at; that row is
    not there as it was, so B pulls again from the beginning."""
    a, b = stations(2)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.sync.hub_sync(a.admin, hub_url)
    from sqlalchemy import text

    from console.sync import hub

    engine = hub.connect(hub_url)
    with engine.connect() as connection:
        dumped = int(connection.execute(text("SELECT max(hub_seq) FROM change_log")).scalar_one())
        pushes = int(connection.execute(text("SELECT max(push_id) FROM hub_push")).scalar_one())
    engine.dispose()
    b.app.sync.hub_sync(b.admin, hub_url)
    _hub_sql(hub_url, f"DELETE FROM change_log WHERE hub_seq > {dumped}",
             f"DELETE FROM hub_push WHERE push_id > {pushes}",
             f"ALTER TABLE change_log ALTER COLUMN hub_seq RESTART WITH {dumped + 1}")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "after the hub was restored")
    a.app.sync.hub_sync(a.admin)
    got = b.app.sync.hub_sync(b.admin)
    assert "after the hub was restored" in _texts(b)
    assert got.notice is not None and got.notice.code == "hub.rewound"
    a.app.sync.hub_sync(a.admin)
    assert a.digest() == b.digest() and b.app.maintenance.verify() == []


def test_rows_from_a_newer_schema_show_at_the_first_open_after_the_upgrade(
        stations, tmp_path: Path, monkeypatch) -> None:
    """4. A (already upgraded) writes under a newer schema; B keeps those rows pending. After
    B's upgrade, its first open shows them — before any new change arrives — and the two
    workstations' digests agree."""
    a, b = stations(2)
    newer = "9999"
    monkeypatch.setattr(a.app.db.capture, "schema", newer)  # as if A ran a newer program
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "written by a newer program")
    monkeypatch.undo()  # the bundle's manifest says the older schema: its rows wait one by one
    _send(a, b, tmp_path / "a.zip")
    assert "written by a newer program" not in _texts(b)
    assert b.app.sync.status().pending_rows > 0

    b.app.close()
    monkeypatch.setattr("console.sync.capture.head_revision", lambda: newer)  # the upgrade
    _reopen(b)
    assert b.app.sync.schema == newer
    assert "written by a newer program" in _texts(b)
    assert b.app.sync.status().pending_rows == 0
    monkeypatch.setattr(a.app.db.capture, "schema", newer)  # both upgraded now
    _send(b, a, tmp_path / "b.zip")
    assert a.digest() == b.digest()


INVENTORY = ("시스템코드,시스템명,소관부서,설치위치,구분,등급,목표복구시간,대체수단,의존시스템\n"
             "A-1,통합민원,행정국,서초 데이터센터,대시민,1,4,수기 접수,\n")


def _with_incident_and_system(stations, tmp_path: Path, count: int = 2) -> list[Station]:  # type: ignore[no-untyped-def]
    found = stations(count)
    first = found[0]
    first.app.incidents.open(first.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE,
                             Cause.FIRE)
    inventory = tmp_path / "inventory.csv"
    inventory.write_text(INVENTORY, encoding="utf-8")
    first.app.inventory.import_file(first.admin, inventory)
    for other in found[1:]:
        _send(first, other, tmp_path / f"setup-{other.name}.zip")
    return found


def test_one_outage_opened_on_two_workstations_keeps_verify_passing(stations,
                                                                    tmp_path: Path) -> None:
    """7. A records system A-1 down at 10:00, B (apart) at 10:05: one outage (natural key
    incident, system, episode), two "down" events at their own times, and the earliest
    detection is the outage's on both — so no event lies before its detection."""
    from datetime import UTC, datetime

    a, b = _with_incident_and_system(stations, tmp_path)
    a.clock.moment = datetime(2025, 9, 27, 10, 0, tzinfo=UTC)
    b.clock.moment = datetime(2025, 9, 27, 10, 5, tzinfo=UTC)
    a.app.outages.open(a.login("systems"), "A-1")
    b.app.outages.open(b.login("systems"), "A-1")
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        assert station.app.maintenance.verify() == []
        (outage,) = station.app.outages.list()
        assert outage.detected_at == datetime(2025, 9, 27, 10, 0, tzinfo=UTC)
    assert a.digest() == b.digest()
    assert [c for c in a.app.sync.conflicts() if c.field == "detected_at"] == []


@pytest.mark.parametrize("b_opens_at", [(11, 30), (12, 5)])
def test_a_stale_episode_does_not_reopen_a_restored_outage(stations, tmp_path: Path,
                                                           b_opens_at: tuple[int, int]) -> None:
    """8. A opens A-1 at 10:00, restores it at 11:00 and opens it again at 12:00 (episode 2);
    B, apart, opens A-1 as episode 1 (before or after A's second opening). After sync there is
    one open outage of A-1, episode 2, on both, and episode 1 stays restored."""
    from datetime import UTC, datetime

    from console.domain.enums import OutageStatus

    a, b = _with_incident_and_system(stations, tmp_path)
    systems = a.login("systems")
    a.clock.moment = datetime(2025, 9, 27, 10, 0, tzinfo=UTC)
    a.app.outages.open(systems, "A-1")
    a.clock.moment = datetime(2025, 9, 27, 11, 0, tzinfo=UTC)
    a.app.outages.change_status(systems, "A-1", OutageStatus.RESTORED)
    a.clock.moment = datetime(2025, 9, 27, 12, 0, tzinfo=UTC)
    a.app.outages.open(systems, "A-1")
    b.clock.moment = datetime(2025, 9, 27, *b_opens_at, tzinfo=UTC)
    b.app.outages.open(b.login("systems"), "A-1")
    a.clock.moment = b.clock.moment = datetime(2025, 9, 27, 13, 0, tzinfo=UTC)
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        assert station.app.maintenance.verify() == []
        open_ = [o for o in station.app.outages.list()
                 if OutageStatus(o.status) not in (OutageStatus.RESTORED, OutageStatus.VERIFIED)]
        assert len(open_) == 1
        assert open_[0].detected_at == datetime(2025, 9, 27, 12, 0, tzinfo=UTC)
    assert a.digest() == b.digest()


def test_two_workstations_without_an_incident_converge_to_one(stations, tmp_path: Path) -> None:
    """9. Neither workstation has an incident; each records A-1 down, which opens one
    automatically. The automatic incident has a natural id, so they land on one incident and
    one outage."""
    from datetime import UTC, datetime

    a, b = stations(2)
    inventory = tmp_path / "inventory.csv"
    inventory.write_text(INVENTORY, encoding="utf-8")
    a.app.inventory.import_file(a.admin, inventory)
    _send(a, b, tmp_path / "setup.zip")
    a.clock.moment = datetime(2025, 9, 27, 10, 0, tzinfo=UTC)
    b.clock.moment = datetime(2025, 9, 27, 10, 5, tzinfo=UTC)
    a.app.outages.open(a.login("systems"), "A-1")
    b.app.outages.open(b.login("systems"), "A-1")
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        assert len(station.app.incidents.list()) == 1
        assert len(station.app.outages.list()) == 1
        assert station.app.maintenance.verify() == []
    assert a.digest() == b.digest()
    # The two start times disagree, visibly: a conflict for a person, as any field.
    assert [(c.table, c.field) for c in a.app.sync.conflicts() if c.table == "incident"] == [
        ("incident", "started_at")]


def test_names_typed_in_nfd_or_with_extra_spaces_are_one_record(stations,
                                                                 tmp_path: Path) -> None:
    """10. A department typed in NFD (as files made on a Mac are) and with a doubled space is
    the same department; a user name in NFD is the same user and logs in either way."""
    import unicodedata

    from console.domain.enums import Role

    a, b = stations(2)
    header = INVENTORY.splitlines()[0]
    nfd = unicodedata.normalize("NFD", "행정국")
    (tmp_path / "a.csv").write_text(
        f"{header}\nA-1,통합민원,행정국,서초 데이터센터,대시민,1,4,,\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        f"{header}\nB-1,전자결재, {nfd} ,서초  데이터센터,내부행정,3,24,,\n", encoding="utf-8")
    a.app.inventory.import_file(a.admin, tmp_path / "a.csv")
    b.app.inventory.import_file(b.admin, tmp_path / "b.csv")
    b.app.accounts.add_user(b.admin, unicodedata.normalize("NFD", "김담당"), "pw",
                            Role.TEAM_LEAD, Team.SYSTEMS)
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        departments = {s.department for s in station.app.inventory.systems()}
        assert departments == {"행정국"}
        facilities = {s.facility for s in station.app.inventory.systems()}
        assert facilities == {"서초 데이터센터"}
        assert station.login("김담당").name == "김담당"
    assert a.digest() == b.digest()


def _set_password_apart(station: Station, user: str, password: str) -> None:
    """A password change as a later feature (or an older program) writes it: one captured
    change of ``password_hash`` that supersedes what this workstation held."""
    from sqlalchemy import select

    from console.store.models import User

    with station.app.db.transaction() as session:
        row = session.scalars(select(User).where(User.name == user)).one()
        row.password_hash = FAST_HASHER.hash(password)


def test_users_created_apart_keep_their_passwords_and_hashes_never_show(
        stations, tmp_path: Path, monkeypatch, capsys) -> None:
    """11. Every workstation's first administrator and a user created on both keep logging in
    with their own passwords, with no conflict; passwords changed apart are a conflict that
    names who changed them (never the hash), cannot be resolved by typing a value, and is
    resolved by choosing whose."""
    import json

    from console.cli import main
    from console.domain.enums import Role
    from console.domain.errors import ValidationError

    a, b = stations(2)
    a.app.accounts.add_user(a.admin, "kim", "from-a", Role.TEAM_LEAD, Team.SYSTEMS)
    b.app.accounts.add_user(b.admin, "kim", "from-b", Role.TEAM_LEAD, Team.SYSTEMS)
    _send(a, b, tmp_path / "a.zip")
    _send(b, a, tmp_path / "b.zip")
    for station in (a, b):
        assert [c for c in station.app.sync.conflicts() if c.table == "app_user"] == []
        station.app.accounts.login("admin", "admin-pass")
        station.app.accounts.login("kim", "from-a")
        station.app.accounts.login("kim", "from-b")

    _set_password_apart(a, "kim", "changed-on-a")
    _set_password_apart(b, "kim", "changed-on-b")
    _send(a, b, tmp_path / "a2.zip")
    (conflict,) = [c for c in b.app.sync.conflicts() if c.field == "password_hash"]
    assert all(k.secret and k.value is None for k in conflict.candidates)
    b.app.accounts.login("kim", "changed-on-a")  # nobody is locked out meanwhile
    b.app.accounts.login("kim", "changed-on-b")
    with pytest.raises(ValidationError, match="choose whose"):
        b.app.sync.resolve(b.admin, "app_user", conflict.record, "password_hash", value="x")

    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    db = str(b.app.db.path)
    assert main(["--db", db, "--user", "admin", "sync", "conflicts", "--json"]) == 0
    out = capsys.readouterr().out
    assert "$argon2" not in out
    shown = json.loads(out)[0]["candidates"]
    assert {k["value"] for k in shown} == {"(비밀번호 변경 — 작성자 admin, 단말 ws-0)",
                                           "(비밀번호 변경 — 작성자 admin, 단말 ws-1)"}
    assert main(["--db", db, "--user", "admin", "sync", "conflicts"]) == 0
    assert "$argon2" not in capsys.readouterr().out
    assert main(["--db", db, "--user", "admin", "sync", "resolve", "app_user",
                 conflict.record, "password_hash", "--value", "x"]) == 1
    assert "--keep N" in capsys.readouterr().err
    whose = next(n for n, k in enumerate(conflict.candidates) if k.workstation == "ws-0")
    b.app.sync.resolve(b.admin, "app_user", conflict.record, "password_hash", keep=whose)
    b.app.accounts.login("kim", "changed-on-a")
    from console.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        b.app.accounts.login("kim", "changed-on-b")


def test_restore_says_what_unshared_work_it_drops_and_how_to_get_it_back(
        stations, tmp_path: Path, monkeypatch, capsys) -> None:
    """12. Work written after the backup and never shared is not in the restored database: the
    restore says so in one line, and a bundle exported from the kept file brings it back."""
    from console.cli import main

    a, b = stations(2)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.app.maintenance.backup(a.admin, tmp_path / "old.sqlite")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "shared after the backup")
    _send(a, b, tmp_path / "shared.zip")
    a.app.journal.add_log(a.login("commander"), Team.SITUATION, "never shared")
    path = a.app.db.path
    a.app.close()
    monkeypatch.setenv("CONSOLE_PASSWORD", "admin-pass")
    assert main(["--db", str(path), "--user", "admin", "restore", str(tmp_path / "old.sqlite")]) == 0
    said = capsys.readouterr()
    err = said.err
    kept = Path(said.out.split("보관했습니다: ", 1)[1].splitlines()[0].strip())
    assert err.count("\n") == 1 and "warning: " in err
    assert "아직 다른 단말에 보내지 않은 변경 1건" in err and "sync export --out FILE" in err
    _reopen(a)
    assert "never shared" not in _texts(a)

    old = Services.open(kept, clock=a.clock, hasher=FAST_HASHER)
    try:
        old.sync.export_bundle(old.accounts.login("admin", "admin-pass"), tmp_path / "kept.zip")
    finally:
        old.close()
    a.app.sync.import_bundle(a.admin, tmp_path / "kept.zip")
    assert {"shared after the backup", "never shared"} <= _texts(a)


def test_skew_warnings_name_the_fast_workstation_and_do_not_spread(stations,
                                                                   tmp_path: Path) -> None:
    """5 (the warnings). A's clock is two days ahead. B is warned, naming A. B's own changes
    afterwards carry A's clock in their HLC but B's clock is right: C, which has A's changes
    already, is not warned about B's."""
    from datetime import timedelta

    a, b, c = stations(3)
    a.clock.advance(days=2)
    a.app.incidents.open(a.login("commander"), "fire", DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
    a.clock.advance(seconds=-1)  # _send moves it one second on again
    warned = _send(a, b, tmp_path / "a.zip")
    assert warned.clock_warning is not None and "'ws-0'" in warned.clock_warning
    assert "'ws-1'" not in warned.clock_warning and "'ws-2'" not in warned.clock_warning
    assert _send(a, c, tmp_path / "a-for-c.zip").clock_warning is not None
    b.app.journal.add_log(b.login("commander"), Team.SITUATION, "b's clock is right")
    honest = _send(b, c, tmp_path / "b.zip")
    assert honest.new > 0 and honest.clock_warning is None
    assert b.clock() - a.clock() < timedelta(days=-1)


def test_have_vector_is_the_gap_free_prefix_and_holes_are_named(stations) -> None:
    """1. The rule itself: gaps at the start, in the middle and two in a row."""
    from console.sync import state

    (a,) = stations(1)
    for number in range(3):
        a.app.accounts.add_user(a.admin, f"user{number}", "pw", Role.COMMANDER)
    with a.app.db.transaction() as session:
        connection = session.connection()
        site = state.local(connection, "workstation_id")
        top = state.top_seqs(connection)[site]
        assert state.have_vector(connection)[site] == top and state.holes(connection) == []
        connection.exec_driver_sql("DELETE FROM change_log WHERE site_id = ? AND seq IN "
                                   "(3, 4, 7)", (site,))
        assert state.have_vector(connection)[site] == 2
        assert state.holes(connection) == [(site, 3, 4), (site, 7, 7)]
        assert state.top_seqs(connection)[site] == top
        connection.exec_driver_sql("DELETE FROM change_log WHERE site_id = ? AND seq = 1",
                                   (site,))
        assert state.have_vector(connection)[site] == 0
        assert state.holes(connection, [site])[0] == (site, 1, 1)
        session.rollback()

