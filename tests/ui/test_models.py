"""Every table model passes Qt's model tester, keeps few rows in memory, and sorts in SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.ui.main_window import MainWindow
from tests.ui.conftest import settle

TABLE_VIEWS = ["systems", "outages", "tasks", "decisions", "log"]


@pytest.mark.parametrize("view", TABLE_VIEWS)
def test_model_tester(make_window, qtmodeltester, view: str) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("controller", "ko", view)
    model = window.pages[view].model
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)  # and Qt's own C++ tester


def test_sorting_and_paging(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("controller", "en", "systems")
    model = window.pages["systems"].model
    assert model.rowCount() == 429
    grade = [c.key for c in model.columns].index("grade")
    model.sort(grade, Qt.SortOrder.DescendingOrder)
    settle(window)
    first = model.data(model.index(0, grade))
    last = model.data(model.index(model.rowCount() - 1, grade))
    assert (first, last) == ("Grade 4", "Grade 1")
    # Reading every row keeps only a bounded number of pages.
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    assert len(model._pages) <= model.MAX_PAGES
    assert model.page_reads >= model.rowCount() // model.PAGE


def test_stale_loads_are_dropped(make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window("controller", "en", "outages")
    page = window.pages["outages"]
    page.choose("category", "citizen")
    page.choose("category", "internal")
    settle(window)
    assert page.model.rowCount() == 26
