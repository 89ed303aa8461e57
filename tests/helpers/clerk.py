"""Driving the clerk window in whole-flow tests: open it on a station, identify the
sample applicant, capture what an item needs, wait for the platform to hold a
submission."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from clerk_station.main_window import ClerkWindow
from intake.catalog import ServiceItem
from station.services import StationServices


@contextmanager
def clerk_window(
    qtbot: QtBot, station_dir: Path, *, language: str = "zh_CN", start: bool = True
) -> Iterator[tuple[StationServices, ClerkWindow]]:
    """The clerk window on `station_dir` (engine off), shown and, unless told, started;
    shut down and its station closed afterwards."""
    from clerk_station.app import build_window
    from station.context import open_station

    services = open_station(station_dir, with_engine=False)
    window = build_window(services, language=language)
    assert isinstance(window, ClerkWindow)
    qtbot.addWidget(window)
    window.show()
    try:
        if start:
            window.start()
        yield services, window
    finally:
        window.shutdown()
        services.close()


def identify_sample(qtbot: QtBot, window: ClerkWindow, services: StationServices) -> None:
    """The simulator's first sample card placed and read into the intake."""
    sims = services.simulators
    assert sims is not None
    sims.place_card(sims.sample_cards()[0])
    qtbot.waitUntil(lambda: window.session.state.person is not None, timeout=10_000)


def capture_required(qtbot: QtBot, window: ClerkWindow, item: ServiceItem) -> None:
    """Capture every required material still missing from the (simulated) document camera
    (a card read may already have filed the ID card)."""
    qtbot.waitUntil(lambda: window.session.state.storing == 0, timeout=10_000)
    missing = {m.code for m in window.session.state.missing}
    for row, material in enumerate(item.materials):
        if material.code not in missing:
            continue
        window.materials_panel.select_row(row)
        # the simulated camera now shows this material; wait for a fresh detected frame
        with qtbot.waitSignal(window.preview.frame_shown, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: window.preview.page_detected, timeout=10_000)
        qtbot.waitUntil(window.capture_button.isEnabled, timeout=10_000)
        with qtbot.waitSignal(window.page_stored, timeout=20_000) as stored:
            window.capture_button.click()
        assert stored.args is not None and stored.args[0] == material.code


def wait_for_platform(admin: Callable[..., Any], uuid: str, timeout: float = 30) -> dict[str, Any]:
    """The platform's record of the submission (with its manifest), once it holds it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        held = [s for s in admin("GET", "/v1/admin/submissions") if s["uuid"] == uuid]
        if held:
            assert len(held) == 1
            return dict(admin("GET", f"/v1/admin/submissions/{uuid}"))
        time.sleep(0.3)  # polling a separate process: nothing to wait on
    raise AssertionError("the platform never received the submission")
