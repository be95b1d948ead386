"""Page 1 of the situation report: title, the header block, the key figures and 1. 개요.

Everything here is as of the report's moment (the snapshot): the crisis level with the time
it was set, activation and stand-down only once they had happened, and an overview written in
개조식 from the figures then, never the incident's summary as recorded afterwards.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as TS

from console.reports.fonts import BOLD
from console.reports.layout import BASE_FONT, FRAME_WIDTH, LABEL_FILL, RULE, STYLES, escape, heading
from console.reports.snapshot import Figures, Person, Snapshot
from console.reports.text import (
    crisis_colour,
    full_time,
    label,
    paren,
    percent,
    short_time,
    words,
)


def report_kind(snapshot: Snapshot) -> str:
    """최초보고 (the first report of the incident), 최종보고 (closed by the moment) or 중간보고."""
    if snapshot["incident"].get("closed_at"):
        return "final"
    number = snapshot["header"]["number"]
    if number == 1 or (number is None and snapshot.get("since") is None):
        return "first"
    return "interim"


def happened(snapshot: Snapshot, at: str | None) -> bool:
    """``at`` is at or before the report's moment: a later time does not exist yet."""
    return bool(at) and str(at) <= snapshot["as_of"]


def person(value: Person | None, lang: str, empty: str) -> str:
    """A preparer or approver by name and position: "상황총괄반장", "Kim (Team lead)"."""
    if not value:
        return words(lang, empty)
    role = label("role", value.get("role"), lang)
    display = value.get("display") or value.get("name") or ""
    if lang == "en" or display == value.get("name"):
        return paren(lang, display, role) if role and role not in display else display
    return display


def crisis_text(snapshot: Snapshot, lang: str) -> str:
    """심각(9. 27. 18:00 상향): the level and when it was raised or lowered to it."""
    level = snapshot["crisis_level"]
    text = label("crisis", level, lang)
    since = snapshot.get("crisis_since")
    if not since:
        return text
    previous = snapshot.get("crisis_previous")
    ranks = ["interest", "caution", "alert", "serious"]
    if previous in ranks and level in ranks:
        key = "crisis_raised" if ranks.index(level) > ranks.index(str(previous)) else "crisis_lowered"
    else:
        key = "crisis_set"
    return paren(lang, text, words(lang, key, t=short_time(lang, since)))


