"""Cyclic garbage is collected on the GUI thread only.

Python's automatic collector runs in whichever thread happens to allocate when
a threshold is crossed: with disk, accept and image workers busy, that is
often a worker. A Qt widget caught in a reference cycle would then be
destroyed on that worker, which crashes the process. So automatic collection
is switched off and a GUI-thread timer runs the young generations by the same
thresholds a few times a second. A full collection walks every object (0.1 to
0.3 s with PySide6, OpenCV and numpy loaded), so the GUI thread does one at
most every few minutes, not whenever the oldest generation's count says so.
Reference counting, which frees almost everything, is unaffected.

The front end stops the collector explicitly (`stop`, from its shutdown after the
event loop and after its worker threads are joined); only then is automatic
collection put back as the collector found it. Never from a destructor or the
`destroyed` signal: Qt emits `destroyed` inside QObject::~QObject, which may run
inside a collection pass, on whatever thread drops the last reference, or during
interpreter shutdown, with Qt's signal-slot mutexes held. Switched on there, the
very next allocation can start a collection that frees a Qt object whose own
destructor waits on one of those mutexes for ever (the `pytest -n 3` hang, seen
with gdb in QObject::~QObject under a collection started in this destructor). A
collector that is destroyed without being stopped leaves automatic collection off,
the safe side: reference counting still frees nearly everything.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

_INTERVAL_MS = 250
#: seconds between two full collections on the GUI thread at the most often
FULL_EVERY_S = 300.0


class GuiThreadCollector(QObject):
    def __init__(
        self,
        parent: QObject,
        *,
        interval_ms: int = _INTERVAL_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_full = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        #: automatic collection as found, put back by stop()
        self._was_enabled = gc.isenabled()
        self._stopped = False
        gc.disable()
        self._timer.start()

    @property
    def running(self) -> bool:
        return not self._stopped

    def stop(self) -> None:
        """On the GUI thread, once the front end's worker threads are joined: no more
        timed collections; automatic collection back as it was before the collector
        started. Again: nothing."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the generations whose thresholds are crossed; the number freed."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        oldest = -1
        for generation in range(3):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                oldest = generation
        if oldest == 2:
            now = self._clock()
            if now - self._last_full < FULL_EVERY_S:
                oldest = 1
            else:
                self._last_full = now
        return gc.collect(oldest) if oldest >= 0 else 0


#: the collector installed by collect_garbage_on_gui_thread (remembered here: the first
#: findChild by a Python type costs ~7 ms of PySide6 set-up, on the cold-start path)
_installed: list[GuiThreadCollector] = []


def collect_garbage_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install once per application (again: the running collector is returned)."""
    for collector in _installed:
        if isValid(collector) and collector.running and collector.parent() is app:
            return collector
    _installed[:] = [GuiThreadCollector(app)]
    return _installed[0]


def stop_collecting_on_gui_thread() -> None:
    """The front end's shutdown, on the GUI thread after its workers are joined: the
    installed collector stops and automatic collection is back as it was before it."""
    for collector in _installed:
        if isValid(collector):
            collector.stop()
    _installed.clear()


def collector_running() -> bool:
    """Whether a GUI-thread collector is installed, alive and not stopped (it keeps
    Python's automatic collection off until it is stopped)."""
    return any(isValid(collector) and collector.running for collector in _installed)
