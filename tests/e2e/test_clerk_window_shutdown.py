"""The clerk window's shutdown waits for every lane it runs, its day bar's too.

Whoever shuts the window down closes the station's store next (clerk_station/boot.py,
every test). The clerk's day bar asks on a worker thread of its own, as the window opens,
whether the clerk is an admin; while that query ran, the store closed its connection
under it and the process died (a segmentation fault of CPython's sqlite3: a worker of
`pytest -n 3` crashed, the run hung after it)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.clerk_admin import ClerkAdmin
from station.context import open_station


def test_shutdown_joins_the_day_bars_lane_before_the_store_closes(
    qtbot: QtBot, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asking = threading.Event()
    answer = threading.Event()
    askers: list[threading.Thread] = []
    allowed = ClerkAdmin.allowed

    def held_allowed(admin: ClerkAdmin) -> bool:
        askers.append(threading.current_thread())
        asking.set()
        answer.wait(10)
        return allowed(admin)

    monkeypatch.setattr(ClerkAdmin, "allowed", held_allowed)
    services = open_station(station_dir, with_engine=False)
    try:
        assert services.clerk_day is not None  # the window gets its day bar
        window = build_window(services)
        qtbot.addWidget(window)
        assert asking.wait(10)
        answer.set()  # the query runs on while the window shuts down
        window.shutdown()
        [asker] = askers
        assert not asker.is_alive()  # its lane was joined: nothing runs on the store now
    finally:
        services.close()
