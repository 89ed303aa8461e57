"""The clerk window at a hall's 1366x768 screen with the demo's simulated-device panel
shown (what `./run demo` opens): the panel is a demo aid and must not take the
materials checklist's height. A review found only ~1.5 rows of the checklist left in
English with the panel docked at the bottom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.demo_panel import DemoPanel
from station.context import open_station
from ui_shared.app_setup import apply_fonts, apply_style, install_translator

#: full checklist rows the styled window shows at 1366x768 without the demo panel (4 in
#: Chinese before this fix, 2 in English); with the panel both keep at least this many
MIN_FULL_ROWS = 4


def full_rows(table: QTableView) -> int:
    viewport = table.viewport().rect()
    return sum(
        1
        for row in range(table.model().rowCount())
        if viewport.contains(table.visualRect(table.model().index(row, 0)))
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_demo_panel_leaves_the_checklist_its_rows_at_1366x768(
    qtbot: QtBot, qapp: QApplication, station_dir: Path, language: str
) -> None:
    # the window as `yiwang clerk` styles it: the style sheet's fonts and paddings are
    # what eat the height
    apply_fonts(qapp)
    install_translator(qapp, language)
    apply_style(qapp, "clerk")
    services = open_station(station_dir, with_engine=False)
    assert services.simulators is not None  # a test station runs on simulated devices
    window = build_window(services, language=language)
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        window.picker.choose("MZ-001")  # seven materials: more than the box can show
        QApplication.processEvents()
        panel = window.findChild(DemoPanel)
        assert panel is not None and panel.isVisible()
        qtbot.waitUntil(lambda: window.width() <= 1366 and window.height() <= 768)
        table = window.materials_panel.table
        assert table.model().rowCount() >= MIN_FULL_ROWS
        assert full_rows(table) >= MIN_FULL_ROWS, full_rows(table)
        # on the status bar's line, not a row of its own; out of the clerk's tab order
        assert panel.parentWidget() is window.statusBar()
        assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus
                   for w in (panel.cards, panel.place, panel.lift))
    finally:
        window.shutdown()
        services.close()
        # the application object outlives this test: the next ones expect it unstyled
        qapp.setStyleSheet("")
        install_translator(qapp, "en")
