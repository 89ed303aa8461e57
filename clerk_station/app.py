"""Start the clerk station's Qt application over composed station services."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_station.demo_panel import DemoPanel
from clerk_station.main_window import ClerkWindow
from station.services import StationServices
from ui_shared.app_setup import apply_fonts, apply_style, install_translator
from ui_shared.quit_signals import quit_on_signals

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


def build_window(services: StationServices, *, language: str = "zh_CN") -> ClerkWindow:
    window = ClerkWindow(services, english=language == "en")
    if services.simulators is not None:
        window.addDockWidget(
            Qt.DockWidgetArea.BottomDockWidgetArea, DemoPanel(services.simulators, window)
        )
    return window


def run_clerk(services: StationServices, *, language: str = "zh_CN") -> int:
    app = make_application(language)
    signals = quit_on_signals(app)  # Ctrl+C / SIGTERM close the window cleanly
    try:
        window = build_window(services, language=language)
        window.show()
        window.start()
        code = signals.exec()
        window.shutdown()
    finally:
        signals.restore()
    return int(code)
