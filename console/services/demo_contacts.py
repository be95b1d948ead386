"""The demo's telephone numbers: plausible in form, clearly fictional (02-0000-xxxx, a
number block no exchange hands out), so a printed roster looks like the real one without
naming anybody's real line."""

from __future__ import annotations

from console.services.contacts import ExternalContact

DEMO_PHONES: dict[str, str] = {
    "commander": "02-0000-1001", "deputy": "02-0000-1002", "controller": "02-0000-1003",
    "situation": "02-0000-1101", "systems": "02-0000-1201", "network": "02-0000-1301",
    "continuity": "02-0000-1401", "press": "02-0000-1501", "observer": "02-0000-1901",
    "admin": "02-0000-1999",
}

DEMO_EXTERNAL: list[ExternalContact] = [
    {"organisation": "국가정보자원관리원", "role": "서울시 연계 담당(연락관)",
     "name": "가상 연락관", "phone": "042-000-0101"},
    {"organisation": "국가정보자원관리원", "role": "대전센터 종합상황실(24시간)",
     "name": "상황실 당직", "phone": "042-000-0100"},
    {"organisation": "행정안전부", "role": "디지털정부실 상황 담당",
     "name": "가상 사무관", "phone": "044-000-0201"},
    {"organisation": "행정안전부", "role": "중앙재난안전상황실",
     "name": "상황실 당직", "phone": "044-000-0200"},
    {"organisation": "서울시 데이터센터(상암)", "role": "운영사 관제실",
     "name": "관제 당직", "phone": "02-0000-2101"},
    {"organisation": "서울시 데이터센터(서초)", "role": "운영사 관제실",
     "name": "관제 당직", "phone": "02-0000-2201"},
    {"organisation": "가상통신(주)", "role": "전용회선 장애 접수(회선 공급사)",
     "name": "장애 접수", "phone": "02-0000-3101"},
    {"organisation": "가상시스템(주)", "role": "행정 시스템 유지보수 업체",
     "name": "현장 책임자", "phone": "02-0000-3201"},
    {"organisation": "가상전원(주)", "role": "UPS·전원 설비 업체",
     "name": "기술 지원", "phone": "02-0000-3301"},
    {"organisation": "종로구청", "role": "자치구 재난안전상황실",
     "name": "상황실 당직", "phone": "02-0000-4101"},
    {"organisation": "강남구청", "role": "자치구 재난안전상황실",
     "name": "상황실 당직", "phone": "02-0000-4201"},
    {"organisation": "마포구청", "role": "자치구 재난안전상황실",
     "name": "상황실 당직", "phone": "02-0000-4301"},
]
