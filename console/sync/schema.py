"""Which tables and columns are shared, how their values travel, and which fields merge how."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, cast

from sqlalchemy import Table

from console.domain.clock import iso
from console.store.checks import LOCAL_COLUMNS, shared_tables
from console.store.derived import INCIDENT_CACHES, OUTAGE_CACHES, TASK_CACHES
from console.store.models import Base, Entity, Record
from console.store.types import UtcTime

# Written on every update: concurrent values there are not worth a person's attention.
BOOKKEEPING = frozenset({"created_at", "created_by", "updated_at", "updated_by"})
# Caches of the events, recomputed after every apply by console/store/derived.py. Their later
# updates are not change-logged (every workstation recomputes them); values written at a row's
# creation, or by older versions, travel but never count as conflicts.
DERIVED = {"outage": frozenset(OUTAGE_CACHES), "task": frozenset(TASK_CACHES),
           "incident": frozenset(INCIDENT_CACHES)}
# Fields whose values are never shown (a conflict names who changed them instead) and never
# typed in a resolution: the one to keep is chosen by whose it is (docs/sync.md, rule 11).
SECRET = {"app_user": frozenset({"password_hash"})}
# A whole append-only record travels as one change with this field name.
WHOLE_ROW = "*"

_encode_str = json.encoder.encode_basestring
# Set-based writes repeat the same few moments thousands of times.
_iso = lru_cache(maxsize=4096)(iso)


def encode(value: Any) -> str:
    """Canonical JSON of a stored value; fast paths because capture runs on every write."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _encode_str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class ColumnInfo:
    key: str
    name: str
    to_db: Callable[[Any], Any] | None
    parent: str | None
    """The table a foreign key on this column points at."""
    python_type: type | None


@dataclass(frozen=True)
class TableInfo:
    name: str
    is_record: bool
    columns: tuple[ColumnInfo, ...]
    local_columns: tuple[str, ...]

    @property
    def self_referencing(self) -> bool:
        return any(c.parent == self.name for c in self.columns)

    def column(self, name: str) -> ColumnInfo | None:
        return next((c for c in self.columns if c.name == name), None)


@cache
def tables() -> dict[str, TableInfo]:
    """Shared tables in foreign-key order (parents first)."""
    shared = set(shared_tables())
    classes = {cast(Table, m.local_table).name: m.class_ for m in Base.registry.mappers}
    result: dict[str, TableInfo] = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in shared or table.name not in classes:
            continue
        cls = classes[table.name]
        if not (issubclass(cls, Entity) or issubclass(cls, Record)):
            continue
        local = LOCAL_COLUMNS.get(table.name, frozenset())
        columns = []
        for column in table.columns:
            if column.name == "id" or column.name in local:
                continue
            parents = [fk.column.table.name for fk in column.foreign_keys]
            to_db = _iso if isinstance(column.type, UtcTime) else None
            try:
                python_type = column.type.python_type
            except NotImplementedError:
                python_type = None
            columns.append(ColumnInfo(column.key, column.name, to_db,
                                      parents[0] if parents else None, python_type))
        result[table.name] = TableInfo(table.name, issubclass(cls, Record), tuple(columns),
                                       tuple(sorted(local)))
    return result


def is_secret(table: str, field: str) -> bool:
    return field in SECRET.get(table, frozenset())


def conflict_exempt(table: str, field: str) -> bool:
    return field in BOOKKEEPING or field in DERIVED.get(table, frozenset())
