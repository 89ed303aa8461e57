"""Keyboard-wedge scanners in a Qt application.

A wedge scanner "types" its code as a burst of key presses. This filter sits
on the application, hands every printable key to the plain-Python
`WedgeDecoder`, and holds the keys back while a burst could still be forming:
a scanner burst becomes one `scanned` signal (and never reaches the focused
widget), a person's keys are replayed to the focused widget unchanged, a few
milliseconds late.
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
_BLOCKING_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


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

    @staticmethod
    def _char(event: QKeyEvent) -> str | None:
        if event.modifiers() & _BLOCKING_MODIFIERS:
            return None
        if event.key() in _ENTER_KEYS:
            return "\r"
        if event.key() == Qt.Key.Key_Tab:
            return "\t"
        text = event.text()
        return text if len(text) == 1 and text.isprintable() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat():
            return False
        char = self._char(event)
        if char is None:
            if self.decoder.pending:  # a shortcut mid-burst: give the held keys back first
                self._emit(self.decoder.flush())
            return False
        stamp = event.timestamp() / 1000.0 if event.timestamp() else time.monotonic()
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
                if ch == "\r":
                    key, chars = Qt.Key.Key_Return, "\r"
                elif ch == "\t":
                    key, chars = Qt.Key.Key_Tab, "\t"
                else:
                    key, chars = Qt.Key.Key_unknown, ch
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, chars)
                    )
        finally:
            self._replaying = False
