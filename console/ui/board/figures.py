"""The board's figure tiles: affected, restored, citizen-facing and importance 1–2 still down,
RTO breached, on alternative means. Every number is the situation rule's (situation_at); this
only writes it. Strings stay in the board's "BoardView" translation context, as clocks.py's."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from console.domain.situation import Situation
from console.ui.board.widgets import BAD, GOOD, INK, Tile


def percent_text(restored: int, affected: int) -> str:
    """Never rounds up to 100 % before the last system is back."""
    if not affected:
        return "0 %"
    if restored == affected:
        return "100 %"
    value = math.floor(1000 * restored / affected) / 10
    return f"{value:.0f} %" if value == int(value) else f"{value:.1f} %"


def show_figures(tiles: dict[str, Tile], situation: Situation) -> None:
    translate = QCoreApplication.translate
    citizen = situation.citizen_affected
    tiles["affected"].show_value(
        translate("BoardView", "Systems affected"), str(situation.affected),
        translate("BoardView", "{citizen} citizen-facing · {internal} internal").format(
            citizen=citizen, internal=situation.affected - citizen))
    done = situation.affected > 0 and situation.restored == situation.affected
    tiles["restored"].show_value(
        translate("BoardView", "Restored"), f"{situation.restored} / {situation.affected}",
        translate("BoardView", "Restoration rate {percent}").format(
            percent=percent_text(situation.restored, situation.affected)),
        GOOD if done else INK)
    tiles["citizen_down"].show_value(
        translate("BoardView", "Citizen-facing still down"), str(situation.citizen_down),
        translate("BoardView", "of {n} citizen-facing affected").format(n=citizen),
        BAD if situation.citizen_down else GOOD)
    # The same kind of grade as the bars beside it (importance, of the system); the
    # failure grade (of the outage) is a second, labelled number.
    tiles["importance_1_2_down"].show_value(
        translate("BoardView", "Importance 1–2 still down"), str(situation.importance_1_2_down),
        translate("BoardView", "failure grade 1–2 still down: {n}").format(
            n=situation.grade_1_2_down),
        BAD if situation.importance_1_2_down else GOOD)
    # Restored outages that breached count too: a breach is a fact of the past.
    tiles["rto_breached"].show_value(
        translate("BoardView", "RTO breached"), str(situation.rto_breached),
        translate("BoardView", "{down} of them still down").format(
            down=sum(1 for o in situation.still_down if o.rto_breached)),
        BAD if situation.rto_breached else GOOD)
    tiles["alternative_active"].show_value(
        translate("BoardView", "On alternative means now"), str(situation.alternative_active),
        translate("BoardView", "{total} so far · at most {peak} at once").format(
            total=situation.alternative_total, peak=situation.alternative_peak))
