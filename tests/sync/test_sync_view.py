"""The sync page over two real workstations: models pass the model tester, sync runs off the GUI
thread, bundles and conflict resolution go through the service."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from console.ui.context import UiContext
from console.ui.sync_view import SyncView


def test_sync_view_shows_and_resolves(qtbot, qtmodeltester, stations, tmp_path: Path) -> None:
    a, b = stations(2)
    for station, title in ((a, "A"), (b, "B")):
        from console.domain.enums import Cause, DisasterArea

        station.app.incidents.open(station.login("commander"), "fire",
                                   DisasterArea.SYSTEM_FAILURE, Cause.FIRE)
        del title
    # One user created apart with two roles: a conflict to show (first administrators created
    # apart are not one: docs/sync.md, Histories, rule 11).
    from console.domain.enums import Role, Team

    a.app.accounts.add_user(a.admin, "kim", "pw", Role.TEAM_LEAD, Team.SYSTEMS)
    b.app.accounts.add_user(b.admin, "kim", "pw", Role.COMMANDER)
    context = UiContext(services=a.app, actor=a.login("commander"), lang="en")
    view = SyncView(context)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.last_status is not None, timeout=5000)
    assert view.peers_model.rowCount() == 2
    qtmodeltester.check(view.peers_model)
    b.app.sync.export_bundle(b.admin, tmp_path / "b.zip")
    view.import_bundle(str(tmp_path / "b.zip"))
    qtbot.waitUntil(lambda: view.last_status is not None and view.last_status.open_conflicts > 0,
                    timeout=5000)
    qtmodeltester.check(view.conflicts_model)
    before = view.conflicts_model.rowCount()
    conflict = view.conflicts_model.row_object(0)
    view.resolve(conflict, 0, None)
    qtbot.waitUntil(lambda: view.conflicts_model.rowCount() == before - 1, timeout=5000)
    view.export_bundle(str(tmp_path / "a.zip"))
    qtbot.waitUntil(lambda: (tmp_path / "a.zip").exists(), timeout=5000)
    view.hub_url.setText("postgresql://nobody@127.0.0.1:1/none")
    errors: list[BaseException] = []
    context.messages.error = errors.append  # type: ignore[method-assign]
    view.run_hub_sync()
    assert view.busy  # returned at once: the GUI thread is not blocked
    qtbot.waitUntil(lambda: not view.busy, timeout=15000)
    assert errors and "unreachable" in str(errors[0])
