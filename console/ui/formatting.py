"""How stored values read on screen: enum labels, KST times, hours, yes/no."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.domain.clock import format_elapsed, format_hours, format_kst


def label(enum: type[StrEnum], value: Any, lang: str) -> str:
    """The Korean or English label of a stored enum value; the value itself if unknown."""
    if value is None or value == "":
        return ""
    try:
        return enum(value).label(lang)  # type: ignore[attr-defined]
    except ValueError:
        return str(value)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for lupdate in ``context``; translate it later with
    ``QCoreApplication.translate(context, source)``. Qt's own returns ``source`` too, but its
    type stub says ``object``."""
    return source


def when(moment: datetime | None, lang: str) -> str:
    return format_kst(moment, lang) if moment else ""


def hours(value: float | None, lang: str) -> str:
    return "" if value is None else format_hours(float(value), lang)


def elapsed(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    return format_elapsed(timedelta(hours=max(0.0, float(value))), lang)


def yes(value: Any) -> str:
    return "✔" if value else ""


def grade(value: Any) -> str:
    return QCoreApplication.translate("Formatting", "Grade %1").replace("%1", str(value)) \
        if value is not None else ""
