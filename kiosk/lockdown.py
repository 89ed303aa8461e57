"""Lockdown: nothing a citizen can press closes, hides or escapes the kiosk.

One application-wide event filter refuses close requests, Alt+F4, Esc,
Ctrl+Q/W, the Super/Meta keys, Alt+Tab, context menus and drag-and-drop; the
window is frameless, full screen and stays on top. Only the maintenance
screen may lift it (`allow_close`).
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QCursor, QInputDevice, QKeyEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from ui_shared.qt_by_name import set_by_name

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

log = logging.getLogger(__name__)

_BLOCKED_EVENTS = frozenset({
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
})
_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride,
                         QEvent.Type.KeyRelease})


@cache
def _blocked_keys() -> frozenset[int]:
    # built on the first key event, not at import: the first use of the Qt namespace
    # builds its 93 Python enums, and the attract screen comes up without it (#12)
    from PySide6.QtCore import Qt

    k = Qt.Key
    return frozenset({
        k.Key_Escape, k.Key_Meta, k.Key_Super_L, k.Key_Super_R, k.Key_Menu, k.Key_Hyper_L,
        k.Key_Hyper_R, k.Key_Close, k.Key_Launch0, k.Key_Explorer, k.Key_Sleep,
        k.Key_PowerOff,
    })


def is_escape_key(event: QKeyEvent) -> bool:
    from PySide6.QtCore import Qt

    mod = Qt.KeyboardModifier
    key, mods = event.key(), event.modifiers()
    if key in _blocked_keys() or mods & mod.MetaModifier:
        return True
    if mods & mod.AltModifier and key in (Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
        return True
    if mods & mod.ControlModifier and key in (
        Qt.Key.Key_Q,
        Qt.Key.Key_W,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Alt,
    ):
        return True
    return key in range(Qt.Key.Key_F1, Qt.Key.Key_F35 + 1) and bool(
        mods & (mod.AltModifier | mod.ControlModifier)
    )


#: frameless, full screen (shown so), above every other window: by name for the window
#: system (QWindow's "flags" property), before anything loads the Qt namespace
LOCKED_FLAG_NAMES = "Window|FramelessWindowHint|WindowStaysOnTopHint"


def locked_flags() -> Qt.WindowType:
    """LOCKED_FLAG_NAMES as QWidget.windowFlags() reports them."""
    from PySide6.QtCore import Qt

    t = Qt.WindowType
    return t.Window | t.FramelessWindowHint | t.WindowStaysOnTopHint


class Lockdown(QObject):
    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.allow_close = False
        self.refused = 0  # how many escape attempts were refused (tests, diagnostics)
        self._frameless = False
        #: the window system has the locked flags, the widget's own record not yet
        self._flags_unsettled = False

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
        set_by_name(self.window, "contextMenuPolicy", "NoContextMenu")
        self.window.setAcceptDrops(False)
        if not windowed and not self._frameless:
            if self.window.isVisible():
                self.window.setWindowFlags(locked_flags())
                self._frameless = True
            else:
                self.make_frameless()
        if touch_hardware():
            QApplication.setOverrideCursor(_blank_cursor())

    def make_frameless(self) -> None:
        """Frameless and on top, before the window is shown and without the Qt namespace:
        its native window is made now and given the flags by name; the widget's own
        record of them follows in `settle_flags` (after the ready line)."""
        self.window.winId()  # the native window (QWindow), made now instead of at show()
        handle = self.window.windowHandle()
        assert handle is not None
        set_by_name(handle, "flags", LOCKED_FLAG_NAMES)
        self._frameless = True
        self._flags_unsettled = True

    def settle_flags(self) -> None:
        """QWidget.windowFlags() says what the window system was told (without telling it
        again: new flags would hide the window)."""
        if self._flags_unsettled:
            self._flags_unsettled = False
            self.window.overrideWindowFlags(locked_flags())

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


def _blank_cursor() -> QCursor:
    # an empty 1x1 image rather than Qt.CursorShape.BlankCursor: no Qt namespace at start
    pixels = QPixmap(1, 1)
    pixels.fill(QColor(0, 0, 0, 0))
    return QCursor(pixels)


def touch_hardware() -> bool:
    return any(
        d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices()
    )
