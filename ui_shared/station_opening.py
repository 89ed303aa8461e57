"""Opening a station behind the first screen (kiosk.boot, clerk_station.boot).

Opening the station loads the store, sync and the station's modules (about twice what
an empty PySide6 window costs to start), so both front ends show their first screen
first and open the station on a plain Python thread meanwhile.

The thread touches no Qt object but this one's signal (emitting from another thread is
safe, and the boot connects it queued, so its slot runs on the GUI thread), creates
none, and holds no reference that could be the last one to a Qt object: the opener
and its result are plain Python (station/ is Qt-free). Automatic garbage collection is
off (ui_shared.gui_gc), so no widget caught in a cycle is freed on this thread.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")
#: the most of config.toml read by peek_config
CONFIG_CAP = 64 * 1024


class FirstScreenConfig(NamedTuple):
    """What the first screen needs from config.toml before the station is open."""

    #: the name it greets with ("" when it cannot be read)
    station_name: str = ""
    #: [clerks] auto_login is set: a demo/test clerk station opens on its main window
    auto_login: bool = False


def peek_config(data_dir: Path) -> FirstScreenConfig:
    """A first look at config.toml; never raises (opening the station then says what
    is wrong with it, with its documented exit code)."""
    try:
        with open(data_dir / "config.toml", "rb") as f:
            table = tomllib.loads(f.read(CONFIG_CAP).decode("utf-8"))
    except (OSError, ValueError):
        return FirstScreenConfig()
    station, clerks = table.get("station"), table.get("clerks")
    name = station.get("name") if isinstance(station, dict) else None
    auto = clerks.get("auto_login") if isinstance(clerks, dict) else None
    return FirstScreenConfig(name if isinstance(name, str) else "", bool(auto))


class StationOpening(QObject, Generic[T]):
    """Runs `opener` on a plain thread; `finished` follows with `services` or `error`."""

    finished = Signal()

    def __init__(self, opener: Callable[[], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self.services: T | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open-station")

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            self.services = self._opener()
        except BaseException as e:  # handed to the GUI thread, raised by the boot
            self.error = e
        self.finished.emit()

    def wait(self) -> None:
        """Until the opener has returned (at once if it never started)."""
        if self._thread.ident is not None:
            self._thread.join()
