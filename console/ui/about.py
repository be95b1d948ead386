"""Help ▸ About: the program's name and version, and the licence of everything that ships.

The licences are read from the installed packages' metadata (the frozen build copies that
metadata in, see packaging/incident-console.spec), falling back to what was checked when this
list was written; the Korean font's licence text is shown in full, as the OFL asks.
"""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from console import __version__
from console.locate import resource

FONT_LICENCE = ("fonts", "LICENSE-NanumGothic.txt")


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # the package whose metadata names version and licence
    fallback: str  # the licence if the metadata is missing or says nothing usable


COMPONENTS: tuple[Component, ...] = (
    Component("Qt / PySide6", "PySide6-Essentials", "LGPL-3.0-only"),
    Component("Shiboken", "shiboken6", "LGPL-3.0-only"),
    Component("NanumGothic", None, "OFL-1.1"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("Mako", "Mako", "MIT"),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("pyqtgraph", "pyqtgraph", "MIT"),
    Component("NumPy", "numpy", "BSD-3-Clause"),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("argon2-cffi", "argon2-cffi", "MIT"),
    Component("psycopg", "psycopg", "LGPL-3.0-only"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("tzdata", "tzdata", "Apache-2.0"),
)


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    """The first value of a metadata field, None if absent (PackageMetadata.get is 3.12+ in
    the type stubs; get_all is in every version)."""
    values = meta.get_all(name)
    return values[0] if values else None


def _licence_from(meta: metadata.PackageMetadata) -> str | None:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = (_field(meta, "License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:  # a name, not the whole licence text
        return field
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License :: OSI Approved :: "):
            return classifier.rsplit(" :: ", 1)[-1]
    return None


def shipped_licences() -> list[tuple[str, str, str]]:
    """(name, version, licence) of the program, Python and each component; Qt-free."""
    rows = [("incident-console", __version__, "Apache-2.0"),
            ("Python", platform.python_version(), "PSF-2.0")]
    for component in COMPONENTS:
        version, licence = "", None
        if component.distribution:
            try:
                meta = metadata.metadata(component.distribution)
            except metadata.PackageNotFoundError:
                pass
            else:
                version, licence = _field(meta, "Version") or "", _licence_from(meta)
        rows.append((component.name, version, licence or component.fallback))
    return rows


def font_licence_text() -> str:
    try:
        return resource(*FONT_LICENCE).read_text(encoding="utf-8")
    except OSError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About the console"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)

        title = QLabel(self.tr("Digital-disaster command console"), self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)

        self.version_label = QLabel(self.tr("Version {version}").format(version=__version__), self)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.version_label)
        layout.addWidget(QLabel(self.tr(
            "Incident command for Seoul's IT-outage task force; works offline."), self))

        self.licences = QTextBrowser(self)
        self.licences.setOpenExternalLinks(False)
        self.licences.setHtml(self._licences_html())
        layout.addWidget(self.licences, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _licences_html(self) -> str:
        head = (f"<tr><th align='left'>{html.escape(self.tr('Component'))}</th>"
                f"<th align='left'>{html.escape(self.tr('Version'))}</th>"
                f"<th align='left'>{html.escape(self.tr('Licence'))}</th></tr>")
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(version)}</td>"
            f"<td>{html.escape(licence)}</td></tr>"
            for name, version, licence in shipped_licences())
        qt_note = self.tr(
            "Qt and PySide6 are used under the GNU LGPL version 3: their libraries are separate "
            "files in the program folder and may be replaced with compatible builds.")
        font_text = font_licence_text()
        font_part = ""
        if font_text:
            font_part = (f"<h3>{html.escape(self.tr('NanumGothic font licence'))}</h3>"
                         f"<pre>{html.escape(font_text)}</pre>")
        return (f"<h3>{html.escape(self.tr('What ships with the console'))}</h3>"
                f"<table cellspacing='0' cellpadding='3'>{head}{rows}</table>"
                f"<p>{html.escape(qt_note)}</p>{font_part}")
