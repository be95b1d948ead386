"""What every page of the window is built with: services, the logged-in actor, language, and
a signal that tells pages which tables changed (here or through sync)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from console.services.app import Services
from console.services.context import Actor


class DataBus(QObject):
    """Emitted after every service call that wrote, with the names of the changed tables."""

    changed = Signal(set)


@dataclass
class UiContext:
    services: Services
    actor: Actor
    lang: str = "ko"
    bus: DataBus = field(default_factory=DataBus)
