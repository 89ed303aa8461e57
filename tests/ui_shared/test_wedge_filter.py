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
    # the scan completes once the burst is over (an Enter inside a code is kept)
    qtbot.waitUntil(lambda: scans == ["YW1|S001-20261125-0001|ABCDEFGHJK"], timeout=2_000)
    qtbot.wait(60)
    assert edit.text() == ""


def _ctrl(widget: QLineEdit, key: Qt.Key, text: str, at_ms: int) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        ev = QKeyEvent(kind, key, Qt.KeyboardModifier.ControlModifier, text)
        ev.setTimestamp(at_ms)
        QApplication.sendEvent(widget, ev)


def test_gs1_separator_typed_as_ctrl_bracket_and_spaces_are_kept(
    qtbot: QtBot, edit_and_filter: tuple[QLineEdit, WedgeKeyFilter, list[str]]
) -> None:
    edit, _wedge, scans = edit_and_filter
    t = _type(edit, " 0109501101530003", 40_000, 3)
    _ctrl(edit, Qt.Key.Key_BracketRight, "\x1d", t)  # what a GS1 scanner types for GS
    _type(edit, "10ABC123 \r", t + 3, 3)
    qtbot.waitUntil(lambda: scans == [" 0109501101530003\x1d10ABC123 "], timeout=2_000)
    qtbot.wait(60)
    assert edit.text() == ""


def test_embedded_crlf_kept_and_a_persons_shortcut_passes(
    qtbot: QtBot, edit_and_filter: tuple[QLineEdit, WedgeKeyFilter, list[str]]
) -> None:
    edit, _wedge, scans = edit_and_filter
    t = _type(edit, "LINE1\r", 60_000, 3)
    _ctrl(edit, Qt.Key.Key_J, "\n", t)  # LF typed as Ctrl+J
    _type(edit, "LINE2\r", t + 3, 3)
    qtbot.waitUntil(lambda: scans == ["LINE1\r\nLINE2"], timeout=2_000)
    edit.setText("abc")
    _ctrl(edit, Qt.Key.Key_A, "\x01", 70_000)  # no burst in hand: Ctrl+A selects all
    assert edit.selectedText() == "abc"
    edit.setText("")
    t = _type(edit, "q", 80_000, 3)  # a person's key, held back for a moment ...
    edit.setText("abc")
    _ctrl(edit, Qt.Key.Key_A, "\x01", t + 200)  # ... then a shortcut well after it
    # at once: the held key is given back first, then the shortcut acts (not held)
    assert edit.text() == "abcq" and edit.selectedText() == "abcq"
    assert scans == ["LINE1\r\nLINE2"]


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
