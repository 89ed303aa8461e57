"""Keyboard-only intake on the real clerk window, simulated card reader and camera:
item search → card → capture each page → 受理 → the receipt dialog → the next
applicant (Ctrl+P reprints the receipt there), then 一次性告知, 容缺受理 and 不予受理
from their keys, with the focus
checked after every card read, capture and outcome. The citizen's hand only places
the card; the clerk never touches the mouse. Also: every intake action shows its
shortcut in its tooltip, and a card left on the reader after an accept is not read
into the next applicant until 重新读卡 (F4) asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_station import keyboard as keys
from clerk_station.main_window import ClerkWindow
from clerk_station.receipt_dialog import ReceiptDialog
from devices.printer.escpos_decode import decode_escpos
from intake.acceptance import Mode
from station.intake_session import Phase

FIND_CARD = (0x20, 0x01)


@pytest.fixture
def window(active_window: ClerkWindow) -> ClerkWindow:
    return active_window


def press(qtbot: QtBot, key: str) -> None:
    """The key as the clerk presses it, into whatever has the focus."""
    combo = QKeySequence(key)[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def focus_is(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=10_000)


def choose_item(qtbot: QtBot, window: ClerkWindow, code: str) -> None:
    press(qtbot, keys.SEARCH)
    focus_is(qtbot, window.picker.filter)
    qtbot.keyClicks(window.picker.filter, code)
    press(qtbot, "Return")
    state = window.session.state
    assert state.item is not None and state.item.code == code


def page_in_view(qtbot: QtBot, window: ClerkWindow) -> None:
    """What the clerk sees before pressing the key: the material's page on the preview
    (the simulated camera shows the material selected in the checklist)."""
    with qtbot.waitSignal(window.preview.frame_shown, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.preview.page_detected, timeout=10_000)


def capture_by_key(qtbot: QtBot, window: ClerkWindow) -> None:
    """F5 for every missing page: the focus lands on 拍摄本页 once the page is in view
    (the session selects the next missing material by itself)."""
    while window.session.state.missing:
        focus_is(qtbot, window.capture_button)
        page_in_view(qtbot, window)
        with qtbot.waitSignal(window.page_stored, timeout=20_000):
            press(qtbot, keys.CAPTURE)
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)


def active_paper_dialog(qtbot: QtBot, window: ClerkWindow) -> ReceiptDialog:
    """The paper dialog once it is shown and has the keyboard."""
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(),
        timeout=20_000,
    )
    dialog = window.receipt_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def close_paper_dialog(qtbot: QtBot, window: ClerkWindow) -> None:
    dialog = active_paper_dialog(qtbot, window)
    press(qtbot, "Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)  # the keyboard is back


def reprint_by_key(
    qtbot: QtBot, window: ClerkWindow, receipts: Path, receipt_no: str, uuid: str
) -> None:
    """Ctrl+P in the paper dialog prints the receipt again (real ESC/POS bytes) and the
    audit log says so, for that case, like every other print."""
    dialog = active_paper_dialog(qtbot, window)
    qtbot.waitUntil(lambda: receipt_no in decode_escpos(receipts.read_bytes()).text, timeout=20_000)
    receipts.unlink()  # the file printer writes each print afresh: this one must make it
    press(qtbot, keys.PRINT)
    qtbot.waitUntil(lambda: bool(dialog.status.text()), timeout=20_000)  # "Printed again."
    assert receipt_no in decode_escpos(receipts.read_bytes()).text
    store = window.services.intake.store
    qtbot.waitUntil(  # the audit trail writes on its own thread
        lambda: any(r["action"] == "reprint" and r["subject"] == uuid for r in store.audit_rows()),
        timeout=10_000,
    )


def test_every_intake_action_shows_its_shortcut(window: ClerkWindow) -> None:
    for key, button in window.keyboard.buttons.items():
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        assert button.shortcut() == QKeySequence(key)
        assert f"({native})" in button.toolTip(), (key, button.toolTip())
    assert keys.SEARCH in window.picker.filter.toolTip()


def test_keyboard_only_from_item_to_receipt_and_every_outcome(
    qtbot: QtBot, window: ClerkWindow, station_dir: Path
) -> None:
    sims = window.services.simulators
    assert sims is not None
    first, second = sims.sample_cards()[:2]
    receipts = station_dir / "printer" / "receipts.escpos"
    focus_is(qtbot, window.picker.filter)

    # 受理: item by search and Enter → the card → each page → accept
    choose_item(qtbot, window, "SB-001")
    focus_is(qtbot, window.applicant_panel.manual_button)  # nobody identified yet
    sims.place_card(first)
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
    capture_by_key(qtbot, window)
    assert window.session.state.phase is Phase.REVIEW
    focus_is(qtbot, window.accept_button)
    with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
        press(qtbot, keys.ACCEPT)
    assert accepted.args is not None
    receipt_no = accepted.args[0].submission.receipt_no
    reprint_by_key(qtbot, window, receipts, receipt_no, accepted.args[0].submission.uuid)
    close_paper_dialog(qtbot, window)
    assert receipt_no in decode_escpos(receipts.read_bytes()).text
    focus_is(qtbot, window.picker.filter)  # the next applicant starts at the item search
    assert window.session.state.person is None

    # the card still lies on the reader: not read into the next applicant by itself
    reader = sims.idcard  # type: ignore[attr-defined]
    polled = reader.received.count(FIND_CARD)
    qtbot.waitUntil(lambda: reader.received.count(FIND_CARD) >= polled + 3, timeout=10_000)
    assert window.session.state.person is None
    # 一次性告知: the clerk asks for the card on the reader to be read again (F4)
    choose_item(qtbot, window, "SB-001")
    reads = reader.reads
    press(qtbot, keys.READ_AGAIN)
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
    person = window.session.state.person
    assert person is not None and person.id_number == first.id_number
    assert reader.reads == reads + 1
    qtbot.waitUntil(lambda: window.notice_button.isEnabled(), timeout=10_000)
    press(qtbot, keys.NOTICE)
    qtbot.waitUntil(lambda: window.session.state.phase is Phase.NOTICE, timeout=20_000)
    close_paper_dialog(qtbot, window)
    assert "一次性告知书" in decode_escpos(receipts.read_bytes()).text
    press(qtbot, keys.NEXT)  # 下一位: the filed card page is dropped once confirmed
    qtbot.waitUntil(lambda: window.outcomes.reset_box is not None, timeout=5_000)
    box = window.outcomes.reset_box
    assert box is not None
    qtbot.waitUntil(box.isActiveWindow, timeout=5_000)
    press(qtbot, "Y")  # the Yes button's mnemonic
    qtbot.waitUntil(lambda: window.session.state.item is None, timeout=5_000)
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    focus_is(qtbot, window.picker.filter)

    # 容缺受理: a new card is read by itself; the key material captured, F9
    choose_item(qtbot, window, "SB-001")
    sims.place_card(second)
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
    person = window.session.state.person
    assert person is not None and person.id_number == second.id_number
    # the card's data page is filed for the ID card material first (off the GUI thread)
    qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
    window.materials_panel.table.setFocus()
    while window.session.state.current_material != "M03":  # arrow keys in the checklist
        press(qtbot, "Down")
    focus_is(qtbot, window.materials_panel.table)
    page_in_view(qtbot, window)
    with qtbot.waitSignal(window.page_stored, timeout=20_000) as stored:
        press(qtbot, keys.CAPTURE)
    assert stored.args is not None and stored.args[0] == "M03"
    qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
    qtbot.waitUntil(window.deficiency_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
        press(qtbot, keys.DEFICIENCY)
    assert accepted.args is not None
    acceptance = accepted.args[0].submission.acceptance
    assert acceptance is not None and acceptance.mode is Mode.DEFICIENCY
    close_paper_dialog(qtbot, window)
    focus_is(qtbot, window.picker.filter)

    # 不予受理: F8, the reason chosen with Enter, the information box closed with Enter
    choose_item(qtbot, window, "SB-001")
    press(qtbot, keys.READ_AGAIN)
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
    qtbot.waitUntil(window.refuse_button.isEnabled, timeout=10_000)
    press(qtbot, keys.REFUSE)
    qtbot.waitUntil(lambda: window.decisions.refusal_dialog is not None, timeout=5_000)
    dialog = window.decisions.refusal_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    press(qtbot, "Return")
    qtbot.waitUntil(lambda: window.outcomes.info_box is not None, timeout=20_000)
    info = window.outcomes.info_box
    assert info is not None
    qtbot.waitUntil(info.isActiveWindow, timeout=5_000)
    press(qtbot, "Escape")
    qtbot.waitUntil(lambda: not info.isVisible(), timeout=5_000)
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    assert "不予受理通知书" in decode_escpos(receipts.read_bytes()).text
    focus_is(qtbot, window.picker.filter)
