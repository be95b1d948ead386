"""A status typed in from a paper 장애 접수서 travels with a bundle like every other outage
field: the other workstation holds the same sheet mark and both times, and prints the same
timeline line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from console.domain.enums import OutageStatus
from tests.sync.conftest import one_system


def test_the_sheet_mark_syncs_with_both_times(stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = stations(2)
    one_system(a, tmp_path)
    systems = a.login("systems")
    written = a.clock.moment
    a.clock.advance(hours=5)  # typed in five hours after it was written
    outage = a.app.outages.open(systems, "SEO-1", written, "수기 접수",
                                paper_ref="장애 접수서 #7").first_id
    a.app.outages.change_status(systems, outage, OutageStatus.RESTORED,
                                written + timedelta(hours=2), paper_ref="장애 접수서 #8")
    bundle = tmp_path / "a.zip"
    a.app.sync.export_bundle(a.admin, bundle)
    assert b.app.sync.import_bundle(b.admin, bundle).new > 0
    theirs = a.app.tables.outage_detail(outage).events
    ours = b.app.tables.outage_detail(outage).events
    assert [e[5] for e in ours] == ["장애 접수서 #7", "장애 접수서 #8"] and ours == theirs
    assert [e.text for e in b.app.timeline.entries()] == [
        e.text for e in a.app.timeline.entries()]
    back = tmp_path / "b.zip"  # b's own records (its users, its workstation) to a as well
    b.app.sync.export_bundle(b.admin, back)
    a.app.sync.import_bundle(a.admin, back)
    assert a.digest() == b.digest() and b.app.maintenance.verify() == []
