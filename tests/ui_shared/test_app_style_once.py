"""The application's style sheet set again by a second window of the process (the clerk
window after the setup wizard) is left as it is: setting a sheet restyles every widget
of the application, the same sheet too. (An application object that records what is
set: on the test process's QApplication, every set restyles every widget the worker
still holds, seconds late in a run.)"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QApplication

from ui_shared.app_setup import apply_style


class _RecordingApp:
    def __init__(self, sheet: str = "") -> None:
        self.sheet = sheet
        self.sets: list[str] = []

    def styleSheet(self) -> str:
        return self.sheet

    def setStyleSheet(self, sheet: str) -> None:
        self.sheet = sheet
        self.sets.append(sheet)


def test_the_same_sheet_again_is_not_set_again() -> None:
    app = _RecordingApp()
    apply_style(cast(QApplication, app), "clerk")
    assert len(app.sets) == 1 and "QPushButton" in app.sheet
    apply_style(cast(QApplication, app), "clerk")
    assert len(app.sets) == 1  # the same sheet: nothing restyled
    other = _RecordingApp("QLabel { color: red; }")
    apply_style(cast(QApplication, other), "clerk")
    assert other.sets == [app.sheet]  # another sheet is replaced
