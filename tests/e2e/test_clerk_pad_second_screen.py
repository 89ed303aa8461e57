"""The evaluation pad on a station with two screens: the clerk window on the first, the
pad by itself full screen on the second (the citizen's). Qt's offscreen platform
simulates the two screens from a JSON file (``offscreen:configfile=``, Qt 6.5+), which
only a fresh process can be started with, so the window is built in a subprocess that
reports what it placed where."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {
    "screens": [
        # the offscreen plugin makes the first by name the primary: the clerk's
        {"name": "A-clerk", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1},
        {"name": "B-citizen", "x": 1366, "y": 0, "width": 1024, "height": 600,
         "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1},
    ]
}

SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from clerk_station.app import build_window
from clerk_station.clerk_day_bar import ClerkDayBar
from station.context import open_station

app = QApplication([])
services = open_station(Path(sys.argv[1]), with_engine=False)
window = build_window(services)
window.show()
bar = window.findChild(ClerkDayBar)
flow = bar.pad_flow
pad = flow.pad if flow is not None else None
for _ in range(20):
    app.processEvents()
report = {
    "screens": [s.name() for s in app.screens()],
    "window_screen": window.screen().name(),
    "pad_on": bar.pad_action.isChecked(),
    "second": flow.on_second_screen if flow else None,
    "pad_screen": pad.screen().name() if pad else None,
    "pad_geometry": list(pad.geometry().getRect()) if pad else None,
    "full_screen": bool(pad.windowState() & Qt.WindowState.WindowFullScreen) if pad else None,
    "frameless": bool(pad.windowFlags() & Qt.WindowType.FramelessWindowHint) if pad else None,
    "visible": pad.isVisible() if pad else None,
    "no_focus": bool(pad.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus) if pad else None,
}
window.shutdown()
services.close()
print("REPORT " + json.dumps(report))
"""


def test_the_pad_opens_full_screen_on_the_second_screen(station_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(station_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    [line] = [x for x in done.stdout.splitlines() if x.startswith("REPORT ")]
    report = json.loads(line.removeprefix("REPORT "))
    assert report["screens"] == ["A-clerk", "B-citizen"]  # the simulation took
    assert report["window_screen"] == "A-clerk"
    assert report["pad_on"] and report["second"] and report["visible"]  # on by itself
    assert report["pad_screen"] == "B-citizen"
    assert report["pad_geometry"] == [1366, 0, 1024, 600]
    assert report["full_screen"] and report["frameless"] and report["no_focus"]
