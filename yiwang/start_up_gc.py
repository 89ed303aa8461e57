"""The front ends start without Python's automatic garbage collector.

Start-up allocates hundreds of thousands of objects (PySide6's Python enums, our
modules, the first screen's widgets) and frees almost none, so the automatic collector's
generation-0 and -1 passes find nothing to free: 36-40 passes, 6.5-16 ms before the
kiosk's ready line against 28 passes and 4.7 ms for an empty PySide6 window (issues #12,
#13). Reference counting frees as usual. The front ends then hand collection to the
GUI-thread collector (ui_shared.gui_gc), which keeps automatic collection off anyway and
runs the generations by their thresholds a few times a second. If the command ends
without one (an error before the window, `kiosk set-pin`), the collector is switched
back on as it was.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_off_until_the_gui_collects() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on and not _gui_collector_running():
            gc.enable()


def _gui_collector_running() -> bool:
    # only when the GUI was started: importing ui_shared.gui_gc would load PySide6
    gui_gc = sys.modules.get("ui_shared.gui_gc")
    return gui_gc is not None and bool(gui_gc.collector_running())
