<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../console/ui/board/view.py" line="+181"/>
        <source>Restoration over time</source>
        <translation>복구 추이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored by department</source>
        <translation>실국별 복구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored by importance grade (of the system)</source>
        <translation>중요도 등급별 복구 (시스템 기준)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks by team</source>
        <translation>반별 조치현황</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latest decisions</source>
        <translation>최근 결정사항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Significant events</source>
        <translation>주요 상황</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notices issued to citizens</source>
        <translation>대시민 안내 발송</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading the situation…</source>
        <translation>상황을 불러오는 중…</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>already restored</source>
        <translation>복구 완료</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimate, not a promise — all restored around {p50} (P10–P90: {p10} – {p90}); importance 1–2: {important}. Basis: {restored} restorations fitted, {etr} team ETRs, {draws} simulated draws.</source>
        <translation>추정치이며 약속이 아닙니다 — 전체 복구 {p50} 전후 (P10–P90: {p10} – {p90}); 중요도 1·2등급: {important}. 근거: 복구 {restored}건으로 적합, 담당반 복구 예상 {etr}건, 모의 {draws}회.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not read the situation: {error}</source>
        <translation>상황을 불러오지 못했습니다: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No situation to show</source>
        <translation>표시할 상황이 없습니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Past moment: figures as of {time}</source>
        <translation>지난 시점: {time} 기준 현황</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures as of {time}</source>
        <translation>{time} 기준</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/figures.py" line="+29"/>
        <source>Systems affected</source>
        <translation>영향 시스템</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{citizen} citizen-facing · {internal} internal</source>
        <translation>대시민 {citizen} · 내부행정 {internal}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restored</source>
        <translation>복구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoration rate {percent}</source>
        <translation>복구율 {percent}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Citizen-facing still down</source>
        <translation>대시민 서비스 미복구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of {n} citizen-facing affected</source>
        <translation>대시민 영향 {n}개 중</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importance 1–2 still down</source>
        <translation>중요도 1·2등급 미복구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure grade 1–2 still down: {n}</source>
        <translation>장애등급 1·2 미복구 {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RTO breached</source>
        <translation>RTO 초과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{down} of them still down</source>
        <translation>그중 미복구 {down}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On alternative means now</source>
        <translation>대체수단 운영 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} so far · at most {peak} at once</source>
        <translation>누계 {total} · 동시 최대 {peak}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/lists.py" line="+43"/>
        <source>Importance {n}</source>
        <translation>중요도 {n}등급</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/view.py" line="+6"/>
        <source>Affected {n}</source>
        <translation>영향 {n}개</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Crisis level {level} ({rank}/4)</source>
        <translation>위기경보 {level} ({rank}/4)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phase {n}</source>
        <translation>{n}차</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/lists.py" line="-3"/>
        <source>Others ({n})</source>
        <translation>기타 {n}개 실국</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Team</source>
        <translation>반</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None yet</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(corrected) {summary}</source>
        <translation>(정정됨) {summary}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/clocks.py" line="+49"/>
        <source>Now {time}</source>
        <translation>현재 {time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+20"/>
        <location line="+22"/>
        <source>Task force not activated</source>
        <translation>대책본부 미가동</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Task force activated {time} · closed after {elapsed}</source>
        <translation>대책본부 가동 {time} · {elapsed} 운영 후 해산</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task force activated {time} · {elapsed} elapsed</source>
        <translation>대책본부 가동 {time} · 경과 {elapsed}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next situation report</source>
        <translation>다음 상황보고</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Task force closed</source>
        <translation>대책본부 해산</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Report No. {n} due {time}</source>
        <translation>제{n}보 · {time} 예정</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Overdue {time}</source>
        <translation>지연 {time}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>First emergency text</source>
        <translation>첫 재난문자</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent {time}</source>
        <translation>{time} 발송</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due {time}</source>
        <translation>기한 {time}</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>{days}d {hours}h</source>
        <translation>{days}일 {hours}시간</translation>
    </message>
</context>
<context>
    <name>MomentControl</name>
    <message>
        <location filename="../../console/ui/board/moment.py" line="+27"/>
        <source>Incident shown on the board</source>
        <translation>상황판에 표시할 사고</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current incident</source>
        <translation>현재 사고</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Moment the board shows (KST)</source>
        <translation>상황판에 표시할 시각(한국 시각)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the board at this moment</source>
        <translation>이 시점의 상황판 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>현재</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the board live</source>
        <translation>현재 상황판 보기</translation>
    </message>
</context>
<context>
    <name>ScopeFilter</name>
    <message>
        <location filename="../../console/ui/board/scope.py" line="+19"/>
        <source>All departments</source>
        <translation>전체 실국</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department the board shows</source>
        <translation>상황판에 표시할 실국</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All facilities</source>
        <translation>전체 시설</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility the board shows</source>
        <translation>상황판에 표시할 시설</translation>
    </message>
</context>
</TS>
