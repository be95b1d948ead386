"""The exercise controller's judgement deduction form (a wrong summary, a typo, a wrong date, a
missing report): its kinds are the scoring table's, its write one service call
(DrillScoring.judge). Trainees never see it: the drill panel shows its button to the
controller alone, as it does the live score."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from console.domain.drill_score import ScoringTable
from console.ui.dialogs import FormDialog, text_box


class JudgementDialog(FormDialog):
    def __init__(self, table: ScoringTable, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Judgement deduction"), parent)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for code, kind in table.judgements.items():
            label = kind.label_en if lang == "en" else kind.label
            self.kind.addItem(f"{label} (-{kind.points:g})", code)
        self.note = text_box(self, "", 3)
        self.note.setObjectName("note")
        self.about = QLineEdit(self)
        self.about.setObjectName("about")
        self.about.setPlaceholderText(self.tr("optional: the id of the record it is about"))
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("About"), self.about)
        self.finish()

    def chosen(self) -> str:
        return str(self.kind.currentData())

    def problem(self) -> str | None:
        if self.kind.count() == 0:
            return self.tr("The scoring table has no judgements.")
        return None if self.note.toPlainText().strip() else self.tr("Write what was wrong.")
