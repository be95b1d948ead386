"""The board's clocks: the time now, the task force's time since activation, and the two
countdowns (the next situation report, the first emergency text). Redrawn every second from
the stored SituationView and the services' clock, never from a database read.

Its strings stay in the board's "BoardView" translation context (board_<lang>.ts): the same
words as before this was split out of view.py, translated once."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from console.domain.clock import format_elapsed, format_kst, kst
from console.services.situation import SituationView
from console.ui.board.widgets import BAD, INK, MUTED, Tile


def short_time(moment: datetime, lang: str) -> str:
    """A moment as the board's lists and captions show it ("9. 27. 18:00", "09-27 18:00")."""
    local = kst(moment)
    if lang == "ko":
        return f"{local.month}. {local.day}. {local:%H:%M}"
    return f"{local:%m-%d %H:%M}"


def duration(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if delta >= timedelta(days=1):
        # Seconds mean nothing a day out; the tile must stay short enough for a wall.
        days, hours = seconds // 86400, seconds % 86400 // 3600
        return QCoreApplication.translate("BoardView", "{days}d {hours}h").format(
            days=days, hours=hours)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class BoardClocks:
    """Writes the header's clock and activation line and the two countdown tiles."""

    def __init__(self, clock: QLabel, activation: QLabel, next_report: Tile,
                 first_text: Tile) -> None:
        self.clock, self.activation = clock, activation
        self.next_report, self.first_text = next_report, first_text

    def show(self, view: SituationView | None, now: datetime, as_of: datetime | None,
             lang: str) -> None:
        """The clock at ``now``; the rest at ``as_of`` (a past moment) or now."""
        self.clock.setText(QCoreApplication.translate("BoardView", "Now {time}").format(
            time=f"{kst(now):%H:%M:%S}"))
        if view is None:
            return
        moment = as_of or now
        incident = view.incident
        closed = incident.closed_at is not None and incident.closed_at <= moment
        if incident.activated_at is None or incident.activated_at > moment:
            self.activation.setText(
                QCoreApplication.translate("BoardView", "Task force not activated"))
        else:
            end = incident.closed_at if closed and incident.closed_at else moment
            template = (QCoreApplication.translate(
                "BoardView", "Task force activated {time} · closed after {elapsed}") if closed
                else QCoreApplication.translate(
                    "BoardView", "Task force activated {time} · {elapsed} elapsed"))
            self.activation.setText(template.format(
                time=format_kst(incident.activated_at, lang),
                elapsed=format_elapsed(end - incident.activated_at, lang)))
        self._show_report(view, moment, closed, lang)
        self._show_text(view, moment, closed, lang)

    def _show_report(self, view: SituationView, moment: datetime, closed: bool,
                     lang: str) -> None:
        tile = self.next_report
        caption = QCoreApplication.translate("BoardView", "Next situation report")
        due = view.next_report_due
        if closed or due is None:
            tile.show_value(caption, "—", QCoreApplication.translate(
                "BoardView", "Task force closed") if closed else QCoreApplication.translate(
                "BoardView", "Task force not activated"), MUTED)
            return
        number = (view.last_report_number or 0) + 1
        detail = QCoreApplication.translate("BoardView", "Report No. {n} due {time}").format(
            n=number, time=format_kst(due, lang))
        # The schedule rules after the first report; the tile has no room for it on a wall.
        tile.setToolTip(view.schedule.label(lang) if view.last_report_number else "")
        _show_left(tile, caption, due - moment, detail)

    def _show_text(self, view: SituationView, moment: datetime, closed: bool,
                   lang: str) -> None:
        """The first emergency text within 20 minutes of activation (situation.py's rule)."""
        tile = self.first_text
        caption = QCoreApplication.translate("BoardView", "First emergency text")
        due = view.next_text_due
        if due is None:
            sent = [n.issued_at for n in view.notices or [] if n.issued_at
                    and n.channel.value == "cbs"]
            detail = (QCoreApplication.translate("BoardView", "Sent {time}").format(
                time=short_time(min(sent), lang)) if sent
                else QCoreApplication.translate("BoardView", "Task force closed") if closed
                else QCoreApplication.translate("BoardView", "Task force not activated"))
            tile.show_value(caption, "✓" if sent else "—", detail, MUTED)
            return
        detail = QCoreApplication.translate("BoardView", "Due {time}").format(
            time=format_kst(due, lang))
        _show_left(tile, caption, due - moment, detail)


def _show_left(tile: Tile, caption: str, left: timedelta, detail: str) -> None:
    if left < timedelta(0):
        tile.show_value(caption, QCoreApplication.translate("BoardView", "Overdue {time}").format(
            time=duration(-left)), detail, BAD)
    else:
        tile.show_value(caption, duration(left), detail, INK)
