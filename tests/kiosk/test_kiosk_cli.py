"""The kiosk's command-line contract, run as real processes:

  yiwang kiosk --data-dir D --exit-when-ready     (starts as usual, exits 0 once ready)
  yiwang kiosk set-pin --data-dir D               (PIN from standard input)
  SIGTERM / SIGINT                                 (clean exit, 128 + the signal)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_ends_the_kiosk_cleanly(
    station_dir: Path, sig: signal.Signals, code: int
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "YIWANG_KIOSK_TTS": "mock", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "yiwang", "kiosk", "--data-dir", str(station_dir)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert proc.stdout is not None
    seen: list[str] = []
    for line in proc.stdout:  # the full-screen kiosk runs until it is told to stop
        seen.append(line)
        if "kiosk ready for a touch" in line:
            break
    proc.send_signal(sig)
    rest = proc.communicate(timeout=60)[0]
    assert proc.returncode == code, "".join(seen) + rest
    # the event loop ended and the clean-up ran: devices, sync and the temp folder
    assert f"kiosk stopped (exit code {code})" in rest
    assert "Traceback" not in rest
    assert not any(p.is_file() for p in (station_dir / "tmp").rglob("*"))
