"""`yiwang clerk` shows its sign-in screen before the station is open
(clerk_station.boot):

- a sign-in submitted while the station opens says 请稍候, opens no window, and goes
  through as soon as the station is open (the opener waits on an Event the test sets:
  real widgets, the real station and clerk directory behind it);
- closing while the station opens closes the station it brought and joins nothing;
- a station that cannot be opened still ends `yiwang clerk` with the one-line error and
  exit code it gave when the station was opened first, after the sign-in screen was up
  (the command's own function in this process; tests/yiwang runs the real one).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from sync.exit_codes import ExitCode
from sync.store import StoreError
from tests.e2e.clerk_in_process import clerk_exit_when_ready
from tests.helpers.platform_admin import admin_json_caller, set_up_enrolled_station

PIN = "730518"


class GatedOpener:
    """Opens the real station (engine off) once the test says so."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.go = threading.Event()
        self.opened: list[Any] = []

    def __call__(self, data_dir: Path) -> Any:
        from station.context import open_station

        self.started.set()
        assert self.go.wait(60), "the test never let the station open"
        services = open_station(data_dir, with_engine=False)
        self.opened.append(services)
        return services


@pytest.fixture
def station_dir(tmp_path: Path, shared_platform: Any) -> Path:
    """An enrolled window station with clerk c01 (PIN 730518)."""
    import secrets

    from station.context import open_station

    with admin_json_caller(shared_platform) as admin:
        station = set_up_enrolled_station(tmp_path / "station", admin, shared_platform.url,
                                          "C" + secrets.token_hex(3).upper())
    services = open_station(station, with_engine=False)
    try:
        assert services.clerk_day is not None
        services.clerk_day.directory.add("c01", "李窗口", PIN, by="setup")
    finally:
        services.close()
    return station


@pytest.fixture
def booting(qtbot: Any, qapp: Any) -> Iterator[Callable[[Path, GatedOpener], Any]]:
    from clerk_station.boot import ClerkBoot
    from ui_shared.app_setup import install_translator

    install_translator(qapp, "zh_CN")
    made: list[tuple[Any, GatedOpener]] = []

    def make(data_dir: Path, opener: GatedOpener) -> Any:
        boot = ClerkBoot(qapp, data_dir, language="zh_CN", exit_when_ready=False,
                         opener=opener)
        qtbot.addWidget(boot.sign_in)
        made.append((boot, opener))
        boot.show(time.monotonic())
        return boot

    yield make
    for boot, opener in made:
        opener.go.set()
        boot.close()
        for window in boot.windows:
            window.close()
    install_translator(qapp, "en")


def test_a_sign_in_before_the_station_is_open_waits_and_then_goes_through(
    qtbot: Any, station_dir: Path, booting: Callable[[Path, GatedOpener], Any]
) -> None:
    opener = GatedOpener()
    boot = booting(station_dir, opener)
    screen = boot.sign_in
    qtbot.waitUntil(opener.started.is_set)  # the first turn ran: the station is opening
    assert screen.isVisible()
    # the station's name from config.toml already, not from the store
    assert screen.title.text().endswith("便民服务中心"), screen.title.text()
    screen.clerk_field.setText("c01")
    screen.pin.setText(PIN)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert screen.waiting and screen.message.text() == "请稍候…"
    assert not screen.sign_in_button.isEnabled()  # a second Enter sends nothing more
    assert boot.flow is None and not boot.windows

    opener.go.set()
    qtbot.waitUntil(lambda: boot.flow is not None and boot.flow.account is not None,
                    timeout=30_000)
    flow: Any = boot.flow  # set by the join (the assert above narrowed it to None)
    assert flow.window is not None and flow.window.isVisible() and not screen.isVisible()
    assert flow.sign_in is screen and not screen.waiting
    services = opener.opened[0]
    assert services.clerk_id == "c01"
    assert "sign_in" in [r["action"] for r in services.intake.store.audit_rows()]


def test_a_wrong_pin_before_the_station_is_open_is_answered_once_it_is(
    qtbot: Any, station_dir: Path, booting: Callable[[Path, GatedOpener], Any]
) -> None:
    opener = GatedOpener()
    boot = booting(station_dir, opener)
    screen = boot.sign_in
    qtbot.waitUntil(opener.started.is_set)
    screen.clerk_field.setText("c01")
    screen.pin.setText("111112")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert screen.message.text() == "请稍候…"
    opener.go.set()
    qtbot.waitUntil(lambda: "请稍候" not in screen.message.text() and
                    screen.sign_in_button.isEnabled(), timeout=30_000)
    assert screen.isVisible() and boot.flow is not None and boot.flow.window is None
    assert screen.pin.text() == ""  # asked again, nothing kept


def test_closing_while_the_station_opens_closes_it_and_joins_nothing(
    qtbot: Any, station_dir: Path, booting: Callable[[Path, GatedOpener], Any]
) -> None:
    opener = GatedOpener()
    boot = booting(station_dir, opener)
    qtbot.waitUntil(opener.started.is_set)
    opener.go.set()
    boot.close()  # joins the opener thread: its `finished` is queued by now
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    assert boot.flow is None and boot.error is None and not boot.windows
    services = opener.opened[0]
    with pytest.raises(StoreError):  # closed by close()
        services.intake.store.schema_version()


def test_a_damaged_database_found_after_the_sign_in_screen_ends_as_before(
    qapp: Any, station_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`yiwang clerk --exit-when-ready`, in this process (tests/e2e/clerk_in_process.py)."""
    (station_dir / "station.db").write_bytes(b"")  # truncated
    code = clerk_exit_when_ready(qapp, station_dir)
    done = capsys.readouterr()
    assert code == ExitCode.DAMAGED, done.err[-2000:]
    # the sign-in screen was up (and said so) before the store was found damaged
    assert done.err.index("clerk window ready") < done.err.index("clerk:")
    assert "Traceback" not in done.err + done.out
    ours = [line for line in done.err.splitlines() if line.startswith("clerk:")]
    assert len(ours) == 1 and "yiwang recover --data-dir" in ours[0], done.err
    assert sorted(station_dir.glob("station.db.damaged-*"))
