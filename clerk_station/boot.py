"""`yiwang clerk` start-up: the sign-in screen first, the station behind it.

Opening the station loads the store, sync and the station's modules, and the main
window is the largest part of the clerk's UI. So a station where clerks sign in shows
its sign-in screen first (clerk_station.front, clerk_station.sign_in: Qt and small
modules of ours only), says "clerk window ready" on its first event-loop turn, and
opens the station on a plain thread (ui_shared.station_opening). The clerk can type the
id and PIN at once; a sign-in submitted before the station is open says "please wait"
and is checked when it is (clerk_station.sign_in). Once open, clerk_station.clerk_flow
takes over the same screen; the main window is built after the first sign-in, as
before.

If the station cannot be opened, the sign-in screen goes and the screen saying why
comes up, with the same line on stderr and the same exit code as when the station was
opened before any window. A station with a configured auto-login clerk (demo and test
stations) opens on its main window, which needs the station: it opens the station first
(run_with_station).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clerk_station.front import make_application
from clerk_station.sign_in import SignInScreen
from ui_shared.front_boot import FrontEndBoot
from ui_shared.quit_signals import SignalQuit, quit_on_signals
from ui_shared.station_opening import peek_config
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:
    from clerk_station.clerk_flow import ClerkFlow
    from clerk_station.main_window import ClerkWindow
    from station.services import StationServices

log = logging.getLogger("clerk_station.app")
#: says (once, on stderr: the technician's line) that the station cannot start and gives
#: the (Chinese, English) words for the screen; the command line provides it
Report = Callable[[BaseException], tuple[str, str]]


def english_only(error: BaseException) -> tuple[str, str]:
    """The report without the command line's words (tests, tools)."""
    print(" ".join(f"clerk: {error}".split()), file=sys.stderr, flush=True)
    return str(error), str(error)


def open_services(data_dir: Path) -> StationServices:
    """The clerk's station (the default opener; runs on the opening thread)."""
    from station.context import open_station

    return open_station(data_dir)


def run_clerk(
    data_dir: Path,
    *,
    language: str = "zh_CN",
    exit_when_ready: bool = False,
    opener: Callable[[Path], StationServices] = open_services,
    report: Report = english_only,
) -> int:
    if peek_config(data_dir).auto_login:
        return run_with_station(data_dir, language=language, exit_when_ready=exit_when_ready,
                                opener=opener, report=report)
    started = time.monotonic()
    app = make_application(language)
    signals = quit_on_signals(app)  # Ctrl+C / SIGTERM close the window cleanly
    try:
        boot = ClerkBoot(app, data_dir, language=language, exit_when_ready=exit_when_ready,
                         opener=opener, report=report)
        boot.show(started)
        return boot.run(signals)
    finally:
        signals.restore()


def run_with_station(
    data_dir: Path,
    *,
    language: str,
    exit_when_ready: bool,
    opener: Callable[[Path], StationServices] = open_services,
    report: Report = english_only,
) -> int:
    """The station opened first, then its first screen (an auto-login station's main
    window, which needs it); a station that cannot start shows why."""
    from clerk_station import app
    from station.context import StationUnavailable

    try:
        services = opener(data_dir)
    except StationUnavailable as e:
        zh, en = report(e)
        app.run_startup_failure(zh, en, language=language, exit_when_ready=exit_when_ready)
        return e.exit_code
    try:
        return app.run_clerk(services, language=language, exit_when_ready=exit_when_ready)
    finally:
        services.close()


class ClerkBoot(FrontEndBoot["StationServices"]):
    """The sign-in screen shown at once, the station opened behind it, the two joined."""

    def __init__(
        self,
        app: QApplication,
        data_dir: Path,
        *,
        language: str,
        exit_when_ready: bool,
        opener: Callable[[Path], StationServices],
        report: Report = english_only,
    ) -> None:
        super().__init__(app, lambda: opener(data_dir), exit_when_ready=exit_when_ready)
        self._report = report
        self.language = language
        self.tasks = TaskRunner(self)
        self.sign_in = SignInScreen(None, self.tasks,
                                    station_name=peek_config(data_dir).station_name)
        self.sign_in.resize(1024, 700)
        self.flow: ClerkFlow | None = None
        self.windows: list[ClerkWindow] = []
        #: the screen saying why the station cannot start, when it cannot
        self.failure: QWidget | None = None

    def show(self, started: float) -> None:
        self.sign_in.show()
        self.sign_in.clerk_field.setFocus()
        self.open_after_first_turn(log, "clerk window ready (sign-in)", started)

    def station_failed(self, error: BaseException | None) -> None:
        from station.context import StationUnavailable

        if not isinstance(error, StationUnavailable):
            self.leave(1)  # raised from run(): the command line's one line and code
            return
        zh, en = self._report(error)
        from clerk_station.app import quit_when_shown
        from clerk_station.startup_failure import StartupFailureScreen

        self.code = error.exit_code
        self.failure = StartupFailureScreen(en if self.language == "en" else zh)
        self.failure.show()
        self.sign_in.hide()  # the failure screen is the last window: closing it ends
        if self.exit_when_ready:
            quit_when_shown(self.app, self.failure)

    def join(self, services: StationServices) -> None:
        from clerk_station.app import build_window
        from clerk_station.clerk_flow import ClerkFlow

        def make_window() -> ClerkWindow:
            self.windows.append(build_window(services, language=self.language, flow=flow))
            return self.windows[-1]

        flow = self.flow = ClerkFlow(services, make_window, sign_in=self.sign_in,
                                     tasks=self.tasks)
        if services.clerk_day is not None:
            self.sign_in.attach(services.clerk_day.directory, services.intake.station_name)
        else:  # no clerk directory: the main window straight away (ClerkFlow.start)
            self.sign_in.hide()
        if self.exit_when_ready:
            # the station is open and its first screen takes input: the exit code now
            # says the station started
            flow.ready.connect(lambda: QTimer.singleShot(0, lambda: self.leave(0)))
        flow.start()

    def run(self, signals: SignalQuit) -> int:
        try:
            code = signals.exec()
        finally:
            self.close()
        if signals.code is not None:
            return signals.code
        if self.failure is not None:  # the screen said why; the documented exit code
            return self.code
        self.raise_errors()
        return int(code)

    def close_front(self) -> None:
        """The windows and the flow (before the station closes)."""
        for window in self.windows:
            window.shutdown()
        if self.flow is not None:
            self.flow.shutdown()
        else:
            self.tasks.shutdown()
            self.sign_in.close()

    def close_services(self, services: StationServices) -> None:
        services.close()
