"""The progress result is what the citizen came to read: in 关怀模式 its text is clearly
larger (half as large again, not the body's 24 -> 32 step the reviewer found "barely
larger"), and "再查一件" is a main action (at least 30 px, 适老化) rather than small
secondary print."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.progress import ProgressScreen
from kiosk.theme import ELDERLY, MIN_ACTION_PX, MIN_BODY_PX, NORMAL
from tests.kiosk.accessibility import check_minimums
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import submit_application


def test_progress_result_is_larger_in_care_mode_and_look_up_another_is_a_main_action(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    apply = submit_application(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    outcome = apply.session.state.outcome
    assert outcome is not None
    window.reset_to_attract()
    window.scanned(outcome.accepted.receipt.qr_payload)
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    qtbot.waitUntil(lambda: bool(progress.cases.cards), timeout=10_000)
    card = progress.cases.cards[0]
    # the status comes straight after the item's name
    assert card.text().split("\n")[1].startswith("办理状态")
    text_px, again_px = {}, {}
    for theme in (NORMAL, ELDERLY):
        window.set_elderly(theme is ELDERLY)
        QApplication.processEvents()
        text_px[theme.name] = card.font().pixelSize()
        again_px[theme.name] = progress.again.font().pixelSize()
        assert progress.again.isVisible()
        assert again_px[theme.name] >= MIN_ACTION_PX, theme.name
        assert text_px[theme.name] > max(MIN_BODY_PX, theme.body_px), theme.name
        check_minimums(window, theme, f"progress/result {theme.name}")
    assert text_px["elderly"] >= 1.4 * text_px["normal"]
    window.set_elderly(True)
    window.replay.click()  # the screen keeps its spoken prompt and its replay
    assert kiosk.app.voice.spoken[-1] == progress.prompt()
