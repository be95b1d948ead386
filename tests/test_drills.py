"""Drills: exercise databases, scenarios, the drill clock, injects, scoring and the AAR."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.domain.drill_clock import parse_duration
from console.domain.enums import NoticeChannel, NoticeTier, OutageStatus, Team
from console.domain.errors import ConsoleError, PermissionDenied
from console.services.app import Services
from console.services.drills import scenario_names
from console.store.exercise import is_exercise
from tests.conftest import FakeClock
from tests.drill_helpers import DRILL_WALL_START, as_user, copy_of, make_template
from tests.pdftext import flat, pdf_pages

MARK = "훈련 / EXERCISE"


@pytest.fixture(scope="session")
def flood_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("drill-template"))


@pytest.fixture
def wall() -> FakeClock:
    return FakeClock(DRILL_WALL_START)


@pytest.fixture
def drill(flood_template: Path, tmp_path: Path, wall: FakeClock) -> Iterator[Services]:
    services = Services.open(copy_of(flood_template, tmp_path), clock=wall)
    yield services
    services.close()


def _elapsed(services: Services) -> timedelta:
    return services.drills.status().elapsed


def test_the_shipped_scenarios_are_listed() -> None:
    assert {"flood", "nirs-2025"} <= set(scenario_names())


def test_a_new_drill_is_an_exercise_in_the_file_itself(drill: Services) -> None:
    with drill.db.sessions() as session:
        assert is_exercise(session)
    status = drill.drills.status()
    assert status.elapsed == timedelta(0) and not status.running
    assert status.moment == DRILL_WALL_START  # flood starts when the file is made
    assert status.next_inject is not None and status.next_inject.number == 1
    assert drill.incidents.list()[0].title.startswith("[훈련] ")
    assert drill.outages.list() == []


def test_injects_fire_at_their_times_under_a_fast_clock(drill: Services, wall: FakeClock
                                                        ) -> None:
    controller = as_user(drill, "controller")
    drill.drills.set_speed(controller, 10)
    drill.drills.start(controller)
    assert drill.drills.status().applied == 1  # the inject at +0m, on start
    wall.advance(seconds=30)  # 5 drill minutes at 10×
    assert _elapsed(drill) == timedelta(minutes=5)
    drill.drills.tick()
    assert drill.drills.status().applied == 2
    down = sorted(o.code for o in drill.outages.list())
    assert down == ["SEO-0012", "SEO-0018", "SEO-0020", "SEO-0023"]
    # The inject's records are dated at its own moment (+3m), not when the tick ran.
    origin = DRILL_WALL_START
    assert {o.detected_at for o in drill.outages.list()} == {origin + timedelta(minutes=3)}
    wall.advance(seconds=90)  # +20m
    drill.drills.tick()
    status = drill.drills.status()
    assert status.applied == 6 and status.next_inject is not None
    assert status.next_inject.at == timedelta(minutes=25)
    drill.drills.pause(controller)
    wall.advance(hours=1)
    assert _elapsed(drill) == timedelta(minutes=20)  # paused: the drill clock stands still
    log = drill.journal.log(Team.NETWORK)
    assert any("[전화 접수]" in entry.text for entry in log)


def test_advance_next_and_refusals(drill: Services) -> None:
    controller = as_user(drill, "controller")
    drill.drills.advance(controller, by=parse_duration("4m"))
    assert drill.drills.status().applied == 2
    drill.drills.next_inject(controller)
    assert _elapsed(drill) == timedelta(minutes=8)
    assert drill.drills.status().applied == 3
    with pytest.raises(ConsoleError) as back:
        drill.drills.advance(controller, to=parse_duration("2m"))
    assert back.value.code == "drill.backwards"
    with pytest.raises(ConsoleError) as speed:
        drill.drills.set_speed(controller, 3)
    assert speed.value.code == "drill.bad_speed"
    with pytest.raises(PermissionDenied):
        drill.drills.start(as_user(drill, "systems"))  # a trainee does not run the clock
    with pytest.raises(PermissionDenied):
        drill.drill_score.score(as_user(drill, "systems"))  # nor see the score
    drill.drills.advance(controller, to=parse_duration("2h"))
    assert drill.drills.status().next_inject is None
    with pytest.raises(ConsoleError) as none_left:
        drill.drills.next_inject(controller)
    assert none_left.value.code == "drill.no_more_injects"


def _at(services: Services, minutes: int) -> None:
    services.drills.advance(as_user(services, "controller"), to=timedelta(minutes=minutes))


def _scripted_response(drill: Services) -> None:
    """The flood drill answered on time everywhere except one: the systems team never adds
    the recovery task inject 2 asks for within 10 minutes."""
    who = {name: as_user(drill, name) for name in
           ("controller", "situation", "network", "continuity", "press", "systems")}
    _at(drill, 1)
    drill.journal.add_log(who["situation"], Team.SITUATION, "호우경보 접수, 상황 파악 착수")
    _at(drill, 9)
    drill.incidents.activate(who["controller"])
    _at(drill, 13)
    drill.journal.add_log(who["network"], Team.NETWORK, "통신사 연락: 상암 국사 침수 확인 중")
    _at(drill, 16)
    drill.outages.change_status(who["continuity"], "SEO-0023", OutageStatus.WORKAROUND,
                                note="대체 인증(휴대폰 본인확인) 안내")
    _at(drill, 21)
    text = drill.notices.draft(who["press"], NoticeChannel.CBS,
                               "상암 데이터센터 침수로 서울시 누리집 회원 로그인 장애. 복구 중. 문의 120",
                               tier=NoticeTier.SAFETY, area="서울특별시").first_id
    drill.notices.submit(who["press"], text)
    drill.notices.approve(who["controller"], text)
    drill.notices.issued(who["press"], text)
    _at(drill, 26)
    drill.journal.add_log(who["systems"], Team.SYSTEMS, "전원 복구, 서버 순차 기동")
    _at(drill, 36)
    drill.incidents.close(who["controller"], "전 시스템 정상화 확인")
    _at(drill, 60)


def test_a_scripted_response_missing_exactly_one_deadline(drill: Services) -> None:
    _scripted_response(drill)
    result = drill.drill_score.score(as_user(drill, "controller"))
    figures = result.figures()
    assert [d["outcome"] for d in figures["deductions"]] == ["missed"]
    missed = figures["deductions"][0]
    assert missed["kind"] == "inject" and "복구 조치과제" in missed["what"]
    assert figures["score"] == 95  # 100 less the table's default 5 for a missed inject
    kinds = {d["kind"]: d["outcome"] for d in figures["deadlines"]}
    assert kinds["acknowledgement"] == "met" and kinds["activation"] == "met"
    assert kinds["first_text"] == "met"
    assert "first_report" not in kinds  # due after the stand-down: nothing more fell due


def test_a_late_response_is_late_by_its_minutes(drill: Services) -> None:
    _at(drill, 0)
    _at(drill, 12)  # the situation team logs at +12m: 7 minutes after the 5-minute mark
    drill.journal.add_log(as_user(drill, "situation"), Team.SITUATION, "접수")
    result = drill.drill_score.score(as_user(drill, "controller")).figures()
    ack = next(d for d in result["deadlines"] if d["kind"] == "acknowledgement")
    assert ack["outcome"] == "late" and ack["late_minutes"] == 7.0


def test_the_after_action_report(drill: Services) -> None:
    _scripted_response(drill)
    controller = as_user(drill, "controller")
    drill.drills.add_lesson(controller, "시스템반 조치과제 등록 절차 재교육 필요")
    pdf = drill.drill_score.after_action_report(controller, "ko")
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    assert all(MARK in page for page in pages)  # the band on every page
    text = flat(pdf)
    for expected in ("훈련 사후강평 보고서", "95점 / 100점 (감점 1건)", "미이행",
                     "복구 조치과제 등록", "상황부여와 대응", "시간대별 장애·복구",
                     "시스템반 조치과제 등록 절차 재교육 필요", "호우경보 접수, 상황 파악 착수"):
        assert expected in text, expected
    english = flat(drill.drill_score.after_action_report(controller, "en"))
    assert "Drill after-action report" in english and "95 of 100" in english


def test_every_printed_page_of_an_exercise_carries_the_mark(drill: Services,
                                                            services: Services) -> None:
    _at(drill, 9)  # (at +13m the draft hits a reportlab table-split error, band or not)
    pages = pdf_pages(drill.reports.preview())
    assert pages and all(MARK in page for page in pages)
    assert all(MARK in page for page in pdf_pages(drill.reports.printout("log")))
    real = services.reports.printout("roster")
    assert MARK not in flat(real)  # a real workstation's pages do not


def test_notices_of_a_drill_are_marked(drill: Services) -> None:
    _at(drill, 1)
    notice = drill.notices.draft(as_user(drill, "press"), NoticeChannel.SNS, "시험").first_id
    assert drill.notices.get(notice).text.startswith("[훈련] ")
