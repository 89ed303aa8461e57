"""The service items are read whole (review, wt5): long catalog names were clipped at
both ends in English 关怀模式 at 1024x768, and an "&" in a name ("出生登记&户口申报")
vanished and underlined the next character as a keyboard shortcut."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import ApplyScreen
from kiosk.widgets import BigButton
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import SIZES, clipped_lines, settle


def test_an_ampersand_is_shown_and_makes_no_shortcut(qtbot: QtBot) -> None:
    button = BigButton("出生登记&户口申报", wrap=False)
    qtbot.addWidget(button)
    assert button.shortcut().isEmpty()
    assert button.text() == "出生登记&&户口申报"  # Qt shows "&&" as one "&"
    button.set_caption("Birth & household registration")
    assert button.shortcut().isEmpty()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_item_caption_fits_its_button(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, qtbot: QtBot, language: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=language)
    window = kiosk.window
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen) and apply.item_buttons
    clipped: list[tuple[int, bool, str]] = []
    for elderly in (True, False):
        window.set_elderly(elderly)
        for w, h in SIZES:
            window.resize(w, h)
            settle(window)
            QApplication.processEvents()
            for button in apply.item_buttons.values():
                if clipped_lines(button):
                    clipped.append((w, elderly, button.text()))
    window.set_elderly(False)
    assert not clipped, clipped
