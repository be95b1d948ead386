"""The main window: navigation, pages, menus and toolbar from the action registry, status bar,
wall mode, the session lock, and the work it does by itself (automatic hub sync, the paper
fallback pack). Pages do the work; this only arranges and dispatches."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.domain.errors import PermissionDenied
from console.domain.permissions import Action
from console.ui import settings as opts
from console.ui.about import AboutDialog
from console.ui.actions import SPECS as ACTION_SPECS
from console.ui.actions import VIEWS, ActionId, ActionRegistry, icon, translate
from console.ui.background import BackgroundWork
from console.ui.backup_action import BackupAction
from console.ui.contacts_dialog import ContactsDialog
from console.ui.context import UiContext
from console.ui.drafts import DraftStore
from console.ui.drill_new import NewDrillAction
from console.ui.fallback_dialog import FallbackPackDialog
from console.ui.incident_dialogs import IncidentActions
from console.ui.lock_veil import DialogVeils
from console.ui.login import IdleWatcher, LockDialog
from console.ui.page_stack import PageStack
from console.ui.pages import PageFactory
from console.ui.settings import UiSettings
from console.ui.status import StatusPanel
from console.ui.switch_user import SwitchUser
from console.ui.task_force import TaskForceActions

if TYPE_CHECKING:
    from console.ui.board.view import BoardView
    from console.ui.drill_panel import DrillPanel
    from console.ui.sync_view import SyncView

VIEW_NAMES = [action.value for action in VIEWS]
"""board, systems, outages, tasks, decisions, log, reports, sync (DESIGN.md §7), timeline,
notices."""

PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "board": ("console.ui.board.view", "BoardView"),
    "systems": ("console.ui.pages.systems", "SystemsPage"),
    "outages": ("console.ui.pages.outages", "OutagesPage"),
    "tasks": ("console.ui.pages.tasks", "TasksPage"),
    "decisions": ("console.ui.pages.journal", "DecisionsPage"),
    "log": ("console.ui.pages.journal", "LogPage"),
    "reports": ("console.ui.reports_view", "ReportsView"),
    "sync": ("console.ui.sync_view", "SyncView"),
    "timeline": ("console.ui.pages.timeline", "TimelinePage"),
    "notices": ("console.ui.notices_view", "NoticesView")}
"""The module and class of each view's page; every one is a page(context, parent). A page's
module is imported when the page is first built (page_stack.py), not with the window: the
views the first screen does not show (and the report and sync machinery behind them) cost
nothing at start-up (docs/window.md)."""


def page_class(view: str) -> PageFactory:
    """The page class of ``view``, its module imported now."""
    module, name = PAGE_CLASSES[view]
    return cast(PageFactory, getattr(import_module(module), name))


def _built_on_first_use(view: str) -> PageFactory:
    def build(context: UiContext, parent: QWidget | None) -> QWidget:
        return page_class(view)(context, parent)
    return build


PAGES: dict[str, PageFactory] = {view: _built_on_first_use(view) for view in PAGE_CLASSES}
"""The factory of each view's page (PageStack builds through it)."""


