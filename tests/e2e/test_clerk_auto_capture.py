"""Auto-capture: with the box ticked, each page is taken once it holds still,
the checklist advances, and a page lying still is never taken twice."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station


def test_auto_capture_fills_the_checklist(qtbot: QtBot, station_dir: Path) -> None:
    services = open_station(station_dir, with_engine=False)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.applicant_panel.applicant is not None, timeout=10_000)
        window.auto_capture.setChecked(True)
        item = window.picker.choose("YB-001")
        draft = window.draft
        assert draft is not None
        qtbot.waitUntil(lambda: draft.is_complete, timeout=60_000)
        required = [m.code for m in item.required_materials]
        assert all(len(draft.pages.get(code, [])) == 1 for code in required)
        # the last page keeps lying there: nothing more is taken, however many frames
        # show it (three times the frames that made it count as still)
        pages = sum(len(p) for p in draft.pages.values())
        detector = window.capturing._stability_detector
        assert detector is not None
        for _frame in range(3 * detector.n_frames):
            with qtbot.waitSignal(window.preview.frame_shown, timeout=10_000):
                pass
        qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
        assert sum(len(p) for p in draft.pages.values()) == pages
        assert window.accept_button.isEnabled()
    finally:
        window.shutdown()
        services.close()
