"""`yiwang kiosk` shows its attract screen before the station is open (kiosk.boot):

- a touch on a service button while the station opens is remembered, the button says
  请稍候, and the service opens as soon as the station is ready (the opener waits on an
  Event the test sets: real widgets, the real station behind it);
- 关怀模式 needs nothing of the station: it works at once;
- a station that cannot be opened still ends the kiosk with the one-line error and exit
  code of the command line, after the attract screen was shown (real processes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.theme import ELDERLY
from sync.exit_codes import ExitCode, exit_code_for
from sync.store import StoreError

ROOT = Path(__file__).resolve().parents[2]


class GatedOpener:
    """Opens the real station once the test says so."""

    def __init__(self, fail: BaseException | None = None) -> None:
        self.started = threading.Event()
        self.go = threading.Event()
        self.fail = fail

    def __call__(self, data_dir: Path) -> Any:
        from kiosk.boot import open_services

        self.started.set()
        assert self.go.wait(60), "the test never let the station open"
        if self.fail is not None:
            raise self.fail
        return open_services(data_dir)


@pytest.fixture
def booting(
    qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Path, GatedOpener], Any]]:
    from kiosk.boot import KioskBoot
    from kiosk.theme import apply_palette
    from ui_shared.app_setup import install_translator

    monkeypatch.setattr("tempfile.tempdir", None)  # the kiosk's private temp folder
    monkeypatch.setenv("YIWANG_KIOSK_TTS", "mock")
    install_translator(qapp, "zh_CN")
    apply_palette(qapp)
    made: list[Any] = []

    def make(data_dir: Path, opener: GatedOpener) -> Any:
        boot = KioskBoot(qapp, data_dir, language="zh_CN", windowed=True,
                         exit_when_ready=False, demo_devices=False, opener=opener)
        qtbot.addWidget(boot.window)
        made.append((boot, opener))
        boot.show(time.monotonic())
        return boot

    yield make
    for boot, opener in made:
        opener.go.set()
        boot.close()
    install_translator(qapp, "en")


def test_a_touch_before_the_station_is_open_is_acted_on_once_it_is(
    qtbot: Any, station_dir: Path, booting: Callable[[Path, GatedOpener], Any]
) -> None:
    opener = GatedOpener()
    boot = booting(station_dir, opener)
    window = boot.window
    attract = window.attract
    qtbot.waitUntil(opener.started.is_set)  # the first turn ran: the station is opening
    assert window.isVisible() and window.current is attract
    # the greeting names the station already (read from config.toml, not the store)
    greeting = attract.welcome.text()
    assert greeting.startswith("欢迎") and len(greeting) > len("欢迎"), greeting

    apply_button = attract.buttons["apply"]
    qtbot.mouseClick(apply_button, Qt.MouseButton.LeftButton)
    badge = apply_button.findChild(QLabel, "pleaseWait")
    assert badge is not None and badge.isVisible()
    assert badge.text() == "请稍候…"
    assert window.current is attract  # nothing opened yet, nothing lost
    assert list(window.screens.built()) == [attract]
    # 关怀模式 asks nothing of the station: it works at once
    qtbot.mouseClick(window.care, Qt.MouseButton.LeftButton)
    assert window.ctx.theme is ELDERLY and window.care.isChecked()

    opener.go.set()
    qtbot.waitUntil(lambda: _shown(window) == "ApplyScreen", timeout=30_000)
    assert boot.kiosk is not None and boot.kiosk.services.station is not None
    assert window.current.isVisible()
    qtbot.waitUntil(lambda: not apply_button.findChildren(QLabel, "pleaseWait"))
    # the same attract screen object stays, now greeting with the store's name
    assert window.attract is attract and attract.welcome.text() == greeting


def test_the_last_touch_before_the_station_is_open_wins(
    qtbot: Any, station_dir: Path, booting: Callable[[Path, GatedOpener], Any]
) -> None:
    opener = GatedOpener()
    boot = booting(station_dir, opener)
    window = boot.window
    qtbot.waitUntil(opener.started.is_set)
    qtbot.mouseClick(window.attract.buttons["apply"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.attract.buttons["progress"], Qt.MouseButton.LeftButton)
    badges = [b for b in window.attract.findChildren(QLabel, "pleaseWait") if b.isVisible()]
    assert [b.parent() for b in badges] == [window.attract.buttons["progress"]]
    opener.go.set()
    qtbot.waitUntil(lambda: _shown(window) == "ProgressScreen", timeout=30_000)


def _shown(window: Any) -> str:
    return type(window.current).__name__


def _kiosk(station: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "YIWANG_KIOSK_TTS": "mock"}
    return subprocess.run(
        [sys.executable, "-m", "yiwang", "kiosk", "--data-dir", str(station),
         "--exit-when-ready"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def _code_when_opened_first(data_dir: Path) -> int:
    """The exit code `yiwang kiosk` gave when it opened the station before its window:
    the documented code a StationUnavailable carries (the clerk's too), else the
    command line's answer to the error open_station raises."""
    from station.context import StationUnavailable, open_station

    with pytest.raises(Exception) as raised:
        open_station(data_dir, clerk_id="kiosk")
    if isinstance(raised.value, StationUnavailable):
        return int(raised.value.exit_code)
    return int(exit_code_for(raised.value) or ExitCode.UNEXPECTED)


def _one_line(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    ours = [line for line in done.stderr.splitlines() if line.startswith("kiosk:")]
    assert len(ours) == 1, done.stderr
    for needle in needles:
        assert needle in ours[0], ours[0]


def test_a_damaged_database_found_after_the_attract_screen_ends_the_kiosk_as_before(
    station_dir: Path, tmp_path: Path
) -> None:
    from station.context import open_station

    open_station(station_dir, with_engine=False, clerk_id="kiosk").close()  # a store held
    (station_dir / "station.db").write_bytes(b"")  # truncated
    # what the kiosk ended with when it opened its station before its window: the
    # command line's answer to the error open_station raises
    twin = tmp_path / "twin"
    shutil.copytree(station_dir, twin)
    expected = _code_when_opened_first(twin)

    done = _kiosk(station_dir)
    assert done.returncode == expected, done.stderr[-2000:]
    # the attract screen was up (and said so) before the store was found damaged
    assert done.stderr.index("kiosk ready for a touch") < done.stderr.index("kiosk:")
    _one_line(done, "truncated", "yiwang recover --data-dir")
    assert sorted(station_dir.glob("station.db.damaged-*"))  # kept for recovery
    assert not (station_dir / "station.db").exists()


def test_a_missing_data_dir_ends_the_kiosk_as_before_and_is_not_created(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "nowhere"
    expected = _code_when_opened_first(missing)
    done = _kiosk(missing)
    assert done.returncode == expected, done.stderr[-2000:]
    assert done.stderr.index("kiosk ready for a touch") < done.stderr.index("kiosk:")
    _one_line(done, str(missing))
    assert not missing.exists()


class RecordingOpener(GatedOpener):
    """A gated opener that keeps what it opened, to see it closed."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Any] = []

    def __call__(self, data_dir: Path) -> Any:
        services = super().__call__(data_dir)
        self.opened.append(services)
        return services


def test_closing_while_the_station_opens_closes_it_and_drops_the_late_result(
    qtbot: Any, qapp: Any, station_dir: Path, booting: Callable[[Path, GatedOpener], Any]
) -> None:
    """The kiosk ends (a signal, the maintenance exit) while its station is still
    opening: close() waits for the opener, closes the station it brought, and the
    `finished` still queued for the GUI thread joins nothing to the closed window
    (joining it would start devices and sync on a closed station)."""
    from PySide6.QtCore import QCoreApplication

    opener = RecordingOpener()
    boot = booting(station_dir, opener)
    qtbot.waitUntil(opener.started.is_set)
    opener.go.set()
    boot.close()  # joins the opener thread: its `finished` is queued by now
    assert len(opener.opened) == 1
    station = opener.opened[0].station
    QCoreApplication.processEvents()  # deliver what the opener queued
    QCoreApplication.processEvents()
    assert boot.kiosk is None and boot.error is None
    assert not boot.window.ctx.station_open
    assert station.closers == []  # closed (close() empties it)
    with pytest.raises(StoreError):  # a closed store refuses any use
        station.intake.store.schema_version()
