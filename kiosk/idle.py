"""Idle handling: quiet for a while -> a large countdown asks for more time -> reset.

Time comes from an injected clock and `poll()` is driven by a timer, so tests
move a fake clock and call `poll()` (the same style as devices/scanner/wedge.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

#: what counts as someone using the kiosk (kiosk.event_gate watches for them)
ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
})


class IdleWatch(QObject):
    countdown = Signal(int)  # seconds left, emitted on each change while counting down
    resumed = Signal()  # activity cancelled the countdown
    expired = Signal()  # time is up: wipe and go back to the attract screen

    def __init__(
        self,
        *,
        idle_seconds: float,
        countdown_seconds: int,
        clock: Callable[[], float] = time.monotonic,
        tick_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self.active = False  # only while a citizen is using a service
        self._last = clock()
        self._shown: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.poll)

    def configure(self, idle_seconds: float, countdown_seconds: int) -> None:
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def set_active(self, active: bool) -> None:
        self.active = active
        self.touch()

    @property
    def counting(self) -> bool:
        return self._shown is not None

    def touch(self) -> None:
        """Someone did something."""
        self._last = self.clock()
        if self._shown is not None:
            self._shown = None
            self.resumed.emit()

    def poll(self) -> None:
        if not self.active:
            return
        quiet = self.clock() - self._last
        if quiet < self.idle_seconds:
            return
        left = int(self.countdown_seconds - (quiet - self.idle_seconds) + 0.999)
        if left <= 0:
            self._shown = None
            self.active = False
            self.expired.emit()
            return
        if left != self._shown:
            self._shown = left
            self.countdown.emit(left)


class TapCounter:
    """Five taps within three seconds (the hidden maintenance entry)."""

    def __init__(
        self, taps: int = 5, window_s: float = 3.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.taps = taps
        self.window_s = window_s
        self.clock = clock
        self._times: list[float] = []

    def tap(self) -> bool:
        now = self.clock()
        self._times = [t for t in self._times if now - t <= self.window_s] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            return True
        return False
