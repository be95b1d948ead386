"""The situation board: the home screen, and the wall display in full-screen mode.

It reads one SituationView through the situation service, off the GUI thread, and redraws
from it. Clocks and the report countdown tick every second from that stored view and the
services' clock: the database is read again only when the bus says a relevant table changed.
"""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.domain.clock import format_kst
from console.domain.enums import CrisisLevel
from console.domain.forecast_facts import Forecast
from console.domain.situation import OutageFilter
from console.services import watch
from console.services.situation import SituationView
from console.ui.board.after_paint import AfterPaint
from console.ui.board.chart import RestorationChart
from console.ui.board.clocks import BoardClocks, short_time
from console.ui.board.figures import show_figures
from console.ui.board.lists import BoardLists
from console.ui.board.loader import Loader
from console.ui.board.moment import MomentControl
from console.ui.board.scope import ScopeFilter
from console.ui.board.widgets import (
    BAD,
    MUTED,
    Badge,
    BarList,
    CountGrid,
    FitLabel,
    LineList,
    Panel,
    Tile,
    scaled_font,
)
from console.ui.context import UiContext

WALL_SCALE = 1.8
COALESCE_MS = 300
WATCHED_TABLES = watch.SITUATION | {watch.ANY_TABLE}
"""A change to any of these can move a figure; "*" is a catch-all."""

STYLE = """
BoardView { background: #eef1f4; }
QFrame#tile, QFrame#panel, QFrame#header {
    background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; }
"""


