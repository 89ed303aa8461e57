"""Keyboard-wedge scanners in a Qt application.

A wedge scanner "types" its code as a burst of key presses. This filter sits
on the application, hands every printable key to the plain-Python
`WedgeDecoder`, and holds the keys back while a burst could still be forming:
a scanner burst becomes one `scanned` signal (and never reaches the focused
widget), a person's keys are replayed to the focused widget unchanged, a few
milliseconds late.

Keys map to the characters the scanner meant, faithfully: Enter is CR, Tab is TAB,
and Ctrl with @, A-Z, [, \\, ], ^ or _ is the control character (Ctrl+] = GS, 0x1D,
the GS1 separator most scanners type that way). A Ctrl key only counts while a burst
is being held: on its own it is a person's shortcut and passes through.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from devices.scanner.wedge import Typed, WedgeDecoder, WedgeOutput

log = logging.getLogger(__name__)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_BLOCKING_MODIFIERS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
_CONTROL_KEYS = range(Qt.Key.Key_At.value, Qt.Key.Key_Underscore.value + 1)  # @ A-Z [ \ ] ^ _


class WedgeKeyFilter(QObject):
    scanned = Signal(str)

    def __init__(self, decoder: WedgeDecoder | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.decoder = decoder or WedgeDecoder()
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def _char(self, event: QKeyEvent, stamp: float) -> str | None:
        modifiers = event.modifiers()
        if modifiers & _BLOCKING_MODIFIERS:
            return None
        key = event.key()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            # part of a scan only inside a burst still forming; else a person's shortcut
            deadline = self.decoder.deadline
            if deadline is not None and stamp <= deadline and key in _CONTROL_KEYS:
                return chr(key - Qt.Key.Key_At.value)  # Ctrl+] -> GS (0x1D)
            return None
        if key in _ENTER_KEYS:
            return "\r"
        if key == Qt.Key.Key_Tab:
            return "\t"
        text = event.text()
        return text if len(text) == 1 and text.isprintable() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat():
            return False
        stamp = event.timestamp() / 1000.0 if event.timestamp() else time.monotonic()
        char = self._char(event, stamp)
        if char is None:
            if self.decoder.pending:  # a shortcut mid-burst: give the held keys back first
                self._emit(self.decoder.flush())
            return False
        self._emit(self.decoder.feed(char, stamp))
        deadline = self.decoder.deadline
        if deadline is not None:
            self._timer.start(max(1, int((deadline - stamp) * 1000) + 1))
        return True  # held, replayed or consumed as a scan

    def _flush(self) -> None:
        self._emit(self.decoder.flush())

    def _emit(self, outputs: list[WedgeOutput]) -> None:
        for out in outputs:
            if isinstance(out, Typed):
                self._replay(out.text)
            else:
                log.info("wedge scan of %d characters", len(out.text))
                self.scanned.emit(out.text)

    def _replay(self, text: str) -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for ch in text:
                modifiers = Qt.KeyboardModifier.NoModifier
                if ch == "\r":
                    key = Qt.Key.Key_Return
                elif ch == "\t":
                    key = Qt.Key.Key_Tab
                elif ord(ch) < 0x20:  # was Ctrl+key: give it back as that
                    key = Qt.Key(Qt.Key.Key_At.value + ord(ch))
                    modifiers = Qt.KeyboardModifier.ControlModifier
                else:
                    key = Qt.Key.Key_unknown
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, ch))
        finally:
            self._replaying = False
