"""Unsent text of a form, kept on this workstation until it is written (issue 12 item 6).

Where: one small JSON file per open form in a ``drafts`` folder beside the window's settings
file (the user's config folder). Not in the database: every table there is synced, and a
half-typed decision must not reach the other workstations or the hub, nor add a write to
SQLite's single writer every few seconds. Not a local-only table either: that would mean a
schema change for text that lives minutes and belongs to one person at one desk.

A draft is keyed by the database, the user and the form as it opened (its class, title and
pre-filled text), so the same form opened again after a crash gets its text back, and a
correction of one decision never receives the draft of another. It is written a moment after
each change and removed when the form's write succeeds or the user discards the text.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from console.domain.clock import KST


def text_fields(form: QWidget) -> list[QLineEdit | QPlainTextEdit]:
    """The form's own editable text fields, in creation order (spin boxes' and combo boxes'
    inner line edits are not text a person wrote)."""
    fields: list[QLineEdit | QPlainTextEdit] = []
    for widget in form.findChildren(QWidget):
        inner = isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
        if (isinstance(widget, QPlainTextEdit | QLineEdit) and not widget.isReadOnly()
                and not (isinstance(widget, QLineEdit) and inner)):
            fields.append(widget)
    return fields


def field_texts(form: QWidget) -> list[str]:
    return [f.toPlainText() if isinstance(f, QPlainTextEdit) else f.text()
            for f in text_fields(form)]


def set_field_texts(form: QWidget, texts: list[str]) -> None:
    for field, text in zip(text_fields(form), texts, strict=False):
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(text)
        else:
            field.setText(text)


@dataclass(frozen=True)
class Draft:
    saved_at: datetime
    texts: list[str]


class DraftStore:
    def __init__(self, folder: Path, scope: str) -> None:
        self.folder = folder
        self.scope = scope
        """Which database and user the drafts belong to (part of every key)."""

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256("\x1f".join((self.scope, *parts)).encode("utf-8"))
        return digest.hexdigest()[:24]

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def save(self, key: str, texts: list[str]) -> None:
        """Write atomically: a crash while saving leaves the previous draft, never half."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._path(key)
        partial = target.with_suffix(".part")
        partial.write_text(json.dumps({"saved_at": datetime.now(KST).isoformat(),
                                       "texts": texts}, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)

    def load(self, key: str) -> Draft | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Draft(datetime.fromisoformat(data["saved_at"]), [str(t) for t in data["texts"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # none, or unreadable: a draft is a convenience, never an error

    def forget(self, key: str) -> None:
        with contextlib.suppress(OSError):  # already gone, or the folder is read-only
            self._path(key).unlink()
