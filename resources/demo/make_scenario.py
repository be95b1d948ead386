#!/usr/bin/env python3
"""Generate ``scenario.json``: the demonstration scenario of the console.

The scenario follows the public outline of the 2025-09-26 fire at the national data centre
(국가정보자원관리원, Daejeon) and Seoul's response to it (see the project BRIEF): 429 city
systems, 384 of them in the city's own data centres at 서초 and 상암; 64 systems in 23
departments affected (38 citizen-facing, 26 internal); 27 of the 38 citizen services kept
running through alternative means; 63 restored in phase 1, the last one in phase 2 on
2025-10-14.  Every system name, code, dependency, time and log line is **fictional**
demonstration data.

Standard library only and deterministic: hand-written Korean lists plus
``random.Random(2025)``.  Run it from anywhere::

    python resources/demo/make_scenario.py          # writes scenario.json next to this file
    python resources/demo/make_scenario.py --check  # exits 1 if scenario.json is out of date
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

KST = timezone(timedelta(hours=9))
OUT = Path(__file__).with_name("scenario.json")
SEED = 2025


def T(text: str) -> datetime:
    """'MM-DD HH:MM' in 2025, KST."""
    return datetime.strptime("2025-" + text, "%Y-%m-%d %H:%M").replace(tzinfo=KST)


def iso(dt: datetime) -> str:
    return dt.astimezone(KST).isoformat(timespec="seconds")


def round5(dt: datetime) -> datetime:
    minutes = (dt.minute // 5) * 5
    return dt.replace(minute=minutes, second=0, microsecond=0)


STARTED = T("09-26 20:20")
ACTIVATED = T("09-27 18:00")
CLOSED = T("10-17 18:00")

# --------------------------------------------------------------------------- reference data

DEPARTMENTS = [
    ("기획조정실", "Planning and Coordination Office"),
    ("디지털도시국", "Digital City Bureau"),
    ("재난안전실", "Disaster and Safety Management Office"),
    ("행정국", "Administration Bureau"),
    ("재무국", "Finance Bureau"),
    ("복지실", "Welfare Office"),
    ("시민건강국", "Citizen Health Bureau"),
    ("도시교통실", "Urban Transportation Office"),
    ("주택실", "Housing Office"),
    ("문화본부", "Culture Headquarters"),
    ("경제실", "Economy Office"),
    ("기후환경본부", "Climate and Environment Headquarters"),
    ("물순환안전국", "Water Circulation Safety Bureau"),
    ("도시계획국", "Urban Planning Bureau"),
    ("균형발전본부", "Balanced Development Headquarters"),
    ("감사위원회", "Audit Committee"),
    ("소방재난본부", "Fire and Disaster Headquarters"),
    ("상수도사업본부", "Waterworks Headquarters"),
    ("시민소통기획관", "Citizen Communication Planning Office"),
    ("여성가족실", "Women and Family Office"),
    ("평생교육국", "Lifelong Education Bureau"),
    ("관광체육국", "Tourism and Sports Bureau"),
    ("푸른도시여가국", "Green City and Leisure Bureau"),
    ("미래공간기획관", "Future Space Planning Office"),
    ("120다산콜재단", "120 Dasan Call Foundation"),
    ("대변인", "Spokesperson's Office"),
    ("민생노동국", "Livelihood and Labour Bureau"),
    ("도시기반시설본부", "Urban Infrastructure Headquarters"),
    ("인재개발원", "Human Resources Development Institute"),
    ("보건환경연구원", "Health and Environment Research Institute"),
]
DEPT_NAMES = [d for d, _ in DEPARTMENTS]

SEOCHO = "서초 데이터센터"
SANGAM = "상암 데이터센터"
NATIONAL = "국가정보자원관리원 대전센터"
CLOUD = "서울시 공공 클라우드"
OFFICE = "서울시청 본관 전산실"
FACILITIES = [
    {"name": SEOCHO, "name_en": "Seocho data centre", "kind": "city_dc"},
    {"name": SANGAM, "name_en": "Sangam data centre", "kind": "city_dc"},
    {
        "name": NATIONAL,
        "name_en": "National Information Resources Service, Daejeon",
        "kind": "national_dc",
    },
    {"name": CLOUD, "name_en": "Seoul public cloud", "kind": "cloud"},
    {"name": OFFICE, "name_en": "City Hall main building computer room", "kind": "office"},
]

# Affected systems, hand-written.  key, name, department, category (c/i), grade, facility,
# depends_on (keys), alternative means, alternative active, fixed workaround time.
# N.. are hosted at the national centre, D.. are the city's systems that depend on them.
AFFECTED = [
    ("N01", "행정전자서명(GPKI) 인증 연계", "디지털도시국", "i", 1, NATIONAL, [], "", False),
    (
        "N02",
        "정부24 연계 민원 중계",
        "행정국",
        "c",
        1,
        NATIONAL,
        ["N01"],
        "청사 민원실 방문 접수 후 수기 처리",
        True,
    ),
    ("N03", "온-나라 문서유통 연계", "행정국", "i", 2, NATIONAL, ["N01"], "", False),
    ("N04", "지방재정(e호조) 연계", "기획조정실", "i", 1, NATIONAL, [], "", False),
    ("N05", "새올행정 연계(자치구 민원 중계)", "행정국", "i", 2, NATIONAL, ["N09"], "", False),
    ("N06", "국가공간정보(NSDI) 연계", "도시계획국", "i", 3, NATIONAL, [], "", False),
    (
        "N07",
        "행정정보 공동이용 연계",
        "디지털도시국",
        "c",
        1,
        NATIONAL,
        ["N01"],
        "구비서류 종이 제출로 접수(사후 전산 확인)",
        True,
    ),
    (
        "N08",
        "지방세 정보 연계(위택스)",
        "재무국",
        "c",
        1,
        NATIONAL,
        [],
        "은행 창구·가상계좌 납부 안내",
        True,
    ),
    ("N09", "주민등록 전산정보 연계", "행정국", "i", 1, NATIONAL, [], "", False),
    (
        "N10",
        "국민신문고 민원 연계",
        "시민소통기획관",
        "c",
        2,
        NATIONAL,
        [],
        "응답소(서울시 자체 민원창구)로 접수 전환",
        True,
    ),
    ("N11", "사회보장정보(행복e음) 연계", "복지실", "i", 1, NATIONAL, [], "", False),
    (
        "N12",
        "지역보건의료정보 연계",
        "시민건강국",
        "c",
        2,
        NATIONAL,
        [],
        "보건소 수기 접수, 진료기록 사후 입력",
        True,
    ),
    ("N13", "나라장터 전자조달 연계", "재무국", "i", 2, NATIONAL, [], "", False),
    (
        "N14",
        "자동차 관리정보 연계",
        "도시교통실",
        "c",
        2,
        NATIONAL,
        [],
        "차량등록사업소 창구 수기 접수",
        True,
    ),
    ("N15", "건축행정(세움터) 연계", "주택실", "c", 2, NATIONAL, [], "", False),
    (
        "N16",
        "부동산 거래관리 연계",
        "주택실",
        "c",
        3,
        NATIONAL,
        ["N06"],
        "자치구 부동산정보과 방문 신고",
        True,
    ),
    ("N17", "지방인사정보(인사랑) 연계", "행정국", "i", 3, NATIONAL, [], "", False),
    ("N18", "국가재난관리정보 연계", "재난안전실", "i", 1, NATIONAL, [], "", False),
    ("N19", "식품안전정보 연계", "시민건강국", "c", 3, NATIONAL, [], "", False),
    (
        "N20",
        "모바일 신분증 검증 연계",
        "디지털도시국",
        "c",
        2,
        NATIONAL,
        [],
        "실물 신분증 확인으로 대체",
        True,
    ),
    (
        "D01",
        "서울시 통합민원 접수시스템",
        "시민소통기획관",
        "c",
        1,
        SANGAM,
        ["N02", "N01", "C01"],
        "청사 민원실 수기 접수 후 사후 전산 입력",
        True,
    ),
    (
        "D02",
        "응답소 민원 처리 연계",
        "시민소통기획관",
        "c",
        2,
        SANGAM,
        ["N10"],
        "전화·방문 접수 대장 운영",
        True,
    ),
    (
        "D03",
        "지방세 인터넷납부(ETAX) 연계",
        "재무국",
        "c",
        1,
        SANGAM,
        ["N08", "N01"],
        "대체 인증(민간 인증서·간편인증)으로 납부 개통",
        True,
    ),
    (
        "D04",
        "지방세 고지서 전자송달",
        "재무국",
        "c",
        2,
        SANGAM,
        ["D03"],
        "종이 고지서 우편 송달 병행",
        True,
    ),
    (
        "D05",
        "세외수입 통합납부",
        "재무국",
        "c",
        2,
        SEOCHO,
        ["N08"],
        "가상계좌 납부 안내(고지서 기재 계좌)",
        True,
    ),
    ("D06", "재정 집행 관리", "기획조정실", "i", 1, SEOCHO, ["N04"], "", False),
    ("D07", "서울시 행정포털", "행정국", "i", 1, SEOCHO, ["N01", "N03", "C02"], "", False),
    ("D08", "전자결재(내부) 연계", "행정국", "i", 1, SEOCHO, ["N03", "N01"], "", False),
    ("D09", "복무 관리(근태)", "행정국", "i", 3, SEOCHO, ["D07"], "", False),
    (
        "D10",
        "주정차위반 과태료 조회·납부",
        "도시교통실",
        "c",
        2,
        SANGAM,
        ["N14", "D05"],
        "120 다산콜 조회 후 가상계좌 납부",
        True,
    ),
    (
        "D11",
        "거주자우선주차 신청",
        "도시교통실",
        "c",
        3,
        SANGAM,
        ["N09"],
        "자치구 시설관리공단 방문 신청",
        True,
    ),
    (
        "D12",
        "따릉이 회원인증",
        "도시교통실",
        "c",
        2,
        CLOUD,
        ["D21"],
        "비회원 일일권(휴대전화 결제) 이용 안내",
        True,
    ),
    (
        "D13",
        "장애인 콜택시 이용 접수",
        "도시교통실",
        "c",
        1,
        SANGAM,
        ["N09"],
        "전화 접수로 전환(자격 확인은 사후)",
        True,
    ),
    (
        "D14",
        "보건소 진료예약",
        "시민건강국",
        "c",
        2,
        SANGAM,
        ["N12"],
        "보건소 전화·방문 예약",
        True,
    ),
    ("D15", "예방접종 예약 연계", "시민건강국", "c", 2, SANGAM, ["N12"], "", False),
    (
        "D16",
        "서울형 기초보장 신청",
        "복지실",
        "c",
        2,
        SEOCHO,
        ["N11", "N07"],
        "동주민센터 서면 신청 접수",
        True,
    ),
    ("D17", "복지 사각지대 발굴 관리", "복지실", "i", 2, SEOCHO, ["N11"], "", False),
    ("D18", "희망두배 청년통장 신청", "복지실", "c", 3, SEOCHO, ["N07"], "", False),
    (
        "D19",
        "공공서비스예약",
        "디지털도시국",
        "c",
        2,
        CLOUD,
        ["D21"],
        "시설별 전화 예약 병행",
        True,
    ),
    (
        "D20",
        "서울시 통합회원 인증",
        "디지털도시국",
        "c",
        1,
        SANGAM,
        ["N20", "N07"],
        "민간 간편인증으로 대체 인증 개통",
        True,
    ),
    ("D21", "본인확인 중계 모듈", "디지털도시국", "i", 1, SANGAM, ["D20"], "", False),
    ("D22", "공간정보 포털(스마트서울맵)", "디지털도시국", "c", 3, SANGAM, ["N06"], "", False),
    ("D23", "도시계획정보 조회(UPIS)", "도시계획국", "c", 3, SEOCHO, ["N06"], "", False),
    (
        "D24",
        "임대주택 청약 접수",
        "주택실",
        "c",
        2,
        SANGAM,
        ["N09", "N07"],
        "청약 일정 연기 및 방문 접수 병행",
        True,
    ),
    ("D25", "건축물 인허가 처리", "주택실", "i", 3, SEOCHO, ["N15"], "", False),
    (
        "D26",
        "상수도 요금조회·납부",
        "상수도사업본부",
        "c",
        2,
        SEOCHO,
        ["D05"],
        "ARS·가상계좌 납부 안내",
        True,
    ),
    ("D27", "상수도 전입·전출 정산 신청", "상수도사업본부", "c", 3, SEOCHO, ["N09"], "", False),
    ("D28", "평생학습 포털", "평생교육국", "c", 4, SANGAM, ["D21"], "", False),
    ("D29", "공공체육시설 예약", "관광체육국", "c", 4, SANGAM, ["D19"], "현장·전화 예약", True),
    ("D30", "문화행사 관람 신청", "문화본부", "c", 4, SANGAM, ["D19"], "", False),
    ("D31", "120 상담 이력관리", "120다산콜재단", "i", 1, SANGAM, ["D01"], "", False),
    (
        "D32",
        "120 문자상담·챗봇",
        "120다산콜재단",
        "c",
        2,
        CLOUD,
        ["D01"],
        "음성 상담 인력 증원으로 대체",
        True,
    ),
    ("D33", "재난안전 상황관리 연계", "재난안전실", "i", 1, SANGAM, ["N18"], "", False),
    ("D34", "민방위 교육 이수관리", "재난안전실", "c", 4, SEOCHO, ["N09"], "", False),
    ("D35", "119 신고접수 행정정보 조회", "소방재난본부", "i", 1, SANGAM, ["N09"], "", False),
    ("D36", "소방 인허가·안전점검 관리", "소방재난본부", "i", 3, SEOCHO, ["N15"], "", False),
    (
        "D37",
        "소상공인 지원금 신청",
        "경제실",
        "c",
        2,
        SANGAM,
        ["N07", "D21"],
        "서류 방문 접수 후 사후 전산 등록",
        True,
    ),
    ("D38", "노동권익 상담 예약", "민생노동국", "c", 4, SANGAM, ["D19"], "", False),
    (
        "D39",
        "우리동네키움센터 이용 신청",
        "여성가족실",
        "c",
        3,
        SANGAM,
        ["D21"],
        "센터 방문 접수",
        True,
    ),
    ("D40", "대기배출시설 인허가 관리", "기후환경본부", "i", 3, SEOCHO, ["D08"], "", False),
    ("D41", "빗물받이·하수 민원 처리", "물순환안전국", "i", 3, SEOCHO, ["D01"], "", False),
    ("D42", "자체감사 관리", "감사위원회", "i", 3, OFFICE, ["D08"], "", False),
    ("D43", "예산 성과관리", "기획조정실", "i", 3, OFFICE, ["N04"], "", False),
    ("D44", "문서보안(DRM) 인증 연계", "디지털도시국", "i", 2, SANGAM, ["N01"], "", False),
]
PHASE2_KEY = "N17"
PAYMENT = {"N08", "D03", "D04", "D05", "D10", "D26"}  # payments with a due date
# workarounds whose time is told by the log (the rest are drawn at random)
FIXED_WORKAROUND = {
    "N02": "09-27 21:45",
    "D01": "09-27 21:45",
    "D03": "09-28 06:20",
    "D20": "09-28 06:20",
}

# Unaffected platform systems other systems lean on (hand-written).
CORE = [
    (
        "C01",
        "서울시 대표 홈페이지(통합 CMS)",
        "디지털도시국",
        "c",
        1,
        SANGAM,
        "정적 안내 페이지 전환",
    ),
    ("C02", "행정 통합 메일", "디지털도시국", "i", 2, SEOCHO, ""),
    ("C03", "정보자원 통합 모니터링", "디지털도시국", "i", 1, SANGAM, ""),
    ("C04", "열린데이터광장(공공데이터 포털)", "디지털도시국", "c", 3, CLOUD, ""),
    ("C05", "서울 통합 데이터허브", "디지털도시국", "i", 2, SANGAM, ""),
    ("C06", "행정 메신저", "디지털도시국", "i", 2, SEOCHO, "전화·문자 연락망"),
    ("C07", "통합 백업·복구 관리", "디지털도시국", "i", 1, SANGAM, ""),
    ("C08", "SNS 통합 게시 관리", "시민소통기획관", "c", 4, CLOUD, "채널별 직접 게시"),
    ("C09", "원격근무(스마트워크) 게이트웨이", "디지털도시국", "i", 2, SEOCHO, ""),
    ("C10", "통합 보안관제", "디지털도시국", "i", 1, SANGAM, ""),
    ("C11", "청사 출입통제", "행정국", "i", 3, OFFICE, "출입 대장 수기 기록"),
    ("C12", "영상회의 시스템", "행정국", "i", 3, OFFICE, "전화 회의"),
    ("C13", "서울시 모바일 앱(서울앱)", "시민소통기획관", "c", 2, CLOUD, "홈페이지 안내"),
]

# Keywords per department for the rest of the registry; "c" keywords give citizen-facing
# and internal systems, "i" keywords internal ones only.
KEYWORDS = {
    "기획조정실": "예산편성 i,성과평가 i,조직·정원 i,법무 소송 i,규제개혁 제안 c,공약 이행 i,시의회 질의답변 i",
    "디지털도시국": "정보자원 i,정보보안 i,공공와이파이 c,스마트도시 데이터 c,IoT 센서 i,디지털 배움터 c,빅데이터 분석 i,SW 자산 i",
    "재난안전실": "재난 예·경보 c,안전점검 신고 c,대피소 정보 c,민방위 자원 i,시설물 안전 i,풍수해보험 c,재난관리기금 i",
    "행정국": "청사 관리 i,공무원 교육 i,정보공개 청구 c,기록물 i,자치행정 i,민원 만족도 c,비상대비 자원 i,포상 i",
    "재무국": "세무조사 i,체납 i,공유재산 c,계약 i,세입 징수 i,지방세 상담 c,시금고 i,취득세 신고 c",
    "복지실": "노인 일자리 c,장애인 활동지원 c,돌봄SOS c,기부·나눔 c,복지시설 i,자원봉사 c,노숙인 지원 i",
    "시민건강국": "감염병 감시 i,공공의료 정보 c,동물보호 c,식품위생 점검 i,정신건강 상담 c,금연 지원 c,보건 지표 i",
    "도시교통실": "버스 운행 i,교통정보(TOPIS) c,공영주차장 c,택시 민원 c,교통카드 정산 i,자전거도로 c,교통안전시설 i,기후동행카드 c",
    "주택실": "공공임대 i,재개발·재건축 정보 c,전월세 지원 c,공동주택 c,빈집 정비 i,주거급여 c,건축 안전 i",
    "문화본부": "문화예술 지원사업 c,박물관 소장품 i,도서관 통합 c,문화유산 i,공연장 대관 c,축제 운영 c",
    "경제실": "중소기업 지원 c,창업 지원 c,전통시장 c,투자유치 i,산업 동향 i,일자리 매칭 c,공정경제 c",
    "기후환경본부": "대기질 측정 c,에너지 i,자원순환 c,전기차 충전 c,소음·진동 민원 c,온실가스 i,에코마일리지 c",
    "물순환안전국": "하천 수위 i,하수도 i,빗물펌프장 i,침수 예·경보 c,물재생센터 i,지하수 i",
    "도시계획국": "도시계획 심의 i,지구단위계획 c,도시관리계획 열람 c,개발행위 허가 i,지적측량 i,도로명주소 c",
    "균형발전본부": "도시재생 c,지역균형 사업 i,역세권 개발 i,마을공동체 c,공공개발 부지 i",
    "감사위원회": "감사 결과 공개 c,공익 제보 c,청렴도 평가 i,재산 등록 i,계약 심사 i",
    "소방재난본부": "소방시설 점검 i,119 출동 기록 i,화재 조사 i,소방안전 교육 c,위험물 i,구급 활동 i",
    "상수도사업본부": "수질 정보 c,수도 검침 i,상수도 관망 i,아리수 음수대 c,정수센터 운영 i,누수 신고 c",
    "시민소통기획관": "시민 제안 c,뉴스레터 c,여론조사 i,시민참여예산 c,소셜미디어 모니터링 i",
    "여성가족실": "보육 지원 c,아동학대 예방 i,가족센터 c,다문화가족 c,안심귀가 c,출산 지원 c",
    "평생교육국": "평생학습 강좌 c,청소년 시설 c,학교 지원 i,장학금 c,서울런 c,교육 지표 i",
    "관광체육국": "관광 안내 c,체육대회 c,관광 동향 i,관광숙박업 i,생활체육 프로그램 c",
    "푸른도시여가국": "공원 시설 c,가로수 i,숲 해설 프로그램 c,녹지 현황 i,도시농업 c,산사태 위험 i",
    "미래공간기획관": "건축 공모 c,공공건축 i,경관 심의 i,한강 공간 사업 i,지하공간 정보 i",
    "120다산콜재단": "상담 지식DB i,상담 품질 평가 i,외국어 상담 c,수어 영상 상담 c,상담원 배치 i",
    "대변인": "보도자료 c,언론 동향 i,영상 뉴스 c,브리핑 일정 i,인터뷰 요청 i",
    "민생노동국": "노동자 권익 c,생활임금 i,소비자 피해 상담 c,불공정거래 신고 c,플랫폼 노동 지원 c,노동 지표 i",
    "도시기반시설본부": "도로 공사 i,도시철도 건설 i,교량 안전 i,공사 감리 i,설계 경제성 검토 i,준공 시설 i",
    "인재개발원": "교육과정 신청 c,이러닝 c,강사 i,교육 이수 i,교육시설 대관 c",
    "보건환경연구원": "식품 검사 i,수질 검사 i,대기 연구 i,감염병 검사 i,검사 의뢰 c,연구 성과 i",
}
CITIZEN_SUFFIXES = ["온라인 신청", "조회 서비스", "모바일 서비스", "정보 포털", "민원 접수"]
INTERNAL_SUFFIXES = ["관리시스템", "통계 DB", "업무지원 시스템", "이력 관리", "자료 연계", "현황판"]
DEPT_WEIGHT = {
    "디지털도시국": 2.0,
    "재무국": 1.5,
    "도시교통실": 1.6,
    "복지실": 1.4,
    "행정국": 1.3,
    "시민건강국": 1.3,
    "재난안전실": 1.2,
    "주택실": 1.2,
    "감사위원회": 0.6,
    "대변인": 0.5,
    "인재개발원": 0.6,
    "미래공간기획관": 0.6,
}
DISTRICTS = [
    "종로구",
    "중구",
    "용산구",
    "성동구",
    "광진구",
    "동대문구",
    "중랑구",
    "성북구",
    "강북구",
    "도봉구",
    "노원구",
    "은평구",
    "서대문구",
    "마포구",
    "양천구",
    "강서구",
    "구로구",
    "금천구",
    "영등포구",
    "동작구",
    "관악구",
    "서초구",
    "강남구",
    "송파구",
    "강동구",
]
DISTRICT_MODULES = [
    ("재무국", "세외수입 자치구 연계"),
    ("복지실", "복지급여 자치구 연계"),
    ("행정국", "자치행정 자치구 연계"),
]
CITIZEN_ALT = [
    "방문 접수 후 사후 전산 입력",
    "전화 접수(120 다산콜 연계)",
    "우편 접수",
    "홈페이지 정적 안내로 전환",
    "담당 부서 직접 처리",
]
INTERNAL_ALT = ["수기 대장 관리 후 사후 입력", "엑셀 서식으로 임시 관리", "공문(종이) 처리"]

TOTAL_SYSTEMS = 429


# --------------------------------------------------------------------------- systems


def build_systems(rng: random.Random) -> tuple[list[dict], dict[str, dict]]:
    """All 429 systems; returns the list and a key → system map (keys N.., D.., C.., G..)."""
    by_key: dict[str, dict] = {}
    order: list[str] = []  # creation order; depends_on only points backwards → acyclic

    def add(key, name, dept, cat, grade, facility, deps, alt):
        assert key not in by_key and dept in DEPT_NAMES, key
        by_key[key] = {
            "key": key,
            "name": name,
            "department": dept,
            "category": "citizen" if cat == "c" else "internal",
            "grade": grade,
            "facility": facility,
            "alternative_means": alt,
            "deps": list(deps),
        }
        order.append(key)

    for key, name, dept, cat, grade, fac, alt in CORE:
        add(key, name, dept, cat, grade, fac, [], alt)
    for key, name, dept, cat, grade, fac, deps, alt, _active in AFFECTED:
        add(key, name, dept, cat, grade, fac, deps, alt)

    # district modules (internal, grade 3)
    generated: list[tuple[str, str]] = []
    for dept, base in DISTRICT_MODULES:
        for district in rng.sample(DISTRICTS, 6):
            generated.append((dept, f"{base} 모듈({district})"))

    # the rest from keywords, allocated by department weight (largest remainder)
    remaining = TOTAL_SYSTEMS - len(by_key) - len(generated)
    weights = {d: DEPT_WEIGHT.get(d, 1.0) for d in DEPT_NAMES}
    total_w = sum(weights.values())
    quota = {d: remaining * w / total_w for d, w in weights.items()}
    alloc = {d: int(q) for d, q in quota.items()}
    for d in sorted(DEPT_NAMES, key=lambda d: quota[d] - alloc[d], reverse=True)[
        : remaining - sum(alloc.values())
    ]:
        alloc[d] += 1
    taken = {s["name"] for s in by_key.values()} | {n for _, n in generated}
    for dept in DEPT_NAMES:
        candidates = []
        for item in KEYWORDS[dept].split(","):
            kw, hint = item.rsplit(" ", 1)
            suffixes = [(s, "c") for s in CITIZEN_SUFFIXES] if hint == "c" else []
            suffixes += [(s, "i") for s in INTERNAL_SUFFIXES]
            for suffix, cat in suffixes:
                if any(tok in kw for tok in suffix.split()):
                    continue  # no "보건 지표 통계 DB"-style stutter
                name = f"{kw} {suffix}"
                if name not in taken:
                    candidates.append((name, cat))
        chosen = rng.sample(candidates, alloc[dept])
        for name, _cat in chosen:
            taken.add(name)
        generated.extend((dept, name) for name, _cat in chosen)
    cat_of = {}
    for _dept, name in generated:
        cat_of[name] = "c" if any(name.endswith(s) for s in CITIZEN_SUFFIXES) else "i"

    # facilities of the generated ones: fill 서초/상암 to 384, cloud to 15, office to 10
    def count(fac):
        return sum(1 for s in by_key.values() if s["facility"] == fac)

    need_cloud = 15 - count(CLOUD)
    need_office = 10 - count(OFFICE)
    assert count(NATIONAL) == 20
    facs = [CLOUD] * need_cloud + [OFFICE] * need_office
    facs += [SANGAM if rng.random() < 0.55 else SEOCHO for _ in range(len(generated) - len(facs))]
    rng.shuffle(facs)

    base_pool = [k for k in order if k.startswith("C")]
    dept_pool: dict[str, list[str]] = {}
    for i, ((dept, name), fac) in enumerate(zip(generated, facs, strict=True)):
        key = f"G{i + 1:03d}"
        cat = cat_of[name]
        grade = rng.choices([1, 2, 3, 4], weights=[8, 25, 40, 27])[0]
        if name.endswith(("통계 DB", "현황판")):
            grade = max(grade, 3)
        if cat == "c":
            alt = rng.choice(CITIZEN_ALT) if rng.random() < 0.55 else ""
        else:
            alt = rng.choice(INTERNAL_ALT) if rng.random() < 0.3 else ""
        deps: list[str] = []
        if rng.random() < 0.45:
            pool = base_pool + dept_pool.get(dept, [])
            deps = rng.sample(pool, min(len(pool), rng.choice([1, 1, 2])))
        add(key, name, dept, cat, grade, fac, sorted(deps), alt)
        dept_pool.setdefault(dept, []).append(key)

    # codes: a registry sorted by department, then a shuffled order within it
    keys = list(by_key)
    rng.shuffle(keys)
    keys.sort(key=lambda k: DEPT_NAMES.index(by_key[k]["department"]))
    for n, key in enumerate(keys, start=1):
        by_key[key]["code"] = f"SEO-{n:04d}"

    rto = {1: [2, 4], 2: [8, 12, 24], 3: [24, 48], 4: [72, 120]}
    rpo = {1: [0.5, 1], 2: [1, 4], 3: [12, 24], 4: [24]}
    systems = []
    for key in keys:
        s = by_key[key]
        systems.append(
            {
                "code": s["code"],
                "name": s["name"],
                "department": s["department"],
                "facility": s["facility"],
                "category": s["category"],
                "grade": s["grade"],
                "rto_hours": rng.choice(rto[s["grade"]]),
                "rpo_hours": rng.choice(rpo[s["grade"]]),
                "alternative_means": s["alternative_means"],
                "depends_on": sorted(by_key[d]["code"] for d in s["deps"]),
            }
        )
    return systems, by_key


# --------------------------------------------------------------------------- outages

RESTORED_PER_DAY = [
    ("09-28", 4),
    ("09-29", 10),
    ("09-30", 14),
    ("10-01", 13),
    ("10-02", 9),
    ("10-03", 5),
    ("10-04", 3),
    ("10-05", 3),
    ("10-06", 2),
]

RESTORE_NOTES_NATIONAL = [
    "국가정보자원관리원 대구센터 이전 환경에서 재가동, 연계 정상화",
    "국가정보자원관리원 서버 재기동 및 데이터 정합성 확인 후 연계 재개",
    "소관 부처 복구 완료 통보, 연계 송수신 시험 정상",
    "민간 클라우드 임시 환경으로 이전, 연계 재개",
]
RESTORE_NOTES_CITY = [
    "연계 대상 복구에 따라 서비스 재개",
    "연계 재개 후 전 기능 정상 동작 확인",
    "상암 DR 구간으로 연계 경로 전환, 서비스 재개",
    "연계 큐 적체분 재처리 후 정상화",
]
VERIFY_NOTES = {
    "citizen": [
        "소관부서 업무 담당자 기능 점검 완료",
        "대시민 화면·결제 흐름 점검 완료",
        "통합 모니터링 24시간 무장애 확인",
        "소관부서 확인 및 시민 안내 완료",
    ],
    "internal": [
        "소관부서 업무 담당자 기능 점검 완료",
        "내부 사용자 로그인·결재 흐름 점검 완료",
        "통합 모니터링 24시간 무장애 확인",
        "연계 송수신 자료 대사 완료",
    ],
}


def build_outages(rng: random.Random, by_key: dict[str, dict]) -> list[dict]:
    info = {row[0]: row for row in AFFECTED}
    keys = [row[0] for row in AFFECTED]
    aff = set(keys)

    # detection: national ones first, the dependents a little later (cap 21:30)
    detected: dict[str, datetime] = {}

    def detect(key: str) -> datetime:
        if key not in detected:
            deps = [d for d in by_key[key]["deps"] if d in aff]
            if not deps:
                detected[key] = STARTED + timedelta(minutes=rng.randint(0, 25))
            else:
                base = max(detect(d) for d in deps)
                detected[key] = min(base + timedelta(minutes=rng.randint(5, 35)), T("09-26 21:30"))
        return detected[key]

    for key in keys:
        detect(key)

    # restoration slots: a curve, few on day one, steep 09-29..10-02, then a tail
    slots = []
    for day, n in RESTORED_PER_DAY:
        latest = 17 * 60 + 30 if day == "10-06" else 23 * 60 + 30
        minutes: set[int] = set()
        while len(minutes) < n:
            minutes.add(rng.randrange(6 * 60, latest, 5))
        slots += [T(day + " 00:00") + timedelta(minutes=m) for m in sorted(minutes)]
    assert len(slots) == 63

    # workaround times (needed before scheduling: restoration comes well after them)
    workaround: dict[str, datetime] = {}
    for key in keys:
        if info[key][8]:
            if key in FIXED_WORKAROUND:
                workaround[key] = T(FIXED_WORKAROUND[key])
            else:
                lo, hi = T("09-27 08:00"), T("09-28 20:00")
                at = round5(lo + (hi - lo) * rng.random())
                while not 7 <= at.hour < 23:  # daytime, when the offices switch over
                    at = round5(lo + (hi - lo) * rng.random())
                workaround[key] = at

    # list scheduling: most important ready system first; a dependent after its dependencies
    jitter = {k: rng.uniform(0, 1.6) - (0.3 if info[k][3] == "c" else 0) for k in keys}
    restored: dict[str, datetime] = {}
    pending = [k for k in keys if k != PHASE2_KEY]
    for slot in slots:
        ready = [
            k
            for k in pending
            if all(d in restored for d in by_key[k]["deps"] if d in aff)
            and (k not in workaround or workaround[k] + timedelta(hours=4) <= slot)
        ]
        assert ready, f"nothing ready to restore at {slot}"
        # decision 10 (09-28 17:00): payments falling due come first whatever their grade
        boost = 1.2 if slot >= T(DECISIONS[CORRECTION[0]][0]) else 0.0
        pick = min(ready, key=lambda k: info[k][4] + jitter[k] - (boost if k in PAYMENT else 0))
        restored[pick] = slot
        pending.remove(pick)
    restored[PHASE2_KEY] = T("10-14 15:30")

    outages = []
    for key in keys:
        s = by_key[key]
        _k, _name, _d, _cat, _grade, fac, deps, alt, active = info[key]
        aff_deps = [d for d in deps if d in aff]
        national = fac == NATIONAL
        scope = "full" if national or rng.random() < 0.45 else "partial"
        if national:
            note = "국가정보자원관리원 전산실 화재로 서비스 전면 중단"
        else:
            names = ", ".join(by_key[d]["name"] for d in aff_deps)
            part = "전체 기능" if scope == "full" else "일부 기능(신청·인증)"
            note = f"{names} 중단의 영향으로 {part} 장애"
        phase_r = 2 if key == PHASE2_KEY else 1
        events = []
        if active:
            events.append(
                {
                    "status": "workaround",
                    "at": iso(workaround[key]),
                    "phase": 1,
                    "note": f"대체수단 가동: {alt}",
                }
            )
        elif key == PHASE2_KEY:
            events.append(
                {
                    "status": "degraded",
                    "at": iso(T("10-02 14:00")),
                    "phase": 1,
                    "note": "국가정보자원관리원 임시 환경에서 조회 기능만 재개",
                }
            )
            # The 10. 6. 19:00 decision moves it to phase 2: the same status, a new phase,
            # so the phase begins when it was decided, not at the restoration (issue 13).
            events.append(
                {
                    "status": "degraded",
                    "at": iso(T("10-06 19:00")),
                    "phase": 2,
                    "note": "2차 복구 대상 지정: 국가정보자원관리원 대구센터 이전 일정에 맞춰 진행",
                }
            )
        elif scope == "partial" and rng.random() < 0.5:
            lo = detected[key] + timedelta(hours=12)
            hi = restored[key] - timedelta(hours=3)
            if hi > lo:
                events.append(
                    {
                        "status": "degraded",
                        "at": iso(round5(lo + (hi - lo) * rng.random())),
                        "phase": 1,
                        "note": "조회 기능 우선 재개(신청·발급은 중단 유지)",
                    }
                )
        if key == PHASE2_KEY:
            r_note = "2차 복구: 국가정보자원관리원 대구센터 이전 완료, 인사 자료 동기화 후 재개"
            v_at = T("10-15 10:00")
        else:
            r_note = rng.choice(RESTORE_NOTES_NATIONAL if national else RESTORE_NOTES_CITY)
            v_at = restored[key] + timedelta(minutes=rng.randrange(120, 22 * 60, 10))
        events.append(
            {"status": "restored", "at": iso(restored[key]), "phase": phase_r, "note": r_note}
        )
        events.append(
            {
                "status": "verified",
                "at": iso(v_at),
                "phase": phase_r,
                "note": rng.choice(VERIFY_NOTES[s["category"]]),
            }
        )
        outages.append(
            {
                "system": s["code"],
                "detected_at": iso(detected[key]),
                "scope": scope,
                "alternative_active": active,
                "note": note,
                "events": events,
            }
        )
        s["restored"] = restored[key]
        s["workaround"] = workaround.get(key)
    outages.sort(key=lambda o: (o["detected_at"], o["system"]))
    return outages


# --------------------------------------------------------------------------- crisis levels, decisions

CRISIS_LEVELS = [
    (
        "09-26 21:30",
        "caution",
        "국가정보자원관리원 화재로 서울시 연계 시스템 장애 발생, 디지털도시국 비상근무 발령",
    ),
    (
        "09-27 09:00",
        "alert",
        "정부 위기경보 '심각' 발령(09. 27. 08:00), 서울시 장애 시스템 50개 이상 확인",
    ),
    ("09-27 18:00", "serious", "23개 실국 64개 시스템 장애, 재난안전대책본부 가동"),
    ("10-06 18:30", "alert", "1차 복구 완료(64개 중 63개), 잔여 1개 2차 복구 진행"),
    ("10-15 09:00", "interest", "2차 복구 완료(64개 전체), 상시 모니터링 체계로 전환"),
]

DECISIONS = [
    (
        "09-27 18:00",
        "commander",
        "재난안전대책본부 가동(본부장: 시장, 5개 반 약 450명)",
        "국가정보자원관리원 화재로 23개 실국 64개 시스템 장애, 대시민 서비스 38개 영향",
        "디지털도시국 자체 비상근무 유지(실국 간 조정 한계로 기각)",
    ),
    (
        "09-27 18:05",
        "commander",
        "서울시 위기경보 '심각' 상향",
        "정부 위기경보 '심각'과 일치, 대시민 서비스 장기 중단 예상",
        "'경계' 유지(장애 규모와 복구 기간 불확실성으로 기각)",
    ),
    (
        "09-27 18:40",
        "controller",
        "복구 우선순위: 중요도 1등급 → 2등급 → 3·4등급, 같은 등급이면 대시민 우선",
        "정보시스템 중요도 등급(업무 영향·이용자·파급효과) 기준 적용",
        "실국 요청 순 처리(형평성 논란·자원 분산 우려로 기각)",
    ),
    (
        "09-27 19:10",
        "deputy",
        "온라인 민원 중단 시스템은 청사·사업소 민원실 수기 접수로 전환",
        "정부24·통합민원 중단으로 접수 불가, 수기 접수 후 복구 시 사후 입력",
        "접수 중단 및 기한 연장만 안내(시민 불편 장기화로 기각)",
    ),
    (
        "09-27 19:30",
        "controller",
        "상황보고 정례화: 1일 3회(08·12·18시), 중대 상황은 수시",
        "실국·자치구 보고 부담과 정보 신선도의 균형",
        "2시간 간격 보고(작성 인력 부족으로 기각)",
    ),
    (
        "09-27 20:00",
        "commander",
        "지방세 인터넷납부에 대체 인증(민간 인증서·간편인증) 개통",
        "9월 정기분 재산세 납부기한(09. 30.) 임박, GPKI·위택스 연계 복구 시점 불확실",
        "창구 납부만 안내(민원 집중·혼잡 우려로 기각)",
    ),
    (
        "09-27 20:30",
        "deputy",
        "120 다산콜을 시민 안내 단일 창구로 지정, 상담 인력 증원",
        "서비스별 대체 방법 문의 급증 예상, 안내 내용 일원화 필요",
        "실국별 개별 안내(안내 불일치 우려로 기각)",
    ),
    (
        "09-27 21:00",
        "commander",
        "시민 안내: 홈페이지 공지·공식 SNS·120 병행, 안전안내문자 발송",
        "온라인 서비스 이용 시민에게 신속 전파, 재난문자는 요점만(90자 이내)",
        "보도자료만 배포(전파 속도 부족으로 기각)",
    ),
    (
        "09-28 09:00",
        "controller",
        "연계 중계 서버를 상암 DR 구간으로 이전(서초 → 상암)",
        "서초 구간 행정망 회선 포화, 상암 DR 환경에 여유 자원 확보",
        "서초에서 회선 증설만 추진(개통 소요 기간으로 기각)",
    ),
    (
        "09-28 10:00",
        "deputy",
        "언론 브리핑 1일 1회(11:00) 정례화",
        "복구 현황을 한 번에 정확히 공개, 수시 문의는 대변인 창구로 일원화",
        "1일 2회 브리핑(준비 인력 부담으로 기각)",
    ),
    (
        "09-28 17:00",
        "commander",
        "복구 우선순위 정정: 납부기한이 도래한 대시민 업무(지방세·과태료·상수도 요금)는 등급과 관계없이 최우선",
        "앞선 결정(등급순)으로는 2등급 납부 업무가 후순위가 되어 가산세·연체 민원 우려",
        "납부기한 연장만으로 대응(연장 불가 항목 존재로 기각)",
    ),
    (
        "09-30 10:30",
        "deputy",
        "지방세·세외수입 납부기한 연장(10. 31.까지) 및 가산금 미부과",
        "장애 기간 중 납부 불가에 따른 시민 불이익 방지",
        "개별 이의신청 처리(행정 부담·형평성 문제로 기각)",
    ),
    (
        "10-06 18:30",
        "commander",
        "1차 복구 완료 확인, 위기경보 '경계' 하향 및 근무 인원 축소",
        "64개 중 63개 복구·확인 완료, 잔여 1개는 내부행정 시스템으로 대시민 영향 없음",
        "'심각' 유지(근무 인력 피로 누적 대비 실익 낮아 기각)",
    ),
    (
        "10-06 19:00",
        "controller",
        "잔여 1개(인사랑 연계) 2차 복구: 국가정보자원관리원 대구센터 이전 일정에 맞춰 진행",
        "소관 부처 이전 완료 전에는 자체 복구 불가, 그동안 인사 발령은 수기 처리",
        "임시 자체 구축(데이터 이중 관리 위험으로 기각)",
    ),
    (
        "10-15 09:00",
        "commander",
        "위기경보 '관심' 하향, 상시 모니터링 체계 전환",
        "2차 복구 완료(64개 전체), 복구 후 24시간 무장애 확인",
        "'경계' 유지 1주 연장(필요성 낮아 기각)",
    ),
    (
        "10-17 18:00",
        "commander",
        "대책본부 해산, 사후 평가 및 재발방지 대책(이중화·분산) 수립 지시",
        "복구 완료 후 2일간 안정 운영 확인, 수기 접수분 사후 입력 완료",
        "해산 연기(잔여 조치가 평시 조직으로 처리 가능해 기각)",
    ),
]
CORRECTION = (10, 2)  # decision 10 corrects decision 2


# --------------------------------------------------------------------------- tasks

# team, priority, created, due, final status, final at, title, detail, linked keys, middle events
TASKS = [
    (
        "situation",
        1,
        "09-27 18:00",
        "09-27 18:30",
        "done",
        "09-27 18:25",
        "상황보고 제1보 작성·보고",
        "개요·피해현황·조치사항·향후계획 작성, 통제관 승인 후 본부장 보고",
        [],
        [],
    ),
    (
        "situation",
        1,
        "09-27 18:05",
        "09-27 20:00",
        "done",
        "09-27 19:40",
        "실국별 피해 현황 취합",
        "23개 실국 장애 시스템 목록 확정(대시민/내부행정, 등급별)",
        [],
        [],
    ),
    (
        "situation",
        2,
        "09-27 18:10",
        "09-27 21:00",
        "done",
        "09-27 20:50",
        "상황판 운영 및 교대 근무표 편성",
        "반별 3교대 근무표, 상황판 갱신 주기(1시간) 지정",
        [],
        [],
    ),
    (
        "situation",
        2,
        "09-27 19:00",
        "09-28 09:00",
        "done",
        "09-28 08:30",
        "국가정보자원관리원 현장 연락관 파견",
        "복구 일정 직접 확인, 1일 2회 상황총괄반에 전달",
        [],
        [],
    ),
    (
        "situation",
        3,
        "09-29 10:00",
        "09-29 18:00",
        "cancelled",
        "09-29 15:00",
        "행정안전부 상황보고 서식 변경 대응",
        "변경 서식에 맞춘 보고 항목 재구성",
        [],
        [],
    ),
    (
        "situation",
        2,
        "10-06 18:30",
        "10-08 18:00",
        "done",
        "10-08 16:00",
        "1차 복구 결과 보고서 작성",
        "복구 경과·대체수단 운영 실적·잔여 과제 정리",
        [],
        [],
    ),
    (
        "situation",
        2,
        "10-15 09:30",
        "10-17 17:00",
        "done",
        "10-17 16:30",
        "대책본부 운영 결과 및 사후 평가 보고서",
        "기록 의무에 따른 결정·조치 이력 정리, 개선과제 도출",
        [],
        [],
    ),
    (
        "systems",
        1,
        "09-27 18:10",
        "09-27 23:00",
        "done",
        "09-27 23:40",
        "국가정보자원관리원 연계 시스템 전수 점검",
        "429개 시스템 중 국가 센터 입주·연계 시스템 전수 확인",
        [],
        [],
    ),
    (
        "systems",
        1,
        "09-28 09:10",
        "09-30 18:00",
        "done",
        "10-01 11:00",
        "연계 중계 서버 상암 DR 구간 이전",
        "정부24·행정정보 공동이용 연계 중계 서버 이전 및 시험",
        [],
        [
            ("blocked", "09-29 10:00", "국가 측 연계 게이트웨이 미복구로 대기"),
            ("in_progress", "09-30 09:00", "국가 측 게이트웨이 복구, 이전 작업 재개"),
        ],
    ),
    (
        "systems",
        2,
        "09-27 20:00",
        "09-28 12:00",
        "done",
        "09-28 10:30",
        "복구 후 기능 점검 체크리스트 배포",
        "복구 확인(검증) 기준: 로그인·조회·신청·결제 흐름 점검",
        [],
        [],
    ),
    (
        "systems",
        2,
        "10-06 19:00",
        "10-14 18:00",
        "done",
        None,
        "인사랑 연계 2차 복구",
        "국가정보자원관리원 대구센터 이전 완료 후 연계 재개·자료 동기화",
        ["N17"],
        [("blocked", "10-07 10:00", "국가 측 이전 일정(10. 13.) 대기")],
    ),
    (
        "systems",
        2,
        "10-02 10:00",
        "10-10 18:00",
        "done",
        "10-10 15:00",
        "대체운영 기간 자료 정합성 점검",
        "수기 접수분 사후 입력 자료와 연계 자료 대사",
        ["D01", "D16"],
        [],
    ),
    (
        "network",
        1,
        "09-27 18:15",
        "09-27 21:00",
        "done",
        "09-27 20:40",
        "국가정보자원관리원 연계 회선 점검",
        "전용회선 14개 상태 확인, 장애 구간 식별",
        [],
        [],
    ),
    (
        "network",
        1,
        "09-27 19:00",
        "09-28 12:00",
        "done",
        "09-28 15:00",
        "행정망 우회 경로 확보",
        "대구센터 경유 우회 경로 개통 협의(행정안전부)",
        [],
        [
            ("blocked", "09-27 22:10", "행정안전부 회신 대기"),
            ("in_progress", "09-28 09:00", "우회 경로 승인, 라우팅 작업 착수"),
        ],
    ),
    (
        "network",
        2,
        "09-27 19:30",
        "09-28 09:00",
        "done",
        "09-28 08:40",
        "민원실 임시 인터넷 회선·무선AP 설치",
        "수기 접수·대체 인증용 임시 회선(시청·서소문청사 민원실)",
        ["D01"],
        [],
    ),
    (
        "network",
        1,
        "09-27 20:10",
        "09-28 06:00",
        "done",
        "09-28 03:30",
        "대체 인증 서버 방화벽 정책 개방",
        "민간 인증서·간편인증 중계 서버 접속 허용",
        ["D03", "D20"],
        [],
    ),
    (
        "network",
        1,
        "09-28 09:30",
        "09-29 18:00",
        "done",
        "09-29 17:20",
        "상암–서초 간 회선 이중화",
        "10G 2회선 구성, 절체 시험",
        [],
        [],
    ),
    (
        "network",
        3,
        "09-28 08:00",
        "09-28 18:00",
        "cancelled",
        "09-28 11:00",
        "원격근무 VPN 동시접속 한도 상향",
        "원격근무 수요 대비 라이선스 증설",
        [],
        [],
    ),
    (
        "network",
        2,
        "09-29 09:00",
        "10-06 18:00",
        "done",
        "10-06 16:00",
        "복구 구간 트래픽 모니터링 강화",
        "연계 재개 구간 트래픽·오류율 1시간 단위 감시",
        [],
        [],
    ),
    (
        "continuity",
        1,
        "09-27 19:15",
        "09-27 22:00",
        "done",
        "09-27 21:45",
        "통합민원 수기 접수 전환",
        "접수대장 양식 배포, 접수증 발급 절차 안내",
        ["D01", "N02"],
        [],
    ),
    (
        "continuity",
        1,
        "09-27 19:20",
        "09-27 23:59",
        "done",
        "09-27 23:30",
        "자치구 민원 수기 처리 지침 시달",
        "25개 자치구 민원 담당 부서에 처리 지침·서식 전달",
        ["N05"],
        [],
    ),
    (
        "continuity",
        1,
        "09-27 20:05",
        "09-28 09:00",
        "done",
        "09-28 06:20",
        "지방세 납부 대체인증 개통",
        "민간 인증서·간편인증 적용, 납부 시험 결제",
        ["D03", "N08"],
        [],
    ),
    (
        "continuity",
        1,
        "09-27 19:40",
        "09-28 09:00",
        "done",
        "09-28 08:50",
        "보건소 전화·방문 예약 전환",
        "25개 보건소 예약 접수 방식 안내, 진료기록 사후 입력",
        ["D14", "N12"],
        [],
    ),
    (
        "continuity",
        2,
        "09-27 20:00",
        "09-29 09:00",
        "done",
        "09-28 17:00",
        "복지급여 서면 신청 접수 체계 운영",
        "동주민센터 서면 신청서 접수·보관 절차",
        ["D16"],
        [],
    ),
    (
        "continuity",
        2,
        "09-28 08:30",
        "09-28 18:00",
        "done",
        "09-28 14:00",
        "주정차 과태료 가상계좌 납부 안내",
        "120 조회 후 가상계좌 납부 절차 정리",
        ["D10"],
        [],
    ),
    (
        "continuity",
        2,
        "09-30 10:30",
        "10-01 18:00",
        "done",
        "10-01 15:00",
        "납부기한 연장 및 가산금 미부과 조치",
        "지방세·세외수입 납부기한 10. 31.까지 연장 처리",
        ["D03", "D05"],
        [],
    ),
    (
        "continuity",
        2,
        "10-01 10:00",
        "10-10 18:00",
        "done",
        "10-10 17:00",
        "수기 접수분 사후 전산 입력 지원",
        "실국·자치구 수기 접수분 입력 진도 관리",
        ["D01", "N02"],
        [],
    ),
    (
        "press",
        1,
        "09-27 18:00",
        "09-27 18:20",
        "done",
        "09-27 18:16",
        "안전안내문자 발송",
        "90자 이내 문안 작성, 본부장 승인 후 발송",
        [],
        [],
    ),
    (
        "press",
        1,
        "09-27 18:05",
        "09-27 18:30",
        "done",
        "09-27 18:28",
        "홈페이지 장애 안내 배너 게시",
        "서비스별 대체 방법 안내 페이지 연결",
        [],
        [],
    ),
    (
        "press",
        1,
        "09-27 18:20",
        "09-27 19:30",
        "done",
        "09-27 19:10",
        "120 다산콜 안내 스크립트 작성·배포",
        "서비스별 대체 방법 38종 문답 정리",
        ["D32"],
        [],
    ),
    (
        "press",
        2,
        "09-27 21:00",
        "09-28 10:00",
        "done",
        "09-28 09:30",
        "SNS 카드뉴스 게시",
        "'온라인 민원 이렇게 하세요' 서비스별 대체 방법",
        [],
        [],
    ),
    (
        "press",
        2,
        "09-28 09:30",
        "09-28 11:00",
        "done",
        "09-28 10:50",
        "첫 언론 브리핑 자료 작성",
        "피해 현황·복구 계획·대체수단 안내",
        [],
        [],
    ),
    (
        "press",
        2,
        "09-28 14:00",
        "09-29 12:00",
        "done",
        "09-29 11:30",
        "외국인 대상 다국어 안내",
        "영어·중국어·일본어 안내문 홈페이지 게시",
        [],
        [],
    ),
    (
        "press",
        2,
        "10-06 18:40",
        "10-07 10:00",
        "done",
        "10-07 09:20",
        "보도자료: 1차 복구 완료",
        "63개 복구, 잔여 1개 일정 안내",
        [],
        [],
    ),
    (
        "press",
        2,
        "10-14 16:00",
        "10-15 10:00",
        "done",
        "10-15 09:00",
        "보도자료: 정보시스템 100% 복구",
        "2차 복구 완료, 재발방지 대책 예고",
        [],
        [],
    ),
]


MAX_GRADE1_TASKS = 10


def build_tasks(rng: random.Random, by_key: dict[str, dict]) -> list[dict]:
    tasks = []
    for team, prio, created, due, final, final_at, title, detail, links, middle in TASKS:
        c = T(created)
        if final_at is None:  # tied to an outage's restoration
            f = max(by_key[k]["restored"] for k in links) + timedelta(minutes=30)
        else:
            f = T(final_at)
        events = []
        if final != "cancelled" or middle:
            start = round5(c + min((f - c) / 10, timedelta(minutes=30)))
            events.append({"status": "in_progress", "at": iso(start), "note": "착수"})
        events += [{"status": s, "at": iso(T(at)), "note": n} for s, at, n in middle]
        events.append(
            {
                "status": final,
                "at": iso(f),
                "note": "완료" if final == "done" else "취소: 상황 변경으로 불필요",
            }
        )
        if title.startswith("행정안전부"):
            events[-1]["note"] = "취소: 행정안전부 서식 변경 철회"
        if title.startswith("원격근무"):
            events[-1]["note"] = "취소: 원격근무 수요 적어 현 한도로 충분"
        tasks.append(
            {
                "team": team,
                "title": title,
                "detail": detail,
                "priority": prio,
                "assignee": team,
                "created_at": iso(c),
                "due": iso(T(due)),
                "outages": [by_key[k]["code"] for k in links],
                "events": events,
            }
        )

    # one restoration task per grade-1 affected system (systems team)
    grade1 = sorted(
        (k for k, *_ in AFFECTED if by_key[k]["grade"] == 1), key=lambda k: by_key[k]["restored"]
    )
    for i, key in enumerate(grade1[:MAX_GRADE1_TASKS]):
        s = by_key[key]
        c = T("09-27 18:30") + timedelta(minutes=5 * i)
        start = c + timedelta(minutes=rng.randrange(10, 60, 5))
        done = s["restored"] + timedelta(minutes=rng.randrange(20, 90, 10))
        where = (
            "국가정보자원관리원과 복구 일정 협의"
            if s["facility"] == NATIONAL
            else "연계 재개 준비·시험"
        )
        tasks.append(
            {
                "team": "systems",
                "title": f"{s['name']} 복구(1등급)",
                "detail": f"{s['department']} 소관, {where}",
                "priority": 1,
                "assignee": "systems",
                "created_at": iso(c),
                "due": iso(T("09-29 18:00")),
                "outages": [s["code"]],
                "events": [
                    {"status": "in_progress", "at": iso(start), "note": "복구 착수"},
                    {"status": "done", "at": iso(done), "note": "복구 완료, 소관부서 확인 요청"},
                ],
            }
        )
    tasks.sort(key=lambda t: t["created_at"])
    return tasks


# --------------------------------------------------------------------------- log

TEXT1 = (
    "「[서울시] 국가 전산망 화재로 일부 온라인 민원·납부 서비스가 중단되었습니다. "
    "대체 방법은 120다산콜 또는 서울시 홈페이지에서 확인하세요」"
)
TEXT2 = "「[서울시] 전산 장애로 지방세·세외수입 납부기한을 10.31.까지 연장합니다. 가산금은 부과되지 않습니다. 문의 120」"

LOG = [
    (
        "situation",
        "09-26 20:40",
        "situation",
        "당직실: 행정안전부로부터 국가정보자원관리원 화재 발생 통보 접수, 연계 시스템 영향 파악 착수",
        True,
    ),
    (
        "systems",
        "09-26 21:05",
        "systems",
        "정부24 연계 민원 중계·GPKI 인증 연계 응답 없음 확인",
        False,
    ),
    (
        "network",
        "09-26 21:00",
        "network",
        "국가정보자원관리원 방향 행정망 회선 응답 없음(대전 구간)",
        False,
    ),
    ("situation", "09-26 21:35", "situation", "디지털도시국 비상근무 발령, 위기경보 '주의'", True),
    (
        "systems",
        "09-26 23:50",
        "systems",
        "장애 1차 집계: 국가 센터 입주 20개, 연계 장애 의심 40여 개",
        False,
    ),
    (
        "systems",
        "09-27 02:30",
        "systems",
        "통합 모니터링 기준 연계 오류 누적 1만 2천 건, 서초·상암 자체 시스템은 정상",
        False,
    ),
    (
        "situation",
        "09-27 08:10",
        "situation",
        "정부 위기경보 '심각' 발령(08:00) 전파, 실국 정보화 담당 비상소집",
        True,
    ),
    (
        "situation",
        "09-27 09:05",
        "controller",
        "서울시 위기경보 '경계' 상향, 실국 피해 현황 제출 요청(12:00까지)",
        False,
    ),
    ("systems", "09-27 13:00", "systems", "실국 제출 취합: 장애 시스템 61개(추가 확인 중)", False),
    (
        "situation",
        "09-27 18:00",
        "controller",
        "재난안전대책본부 가동(본부장 시장, 5개 반 약 450명), 위기경보 '심각'",
        True,
    ),
    ("press", "09-27 18:16", "press", f"안전안내문자 발송: {TEXT1}", True),
    (
        "press",
        "09-27 18:28",
        "press",
        "서울시 홈페이지 메인 장애 안내 배너 게시(서비스별 대체 방법 연결)",
        False,
    ),
    (
        "network",
        "09-27 18:30",
        "network",
        "국가정보자원관리원 연계 회선 전수 점검 착수(전용회선 14개)",
        False,
    ),
    (
        "press",
        "09-27 19:10",
        "press",
        "120 다산콜 안내 스크립트 v1 배포(서비스별 대체 방법 38종)",
        True,
    ),
    ("continuity", "09-27 19:20", "continuity", "25개 자치구에 민원 수기 처리 지침 시달", False),
    (
        "situation",
        "09-27 19:45",
        "situation",
        "피해 현황 확정: 23개 실국 64개 시스템(대시민 38, 내부행정 26)",
        True,
    ),
    ("press", "09-27 20:30", "press", "공식 SNS(블로그·X·인스타그램) 장애 안내 게시", False),
    (
        "continuity",
        "09-27 21:45",
        "continuity",
        "통합민원 수기 접수대장 양식 배포 완료(시청·사업소 민원실)",
        False,
    ),
    (
        "network",
        "09-27 22:10",
        "network",
        "행정망 우회 경로(대구센터 경유) 협의, 행정안전부 회신 대기",
        False,
    ),
    (
        "systems",
        "09-27 23:40",
        "systems",
        "연계 시스템 전수 점검 완료: 국가 센터 입주 20개, 연계 장애 44개 확정",
        False,
    ),
    ("network", "09-28 03:30", "network", "대체 인증 서버 방화벽 정책 개방 완료", False),
    (
        "continuity",
        "09-28 06:20",
        "continuity",
        "지방세 인터넷납부 대체인증(민간 인증서·간편인증) 개통",
        True,
    ),
    (
        "network",
        "09-28 08:40",
        "network",
        "시청·서소문청사 민원실 임시 인터넷 회선·무선AP 설치 완료",
        False,
    ),
    (
        "situation",
        "09-28 08:45",
        "situation",
        "국가정보자원관리원 현장 연락관 2명 파견 완료",
        False,
    ),
    ("systems", "09-28 09:20", "systems", "연계 중계 서버 상암 DR 구간 이전 착수", True),
    ("network", "09-28 11:00", "network", "VPN 한도 상향 작업 취소(원격근무 수요 적음)", False),
    (
        "network",
        "09-28 15:00",
        "network",
        "행정망 우회 경로 개통, 연계 트래픽 정상 소통 확인",
        True,
    ),
    (
        "press",
        "09-28 16:00",
        "press",
        "120 다산콜 안내 스크립트 v2 배포(지방세 대체인증 개통 반영)",
        False,
    ),
    (
        "situation",
        "09-28 17:10",
        "controller",
        "복구 우선순위 정정 전파: 납부기한 도래 업무 최우선",
        True,
    ),
    (
        "systems",
        "09-29 10:00",
        "systems",
        "연계 중계 서버 이전 보류: 국가 측 게이트웨이 미복구",
        False,
    ),
    (
        "network",
        "09-29 17:20",
        "network",
        "상암–서초 간 회선 이중화 완료(10G 2회선), 절체 시험 정상",
        True,
    ),
    (
        "continuity",
        "09-29 18:00",
        "continuity",
        "수기 접수 누계 2,480건(통합민원 1,530, 복지 420, 기타 530)",
        False,
    ),
    ("press", "09-30 14:00", "press", f"안전안내문자 발송: {TEXT2}", True),
    (
        "network",
        "09-30 11:00",
        "network",
        "상암 DR 연계 구간 트래픽 평시 대비 2.4배, 임계치 이내",
        False,
    ),
    ("systems", "10-01 11:00", "systems", "연계 중계 서버 상암 DR 구간 이전 완료", True),
    (
        "continuity",
        "10-01 10:00",
        "continuity",
        "수기 접수분 사후 전산 입력 착수(누계 3,214건)",
        False,
    ),
    (
        "network",
        "10-02 09:30",
        "network",
        "국가정보자원관리원 복구 구간 회선 재연결 3차 완료",
        False,
    ),
    ("continuity", "10-03 15:00", "continuity", "사후 입력 진도 41%(1,890/4,610건)", False),
    ("network", "10-06 16:00", "network", "복구 구간 집중 감시 종료, 평시 감시체계로 전환", False),
    ("situation", "10-06 18:20", "controller", "1차 복구 완료 확인: 64개 중 63개 복구", True),
    (
        "situation",
        "10-06 18:35",
        "situation",
        "위기경보 '경계' 하향, 반별 필수 인원 근무로 조정",
        True,
    ),
    ("press", "10-07 09:20", "press", "보도자료 배포: 정보시스템 1차 복구 완료(63/64)", False),
    (
        "systems",
        "10-07 10:00",
        "systems",
        "인사랑 연계: 국가 측 이전 일정(10. 13.) 확인, 그때까지 인사 발령 수기 처리",
        False,
    ),
    (
        "network",
        "10-10 14:00",
        "network",
        "연계 회선 장애 이력 정리, 국가 센터 연계 이중화 개선안 작성",
        False,
    ),
    (
        "continuity",
        "10-10 17:00",
        "continuity",
        "수기 접수분 사후 입력 완료(누계 5,872건), 누락 0건 확인",
        True,
    ),
    (
        "systems",
        "10-13 20:00",
        "systems",
        "인사랑 연계 대구센터 이전 완료 통보 접수, 동기화 시험 착수",
        False,
    ),
    ("situation", "10-14 16:00", "controller", "2차 복구 완료: 64개 시스템 전체 복구(100%)", True),
    ("press", "10-15 09:00", "press", "보도자료 배포: 서울시 정보시스템 100% 복구", False),
    (
        "situation",
        "10-15 09:05",
        "situation",
        "위기경보 '관심' 하향, 상시 모니터링 체계 전환",
        True,
    ),
    (
        "press",
        "10-15 10:00",
        "press",
        "홈페이지 장애 안내 배너 내림, 120 안내 스크립트 종료",
        False,
    ),
    ("systems", "10-16 15:00", "systems", "복구 시스템 전체 48시간 무장애 확인", False),
    (
        "situation",
        "10-17 18:00",
        "controller",
        "대책본부 해산, 운영 결과 보고(결정 16건·과업 완료 현황 첨부)",
        True,
    ),
]


def sitrep_times() -> list[datetime]:
    times = [T("09-27 18:25"), T("09-27 22:00")]
    day = T("09-28 00:00")
    while day <= T("10-06 00:00"):
        times += [day + timedelta(hours=h) for h in (8, 12, 18)]
        day += timedelta(days=1)
    day = T("10-07 00:00")
    while day <= T("10-16 00:00"):
        times.append(day + timedelta(hours=17))
        day += timedelta(days=1)
    times.append(T("10-17 17:00"))
    return times


def build_log(rng: random.Random, by_key: dict[str, dict]) -> list[dict]:
    aff = [row[0] for row in AFFECTED]

    def restored_by(at):
        return [k for k in aff if by_key[k]["restored"] <= at]

    entries = [(team, T(at), author, text, sig) for team, at, author, text, sig in LOG]

    for n, at in enumerate(sitrep_times(), start=1):
        done = restored_by(at)
        g1 = [k for k in aff if by_key[k]["grade"] == 1]
        g1done = [k for k in done if by_key[k]["grade"] == 1]
        wa = [
            k
            for k in aff
            if by_key[k]["workaround"] and by_key[k]["workaround"] <= at and k not in done
        ]
        text = (
            f"상황보고 제{n}보 작성·보고: 복구 {len(done)}/64(1등급 {len(g1done)}/{len(g1)}), "
            f"대체운영 중 {len(wa)}건"
        )
        author = "situation" if n % 4 else "controller"
        entries.append(("situation", at, author, text, n == 1))

    day = T("09-28 00:00")
    while day <= T("10-06 00:00"):
        brief = day + timedelta(hours=11)
        if brief >= T("09-28 11:00"):
            entries.append(
                (
                    "press",
                    brief,
                    "press",
                    f"일일 언론 브리핑(11:00): 복구 {len(restored_by(brief))}/64, 대체수단 운영 현황 안내",
                    False,
                )
            )
        end = day + timedelta(hours=23, minutes=50)
        today = sorted(
            (k for k in aff if day <= by_key[k]["restored"] <= end),
            key=lambda k: by_key[k]["restored"],
        )
        codes = ", ".join(by_key[k]["code"] for k in today)
        entries.append(
            (
                "systems",
                end,
                "systems",
                f"금일 복구 {len(today)}건(누계 {len(restored_by(end))}/64): {codes}",
                False,
            )
        )
        day += timedelta(days=1)

    for k in aff:
        s = by_key[k]
        if s["grade"] == 1:
            entries.append(
                (
                    "systems",
                    s["restored"] + timedelta(minutes=10),
                    "systems",
                    f"{s['code']} {s['name']} 복구 완료, 소관부서 확인 요청",
                    s["category"] == "citizen",
                )
            )
        if s["workaround"] and k not in FIXED_WORKAROUND:
            entries.append(
                (
                    "continuity",
                    s["workaround"],
                    "continuity",
                    f"{s['code']} {s['name']} 대체운영 개시: {s['alternative_means']}",
                    False,
                )
            )

    entries.sort(key=lambda e: (e[1], e[0]))
    log = []
    for team, at, author, text, sig in entries:
        verified = sig and rng.random() < 0.85
        log.append(
            {
                "team": team,
                "at": iso(at),
                "author": author,
                "text": text,
                "significant": sig,
                "verified": verified,
            }
        )
    return log


# --------------------------------------------------------------------------- assemble


# The system-failure team's estimated restoration times (ETR), given at their times; two
# are revised as the work slips (console/domain/estimates.py, docs/forecast.md). By code: the
# codes come from SEED, and build() checks each names an outage.
ESTIMATES = [
    {"system": "SEO-0185", "at": "2025-10-01T08:00:00+09:00", "by": "systems", "restore_by": "2025-10-01T20:00:00+09:00", "note": "인증 연계 재구성 중, 20시 목표"},
    {"system": "SEO-0107", "at": "2025-10-01T09:00:00+09:00", "by": "systems", "restore_by": "2025-10-02T18:00:00+09:00", "next_update": "2025-10-02T09:00:00+09:00", "note": "민간 클라우드 이전 작업, 데이터 정합성 점검 후 재개"},
    {"system": "SEO-0162", "at": "2025-10-01T10:00:00+09:00", "by": "systems", "restore_by": "2025-10-02T09:00:00+09:00", "note": "의존 시스템 복구 후 재기동 예정"},
    {"system": "SEO-0107", "at": "2025-10-02T17:00:00+09:00", "by": "systems", "restore_by": "2025-10-03T15:00:00+09:00", "next_update": "2025-10-03T09:00:00+09:00", "note": "정합성 점검에서 누락 자료 발견, 보정 후 재개로 변경"},
    {"system": "SEO-0073", "at": "2025-10-02T10:00:00+09:00", "by": "systems", "restore_by": "2025-10-08T18:00:00+09:00", "next_update": "2025-10-05T10:00:00+09:00", "note": "장비 재구매 필요, 입고 일정에 따라 변동"},
    {"system": "SEO-0058", "at": "2025-10-03T09:00:00+09:00", "by": "systems", "restore_by": "2025-10-06T12:00:00+09:00", "note": "2차 복구 대상, 순차 이전"},
    {"system": "SEO-0073", "at": "2025-10-08T16:00:00+09:00", "by": "systems", "restore_by": "2025-10-14T18:00:00+09:00", "next_update": "2025-10-11T10:00:00+09:00", "note": "장비 입고 지연으로 복구 예상 시각 재조정"},
]


def build() -> dict:
    rng = random.Random(SEED)
    systems, by_key = build_systems(rng)
    outages = build_outages(rng, by_key)
    tasks = build_tasks(rng, by_key)
    log = build_log(rng, by_key)
    decisions = []
    for i, (at, by, summary, rationale, alternatives) in enumerate(DECISIONS):
        d = {
            "at": iso(T(at)),
            "by": by,
            "summary": summary,
            "rationale": rationale,
            "alternatives": alternatives,
        }
        if i == CORRECTION[0]:
            d["corrects"] = CORRECTION[1]
        decisions.append(d)
    return {
        "notice_ko": "시연용 가상 데이터입니다. 2025년 9월 국가정보자원관리원 화재 당시 공개된 "
        "규모(64개 시스템, 23개 실국)를 따랐으나, 시스템 이름·코드·연계 관계·시각·기록은 "
        "모두 가상으로 만든 것이며 실제 서울시 시스템이나 대응 기록이 아닙니다.",
        "notice_en": "Demonstration data. It follows the publicly reported scale of the September 2025 "
        "fire at the national data centre (64 systems in 23 departments), but every "
        "system name, code, dependency, time and record is fictional and describes no "
        "real Seoul system or response record.",
        "incident": {
            "title": "국가정보자원관리원 화재에 따른 서울시 정보시스템 장애",
            "title_en": "Seoul information-system outage after the fire at the National "
            "Information Resources Service",
            "area": "resource_failure",
            "cause": "fire",
            "location": "국가정보자원관리원 대전센터 5층 전산실(UPS 배터리)",
            "summary": "2025. 9. 26.(금) 20:20경 국가정보자원관리원 대전센터 전산실에서 UPS 배터리 "
            "화재가 발생하여 국가 정보시스템이 대규모로 중단되었다. 이에 따라 국가 센터에 "
            "두거나 연계한 서울시 정보시스템 64개(23개 실국, 대시민 38·내부행정 26)가 "
            "장애를 입었다. 서울시는 9. 27. 18:00 재난안전대책본부를 가동하고, 대시민 "
            "서비스 38개 중 27개를 수기 접수·대체 인증 등 대체수단으로 운영하며 복구하였다.",
            "started_at": iso(STARTED),
            "activated_at": iso(ACTIVATED),
            "closed_at": iso(CLOSED),
        },
        "crisis_levels": [
            {"at": iso(T(at)), "level": lv, "by": "commander", "reason": r}
            for at, lv, r in CRISIS_LEVELS
        ],
        "departments": [{"name": n, "name_en": e} for n, e in DEPARTMENTS],
        "facilities": FACILITIES,
        "systems": systems,
        "outages": outages,
        "tasks": tasks,
        "decisions": decisions,
        "log": log,
        "estimates": _estimates(outages),
    }


def _estimates(outages: list[dict]) -> list[dict]:
    codes = {o["system"] for o in outages}
    assert all(e["system"] in codes for e in ESTIMATES), "an estimate for no outage"
    return [dict(e) for e in ESTIMATES]


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    text = render(build())
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
