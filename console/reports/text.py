"""Words and time formats of the printouts, Korean and English, resolved at render time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from console.domain.clock import format_elapsed, format_kst, from_iso, kst
from console.domain.enums import (
    Category,
    Cause,
    CrisisLevel,
    DisasterArea,
    OutageStatus,
    Role,
    TaskStatus,
    Team,
)
from console.reports.snapshot import Snapshot

_WORDS: dict[str, tuple[str, str]] = {
    "org": ("서울특별시 재난안전대책본부", "Seoul Metropolitan Disaster and Safety Countermeasures Headquarters"),
    "sitrep": ("상황보고", "Situation report"),
    "number": ("제{n}보", "No. {n}"),
    "draft": ("초안", "Draft"),
    "draft_mark": ("초안 · 미승인", "DRAFT · NOT APPROVED"),
    "reprint_mark": ("재출력 · {t}", "REPRINT · {t}"),
    "as_of": ("{t} 현재", "as of {t}"),
    "page": ("쪽 {x} / {y}", "page {x} / {y}"),
    "report_time": ("보고 일시", "Report time"),
    "crisis": ("위기경보", "Crisis level"),
    "activated": ("대책본부 가동", "Activated"),
    "prepared": ("작성", "Prepared by"),
    "approved": ("승인", "Approved by"),
    "issued": ("발행", "Issued"),
    "not_yet": ("(승인 전)", "(not yet approved)"),
    "s1": ("1. 개요", "1. Overview"),
    "s2": ("2. 피해현황", "2. Damage"),
    "s3": ("3. 복구현황", "3. Recovery"),
    "s4": ("4. 조치사항", "4. Actions by team"),
    "s5": ("5. 주요 결정사항", "5. Key decisions"),
    "s6": ("6. 대시민 안내", "6. Public information"),
    "s7": ("7. 향후계획", "7. Next steps"),
    "annex": ("붙임. 장애 시스템 목록", "Annex. Affected systems"),
    "what": ("사고 개요", "What"),
    "when": ("발생 일시", "When"),
    "where": ("발생 장소", "Where"),
    "cause": ("원인", "Cause"),
    "area": ("재난 유형", "Disaster area"),
    "summary": ("상황 요약", "Summary"),
    "kpi_restored": ("복구", "Restored"),
    "kpi_down": ("미복구", "Still down"),
    "kpi_citizen_down": ("대시민 미복구", "Citizen-facing down"),
    "kpi_alt": ("대체수단 운영", "Alternative means used"),
    "kpi_alt_now": ("대체수단 운영 중(누계 {total})", "On alternative means now ({total} so far)"),
    "damage_line": ("{d}개 실국 {n}개 시스템 장애(대시민 {c}·내부행정 {i})",
                    "{n} systems of {d} departments affected ({c} citizen-facing, {i} internal)"),
    "restored_line": ("{t} 현재 {m}개 중 {n}개 복구({p})",
                      "{n} of {m} restored ({p}) as of {t}"),
    "by_category_grade": ("구분·중요도 등급별 장애 시스템", "Affected systems by category and importance grade"),
    "by_department": ("실국별", "By department"),
    "by_facility": ("설치 장소별", "By facility"),
    "facility_note": ("※ 설치 장소는 시스템이 운영되는 곳이며, 피해 장소가 아님: 발생 장소({where}) 외의 "
                      "시스템은 국가정보자원관리원에 입주하거나 연계된 시스템의 장애로 함께 중단됨",
                      "※ A facility is where a system runs, not where the damage was: systems "
                      "outside {where} failed through their links to the national centre's "
                      "systems"),
    "recovery_table": ("중요도 등급·구분·차수별 복구", "Recovery by importance grade, category and phase"),
    "curve": ("복구 추이", "Restoration curve"),
    "curve_note": ("실선: 누적 복구 시스템 수 · 회색 점선: 전체 장애 시스템 수 · "
                   "색 점선: 복구 차수 시작(1차 붉은색, 2차 녹색)",
                   "Line: systems restored (cumulative) · grey dashes: all affected systems · "
                   "coloured dashes: start of a recovery phase (1 red, 2 green)"),
    "phase": ("복구 차수", "Phase"),
    "still_down": ("미복구 시스템", "Systems still down"),
    "none_down": ("미복구 시스템 없음: 전 시스템 복구", "No system is down: all restored"),
    "category": ("구분", "Category"),
    "department": ("실국", "Department"),
    "facility": ("설치 장소", "Facility"),
    "system": ("시스템", "System"),
    "code": ("코드", "Code"),
    "grade": ("중요도", "Importance"),
    "failure_grade": ("장애등급", "Severity"),
    "grade_n": ("{n}등급", "Grade {n}"),
    "phase_n": ("{n}차 복구", "Phase {n}"),
    "phase_target": ("{n}차 복구 대상", "Phase {n} systems"),
    "phase_line": ("{n}차 복구 대상 {m}개 중 {r}개 복구", "phase {n}: {r} of {m} restored"),
    "phase_start": ("{n}차 복구 시작", "phase {n} starts"),
    "unrestored": ("미복구", "Not restored"),
    "affected": ("장애", "Affected"),
    "restored": ("복구", "Restored"),
    "down": ("미복구", "Down"),
    "rate": ("복구율", "Restored %"),
    "total": ("계", "Total"),
    "status": ("상태", "Status"),
    "elapsed": ("경과 시간", "Elapsed"),
    "expected": ("복구 예정·목표", "Expected / target"),
    "undecided": ("미정", "not set"),
    "by_task": ("{t}(과제 기한)", "{t} (task due)"),
    "by_rto": ("{t}(복구 목표 RTO)", "{t} (RTO target)"),
    "detected": ("장애 발생", "Detected"),
    "restored_at": ("복구 시각", "Restored at"),
    "team_line": ("{team}({done}·진행 {prog}·보류 {blocked}·대기 {open})",
                  "{team} ({done} · in progress {prog} · blocked {blocked} · open {open})"),
    "done_period": ("완료 {n}(누계 {total})", "done {n} ({total} in all)"),
    "done_all": ("완료 {n}", "done {n}"),
    "notices_period": ("대시민 안내 실적(언론·홍보대응반, {period} {n}건, 누계 {total}건)",
                       "Notices issued (press team, {period}: {n}, {total} in all)"),
    "plan_down": ("미복구 {n}개 시스템 복구 지속(기한 있는 과제 없음 {k}개: 3. 미복구 시스템 참조)",
                  "Keep restoring the {n} systems still down ({k} without a task due: see 3.)"),
    "plan_decided": ("{text}({t} 결정)", "{text} (decided {t})"),
    "done_since": ("완료", "Done"),
    "in_progress": ("진행", "In progress"),
    "blocked": ("보류", "Blocked"),
    "task": ("조치 내용", "Action"),
    "time": ("시각", "Time"),
    "nothing": ("해당 없음", "None"),
    "since_report": ("{n} 이후", "since report {n}"),
    "since_start": ("대책본부 가동 이후", "since activation"),
    "decision": ("결정 내용", "Decision"),
    "decided_by": ("결정자", "Decided by"),
    "rationale": ("근거", "Rationale"),
    "alternatives": ("검토한 대안", "Alternatives"),
    "alt_means": ("대체수단", "Alternative means"),
    "alt_in_place": ("대체수단 운영 현황", "Alternative means in place"),
    "alt_running": ("운영 중", "in use"),
    "alt_ended": ("종료(복구)", "ended"),
    "alt_line": ("{t} 현재 대체수단 운영 중 {r}개(대시민 {n}개), 누계 {total}개",
                 "As of {t}: {r} on alternative means ({n} citizen-facing), {total} so far"),
    "alt_stopped": ("종료", "ended"),
    "alt_missing": ("미수립", "NONE"),
    "notice_text": ("안내 내용", "Notice"),
    "notices": ("대시민 안내 실적(언론·홍보대응반)", "Notices issued (press team)"),
    "plans": ("향후 조치 계획", "Planned actions"),
    "team": ("담당", "Team"),
    "due": ("기한", "Due"),
    "overdue": ("기한 경과", "overdue"),
    "no_due": ("기한 없음", "no due time"),
    "next_report": ("다음 보고 예정: {t}", "Next report due: {t}"),
    "forecast": ("복구 전망(추정치)", "Restoration outlook (estimate)"),
    "forecast_all": ("전체 복구: {p50} 전후(P10–P90 {p10} ~ {p90})",
                     "All restored: around {p50} (P10–P90 {p10} to {p90})"),
    "forecast_important": ("중요도 1·2등급 복구: {p50} 전후(P10–P90 {p10} ~ {p90})",
                           "Importance 1–2 restored: around {p50} (P10–P90 {p10} to {p90})"),
    "forecast_important_done": ("중요도 1·2등급: 복구 완료", "Importance 1–2: all restored"),
    "forecast_basis": ("근거: 복구 {restored}건으로 적합한 로그정규 모형, 담당반 복구 예상 {etr}건 우선 반영, "
                       "의존관계 순서 반영, 모의 {draws}회(시드 {seed}). 추정치이며 약속이 아닙니다.",
                       "Basis: a log-normal model fitted to {restored} restorations, {etr} team "
                       "ETRs taking precedence, dependency order kept, {draws} simulated draws "
                       "(seed {seed}). An estimate, not a promise."),
    "closed": ("상황 종료: {t}", "Incident closed: {t}"),
    "stood_down": ("대책본부 해제", "Stood down"),
    "report_kind": ("보고 구분", "Report type"),
    "kind_first": ("최초보고", "first report"),
    "kind_interim": ("중간보고", "interim report"),
    "kind_final": ("최종보고", "final report"),
    "report_to": ("보고처", "Reported to"),
    "out_of_order": ("※ {kinds}: 발행 사유 — {reason}", "※ {kinds}: issued because {reason}"),
    "out_earlier": ("소급 보고(이미 발행한 보고보다 이른 시점)",
                    "back-dated (earlier than a report already issued)"),
    "out_closed": ("상황 종료 후 발행", "issued after the stand-down"),
    "no_preparer": ("-", "-"),
    "crisis_raised": ("{t} 상향", "raised {t}"),
    "crisis_lowered": ("{t} 하향", "lowered {t}"),
    "crisis_set": ("{t} 발령", "set {t}"),
    "ov_event": ("{t} {where} {cause} 발생", "{t}: {cause} at {where}"),
    "ov_damage": ("연계 시스템 {n}개({d}개 실국) 장애 발생(대시민 {c}·내부행정 {i})",
                  "{n} linked systems of {d} departments down ({c} citizen-facing, {i} internal)"),
    "ov_activated": ("{t} 재난안전대책본부 가동", "{t}: task force activated"),
    "ov_crisis": ("위기경보 {level}", "Crisis level {level}"),
    "ov_now": ("{t} 현재 {m}개 중 {n}개 복구({p}), 대체수단 운영 중 {r}개",
               "As of {t}: {n} of {m} restored ({p}), {r} on alternative means"),
    "ov_closed": ("{t} 대책본부 해산(상황 종료)", "{t}: task force stood down"),
    "duplicate": ("중복: {ws} 발행본과 번호 중복", "duplicate: same number as {ws}'s report"),
}


def bilingual(table: Mapping[str, tuple[str, str]], lang: str, key: str,
              **values: object) -> str:
    """The one lookup of every report module's word table: Korean unless English is asked."""
    ko, en = table[key]
    text = en if lang == "en" else ko
    return text.format(**values) if values else text


