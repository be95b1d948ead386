"""Two demo workstations built apart start from the same records: syncing them finds nothing
to argue about (no password or timestamp 'conflicts'), only what people changed."""

from __future__ import annotations

from pathlib import Path

from console.domain.enums import OutageStatus
from console.services.app import Services
from tests.conftest import FAST_HASHER


def _demo(path: Path) -> Services:
    app = Services.open(path, create=True, hasher=FAST_HASHER)
    app.demo.build()
    return app


def test_two_demos_merge_without_conflicts(tmp_path: Path) -> None:
    first, second = _demo(tmp_path / "a.sqlite"), _demo(tmp_path / "b.sqlite")
    try:
        admin_a = first.accounts.login("admin", "demo")
        admin_b = second.accounts.login("admin", "demo")
        first.sync.export_key(tmp_path / "a.key")
        second.sync.export_key(tmp_path / "b.key")
        first.sync.trust_key(admin_a, tmp_path / "b.key")
        second.sync.trust_key(admin_b, tmp_path / "a.key")
        systems = first.accounts.login("systems", "demo")
        first.outages.change_status(systems, "SEO-0108", OutageStatus.DOWN, note="재발")
        first.sync.export_bundle(admin_a, tmp_path / "a.bundle")
        second.sync.export_bundle(admin_b, tmp_path / "b.bundle")
        second.sync.import_bundle(admin_b, tmp_path / "a.bundle")
        first.sync.import_bundle(admin_a, tmp_path / "b.bundle")
        assert first.sync.conflicts() == [] and second.sync.conflicts() == []
        assert first.maintenance.digest() == second.maintenance.digest()
        down = [o.code for o in second.outages.list() if o.status == "down"]
        assert down == ["SEO-0108"]
    finally:
        first.close()
        second.close()
