"""`yiwang setup` on a display: the wizard as its own application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from ui_shared.app_setup import apply_fonts, apply_style, install_translator
from ui_shared.gui_gc import collect_garbage_on_gui_thread, stop_collecting_on_gui_thread
from ui_shared.quit_signals import quit_on_signals
from ui_shared.setup_wizard.wizard import SetupWizard


def run_wizard(data_dir: Path, *, language: str = "zh_CN") -> int:
    """0 when the station was set up, 1 when the technician cancelled."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    apply_fonts(app)
    collect_garbage_on_gui_thread(app)
    install_translator(app, language)
    apply_style(app, "clerk")
    signals = quit_on_signals(app)
    wizard = SetupWizard(data_dir)
    try:
        wizard.finished.connect(lambda _code: app.quit())
        wizard.show()
        code = signals.exec()
    finally:
        signals.restore()
        wizard.shutdown()
        stop_collecting_on_gui_thread()  # after the wizard's workers: ui_shared.gui_gc
    if code:
        return code
    if wizard.result() == QDialog.DialogCode.Accepted and wizard.result_ is not None:
        print(f"station set up in {data_dir}: {len(wizard.result_.changed)} change(s)")
        return 0
    return 1
