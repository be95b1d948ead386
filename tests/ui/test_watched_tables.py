"""Every table name the window watches or announces on the change bus is a real table.

A misspelt name fails silently: the board once watched "grade_rule" (the table is
failure_grade_rule), so a grading-rule change arriving by sync never redrew it.
"""

from __future__ import annotations

import pytest

from console.services import watch
from console.store.models import Base
from console.ui import incident_dialogs
from console.ui.board.view import WATCHED_TABLES
from console.ui.main_window import PAGE_CLASSES, page_class
from console.ui.pages.base import TablePage

WILDCARDS = {watch.ANY_TABLE}  # "anything may have changed" (the board listens for it)


def watched_sets() -> dict[str, frozenset[str]]:
    found = {f"watch.{name}": value for name, value in vars(watch).items()
             if isinstance(value, frozenset)}
    found["board WATCHED_TABLES"] = WATCHED_TABLES
    found["incident_dialogs.CHANGED"] = frozenset(incident_dialogs.CHANGED)
    for view in PAGE_CLASSES:
        page = page_class(view)
        if isinstance(page, type) and issubclass(page, TablePage):
            found[f"{view} page INTERESTS"] = page.INTERESTS
    return found


def test_the_sets_are_found() -> None:
    names = watched_sets()
    assert {"watch.SITUATION", "board WATCHED_TABLES", "outages page INTERESTS",
            "systems page INTERESTS", "tasks page INTERESTS", "decisions page INTERESTS",
            "log page INTERESTS"} <= set(names)
    assert all(names.values())


@pytest.mark.parametrize(("where", "tables"), sorted(watched_sets().items()))
def test_every_watched_table_exists(where: str, tables: frozenset[str]) -> None:
    unknown = tables - set(Base.metadata.tables) - WILDCARDS
    assert not unknown, f"{where} names tables that do not exist: {sorted(unknown)}"


def test_a_grading_rule_change_moves_the_board_and_the_outage_list() -> None:
    assert "failure_grade_rule" in WATCHED_TABLES
    assert "failure_grade_rule" in page_class("outages").INTERESTS  # type: ignore[attr-defined]
