"""Lockdown: close requests, Alt+F4, Esc, Ctrl+Q/W, Super, Alt+Tab, context menus and drops
are refused on real widgets; only the maintenance exit lets the window close."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDragEnterEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.kiosk.conftest import Kiosk

K, M = Qt.Key, Qt.KeyboardModifier
ESCAPES = [
    (K.Key_F4, M.AltModifier),
    (K.Key_Escape, M.NoModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
    (K.Key_Super_L, M.NoModifier),
    (K.Key_Meta, M.MetaModifier),
    (K.Key_D, M.MetaModifier),  # Super+D: show desktop
    (K.Key_Tab, M.AltModifier),
    (K.Key_F2, M.AltModifier),  # run dialog in several desktops
    (K.Key_Menu, M.NoModifier),
]


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    """One kiosk for the tests that only send it events (the close test, which lets the
    window close, and the frameless one take their own)."""
    return shared_kiosk


@pytest.mark.parametrize(("key", "mods"), ESCAPES)
def test_escape_shortcuts_are_refused(kiosk: Kiosk, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    window = kiosk.window
    before = window.lockdown.refused
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        event = QKeyEvent(kind, key, mods)
        QApplication.sendEvent(window, event)
        assert not event.isAccepted()
    assert window.lockdown.refused >= before + 2
    assert window.isVisible()


def test_close_is_refused_until_maintenance_lifts_it(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path
) -> None:
    window = kiosk_factory(station_dir).window
    assert window.close() is False
    assert window.isVisible()
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    window.lockdown.allow_close = True
    assert window.close() is True


def test_context_menu_and_drag_in_are_refused(kiosk: Kiosk) -> None:
    window = kiosk.window
    target = window.attract.buttons["guide"]
    before = window.lockdown.refused
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(target, menu)
    assert window.lockdown.refused >= before + 1  # refused at every level it propagates to
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    # nothing in the kiosk takes a drop, and a drag that reaches one is refused
    assert not any(w.acceptDrops() for w in window.findChildren(QWidget))
    data = QMimeData()
    data.setText("x")
    drag = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drag)
    assert not drag.isAccepted()


def test_ordinary_typing_still_reaches_widgets(kiosk: Kiosk) -> None:
    # the filter refuses escapes only: digits (a wedge scanner's burst) pass
    event = QKeyEvent(QEvent.Type.KeyPress, K.Key_5, M.NoModifier, "5")
    before = kiosk.window.lockdown.refused
    QApplication.sendEvent(kiosk.window, event)
    assert kiosk.window.lockdown.refused == before


def test_full_screen_kiosk_is_frameless_and_on_top(kiosk_factory, station_dir) -> None:  # type: ignore[no-untyped-def]
    from kiosk.lockdown import Lockdown

    k = kiosk_factory(station_dir)
    lock = Lockdown(k.window)
    lock.install(windowed=False)
    try:
        flags = k.window.windowFlags()
        assert flags & Qt.WindowType.FramelessWindowHint
        assert flags & Qt.WindowType.WindowStaysOnTopHint
    finally:
        lock.remove()



def test_frameless_from_the_start_without_the_qt_namespace(qtbot) -> None:  # type: ignore[no-untyped-def]
    """`yiwang kiosk` makes its window frameless and on top before it is shown, by name
    (kiosk.lockdown.make_frameless): the window system gets the flags at once, the
    widget's own record follows once it is ready, and the window stays shown."""
    from kiosk.front import KioskFront

    front = KioskFront(frameless=True)
    window = front.window
    qtbot.addWidget(window)
    handle = window.windowHandle()
    assert handle is not None
    for flag in (Qt.WindowType.FramelessWindowHint, Qt.WindowType.WindowStaysOnTopHint):
        assert handle.flags() & flag
    window.show()
    window.ready.emit()
    assert window.isVisible()
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.windowHandle().flags() == flags
    window.shutdown()
    front.voice.stop()
    front.tasks.shutdown()
