"""The 재난문자 composer: channel and tier, a live counter that counts as the rules count
(console/domain/notices.py), the slots a first text must fill, templates for IT outages, and
the alternative means of the services still down, from the inventory."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from console.domain import notices as rules
from console.domain.enums import NoticeChannel, NoticeTier
from console.ui.dialogs import FormDialog, enum_combo, text_box

# Written for IT outages from the facts in ../shared/BRIEF.md; {what}, {since} and {how} are
# filled from the form. Korean is what goes out; the English wording is for the CAP en-US info.
TEMPLATES = {
    "first": ("[서울시] {since}부터 {what} 이용이 중단되었습니다. {how} 문의 120",
              "[Seoul] {what} has been down since {since}. {how} Call 120."),
    "update": ("[서울시] {what} 복구 중입니다. 복구 전까지 {how} 문의 120",
               "[Seoul] {what} is being restored. Until then: {how} Call 120."),
    "all_clear": ("[서울시] {what}이(가) 정상화되었습니다. 이용에 불편을 드려 죄송합니다. 문의 120",
                  "[Seoul] {what} is back to normal. We apologise for the inconvenience."),
}


class NoticeComposer(FormDialog):
    """Drafts one notice; OK stays off while a text is over its limit."""

    def __init__(self, lang: str, alternatives: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Compose a public notice"), parent)
        self.lang = lang
        self.setObjectName("noticeComposer")
        self.setMinimumWidth(640)
        self.channel = enum_combo(self, NoticeChannel, lang, NoticeChannel.CBS.value)
        self.tier: QComboBox = enum_combo(self, NoticeTier, lang, NoticeTier.SAFETY.value)
        self.area = QLineEdit("서울특별시", self)
        self.what = QLineEdit(self)
        self.what.setPlaceholderText(self.tr("what has failed, e.g. 시 온라인 민원"))
        self.since = QLineEdit(self)
        self.since.setPlaceholderText(self.tr("since when, e.g. 9.27.(토) 오전"))
        buttons = QHBoxLayout()
        for key, text in (("first", self.tr("First notice")), ("update", self.tr("Update")),
                          ("all_clear", self.tr("All clear"))):
            button = QPushButton(text, self)
            button.setObjectName(f"template_{key}")
            button.clicked.connect(lambda _=False, k=key: self.use_template(k))
            buttons.addWidget(button)
        self.text = text_box(self, "", 4)
        self.text.setObjectName("noticeText")
        self.alternatives = QListWidget(self)
        self.alternatives.setObjectName("alternatives")
        self.alternatives.setFixedHeight(90)
        for name, means in alternatives:
            self.alternatives.addItem(f"{name}: {means}")
        self.alternatives.itemDoubleClicked.connect(
            lambda item: self.text.insertPlainText(item.text().split(": ", 1)[-1] + " "))
        self.text_en = text_box(self, "", 3)
        self.counter = QLabel(self)
        self.counter.setObjectName("charCounter")
        self.slots = QLabel(self)
        self.slots.setObjectName("slots")
        self.slots.setWordWrap(True)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Tier"), self.tier)
        self.form.addRow(self.tr("Area"), self.area)
        self.form.addRow(self.tr("What failed"), self.what)
        self.form.addRow(self.tr("Since"), self.since)
        self.form.addRow(self.tr("Templates"), buttons)
        self.form.addRow(self.tr("Alternatives (double-click)"), self.alternatives)
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow("", self.counter)
        self.form.addRow(self.tr("English text"), self.text_en)
        self.form.addRow(self.tr("Required"), self.slots)
        self.finish()
        for signal in (self.text.textChanged, self.channel.currentIndexChanged,
                       self.tier.currentIndexChanged):
            signal.connect(self.recount)
        self.recount()

    def channel_value(self) -> NoticeChannel:
        return NoticeChannel(self.channel.currentData())

    def tier_value(self) -> NoticeTier | None:
        if self.channel_value() is not NoticeChannel.CBS:
            return None
        return NoticeTier(self.tier.currentData())

    def use_template(self, key: str) -> None:
        ko, en = TEMPLATES[key]
        first = self.alternatives.item(0)
        how = first.text().split(": ", 1)[-1].rstrip(". ") if first else ""
        how = f"{how}." if how else ""
        what = self.what.text().strip() or "시 온라인 서비스 일부"
        since = self.since.text().strip() or "오늘"
        self.text.setPlainText(ko.format(what=what, since=since, how=how).replace("  ", " "))
        self.text_en.setPlainText(en.format(what=what, since=since, how=how)
                                  .replace("  ", " "))

    def recount(self) -> None:
        text = self.text.toPlainText()
        channel = self.channel_value()
        self.tier.setEnabled(channel is NoticeChannel.CBS)
        chars = rules.count_chars(text)
        limit = rules.char_limit(channel, self.tier_value(), text)
        over = limit is not None and chars > limit
        self.counter.setText(f"{chars} / {limit}" if limit else str(chars))
        self.counter.setStyleSheet("color: #c62828; font-weight: bold;" if over else "")
        marks = []
        for slot in rules.SLOTS:
            done = rules.has_contact(text) if slot.key == "contact" else None
            sign = "✓" if done else ("✗" if done is False else "·")
            marks.append(f"{sign} {slot.label(self.lang)}")
        self.slots.setText("   ".join(marks))
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not over and bool(text.strip()))

    def problem(self) -> str | None:
        text = self.text.toPlainText()
        limit = rules.char_limit(self.channel_value(), self.tier_value(), text)
        if not text.strip():
            return self.tr("Write the text first.")
        if limit is not None and rules.count_chars(text) > limit:
            return self.tr("The text is over its limit of {limit} characters.").format(
                limit=limit)
        return None
