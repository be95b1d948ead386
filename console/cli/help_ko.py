"""The Korean of the CLI's help texts (the English stays in the parser code, keyed here) and of
argparse's own message templates (console.cli.language gives them to argparse).

A help text changed or added in the parser needs its line here: tests/test_cli_language.py
fails on an English text without Korean, and on a Korean line no help text uses any more.
"""

from __future__ import annotations

HELP_KO: dict[str, str] = {
    # incident-console
    "Digital-disaster command console. With no command it opens the window.":
        "디지털 재난 상황관리 콘솔. 명령 없이 실행하면 창을 엽니다.",
    "show program's version number and exit": "프로그램 버전을 보여 주고 끝냅니다",
    "database file (default: in the user data folder)": "데이터베이스 파일 (기본값: 사용자 데이터 폴더)",
    "language (ko)": "언어 (기본값 ko)",
    "who is acting; password from CONSOLE_PASSWORD or prompt":
        "작업하는 사용자. 암호는 CONSOLE_PASSWORD 또는 입력 요청",
    "a JSON array of objects": "객체의 JSON 배열",
    "one JSON object": "JSON 객체 하나",
    # commands of console/cli/parser.py
    "new database with this workstation's identity and keys": "이 단말의 식별 정보와 키를 가진 새 데이터베이스",
    "new database holding the demo scenario": "시연 시나리오를 담은 새 데이터베이스",
    "import the inventory (CSV or XLSX), all or nothing": "시스템 목록 가져오기 (CSV 또는 XLSX), 전부 아니면 전무",
    "export the inventory (CSV or XLSX)": "시스템 목록 내보내기 (CSV 또는 XLSX)",
    "list systems": "시스템 목록",
    "incidents and crisis level": "사고와 위기경보 수준",
    "task force activated (대책본부 가동)": "대책본부 가동",
    "also set the crisis level at that moment": "그 시각에 위기경보 수준도 정합니다",
    "stand-down (해산)": "대책본부 해산",
    "report cadence after the first report": "첫 보고 이후의 상황보고 주기",
    "KST hours of the day, e.g. 8,12,18": "하루 중 보고 시각(KST), 예: 8,12,18",
    "a report every H hours": "H시간마다 한 번 보고",
    "list incidents": "사고 목록",
    "outages of systems": "시스템 장애",
    "a team's estimated restoration time (ETR)": "담당 반의 복구 예상 시각(ETR)",
    "when the outage will be restored": "장애가 복구될 예상 시각",
    "when the team will next update the estimate (default: the ETR)":
        "담당 반이 예상 시각을 다시 알릴 시각 (기본값: 복구 예상 시각)",
    "list outages": "장애 목록",
    "recovery tasks": "복구 조치과제",
    "1 (highest) to 3": "1(가장 높음)부터 3까지",
    "list tasks": "조치과제 목록",
    "the decision log": "결정사항 기록",
    "list decisions, newest first": "결정사항 목록, 최근 것부터",
    "the activity log (ICS-214)": "활동일지 (ICS-214)",
    "list log entries, newest first": "활동일지 목록, 최근 것부터",
    "online, verified backup": "사용 중에 하는, 검증된 백업",
    "replace the database with a verified backup": "데이터베이스를 검증된 백업으로 바꿉니다",
    "integrity, invariants; exit 1 on any finding": "무결성과 불변 조건 검사. 문제가 하나라도 있으면 종료 코드 1",
    "sha256 of the canonical visible state": "보이는 상태(정규형)의 sha256",
    "render the real window offscreen to a PNG": "실제 창을 화면 밖에서 그려 PNG로 저장합니다",
    # console/cli/report_cli.py
    "render a situation report (draft unless approved)": "상황보고 PDF (승인하지 않으면 초안)",
    "the PDF to write": "쓸 PDF 파일",
    "incident id (default: the latest open one)": "사고 ID (기본값: 가장 최근의 진행 중인 사고)",
    "the moment to report on (default: now)": "보고 기준 시각 (기본값: 지금)",
    "issue it as the next 제N보 (needs --user who may approve)":
        "다음 제N보로 발행합니다 (승인 권한이 있는 --user 필요)",
    "why a report of a moment before the last issued one, or after the stand-down, is issued (printed on it)":
        "마지막 발행 보고보다 앞선 시각이나 해산 뒤 시각의 보고를 발행하는 사유 (보고서에 인쇄됨)",
    "list stored reports (duplicates flagged)": "저장된 상황보고 목록 (중복 표시)",
    "render a stored report again from its snapshot": "저장된 보고를 그 스냅숏에서 다시 출력합니다",
    "print the log, outages, decisions, roster or inventory":
        "활동일지, 장애, 결정사항, 비상연락망 또는 시스템 목록 출력",
    "activity log of one team (default: all five)": "한 반의 활동일지 (기본값: 다섯 반 모두)",
    "period start (log, decisions)": "기간 시작 (활동일지, 결정사항)",
    "period end (log, decisions)": "기간 끝 (활동일지, 결정사항)",
    "the one-page situation summary for the commander": "본부장용 한 쪽 상황 요약",
    "the moment (default: now)": "기준 시각 (기본값: 지금)",
    "the shift-handover briefing (ICS-201 style)": "근무 교대 인수인계 브리핑 (ICS-201 형식)",
    "period start (default: 8 hours before --to)": "기간 시작 (기본값: --to 8시간 전)",
    "period end (default: now)": "기간 끝 (기본값: 지금)",
    "최종(결과)보고 of a closed incident": "종료된 사고의 최종(결과)보고",
    "write the paper fallback pack into DIR": "종이 비상 자료 묶음을 DIR에 씁니다",
    "the pack folder (a USB stick, a share)": "자료 묶음 폴더 (USB 메모리, 공유 폴더)",
    "generations to keep (5)": "보관할 세대 수 (5)",
    # console/cli/sync_cli.py
    "offline sync: bundles, hub, conflicts": "오프라인 동기화: 번들, 허브, 충돌",
    "signed bundle of changes": "서명된 변경 번들",
    "only what this workstation lacks": "이 단말에 없는 변경만",
    "verify and apply a bundle": "번들을 검증하고 반영합니다",
    "push and pull with a PostgreSQL hub": "PostgreSQL 허브와 주고받기",
    "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME": "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME 형식의 허브 주소",
    "open conflicts": "해소되지 않은 충돌",
    "resolve a conflict": "충돌 해소",
    "candidate number (0 = current winner)": "후보 번호 (0 = 현재 값)",
    "a new value": "새 값",
    "the workstation key roster": "단말 키 목록",
    "this workstation's public key": "이 단말의 공개 키",
    "trust a workstation's key file (admin)": "단말의 키 파일을 신뢰합니다 (관리자)",
    "this database was moved to this PC: it is the same workstation (admin)":
        "이 데이터베이스를 이 PC로 옮겼습니다: 같은 단말입니다 (관리자)",
    "this database is a copy: give it its own workstation identity and key (admin)":
        "이 데이터베이스는 복사본입니다: 자기 단말 식별 정보와 키를 줍니다 (관리자)",
    "the new workstation's name": "새 단말의 이름",
    "this workstation's signing key, sealed under a passphrase (CONSOLE_KEY_PASSPHRASE), to move it to another PC (admin)":
        "다른 PC로 옮기도록 암호(CONSOLE_KEY_PASSPHRASE)로 봉인한 이 단말의 서명 키 (관리자)",
    "install a signing key moved from the old PC (admin)": "이전 PC에서 옮겨 온 서명 키를 설치합니다 (관리자)",
    # console/cli/selftest_cli.py, situation_cli.py, forecast_cli.py
    "make a demo database, verify it, print a report and a board screenshot in a temporary folder; exit 0 only if all of that worked":
        "임시 폴더에서 시연 DB 생성, 검증, 상황보고와 상황판 화면 출력. 모두 되어야 종료 코드 0",
    "work in DIR and keep the files made there (to look at them)": "DIR에서 작업하고 만든 파일을 남깁니다 (살펴보기용)",
    "the board's figures at a moment": "한 시각의 상황판 수치",
    "when the systems will be back (an estimate)": "시스템이 언제 복구될지 (추정)",
    "replay the closed incident against the forecast": "종료된 사고를 다시 돌려 예측과 맞춰 봅니다",
    # console/cli/people_cli.py
    "one chronological list of the incident": "사고의 시간순 기록 하나",
    "users of this database (administrator)": "이 데이터베이스의 사용자 (관리자)",
    "a new user; password from CONSOLE_NEW_PASSWORD or prompt": "새 사용자. 암호는 CONSOLE_NEW_PASSWORD 또는 입력 요청",
    "list users": "사용자 목록",
    "a user who may no longer log in": "더 이상 로그인할 수 없게 할 사용자",
    # console/cli/notice_cli.py
    "public notices: emergency texts, banners, posts": "대시민 안내: 재난문자, 배너, 게시글",
    "a new notice in draft (prints its id)": "새 안내 초안 (ID를 출력)",
    "the English wording": "영문 문안",
    "system codes it is about": "관련 시스템 코드",
    "the issued notice this one updates (CAP Update)": "이 안내가 갱신하는 발송된 안내 (CAP Update)",
    "the issued notice this one cancels (CAP Cancel)": "이 안내가 취소하는 발송된 안내 (CAP Cancel)",
    "a new wording of a draft or returned notice": "초안이나 반려된 안내의 새 문안",
    "ask for approval": "승인 요청",
    "approve (another person than the drafter)": "승인 (작성자가 아닌 사람)",
    "return to the drafter with a reason": "사유를 붙여 작성자에게 반려",
    "record that it went out": "발송했음을 기록",
    "withdraw a notice that has not gone out": "발송하지 않은 안내를 거두어들입니다",
    "list notices": "안내 목록",
    "print the send history (PDF), one channel or all": "발송 이력 출력 (PDF), 한 채널 또는 전체",
    "CAP 1.2 XML, validated before it is written": "CAP 1.2 XML, 쓰기 전에 검증",
    "write the static public status page": "정적 대국민 현황 페이지를 씁니다",
    "the folder (a USB stick, an outside host)": "폴더 (USB 메모리, 외부 호스트)",
    "also rewrite it there after every approved or issued notice": "안내를 승인하거나 발송할 때마다 그곳에 다시 씁니다",
    # console/cli/drill_cli.py
    "exercises: scenarios, the drill clock, score, AAR": "훈련: 시나리오, 훈련 시계, 점수, 사후강평",
    "the drill scenarios this program ships": "이 프로그램에 들어 있는 훈련 시나리오",
    "a new exercise database from a scenario": "시나리오로 만드는 새 훈련 데이터베이스",
    "the drill clock and the next inject": "훈련 시계와 다음 상황부여",
    "start (or resume) the drill clock": "훈련 시계 시작 (또는 재개)",
    "pause the drill clock": "훈련 시계 멈춤",
    "run the drill clock at 1×, 2× or 10×": "훈련 시계를 1배, 2배 또는 10배속으로",
    "jump to the next inject and apply it": "다음 상황부여로 건너뛰어 적용합니다",
    "move the drill clock; injects due are applied": "훈련 시계를 옮깁니다. 때가 된 상황부여가 적용됩니다",
    "a duration: 30m, 2h, 1h30m, 3d": "기간: 30m, 2h, 1h30m, 3d",
    "an elapsed time from the start: 45m, 2d": "시작부터의 경과 시간: 45m, 2d",
    "the score and its deductions (controller)": "점수와 감점 내역 (통제관)",
    "the scoring table in effect; --table FILE sets this drill's own (controller)":
        "적용 중인 채점표. --table FILE로 이 훈련의 채점표를 정합니다 (통제관)",
    "a scoring table (JSON, as resources/drills/scoring.json)": "채점표 (JSON, resources/drills/scoring.json 형식)",
    "record a lesson learnt for the AAR (controller)": "사후강평용 교훈 기록 (통제관)",
    "after-action report (PDF)": "사후강평 보고서 (PDF)",
    "turn a closed incident's record into a drill scenario": "종료된 사고의 기록을 훈련 시나리오로 만듭니다",
    "the scenario's name (default: the file's name)": "시나리오 이름 (기본값: 파일 이름)",
    "open an incident (its start time, area, cause, crisis level)": "사고 개시 (시작 시각, 재난 분야, 원인, 위기경보 수준)",
    "change the crisis level, with the reason": "위기경보 수준 변경 (사유와 함께)",
    "record an outage of a system (when it was detected)": "시스템 장애 등록 (감지 시각)",
    "an outage's new status (workaround, restored, …), back-dated with --at": "장애 상태 변경 (대체운영, 복구 등; --at으로 소급 시각)",
    "a recovery task for a team": "반별 복구 과제 등록",
    "edit a task's title, due time, priority, assignee or team": '과제의 제목, 기한, 우선순위, 담당자 또는 반 수정',
    "a task's new status (in progress, blocked, done, cancelled)": '과제 상태 변경 (진행, 보류, 완료, 취소)',
    "record a decision (or correct one with --corrects)": "결정 사항 기록 (--corrects로 정정)",
    "an entry in a team's activity log (ICS 214)": '반별 활동 일지(ICS 214) 기록',
    "the controller confirms a significant log entry": "통제관이 주요 상황 기록을 확인",
    'a copy that wrote as the original: re-issue its changes from this number on (the one a refusal named; one noted here is used otherwise)':
        '원본으로 기록한 복사본: 이 번호부터의 변경을 새 식별 정보로 다시 발행합니다 (거부 메시지가 알려 준 번호. 없으면 이 단말에 기록된 번호를 씁니다)',
    "only this department's outages": '이 실국의 장애만',
    "only this facility's outages": '이 시설의 장애만',
    "the new due time; '' clears it": "새 기한. ''를 주면 기한을 지웁니다",
    'add a contact, or change contact --number N (fields not given keep their value)':
        '연락처를 추가하거나 --number N의 연락처를 고칩니다 (주지 않은 항목은 그대로)',
    'external contacts (국가정보자원관리원, 행정안전부, operators, vendors, 자치구)':
        '외부 연락처 (국가정보자원관리원, 행정안전부, 운영사, 유지보수 업체, 자치구)',
    "lessons recorded and the record's stated follow-ups":
        '기록된 교훈과 기록에 적힌 후속 조치',
    'list the external contacts, numbered':
        '외부 연락처 목록 (번호 포함)',
    'record a lesson or 재발방지 대책 (for the final report; also after the stand-down)':
        '교훈 또는 재발방지 대책 기록 (최종보고용, 해산 후에도 가능)',
    'remove contact N':
        'N번 연락처 삭제',
    'telephone number':
        '전화번호',
    'the contact to change (default: add one)':
        '고칠 연락처 번호 (기본값: 새로 추가)',
    'the person or desk':
        '담당자 또는 부서',
    "typed in from a hand-written outage report, e.g. '장애 접수서 #12' (needs --at, the time written on it; the entry time is kept apart)":
        "수기 장애 접수서에서 옮겨 적음, 예: '장애 접수서 #12' (--at에 종이에 적힌 시각 필요, 입력 시각은 따로 보존)",
    "typed in from a hand-written sheet, e.g. 'ICS-214 #3' (needs --written-at; the entry time is kept apart)":
        "수기 기록지에서 옮겨 적음, 예: 'ICS-214 #3' (--written-at 필요, 입력 시각은 따로 보존)",
    'what they are to the task force, e.g. 연계 담당':
        '대책본부와의 관계, 예: 연계 담당',
    'when it happened: the time written on a paper sheet (KST if naive)':
        '일어난 시각: 수기 기록지에 적힌 시각 (시간대가 없으면 KST)',
    '기관명 (needed for a new contact)':
        '기관명 (새 연락처에 필요)',
    "put the drill back to its start: its records removed, the clock at +00:00 and paused (controller)":
        "훈련을 처음으로 되돌립니다: 훈련 기록을 지우고 시계를 +00:00에 멈춥니다 (통제관)",
    "record a judgement deduction (a wrong summary, a typo...; the kinds are the scoring table's) (controller)":
        "판정 감점을 기록합니다 (요약 오류, 오탈자 등. 종류는 채점표에 따름) (통제관)",
    "a judgement of the scoring table: summary_error, typo, ...": "채점표의 판정 항목: summary_error, typo 등",
    "what was wrong": "무엇이 틀렸는지",
    "the id of the record it is about (a report, a notice)": "해당 기록의 ID (상황보고, 대시민 안내 등)",
}

