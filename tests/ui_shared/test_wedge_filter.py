"""Keyboard-wedge scans are taken out of the key stream; a person's typing
reaches the focused widget unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from ui_shared.wedge_filter import WedgeKeyFilter


def _type(widget: QLineEdit, text: str, start_ms: int, gap_ms: int) -> int:
    t = start_ms
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            ev.setTimestamp(t)
            QApplication.sendEvent(widget, ev)
        t += gap_ms
    return t


@pytest.fixture
def edit_and_filter(qtbot: QtBot) -> Iterator[tuple[QLineEdit, WedgeKeyFilter, list[str]]]:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=2_000)
    wedge = WedgeKeyFilter()
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    wedge.install()
    yield edit, wedge, scans
    wedge.remove()


def test_scanner_burst_becomes_a_scan_and_never_reaches_the_widget(
    qtbot: QtBot, edit_and_filter: tuple[QLineEdit, WedgeKeyFilter, list[str]]
) -> None:
    edit, _wedge, scans = edit_and_filter
    _type(edit, "YW1|S001-20261125-0001|ABCDEFGHJK\r", 10_000, 3)
    assert scans == ["YW1|S001-20261125-0001|ABCDEFGHJK"]
    qtbot.wait(60)
    assert edit.text() == ""


def test_person_typing_reaches_the_widget(
    qtbot: QtBot, edit_and_filter: tuple[QLineEdit, WedgeKeyFilter, list[str]]
) -> None:
    edit, _wedge, scans = edit_and_filter
    _type(edit, "公积金 SB", 20_000, 120)
    qtbot.waitUntil(lambda: edit.text() == "公积金 SB", timeout=2_000)
    t = _type(edit, "12", 30_000, 3)  # two fast keys: too short to be a scan
    qtbot.waitUntil(lambda: edit.text() == "公积金 SB12", timeout=2_000)
    _type(edit, "x", t + 500, 3)
    qtbot.waitUntil(lambda: edit.text() == "公积金 SB12x", timeout=2_000)
    assert scans == []
