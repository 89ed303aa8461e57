"""The clerk window at a hall's 1366x768 screen in English (the longest labels): it
fits without scrolling and the item picker keeps a usable width (a review found it
squeezed to ~140 px by the applicant panel's agent row and the outcome buttons)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station

#: two lines of a long item name at the picker's font stay readable from here
MIN_PICKER = 260


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    return window.rect().contains(top_left) and window.rect().contains(bottom_right)


def test_english_window_fits_1366x768_with_a_usable_item_list(
    qtbot: QtBot, station_dir: Path
) -> None:
    services = open_station(station_dir, with_engine=False)
    window = build_window(services, language="en")
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        window.start()  # the camera panel as the clerk sees it
        window.picker.choose("SB-001")
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768
        qtbot.waitUntil(lambda: window.width() <= 1366 and window.height() <= 768)
        assert window.picker.view.width() >= MIN_PICKER
        panel = window.applicant_panel
        for widget in (
            panel.agent_card, panel.agent_manual, panel.agent_remove, panel.manual_button,
            panel.reread_button, window.accept_button, window.notice_button,
            window.refuse_button, window.deficiency_button, window.commitment_button,
            window.capture_button, window.capturing.import_button,
        ):
            assert widget.isVisible() and _inside(widget, window), widget.objectName()
            # a button never shows less than its own label (the squeezed agent row did)
            assert widget.width() >= widget.minimumSizeHint().width(), widget.text()
            assert widget.height() >= widget.minimumSizeHint().height(), widget.text()
    finally:
        window.shutdown()
        services.close()
