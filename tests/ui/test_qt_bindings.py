"""The Qt bindings must not leak references to None, True or False.

PySide6 6.12 on Python 3.11 loses one reference to None on every call that returns nothing;
when the count reaches zero the interpreter aborts (``none_dealloc``). A wall-screen board
refreshing for hours would die. This test fails on such a build long before that.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    flag = Signal(bool)


def test_calls_and_signals_keep_singleton_refcounts(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    received = [0]
    emitter.flag.connect(lambda _value: received.__setitem__(0, received[0] + 1))
    before = {name: sys.getrefcount(value) for name, value in
              (("None", None), ("True", True), ("False", False))}
    for _ in range(2000):
        label.setText("상황판")
        emitter.flag.emit(True)
    after = {name: sys.getrefcount(value) for name, value in
             (("None", None), ("True", True), ("False", False))}
    assert received[0] == 2000
    for name in before:
        # Other threads may hold a few references for a moment; a leak loses thousands.
        assert abs(after[name] - before[name]) < 500, f"{name} refcount drifted"
