"""Dialogs fit the screen they open on (the page viewer opened 1000 px tall on a
768 px hall screen, its buttons off screen: found by review)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ui_shared.screen_fit import resize_within_screen


def test_a_dialog_never_opens_larger_than_its_screen(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    resize_within_screen(dialog, room.width() * 2, room.height() * 2)
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    resize_within_screen(dialog, 300, 200)  # what fits is kept as asked
    assert (dialog.width(), dialog.height()) == (300, 200)
