"""The paper fallback pack: complete generations, atomic replacement, interrupted writes."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.domain.errors import ValidationError
from console.reports import pack
from console.services.app import Services
from tests.pdftext import pdf_pages
from tests.test_reports import demo_actor

START = datetime(2025, 10, 3, 3, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> datetime:
        return self.moment


LATE = "시험: 지난 시점의 보고"


@pytest.fixture
def moving(demo_db: Path) -> tuple[Services, Clock]:
    clock = Clock()
    app = Services.open(demo_db, clock=clock)
    yield app, clock
    app.close()


def test_pack_is_complete_and_pointed_to(moving, tmp_path: Path) -> None:
    services, _ = moving
    written = services.reports.write_fallback_pack(tmp_path / "usb")
    assert written.name == "pack-20251003T0300Z"
    assert pack.latest(tmp_path / "usb") == written
    names = sorted(p.name for p in written.iterdir())
    assert names == ["00-상황보고_제40보_20251017-1700.pdf", "01-상황보고-현재(초안).pdf", "02-장애현황대장.pdf",
                     "03-정보시스템목록-대체수단.pdf", "04-비상연락망.pdf", "05-결정사항기록부.pdf",
                     "06-활동일지-ICS214.pdf", "07-교대브리핑-최근8시간.pdf",
                     "10-빈양식-활동일지-ICS214.pdf", "11-빈양식-장애접수서.pdf",
                     "12-빈양식-서비스별-수기접수대장.pdf", "13-빈양식-통신문-ICS213.pdf",
                     "14-빈양식-제N보.pdf", "index.txt", "manifest.json"]
    assert pack.check(written) == []
    assert "64개 중" in " ".join(pdf_pages((written / "01-상황보고-현재(초안).pdf").read_bytes()))


def test_interrupted_write_leaves_the_previous_generation_intact(moving, tmp_path: Path,
                                                                  monkeypatch) -> None:
    services, clock = moving
    folder = tmp_path / "usb"
    first = services.reports.write_fallback_pack(folder)
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    clock.moment += timedelta(minutes=20)

    calls = {"n": 0}
    real = services.reports.printout

    def failing(kind: str, *args, **kwargs) -> bytes:
        calls["n"] += 1
        if kind == "roster":  # after the inventory (which this process makes first)
            raise OSError("USB stick pulled out")
        return real(kind, *args, **kwargs)

    monkeypatch.setattr(services.reports, "printout", failing)
    with pytest.raises(OSError, match="USB stick"):
        services.reports.write_fallback_pack(folder)
    assert calls["n"] >= 1  # in this process; the second one makes others meanwhile
    assert pack.latest(folder) == first
    assert pack.generations(folder) == [first]
    assert {p.name: p.read_bytes() for p in first.iterdir()} == before
    assert pack.check(first) == []
    assert not [p for p in folder.iterdir() if p.name.startswith(pack.TEMP_PREFIX)]


def test_a_crash_leftover_is_ignored_then_cleaned(moving, tmp_path: Path) -> None:
    """A power cut leaves a temporary folder behind (no exception handler ran)."""
    services, clock = moving
    folder = tmp_path / "usb"
    first = services.reports.write_fallback_pack(folder)
    leftover = folder / f"{pack.TEMP_PREFIX}20251003T031000-999"
    leftover.mkdir()
    (leftover / "02-장애현황대장.pdf").write_bytes(b"%PDF-1.4 half")
    assert pack.generations(folder) == [first] and pack.latest(folder) == first
    old = time.time() - pack.STALE_SECONDS - 60
    os.utime(leftover, (old, old))
    clock.moment += timedelta(minutes=20)
    second = services.reports.write_fallback_pack(folder)
    assert not leftover.exists()
    assert pack.latest(folder) == second and pack.check(second) == []
    assert pack.generations(folder) == [first, second]


def test_keeps_the_newest_generations(tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    written = []
    for minute in range(4):
        files = [("a.pdf", lambda: b"%PDF a"), ("b.pdf", lambda m=minute: f"PDF {m}".encode())]
        written.append(pack.write_pack(folder, files, START + timedelta(minutes=minute), keep=3))
    assert pack.generations(folder) == written[1:]
    assert pack.latest(folder) == written[-1]
    again = pack.write_pack(folder, [("a.pdf", lambda: b"x")], START + timedelta(minutes=3))
    assert again.name == "pack-20251003T0303Z-2" and pack.latest(folder) == again


def test_due_and_after_approval(moving, tmp_path: Path) -> None:
    services, clock = moving
    assert not services.reports.fallback_due()
    with pytest.raises(ValidationError, match="no fallback folder"):
        services.reports.write_fallback_pack()
    with pytest.raises(Exception, match="may make a backup"):
        services.reports.configure_fallback(demo_actor(services, "observer", "en"),
                                            tmp_path / "usb")
    services.reports.configure_fallback(demo_actor(services, "situation"), tmp_path / "usb",
                                        every_minutes=10, keep=2)
    assert services.reports.fallback_due()
    issued = services.reports.approve(demo_actor(services, "controller"), reason=LATE)
    assert issued.pack is not None and issued.pack_error is None
    assert (issued.pack / "00-상황보고_제41보_20251003-1200.pdf").read_bytes() == issued.pdf
    assert not services.reports.fallback_due()
    assert not services.reports.fallback_due(clock.moment + timedelta(minutes=9))
    assert services.reports.fallback_due(clock.moment + timedelta(minutes=10))


def test_an_unwritable_folder_does_not_undo_the_approval(moving, tmp_path: Path) -> None:
    services, _ = moving
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    services.reports.configure_fallback(demo_actor(services, "controller"), blocker)
    issued = services.reports.approve(demo_actor(services, "controller"), reason=LATE)
    assert issued.row.number == 41 and issued.pack is None
    assert issued.pack_error and "fallback pack not written" in issued.pack_error
    assert [r.number for r in services.reports.list()] == list(range(1, 42))
