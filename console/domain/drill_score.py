"""Scoring a drill (훈련 채점): every deadline met, late or missed, and the deductions of a
scoring table (resources/drills/scoring.json holds the documented defaults, after Seoul's
practice of deducting points for a late or missing acknowledgement, report or text).

The deadlines themselves are found in the drill's records by services/drill_score.py; the
first report's and the first text's deadlines come from domain/cadence.py, the rule the board
shows, so the score and the board never disagree about when something was due.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from console.domain.clock import iso
from console.domain.drill_clock import parse_duration
from console.domain.errors import ConsoleError, ValidationError
from console.domain.messages import Message

KINDS = ("acknowledgement", "activation", "first_report", "first_text", "scheduled_report",
         "inject")
KIND_LABELS = {
    "acknowledgement": ("상황 접수", "acknowledgement"),
    "activation": ("대책본부 가동", "task force activation"),
    "first_report": ("상황보고 제1보", "first situation report"),
    "first_text": ("첫 재난문자", "first emergency text"),
    "scheduled_report": ("정기 상황보고", "scheduled situation report"),
    "inject": ("상황부여 대응", "response to an inject"),
}


class Outcome(StrEnum):
    MET = "met"
    LATE = "late"
    MISSED = "missed"
    PENDING = "pending"
    """Not due yet, and not answered yet: no points either way."""

    def label(self, lang: str = "ko") -> str:
        words = {"met": ("준수", "met"), "late": ("지연", "late"), "missed": ("미이행", "missed"),
                 "pending": ("대기", "pending")}[self.value]
        return words[lang == "en"]


@dataclass(frozen=True)
class Deadline:
    kind: str
    what: str
    """What was due, in Korean (the scenario's words or the kind's label)."""
    what_en: str
    due: datetime
    met_at: datetime | None
    now: datetime

    @property
    def outcome(self) -> Outcome:
        if self.met_at is not None:
            return Outcome.MET if self.met_at <= self.due else Outcome.LATE
        return Outcome.MISSED if self.now > self.due else Outcome.PENDING

    @property
    def late_by(self) -> timedelta | None:
        """How late it was met, or how long it has been overdue (None when on time)."""
        if self.outcome is Outcome.LATE and self.met_at is not None:
            return self.met_at - self.due
        if self.outcome is Outcome.MISSED:
            return self.now - self.due
        return None

    def label(self, lang: str = "ko") -> str:
        return self.what_en if lang == "en" and self.what_en else self.what


@dataclass(frozen=True)
class Deduction:
    deadline: Deadline
    points: float

    def reason(self, lang: str = "ko") -> str:
        outcome = self.deadline.outcome
        late = self.deadline.late_by
        minutes = int(late.total_seconds() // 60) if late else 0
        kind = KIND_LABELS[self.deadline.kind][lang == "en"]
        if lang == "en":
            how = f"{minutes} min late" if outcome is Outcome.LATE else f"missed ({minutes} min overdue)"
        else:
            how = f"{minutes}분 지연" if outcome is Outcome.LATE else f"미이행({minutes}분 경과)"
        return f"{kind}: {self.deadline.label(lang)} — {how}"


@dataclass(frozen=True)
class JudgementKind:
    """A deduction a person judges (a wrong summary, a typo), not a deadline: its points are
    the table's, its cases the exercise controller's."""

    label: str
    label_en: str
    points: float


@dataclass(frozen=True)
class Judgement:
    """One judgement deduction the controller recorded (services/drill_score.py)."""

    kind: str
    label: str
    label_en: str
    points: float
    note: str
    about: str | None
    """The record it is about (a report's, a notice's, a log entry's id), if any."""
    at: datetime

    def reason(self, lang: str = "ko") -> str:
        what = self.label_en if lang == "en" else self.label
        return f"{what}: {self.note}"


@dataclass(frozen=True)
class ScoringTable:
    start: float
    acknowledgement_within: timedelta
    activation_within: timedelta
    deductions: dict[str, dict[str, float]]
    judgements: dict[str, JudgementKind] = field(default_factory=dict)
    """Optional in a table file: a table without them uses the defaults' (the service)."""

    @classmethod
    def parse(cls, text: str, file: str) -> ScoringTable:
        def bad(field: str, problem: Message) -> ConsoleError:
            return ValidationError("scoring.bad_table", file=file, field=field, problem=problem)

        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise bad(f"line {error.lineno}", Message("scenario.bad_json", error=error.msg)
                      ) from None
        if not isinstance(data, dict):
            raise bad("-", Message("scenario.not_a", kind="객체/an object"))
        try:
            start = float(data["start"])
        except (KeyError, TypeError, ValueError):
            raise bad("start", Message("scenario.not_a", kind="숫자/a number")) from None
        spans = {}
        for key in ("acknowledgement_within", "activation_within"):
            try:
                spans[key] = parse_duration(str(data[key]))
            except KeyError:
                raise bad(key, Message("scenario.missing")) from None
            except ConsoleError as error:
                raise bad(key, error.message) from None
        table: dict[str, dict[str, float]] = {}
        raw = data.get("deductions")
        if not isinstance(raw, dict):
            raise bad("deductions", Message("scenario.not_a", kind="객체/an object"))
        for kind in KINDS:
            entry = raw.get(kind)
            if not isinstance(entry, dict):
                raise bad(f"deductions.{kind}", Message("scenario.missing"))
            for outcome in ("late", "missed"):
                value = entry.get(outcome)
                if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                    raise bad(f"deductions.{kind}.{outcome}",
                              Message("scenario.not_a", kind="0 이상의 숫자/a number ≥ 0"))
            table[kind] = {"late": float(entry["late"]), "missed": float(entry["missed"])}
        return cls(start, spans["acknowledgement_within"], spans["activation_within"], table,
                   _judgement_kinds(data.get("judgements", {}), bad))


def _judgement_kinds(raw: Any, bad: Any) -> dict[str, JudgementKind]:
    if not isinstance(raw, dict):
        raise bad("judgements", Message("scenario.not_a", kind="객체/an object"))
    kinds = {}
    for kind, entry in raw.items():
        where = f"judgements.{kind}"
        if not isinstance(entry, dict):
            raise bad(where, Message("scenario.not_a", kind="객체/an object"))
        label, label_en, points = entry.get("label"), entry.get("label_en"), entry.get("points")
        if not isinstance(label, str) or not label.strip():
            raise bad(f"{where}.label", Message("scenario.missing"))
        if not isinstance(points, int | float) or isinstance(points, bool) or points < 0:
            raise bad(f"{where}.points", Message("scenario.not_a", kind="0 이상의 숫자/a number ≥ 0"))
        kinds[kind] = JudgementKind(label.strip(), str(label_en or label).strip(), float(points))
    return kinds


@dataclass(frozen=True)
class Score:
    start: float
    deadlines: list[Deadline]
    deductions: list[Deduction]
    judgements: list[Judgement] = field(default_factory=list)

    @property
    def score(self) -> float:
        lost = sum(d.points for d in self.deductions) + sum(j.points for j in self.judgements)
        return max(0.0, self.start - lost)

    @property
    def count(self) -> int:
        """Every deduction, of a deadline or of a judgement."""
        return len(self.deductions) + len(self.judgements)

    def figures(self) -> dict[str, Any]:
        """``drill score --json``: {"score": N, "deductions": [...], "deadlines": [...]}."""
        def minutes(span: timedelta | None) -> float | None:
            return None if span is None else round(span.total_seconds() / 60, 1)

        def deadline(d: Deadline) -> dict[str, Any]:
            return {"kind": d.kind, "what": d.what, "what_en": d.what_en, "due": iso(d.due),
                    "met_at": iso(d.met_at), "outcome": d.outcome.value,
                    "late_minutes": minutes(d.late_by)}

        score = self.score
        return {"score": int(score) if score == int(score) else score,
                "deductions": [{**deadline(x.deadline), "points": x.points,
                                "reason": x.reason("en"), "reason_ko": x.reason("ko")}
                               for x in self.deductions],
                "deadlines": [deadline(d) for d in self.deadlines],
                "judgements": [{"kind": j.kind, "label": j.label, "label_en": j.label_en,
                                "points": j.points, "note": j.note, "about": j.about,
                                "at": iso(j.at)} for j in self.judgements]}


def score(deadlines: list[Deadline], table: ScoringTable,
          judgements: list[Judgement] | None = None) -> Score:
    deductions = []
    for deadline in sorted(deadlines, key=lambda d: d.due):
        outcome = deadline.outcome
        if outcome in (Outcome.LATE, Outcome.MISSED):
            points = table.deductions[deadline.kind][outcome.value]
            if points:
                deductions.append(Deduction(deadline, points))
    return Score(table.start, sorted(deadlines, key=lambda d: d.due), deductions,
                 sorted(judgements or [], key=lambda j: j.at))


@dataclass(frozen=True)
class AfterAction:
    """What the after-action report shows, gathered once (reports/aar.py renders it)."""

    scenario_title: str
    incident_title: str
    started: datetime
    moment: datetime
    elapsed: timedelta
    score: Score
    injects: list[dict[str, Any]]
    responses: list[dict[str, Any]]
    lessons: list[dict[str, Any]]
    curve: list[tuple[datetime, int, int]]
    """(moment, systems down, systems restored) at each inject and at the end."""
