"""Services are built on first use (issue 12, start-up against the floor): opening a database
imports neither the report nor the demo machinery, and every face shares one instance of each
service, also when threads ask at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from console.services.app import Services

ROOT = Path(__file__).resolve().parents[1]


def test_opening_imports_no_service_the_caller_does_not_use(demo_db: Path) -> None:
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from console.services.app import Services\n"
        f"services = Services.open(Path({str(demo_db)!r}))\n"
        "heavy = ('console.services.demo', 'console.services.reports',\n"
        "         'console.services.final_report', 'console.services.handover',\n"
        "         'console.services.inventory', 'console.services.forecast')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "services.situation.now()\n"
        "print('console.services.reports' in sys.modules)\n"
        "services.close()\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={"PYTHONPATH": str(ROOT),
                                                      "PATH": "/usr/bin:/bin"})
    assert done.stdout.splitlines() == ["[]", "False"], done.stderr


def test_a_service_is_one_instance_shared_by_the_services_built_from_it(
        services: Services) -> None:
    assert "reports" not in vars(services)
    reports = services.reports
    assert services.reports is reports
    assert services.handover.reports is reports  # type: ignore[attr-defined]
    assert services.demo.reports is reports  # type: ignore[attr-defined]
    assert services.drills.incidents is services.incidents  # type: ignore[attr-defined]


def test_threads_asking_at_once_get_the_same_service(services: Services) -> None:
    seen: list[object] = []
    start = threading.Barrier(8)

    def ask() -> None:
        start.wait()
        seen.append(services.final_report)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and all(item is seen[0] for item in seen)


def test_a_command_on_a_real_database_builds_no_drill_service(demo_db: Path) -> None:
    """The command line applies a running drill's due injects first, but a real database has
    no drill clock: opening it for a command must not build the drill machinery."""
    from console.cli.commands import open_services

    services = open_services(demo_db)
    try:
        assert "drills" not in vars(services) and "incidents" not in vars(services)
    finally:
        services.close()
