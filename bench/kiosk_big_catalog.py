"""The kiosk with a huge catalog (review: 4 027 kiosk-enabled items made it unusable:
opening 办事 took 16 s, the 关怀模式 toggle 7 s, a reset 9.5 s).

Builds a catalog of N kiosk-enabled items (copies of the seed's, new codes, spread over
30 departments), opens a real kiosk on it (offscreen, 1920x1080, simulated devices, no
sync engine) and times what a citizen waits for: opening 办事 the first time, the next
page, 关怀模式 on and off, the reset between citizens, opening 办事指南 and its largest
department. Prints seconds; asserts nothing (tests/kiosk/test_big_catalog.py checks the
behaviour, never the timing).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/kiosk_big_catalog.py [--items N ...]
[--name-length L] (every item name L characters long: 200 took 2.4-3.2 s to open 办事)
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(what: str, fn: Callable[[], object]) -> None:
    from PySide6.QtWidgets import QApplication

    start, cpu = time.perf_counter(), time.thread_time()
    fn()
    QApplication.processEvents()  # the layout and paint that follow count too
    # the GUI thread's own CPU beside the wall time: other threads (pypinyin) and other
    # processes on a shared machine show in the difference
    print(f"  {what:<36} {time.perf_counter() - start:7.3f} s"
          f"  (GUI thread CPU {time.thread_time() - cpu:6.3f} s)", flush=True)


def run(data_dir: Path, count: int, name_length: int = 0) -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp
    from kiosk.screens.guide import GuideScreen
    from station.context import open_station
    from station.kiosk_services import KioskServices
    from tests.kiosk.big_catalog import big_catalog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    station = open_station(data_dir, with_engine=False, clerk_id="kiosk")
    services = KioskServices(station)
    services.set_catalog(big_catalog(services.catalog, count, name_length))
    kiosk = KioskApp(services, voice_engine="mock")
    window = kiosk.window
    window.resize(1920, 1080)
    window.show()
    kiosk.start(windowed=True)
    QApplication.processEvents()
    named = f", names {name_length} characters long" if name_length else ""
    print(f"{len(services.kiosk_items())} kiosk-enabled items{named}:")
    try:
        timed("open 办事 (first time: built)", lambda: window.show_screen("apply"))
        timed("next page", lambda: window.screens["apply"].items.next.click())
        timed("关怀模式 on", lambda: window.set_elderly(True))
        timed("关怀模式 off", lambda: window.set_elderly(False))
        timed("reset between citizens", window.reset_to_attract)
        timed("open 办事 again", lambda: window.show_screen("apply"))
        timed("open 办事指南 (first time: built)", lambda: window.show_screen("guide"))
        guide = window.screens["guide"]
        assert isinstance(guide, GuideScreen)
        timed("open a life event", lambda: guide.groups.itemClicked.emit(guide.groups.item(0)))
        timed("back, by department", lambda: guide.set_mode("department"))
        timed("open a department", lambda: guide.groups.itemClicked.emit(guide.groups.item(0)))
        timed("reset between citizens", window.reset_to_attract)
    finally:
        kiosk.shutdown()
        station.close()
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, nargs="+", default=[13, 4027])
    parser.add_argument("--name-length", type=int, default=0,
                        help="every item name this many characters long (0: as seeded)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from kiosk.front import make_application
    from reference_platform.server import PlatformProcess
    from yiwang.commands.setup import setup_station

    app = make_application("zh_CN")
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="big-catalog-") as tmp:
        code = secrets.token_hex(6)
        with PlatformProcess(Path(tmp) / "platform.db", enrollment_codes=[code]) as platform:
            data_dir = Path(tmp) / "kiosk"
            setup_station(data_dir, platform_url=platform.url, enrollment_code=code,
                          station_code="B001", role="kiosk")
        for count in args.items:
            run(data_dir, count, args.name_length)
    return 0


if __name__ == "__main__":
    sys.exit(main())
