"""A drill never syncs: bundles and the hub refuse it in both directions, and nothing changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.domain.clock import iso
from console.domain.errors import ConsoleError
from console.services.app import Services
from console.services.context import Actor
from console.store.keyfile import private_hex
from console.sync import state
from console.sync.bundle import export_parts, write_bundle
from tests.drill_helpers import as_user, copy_of, make_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("drill-sync"))


@pytest.fixture
def drill(template: Path, tmp_path: Path) -> Iterator[Services]:
    services = Services.open(copy_of(template, tmp_path))
    yield services
    services.close()


def _drill_bundle_despite_the_refusal(drill: Services, out: Path) -> None:
    """What an older program (or a hand-made copy) could write from a drill: the export
    path without its refusal, so the receiving side's own check is what is tested."""
    with drill.db.sessions() as session:
        connection = session.connection()
        site, key = drill.sync.signing_key(connection)
        have = state.have_vector(connection)
        parts = export_parts(connection, have, {})
        try:
            write_bundle(out, parts, origin=site, origin_name="drill", schema=drill.sync.schema,
                         have=have, signing_key_hex=private_hex(key),
                         created_at=iso(drill.sync.now()) or "")
        finally:
            parts.close()


def test_a_drill_exports_no_bundle(drill: Services, tmp_path: Path) -> None:
    with pytest.raises(ConsoleError) as refused:
        drill.sync.export_bundle(as_user(drill, "controller"), tmp_path / "out.zip")
    assert refused.value.code == "drill.export_refused"
    assert not (tmp_path / "out.zip").exists()


def test_a_real_bundle_is_refused_by_a_drill(drill: Services, services: Services,
                                             login: Callable[[str], Actor],
                                             tmp_path: Path) -> None:
    bundle = tmp_path / "real.zip"
    services.sync.export_bundle(login("admin"), bundle)
    before = drill.maintenance.digest()
    with pytest.raises(ConsoleError) as refused:
        drill.sync.import_bundle(as_user(drill, "controller"), bundle)
    assert refused.value.code == "drill.import_refused"
    assert "훈련용 데이터베이스" in refused.value.render("ko")
    assert drill.maintenance.digest() == before


def test_a_drill_bundle_is_refused_by_a_real_workstation(drill: Services, services: Services,
                                                         login: Callable[[str], Actor],
                                                         tmp_path: Path) -> None:
    key_file = tmp_path / "drill.key.json"
    drill.sync.export_key(key_file)
    services.sync.trust_key(login("admin"), key_file)  # even trusted, a drill stays out
    bundle = tmp_path / "drill.zip"
    _drill_bundle_despite_the_refusal(drill, bundle)
    before = services.maintenance.digest()
    with pytest.raises(ConsoleError) as refused:
        services.sync.import_bundle(login("admin"), bundle)
    assert refused.value.code == "drill.bundle_from_drill"
    assert refused.value.render("en").startswith("refused: drill.zip comes from an exercise")
    assert services.maintenance.digest() == before


def test_a_drill_never_talks_to_the_hub(drill: Services) -> None:
    """Refused before connecting: neither a push of drill records nor a pull of real ones."""
    with pytest.raises(ConsoleError) as refused:
        drill.sync.hub_sync(as_user(drill, "controller"), "postgresql://nobody@127.0.0.1:1/none")
    assert refused.value.code == "drill.hub_refused"
