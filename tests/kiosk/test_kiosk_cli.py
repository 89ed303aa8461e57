"""The kiosk's command-line contract:

  yiwang kiosk --data-dir D --exit-when-ready     (starts as usual, exits 0 once ready)
  yiwang kiosk set-pin --data-dir D               (PIN from standard input)
  SIGTERM / SIGINT                                 (clean exit, 128 + the signal)

The kiosk itself runs as a real process: `--exit-when-ready --windowed` here (the full
screen `--exit-when-ready` in tests/yiwang/test_cold_start.py), and SIGTERM ending it.
Ctrl+C takes the same path (ui_shared.quit_signals: one handler for both signals); that
it ends the event loop with 130 is checked in this process. `set-pin` starts no Qt and
runs in this process (tests/helpers/cli_in_process.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.helpers.cli_in_process import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _yiwang(*args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "YIWANG_KIOSK_TTS": "mock"}
    return subprocess.run([sys.executable, "-m", "yiwang", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=timeout,
                          check=False)


def test_exit_when_ready(station_dir: Path) -> None:
    # what kiosks that crashed mid-visit left: a citizen's temporary file in the folder
    # of a process that is gone, and one of the older kind without a pid
    tmp = station_dir / "tmp"
    crashed = [tmp / "kiosk-999999999-x1y2", tmp / "kiosk-a1b2c3"]
    for folder in crashed:
        folder.mkdir(parents=True, mode=0o700)
        (folder / "page.png").write_bytes(b"citizen's page")
    done = _yiwang("kiosk", "--data-dir", str(station_dir), "--exit-when-ready", "--windowed")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    # the kiosk left nothing behind: its own temp folder went at its close, and those
    # of the crashed kiosks at its start
    assert list(tmp.iterdir()) == []


def test_set_pin_from_stdin(station_dir: Path) -> None:
    ok = run_cli("kiosk", "set-pin", "--data-dir", str(station_dir), stdin="482913\n")
    assert ok.returncode == 0, ok.stderr
    stored = (station_dir / "keys" / "kiosk_pin.argon2").read_text()
    assert stored.startswith("$argon2id$")
    weak = run_cli("kiosk", "set-pin", "--data-dir", str(station_dir), stdin="111111\n")
    assert weak.returncode == 1 and "PIN not set" in weak.stderr
    assert (station_dir / "keys" / "kiosk_pin.argon2").read_text() == stored
    nowhere = run_cli("kiosk", "set-pin", "--data-dir", str(station_dir / "nope"), stdin="4829\n")
    assert nowhere.returncode == 2


def test_a_signal_ends_the_kiosk_cleanly(station_dir: Path) -> None:
    sig, code = signal.SIGTERM, 143
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


def test_ctrl_c_ends_the_event_loop_with_130(qapp: QApplication) -> None:
    """What the kiosk's loop does with SIGINT (the SIGTERM test above: the same handler
    and clean-up, in a real process)."""
    from PySide6.QtCore import QTimer

    from ui_shared.quit_signals import quit_on_signals

    before = signal.getsignal(signal.SIGINT)
    signals = quit_on_signals(qapp)
    try:
        QTimer.singleShot(0, lambda: signal.raise_signal(signal.SIGINT))
        assert signals.exec() == 130
        assert signals.code == 130
    finally:
        signals.restore()
    assert signal.getsignal(signal.SIGINT) is before