# argparse's templates (Python 3.11's argparse.py, through gettext): the ones a user can meet.
ARGPARSE_KO: dict[str, str] = {
    "usage: ": "사용법: ",
    "positional arguments": "위치 인자",
    "options": "옵션",
    "show this help message and exit": "이 도움말을 보여 주고 끝냅니다",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "인자 %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "잘못된 선택: %(value)r (다음 중에서 고르십시오: %(choices)s)",
    "the following arguments are required: %s": "다음 인자가 필요합니다: %s",
    "unrecognized arguments: %s": "알 수 없는 인자: %s",
    "expected one argument": "값 하나가 필요합니다",
    "expected at most one argument": "값은 하나까지입니다",
    "expected at least one argument": "값이 하나 이상 필요합니다",
    "expected %s argument": "값 %s개가 필요합니다",
    "expected %s arguments": "값 %s개가 필요합니다",
    "invalid %(type)s value: %(value)r": "잘못된 %(type)s 값: %(value)r",
    "not allowed with argument %s": "%s 인자와 함께 쓸 수 없습니다",
    "one of the arguments %s is required": "%s 중 하나가 필요합니다",
    "ignored explicit argument %r": "무시된 명시적 인자 %r",
    "ambiguous option: %(option)s could match %(matches)s":
        "모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다",
    "unexpected option string: %s": "예상하지 못한 옵션: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "알 수 없는 명령 %(parser_name)r (선택: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s'을(를) 열 수 없습니다: %(error)s",
}
