"""Start the clerk station's Qt application over composed station services."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clerk_station.clerk_day_bar import ClerkDayBar
from clerk_station.clerk_flow import ClerkFlow
from clerk_station.demo_panel import DemoPanel
from clerk_station.front import make_application
from clerk_station.main_window import ClerkWindow
from clerk_station.startup_failure import StartupFailureScreen
from station.services import StationServices
from ui_shared.gui_gc import stop_collecting_on_gui_thread
from ui_shared.quit_signals import quit_on_signals

log = logging.getLogger(__name__)
__all__ = ["build_window", "make_application", "run_clerk", "run_startup_failure"]


def build_window(
    services: StationServices, *, language: str = "zh_CN", flow: ClerkFlow | None = None
) -> ClerkWindow:
    window = ClerkWindow(services, english=language == "en")
    if services.simulators is not None:
        # beside the device states, on a line the window has anyway
        window.statusBar().addWidget(DemoPanel(services.simulators, window))
    if services.clerk_day is not None:
        ledger = services.clerk_day.ledger
        window.tasks.disk(
            ledger.item_usage,
            window.picker.model.set_usage,
            lambda e: log.warning("item usage not read: %r", e),
        )
        window.addToolBar(
            ClerkDayBar(
                window,
                services,
                services.clerk_day,
                lock=flow.lock if flow else lambda: None,
                sign_out=flow.sign_out if flow else lambda: None,
                english=language == "en",
            )
        )
    return window


def quit_when_shown(app: QApplication, widget: QWidget) -> None:
    """Leave the event loop (code 0) once ``widget`` is on screen and taking input."""

    def check() -> None:
        if widget.isVisible() and widget.isEnabled():
            app.exit(0)
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)


def run_clerk(
    services: StationServices, *, language: str = "zh_CN", exit_when_ready: bool = False
) -> int:
    app = make_application(language)
    signals = quit_on_signals(app)  # Ctrl+C / SIGTERM close the window cleanly
    windows: list[ClerkWindow] = []

    def make_window() -> ClerkWindow:
        windows.append(build_window(services, language=language, flow=flow))
        return windows[-1]

    try:
        flow = ClerkFlow(services, make_window)
        # bench/kiosk_cold_start.py times the process up to this line
        flow.ready.connect(lambda: log.info("clerk window ready"))
        if exit_when_ready:
            # the first screen (sign-in, or the main window) is shown: quit once it has painted
            flow.ready.connect(lambda: QTimer.singleShot(0, app.quit))
        flow.start()
        code = signals.exec()
        for window in windows:
            window.shutdown()
        flow.shutdown()
    finally:
        signals.restore()
        stop_collecting_on_gui_thread()  # after the workers: ui_shared.gui_gc
    return int(code)


def run_startup_failure(
    problem_zh: str, problem_en: str, *, language: str = "zh_CN", exit_when_ready: bool = False
) -> StartupFailureScreen:
    """Show why the station cannot start (instead of the clerk window) until closed."""
    app = make_application(language)
    screen = StartupFailureScreen(problem_en if language == "en" else problem_zh)
    screen.show()
    if exit_when_ready:
        quit_when_shown(app, screen)
    app.exec()
    return screen
