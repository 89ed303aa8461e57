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

import re
import threading
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


#: a plain table header, and a key set to a basic string without escapes
_HEADER = re.compile(r"\[\s*([A-Za-z0-9_-]+)\s*\]\s*(?:#.*)?")
_PLAIN_STRING = re.compile(r'[A-Za-z0-9_-]+\s*=\s*"([^"\\]*)"\s*(?:#.*)?')
#: (table, key) of what the first screen reads
_WANTED = {("station", "name"), ("clerks", "auto_login")}


def peek_config(data_dir: Path) -> FirstScreenConfig:
    """A first look at config.toml; never raises (opening the station then says what
    is wrong with it, with its documented exit code)."""
    try:
        with open(data_dir / "config.toml", "rb") as f:
            text = f.read(CONFIG_CAP).decode("utf-8")
    except (OSError, ValueError):
        return FirstScreenConfig()
    quick = _quick_look(text)
    return quick if quick is not None else _full_look(text)


def _quick_look(text: str) -> FirstScreenConfig | None:
    """The two values from a config.toml as `yiwang setup` writes it, without tomllib
    (a few milliseconds of the cold start); None for anything else (a dotted or
    inline table, a multi-line or escaped string), which the full parser reads."""
    table = ""
    found: dict[tuple[str, str], str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if '"""' in line or "'''" in line:
            return None
        if line.startswith("["):
            header = _HEADER.fullmatch(line)
            if header is None:
                return None
            table = header.group(1)
            continue
        key = line.split("=", 1)[0].strip()
        if key[:1] in ("\"", "'"):
            return None  # a quoted key
        if not table and key.strip("\"' ").split(".")[0] in ("station", "clerks"):
            return None
        if (table, key) in _WANTED:
            value = _PLAIN_STRING.fullmatch(line)
            if value is None:
                return None
            found[(table, key)] = value.group(1)
    return FirstScreenConfig(found.get(("station", "name"), ""),
                             bool(found.get(("clerks", "auto_login"))))


def _full_look(text: str) -> FirstScreenConfig:
    import tomllib

    try:
        table = tomllib.loads(text)
    except ValueError:
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
