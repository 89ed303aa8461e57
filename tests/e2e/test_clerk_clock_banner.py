"""#10: the engine's clock-skew event is shown to the clerk as a banner saying how
far the station clock is off and what to do, and cleared when it is back in limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station
from sync.engine import CLOCK_SKEW_LIMIT, EventKind
from sync.engine.events import EventSink
from sync.problems import Code, Problem


def _clock_event(sink: EventSink, skew: float) -> None:
    # exactly what SyncEngine._check_clock emits (skew = platform time - station time)
    sink.emit(EventKind.CLOCK, Problem.of(
        Code.CLOCK_SKEW, seconds=round(skew), limit=round(CLOCK_SKEW_LIMIT),
    ))


@pytest.mark.parametrize(
    ("language", "fast", "slow"),
    [
        ("zh_CN", ("本机时间比平台快约 10 分钟", "通知技术人员校准时间"),
         ("本机时间比平台慢约 3 分钟",)),
        ("en", ("about 10 min ahead of the platform's", "correct the clock"),
         ("about 3 min behind the platform's",)),
    ],
)
def test_clock_skew_banner_shown_and_cleared(
    qtbot: QtBot, station_dir: Path, tmp_path: Path,
    language: str, fast: tuple[str, ...], slow: tuple[str, ...],
) -> None:
    services = open_station(station_dir)
    try:
        window = build_window(services, language=language)
        qtbot.addWidget(window)
        window.show()
        banner = window.sync.clock_banner
        sink = EventSink(services.sync_events.emit)  # the engine's own event path
        try:
            assert not banner.isVisible() and banner.text() == ""
            _clock_event(sink, -600.4)  # station clock 10 minutes fast
            qtbot.waitUntil(banner.isVisible, timeout=5_000)
            for words in fast:
                assert words in banner.text()
            window.grab().save(str(tmp_path / f"clock_banner_{language}.png"))
            _clock_event(sink, 185.0)  # now 3 minutes slow
            qtbot.waitUntil(lambda: all(w in banner.text() for w in slow), timeout=5_000)
            _clock_event(sink, 4.0)  # corrected: back within the limit
            qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
            assert banner.text() == ""
        finally:
            window.shutdown()
    finally:
        services.close()
