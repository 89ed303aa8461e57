"""The evaluation pad's reasons page has a way back to the five levels: a citizen who
tapped 不满意 by mistake changes it, nothing is sent on the way, reasons are cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clerk_station.evaluation_pad import EvaluationPad


def test_back_from_the_reasons_to_the_levels(qtbot: QtBot) -> None:
    pad = EvaluationPad()
    qtbot.addWidget(pad)
    pad.place()
    pad.show()
    sent: list[tuple[int, tuple[str, ...]]] = []
    pad.rated.connect(lambda level, reasons: sent.append((level, reasons)))
    pad.ask_rating()
    qtbot.mouseClick(pad.level_buttons[1], Qt.MouseButton.LeftButton)  # 非常不满意
    assert pad.pages.currentWidget() is pad.reasons
    assert pad.back_button.isVisible() and pad.back_button in pad.reasons.findChildren(QPushButton)
    assert pad.back_button.focusPolicy() == Qt.FocusPolicy.NoFocus  # never the clerk's focus
    qtbot.mouseClick(pad.reason_buttons["attitude_poor"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.back_button, Qt.MouseButton.LeftButton)
    assert pad.pages.currentWidget() is pad.rating and sent == []
    assert not pad.reason_buttons["attitude_poor"].isChecked()
    qtbot.mouseClick(pad.level_buttons[4], Qt.MouseButton.LeftButton)  # 满意 after all
    assert sent == [(4, ())]
