"""The camera's own words ("Waiting for camera…", drawn on the preview before the first
frame) are body text like any other: at least 18 px, larger still in 关怀模式 (they were
the application's default 14 px in both modes)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import CAPTURE, CONFIRM, ApplyScreen
from kiosk.theme import ELDERLY, MIN_BODY_PX, NORMAL
from tests.kiosk.conftest import Kiosk


def test_the_camera_placeholder_is_body_text_in_both_modes(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    window.show_screen("apply")
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons["SB-001"].click()
    kiosk.sims.place_card(kiosk.sims.sample_cards()[0])
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    apply.yes.click()
    assert apply.steps.currentIndex() == CAPTURE
    preview = apply.capture.preview
    assert preview.isVisible()
    sizes = {}
    for theme in (NORMAL, ELDERLY):
        window.set_elderly(theme is ELDERLY)
        QApplication.processEvents()
        sizes[theme.name] = px = preview.font().pixelSize()
        assert px >= max(MIN_BODY_PX, theme.body_px), (theme.name, px)
    assert sizes["elderly"] > sizes["normal"]
    # the screen keeps its spoken prompt and the replay button
    window.replay.click()
    assert kiosk.app.voice.spoken[-1] == apply.prompt()
