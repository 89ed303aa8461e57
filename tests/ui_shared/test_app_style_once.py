"""The application's style sheet set again by a second window of the process (the clerk
window after the setup wizard, every window a test builds) leaves the widgets as they
are: setting a sheet restyles every widget of the application, the same sheet too."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from ui_shared.app_setup import apply_style


class _StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_the_same_sheet_again_restyles_nothing(qapp: Any, qtbot: Any) -> None:
    before = qapp.styleSheet()
    try:
        apply_style(qapp, "clerk")
        label = QLabel("受理")
        qtbot.addWidget(label)
        label.show()
        changes = _StyleChanges()
        label.installEventFilter(changes)
        apply_style(qapp, "clerk")
        assert changes.count == 0
        assert qapp.styleSheet() and "QPushButton" in qapp.styleSheet()
        qapp.setStyleSheet("")  # another sheet still restyles (the filter sees it)
        assert changes.count > 0
    finally:
        qapp.setStyleSheet(before)
