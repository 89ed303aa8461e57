"""The kiosk's one application-wide event filter.

Every event of the application passes an application-wide filter, and each filter
written in Python costs a call into Python per event. The kiosk needs three checks on
them: lockdown (kiosk.lockdown: escapes refused), idle activity (kiosk.idle: a touch or
key restarts the quiet time) and the hidden maintenance corner (five taps in the top
left corner within three seconds). One filter makes them in that order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.idle import ACTIVITY, IdleWatch, TapCounter
from kiosk.lockdown import Lockdown

#: the hidden maintenance corner's edge, in px from the window's top left
CORNER_PX = 120
#: a tap this soon after the tap that changed the page is the same finger's double tap
#: (an elderly hand, an impatient one), not a choice on the page that came up under it
DOUBLE_TAP_MS = 350
_PRESS = QEvent.Type.MouseButtonPress
_TAPS = frozenset({_PRESS, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick})


class KioskEventGate(QObject):
    def __init__(
        self,
        window: QWidget,
        lockdown: Lockdown,
        idle: IdleWatch,
        taps: TapCounter,
        corner_tapped: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._lockdown = lockdown
        self._idle = idle
        self._taps = taps
        self._corner_tapped = corner_tapped
        self._installed = False
        #: the press last counted: (timestamp, global x, global y)
        self._last_press: tuple[int, float, float] | None = None
        #: the event time of the last press or release let through, and until when
        #: taps are the tail of the one that changed the page
        self._last_tap_ms: int | None = None
        self._taps_held_until = -1

    def install(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def page_changed(self) -> None:
        """A new page (a screen, a step, an overlay) came up: if a tap brought it, taps
        for DOUBLE_TAP_MS after it are refused (review7: a double tap on 我要办事 chose
        the item that appeared under the finger)."""
        if self._last_tap_ms is not None:
            self._taps_held_until = self._last_tap_ms + DOUBLE_TAP_MS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TAPS and isinstance(event, QMouseEvent):
            # event time, not the clock: the double tap is in the events themselves
            at = event.timestamp()
            if at <= self._taps_held_until:
                self._idle.touch()
                return True
            self._last_tap_ms = at
        if kind in ACTIVITY:
            if kind == _PRESS and isinstance(event, QMouseEvent):
                self._corner_press(event)
            self._idle.touch()
        return self._lockdown.refuses(watched, event, kind)

    def _corner_press(self, event: QMouseEvent) -> None:
        # one physical press passes this filter once per object it reaches (the window,
        # the widget under the finger, each parent it propagates to), each time as a
        # new event with the same timestamp and place: counted once (review wt6 #4:
        # three taps on the title opened the PIN screen)
        where = event.globalPosition()
        press = (event.timestamp(), where.x(), where.y())
        if press == self._last_press:
            return
        self._last_press = press
        pos = self._window.mapFromGlobal(where.toPoint())
        if QRect(0, 0, CORNER_PX, CORNER_PX).contains(pos) and self._taps.tap():
            self._corner_tapped()
