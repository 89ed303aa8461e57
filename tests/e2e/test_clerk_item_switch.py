"""Switching the item keeps what was captured: the clerk is asked, pages of materials
with the same name move to the new item, and nothing is dropped unconfirmed —
neither by a switch nor by starting a new applicant."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station
from tests.helpers.clerk import capture_required


def test_item_switch_keeps_pages(qtbot: QtBot, station_dir: Path) -> None:
    services = open_station(station_dir, with_engine=False)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)
        capture_required(qtbot, window, window.picker.choose("SB-001"))
        captured = dict(window.session.state.pages)
        assert len(captured) == 3

        window.picker.choose("SB-002")
        box = window.outcomes.switch_box
        assert box is not None and box.isVisible()
        assert "1" in box.text()  # one page (the SB-001 form) fits nothing in SB-002
        box.button(QMessageBox.StandardButton.No).click()
        state = window.session.state
        assert state.item is not None and state.item.code == "SB-001"
        assert state.pages == captured
        marked = window.picker.view.currentIndex()
        assert window.picker.model.item_at(marked.row()).code == "SB-001"  # not SB-002

        window.picker.choose("SB-002")
        box = window.outcomes.switch_box
        assert box is not None
        box.button(QMessageBox.StandardButton.Yes).click()
        state = window.session.state
        assert state.item is not None and state.item.code == "SB-002"
        assert state.pages == {"M01": captured["M01"], "M02": captured["M02"]}
        assert [m.code for m in state.missing] == ["M03", "M04"]
        assert window.materials_panel.model.data(window.materials_panel.model.index(0, 2)) == "1"

        window.reset()  # Ctrl+N with pages in hand: asked first
        reset_box = window.outcomes.reset_box
        assert reset_box is not None and reset_box.isVisible()
        reset_box.button(QMessageBox.StandardButton.No).click()
        assert window.session.state.page_count == 2
        window.reset()
        assert window.outcomes.reset_box is not None
        window.outcomes.reset_box.button(QMessageBox.StandardButton.Yes).click()
        assert window.session.state.item is None and window.session.state.page_count == 0
    finally:
        window.shutdown()
        services.close()
