"""What a reviewer playing a clerk found on the keyboard path, on the real window:
after 手工录入 the window takes the keyboard back; a page made from the card data
says so in its own words, without a 0×0 size; after an accept the item search holds the last
applicant's words selected, so that the next typing replaces them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_station.main_window import ClerkWindow


@pytest.fixture
def window(active_window: ClerkWindow) -> ClerkWindow:
    return active_window


def test_after_manual_entry_the_window_has_the_keyboard(qtbot: QtBot, window: ClerkWindow) -> None:
    window.picker.choose("MZ-001")
    dialog = window.identifying.open_manual_entry(agent=False)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.name.setText("张三")  # QTest types Latin-1 only
    qtbot.keyClicks(dialog.number, "11010519491231002X")
    dialog.sighted.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() in (window.capture_button, window.materials_panel.table,
                                          window.capturing.import_button)


def test_a_card_page_is_saved_without_a_size(qtbot: QtBot, window: ClerkWindow) -> None:
    sims = window.services.simulators
    assert sims is not None
    window.picker.choose("SB-002")
    sims.place_card(sims.sample_cards()[0])
    qtbot.waitUntil(lambda: window.session.state.page_count > 0, timeout=20_000)
    qtbot.waitUntil(lambda: bool(window.capturing.status.text()), timeout=5_000)
    text = window.capturing.status.text()
    assert "0×0" not in text and "×" not in text
    assert "身份证" in text  # the card page's own words (session.card.page_filed)


def test_the_search_keeps_the_last_words_selected(qtbot: QtBot, window: ClerkWindow) -> None:
    field = window.picker.filter
    field.setText("低保")  # QTest types Latin-1 only
    window.keyboard.focus_next()  # what the flow does once an applicant is done
    assert QApplication.focusWidget() is field
    assert field.selectedText() == "低保"
    qtbot.keyClick(field, Qt.Key.Key_S)
    assert field.text() == "s"
