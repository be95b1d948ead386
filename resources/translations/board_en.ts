<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../console/ui/board/view.py" line="+166"/>
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
        <location line="+69"/>
        <source>Could not read the situation: {error}</source>
        <translation>Could not read the situation: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No situation to show</source>
        <translation>No situation to show</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Crisis level {level}</source>
        <translation>Crisis level {level}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures as of {time}</source>
        <translation>Figures as of {time}</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+3"/>
        <source>On alternative means now</source>
        <translation>On alternative means now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} so far · at most {peak} at once</source>
        <translation>{total} so far · at most {peak} at once</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Importance {n}</source>
        <translation>Importance {n}</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Affected {n}</source>
        <translation>Affected {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase {n}</source>
        <translation>Phase {n}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Others ({n})</source>
        <translation>Others ({n})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None yet</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Now {time}</source>
        <translation>Now {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+17"/>
        <location line="+23"/>
        <source>Task force not activated</source>
        <translation>Task force not activated</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Task force activated {time} · closed after {elapsed}</source>
        <translation>Task force activated {time} · closed after {elapsed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task force activated {time} · {elapsed} elapsed</source>
        <translation>Task force activated {time} · {elapsed} elapsed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Next situation report</source>
        <translation>Next situation report</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <source>Task force closed</source>
        <translation>Task force closed</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Report No. {n} due {time}</source>
        <translation>Report No. {n} due {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>Overdue {time}</source>
        <translation>Overdue {time}</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>First emergency text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sent {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{days}d {hours}h</source>
        <translation>{days}d {hours}h</translation>
    </message>
</context>
</TS>
