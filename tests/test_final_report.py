"""최종(결과)보고 of a closed incident, from the record: the figures at the stand-down, the
milestones, every decision, the reports issued; an open incident is refused."""

from __future__ import annotations

import re

import pytest

from console.cli import main
from console.domain.enums import Cause, DisasterArea
from console.domain.errors import ValidationError
from console.services.app import Services
from tests.pdftext import pdf_pages


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", "", " ".join(pdf_pages(data)))


def test_the_final_report_of_the_demo_comes_from_the_record(demo: Services, demo_db, tmp_path,
                                                            capsys) -> None:
    data = demo.final_report.gather()
    closed = data.snapshot["incident"]["closed_at"]
    assert closed and closed.startswith("2025-10-17T09:00")  # 10-17 18:00 KST
    assert data.snapshot["figures"]["restored"] == data.snapshot["figures"]["affected"] == 64
    assert data.issued == list(range(1, 41))
    decisions = demo.journal.decisions()
    assert [d["summary"] for d in data.decisions] == [d.summary for d in reversed(decisions)]
    assert all(m["kind"] != "장애" for m in data.milestones)
    text = _flat(demo.final_report.render())
    assert "최종(결과)보고" in text and "상황보고40회발행(제1보~제40보)" in text
    assert "64개중64개복구(100.0%)" in text
    for decision in decisions:
        assert re.sub(r"\s+", "", decision.summary)[:12] in text
    out = tmp_path / "final.pdf"
    assert main(["--db", str(demo_db), "final-report", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)


def test_an_open_incident_has_no_final_report_yet(services: Services, login, tmp_path,
                                                  capsys) -> None:
    services.incidents.open(login("controller"), "상암 센터 정전", DisasterArea.RESOURCE_FAILURE,
                            Cause.POWER)
    with pytest.raises(ValidationError, match="not closed"):
        services.final_report.gather()
