"""Drill scenarios (훈련 시나리오, a master scenario events list) as data files: timed injects,
each with who receives it, its text, optional effects and the expected response with its
deadline. A bad file is refused with one line naming the file, the line and the field.

The file format (JSON; resources/scenarios/*.json, docs/drills.md):

    {"name": "flood", "title": "...", "title_en": "...", "start": null | ISO time,
     "incident": {"title", "area", "cause", "location", "level"},
     "injects": [{"at": "5m", "team": "systems", "text": "...", "text_en": "...",
                  "effects": {"systems_down": [CODE], "facility_down": NAME,
                              "systems_status": {"status": S, "systems": [CODE]},
                              "call": {"team": T, "text": "..."}},
                  "expect": {"kind": K, "team": T, "within": "10m",
                             "system": CODE, "status": S, "text": "..."}}]}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from console.domain.clock import parse_time
from console.domain.drill_clock import parse_duration
from console.domain.enums import Cause, CrisisLevel, DisasterArea, OutageStatus, Team
from console.domain.errors import ConsoleError, ValidationError
from console.domain.messages import Message


class ResponseKind(StrEnum):
    """What the trainees are expected to record in answer to an inject."""

    LOG = "log"              # an activity-log entry by the team
    TASK = "task"            # a task for the team
    NOTICE = "notice"        # a public notice drafted
    ACTIVATE = "activate"    # the task force activated
    REPORT = "report"        # a situation report issued
    OUTAGE_STATUS = "outage_status"  # a system reaches a status (workaround …)
    CLOSE = "close"          # stand-down


@dataclass(frozen=True)
class Expected:
    kind: ResponseKind
    within: timedelta
    team: Team | None = None
    system: str | None = None
    status: OutageStatus | None = None
    text: str = ""


@dataclass(frozen=True)
class Effects:
    systems_down: tuple[str, ...] = ()
    facility_down: str | None = None
    status_systems: tuple[str, ...] = ()
    status: OutageStatus | None = None
    call: tuple[Team, str] | None = None


@dataclass(frozen=True)
class Inject:
    number: int
    at: timedelta
    team: Team
    text: str
    text_en: str = ""
    effects: Effects = field(default_factory=Effects)
    expect: Expected | None = None


@dataclass(frozen=True)
class ScenarioIncident:
    title: str
    area: DisasterArea
    cause: Cause
    location: str
    level: CrisisLevel


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    title_en: str
    start: datetime | None
    incident: ScenarioIncident
    injects: tuple[Inject, ...]

    @property
    def length(self) -> timedelta:
        return self.injects[-1].at if self.injects else timedelta(0)


class _Reader:
    """Checks one file's fields, naming the line each one is on."""

    def __init__(self, file: str, text: str) -> None:
        self.file, self.text = file, text
        self.inject_lines: list[int] = []

    def fail(self, where: str, problem: Message, line: int) -> ConsoleError:
        return ValidationError("scenario.at", file=self.file, line=line, field=where,
                               problem=problem)

    def line_of(self, key: str, start_line: int = 1) -> int:
        """The first line at or after ``start_line`` holding ``"key"`` (else ``start_line``)."""
        lines = self.text.splitlines()
        for number in range(max(start_line, 1), len(lines) + 1):
            if f'"{key}"' in lines[number - 1]:
                return number
        return start_line

    def get(self, data: dict[str, Any], key: str, where: str, kind: type, line: int,
            required: bool = True) -> Any:
        if key not in data or data[key] is None:
            if required:
                raise self.fail(where, Message("scenario.missing"), line)
            return None
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = {str: ("글자", "text"), dict: ("객체", "an object"), list: ("목록", "a list"),
                     int: ("정수", "a whole number")}
            ko, en = names.get(kind, (kind.__name__, kind.__name__))
            raise self.fail(where, Message("scenario.not_a", kind=f"{ko}/{en}"),
                            self.line_of(key, line))
        return value

    def enum(self, enum: type[StrEnum], value: str, where: str, line: int) -> Any:
        try:
            return enum(value)
        except ValueError:
            raise self.fail(where, Message("scenario.unknown", value=value,
                                           allowed=", ".join(m.value for m in enum)),
                            line) from None

    def duration(self, value: str, where: str, line: int) -> timedelta:
        try:
            return parse_duration(value)
        except ConsoleError as error:
            raise self.fail(where, error.message, line) from None


def _element_lines(text: str, key: str) -> list[int]:
    """The line each element of the top-level array ``key`` starts on (for error lines)."""
    decoder = json.JSONDecoder()
    at = text.find(f'"{key}"')
    if at < 0:
        return []
    at = text.find("[", at) + 1
    lines: list[int] = []
    while 0 < at < len(text):
        while at < len(text) and text[at] in " \t\r\n,":
            at += 1
        if at >= len(text) or text[at] == "]":
            break
        lines.append(text.count("\n", 0, at) + 1)
        try:
            _, at = decoder.raw_decode(text, at)
        except ValueError:
            break
    return lines


