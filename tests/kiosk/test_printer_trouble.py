"""Printer trouble is ONE clear message: what happened, that staff have been called and
the receipt's code to photograph, beside that code. Not the session's note, a line in
the done card and the window's status line all saying it at once (the reviewer saw two
warnings on the done screen). The printer fails for real: its output file becomes a
folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import DONE
from kiosk.widgets import Text
from station.device_health import Health
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import submit_application


def _visible_warnings(root: QWidget) -> list[Text]:
    QApplication.processEvents()
    return [t for t in root.findChildren(Text)
            if t.property("role") == "warn" and t.isVisible() and t.text().strip()]


def _break_the_printer(station_dir: Path) -> None:
    printer_file = station_dir / "printer" / "receipts.escpos"
    printer_file.unlink(missing_ok=True)
    printer_file.mkdir(parents=True)


def test_printer_out_on_the_done_page_is_one_message_with_the_code(
    kiosk: Kiosk, qtbot: QtBot, station_dir: Path
) -> None:
    window = kiosk.window
    _break_the_printer(station_dir)
    apply = submit_application(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    assert apply.steps.currentIndex() == DONE
    outcome = apply.session.state.outcome
    assert outcome is not None and outcome.print_error is not None
    assert apply.qr.isVisible() and apply.qr.payload == outcome.accepted.receipt.qr_payload
    warnings = _visible_warnings(window)
    assert warnings == [apply.printer_trouble], [w.text() for w in warnings]
    message = apply.printer_trouble.text()
    assert "工作人员" in message and "二维码" in message  # staff called; the code
    assert not window.status.isVisible()
    # the done card says what happens next, not the printer's trouble a second time
    assert "打印" not in apply.done_text.text()
    assert kiosk.services.health.state("printer").health is Health.FAULT
    # the spoken prompt and its replay stay, and say what the screen says: filed, no
    # receipt to take, staff called, the code to photograph
    said = len(kiosk.app.voice.spoken)
    window.replay.click()
    assert kiosk.app.voice.spoken[-1] == apply.prompt() and len(kiosk.app.voice.spoken) > said
    spoken = kiosk.app.voice.spoken[-1]
    assert "取走回执" not in spoken, spoken
    assert "已提交" in spoken and "工作人员" in spoken and "二维码" in spoken, spoken


def test_printed_receipt_is_what_the_done_voice_asks_to_take(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    apply = submit_application(shared_kiosk, qtbot, shared_kiosk.sims.sample_cards()[0])
    outcome = apply.session.state.outcome
    assert outcome is not None and outcome.print_error is None
    assert "取走回执" in apply.prompt()
    apply.finish.click()


def test_printer_out_on_reprint_is_one_message_with_the_code(
    kiosk: Kiosk, qtbot: QtBot, station_dir: Path
) -> None:
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    submit_application(kiosk, qtbot, card)
    window.reset_to_attract()
    _break_the_printer(station_dir)
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    window.card_placed(card)
    qtbot.waitUntil(lambda: bool(reprint.cases.buttons), timeout=10_000)
    reprint.cases.buttons[0].click()
    qtbot.waitUntil(lambda: reprint.qr.isVisible(), timeout=10_000)
    warnings = _visible_warnings(window)
    assert warnings == [reprint.status], [w.text() for w in warnings]
    assert "工作人员" in reprint.status.text()
