"""Times that cannot hide the present: future-dated writes and impossible dates are refused
with one line, and change nothing (console/domain/clock.py write_time)."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from console.domain.clock import parse_time, write_time
from console.domain.enums import OutageStatus
from console.domain.errors import ValidationError
from console.services.app import Services
from tests.conftest import FakeClock


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31T23:59-12:00", "1969-12-31T00:00Z"])
def test_out_of_range_dates_are_one_line_refusals(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_time(text)
    assert refused.value.code == "time.out_of_range"
    assert "\n" not in refused.value.render("ko") and "범위" in refused.value.render("ko")


def test_a_write_may_be_at_most_five_minutes_ahead(clock: FakeClock) -> None:
    now = clock()
    assert write_time(now + timedelta(minutes=4), now) == now + timedelta(minutes=4)
    with pytest.raises(ValidationError) as refused:
        write_time(now + timedelta(minutes=6), now)
    assert refused.value.code == "time.in_future"


def test_a_future_event_is_refused_and_later_changes_still_count(services: Services,
                                                                  login, clock: FakeClock,
                                                                  tmp_path: Path) -> None:
    from console.services.inventory_writer import write_inventory
    from tests.test_services import _system

    write_inventory(tmp_path / "inv.csv", [_system("SEO-1")])
    services.inventory.import_file(login("admin"), tmp_path / "inv.csv")
    systems = login("systems")
    outage = services.outages.open(systems, "SEO-1").first_id
    before = services.maintenance.digest()
    with pytest.raises(ValidationError):
        services.outages.change_status(systems, outage, OutageStatus.RESTORED,
                                       at=parse_time("2099-01-01T00:00"))
    assert services.maintenance.digest() == before
    clock.advance(hours=1)
    services.outages.change_status(systems, outage, OutageStatus.WORKAROUND)
    [row] = services.outages.list()
    assert row.status == "workaround" and row.alternative_active


def test_the_cli_refuses_a_future_time_in_one_korean_line(demo_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "console", "--db", str(demo_db), "--user", "systems",
         "outage", "open", "--system", "SEO-0108", "--at", "2099-01-01T00:00"],
        capture_output=True, text=True, env={"CONSOLE_PASSWORD": "demo", "PATH": "/usr/bin"},
        check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "미래" in result.stderr
    assert "Traceback" not in result.stderr
