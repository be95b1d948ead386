<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../console/ui/about.py" line="+97"/>
        <source>About the console</source>
        <translation>프로그램 정보</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Digital-disaster command console</source>
        <translation>디지털재난 상황관리 콘솔</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version {version}</source>
        <translation>버전 {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident command for Seoul&apos;s IT-outage task force; works offline.</source>
        <translation>서울시 정보시스템 장애 대책본부의 상황관리 도구입니다. 네트워크 없이도 동작합니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate files in the program folder and may be replaced with compatible builds.</source>
        <translation>Qt와 PySide6는 GNU LGPL 3판에 따라 사용합니다. 이 라이브러리는 프로그램 폴더에 별도 파일로 있으며 호환되는 빌드로 바꿀 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../console/ui/actions.py" line="+76"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actions</source>
        <translation>조치(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Situation board</source>
        <translation>상황판</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Systems</source>
        <translation>시스템</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outages</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tasks</source>
        <translation>조치과제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decisions</source>
        <translation>결정사항</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activity log</source>
        <translation>활동일지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Situation reports</source>
        <translation>상황보고</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>사고 경과</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public notices</source>
        <translation>대시민 안내</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wall mode</source>
        <translation>상황판 전체화면</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full-screen situation board in large type</source>
        <translation>큰 글씨의 전체 화면 상황판</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New…</source>
        <translation>새로 등록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a record to the current view</source>
        <translation>현재 화면에 새 항목 등록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change status…</source>
        <translation>상태 변경…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Facility down…</source>
        <translation>시설 장애…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open outages for every system a facility takes down</source>
        <translation>시설 장애로 중단된 모든 시스템의 장애를 한 번에 등록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New incident…</source>
        <translation>사고 등록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a new incident (the command)</source>
        <translation>새 사고를 등록합니다 (지휘부)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change crisis level…</source>
        <translation>위기경보 수준 변경…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raise or lower the crisis alert level, with a reason</source>
        <translation>위기경보 수준을 올리거나 내립니다 (사유 필수)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activate task force…</source>
        <translation>대책본부 가동…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record when the task force started: the first report falls due 30 minutes later</source>
        <translation>대책본부 가동 시각 기록: 30분 뒤 첫 상황보고 기한</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report schedule…</source>
        <translation>상황보고 일정…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When situation reports fall due after the first</source>
        <translation>첫 보고 이후 상황보고 시각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stand task force down…</source>
        <translation>대책본부 해산…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the incident, with the reason</source>
        <translation>사유와 함께 사고 종료</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a lesson…</source>
        <translation>교훈 기록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A lesson or prevention measure for the final report (also after the stand-down)</source>
        <translation>최종(결과)보고에 넣을 교훈 또는 재발방지 대책(대책본부 해제 후에도)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup…</source>
        <translation>백업…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A verified copy of this database</source>
        <translation>검증된 데이터베이스 사본</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New drill…</source>
        <translation>새 훈련…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An exercise database from a drill scenario, opened in a window of its own</source>
        <translation>훈련 시나리오로 만든 훈련용 데이터베이스를 새 창에서 엽니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import systems…</source>
        <translation>시스템 목록 가져오기…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export systems…</source>
        <translation>시스템 목록 내보내기…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync with the hub now</source>
        <translation>지금 허브와 동기화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push and pull changes with the configured hub</source>
        <translation>설정된 허브와 변경사항을 주고받습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock</source>
        <translation>잠금</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch user…</source>
        <translation>사용자 전환…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in as the next shift&apos;s user without restarting</source>
        <translation>프로그램을 다시 시작하지 않고 다음 근무자로 로그인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after idle time…</source>
        <translation>자동 잠금 시간…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic hub sync…</source>
        <translation>허브 자동 동기화…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper fallback pack…</source>
        <translation>비상 출력 묶음…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>External contacts…</source>
        <translation>외부 연락처…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National centre liaison, ministry, operators, vendors and districts: printed on the roster</source>
        <translation>국가정보자원관리원 연락관, 행정안전부, 데이터센터 운영사, 업체, 자치구: 비상연락망에 인쇄됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About</source>
        <translation>프로그램 정보</translation>
    </message>
</context>
<context>
    <name>ActivateDialog</name>
    <message>
        <location filename="../../console/ui/task_force.py" line="+39"/>
        <source>Activate the task force</source>
        <translation>대책본부 가동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident</source>
        <translation>사고</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Activated at (KST)</source>
        <translation>가동 시각(KST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crisis level</source>
        <translation>위기경보</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="+175"/>
        <source>Assign task</source>
        <translation>담당자 지정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>조치과제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(choose)</source>
        <translation>(선택)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a person.</source>
        <translation>담당자를 선택하십시오.</translation>
    </message>
</context>
<context>
    <name>BackupAction</name>
    <message>
        <location filename="../../console/ui/backup_action.py" line="+35"/>
        <source>Backup</source>
        <translation>백업</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SQLite database (*.sqlite)</source>
        <translation>SQLite 데이터베이스 (*.sqlite)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backup written and verified: %1</source>
        <translation>백업을 쓰고 검증했습니다: %1</translation>
    </message>
</context>
<context>
    <name>BriefingBar</name>
    <message>
        <location filename="../../console/ui/briefings.py" line="+84"/>
        <source>Handover briefing…</source>
        <translation>교대 브리핑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The shift-handover briefing (ICS 201) of a period: what changed, open and overdue tasks, approvals</source>
        <translation>기간의 교대 브리핑(ICS 201): 변동 사항, 진행·기한 경과 과제, 승인 대기</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+29"/>
        <source>Situation summary</source>
        <translation>상황 요약</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The one-page situation summary for the commander</source>
        <translation>본부장 보고용 한 쪽 상황 요약</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Handover briefing</source>
        <translation>교대 브리핑</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <location filename="../../console/ui/contacts_dialog.py" line="+37"/>
        <source>External contacts</source>
        <translation>외부 연락처</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <source>Organisation</source>
        <translation>기관</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save changes</source>
        <translation>변경 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printed on the roster and in the paper fallback pack.</source>
        <translation>비상연락망과 비상 출력물 묶음에 인쇄됩니다.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Contact added</source>
        <translation>연락처를 추가했습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the contact to change in the list</source>
        <translation>바꿀 연락처를 목록에서 선택하십시오</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact changed</source>
        <translation>연락처를 변경했습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the contact to remove in the list</source>
        <translation>삭제할 연락처를 목록에서 선택하십시오</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact removed</source>
        <translation>연락처를 삭제했습니다</translation>
    </message>
</context>
<context>
    <name>CrisisLevelDialog</name>
    <message>
        <location filename="../../console/ui/incident_dialogs.py" line="+92"/>
        <source>Change crisis level</source>
        <translation>위기경보 수준 변경</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident</source>
        <translation>사고</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current level</source>
        <translation>현재 수준</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New level</source>
        <translation>변경할 수준</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>변경 사유</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The incident is already at this level.</source>
        <translation>이미 이 수준입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A crisis-level change needs a reason.</source>
        <translation>위기경보 수준을 바꾸려면 사유를 적어야 합니다.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="+57"/>
        <source>Decision</source>
        <translation>결정사항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rationale</source>
        <translation>근거</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternatives considered</source>
        <translation>검토한 대안</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>관련 자료</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A decision needs a summary.</source>
        <translation>결정 내용을 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <location filename="../../console/ui/pages/journal.py" line="+36"/>
        <source>Add decision…</source>
        <translation>결정사항 등록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>정정…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+29"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Decision</source>
        <translation>결정사항</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>Decided by</source>
        <translation>결정자</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Corrected</source>
        <translation>정정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrected</source>
        <translation>정정됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correction</source>
        <translation>정정 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Rationale</source>
        <translation>근거</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A later decision corrects this one.</source>
        <translation>이후의 결정사항이 이 결정을 정정했습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alternatives considered</source>
        <translation>검토한 대안</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>관련 자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrects</source>
        <translation>정정 대상</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New decision</source>
        <translation>새 결정사항</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Correct a decision</source>
        <translation>결정사항 정정</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The original stays on record; this correction is added after it.</source>
        <translation>원래 결정은 그대로 기록에 남고, 이 정정이 새 결정으로 추가됩니다.</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <location filename="../../console/ui/drill_panel.py" line="+72"/>
        <location line="+86"/>
        <source>No inject yet</source>
        <translation>아직 상황부여 없음</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed</source>
        <translation>배속</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next inject</source>
        <translation>다음 상황부여</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset…</source>
        <translation>초기화…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judgement…</source>
        <translation>판정 감점…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lesson…</source>
        <translation>교훈 기록…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print after-action report…</source>
        <translation>사후강평 보고서 인쇄…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After-action report</source>
        <translation>훈련 사후강평 보고서</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reset the drill?</source>
        <translation>훈련을 초기화할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drill goes back to its start: every record written in it (outages, tasks, log, notices, reports, lessons, judgements) is removed and the clock is paused at +00:00. The scenario, the scoring table and the exercise mark stay.</source>
        <translation>훈련을 처음 상태로 되돌립니다: 훈련 중 기록된 모든 내용(장애, 조치과제, 활동일지, 대시민 안내, 상황보고, 교훈, 판정 감점)이 지워지고 훈련 시계는 +00:00에 멈춥니다. 시나리오, 채점표, 훈련 표시는 그대로입니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>running</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paused</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill clock %1 (%2, %3×)</source>
        <translation>훈련 시계 %1 (%2, %3배속)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Inject %1 (%2, %3): %4</source>
        <translation>상황부여 %1 (%2, %3): %4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Score: %1 (%2 deductions)</source>
        <translation>점수 %1점 (감점 %2건)</translation>
    </message>
</context>
<context>
    <name>FacilityDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="-161"/>
        <source>Facility down</source>
        <translation>시설 장애</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every system hosted in the facility, and every system that depends on one of them, gets an outage. You confirm the list first.</source>
        <translation>시설에 있는 모든 시스템과 그 시스템에 연계된 모든 시스템에 장애가 등록됩니다. 등록 전에 목록을 확인합니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Facility</source>
        <translation>시설</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>비고</translation>
    </message>
</context>
<context>
    <name>FallbackPackDialog</name>
    <message>
        <location filename="../../console/ui/fallback_dialog.py" line="+26"/>
        <location line="+28"/>
        <source>Paper fallback pack</source>
        <translation>비상 출력 묶음</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Every few minutes and after every approved report, the current printouts are written to this folder, keeping the last few generations. Leave the folder empty to stop.</source>
        <translation>정해진 간격마다, 그리고 상황보고를 승인할 때마다 현재 출력물을 이 폴더에 저장하고 최근 몇 세대를 보관합니다. 폴더를 비워 두면 저장하지 않습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>저장 간격</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generations kept</source>
        <translation>보관 세대 수</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../console/ui/dialogs.py" line="+110"/>
        <source>Discard the typed text?</source>
        <translation>입력한 내용을 버릴까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This form has text that is not saved yet. Close it and discard the text?</source>
        <translation>이 양식에 아직 저장하지 않은 내용이 있습니다. 닫고 입력한 내용을 버릴까요?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep editing</source>
        <translation>계속 입력</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Text kept from %1 that was not saved then.</source>
        <translation>%1에 저장되지 않았던 입력 내용을 되살렸습니다.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../console/ui/formatting.py" line="+52"/>
        <source>Grade %1</source>
        <translation>%1등급</translation>
    </message>
</context>
<context>
    <name>GradeOverrideDialog</name>
    <message>
        <location filename="../../console/ui/grade_override.py" line="+16"/>
        <source>Override failure grade</source>
        <translation>장애등급 조정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outage</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade now</source>
        <translation>현재 등급</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As computed (no override)</source>
        <translation>산정 기준대로 (조정 없음)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failure grade</source>
        <translation>장애등급</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>조정 사유</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An override needs a reason.</source>
        <translation>등급을 조정하려면 사유를 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../console/ui/briefings.py" line="-67"/>
        <source>Handover briefing</source>
        <translation>교대 브리핑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period from (KST)</source>
        <translation>기간 시작(KST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period to (KST)</source>
        <translation>기간 끝(KST)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From (KST)</source>
        <translation>시작(KST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (KST)</source>
        <translation>끝(KST)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last shift:</source>
        <translation>최근 근무:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
</context>
<context>
    <name>HomeQuestion</name>
    <message>
        <location filename="../../console/ui/home_question.py" line="+39"/>
        <location line="+4"/>
        <source>Which workstation is this?</source>
        <translation>이 단말은 어느 단말입니까?</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>This database belongs to the PC &apos;%1&apos;. Until the administrator says whether it was moved here or is a copy, nothing can be written (reading works).</source>
        <translation>이 데이터베이스는 PC &apos;%1&apos;의 것입니다. 이 PC로 옮긴 것인지 복사본인지 관리자가 정하기 전에는 아무것도 기록할 수 없습니다(조회는 됩니다).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database belongs to the PC &apos;%1&apos;. Until you say what it is here, nothing can be written (reading works).

Moved here: the same workstation goes on on this PC.
A copy: this database becomes a new workstation with its own key, which the others must trust.</source>
        <translation>이 데이터베이스는 PC &apos;%1&apos;의 것입니다. 여기서 무엇인지 정하기 전에는 아무것도 기록할 수 없습니다(조회는 됩니다).

이 PC로 옮김: 같은 단말이 이 PC에서 계속 일합니다.
복사본: 이 데이터베이스가 자체 키를 가진 새 단말이 되며, 다른 단말들이 그 키를 신뢰 등록해야 합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Moved here</source>
        <translation>이 PC로 옮김</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copy: new workstation…</source>
        <translation>복사본: 새 단말로…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later (read only)</source>
        <translation>나중에(조회만)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New workstation</source>
        <translation>새 단말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of this workstation:</source>
        <translation>이 단말의 이름:</translation>
    </message>
</context>
<context>
    <name>IncidentActions</name>
    <message>
        <location filename="../../console/ui/incident_dialogs.py" line="+60"/>
        <source>Incident opened.</source>
        <translation>사고를 등록했습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No incident</source>
        <translation>사고 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no incident yet: open one first.</source>
        <translation>아직 등록된 사고가 없습니다. 먼저 사고를 등록하세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Crisis level changed to %1.</source>
        <translation>위기경보 수준을 변경했습니다: %1</translation>
    </message>
</context>
<context>
    <name>IncidentLessonDialog</name>
    <message>
        <location filename="../../console/ui/task_force.py" line="+71"/>
        <source>Record a lesson</source>
        <translation>교훈 및 재발방지 대책 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident</source>
        <translation>사고</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lesson or prevention measure</source>
        <translation>교훈·재발방지 대책</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the lesson.</source>
        <translation>교훈 내용을 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>JudgementDialog</name>
    <message>
        <location filename="../../console/ui/drill_judge.py" line="+16"/>
        <source>Judgement deduction</source>
        <translation>판정 감점</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>optional: the id of the record it is about</source>
        <translation>선택: 해당 기록의 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About</source>
        <translation>대상 기록</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The scoring table has no judgements.</source>
        <translation>채점표에 판정 감점 항목이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write what was wrong.</source>
        <translation>무엇이 잘못되었는지 적어 주십시오.</translation>
    </message>
</context>
<context>
    <name>LessonDialog</name>
    <message>
        <location filename="../../console/ui/drill_panel.py" line="+6"/>
        <source>Lesson learnt</source>
        <translation>교훈 기록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lesson</source>
        <translation>교훈</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the lesson.</source>
        <translation>교훈을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>LinkOutageDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="+90"/>
        <source>Link task to outage</source>
        <translation>조치과제에 장애 연결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>조치과제</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>system code or outage id</source>
        <translation>시스템 코드 또는 장애 ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outage</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the system&apos;s code or the outage id.</source>
        <translation>시스템 코드나 장애 ID를 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="+131"/>
        <source>Session locked</source>
        <translation>세션 잠김</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session is locked. Enter the password of %1 to continue.</source>
        <translation>세션이 잠겼습니다. 계속하려면 %1의 비밀번호를 입력하십시오.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="+51"/>
        <source>New activity log entry</source>
        <translation>활동일지 작성</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Significant event (for the board and the controller&apos;s verification)</source>
        <translation>주요 상황 (상황판 게시, 통제관 확인 대상)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>내용</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write what happened.</source>
        <translation>내용을 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../console/ui/pages/journal.py" line="+22"/>
        <source>All teams</source>
        <translation>전체 반</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All entries</source>
        <translation>전체 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Significant only</source>
        <translation>주요 상황만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add entry…</source>
        <translation>일지 작성…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+23"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+22"/>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Significant</source>
        <translation>주요 상황</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>significant</source>
        <translation>주요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry</source>
        <translation>내용</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>verified by the controller</source>
        <translation>통제관 확인 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awaiting verification</source>
        <translation>확인 대기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>routine</source>
        <translation>일반</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Significance</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transcribed from paper</source>
        <translation>수기 기록 옮김</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="-47"/>
        <source>Digital-disaster command console — log in</source>
        <translation>디지털재난 상황관리 콘솔 — 로그인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unnamed workstation)</source>
        <translation>(이름 없는 단말)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seoul Metropolitan Disaster and Safety Countermeasures Headquarters</source>
        <translation>서울특별시 재난안전대책본부</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workstation</source>
        <translation>단말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="+134"/>
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Not available in this view.</source>
        <translation>이 화면에서는 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Now working as %1.</source>
        <translation>이제 %1(으)로 작업합니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Synced with the hub: %1 sent, %2 received.</source>
        <translation>허브와 동기화했습니다: %1건 보냄, %2건 받음.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A sync is already running.</source>
        <translation>이미 동기화 중입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic hub sync</source>
        <translation>허브 자동 동기화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes between automatic syncs with the configured hub (0: never):</source>
        <translation>설정된 허브와 자동으로 동기화하는 간격(분, 0: 자동 동기화 안 함):</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Lock after idle time</source>
        <translation>자동 잠금 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes without input before the session locks (0: never):</source>
        <translation>입력이 없을 때 세션을 잠글 때까지의 시간(분, 0: 잠그지 않음):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of the console.</source>
        <translation>바뀐 언어는 콘솔을 다시 시작하면 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>MessagePresenter</name>
    <message>
        <location filename="../../console/ui/messages.py" line="+74"/>
        <location line="+11"/>
        <source>Not allowed</source>
        <translation>권한 없음</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Refused</source>
        <translation>처리할 수 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
</context>
<context>
    <name>NewDrillAction</name>
    <message>
        <location filename="../../console/ui/drill_new.py" line="+41"/>
        <location line="+7"/>
        <location line="+15"/>
        <source>New drill</source>
        <translation>새 훈련</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Scenario:</source>
        <translation>시나리오:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SQLite database (*.sqlite)</source>
        <translation>SQLite 데이터베이스 (*.sqlite)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The drill database %1 is made; it opens in a window of its own. Log in as controller (password: demo) to run it.</source>
        <translation>훈련 데이터베이스 %1을(를) 만들었습니다. 새 창에서 열립니다. 통제관(controller, 암호 demo)으로 로그인해 훈련을 진행하십시오.</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../console/ui/incident_dialogs.py" line="-152"/>
        <source>New incident</source>
        <translation>사고 등록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Data centre fire, administrative network</source>
        <translation>예: 데이터센터 화재로 인한 행정망 장애</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Title</source>
        <translation>사고명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disaster area</source>
        <translation>재난 분야</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>원인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crisis level</source>
        <translation>위기경보 수준</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started at (KST)</source>
        <translation>발생 시각 (KST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>장소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>개요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An incident needs a title.</source>
        <translation>사고명을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>NoticeComposer</name>
    <message>
        <location filename="../../console/ui/notice_composer.py" line="+38"/>
        <source>Compose a public notice</source>
        <translation>대시민 안내 작성</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>what has failed, e.g. 시 온라인 민원</source>
        <translation>무엇이 멈췄는지, 예: 시 온라인 민원</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>since when, e.g. 9.27.(토) 오전</source>
        <translation>언제부터, 예: 9.27.(토) 오전</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First notice</source>
        <translation>최초 안내</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Update</source>
        <translation>경과 안내</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All clear</source>
        <translation>정상화 안내</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>등급</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>대상 지역</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What failed</source>
        <translation>장애 대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>발생 시점</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates</source>
        <translation>문안 서식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternatives (double-click)</source>
        <translation>대체수단(두 번 눌러 넣기)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>문안</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English text</source>
        <translation>영문 문안</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>필수 항목</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Write the text first.</source>
        <translation>먼저 문안을 입력하십시오.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is over its limit of {limit} characters.</source>
        <translation>문안이 {limit}자 제한을 넘습니다.</translation>
    </message>
</context>
<context>
    <name>NoticeHistoryPrint</name>
    <message>
        <location filename="../../console/ui/pdf_print.py" line="+89"/>
        <source>Notice send history</source>
        <translation>대시민 안내 발송 이력</translation>
    </message>
</context>
<context>
    <name>NoticeModel</name>
    <message>
        <location filename="../../console/ui/notices_view.py" line="+48"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>등급</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chars</source>
        <translation>글자 수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>문안</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <location line="+59"/>
        <source>Channel shown</source>
        <translation>표시할 발송 채널</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All channels</source>
        <translation>모든 채널</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submit despite a duplicate within 24 h</source>
        <translation>24시간 내 중복이어도 제출</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compose…</source>
        <translation>작성…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit</source>
        <translation>승인 요청</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>승인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>반려…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark issued</source>
        <translation>발송 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CAP…</source>
        <translation>CAP 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print send history…</source>
        <translation>발송 이력 인쇄…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The issued notices of the channel shown (or all), oldest first, on paper</source>
        <translation>표시 중인 채널(또는 전체)의 발송된 안내를 시간순으로 인쇄</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Drafted by</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>승인자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>발송 시각</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned because</source>
        <translation>반려 사유</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing selected</source>
        <translation>선택된 항목 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a row first.</source>
        <translation>먼저 행을 선택하십시오.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Return a notice</source>
        <translation>안내 반려</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export CAP</source>
        <translation>CAP 내보내기</translation>
    </message>
</context>
<context>
    <name>OpenOutageDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="-203"/>
        <source>Open an outage</source>
        <translation>장애 등록</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System code</source>
        <translation>시스템 코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>장애 범위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the system&apos;s code.</source>
        <translation>시스템 코드를 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>OutageStatusDialog</name>
    <message>
        <location line="-47"/>
        <source>Change outage status</source>
        <translation>장애 상태 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outage</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (phase)</source>
        <translation>차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New status</source>
        <translation>변경할 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery phase</source>
        <translation>복구 차수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The outage already has this status.</source>
        <translation>이미 이 상태입니다.</translation>
    </message>
</context>
<context>
    <name>OutagesPage</name>
    <message>
        <location filename="../../console/ui/pages/outages.py" line="+37"/>
        <source>All statuses</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All grades</source>
        <translation>전체 등급</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All departments</source>
        <translation>전체 실국</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All categories</source>
        <translation>전체 구분</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open outage…</source>
        <translation>장애 등록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change status…</source>
        <translation>상태 변경…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Facility down…</source>
        <translation>시설 장애…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override grade…</source>
        <translation>등급 조정…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Department</source>
        <translation>실국</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+59"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+57"/>
        <source>Failure grade</source>
        <translation>장애등급</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Phase</source>
        <translation>차수</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+59"/>
        <source>Detected</source>
        <translation>발생 시각</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+58"/>
        <source>Elapsed</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+57"/>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+43"/>
        <source>RTO breached</source>
        <translation>RTO 초과</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>breached</source>
        <translation>초과</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>ETR</source>
        <translation>복구 예상</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+53"/>
        <source>Next update</source>
        <translation>다음 갱신</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Alternative now</source>
        <translation>대체수단 운영 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>Facility</source>
        <translation>시설</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>overdue</source>
        <translation>지남</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>phase %1</source>
        <translation>%1차</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+26"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>active</source>
        <translation>운영 중</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scope</source>
        <translation>장애 범위</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alternative means</source>
        <translation>대체수단</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tasks</source>
        <translation>조치과제</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>경과</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Estimated restoration (newest first)</source>
        <translation>복구 예상 시각 (최근 순)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Confirm outages</source>
        <translation>장애 등록 확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is down. Open outages for these %2 systems? Systems that already have an open outage are left as they are.</source>
        <translation>%1 장애입니다. 아래 시스템 %2개의 장애를 등록하시겠습니까? 이미 장애가 등록된 시스템은 그대로 둡니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 down</source>
        <translation>%1 장애</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New incident…</source>
        <translation>새 사고 등록…</translation>
    </message>
</context>
<context>
    <name>PaperField</name>
    <message>
        <location filename="../../console/ui/paper_field.py" line="+18"/>
        <source>Transcribed from a paper sheet (&apos;When&apos; is the time written on it)</source>
        <translation>수기 기록을 옮겨 적음(&apos;시각&apos;은 종이에 적힌 시각)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. ICS-214 #3, 장애 접수서 #12</source>
        <translation>예: ICS-214 #3, 장애 접수서 #12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper sheet</source>
        <translation>수기 양식</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sheet</source>
        <translation>양식·번호</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../console/ui/printing.py" line="+106"/>
        <source>The printer could not be opened.</source>
        <translation>프린터를 열 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../console/ui/reports_model.py" line="+47"/>
        <source>Number</source>
        <translation>번호</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As of</source>
        <translation>기준 시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>발행</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prepared by</source>
        <translation>작성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>승인</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workstation</source>
        <translation>단말</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number collision after sync: more than one report has this number</source>
        <translation>번호 중복: 동기화 후 같은 번호의 보고가 둘 이상입니다</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../console/ui/reports_view.py" line="+44"/>
        <source>Activity log (ICS 214)</source>
        <translation>활동일지 (ICS 214)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outage register</source>
        <translation>장애 현황 대장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision log</source>
        <translation>결정사항 기록부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roster and contacts</source>
        <translation>비상연락망</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory and alternative means</source>
        <translation>시스템 목록·대체수단</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reason, for a back-dated or after-stand-down report</source>
        <translation>발행 사유(소급 보고·상황 종료 후 보고일 때)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for issuing</source>
        <translation>발행 사유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printout</source>
        <translation>출력물 종류</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draft now</source>
        <translation>지금 초안 작성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>승인(발행)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to folder…</source>
        <translation>폴더로 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show printout</source>
        <translation>출력물 보기</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No situation report yet. &apos;Draft now&apos; renders the situation as it stands; approving a draft issues the next numbered report. The other printouts are under &apos;Show printout&apos;.</source>
        <translation>아직 상황보고가 없습니다. &apos;지금 초안 작성&apos;은 현재 상황을 초안으로 만들고, 초안을 승인하면 다음 제N보가 발행됩니다. 다른 출력물은 &apos;출력물 보기&apos;에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Note: the reprint differs from the PDF as issued (same snapshot, new renderer)</source>
        <translation>주의: 재출력본이 발행 당시 PDF와 다릅니다 (내용은 같은 스냅숏에서 생성)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Drafting the report…</source>
        <translation>상황보고 초안 작성 중…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Draft stored</source>
        <translation>초안을 작성했습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the draft to approve in the list (or &apos;Draft now&apos; first)</source>
        <translation>승인할 초안을 목록에서 고르세요 (먼저 &apos;지금 초안 작성&apos;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issuing the report…</source>
        <translation>상황보고 발행 중…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Issued %1</source>
        <translation>%1 발행</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallback pack: %1</source>
        <translation>비상 출력 묶음: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Written to %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export to folder</source>
        <translation>폴더로 내보내기</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sending to the printer…</source>
        <translation>프린터로 보내는 중…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sent to the printer</source>
        <translation>인쇄를 보냈습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printing failed: %1</source>
        <translation>인쇄하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../console/ui/task_force.py" line="-46"/>
        <source>Report schedule</source>
        <translation>상황보고 일정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At these hours (KST)</source>
        <translation>정해진 시각(KST)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every</source>
        <translation>간격</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> h</source>
        <translation>시간</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give hours 0–23 separated by commas, e.g. 8,12,18.</source>
        <translation>0~23시를 쉼표로 구분하여 입력하십시오(예: 8,12,18).</translation>
    </message>
</context>
<context>
    <name>StandDownDialog</name>
    <message>
        <location line="-46"/>
        <source>Stand the task force down</source>
        <translation>대책본부 해산</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident</source>
        <translation>사고</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stood down at (KST)</source>
        <translation>해산 시각(KST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A stand-down needs a reason.</source>
        <translation>해산 사유를 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../console/ui/status.py" line="+51"/>
        <source>DB: %1</source>
        <translation>DB: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Workstation: %1</source>
        <translation>단말: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Report No. %1 overdue by %2</source>
        <translation>제%1보 기한 %2 경과</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report No. %1 due in %2</source>
        <translation>제%1보까지 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Last backup: %1</source>
        <translation>최근 백업: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Syncing with the hub…</source>
        <translation>허브와 동기화 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <location line="+4"/>
        <source>Last sync: %1</source>
        <translation>최근 동기화: %1</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>no hub</source>
        <translation>허브 미설정</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub unreachable</source>
        <translation>허브 연결 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub connected</source>
        <translation>허브 연결됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub not tried yet</source>
        <translation>허브 연결 확인 전</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 not shared</source>
        <translation>미공유 %1건</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub: %1</source>
        <translation>허브: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes made here and not yet shared: %1</source>
        <translation>이 단말에서 만든 변경 중 아직 공유하지 않은 것: %1건</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last sync failed: %1</source>
        <translation>최근 동기화 실패: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 change(s) from a newer program version wait for an upgrade</source>
        <translation>새 버전 프로그램에서 온 변경 %1건이 업그레이드를 기다리고 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ clock skew</source>
        <translation>⚠ 시계 차이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock warning: %1</source>
        <translation>시계 경고: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conflicts: %1</source>
        <translation>충돌 %1건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open sync conflicts: resolve them in the sync view</source>
        <translation>해소하지 않은 동기화 충돌입니다. 동기화 화면에서 해소하세요</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paper fallback pack in %1, every %2 min</source>
        <translation>비상 출력 묶음: %1, %2분마다 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last written: %1</source>
        <translation>최근 저장: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paper pack failed</source>
        <translation>비상 출력 실패</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed at %1: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paper pack: %1</source>
        <translation>비상 출력: %1</translation>
    </message>
</context>
<context>
    <name>SwitchUser</name>
    <message>
        <location filename="../../console/ui/switch_user.py" line="+35"/>
        <source>Digital-disaster command console — %1</source>
        <translation>디지털재난 상황관리 콘솔 — %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Switch user</source>
        <translation>사용자 전환</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../console/ui/sync_view.py" line="+101"/>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export bundle…</source>
        <translation>번들 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import bundle…</source>
        <translation>번들 가져오기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve conflict…</source>
        <translation>충돌 해소…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workstation</source>
        <translation>단말</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted</source>
        <translation>신뢰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle</source>
        <translation>최근 번들</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>테이블</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>레코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates</source>
        <translation>후보 값</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hub (PostgreSQL)</source>
        <translation>허브 (PostgreSQL)</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+38"/>
        <source>Hub address</source>
        <translation>허브 주소</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Workstations and keys</source>
        <translation>단말과 키</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open conflicts</source>
        <translation>미해소 충돌</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no hub set</source>
        <translation>미설정</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not tried yet</source>
        <translation>연결 확인 전</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reachable</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub: %1</source>
        <translation>허브: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet shared: %1</source>
        <translation>미공유 변경 %1건</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: %1</source>
        <translation>최근 동기화: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open conflicts: %1</source>
        <translation>미해소 충돌 %1건</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock warning: %1</source>
        <translation>시계 경고: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export bundle</source>
        <translation>번들 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Sync bundle (*.zip)</source>
        <translation>동기화 번들 (*.zip)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Import bundle</source>
        <translation>번들 가져오기</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New value…</source>
        <translation>새 값…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Resolve conflict</source>
        <translation>충돌 해소</translation>
    </message>
</context>
<context>
    <name>SystemsPage</name>
    <message>
        <location filename="../../console/ui/pages/systems.py" line="+26"/>
        <source>All departments</source>
        <translation>전체 실국</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All facilities</source>
        <translation>전체 시설</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All categories</source>
        <translation>전체 구분</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All grades</source>
        <translation>전체 등급</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Department</source>
        <translation>실국</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+29"/>
        <source>Facility</source>
        <translation>시설</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+29"/>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>Importance</source>
        <translation>중요도</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RPO</source>
        <translation>RPO</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Alternative means</source>
        <translation>대체수단</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>RTO / RPO</source>
        <translation>RTO / RPO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacts</source>
        <translation>연락처</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depends on</source>
        <translation>연계 대상(의존)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed by</source>
        <translation>이 시스템에 의존하는 시스템</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outages</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import systems</source>
        <translation>시스템 목록 가져오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory (*.csv *.xlsx);;All files (*)</source>
        <translation>시스템 목록 (*.csv *.xlsx);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import finished</source>
        <translation>가져오기 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rows read: %2 systems added, %3 changed.</source>
        <translation>%1행을 읽었습니다: 시스템 %2개 추가, %3개 변경.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import refused</source>
        <translation>가져오기 거부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has %1 problem(s). Nothing was imported; correct the file and import it again.</source>
        <translation>파일에 문제가 %1건 있습니다. 아무것도 가져오지 않았습니다. 파일을 고친 뒤 다시 가져오십시오.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export systems</source>
        <translation>시스템 목록 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>엑셀 통합 문서 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export finished</source>
        <translation>내보내기 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 systems written to %2.</source>
        <translation>시스템 %1개를 %2에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../console/ui/pages/base.py" line="+86"/>
        <source>Search…</source>
        <translation>검색…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Clear the search</source>
        <translation>검색어 지우기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All incidents</source>
        <translation>모든 사고</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>Nothing selected</source>
        <translation>선택된 항목 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a row first.</source>
        <translation>먼저 목록에서 항목을 선택하십시오.</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="+77"/>
        <source>New task</source>
        <translation>새 조치과제</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 (high)</source>
        <translation>1 (높음)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2 (normal)</source>
        <translation>2 (보통)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 (low)</source>
        <translation>3 (낮음)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(nobody yet)</source>
        <translation>(미지정)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>system code or outage id (optional)</source>
        <translation>시스템 코드 또는 장애 ID (선택)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>세부 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked outage</source>
        <translation>관련 장애</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A task needs a title.</source>
        <translation>제목을 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>TaskEditDialog</name>
    <message>
        <location filename="../../console/ui/task_edit.py" line="+31"/>
        <source>Edit task</source>
        <translation>조치과제 수정</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 (high)</source>
        <translation>1 (높음)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2 (normal)</source>
        <translation>2 (보통)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 (low)</source>
        <translation>3 (낮음)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(nobody)</source>
        <translation>(미지정)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A task needs a title.</source>
        <translation>제목을 입력하십시오.</translation>
    </message>
</context>
<context>
    <name>TaskForceActions</name>
    <message>
        <location filename="../../console/ui/task_force.py" line="+74"/>
        <source>No incident</source>
        <translation>사고 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no incident yet: open one first.</source>
        <translation>아직 사고가 없습니다. 먼저 사고를 등록하십시오.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Task force activated.</source>
        <translation>대책본부를 가동했습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Task force stood down.</source>
        <translation>대책본부를 해산했습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report schedule set.</source>
        <translation>상황보고 일정을 정했습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lesson recorded for the final report.</source>
        <translation>최종(결과)보고에 넣을 교훈을 기록했습니다.</translation>
    </message>
</context>
<context>
    <name>TaskStatusDialog</name>
    <message>
        <location filename="../../console/ui/forms.py" line="+43"/>
        <source>Change task status</source>
        <translation>조치과제 상태 변경</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>조치과제</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New status</source>
        <translation>변경할 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The task already has this status.</source>
        <translation>이미 이 상태입니다.</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../console/ui/pages/tasks.py" line="+33"/>
        <source>All teams</source>
        <translation>전체 반</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All statuses</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue or not</source>
        <translation>기한 전체</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue only</source>
        <translation>기한 초과만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New task…</source>
        <translation>조치과제 등록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign…</source>
        <translation>담당자 지정…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link outage…</source>
        <translation>장애 연결…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change status…</source>
        <translation>상태 변경…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Task</source>
        <translation>조치과제</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+37"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Assignee</source>
        <translation>담당자</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Overdue</source>
        <translation>기한 초과</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>overdue</source>
        <translation>기한 초과</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+32"/>
        <source>Outages</source>
        <translation>장애</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>처리 이력</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Detail</source>
        <translation>세부 내용</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../console/ui/pages/timeline.py" line="+35"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>기록자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>내용</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>New since your last log-in</source>
        <translation>지난 로그인 이후 새 항목</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location line="+10"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All teams</source>
        <translation>전체 반</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Highlighted: recorded since your last log-in ({time})</source>
        <translation>강조 표시: 지난 로그인({time}) 이후 기록된 항목</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First log-in on this workstation: nothing is marked new</source>
        <translation>이 단말에서의 첫 로그인: 새 항목 표시 없음</translation>
    </message>
</context>
<context>
    <name>WhenField</name>
    <message>
        <location filename="../../console/ui/when_field.py" line="+26"/>
        <source>When it happened (KST)</source>
        <translation>발생 시각(KST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave as it is for now; set an earlier time to record something that happened before</source>
        <translation>지금 기록하려면 그대로 두고, 이전에 있었던 일은 그 시각으로 바꾸십시오</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When (KST)</source>
        <translation>시각(KST)</translation>
    </message>
</context>
<context>
    <name>_PasswordDialog</name>
    <message>
        <location filename="../../console/ui/login.py" line="-48"/>
        <source>Enter your user name and password.</source>
        <translation>사용자 이름과 비밀번호를 입력하십시오.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Wrong user name or password.</source>
        <translation>사용자 이름 또는 비밀번호가 틀렸습니다.</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <location filename="../../console/ui/pages/base.py" line="-290"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Veil</name>
    <message>
        <location filename="../../console/ui/lock_veil.py" line="+25"/>
        <source>Locked</source>
        <translation>잠김</translation>
    </message>
</context>
</TS>