def words(lang: str, key: str, **values: object) -> str:
    return bilingual(_WORDS, lang, key, **values)


def paren(lang: str, text: str, inner: str) -> str:
    """``text(inner)``: Korean official writing puts no space before a bracket; English does."""
    return f"{text}({inner})" if lang == "ko" else f"{text} ({inner})"


def number_label(lang: str, number: int | None) -> str:
    return words(lang, "number", n=number) if number is not None else words(lang, "draft")


def full_time(lang: str, text: str | None) -> str:
    """``2025. 9. 27.(토) 18:00`` (ko) or ``2025-09-27 18:00`` (en), in KST."""
    return format_kst(from_iso(text), lang) if text else ""


def short_time(lang: str, text: str | None) -> str:
    """``10. 6. 20:00`` (ko) or ``10-06 20:00`` (en), in KST."""
    moment = from_iso(text)
    if moment is None:
        return ""
    local = kst(moment)
    if lang == "ko":
        return f"{local.month}. {local.day}. {local:%H:%M}"
    return local.strftime("%m-%d %H:%M")


def elapsed(lang: str, hours: float) -> str:
    """``4일 15시간`` / ``15시간 30분`` (ko), ``4d 15h`` / ``15h 30m`` (en): a reader's precision."""
    minutes = max(0, round(hours * 60))
    days, rest = divmod(minutes, 24 * 60)
    if days:
        return f"{days}일 {rest // 60}시간" if lang == "ko" else f"{days}d {rest // 60}h"
    return format_elapsed(timedelta(minutes=rest), lang)


def percent(value: float) -> str:
    return f"{value:.1f}%"


def label(kind: str, value: str | None, lang: str) -> str:
    """The Korean or English word for a stored enum value; unknown values are shown as stored."""
    enum = {"team": Team, "role": Role, "category": Category, "cause": Cause,
            "crisis": CrisisLevel, "area": DisasterArea, "outage": OutageStatus,
            "task": TaskStatus}[kind]
    if value is None:
        return ""
    try:
        return enum(value).label(lang)
    except ValueError:
        return value


def short_label(kind: str, value: str | None, lang: str) -> str:
    """The label for a narrow table column: "Citizen" where the text says "Citizen-facing"."""
    if kind == "category" and lang == "en" and value == "citizen":
        return "Citizen"
    return label(kind, value, lang)


def crisis_colour(value: str) -> str:
    try:
        return CrisisLevel(value).colour
    except ValueError:
        return "#777777"


class Names:
    """Department and facility names in the report's language (Korean is what is stored)."""

    def __init__(self, snapshot: Snapshot, lang: str) -> None:
        self.en = snapshot.get("names_en", {}) if lang == "en" else {}

    def __call__(self, name: str) -> str:
        return self.en.get(name) or name
