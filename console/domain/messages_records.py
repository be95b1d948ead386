"""The catalogue's sentences about the external contacts, paper transcriptions and an
incident's lessons (console.domain.messages merges them): kept apart so the main catalogue
stays readable in one sitting."""

from __future__ import annotations

RECORD_MESSAGES: dict[str, tuple[str, str]] = {
    "contacts.needs_organisation": (
        "외부 연락처에는 기관명이 필요합니다(--organisation). 바꾸지 않았습니다",
        "an external contact needs its organisation (--organisation); nothing was changed"),
    "contacts.bad_phone": (
        "'{phone}'은(는) 전화번호가 아닙니다(숫자, '-', '+', 괄호, 공백, '내선'만 쓸 수 있습니다). 바꾸지 않았습니다",
        "'{phone}' is not a telephone number (digits, '-', '+', brackets, spaces and '내선' only); nothing was changed"),
    "contacts.unknown": (
        "외부 연락처 {number}번이 없습니다(1~{count}번, 'contacts list'로 확인). 바꾸지 않았습니다",
        "there is no external contact number {number} (1 to {count}, see 'contacts list'); nothing was changed"),
    "paper.needs_time": (
        "수기 기록을 옮겨 적을 때에는 종이에 적힌 시각이 필요합니다(--written-at)",
        "a transcription from paper needs the time written on the sheet (--written-at)"),
    "paper.needs_ref": (
        "옮겨 적는 수기 기록의 양식과 번호를 적어 주십시오(예: ICS-214 #3, --from-paper)",
        "name the paper sheet being transcribed (e.g. ICS-214 #3, --from-paper)"),
    "paper.needs_at": (
        "장애 접수서를 옮겨 적을 때에는 종이에 적힌 시각이 필요합니다(--at)",
        "an outage status typed in from a paper outage report (장애 접수서) needs the time written on it (--at)"),
    "paper.before_incident": (
        "종이에 적힌 시각 {at}은(는) 상황 발생({opened})보다 앞섭니다: 이 상황의 기록이 아닙니다. 기록하지 않았습니다",
        "the time on the sheet, {at}, is before the incident began ({opened}): not a record of this incident; nothing was recorded"),
    "lesson.needs_text": (
        "교훈 및 재발방지 대책의 내용이 비어 있습니다(--text)",
        "the lesson has no text (--text)"),
    "lesson.before_incident": (
        "{at}은(는) 상황 발생({opened})보다 앞섭니다: 교훈을 기록하지 않았습니다",
        "{at} is before the incident began ({opened}): the lesson was not recorded"),
}
