"""The situation report as the ministry reads it (issue 13): every figure as of its moment."""

from __future__ import annotations

import re

import pytest

from console.domain.clock import kst, parse_time
from console.services.app import Services
from tests.pdftext import flat

MOMENTS = ["2025-09-27T19:00+09:00", "2025-10-01T12:00+09:00", "2025-10-14T18:00+09:00"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_alternative_means_figures_are_the_outage_clocks(demo: Services, moment: str) -> None:
    as_of = parse_time(moment)
    situation = demo.situation.view(as_of=as_of).situation
    now, total = situation.alternative_active, situation.alternative_total
    citizen = sum(1 for o in situation.outages
                  if o.alternative_active and o.fact.category == "citizen")
    text = flat(demo.reports.preview(as_of=as_of))
    # The page-1 box: restored / affected, down, citizen down, on alternative means now.
    box = (f"{situation.restored} / 64 {64 - situation.restored} {situation.citizen_down} "
           f"{now} 복구")
    assert box in text
    assert f"대체수단 운영 중 (누계 {total})" in text
    # §6 says the same numbers, as of the same moment.
    local = kst(as_of)
    stamp = f"{local.month}. {local.day}. {local:%H:%M}"
    assert f"{stamp} 현재 대체수단 운영 중 {now}개(대시민 {citizen}개), 누계 {total}개" in text
    running = len(re.findall(r"운영 중(?! \()", text.split("6. 대시민 안내")[1]
                             .split("대시민 안내 실적")[0]))
    assert running == now + 1  # the rows "운영 중" plus the lead line's "운영 중 N개"


def test_expected_figures_at_the_three_moments(demo: Services) -> None:
    """The demo's outage clock at the issue's three moments: 15, 11 and 0 running."""
    running = [demo.situation.view(as_of=parse_time(m)).situation.alternative_active
               for m in MOMENTS]
    assert running == [15, 11, 0]


def test_phase_rows_count_the_systems_of_each_phase(demo: Services) -> None:
    early = demo.situation.view(as_of=parse_time("2025-09-28T12:00+09:00")).situation
    text = flat(demo.reports.preview(as_of=early.as_of))
    assert f"1차 복구 대상 64개 중 {early.restored}개 복구" in text
    assert "2차 복구 대상" not in text  # nobody knew of a phase 2 then
    late = flat(demo.reports.preview(as_of=parse_time("2025-10-08T12:00+09:00")))
    assert "1차 복구 대상 63개 중 63개 복구 · 2차 복구 대상 1개 중 0개 복구" in late


def test_phase_two_starts_when_it_was_decided(demo: Services) -> None:
    snapshot = demo.reports.snapshot(as_of=parse_time("2025-10-14T18:00+09:00"))
    assert snapshot["phase_starts"]["2"] == "2025-10-06T10:00:00.000000Z"  # 10. 6. 19:00 KST
    text = flat(demo.reports.preview(as_of=parse_time("2025-10-14T18:00+09:00")))
    assert "붉은 점선" not in text and "1차 붉은색, 2차 녹색" in text
