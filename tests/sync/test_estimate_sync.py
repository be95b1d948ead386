"""A team's estimates travel with a bundle: revisions kept, the same current one everywhere."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.sync.conftest import one_system


def test_estimates_and_their_revisions_sync(stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = stations(2)
    one_system(a, tmp_path)
    systems = a.login("systems")
    a.app.outages.open(systems, "SEO-1")
    a.app.estimates.give(systems, "SEO-1", a.clock.moment + timedelta(hours=6), "1차")
    a.clock.advance(hours=1)
    a.app.estimates.give(systems, "SEO-1", a.clock.moment + timedelta(hours=8), "지연")
    bundle = tmp_path / "a.zip"
    a.app.sync.export_bundle(a.admin, bundle)
    assert b.app.sync.import_bundle(b.admin, bundle).new > 0
    theirs, ours = a.app.estimates.history("SEO-1"), b.app.estimates.history("SEO-1")
    assert [e.note for e in ours] == ["1차", "지연"] and ours == theirs
    back = tmp_path / "b.zip"
    b.app.sync.export_bundle(b.admin, back)
    a.app.sync.import_bundle(a.admin, back)
    assert a.digest() == b.digest() and b.app.maintenance.verify() == []
