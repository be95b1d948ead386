"""The external contacts dialog: lists the record, adds, changes and removes through the
service, and shows a refusal under the form with nothing changed."""

from __future__ import annotations

from console.ui.contacts_dialog import ContactsDialog


def _filled(dialog: ContactsDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.fields[key].setText(value)


def test_the_dialog_edits_the_contacts(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    context = make_context("controller")
    contacts = context.services.contacts
    before = contacts.entries()
    dialog = ContactsDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before), timeout=30_000)
    assert dialog.table.item(0, 0).text() == "국가정보자원관리원"
    _filled(dialog, organisation="가상네트워크(주)", role="백본 장애 접수", name="야간 당직",
            phone="02-0000-3401")
    dialog.buttons["add"].click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before) + 1, timeout=30_000)
    assert contacts.entries()[-1]["organisation"] == "가상네트워크(주)"
    dialog.table.selectRow(len(before))
    assert dialog.fields["phone"].text() == "02-0000-3401"  # the selected contact in the form
    dialog.fields["phone"].setText("02-0000-3402")
    dialog.buttons["save"].click()
    qtbot.waitUntil(lambda: dialog.table.item(len(before), 3).text() == "02-0000-3402",
                    timeout=30_000)
    dialog.table.selectRow(0)
    dialog.buttons["remove"].click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before), timeout=30_000)
    assert contacts.entries()[0] == before[1]


def test_a_refusal_is_shown_and_nothing_changes(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    context = make_context("situation")
    before = context.services.contacts.entries()
    dialog = ContactsDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == len(before), timeout=30_000)
    _filled(dialog, organisation="가상네트워크(주)", phone="02-0000-3401")
    dialog.buttons["add"].click()
    qtbot.waitUntil(lambda: "외부 연락처를 관리할 수 있습니다" in dialog.status.text(),
                    timeout=30_000)
    dialog.buttons["save"].click()  # nothing chosen
    assert "Choose" in dialog.status.text() or "선택" in dialog.status.text()
    assert context.services.contacts.entries() == before
