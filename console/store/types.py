"""Column types shared by the models."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from console.domain.clock import from_iso, iso


class UtcTime(TypeDecorator[datetime]):
    """A moment stored as fixed-width UTC ISO text: sorts in SQL, reads the same everywhere."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return iso(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return from_iso(value)
