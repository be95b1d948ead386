"""The catalogue's sentences for what ``verify`` finds (console.domain.findings; merged into
console.domain.messages). The English sentences are the findings' own text: keep them."""

from __future__ import annotations

VERIFY_MESSAGES: dict[str, tuple[str, str]] = {
    "finding.more": (" 외 {count}건", " and {count} more"),
    "finding.line": ("문제: {finding}", "finding: {finding}"),
    "finding.file_missing": ("{path}이(가) 없습니다", "{path} does not exist"),
    "finding.integrity": ("무결성 검사: {detail}", "integrity: {detail}"),
    "finding.foreign_key": (
        "외래 키: {table} 행 {rowid}이(가) 없는 {parent}을(를) 가리킵니다",
        "foreign key: {table} row {rowid} points at a missing {parent}"),
    "finding.not_console": (
        "콘솔 데이터베이스가 아닙니다(스키마 버전 없음)",
        "not a console database (no schema version)"),
    "finding.not_sqlite": (
        "읽을 수 있는 SQLite 데이터베이스가 아닙니다: {error}",
        "not a readable SQLite database: {error}"),
    "finding.chain_broken": (
        "변경 기록의 해시 사슬이 끊겼습니다: {sample}{more}",
        "broken hash chain in the change log: {sample}{more}"),
    "finding.chain_hole": (
        "보유한 변경 아래에 빠진 변경이 있습니다(변경 기록의 구멍): {sample}{more}",
        "changes missing below ones held (a hole in the change log): {sample}{more}"),
    "finding.cache_stale": (
        "저장된 값이 사건 기록과 다릅니다: {sample}{more}",
        "cached value differs from its events: {sample}{more}"),
    "finding.outage_without_events": (
        "사건 기록이 없는 장애: {sample}{more}", "outage without events: {sample}{more}"),
    "finding.event_before_detection": (
        "감지 시각보다 이른 장애 사건: {sample}{more}",
        "outage event before detection: {sample}{more}"),
    "finding.grade_out_of_range": (
        "중요도 등급이 1–4 밖인 시스템: {sample}{more}",
        "importance grade outside 1–4: {sample}{more}"),
    "finding.unknown_category": (
        "알 수 없는 시스템 분류: {sample}{more}", "unknown system category: {sample}{more}"),
    "finding.override_without_reason": (
        "사유 없는 장애 등급 조정: {sample}{more}",
        "failure-grade override without a reason: {sample}{more}"),
    "finding.verified_not_significant": (
        "주요 상황이 아닌 기록에 대한 확인: {sample}{more}",
        "verification of a log entry that is not significant: {sample}{more}"),
    "finding.self_dependency": (
        "자기 자신에 의존하는 시스템: {sample}{more}", "system depends on itself: {sample}{more}"),
    "finding.dependency_cycle": ("의존 관계 순환: {sample}{more}", "dependency cycle: {sample}{more}"),
    "finding.rows_edited": (
        "{table}: 변경 기록 밖에서 수정된 행(파일 직접 편집): {sample}{more}",
        "{table}: rows edited outside the change log (direct edit of the file): {sample}{more}"),
    "finding.rows_inserted": (
        "{table}: 변경 기록 밖에서 추가된 행(파일 직접 편집): {sample}{more}",
        "{table}: rows inserted outside the change log (direct edit of the file): {sample}{more}"),
    "finding.rows_deleted": (
        "{table}: 변경 기록 밖에서 삭제된 행(파일 직접 편집): {sample}{more}",
        "{table}: rows deleted outside the change log (direct edit of the file): {sample}{more}"),
    "finding.head_signature": (
        "이 단말의 서명된 사슬 끝이 공개 키로 검증되지 않습니다(파일에서 편집됨)",
        "this workstation's signed chain head does not verify with its public key "
        "(edited in the file)"),
    "finding.head_cut": (
        "이 단말의 변경 기록이 잘렸습니다: 서명된 끝 #{seq}이(가) 없습니다",
        "this workstation's change log was cut: its signed head #{seq} is missing"),
    "finding.head_rewritten": (
        "이 단말의 변경 기록이 서명된 끝 #{seq} 또는 그 이전에서 다시 쓰였습니다(그 자리의 해시가 서명과 다름)",
        "this workstation's change log was rewritten at or before its signed head #{seq} "
        "(the hash there differs from the signed one)"),
}
