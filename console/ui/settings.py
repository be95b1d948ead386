"""The window's own settings, declared once with their defaults (Picard's options module).

They live in QSettings (organisation "SeoulDigitalDisaster", application "incident-console"),
always in INI format so a person can read and fix the file. Shared data never goes here: it
belongs in the database and syncs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "SeoulDigitalDisaster"
APPLICATION = "incident-console"
VERSION = 1

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


LANGUAGE = Option("ui/language", "ko")
IDLE_LOCK_MINUTES = Option("session/idle_lock_minutes", 15)
"""Minutes without keyboard or mouse input before the session locks; 0 never locks."""
LAST_USER = Option("session/last_user", "")
LAST_VIEW = Option("window/last_view", "board")
GEOMETRY = Option("window/geometry", QByteArray())
STATE = Option("window/state", QByteArray())
SPLITTERS = Option("window/splitters", "")
AUTO_SYNC_MINUTES = Option("sync/auto_minutes", 2)
"""Minutes between automatic syncs with the configured hub; 0 turns them off. The hub's URL
itself is the workstation's (SyncService.hub_url, in the database), not a window setting."""


class UiSettings:
    def __init__(self, store: QSettings) -> None:
        self.store = store
        self._upgrade()

    @classmethod
    def default(cls) -> UiSettings:
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             ORGANISATION, APPLICATION))

    @classmethod
    def at(cls, path: Path) -> UiSettings:
        """Settings in one named file: tests and screenshots never touch the user's own."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _upgrade(self) -> None:
        # Version 1 is the first layout; later versions rename keys here, once, in order.
        stored: Any = self.store.value("meta/version", 0)
        if int(stored or 0) < VERSION:
            self.store.setValue("meta/version", VERSION)

    def get(self, option: Option[T]) -> T:
        value: Any = self.store.value(option.key, option.default)
        # INI files give back text: convert to the declared type, falling back to the default.
        try:
            if isinstance(option.default, bool):
                return (str(value).lower() in ("1", "true", "yes")) if value is not None \
                    else option.default  # type: ignore[return-value]
            if isinstance(option.default, int):
                return int(value)  # type: ignore[return-value]
            if isinstance(option.default, QByteArray):
                return value if isinstance(value, QByteArray) \
                    else option.default  # type: ignore[return-value]
            return str(value) if value is not None else option.default  # type: ignore[return-value]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.store.setValue(option.key, value)

    def sync(self) -> None:
        self.store.sync()
