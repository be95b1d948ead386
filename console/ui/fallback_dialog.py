"""Where and how often this workstation writes the paper fallback pack (File menu)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from console.ui.dialogs import FormDialog


class FallbackPackDialog(FormDialog):
    """Where and how often this workstation writes the paper fallback pack (a USB stick, a
    share). An empty folder turns the pack off."""

    DEFAULT_MINUTES = 10

    def __init__(self, folder: str, minutes: int | None, keep: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Paper fallback pack"), parent)
        note = QLabel(self.tr("Every few minutes and after every approved report, the current "
                              "printouts are written to this folder, keeping the last few "
                              "generations. Leave the folder empty to stop."), self)
        note.setWordWrap(True)
        self.outer.insertWidget(0, note)
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(minutes or self.DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keep")
        self.keep.setRange(1, 100)
        self.keep.setValue(keep)
        self.form.addRow(self.tr("Folder"), row)
        self.form.addRow(self.tr("Every"), self.minutes)
        self.form.addRow(self.tr("Generations kept"), self.keep)
        self.finish()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Paper fallback pack"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def values(self) -> tuple[str, int, int]:
        return self.folder.text().strip(), self.minutes.value(), self.keep.value()
