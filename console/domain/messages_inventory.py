"""The catalogue's sentences about the inventory: its file (rows, columns, cells), its
systems and facilities (console.domain.messages merges them; docs/errors.md)."""

from __future__ import annotations

INVENTORY_MESSAGES: dict[str, tuple[str, str]] = {
    "system.unknown_id": (
        "ID가 {id}인 시스템이 없습니다",
        "no system {id}"),
    "system.unknown_code": (
        "코드가 '{code}'인 시스템이 없습니다: 시스템 코드를 확인하십시오",
        "no system with code '{code}': check the system code"),
    "inventory.unreadable": (
        "{file}을(를) 가져올 수 없습니다: {problem}",
        "cannot import {file}: {problem}"),
    "facility.no_systems": (
        "'{facility}'에 설치된 시스템이 없습니다: 설치위치 이름을 확인하십시오",
        "no system is hosted in facility '{facility}'"),
    "inventory.rejected": (
        "{file}: 문제 {count}건이 있어 아무것도 가져오지 않았습니다. 파일을 고친 뒤 다시 가져오십시오",
        "{file}: {count} problem(s), nothing imported; correct the file and import it again"),
    "inventory.row": (
        "{row}행: {problem}",
        "row {row}: {problem}"),
    "inventory.file_type": (
        "{file}: '{suffix}'은(는) 지원하지 않는 파일 형식입니다(.csv 또는 .xlsx를 쓰십시오)",
        "{file}: unsupported file type '{suffix}' (use .csv or .xlsx)"),
    "inventory.encoding": (
        "{file}을(를) UTF-8이나 CP949로 읽을 수 없습니다: 이 중 한 인코딩으로 저장하십시오",
        "cannot decode {file} as UTF-8 or CP949: save it in one of these encodings"),
    "inventory.csv_error": (
        "{file}: {line}번째 줄을 CSV로 읽을 수 없습니다({error})",
        "{file}: line {line}: {error}"),
    "inventory.bad_xlsx": (
        "{file}: 읽을 수 있는 .xlsx 통합 문서가 아닙니다({error})",
        "{file}: not a readable .xlsx workbook ({error})"),
    "inventory.no_sheet": (
        "{file}: 통합 문서에 워크시트가 없습니다",
        "{file}: the workbook has no worksheet"),
    "inventory.no_header": (
        "처음 {rows}행 안에 머리글 행이 없습니다. 없는 열: {columns}",
        "no header row in the first {rows} rows; missing columns: {columns}"),
    "inventory.no_rows": (
        "머리글 행({row}행) 아래에 시스템이 없습니다",
        "no systems listed below the header row (row {row})"),
    "inventory.duplicate_code": (
        "{column} '{code}'이(가) {row}행에 이미 있습니다: 한 시스템은 한 번만 적으십시오",
        "{column} '{code}' already appears in row {row}: list each system once"),
    "inventory.blank": (
        "{column} 칸이 비어 있습니다",
        "{column} is blank"),
    "inventory.bad_category": (
        "{column} '{value}'은(는) 알 수 없는 구분입니다(대시민/citizen 또는 내부행정/internal)",
        "{column} '{value}' is not a known category (citizen/대시민 or internal/내부행정)"),
    "inventory.self_dependency": (
        "{column}에 자기 시스템 코드 '{code}'이(가) 들어 있습니다",
        "{column} lists the system's own code '{code}'"),
    "inventory.dependency_cycle": (
        "{column}이(가) 순환합니다: {cycle}: 이 가운데 한 의존을 빼십시오",
        "{column} forms a cycle: {cycle}; remove one of these dependencies"),
    "inventory.unknown_dependency": (
        "{column} '{code}'은(는) 이 파일에도, 등록된 시스템에도 없는 시스템 코드입니다",
        "{column} '{code}' is not a system code in this file or among the known systems"),
    "inventory.not_number": (
        "{column} '{value}'은(는) 숫자가 아닙니다",
        "{column} '{value}' is not a number"),
    "inventory.not_whole": (
        "{column} '{value}'은(는) 정수가 아닙니다",
        "{column} '{value}' is not a whole number"),
    "inventory.grade_range": (
        "{column} '{value}'은(는) 1~4 범위를 벗어납니다",
        "{column} '{value}' is outside 1–4"),
    "inventory.bad_hours": (
        "{column} '{value}'은(는) 0 이상의 시간 수가 아닙니다",
        "{column} '{value}' is not a non-negative number of hours"),
}
