"""QApplication set-up both UIs share: language, fonts, style sheet."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("zh_CN", "en")


_installed: list[QTranslator] = []


def application(language: str, name: str) -> QApplication:
    """The one QApplication of a front end, named, with the CJK fonts, the GUI-thread
    garbage collector and the translator for `language`; the caller adds its style."""
    from ui_shared.gui_gc import collect_garbage_on_gui_thread

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(name)
    app.setOrganizationName("Yiwang")
    apply_fonts(app)
    collect_garbage_on_gui_thread(app)
    install_translator(app, language)
    return app


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """zh_CN is the primary language; English is the source language of the code."""
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    qm = resource_path("translations", f"yiwang_{language}.qm")
    if not translator.load(str(qm)):
        log.warning("translation %s not found; showing English", qm)
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own texts (OK, Cancel, Close, Yes, No, the file dialog) come from Qt's catalog
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.warning("Qt's own %s translation not found in %s; its buttons stay English",
                    language, qt_dir)
    return translator


def apply_fonts(app: QApplication) -> None:
    """Prefer a CJK family that is actually installed, so no glyph renders as a box."""
    families = set(QFontDatabase.families())
    for family in (
        "Noto Sans CJK SC",
        "WenQuanYi Micro Hei",
        "Source Han Sans SC",
        "Microsoft YaHei",
    ):
        if family in families:
            app.setFont(QFont(family, 11))
            return
    log.warning("no CJK font found; Chinese text may not render (install fonts-wqy-microhei)")


def apply_style(app: QApplication, name: str) -> None:
    sheet = resource_path("qss", f"{name}.qss").read_text(encoding="utf-8")
    # the same sheet again (a second window of the process) would restyle every widget
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
