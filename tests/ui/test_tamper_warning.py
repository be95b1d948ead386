"""The window warns an administrator at log-in when the last verify found direct edits."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QWidget

from console.ui.tamper_warning import warn_if_tampered


def test_administrator_is_warned_after_verify_found_tampering(qtbot, demo, demo_db,
                                                              make_context) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert demo.maintenance.verify() == []
    assert warn_if_tampered(make_context("admin"), parent) is None
    with sqlite3.connect(demo_db) as raw:
        raw.execute("UPDATE app_user SET role = 'commander' WHERE name = 'observer'")
    raw.close()
    found = demo.maintenance.verify()
    assert any("app_user: rows edited" in line for line in found)
    box = warn_if_tampered(make_context("admin"), parent)
    assert box is not None and "프로그램 밖에서 고친 흔적 1건" in box.text()
    assert "app_user" in box.detailedText()
    english = warn_if_tampered(make_context("admin", "en"), parent)
    assert english is not None and "outside the program" in english.text()
    assert warn_if_tampered(make_context("commander"), parent) is None  # cannot act on it
    box.close()
    english.close()
