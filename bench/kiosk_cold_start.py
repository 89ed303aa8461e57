"""Cold start of the kiosk and the clerk station against an empty PySide6 window
started the same way in the same run (issues #12 and #13: goal at most 1.5 times).

Every run is a fresh process on the offscreen platform; the clock runs from spawning it
to the line it prints on its first event-loop turn with its window shown:
- empty:  `python -c EMPTY` (a QMainWindow shown full screen) prints READY;
- kiosk:  `python -m yiwang kiosk --data-dir D --exit-when-ready` logs "kiosk ready for
  a touch" (attract screen up and taking touches; the station opens behind it, and a
  touch meanwhile is acted on once it is open: kiosk.boot);
- clerk:  `python -m yiwang clerk --data-dir D --exit-when-ready` logs "clerk window
  ready" (the sign-in screen up and taking input; the station opens behind it, and a
  sign-in meanwhile is checked once it is open: clerk_station.boot). The bench's
  station has no auto-login clerk: this is the sign-in path.
Both exit 0 only once their station is open (the exit code still says it started).
Both stations are enrolled at a reference platform that runs for the whole bench, with
simulated devices. The three are interleaved, so load on the machine hits all alike.
One unmeasured run of each first warms the disk cache and writes .pyc files.

The wall clock is the measure of the goal; the CPU time each process used up to its
line (user + system, all threads, from /proc) is printed beside it because on a
loaded machine it moves far less than the wall clock.

Run: .venv/bin/python bench/kiosk_cold_start.py [--runs N] [--only kiosk|clerk]
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
GOAL = 1.5


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (all its threads), from
    /proc: unlike the wall clock, it hardly moves when other work loads the machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _time_to(cmd: list[str], marker: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) from spawning ``cmd`` to its ``marker`` line."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    took = cpu = float("nan")
    for line in proc.stdout:
        if marker in line:
            took = time.perf_counter() - start
            cpu = _cpu_seconds(proc.pid)
            break
    rest = proc.stdout.read()
    proc.wait(timeout=120)
    if proc.returncode != 0 or took != took:
        raise SystemExit(f"{cmd[:4]} exited {proc.returncode} without {marker!r}:\n{rest}")
    return took, cpu


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=["kiosk", "clerk"], help="measure one of the two")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from reference_platform.server import PlatformProcess
    from yiwang.commands.setup import setup_station

    py = sys.executable
    print("load average at the start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        # An installed station has its .pyc files (pip compiles them); a development
        # shell may say PYTHONDONTWRITEBYTECODE, which would make every run compile our
        # ~120 modules again (~0.2 s). So the first (unmeasured) run writes them, to a
        # cache of its own that leaves the worktree clean.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
               "YIWANG_KIOSK_TTS": "none", "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        codes = [secrets.token_hex(6), secrets.token_hex(6)]
        with PlatformProcess(Path(tmp) / "platform.db", enrollment_codes=codes) as platform:
            kiosk_dir, clerk_dir = Path(tmp) / "kiosk", Path(tmp) / "clerk"
            setup_station(kiosk_dir, platform_url=platform.url, enrollment_code=codes[0],
                          station_code="B001", role="kiosk")
            setup_station(clerk_dir, platform_url=platform.url, enrollment_code=codes[1],
                          station_code="A001", role="window")
            subjects: dict[str, tuple[list[str], str]] = {
                "empty": ([py, "-c", EMPTY], "READY"),
                "kiosk": ([py, "-m", "yiwang", "kiosk", "--data-dir", str(kiosk_dir),
                           "--exit-when-ready"], "kiosk ready for a touch"),
                "clerk": ([py, "-m", "yiwang", "clerk", "--data-dir", str(clerk_dir),
                           "--exit-when-ready"], "clerk window ready"),
            }
            if args.only:
                subjects = {k: v for k, v in subjects.items() if k in ("empty", args.only)}
            for cmd, marker in subjects.values():  # warm the disk cache and .pyc files
                _time_to(cmd, marker, env)
            times: dict[str, list[float]] = {name: [] for name in subjects}
            cpus: dict[str, list[float]] = {name: [] for name in subjects}
            for _ in range(args.runs):
                for name, (cmd, marker) in subjects.items():
                    took, cpu = _time_to(cmd, marker, env)
                    times[name].append(took)
                    cpus[name].append(cpu)
    print("load average at the end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    empty = statistics.median(times["empty"])
    print(f"{'':6} {'median':>8} {'p90':>8} {'cpu':>8}   runs (ms)")
    for name, values in times.items():
        print(f"{name:6} {statistics.median(values) * 1000:6.0f}ms {_p90(values) * 1000:6.0f}ms "
              f"{statistics.median(cpus[name]) * 1000:6.0f}ms   "
              + ", ".join(f"{v * 1000:.0f}" for v in values))
    met = True
    for name in [n for n in times if n != "empty"]:
        ratio = statistics.median(times[name]) / empty
        met = met and ratio <= GOAL
        cpu_ratio = statistics.median(cpus[name]) / statistics.median(cpus["empty"])
        print(f"ratio {name} / empty window (medians): {ratio:.2f} (goal <= {GOAL}); "
              f"CPU time to ready: {cpu_ratio:.2f}")
    print("goal met" if met else "goal NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
