"""The notices view and the 재난문자 composer: the press team drafts in the window, the
controller approves what will be sent, and the counter counts as the rules count."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from console.domain.enums import NoticeChannel, NoticeStatus, NoticeTier
from console.ui.main_window import MainWindow
from console.ui.notices_view import NoticesView
from tests.ui.conftest import settle


def _page(window: MainWindow) -> NoticesView:
    page = window.pages["notices"]
    assert isinstance(page, NoticesView)
    return page


def test_model_tester(make_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = _page(make_window("controller", "ko", "notices"))
    assert page.model.rowCount() == 10  # the demo's notices
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.model)


def test_counter_and_limit_in_the_composer(make_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(make_window("press", "ko", "notices"))
    page.compose()
    dialog = page.dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.tier.setCurrentIndex(dialog.tier.findData(NoticeTier.URGENT.value))
    dialog.text.setPlainText("가 " * 45)  # 90 with the spaces
    assert dialog.counter.text() == "90 / 90" and ok.isEnabled()
    dialog.text.setPlainText("가 " * 45 + "👍🏽")
    assert dialog.counter.text() == "91 / 90" and not ok.isEnabled()
    dialog.tier.setCurrentIndex(dialog.tier.findData(NoticeTier.SAFETY.value))
    assert dialog.counter.text() == "91 / 157" and ok.isEnabled()
    assert "✗" in dialog.slots.text()  # no number to call yet
    dialog.what.setText("시 온라인 민원")
    dialog.use_template("first")
    assert "시 온라인 민원" in dialog.text.toPlainText() and "✓" in dialog.slots.text()
    dialog.reject()


def test_press_drafts_the_controller_approves(make_window) -> None:  # type: ignore[no-untyped-def]
    press = make_window("press", "ko", "notices")
    page = _page(press)
    page.compose()
    dialog = page.dialog
    assert dialog is not None and dialog.alternatives.count() == 0  # all restored by 10-20
    dialog.what.setText("시 온라인 민원")
    dialog.since.setText("10.20.(월) 09:00")
    dialog.use_template("first")
    dialog.accept()
    settle(press)
    services = press.context.services
    drafted = [r for r in services.notices.list() if r.status is NoticeStatus.DRAFT]
    assert len(drafted) == 1 and drafted[0].channel is NoticeChannel.CBS
    page.refresh()
    page.table.selectRow(0)
    page.submit()
    settle(press)
    controller = make_window("controller", "ko", "notices")
    approver = _page(controller)
    approver.refresh()
    approver.table.selectRow(0)
    assert drafted[0].text in approver.detail.toPlainText()  # exactly as it will be sent
    approver.approve()
    settle(controller)
    row = services.notices.get(drafted[0].id)
    assert (row.status, row.approved_by) == (NoticeStatus.APPROVED, "controller")


def test_send_history_printout_from_the_window(make_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from tests.pdftext import flat

    window = make_window("observer", "en", "notices")
    page = _page(window)
    page.channel.setCurrentIndex(page.channel.findData(NoticeChannel.CBS.value))
    out = tmp_path / "history.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(page.history.printed, timeout=15000) as done:
        assert page.history.start(NoticeChannel.CBS, printer, "file")
        assert not page.buttons["history"].isEnabled()  # one at a time, off the GUI thread
        assert not page.history.start(None, printer, "file")
    assert done.args and done.args[0] >= 1 and page.buttons["history"].isEnabled()
    services = window.context.services
    # The same document as `notice history --channel cbs --out`, sent unchanged.
    assert out.read_bytes() == services.notices.history_pdf(NoticeChannel.CBS, "en")
    text = flat(out.read_bytes())
    issued = [r for r in services.notices.list()
              if r.channel is NoticeChannel.CBS and r.issued_at is not None]
    assert issued and all(r.text[:12] in text for r in issued)
