"""The clerk station's Qt application, made before anything of the station is loaded
(clerk_station.boot shows the sign-in screen on it while the station opens)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ui_shared.app_setup import apply_fonts, apply_style, install_translator
from ui_shared.gui_gc import collect_garbage_on_gui_thread


def make_application(language: str) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Yiwang Window")
    app.setOrganizationName("Yiwang")
    apply_fonts(app)
    collect_garbage_on_gui_thread(app)
    install_translator(app, language)
    apply_style(app, "clerk")
    return app
