"""Cold start of the kiosk to "ready for a touch", against an empty PySide6 window
started the same way in the same run (goal: at most 1.5 times).

Both are fresh processes (`python -m ...` / `python -c ...`) on the offscreen platform;
the clock runs from spawning the process to the moment it reports its first event-loop
turn with the window shown (the kiosk: its attract screen, devices and sync started).
Run: .venv/bin/python bench/kiosk_cold_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EMPTY = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.showFullScreen()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.exit(0)))
app.exec()
"""
MARK = "kiosk ready for a touch"


def _time_to(cmd: list[str], marker: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    took = float("nan")
    for line in proc.stdout:
        if marker in line:
            took = time.perf_counter() - start
            break
    proc.stdout.read()
    proc.wait(timeout=120)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} exited {proc.returncode}")
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from reference_platform.server import PlatformProcess
    from yiwang.commands.setup import setup_station

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "YIWANG_KIOSK_TTS": "none"}
    with tempfile.TemporaryDirectory(prefix="kiosk-cold-") as tmp:
        code = secrets.token_hex(6)
        with PlatformProcess(Path(tmp) / "platform.db", enrollment_codes=[code]) as platform:
            station = Path(tmp) / "station"
            setup_station(station, platform_url=platform.url, enrollment_code=code,
                          station_code="B001", role="kiosk")
            kiosk_cmd = [sys.executable, "-m", "yiwang", "kiosk", "--data-dir", str(station),
                         "--exit-when-ready"]
            empty_cmd = [sys.executable, "-c", EMPTY]
            _time_to(kiosk_cmd, MARK, env)  # warm the disk cache and .pyc files for both
            _time_to(empty_cmd, "READY", env)
            kiosk, empty = [], []
            for _ in range(args.runs):  # interleaved, so machine load hits both alike
                empty.append(_time_to(empty_cmd, "READY", env))
                kiosk.append(_time_to(kiosk_cmd, MARK, env))
    k, e = statistics.median(kiosk), statistics.median(empty)
    print(f"empty PySide6 window to first event-loop turn: median {e * 1000:.0f} ms "
          f"(runs {', '.join(f'{x * 1000:.0f}' for x in empty)})")
    print(f"kiosk to attract screen ready for a touch:      median {k * 1000:.0f} ms "
          f"(runs {', '.join(f'{x * 1000:.0f}' for x in kiosk)})")
    print(f"ratio kiosk / empty window: {k / e:.2f} (goal <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