class BoardView(QWidget):
    loaded = Signal()
    """Emitted after the figures were redrawn from a fresh read."""
    figures_painted = Signal()
    """The turn after freshly loaded figures were painted (after_paint.py): the status bar's
    first reads wait for it."""
    report_due = Signal(object, int)
    """The live board's next report due (a datetime or None) and its number: the status bar
    counts down to it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self._context = context
        self._view: SituationView | None = None
        self._as_of: datetime | None = None
        self._incident_id: str | None = None
        """None: the current incident (the latest open one)."""
        self._only: OutageFilter | None = None
        """The department or facility the board is narrowed to (None: every outage)."""
        self._incidents: list[tuple[str, str]] = []
        self._scale = 1.0
        self._error = ""
        self._loader = Loader(self._read, context.runner, self)
        self._loader.loaded.connect(self._show_view)
        self._loader.failed.connect(self._show_error)
        # The forecast is a simulation (up to a second at scale): its own read, after the
        # figures, so the figures never wait for it.
        self._forecast_loader = Loader(self._read_forecast, context.runner, self)
        self._forecast_loader.loaded.connect(self._show_forecast)
        self._forecast_loader.failed.connect(lambda _: self._chart.draw_forecast([], ""))
        # Sync and a busy desk emit many changes in a row: one read after the burst.
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        context.bus.changed.connect(self._on_changed)
        self._build()
        # The forecast (numpy, its draws) is read once the figures it follows are painted.
        self._after_paint = AfterPaint(self._tiles["affected"])
        self._after_paint.painted.connect(self._forecast_loader.request)
        self._after_paint.painted.connect(self.figures_painted)
        self._apply_scale()

    # -- construction ------------------------------------------------------------------

    def _build(self) -> None:
        header = QFrame(self)
        header.setObjectName("header")
        self._badge = Badge(header)
        self._title = FitLabel(header)
        self._activation = QLabel(header)
        self._clock = QLabel(header)
        self._as_of_label = QLabel(header)
        for label in (self._activation, self._as_of_label):
            label.setStyleSheet(f"color: {MUTED};")
        self._clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._as_of_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        titles = QVBoxLayout()
        titles.addWidget(self._title)
        titles.addWidget(self._activation)
        self.moment = MomentControl(header)
        self.moment.set_moment(self._context.services.situation.now())
        self.moment.chosen.connect(self.set_as_of)
        self.moment.incident_chosen.connect(self.set_incident)
        self.scope = ScopeFilter(header)
        self.scope.chosen.connect(self.set_scope)
        clocks = QVBoxLayout()
        clocks.addWidget(self._clock)
        clocks.addWidget(self._as_of_label)
        clocks.addWidget(self.moment)
        clocks.addWidget(self.scope)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(16, 10, 16, 10)
        header_row.setSpacing(18)
        header_row.addWidget(self._badge)
        header_row.addLayout(titles, 1)
        header_row.addLayout(clocks)

        self._tiles = {key: Tile(self) for key in (
            "affected", "restored", "citizen_down", "importance_1_2_down",
            "alternative_active", "rto_breached", "next_report", "first_text")}
        tiles_row = QHBoxLayout()
        tiles_row.setSpacing(10)
        for key, tile in self._tiles.items():
            # The countdown's "overdue 3d 17h" is the longest value: give it more room.
            tiles_row.addWidget(tile, 3 if key in ("next_report", "first_text") else 2)

        self._chart = RestorationChart(self)
        self._departments = BarList(self)
        self._grades = BarList(self)
        self._tasks = CountGrid(self)
        self._decisions = LineList(self)
        self._log = LineList(self)
        self._notices = LineList(self)
        self._panels = {name: Panel(body, self) for name, body in (
            ("curve", self._chart), ("departments", self._departments),
            ("grades", self._grades), ("tasks", self._tasks), ("decisions", self._decisions),
            ("log", self._log), ("notices", self._notices))}
        breakdowns = QVBoxLayout()
        breakdowns.setSpacing(10)
        breakdowns.addWidget(self._panels["departments"], 3)
        breakdowns.addWidget(self._panels["grades"], 1)
        middle = QHBoxLayout()
        middle.setSpacing(10)
        middle.addWidget(self._panels["curve"], 3)
        middle.addLayout(breakdowns, 2)
        # The bottom row is what wall mode drops: it is read at a desk, not across the room.
        self._bottom = QWidget(self)
        bottom = QHBoxLayout(self._bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(10)
        bottom.addWidget(self._panels["tasks"], 2)
        bottom.addWidget(self._panels["decisions"], 3)
        bottom.addWidget(self._panels["log"], 3)
        bottom.addWidget(self._panels["notices"], 3)

        self._clocks = BoardClocks(self._clock, self._activation, self._tiles["next_report"],
                                   self._tiles["first_text"])
        self._lists = BoardLists(self._departments, self._grades, self._tasks,
                                 self._decisions, self._log, self._notices)

        self._page = QVBoxLayout(self)
        self._page.setSpacing(10)
        self._page.addWidget(header)
        self._page.addLayout(tiles_row)
        self._page.addLayout(middle, 3)
        self._page.addWidget(self._bottom, 1)
        self._retranslate_static()

    def _retranslate_static(self) -> None:
        titles = {"curve": self.tr("Restoration over time"),
                  "departments": self.tr("Restored by department"),
                  "grades": self.tr("Restored by importance grade (of the system)"),
                  "tasks": self.tr("Tasks by team"), "decisions": self.tr("Latest decisions"),
                  "log": self.tr("Significant events"),
                  "notices": self.tr("Notices issued to citizens")}
        for name, text in titles.items():
            self._panels[name].title.setText(text)
        self._title.setText(self.tr("Loading the situation…"))

    # -- public face -------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the situation again in the background; the widgets update when it lands."""
        self._coalesce.stop()
        self._loader.request()

    def user_changed(self) -> None:
        """Another user logged in (a shift change): their marks of what is new."""
        self.refresh()

    def set_as_of(self, moment: datetime | None) -> None:
        """Show the situation at ``moment`` (None: live) and read it."""
        self._as_of = moment
        if moment is not None:
            self.moment.set_moment(moment)
        self.refresh()

    def set_scope(self, only: OutageFilter | None) -> None:
        """Narrow the figures, the curve and the lists to some outages (None: all)."""
        self._only = only
        self.refresh()

    def set_incident(self, incident_id: str | None) -> None:
        """Show another incident (any past one; the board only reads), None: the current."""
        self._incident_id = incident_id
        self.refresh()

    def set_wall_mode(self, on: bool) -> None:
        self._scale = WALL_SCALE if on else 1.0
        # The room still needs the latest decisions and significant events; the task
        # counts are read at a desk.
        self._panels["tasks"].setVisible(not on)
        self.moment.setVisible(not on)  # a wall shows the live board
        self.scope.setVisible(not on)
        self._apply_scale()

    def wall_mode(self) -> bool:
        return self._scale != 1.0

    def figures(self) -> dict[str, str]:
        """Everything the board shows as text, by key: what tests and checks read."""
        shown = {"title": self._title.text(), "level": self._badge.text(),
                 "activation": self._activation.text(), "clock": self._clock.text(),
                 "as_of": self._as_of_label.text(), "error": self._error}
        for key, tile in self._tiles.items():
            shown[key] = tile.value.text()
            shown[f"{key}.caption"] = tile.caption.text()
            shown[f"{key}.detail"] = tile.detail.text()
        for name, panel in self._panels.items():
            shown[f"{name}.title"] = panel.title.text()
        return shown

    @property
    def reading(self) -> bool:
        """A read is running (tests wait for it before closing the database)."""
        # After the widget is closed the timer is gone, but a read on the pool may still run.
        coalescing = shiboken6.isValid(self._coalesce) and self._coalesce.isActive()
        return (self._loader.busy or self._forecast_loader.busy or coalescing
                or self._after_paint.pending)

    def visible_panels(self) -> list[str]:
        return [name for name, panel in self._panels.items() if panel.isVisibleTo(self)]

    def curve_points(self) -> int:
        return self._chart.point_count()

    def phase_markers(self) -> list[str]:
        return self._chart.marker_labels()

    def forecast_shown(self) -> tuple[list[tuple[datetime, float, float, float]], str]:
        """The fan as drawn, (time, P10, P50, P90) of the restored count, and its caption."""
        return ([(p.at, p.p10, p.p50, p.p90) for p in self._chart.forecast_points],
                self._chart.forecast_caption())

    def task_cell(self, row: int, column: int) -> str:
        return self._tasks.text_at(row, column)

    def entries(self) -> dict[str, list[str]]:
        return {"decisions": self._decisions.texts(), "log": self._log.texts()}

    def marked_new(self) -> dict[str, list[bool]]:
        """Which lines show as new since this user's last log-in."""
        return {name: [line.new for line in lines.lines] for name, lines in (
            ("decisions", self._decisions), ("log", self._log), ("notices", self._notices))}

    def tile_font_size(self) -> float:
        return self._tiles["affected"].value.font().pointSizeF()

    # -- reading -----------------------------------------------------------------------

    def _read(self) -> SituationView:
        # Runs on a pool thread: touches only the services, never a widget (the incident list
        # is handed over whole, by one assignment, and shown by _show_view on the GUI thread).
        services = self._context.services
        self._incidents = [(i.id, i.title) for i in services.incidents.list()]
        return services.situation.view(self._incident_id, as_of=self._as_of, only=self._only)

    def _read_forecast(self) -> Forecast:
        # A pool thread, as _read: the Monte Carlo draws never run on the GUI thread.
        return self._context.services.forecast.forecast(as_of=self._as_of)

    def _show_forecast(self, forecast: Forecast) -> None:
        band, important = forecast.all_restored, forecast.importance_1_2
        if band is None or band.done or self._only is not None:  # the forecast is of all
            self._chart.draw_forecast([], "")
            return
        short = self._short_time
        important_text = (self.tr("already restored") if important is None or important.done
                          else short(important.p50))
        caption = self.tr(
            "Estimate, not a promise — all restored around {p50} (P10–P90: {p10} – {p90}); "
            "importance 1–2: {important}. Basis: {restored} restorations fitted, "
            "{etr} team ETRs, {draws} simulated draws.").format(
                p50=short(band.p50), p10=short(band.p10), p90=short(band.p90),
                important=important_text, restored=forecast.fit.restored,
                etr=forecast.with_etr, draws=forecast.draws)
        self._chart.draw_forecast(forecast.curve, caption)

    def _on_changed(self, tables: set[str]) -> None:
        if WATCHED_TABLES.intersection(tables):
            self._coalesce.start()

    def _show_error(self, message: str) -> None:
        self._error = self.tr("Could not read the situation: {error}").format(error=message)
        self._activation.setText(self._error)
        self._activation.setStyleSheet(f"color: {BAD};")
        if self._view is None:
            self._title.setText(self.tr("No situation to show"))

    def _show_view(self, view: SituationView) -> None:
        self._view, self._error = view, ""
        self.moment.set_incidents(self._incidents)
        self.scope.set_choices(view.departments, view.facilities)
        self._activation.setStyleSheet(f"color: {MUTED};")
        lang = self._context.lang
        situation = view.situation
        narrowed = [v for v in (self._only.department, self._only.facility) if v] \
            if self._only else []
        self._title.setText(" — ".join([view.incident.title, *narrowed]))
        level = CrisisLevel(view.crisis_level)
        # Colour, word and number: the level reads without colour vision or a colour print.
        self._badge.set_level(self.tr("Crisis level {level} ({rank}/4)").format(
            level=level.label(lang), rank=level.rank + 1), level.colour)
        self._as_of_label.setText(
            (self.tr("Past moment: figures as of {time}") if self._as_of is not None
             else self.tr("Figures as of {time}")).format(time=format_kst(situation.as_of, lang)))

        show_figures(self._tiles, situation)

        self._chart.draw(
            situation, view.incident.activated_at or view.incident.started_at,
            self._curve_end(view), self.tr("Affected {n}").format(n=situation.affected),
            self.tr("Phase {n}"))
        self._lists.show(view, lang, self._context.since_login, self._context.actor.name)
        self._after_paint.wait()
        self._tick()
        if self._as_of is None and self._incident_id is None:
            self.report_due.emit(view.next_report_due, (view.last_report_number or 0) + 1)
        self.loaded.emit()

    def _curve_end(self, view: SituationView) -> datetime:
        closed = view.incident.closed_at
        end = view.situation.as_of
        if closed is not None and closed < end:
            end = closed
        if view.situation.curve:
            end = max(end, view.situation.curve[-1][0])
        return end

    # -- the clocks --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ticker.start()
        if self._view is None and not self._loader.busy:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._ticker.stop()

    def _tick(self) -> None:
        """Clock, elapsed time and countdowns, from the stored view: no database read."""
        self._clocks.show(self._view, self._context.services.situation.now(), self._as_of,
                          self._context.lang)

    def _short_time(self, moment: datetime) -> str:
        return short_time(moment, self._context.lang)


    # -- wall mode ---------------------------------------------------------------------

    def _apply_scale(self) -> None:
        scale = self._scale
        base = self.font()
        self._badge.setFont(scaled_font(base, 20, scale, bold=True))
        self._title.set_points(18 * scale, bold=True)
        self._activation.setFont(scaled_font(base, 11, scale))
        self._clock.setFont(scaled_font(base, 20, scale, bold=True))
        self._as_of_label.setFont(scaled_font(base, 10, scale))
        for tile in self._tiles.values():
            tile.set_scale(scale)
        for panel in self._panels.values():
            panel.set_scale(scale)
        margin = int(12 * scale)
        self._page.setContentsMargins(margin, margin, margin, margin)
