"""Lockdown: nothing a citizen can press closes, hides or escapes the kiosk.

One application-wide event filter refuses close requests, Alt+F4, Esc,
Ctrl+Q/W, the Super/Meta keys, Alt+Tab, context menus and drag-and-drop; the
window is frameless, full screen and stays on top. Only the maintenance
screen may lift it (`allow_close`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor, QInputDevice, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

_BLOCKED_KEYS = {
    Qt.Key.Key_Escape,
    Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
    Qt.Key.Key_Menu,
    Qt.Key.Key_Hyper_L,
    Qt.Key.Key_Hyper_R,
    Qt.Key.Key_Close,
    Qt.Key.Key_Launch0,
    Qt.Key.Key_Explorer,
    Qt.Key.Key_Sleep,
    Qt.Key.Key_PowerOff,
}
_MOD = Qt.KeyboardModifier
_BLOCKED_EVENTS = frozenset({
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
})
_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride,
                         QEvent.Type.KeyRelease})


def is_escape_key(event: QKeyEvent) -> bool:
    key, mods = event.key(), event.modifiers()
    if key in _BLOCKED_KEYS or mods & _MOD.MetaModifier:
        return True
    if mods & _MOD.AltModifier and key in (Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
        return True
    if mods & _MOD.ControlModifier and key in (
        Qt.Key.Key_Q,
        Qt.Key.Key_W,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Alt,
    ):
        return True
    return key in range(Qt.Key.Key_F1, Qt.Key.Key_F35 + 1) and bool(
        mods & (_MOD.AltModifier | _MOD.ControlModifier)
    )


#: frameless, full screen (shown so), above every other window
LOCKED_FLAGS = (
    Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
)


class Lockdown(QObject):
    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.allow_close = False
        self.refused = 0  # how many escape attempts were refused (tests, diagnostics)

    def install(self, *, windowed: bool = False) -> None:
        self.lock_window(windowed=windowed)
        self.refuse_escapes()

    def refuse_escapes(self) -> None:
        """From now on close, Esc and the shortcuts are refused application-wide."""
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def lock_window(self, *, windowed: bool = False) -> None:
        """The window's flags and policies (before it is shown: new flags hide it)."""
        self.window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.window.setAcceptDrops(False)
        if not windowed and self.window.windowFlags() != LOCKED_FLAGS:
            self.window.setWindowFlags(LOCKED_FLAGS)
        if touch_hardware():
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return self.refuses(watched, event, event.type())

    def refuses(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        """Refuse `event` (of type `kind`) if it would close, hide or escape the kiosk.
        Every event of the application passes here (kiosk.event_gate): set look-ups."""
        if kind in _KEY_EVENTS:
            assert isinstance(event, QKeyEvent)
            if is_escape_key(event):
                return self._refuse(event)
        elif kind in _BLOCKED_EVENTS or self._close_refused(watched, kind):
            return self._refuse(event)
        return False

    def _close_refused(self, watched: QObject, kind: QEvent.Type) -> bool:
        return kind == QEvent.Type.Close and watched is self.window and not self.allow_close

    def _refuse(self, event: QEvent) -> bool:
        event.ignore()
        self.refused += 1
        log.debug("lockdown refused %s", event.type())
        return True


def touch_hardware() -> bool:
    return any(
        d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices()
    )
