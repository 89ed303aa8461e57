"""Qt's own texts follow the UI language: in the Chinese UI the standard buttons and
dialogs (OK, Cancel, Close, the file dialog) were English (found by review)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui_shared.app_setup import install_translator

BUTTONS = (
    QDialogButtonBox.StandardButton.Ok
    | QDialogButtonBox.StandardButton.Cancel
    | QDialogButtonBox.StandardButton.Close
)


def test_standard_buttons_are_chinese_in_the_chinese_ui(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        install_translator(qapp, "zh_CN")
        box = QDialogButtonBox(BUTTONS)
        qtbot.addWidget(box)
        assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消", "关闭"])
    finally:
        install_translator(qapp, "en")  # later tests expect the source language
    box = QDialogButtonBox(BUTTONS)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["OK", "Cancel", "Close"])
