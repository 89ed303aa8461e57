"""The kiosk's command-line contract, run as real processes:

  yiwang kiosk --data-dir D --exit-when-ready     (starts as usual, exits 0 once ready)
  yiwang kiosk set-pin --data-dir D               (PIN from standard input)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _yiwang(*args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "YIWANG_KIOSK_TTS": "mock"}
    return subprocess.run([sys.executable, "-m", "yiwang", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=timeout,
                          check=False)


def test_exit_when_ready(station_dir: Path) -> None:
    for extra in ([], ["--windowed"]):
        done = _yiwang("kiosk", "--data-dir", str(station_dir), "--exit-when-ready", *extra)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "Traceback" not in done.stderr
    # the kiosk left nothing of its own behind in the private temp folder
    tmp = station_dir / "tmp"
    assert not any(p.is_file() for p in tmp.rglob("*"))


def test_set_pin_from_stdin(station_dir: Path) -> None:
    ok = _yiwang("kiosk", "set-pin", "--data-dir", str(station_dir), stdin="482913\n")
    assert ok.returncode == 0, ok.stderr
    stored = (station_dir / "keys" / "kiosk_pin.argon2").read_text()
    assert stored.startswith("$argon2id$")
    weak = _yiwang("kiosk", "set-pin", "--data-dir", str(station_dir), stdin="111111\n")
    assert weak.returncode == 1 and "PIN not set" in weak.stderr
    assert (station_dir / "keys" / "kiosk_pin.argon2").read_text() == stored
    nowhere = _yiwang("kiosk", "set-pin", "--data-dir", str(station_dir / "nope"), stdin="4829\n")
    assert nowhere.returncode == 2