def parse_scenario(text: str, file: str) -> Scenario:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError("scenario.at", file=file, line=error.lineno, field="-",
                              problem=Message("scenario.bad_json", error=error.msg)) from None
    reader = _Reader(file, text)
    if not isinstance(data, dict):
        raise reader.fail("-", Message("scenario.not_a", kind="객체/an object"), 1)
    name = reader.get(data, "name", "name", str, 1)
    title = reader.get(data, "title", "title", str, 1)
    start_text = reader.get(data, "start", "start", str, 1, required=False)
    try:
        start = parse_time(start_text) if start_text else None
    except (ValueError, ConsoleError):
        raise reader.fail("start", Message("scenario.not_a", kind="ISO 시각/an ISO time"),
                          reader.line_of("start")) from None
    incident_line = reader.line_of("incident")
    raw = reader.get(data, "incident", "incident", dict, 1)
    incident = ScenarioIncident(
        title=reader.get(raw, "title", "incident.title", str, incident_line),
        area=reader.enum(DisasterArea, reader.get(raw, "area", "incident.area", str,
                                                  incident_line), "incident.area",
                         reader.line_of("area", incident_line)),
        cause=reader.enum(Cause, reader.get(raw, "cause", "incident.cause", str, incident_line),
                          "incident.cause", reader.line_of("cause", incident_line)),
        location=reader.get(raw, "location", "incident.location", str, incident_line,
                            required=False) or "",
        level=reader.enum(CrisisLevel, raw.get("level") or "interest", "incident.level",
                          reader.line_of("level", incident_line)))
    items = reader.get(data, "injects", "injects", list, 1)
    lines = _element_lines(text, "injects")
    injects: list[Inject] = []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else 1
        injects.append(_inject(reader, item, index, line))
        if index and injects[-1].at < injects[-2].at:
            raise reader.fail(f"injects[{index}].at", Message("scenario.order"),
                              reader.line_of("at", line))
    return Scenario(name=name, title=title, title_en=data.get("title_en") or title, start=start,
                    incident=incident, injects=tuple(injects))


def _inject(reader: _Reader, item: Any, index: int, line: int) -> Inject:
    where = f"injects[{index}]"
    if not isinstance(item, dict):
        raise reader.fail(where, Message("scenario.not_a", kind="객체/an object"), line)

    def at_line(key: str) -> int:
        return reader.line_of(key, line)

    at = reader.duration(reader.get(item, "at", f"{where}.at", str, line), f"{where}.at",
                         at_line("at"))
    team = reader.enum(Team, reader.get(item, "team", f"{where}.team", str, line),
                       f"{where}.team", at_line("team"))
    text = reader.get(item, "text", f"{where}.text", str, line)
    effects = Effects()
    raw_effects = reader.get(item, "effects", f"{where}.effects", dict, line, required=False)
    if raw_effects:
        e_where = f"{where}.effects"
        down = reader.get(raw_effects, "systems_down", f"{e_where}.systems_down", list, line,
                          required=False) or []
        facility = reader.get(raw_effects, "facility_down", f"{e_where}.facility_down", str,
                              line, required=False)
        status_part = reader.get(raw_effects, "systems_status", f"{e_where}.systems_status",
                                 dict, line, required=False)
        status, status_systems = None, []
        if status_part:
            status = reader.enum(OutageStatus, reader.get(
                status_part, "status", f"{e_where}.systems_status.status", str, line),
                f"{e_where}.systems_status.status", at_line("status"))
            status_systems = reader.get(status_part, "systems",
                                        f"{e_where}.systems_status.systems", list, line)
        call_part = reader.get(raw_effects, "call", f"{e_where}.call", dict, line,
                               required=False)
        call = None
        if call_part:
            call = (reader.enum(Team, reader.get(call_part, "team", f"{e_where}.call.team", str,
                                                 line), f"{e_where}.call.team", at_line("team")),
                    reader.get(call_part, "text", f"{e_where}.call.text", str, line))
        effects = Effects(tuple(str(c) for c in down), facility,
                          tuple(str(c) for c in status_systems), status, call)
    expect = None
    raw_expect = reader.get(item, "expect", f"{where}.expect", dict, line, required=False)
    if raw_expect:
        x_where = f"{where}.expect"
        kind = reader.enum(ResponseKind, reader.get(raw_expect, "kind", f"{x_where}.kind", str,
                                                    line), f"{x_where}.kind", at_line("kind"))
        within = reader.duration(reader.get(raw_expect, "within", f"{x_where}.within", str,
                                            line), f"{x_where}.within", at_line("within"))
        team_text = reader.get(raw_expect, "team", f"{x_where}.team", str, line, required=False)
        status_text = reader.get(raw_expect, "status", f"{x_where}.status", str, line,
                                 required=False)
        expect = Expected(
            kind=kind, within=within,
            team=reader.enum(Team, team_text, f"{x_where}.team", at_line("team"))
            if team_text else None,
            system=reader.get(raw_expect, "system", f"{x_where}.system", str, line,
                              required=False),
            status=reader.enum(OutageStatus, status_text, f"{x_where}.status",
                               at_line("status")) if status_text else None,
            text=reader.get(raw_expect, "text", f"{x_where}.text", str, line,
                            required=False) or "")
    return Inject(number=index + 1, at=at, team=team, text=text,
                  text_en=item.get("text_en") or "", effects=effects, expect=expect)
