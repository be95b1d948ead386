"""The other printouts staff need on paper when systems are down: the activity log per team
(ICS 214 layout), the outage register, the decision log, the role and contact roster and the
inventory with alternative means. Same fonts, header and "page x / y" footer as the report.

Each renderer takes plain rows (dicts with the keys named in its docstring) and returns bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as TS

from console.domain.clock import format_hours
from console.domain.enums import Role, Team
from console.reports.layout import (
    BASE_FONT,
    FRAME_WIDTH,
    LABEL_FILL,
    RULE,
    STYLES,
    WIDE_FRAME_WIDTH,
    PageFrame,
    build_pdf,
    escape,
    heading,
    para,
    table,
)
from console.reports.long_table import Strong, long_table
from console.reports.text import bilingual, full_time, label, short_label, short_time, words

Row = dict[str, Any]

_TITLES = {
    "log": ("활동일지 (ICS 214)", "Activity log (ICS 214)"),
    "outages": ("장애 현황 대장", "Outage register"),
    "decisions": ("결정사항 기록부", "Decision log"),
    "roster": ("대책본부 편성 및 비상연락망", "Task force roster and contacts"),
    "inventory": ("정보시스템 목록 및 대체수단", "System inventory and alternative means"),
    "notices": ("대시민 안내 발송 이력", "Public notices sent"),
}
_ICS = {
    "incident": ("1. 사고명", "1. Incident name"),
    "period": ("2. 운영 기간", "2. Operational period"),
    "name": ("3. 명칭(반)", "3. Name (unit)"),
    "position": ("4. ICS 직위", "4. ICS position"),
    "agency": ("5. 소속 기관", "5. Home agency (and unit)"),
    "resources": ("6. 배치 인원", "6. Resources assigned"),
    "activity": ("7. 활동 기록", "7. Activity log"),
    "prepared": ("8. 작성자", "8. Prepared by"),
    "person": ("성명", "Name"),
    "title": ("직위", "Position/title"),
    "signature": ("서명", "Signature"),
    "datetime": ("일시", "Date/time"),
    "notable": ("주요 활동", "Notable activities"),
    "from_to": ("{a} ~ {b}", "{a} to {b}"),
    "open_end": ("현재까지", "now"),
    "significant": ("★ 주요 상황", "★ significant"),
    "verified": ("(통제관 확인)", "(verified)"),
}


def title(kind: str, lang: str) -> str:
    return bilingual(_TITLES, lang, kind)


def _ics(lang: str, key: str, **values: object) -> str:
    return bilingual(_ICS, lang, key, **values)


def _frame(kind: str, lang: str, printed_at: str) -> PageFrame:
    name = title(kind, lang)
    printed = f"{full_time(lang, printed_at)} {'출력' if lang == 'ko' else 'printed'}"
    return PageFrame(header_left=words(lang, "org"), header_right=f"{name} · {printed}",
                     footer=lambda x, y: f"{name} · {words(lang, 'page', x=x, y=y)}")


def _heading(kind: str, lang: str, incident: str, note: str = "") -> list[Flowable]:
    story: list[Flowable] = [Paragraph(escape(title(kind, lang)), STYLES["title"]),
                             Paragraph(escape(incident), STYLES["dateline"])]
    if note:
        story.append(para(note, "note"))
    return story


def activity_log(incident: str, teams: Sequence[Row], start: str | None, end: str | None,
                 printed_at: str, lang: str = "ko") -> bytes:
    """``teams``: one dict per team with ``team`` (value), ``members`` (dicts: ``display``,
    ``role``, ``contact``) and ``entries`` (dicts: ``at``, ``author``, ``text``,
    ``significant``, ``verified``, ``paper``: the transcription note or None), in time order."""
    story: list[Flowable] = []
    period = _ics(lang, "from_to", a=full_time(lang, start) or "-",
                  b=full_time(lang, end) or _ics(lang, "open_end"))
    for index, unit in enumerate(teams):
        if index:
            story.append(PageBreak())
        team = Team(unit["team"])
        story += _heading("log", lang, incident)
        # The period has a line of its own: beside the incident name it wrapped mid-date.
        blocks = [[_ics(lang, "incident"), incident, "", ""],
                  [_ics(lang, "period"), period, "", ""],
                  [_ics(lang, "name"), team.label(lang), _ics(lang, "position"),
                   f"{team.label(lang)} {Role.TEAM_LEAD.label(lang)}"],
                  [_ics(lang, "agency"), words(lang, "org"), "", ""]]
        story.append(_blocks(blocks))
        story += heading(_ics(lang, "resources"), "h2")
        members = [[m["display"], label("role", m["role"], lang), m.get("contact") or "-"]
                   for m in unit["members"]] or [["-", "", ""]]
        story.append(table([_ics(lang, "person"), _ics(lang, "title"),
                            _contact(lang)], members,
                           [0.4, 0.25, 0.35], "LLL"))
        story += heading(_ics(lang, "activity"), "h2")
        # A long table (long_table.py): at scale a team's log runs to thousands of entries,
        # which Paragraph cells took most of the fallback pack's time to lay out. A significant
        # entry is printed in bold as a whole, its mark first.
        rows: list[list[Any]] = []
        for entry in unit["entries"]:
            text: Any = entry["text"]
            if entry.get("paper"):  # typed in from a sheet: both times, and which sheet
                text = f"[{entry['paper']}] {text}"
            if entry["significant"]:
                mark = _ics(lang, "significant")
                if entry["verified"]:
                    mark += " " + _ics(lang, "verified")
                text = Strong(f"{mark} {text}")
            rows.append([full_time(lang, entry["at"]), text, entry.get("author") or "-"])
        if not rows:
            rows = [["", words(lang, "nothing"), ""]]
        story.append(long_table([_ics(lang, "datetime"), _ics(lang, "notable"),
                                 words(lang, "prepared")], rows, [0.22, 0.63, 0.15], "LLL"))
        story.append(Spacer(1, 8))
        story.append(_blocks([[_ics(lang, "prepared"), "", _ics(lang, "title"), ""],
                              [_ics(lang, "signature"), "", _ics(lang, "datetime"),
                               full_time(lang, printed_at)]], tall=True))
    return build_pdf(story, _frame("log", lang, printed_at), title(kind="log", lang=lang))


def _contact(lang: str) -> str:
    return "연락처" if lang == "ko" else "Contact"


def _blocks(rows: list[list[str]], tall: bool = False) -> Table:
    """An ICS-style block grid: label cells shaded, values beside them."""
    body = [[Paragraph(escape(c), STYLES["cell_h" if i % 2 == 0 else "cell"])
             for i, c in enumerate(row)] for row in rows]
    commands: list[tuple] = [BASE_FONT, ("GRID", (0, 0), (-1, -1), 0.35, RULE),
                             ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("TOPPADDING", (0, 0), (-1, -1), 7 if tall else 3),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 8 if tall else 4)]
    for index, row in enumerate(rows):
        if row[2] == "" and row[3] == "" and not tall:  # one value across the line
            commands.append(("SPAN", (1, index), (3, index)))
        else:
            commands.append(("BACKGROUND", (2, index), (2, index), LABEL_FILL))
    result = Table(body, colWidths=[w * FRAME_WIDTH for w in (0.15, 0.35, 0.15, 0.35)],
                   style=TS(commands))
    result.hAlign = "LEFT"
    return result


def outage_register(incident: str, outages: Sequence[Row], printed_at: str,
                    lang: str = "ko") -> bytes:
    """``outages``: ``code``, ``name``, ``department``, ``category``, ``importance_grade``,
    ``grade``, ``status``, ``phase``, ``detected_at``, ``restored_at``, ``alternative_active``,
    ``paper``: the notes of statuses typed in from a 장애 접수서 (may be absent)."""
    # A status from a paper sheet: its note under the system's name (the widest cell).
    rows = [[o["code"], "\n".join([o["name"], *o.get("paper", ())]), o["department"],
             short_label("category", o["category"], lang),
             o["importance_grade"], o["grade"], label("outage", o["status"], lang),
             short_time(lang, o["detected_at"]), short_time(lang, o["restored_at"]) or "-",
             "○" if o["alternative_active"] else ""] for o in outages]
    header = [words(lang, "code"), words(lang, "system"), words(lang, "department"),
              words(lang, "category"), words(lang, "grade"), words(lang, "failure_grade"),
              words(lang, "status"), words(lang, "detected"), words(lang, "restored_at"),
              words(lang, "alt_means")]
    down = sum(1 for o in outages if o["restored_at"] is None)
    note = words(lang, "restored_line", m=len(outages), n=len(outages) - down,
                 p=f"{100 * (len(outages) - down) / len(outages):.1f}%" if outages else "-",
                 t=short_time(lang, printed_at))
    story = [*_heading("outages", lang, incident, note),
             long_table(header, rows or [["", words(lang, "nothing")] + [""] * 8],
                        [0.10, 0.22, 0.13, 0.07, 0.06, 0.07, 0.08, 0.1, 0.1, 0.07],
                        "LLLCCCCCCC", frame_width=WIDE_FRAME_WIDTH)]
    return build_pdf(story, _frame("outages", lang, printed_at), title("outages", lang),
                     wide=True)


def decision_log(incident: str, decisions: Sequence[Row], printed_at: str,
                 lang: str = "ko") -> bytes:
    """``decisions``: ``at``, ``decided_by``, ``role``, ``summary``, ``rationale``,
    ``alternatives``, ``corrects`` (bool), in time order."""
    rows = []
    for d in decisions:
        text = f"<b>{escape(d['summary'])}</b>"
        if d["corrects"]:
            text = f"<font color='#b3261e'>[{'정정' if lang == 'ko' else 'correction'}]</font> " + text
        for key in ("rationale", "alternatives"):
            if d[key]:
                text += (f"<br/><font color='#5f6368'>{escape(words(lang, key))}: "
                         f"{escape(d[key])}</font>")
        rows.append([full_time(lang, d["at"]), Paragraph(text, STYLES["cell"]),
                     f"{label('role', d['role'], lang)}\n{d['decided_by'] or ''}".strip()])
    story = [*_heading("decisions", lang, incident),
             table([words(lang, "time"), words(lang, "decision"), words(lang, "decided_by")],
                   rows or [["", words(lang, "nothing"), ""]], [0.2, 0.64, 0.16], "LLC")]
    return build_pdf(story, _frame("decisions", lang, printed_at), title("decisions", lang))


def roster(users: Sequence[Row], printed_at: str, lang: str = "ko",
           external: Sequence[Row] = ()) -> bytes:
    """``users``: ``name``, ``display``, ``role``, ``team`` (or None), ``contact``;
    ``external``: ``organisation``, ``role``, ``name``, ``phone`` (services/contacts.py)."""
    order = {r.value: i for i, r in enumerate(Role)}
    teams = {t.value: i for i, t in enumerate(Team)}
    ordered = sorted(users, key=lambda u: (u["team"] is not None, teams.get(u["team"], 99),
                                           order.get(u["role"], 99), u["name"]))
    command = "지휘부" if lang == "ko" else "Command"
    rows = [[label("team", u["team"], lang) if u["team"] else command, u["display"],
             label("role", u["role"], lang), u["name"], u["contact"] or "-"] for u in ordered]
    story = [*_heading("roster", lang, words(lang, "org")),
             table([words(lang, "team"), _ics(lang, "person"), _ics(lang, "title"),
                    "ID", _contact(lang)], rows, [0.22, 0.26, 0.14, 0.14, 0.24], "LLLLL")]
    if external:
        story += heading("외부 기관 연락처" if lang == "ko" else "External contacts")
        story.append(table(
            ["기관" if lang == "ko" else "Organisation", "역할" if lang == "ko" else "Role",
             _ics(lang, "person"), _contact(lang)],
            [[e["organisation"], e["role"], e["name"], e["phone"]] for e in external],
            [0.28, 0.34, 0.16, 0.22], "LLLL"))
    return build_pdf(story, _frame("roster", lang, printed_at), title("roster", lang))


def inventory(systems: Sequence[Row], printed_at: str, lang: str = "ko") -> bytes:
    """``systems``: ``code``, ``name``, ``department``, ``facility``, ``category``, ``grade``,
    ``rto_hours``, ``alternative_means``."""
    ordered = sorted(systems, key=lambda s: (s["department"], s["grade"], s["code"]))
    rows = [[s["code"], s["name"], s["department"], s["facility"],
             short_label("category", s["category"], lang), s["grade"],
             "-" if s["rto_hours"] is None else format_hours(s["rto_hours"], lang),
             s["alternative_means"] or (Strong(words(lang, "alt_missing")) if s["grade"] <= 2
                                        else "-")] for s in ordered]
    # The code column holds a whole code ("SEO-0376-001" at scale): a code broken over two
    # lines is misread on paper, and each row then took two lines (779 pages at scale 30).
    story = [*_heading("inventory", lang, words(lang, "org")),
             long_table([words(lang, "code"), words(lang, "system"), words(lang, "department"),
                         words(lang, "facility"), words(lang, "category"), words(lang, "grade"),
                         "RTO", words(lang, "alt_means")], rows,
                        [0.10, 0.22, 0.12, 0.12, 0.06, 0.05, 0.06, 0.27], "LLLLCCRL",
                        frame_width=WIDE_FRAME_WIDTH)]
    return build_pdf(story, _frame("inventory", lang, printed_at), title("inventory", lang),
                     wide=True)


__all__ = ["activity_log", "decision_log", "inventory", "outage_register", "roster",
           "title"]


def notice_history(incident: str, notices: Sequence[Row], channel: str, printed_at: str,
                   lang: str = "ko") -> bytes:
    """``notices``: ``issued_at``, ``channel`` (label), ``status`` (label), ``text``,
    ``chars``, ``drafted_by``, ``approved_by``, in time order; ``channel`` names the one
    channel printed ("" for all)."""
    rows = [[full_time(lang, n["issued_at"]), n["channel"],
             Paragraph(escape(n["text"]), STYLES["cell"]), str(n["chars"]), n["status"],
             f"{n['drafted_by'] or ''} / {n['approved_by'] or ''}"] for n in notices]
    header = ["발송 시각", "채널", "문안", "글자", "상태", "작성/승인"] if lang == "ko" else \
        ["Issued", "Channel", "Text", "Chars", "Status", "Drafted/approved"]
    story = [*_heading("notices", lang, incident, channel),
             table(header, rows or [["", "", words(lang, "nothing"), "", "", ""]],
                   [0.16, 0.12, 0.44, 0.06, 0.08, 0.14], "LLLCCC")]
    return build_pdf(story, _frame("notices", lang, printed_at), title("notices", lang))
