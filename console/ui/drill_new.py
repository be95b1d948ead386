"""File ▸ New drill…: make an exercise database from a shipped scenario and open it in a window
of its own (the drill never mixes with the database this window shows)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from console.domain.drill_clock import format_duration
from console.services.drills import load_named, scenario_names
from console.ui.context import UiContext


def program_arguments(db: Path) -> tuple[str, list[str]]:
    """How to start this program on ``db`` (the frozen build is the program itself)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--db", str(db)]
    return sys.executable, ["-m", "console", "--db", str(db)]


class NewDrillAction(QObject):
    def __init__(self, context: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.made: Path | None = None

    def run(self, scenario: str | None = None, path: Path | None = None,
            open_it: bool = True) -> None:
        if scenario is None:
            names = scenario_names()
            en = self.context.lang == "en"
            labels = []
            for name in names:
                loaded, _ = load_named(name)
                title = loaded.title_en if en else loaded.title
                labels.append(f"{name} — {title} ({format_duration(loaded.length)})")
            chosen, ok = QInputDialog.getItem(self.window, self.tr("New drill"),
                                              self.tr("Scenario:"), labels, 0, False)
            if not ok:
                return
            scenario = names[labels.index(chosen)]
        if path is None:
            picked, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("New drill"), f"drill-{scenario}.sqlite",
                self.tr("SQLite database (*.sqlite)"))
            if not picked:
                return
            path = Path(picked)
        name, target = scenario, path
        self.context.read(lambda: _new_drill(target, name),
                          lambda _scenario: self._made(target, open_it))

    def _made(self, path: Path, open_it: bool) -> None:
        self.made = path
        if open_it:
            program, arguments = program_arguments(path)
            QProcess.startDetached(program, arguments)
        self.context.messages.info(
            self.tr("New drill"),
            self.tr("The drill database %1 is made; it opens in a window of its own. Log in as "
                    "controller (password: demo) to run it.").replace("%1", str(path)))


def _new_drill(target: Path, scenario: str) -> object:
    """Build the drill database (on the runner thread). Its module builds through the demo and
    report machinery: imported with the first drill, not with the window."""
    from console.services.drill_files import new_drill

    return new_drill(target, scenario)
