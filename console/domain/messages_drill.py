"""The catalogue's sentences about drills (훈련): exercise databases, scenarios, the drill clock
and scoring (console.domain.messages merges them)."""

from __future__ import annotations

DRILL_MESSAGES: dict[str, tuple[str, str]] = {
    "drill.export_refused": (
        "훈련용 데이터베이스입니다: 동기화 꾸러미를 내보내지 않습니다(훈련 기록이 실제 단말에 섞이지 않도록)",
        "this is an exercise database: it exports no sync bundles (drill records must never reach a real workstation)"),
    "drill.import_refused": (
        "훈련용 데이터베이스입니다: 꾸러미 {file}을(를) 가져오지 않았습니다. 아무것도 바뀌지 않았습니다",
        "this is an exercise database: the bundle {file} was not imported; nothing changed"),
    "drill.bundle_from_drill": (
        "거부: {file}은(는) 훈련용 데이터베이스의 꾸러미입니다. 실제 단말에 가져오지 않았습니다. 아무것도 바뀌지 않았습니다",
        "refused: {file} comes from an exercise database; it was not imported into this real workstation; nothing changed"),
    "drill.hub_refused": (
        "훈련용 데이터베이스는 허브와 동기화하지 않습니다(보내기·받기 모두)",
        "an exercise database never syncs with the hub (neither push nor pull)"),
    "drill.not_exercise": (
        "이 데이터베이스는 훈련용이 아닙니다: 'drill new --scenario NAME --out FILE'로 훈련 파일을 만드십시오",
        "this database is not an exercise: make one with 'drill new --scenario NAME --out FILE'"),
    "drill.unknown_scenario": (
        "훈련 시나리오 '{name}'이(가) 없습니다. 있는 시나리오: {names}",
        "no drill scenario '{name}'; the scenarios are: {names}"),
    "drill.out_exists": (
        "{path}이(가) 이미 있습니다: 훈련 파일은 새 파일로만 만듭니다",
        "{path} already exists: a drill is always made as a new file"),
    "drill.bad_duration": (
        "'{value}'은(는) 기간이 아닙니다(예: 30m, 2h, 1h30m, 90s, 3d)",
        "'{value}' is not a duration (for example 30m, 2h, 1h30m, 90s, 3d)"),
    "drill.bad_speed": (
        "배속 '{speed}'은(는) 쓸 수 없습니다: {speeds} 중 하나입니다",
        "speed '{speed}' is not offered: one of {speeds}"),
    "drill.backwards": (
        "훈련 시계는 되돌릴 수 없습니다: 지금 경과 {now}, 요청 {to}",
        "the drill clock does not go back: elapsed now {now}, asked for {to}"),
    "drill.no_more_injects": (
        "남은 상황부여가 없습니다",
        "no injects are left"),
    "drill.empty_lesson": (
        "교훈 내용이 비어 있습니다",
        "the lesson has no text"),
    "drill.incident_open": (
        "사고 '{title}'은(는) 아직 종료되지 않았습니다: 해산한 사고만 훈련 시나리오로 만들 수 있습니다",
        "incident '{title}' is not closed yet: only an incident that has stood down becomes a drill scenario"),
    "drill.reset_failed": (
        "훈련을 초기화하지 못했습니다({finding}): 훈련은 그대로입니다",
        "the drill was not reset ({finding}); it is as it was"),
    "drill.unknown_judgement": (
        "채점표에 판정 감점 '{kind}'이(가) 없습니다. 있는 항목: {kinds}",
        "the scoring table has no judgement '{kind}'; its judgements are: {kinds}"),
    "drill.judgement_needs_note": (
        "판정 감점에는 사유(--note)를 적어야 합니다",
        "a judgement deduction needs a note (--note)"),
    "drill.unknown_record": (
        "기록 '{id}'이(가) 이 훈련에 없습니다",
        "no record '{id}' in this drill"),
    "scenario.at": (
        "시나리오 {file} {line}행, {field}: {problem}",
        "scenario {file} line {line}, {field}: {problem}"),
    "scenario.bad_json": (
        "JSON 형식이 아닙니다({error})",
        "not valid JSON ({error})"),
    "scenario.missing": (
        "필수 항목이 없습니다",
        "this required field is missing"),
    "scenario.not_a": (
        "{kind}이어야 합니다",
        "must be {kind}"),
    "scenario.unknown": (
        "'{value}'은(는) 쓸 수 없습니다: {allowed} 중 하나입니다",
        "'{value}' is not allowed: one of {allowed}"),
    "scenario.unknown_system": (
        "시스템 코드 '{code}'이(가) 목록에 없습니다",
        "system code '{code}' is not in the inventory"),
    "scenario.unknown_facility": (
        "시설 '{name}'이(가) 목록에 없습니다",
        "facility '{name}' is not in the inventory"),
    "scenario.order": (
        "상황부여는 경과 시간 순서여야 합니다",
        "injects must be in order of elapsed time"),
    "scoring.bad_table": (
        "채점표 {file}: {field} — {problem}",
        "scoring table {file}: {field} — {problem}"),
}
