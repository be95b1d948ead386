"""The failure-grade rule (장애등급): a configurable table with documented defaults.

The city's own manual is not public, so the rule is data. Inputs are the system's importance
grade (1 = most important), its category, the outage's scope and how long it has lasted; the
output is a failure grade 1–4 (1 = most severe). Each table row says: from ``min_hours`` of
duration on, this combination is graded ``failure_grade``. The row with the largest
``min_hours`` not above the duration applies.

Defaults (see docs/grading.md): start from the importance grade; a citizen-facing system is one
grade more severe; a partial outage one grade less severe; after 24 hours one grade more severe
and after 72 hours one more; clamped to 1–4.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.enums import Category, Scope
from console.domain.errors import ValidationError

DEFAULT_THRESHOLDS_HOURS = (0.0, 24.0, 72.0)


@dataclass(frozen=True)
class GradeRule:
    importance_grade: int
    category: Category
    scope: Scope
    min_hours: float
    failure_grade: int


def default_rules() -> list[GradeRule]:
    rules = []
    for importance in range(1, 5):
        for category in Category:
            for scope in Scope:
                for step, threshold in enumerate(DEFAULT_THRESHOLDS_HOURS):
                    grade = importance
                    grade -= 1 if category is Category.CITIZEN else 0
                    grade += 1 if scope is Scope.PARTIAL else 0
                    grade -= step
                    rules.append(
                        GradeRule(importance, category, scope, threshold, min(4, max(1, grade)))
                    )
    return rules


def failure_grade(
    rules: Iterable[GradeRule],
    importance_grade: int,
    category: Category,
    scope: Scope,
    hours: float,
) -> int:
    """The grade of an outage that has lasted ``hours``; the importance grade when no row fits."""
    if isinstance(rules, GradeTable):
        return rules.grade(importance_grade, category, scope, hours)
    best: GradeRule | None = None
    for rule in rules:
        if (rule.importance_grade, rule.category, rule.scope) != (importance_grade, category, scope):
            continue
        if rule.min_hours <= hours and (best is None or rule.min_hours > best.min_hours):
            best = rule
    return best.failure_grade if best else importance_grade


class GradeTable(list[GradeRule]):
    """The rules indexed by (importance, category, scope): a board grades thousands of outages
    on every refresh, and scanning all 48 rows for each one showed in its load time."""

    def __init__(self, rules: Iterable[GradeRule]) -> None:
        super().__init__(rules)
        self._steps: dict[tuple[int, Category, Scope], list[GradeRule]] = {}
        for rule in sorted(self, key=lambda r: r.min_hours):
            self._steps.setdefault((rule.importance_grade, rule.category, rule.scope),
                                   []).append(rule)

    def grade(self, importance: int, category: Category, scope: Scope, hours: float) -> int:
        best = importance
        for rule in self._steps.get((importance, category, scope), ()):
            if rule.min_hours > hours:
                break
            best = rule.failure_grade
        return best


def effective_grade(computed: int, override: int | None, reason: str) -> int:
    """An override stands only with a reason: the grade drives who is called in at night."""
    if override is None:
        return computed
    check_override(override, reason)
    return override


def check_override(override: int, reason: str) -> None:
    if not 1 <= override <= 4:
        raise ValidationError("grade.out_of_range", grade=override)
    if not reason.strip():
        raise ValidationError("grade.override_needs_reason")
