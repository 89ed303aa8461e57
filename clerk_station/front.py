"""The clerk station's Qt application, made before anything of the station is loaded
(clerk_station.boot shows the sign-in screen on it while the station opens)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui_shared.app_setup import application, apply_style


def make_application(language: str) -> QApplication:
    app = application(language, "Yiwang Window")
    apply_style(app, "clerk")
    return app