class MainWindow(QMainWindow):
    def __init__(self, context: UiContext, settings: UiSettings, idle_lock: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        if context.drafts is None:  # forms' unsent text, beside the settings (drafts.py)
            context.drafts = DraftStore(
                Path(settings.store.fileName()).parent / "drafts",
                f"{context.services.db.path}|{context.actor.name}")
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("board"))
        context.messages.window = self
        context.runner.unhandled = context.messages.error
        self.registry = ActionRegistry(self)
        self.background = BackgroundWork(context, settings.get(opts.AUTO_SYNC_MINUTES), self)
        self.incidents = IncidentActions(context, self, self._after_incident)
        self.task_force = TaskForceActions(context, self.incidents)
        context.new_incident = self.incidents.new_incident
        self.backup = BackupAction(context, self, self._after_backup)
        self.switch_user = SwitchUser(context, self, context.drafts.folder, self._after_switch)
        self.setWindowTitle(self.switch_user.title(context.actor))
        self.new_drill = NewDrillAction(context, self)
        self.dialog: QWidget | None = None
        self.wall_mode = False
        self.locked = False
        self.lock_dialog: LockDialog | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        self.pages = PageStack(self.stack, VIEW_NAMES, PAGES, context, self, self._page_built)
        for action_id in VIEWS:
            name = action_id.value
            item = QListWidgetItem(icon(ACTION_SPECS[action_id].icon),
                                   translate(ACTION_SPECS[action_id].text).replace("&", ""))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.pages.show)

        self.cover = QLabel(self.tr("Locked"), self)
        self.cover.setObjectName("lockCover")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setStyleSheet("font-size: 28pt; color: #9e9e9e; background: #263238;")
        self.cover.hide()
        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.cover, 1)
        self.drill_panel: DrillPanel | None = None
        if context.services.drills.is_exercise():
            # Once here, above the pages: every view of an exercise shows the band (its module
            # brings QtPdf and the drill scoring: imported only for an exercise).
            from console.ui.drill_panel import DrillPanel, ExerciseBand

            central = QWidget(self)
            column = QVBoxLayout(central)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(ExerciseBand(central))
            self.drill_panel = DrillPanel(context, central)
            column.addWidget(self.drill_panel)
            column.addWidget(body, 1)
            body = central
        self.setCentralWidget(body)

        self.menus = self.registry.build_menus(self.menuBar())
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.registry.build_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)
        # The window itself carries every action too: a shortcut of an action that is only in
        # a hidden menu bar or toolbar (wall mode) does nothing, and F11 could not be undone.
        self.addActions(list(self.registry.actions.values()))
        self.leave_wall = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.leave_wall.setObjectName("leaveWallMode")
        self.leave_wall.setEnabled(False)  # Esc is the pages' and forms' outside wall mode
        self.leave_wall.activated.connect(lambda: self.set_wall_mode(False))
        self.veils = DialogVeils()
        self._connect_actions()
        # Its reads bring the report and table machinery (the pack settings, the last
        # backup): after the first screen is painted (docs/window.md, start-up).
        self.status = StatusPanel(context, self.statusBar(), read_now=False)
        self.status.attach(self.background)
        self.pages["board"]  # always: its countdown feeds the status bar whatever view is shown
        self.background.start()

        self.idle = IdleWatcher(settings.get(opts.IDLE_LOCK_MINUTES) if idle_lock else 0, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if idle_lock and app is not None:
            app.installEventFilter(self.idle)

        self.resize(1500, 950)
        self.restoreGeometry(settings.get(opts.GEOMETRY))
        self.restoreState(settings.get(opts.STATE))
        last = settings.get(opts.LAST_VIEW)
        self.show_view(last if last in self.pages else "board")

    def _connect_actions(self) -> None:
        actions = self.registry
        for action_id in VIEWS:
            actions[action_id].triggered.connect(
                lambda _=False, name=action_id.value: self.show_view(name))
        actions[ActionId.REFRESH].triggered.connect(self.refresh)
        actions[ActionId.WALL_MODE].toggled.connect(self.set_wall_mode)
        actions[ActionId.SEARCH].triggered.connect(lambda: self._on_page("focus_search"))
        actions[ActionId.NEW_ITEM].triggered.connect(lambda: self._on_page("new_item"))
        actions[ActionId.CHANGE_STATUS].triggered.connect(
            lambda: self._on_page("change_status"))
        actions[ActionId.FACILITY_DOWN].triggered.connect(
            lambda: self._on_page("facility_down", "outages"))
        actions[ActionId.IMPORT_SYSTEMS].triggered.connect(
            lambda: self._on_page("import_dialog", "systems"))
        actions[ActionId.EXPORT_SYSTEMS].triggered.connect(
            lambda: self._on_page("export_dialog", "systems"))
        actions[ActionId.NEW_INCIDENT].triggered.connect(self.incidents.new_incident)
        actions[ActionId.CHANGE_CRISIS_LEVEL].triggered.connect(self.incidents.change_level)
        actions[ActionId.ACTIVATE_TASK_FORCE].triggered.connect(self.task_force.activate)
        actions[ActionId.REPORT_SCHEDULE].triggered.connect(self.task_force.schedule)
        actions[ActionId.STAND_DOWN].triggered.connect(self.task_force.stand_down)
        actions[ActionId.RECORD_LESSON].triggered.connect(self.task_force.lesson)
        actions[ActionId.BACKUP].triggered.connect(lambda: self.backup.run())
        actions[ActionId.NEW_DRILL].triggered.connect(lambda: self.new_drill.run())
        actions[ActionId.SYNC_NOW].triggered.connect(self.sync_now)
        actions[ActionId.AUTO_SYNC].triggered.connect(self.ask_auto_sync)
        actions[ActionId.FALLBACK_PACK].triggered.connect(self.configure_fallback)
        actions[ActionId.EXTERNAL_CONTACTS].triggered.connect(
            lambda: ContactsDialog(self.context, self).open())
        actions[ActionId.LOCK].triggered.connect(self.lock)
        actions[ActionId.SWITCH_USER].triggered.connect(self.switch_user.ask)
        actions[ActionId.IDLE_LOCK].triggered.connect(self.ask_idle_minutes)
        actions[ActionId.QUIT].triggered.connect(self.close)
        actions[ActionId.ABOUT].triggered.connect(self.about)
        current = ActionId.LANG_EN if self.context.lang == "en" else ActionId.LANG_KO
        actions[current].setChecked(True)
        actions[ActionId.LANG_KO].triggered.connect(lambda: self.choose_language("ko"))
        actions[ActionId.LANG_EN].triggered.connect(lambda: self.choose_language("en"))

    # --- navigation ----------------------------------------------------------------------

    def _page_built(self, name: str, page: QWidget) -> None:
        """Wire a view to the window when it is first built (page_stack.py)."""
        if name == "board":
            board = cast("BoardView", page)
            board.report_due.connect(self.status.show_report_due)
            self.status.read_after(board.figures_painted)
        elif name == "sync":
            sync_page = cast("SyncView", page)
            sync_page.use_background(self.background)
            sync_page.synced.connect(self.status.refresh_sync)

    def show_view(self, name: str) -> QWidget:
        self.nav.setCurrentRow(VIEW_NAMES.index(name))
        return self.pages[name]

    def current_view(self) -> str:
        return VIEW_NAMES[self.stack.currentIndex()]

    def current_page(self) -> QWidget:
        return self.pages[self.current_view()]

    def _on_page(self, method: str, view: str | None = None) -> None:
        """Run a page action on the named view (switching to it) or the current one."""
        page = self.show_view(view) if view else self.current_page()
        handler = getattr(page, method, None)
        if callable(handler):
            handler()
        else:
            self.statusBar().showMessage(self.tr("Not available in this view."), 4000)

    def refresh(self) -> None:
        refresh = getattr(self.current_page(), "refresh", None)
        if callable(refresh):
            refresh()
        self.status.update_backup()
        self.status.refresh_sync()

    def _after_backup(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)
        self.status.update_backup()

    def _after_switch(self, actor: Any) -> None:
        self.status.show_user()
        self.statusBar().showMessage(self.tr("Now working as %1.").replace("%1", actor.name), 6000)

    def _after_incident(self, text: str) -> None:
        """An incident opened or its level changed: show it where it shows, on the board."""
        self.show_view("board")
        self.statusBar().showMessage(text, 6000)

    # --- sync and the paper fallback pack ------------------------------------------------

    def sync_now(self) -> None:
        """Push and pull with the configured hub now, in the background."""
        def done(summary: Any) -> None:
            self.statusBar().showMessage(
                self.tr("Synced with the hub: %1 sent, %2 received.")
                .replace("%1", str(summary.pushed)).replace("%2", str(summary.pulled)), 6000)

        if not self.background.sync_now(on_done=done, on_error=self.context.messages.error):
            self.statusBar().showMessage(self.tr("A sync is already running."), 4000)

    def ask_auto_sync(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Automatic hub sync"),
            self.tr("Minutes between automatic syncs with the configured hub (0: never):"),
            self.background.sync_minutes, 0, 24 * 60)
        if ok:
            self.settings.set(opts.AUTO_SYNC_MINUTES, minutes)
            self.background.set_sync_minutes(minutes)

    def configure_fallback(self) -> None:
        """Name the folder of the paper fallback pack (read the current one off the GUI
        thread first); the pack is then written at once and every N minutes."""
        try:
            self.context.actor.require(Action.BACKUP)
        except PermissionDenied as error:
            self.context.messages.denied(error, self)
            return
        reports = self.context.services.reports
        self.context.read(reports.fallback_settings, self._ask_fallback)

    def _ask_fallback(self, current: Any) -> None:
        configured = current.folder is not None
        dialog = FallbackPackDialog(str(current.folder or ""),
                                    current.every_minutes if configured else None,
                                    current.keep, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_fallback(*dialog.values()))
        self.dialog = dialog
        dialog.open()

    def set_fallback(self, folder: str, minutes: int, keep: int) -> None:
        reports, actor = self.context.services.reports, self.context.actor

        def done(_result: Any) -> None:
            self.status.refresh_sync()
            if folder:
                self.background.pack_tick()

        self.context.write(lambda: reports.configure_fallback(
            actor, Path(folder) if folder else None, minutes, keep), done)

    # --- wall mode -----------------------------------------------------------------------

    def set_wall_mode(self, on: bool) -> None:
        """Full screen, the board only, large type: for the situation room's wall screen."""
        if on == self.wall_mode:
            return
        self.wall_mode = on
        self.leave_wall.setEnabled(on)
        action = self.registry[ActionId.WALL_MODE]
        if action.isChecked() != on:
            action.setChecked(on)
        if on:
            self.show_view("board")
        for widget in (self.nav, self.toolbar, self.menuBar(), self.statusBar()):
            widget.setVisible(not on)
        board = self.pages["board"]
        set_wall = getattr(board, "set_wall_mode", None)
        if callable(set_wall):
            set_wall(on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    # --- lock ----------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.idle.paused = True
        # The wall screen keeps showing the board behind the lock; a desk hides its data.
        if not self.wall_mode:
            self.nav.hide()
            self.stack.hide()
            self.cover.show()
        self.menuBar().setEnabled(False)
        self.toolbar.setEnabled(False)
        self.veils.cover()  # open forms and messages too: see console/ui/lock_veil.py
        dialog = LockDialog(self.context.services.accounts, self.context.runner,
                            self.context.actor, self)
        dialog.accepted.connect(self.unlock)
        self.lock_dialog = dialog
        dialog.open()

    def unlock(self) -> None:
        self.locked = False
        self.idle.paused = False
        self.idle.set_minutes(self.idle.minutes)
        self.cover.hide()
        self.menuBar().setEnabled(True)
        self.toolbar.setEnabled(True)
        self.nav.setVisible(not self.wall_mode)
        self.stack.show()
        self.veils.lift()
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None

    def ask_idle_minutes(self) -> None:
        """How long an unattended window stays open is the table's to say (0 never locks)."""
        try:
            self.context.actor.require(Action.SET_IDLE_LOCK)
        except PermissionDenied as error:
            self.context.messages.denied(error, self)
            return
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Lock after idle time"),
            self.tr("Minutes without input before the session locks (0: never):"),
            self.idle.minutes, 0, 24 * 60)
        if ok:
            self.settings.set(opts.IDLE_LOCK_MINUTES, minutes)
            self.idle.set_minutes(minutes)

    # --- settings ------------------------------------------------------------------------

    def choose_language(self, lang: str) -> None:
        self.settings.set(opts.LANGUAGE, lang)
        if lang != self.context.lang:
            self.context.messages.info(
                self.tr("Language"),
                self.tr("The new language is used from the next start of the console."))

    def about(self) -> None:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def save_settings(self) -> None:
        if not self.wall_mode:
            self.settings.set(opts.GEOMETRY, self.saveGeometry())
            self.settings.set(opts.STATE, self.saveState())
        self.settings.set(opts.LAST_VIEW, self.current_view())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        # Writes already started finish; nothing new starts once the window is gone.
        self.background.stop()
        self.context.runner.shutdown()
        super().closeEvent(event)
