"""Every user action declared once: text, icon, shortcut, menu (Picard's action registry).

Menus and the toolbar are built from this table, so a shortcut or a label is changed in one
place and every menu agrees. Handlers are connected by the main window.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from console.locate import resource
from console.ui.formatting import QT_TRANSLATE_NOOP


class ActionId(Enum):
    VIEW_BOARD = "board"
    VIEW_SYSTEMS = "systems"
    VIEW_OUTAGES = "outages"
    VIEW_TASKS = "tasks"
    VIEW_DECISIONS = "decisions"
    VIEW_LOG = "log"
    VIEW_REPORTS = "reports"
    VIEW_SYNC = "sync"
    VIEW_TIMELINE = "timeline"
    VIEW_NOTICES = "notices"
    REFRESH = "refresh"
    WALL_MODE = "wall_mode"
    SEARCH = "search"
    NEW_ITEM = "new_item"
    CHANGE_STATUS = "change_status"
    FACILITY_DOWN = "facility_down"
    NEW_INCIDENT = "new_incident"
    CHANGE_CRISIS_LEVEL = "change_crisis_level"
    BACKUP = "backup"
    NEW_DRILL = "new_drill"
    ACTIVATE_TASK_FORCE = "activate_task_force"
    STAND_DOWN = "stand_down"
    REPORT_SCHEDULE = "report_schedule"
    IMPORT_SYSTEMS = "import_systems"
    EXPORT_SYSTEMS = "export_systems"
    SYNC_NOW = "sync_now"
    LOCK = "lock"
    SWITCH_USER = "switch_user"
    IDLE_LOCK = "idle_lock"
    AUTO_SYNC = "auto_sync"
    FALLBACK_PACK = "fallback_pack"
    LANG_KO = "lang_ko"
    LANG_EN = "lang_en"
    EXTERNAL_CONTACTS = "external_contacts"
    RECORD_LESSON = "record_lesson"
    QUIT = "quit"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    """English source text; translated in context 'Actions'."""
    menu: str
    icon: str = ""
    shortcut: str | QKeySequence.StandardKey = ""
    toolbar: bool = False
    checkable: bool = False
    tip: str = ""


# Menu names and action texts are translated in context 'Actions'. lupdate only sees
# QT_TRANSLATE_NOOP spelt out in full, hence the long lines' shape below.
MENUS = [
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("act", QT_TRANSLATE_NOOP("Actions", "&Actions")),
    ("settings", QT_TRANSLATE_NOOP("Actions", "&Settings")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
]
LANGUAGE_MENU = QT_TRANSLATE_NOOP("Actions", "Language")

VIEWS = [ActionId.VIEW_BOARD, ActionId.VIEW_SYSTEMS, ActionId.VIEW_OUTAGES, ActionId.VIEW_TASKS,
         ActionId.VIEW_DECISIONS, ActionId.VIEW_LOG, ActionId.VIEW_REPORTS, ActionId.VIEW_SYNC,
         ActionId.VIEW_TIMELINE, ActionId.VIEW_NOTICES]

SPECS: dict[ActionId, ActionSpec] = {
    ActionId.VIEW_BOARD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Situation board"), "view", "board", "Ctrl+1"),
    ActionId.VIEW_SYSTEMS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Systems"), "view", "systems", "Ctrl+2"),
    ActionId.VIEW_OUTAGES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Outages"), "view", "outages", "Ctrl+3"),
    ActionId.VIEW_TASKS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Tasks"), "view", "tasks", "Ctrl+4"),
    ActionId.VIEW_DECISIONS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Decisions"), "view", "decisions", "Ctrl+5"),
    ActionId.VIEW_LOG: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Activity log"), "view", "log", "Ctrl+6"),
    ActionId.VIEW_REPORTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Situation reports"), "view", "reports", "Ctrl+7"),
    ActionId.VIEW_SYNC: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Sync"), "view", "sync", "Ctrl+8"),
    ActionId.VIEW_TIMELINE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Timeline"), "view", "log", "Ctrl+9"),
    ActionId.VIEW_NOTICES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Public notices"), "view", "log", "Ctrl+0"),
    ActionId.REFRESH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Refresh"), "view", "refresh", "F5", toolbar=True),
    ActionId.WALL_MODE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Wall mode"), "view", "wall", "F11", toolbar=True,
        checkable=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Full-screen situation board in large type")),
    ActionId.SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Search"), "view", "search", "Ctrl+F"),
    ActionId.NEW_ITEM: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New…"), "act", "new", "Ctrl+N", toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Add a record to the current view")),
    ActionId.CHANGE_STATUS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Change status…"), "act", "status", "Ctrl+E",
        toolbar=True),
    ActionId.FACILITY_DOWN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Facility down…"), "act", "facility", "Ctrl+Shift+D",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Open outages for every system a facility takes down")),
    ActionId.NEW_INCIDENT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New incident…"), "act", "new", "Ctrl+Shift+N",
        tip=QT_TRANSLATE_NOOP("Actions", "Open a new incident (the command)")),
    ActionId.CHANGE_CRISIS_LEVEL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Change crisis level…"), "act", "status", "Ctrl+Shift+K",
        tip=QT_TRANSLATE_NOOP("Actions", "Raise or lower the crisis alert level, with a reason")),
    ActionId.ACTIVATE_TASK_FORCE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Activate task force…"), "act", "status",
        tip=QT_TRANSLATE_NOOP("Actions", "Record when the task force started: the first "
                                         "report falls due 30 minutes later")),
    ActionId.REPORT_SCHEDULE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Report schedule…"), "act", "status",
        tip=QT_TRANSLATE_NOOP("Actions", "When situation reports fall due after the first")),
    ActionId.STAND_DOWN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Stand task force down…"), "act", "status",
        tip=QT_TRANSLATE_NOOP("Actions", "Close the incident, with the reason")),
    ActionId.RECORD_LESSON: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Record a lesson…"), "act", "new",
        tip=QT_TRANSLATE_NOOP("Actions", "A lesson or prevention measure for the final "
                                         "report (also after the stand-down)")),
    ActionId.BACKUP: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Backup…"), "file", "export",
        tip=QT_TRANSLATE_NOOP("Actions", "A verified copy of this database")),
    ActionId.NEW_DRILL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New drill…"), "file", "new",
        tip=QT_TRANSLATE_NOOP("Actions", "An exercise database from a drill scenario, opened "
                                         "in a window of its own")),
    ActionId.IMPORT_SYSTEMS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import systems…"), "file", "import", "Ctrl+I"),
    ActionId.EXPORT_SYSTEMS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export systems…"), "file", "export", "Ctrl+Shift+E"),
    ActionId.SYNC_NOW: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Sync with the hub now"), "file", "sync", "Ctrl+Shift+S",
        tip=QT_TRANSLATE_NOOP("Actions", "Push and pull changes with the configured hub")),
    ActionId.LOCK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Lock"), "file", "lock", "Ctrl+L", toolbar=True),
    ActionId.SWITCH_USER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Switch user…"), "file", "lock",
        tip=QT_TRANSLATE_NOOP("Actions", "Log in as the next shift's user without restarting")),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Quit"), "file", "quit", QKeySequence.StandardKey.Quit),
    ActionId.IDLE_LOCK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Lock after idle time…"), "settings", "lock"),
    ActionId.AUTO_SYNC: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Automatic hub sync…"), "settings", "sync"),
    ActionId.FALLBACK_PACK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Paper fallback pack…"), "settings", "reports"),
    ActionId.EXTERNAL_CONTACTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "External contacts…"), "settings", "reports",
        tip=QT_TRANSLATE_NOOP("Actions", "National centre liaison, ministry, operators, "
                                         "vendors and districts: printed on the roster")),
    ActionId.LANG_KO: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Korean"), "settings", "language", checkable=True),
    ActionId.LANG_EN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "English"), "settings", "language", checkable=True),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "About"), "help", "about"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


class ActionRegistry:
    def __init__(self, parent: QObject) -> None:
        self.actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(icon(spec.icon) if spec.icon else QIcon(), translate(spec.text),
                             parent)
            action.setObjectName(f"action_{action_id.value}")
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setCheckable(spec.checkable)
            if spec.tip:
                action.setToolTip(translate(spec.tip))
                action.setStatusTip(translate(spec.tip))
            self.actions[action_id] = action
        self.language_group = QActionGroup(parent)
        for action_id in (ActionId.LANG_KO, ActionId.LANG_EN):
            self.language_group.addAction(self.actions[action_id])

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self.actions[action_id]

    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        menus = {key: bar.addMenu(translate(title)) for key, title in MENUS}
        for key, menu in menus.items():
            menu.setObjectName(f"menu_{key}")
        language: QMenu | None = None
        for action_id, spec in SPECS.items():
            if action_id in (ActionId.LANG_KO, ActionId.LANG_EN):
                if language is None:
                    language = menus[spec.menu].addMenu(icon("language"),
                                                        translate(LANGUAGE_MENU))
                language.addAction(self.actions[action_id])
                continue
            if action_id in (ActionId.REFRESH, ActionId.LOCK, ActionId.QUIT,
                             ActionId.NEW_INCIDENT, ActionId.SYNC_NOW):
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(self.actions[action_id])
        return menus

    def build_toolbar(self, toolbar: QToolBar) -> None:
        for action_id, spec in SPECS.items():
            if spec.toolbar:
                if action_id is ActionId.NEW_ITEM:
                    toolbar.addSeparator()
                toolbar.addAction(self.actions[action_id])