def title_block(snapshot: Snapshot, lang: str) -> list[Flowable]:
    header, incident = snapshot["header"], snapshot["incident"]
    number = header["number"]
    kind = words(lang, f"kind_{report_kind(snapshot)}")
    title = (paren(lang, f"{words(lang, 'sitrep')} {words(lang, 'number', n=number)}", kind)
             if number is not None
             else paren(lang, words(lang, "sitrep"), f"{words(lang, 'draft')}, {kind}"))
    level = snapshot["crisis_level"]
    text_on_level = colors.black if level in ("caution",) else colors.white
    level_cell = Paragraph(f"<b>{escape(crisis_text(snapshot, lang))}</b>",
                           STYLES["cell_c"].clone("level", textColor=text_on_level))
    closed = incident.get("closed_at")
    activated = incident["activated_at"] if happened(snapshot, incident["activated_at"]) else None
    recipients = ", ".join(snapshot.get("report_to", [])) or "-"
    rows: list[list[str | Flowable]] = [
        [words(lang, "report_time"), words(lang, "as_of", t=full_time(lang, snapshot["as_of"])),
         words(lang, "crisis"), level_cell],
        [words(lang, "activated"), full_time(lang, activated) or "-",
         words(lang, "stood_down"), full_time(lang, closed) or "-"],
        [words(lang, "issued"), full_time(lang, header["issued_at"]) or words(lang, "not_yet"),
         words(lang, "report_kind"), kind],
        [words(lang, "prepared"), person(header["prepared_by"], lang, "no_preparer"),
         words(lang, "approved"), person(header["approved_by"], lang, "not_yet")],
        [words(lang, "report_to"), recipients, "", ""],
    ]
    widths = [0.15, 0.38, 0.13, 0.34]
    info = Table([[Paragraph(escape(c), STYLES["cell"]) if isinstance(c, str) else c
                   for c in row] for row in rows],
                 colWidths=[w * FRAME_WIDTH for w in widths])
    info.setStyle(TS([
        BASE_FONT, ("GRID", (0, 0), (-1, -1), 0.35, RULE),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL), ("BACKGROUND", (2, 0), (2, -2), LABEL_FILL),
        ("FONT", (0, 0), (0, -1), BOLD, 8), ("FONT", (2, 0), (2, -1), BOLD, 8),
        ("BACKGROUND", (3, 0), (3, 0), colors.HexColor(crisis_colour(level))),
        ("SPAN", (1, -1), (3, -1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]))
    story: list[Flowable] = [
        Paragraph(escape(title), STYLES["title"]),
        Paragraph(escape(incident["title"]), STYLES["subtitle"]),
        Paragraph(escape(f"{words(lang, 'as_of', t=full_time(lang, snapshot['as_of']))}"
                         f" · {words(lang, 'org')}"), STYLES["dateline"]), info]
    if header.get("out_of_order"):
        # Issued out of time order or after the stand-down: the page says so, and why.
        kinds = ", ".join(words(lang, f"out_{kind}") for kind in header.get("out_of_order", []))
        story.append(Paragraph(escape(words(lang, "out_of_order", kinds=kinds,
                                            reason=header.get("reason", ""))),
                               STYLES["cell_warn"]))
    return [*story, Spacer(1, 8), _kpis(snapshot, lang)]


def _alternative_kpi(f: Figures, lang: str) -> tuple[str, str]:
    """Running now, and (in snapshots that carry it) how many used them so far: two numbers,
    each labelled, never one standing for the other."""
    if "alternative_total" not in f:  # a snapshot frozen before the figure existed
        return str(f["alternative_active"]), words(lang, "kpi_alt")
    return (f"{f['alternative_active']}",
            words(lang, "kpi_alt_now", total=f["alternative_total"]))


def _kpis(snapshot: Snapshot, lang: str) -> Table:
    f = snapshot["figures"]
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    cells = [(f"{f['restored']} / {f['affected']}", paren(lang, words(lang, "kpi_restored"), rate)),
             (str(f["affected"] - f["restored"]), words(lang, "kpi_down")),
             (str(f["citizen_down"]), words(lang, "kpi_citizen_down")),
             _alternative_kpi(f, lang)]
    row = [[Paragraph(escape(value), STYLES["kpi_value"]),
            Paragraph(escape(text), STYLES["kpi_label"])] for value, text in cells]
    result = Table([row], colWidths=[FRAME_WIDTH / 4] * 4)
    result.setStyle(TS([BASE_FONT, ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                        ("LINEAFTER", (0, 0), (-2, -1), 0.35, RULE),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8fb")),
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return result


def overview_lines(snapshot: Snapshot, lang: str) -> list[str]:
    """개조식 lines of what was known at the moment, from the snapshot's figures only."""
    incident, f = snapshot["incident"], snapshot["figures"]
    lines = [words(lang, "ov_event", t=short_time(lang, incident["started_at"]),
                   where=incident["location"] or "-",
                   cause=label("cause", incident["cause"], lang))]
    internal = f["affected"] - f["citizen_affected"]
    lines.append(words(lang, "ov_damage", n=f["affected"], d=f["departments"],
                       c=f["citizen_affected"], i=internal))
    if happened(snapshot, incident["activated_at"]):
        lines.append(words(lang, "ov_activated", t=short_time(lang, incident["activated_at"])))
    if snapshot.get("crisis_since"):
        lines.append(words(lang, "ov_crisis", level=crisis_text(snapshot, lang)))
    rate = percent(100 * f["restored"] / f["affected"]) if f["affected"] else "-"
    lines.append(words(lang, "ov_now", t=short_time(lang, snapshot["as_of"]), m=f["affected"],
                       n=f["restored"], p=rate, r=f["alternative_active"]))
    if incident.get("closed_at"):
        lines.append(words(lang, "ov_closed", t=short_time(lang, incident["closed_at"])))
    return [f"○ {line}" for line in lines]


def overview(snapshot: Snapshot, lang: str) -> list[Flowable]:
    incident = snapshot["incident"]
    cause = paren(lang, label("cause", incident["cause"], lang),
                  label("area", incident["area"], lang))
    summary = "<br/>".join(escape(line) for line in overview_lines(snapshot, lang))
    rows: list[tuple[str, Paragraph]] = [
        (words(lang, "what"), Paragraph(escape(incident["title"]), STYLES["cell"])),
        (words(lang, "when"), Paragraph(escape(full_time(lang, incident["started_at"])),
                                        STYLES["cell"])),
        (words(lang, "where"), Paragraph(escape(incident["location"] or "-"), STYLES["cell"])),
        (words(lang, "cause"), Paragraph(escape(cause), STYLES["cell"])),
        (words(lang, "summary"), Paragraph(summary, STYLES["cell"])),
    ]
    body = [[Paragraph(escape(k), STYLES["cell_h"]), v] for k, v in rows]
    result = Table(body, colWidths=[0.17 * FRAME_WIDTH, 0.83 * FRAME_WIDTH], splitInRow=1)
    result.setStyle(TS([BASE_FONT, ("GRID", (0, 0), (-1, -1), 0.35, RULE),
                        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    result.hAlign = "LEFT"
    return [*heading(words(lang, "s1"), "h1"), result]
