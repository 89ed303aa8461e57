"""Start the clerk station's Qt application over composed station services."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from clerk_station.clerk_day_bar import ClerkDayBar
from clerk_station.clerk_flow import ClerkFlow
from clerk_station.demo_panel import DemoPanel
from clerk_station.main_window import ClerkWindow
from station.services import StationServices
from ui_shared.app_setup import apply_fonts, apply_style, install_translator

log = logging.getLogger(__name__)


def make_application(language: str) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Yiwang Window")
    app.setOrganizationName("Yiwang")
    apply_fonts(app)
    install_translator(app, language)
    apply_style(app, "clerk")
    return app


def build_window(
    services: StationServices, *, language: str = "zh_CN", flow: ClerkFlow | None = None
) -> ClerkWindow:
    window = ClerkWindow(services, english=language == "en")
    if services.simulators is not None:
        window.addDockWidget(
            Qt.DockWidgetArea.BottomDockWidgetArea, DemoPanel(services.simulators, window)
        )
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


def run_clerk(
    services: StationServices, *, language: str = "zh_CN", exit_when_ready: bool = False
) -> int:
    app = make_application(language)
    windows: list[ClerkWindow] = []

    def make_window() -> ClerkWindow:
        windows.append(build_window(services, language=language, flow=flow))
        return windows[-1]

    flow = ClerkFlow(services, make_window)
    if exit_when_ready:
        # the first screen (sign-in, or the main window) is shown: quit once it has painted
        flow.ready.connect(lambda: QTimer.singleShot(0, app.quit))
    flow.start()
    code = app.exec()
    for window in windows:
        window.shutdown()
    flow.shutdown()
    return int(code)
