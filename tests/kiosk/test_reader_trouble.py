"""A kiosk whose card reader fails says so where a card is asked for, with the way
forward (review wt5: with the reader on a wrong serial path, 我要办事 asked for the
card for ever). Issue #12: "camera or reader missing → the services that still work
stay available, the others say so"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.screens.apply import ApplyScreen
from kiosk.screens.evaluate import EvaluateScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.screens.reprint import ReprintScreen
from tests.kiosk.conftest import Kiosk


def test_a_reader_failing_mid_visit_is_said_on_every_card_step(kiosk: Kiosk, qtbot: QtBot) -> None:
    window, app = kiosk.window, kiosk.app
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons[next(iter(apply.item_buttons))].click()  # on to "place your card"
    assert not apply.note.isVisible()
    app._reader_error("no answer from /dev/ttyNOPE0")  # the reader's own signal's slot
    qtbot.waitUntil(apply.note.isVisible, timeout=2_000)
    assert "读卡器" in apply.note.text() and "窗口" in apply.note.text()
    # each screen that asks for a card says it at once when entered
    for name, kind in (("progress", ProgressScreen), ("reprint", ReprintScreen),
                       ("evaluate", EvaluateScreen)):
        window.reset_to_attract()
        window.attract.buttons[name].click()
        screen = window.screens[name]
        assert isinstance(screen, kind)
        message = screen.identify.message
        assert message.isVisible() and "读卡器" in message.text(), name
    window.reset_to_attract()
    window.attract.buttons["apply"].click()
    apply.item_buttons[next(iter(apply.item_buttons))].click()
    assert apply.note.isVisible() and "读卡器" in apply.note.text()
