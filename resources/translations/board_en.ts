<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../console/ui/board/view.py" line="+181"/>
        <source>Restoration over time</source>
        <translation>Restoration over time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored by department</source>
        <translation>Restored by department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored by importance grade (of the system)</source>
        <translation>Restored by importance grade (of the system)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks by team</source>
        <translation>Tasks by team</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latest decisions</source>
        <translation>Latest decisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Significant events</source>
        <translation>Significant events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notices issued to citizens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading the situation…</source>
        <translation>Loading the situation…</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>already restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimate, not a promise — all restored around {p50} (P10–P90: {p10} – {p90}); importance 1–2: {important}. Basis: {restored} restorations fitted, {etr} team ETRs, {draws} simulated draws.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not read the situation: {error}</source>
        <translation>Could not read the situation: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No situation to show</source>
        <translation>No situation to show</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Past moment: figures as of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures as of {time}</source>
        <translation>Figures as of {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/figures.py" line="+29"/>
        <source>Systems affected</source>
        <translation>Systems affected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{citizen} citizen-facing · {internal} internal</source>
        <translation>{citizen} citizen-facing · {internal} internal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoration rate {percent}</source>
        <translation>Restoration rate {percent}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Citizen-facing still down</source>
        <translation>Citizen-facing still down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of {n} citizen-facing affected</source>
        <translation>of {n} citizen-facing affected</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importance 1–2 still down</source>
        <translation>Importance 1–2 still down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure grade 1–2 still down: {n}</source>
        <translation>failure grade 1–2 still down: {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RTO breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{down} of them still down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On alternative means now</source>
        <translation>On alternative means now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} so far · at most {peak} at once</source>
        <translation>{total} so far · at most {peak} at once</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/lists.py" line="+43"/>
        <source>Importance {n}</source>
        <translation>Importance {n}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/view.py" line="+6"/>
        <source>Affected {n}</source>
        <translation>Affected {n}</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Crisis level {level} ({rank}/4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phase {n}</source>
        <translation>Phase {n}</translation>
    </message>
    <message>
        <location filename="../../console/ui/board/lists.py" line="-3"/>
        <source>Others ({n})</source>
        <translation>Others ({n})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None yet</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(corrected) {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/ui/board/clocks.py" line="+49"/>
        <source>Now {time}</source>
        <translation>Now {time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+20"/>
        <location line="+22"/>
        <source>Task force not activated</source>
        <translation>Task force not activated</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Task force activated {time} · closed after {elapsed}</source>
        <translation>Task force activated {time} · closed after {elapsed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task force activated {time} · {elapsed} elapsed</source>
        <translation>Task force activated {time} · {elapsed} elapsed</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next situation report</source>
        <translation>Next situation report</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Task force closed</source>
        <translation>Task force closed</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Report No. {n} due {time}</source>
        <translation>Report No. {n} due {time}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Overdue {time}</source>
        <translation>Overdue {time}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>First emergency text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-70"/>
        <source>{days}d {hours}h</source>
        <translation>{days}d {hours}h</translation>
    </message>
</context>
<context>
    <name>MomentControl</name>
    <message>
        <location filename="../../console/ui/board/moment.py" line="+27"/>
        <source>Incident shown on the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Moment the board shows (KST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the board at this moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the board live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScopeFilter</name>
    <message>
        <location filename="../../console/ui/board/scope.py" line="+19"/>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department the board shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility the board shows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
