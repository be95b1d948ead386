"""The catalogue's sentences about issuing situation reports out of their order (console.domain
.messages merges them): kept apart so the main catalogue stays readable in one sitting."""

from __future__ import annotations

REPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "report.reason_earlier": (
        "{moment} 현재 보고는 이미 발행한 제{number}보({last} 현재)보다 이른 시점입니다: 발행 사유를 적어 주십시오(--reason, 보고서에 인쇄됨). 발행하지 않았습니다",
        "a report as of {moment} is earlier than No. {number} already issued (as of {last}): give the reason for issuing it (--reason; it is printed on the report). Nothing was issued"),
    "report.reason_closed": (
        "상황이 {closed}에 종료(대책본부 해제)되었습니다: 발행 사유를 적어 주십시오(--reason, 보고서에 인쇄됨). 발행하지 않았습니다",
        "the incident was closed (task force stood down) at {closed}: give the reason for issuing a report (--reason; it is printed on the report). Nothing was issued"),
    "handover.bad_period": (
        "교대 브리핑 기간의 시작({start} KST)이 끝({end} KST)보다 늦거나 같습니다: --from이 --to보다 앞서야 합니다",
        "the handover period starts ({start} KST) at or after its end ({end} KST): --from must come before --to"),
    "final.not_closed": (
        "'{incident}' 상황은 아직 종료(대책본부 해제)되지 않았습니다: 최종(결과) 보고는 해제 후에 만듭니다",
        "'{incident}' is not closed yet (the task force has not stood down): the final report is made after the stand-down"),
}
