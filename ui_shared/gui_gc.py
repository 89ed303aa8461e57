"""Cyclic garbage is collected on the GUI thread only.

Python's automatic collector runs in whichever thread happens to allocate when
a threshold is crossed: with disk, accept and image workers busy, that is
often a worker. A Qt widget caught in a reference cycle would then be
destroyed on that worker, which crashes the process. So automatic collection
is switched off and a GUI-thread timer runs the same generational collection
(same thresholds) a few times a second. Reference counting, which frees
almost everything, is unaffected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject, *, interval_ms: int = _INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()
        self.destroyed.connect(gc.enable)

    def collect_due(self) -> int:
        """Collect the generations whose thresholds are crossed; the number freed."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        oldest = -1
        for generation in range(3):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                oldest = generation
        return gc.collect(oldest) if oldest >= 0 else 0


def collect_garbage_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install once per application (again: the existing collector is returned)."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
