"""deploy/kiosk-session.sh, the loop cage runs: run as a real shell with a stand-in
`yiwang` that exits with the statuses a test gives it, and a real SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SESSION = ROOT / "deploy" / "kiosk-session.sh"
FAKE = """#!/bin/sh
# stand-in for `yiwang`: log the call, then exit with the next status in $STATUSES
echo "$*" >> "$CALLS"
n=$(wc -l < "$CALLS")
code=$(sed -n "${n}p" "$STATUSES")
if [ "$code" = sleep ]; then
  trap 'echo TERM >> "$CALLS"; exit 143' TERM
  echo started > "$CALLS.started"
  while :; do sleep 0.05; done
fi
exit "$code"
"""


def _session(tmp_path: Path, statuses: list[str], **env: str) -> tuple[subprocess.Popen[str], Path]:
    fake = tmp_path / "yiwang"
    fake.write_text(FAKE)
    fake.chmod(0o755)
    (tmp_path / "statuses").write_text("\n".join(statuses) + "\n")
    calls = tmp_path / "calls"
    proc = subprocess.Popen(
        ["/bin/sh", str(SESSION), "--lang", "zh_CN"], text=True, stderr=subprocess.PIPE,
        env={"PATH": os.environ["PATH"], "YIWANG": str(fake), "YIWANG_DATA_DIR": "/srv/k",
             "CALLS": str(calls), "STATUSES": str(tmp_path / "statuses"),
             "YIWANG_KIOSK_RESTART_DELAY": "0", **env},
    )  # fmt: skip
    return proc, calls


def _run(tmp_path: Path, statuses: list[str], **env: str) -> tuple[int, list[str], str]:
    proc, calls = _session(tmp_path, statuses, **env)
    _out, err = proc.communicate(timeout=60)
    return proc.returncode, calls.read_text().splitlines(), err


def test_restart_requested_runs_the_kiosk_again_then_exit_to_desktop_ends(
    tmp_path: Path,
) -> None:
    code, calls, err = _run(tmp_path, ["75", "75", "0"])
    assert code == 0
    assert calls == ["kiosk --data-dir /srv/k --lang zh_CN"] * 3
    assert err.count("restart requested from maintenance") == 2


@pytest.mark.parametrize("status", ["130", "143"])
def test_a_kiosk_stopped_by_a_signal_ends_the_session(tmp_path: Path, status: str) -> None:
    code, calls, _err = _run(tmp_path, [status, "0"])
    assert code == 0 and len(calls) == 1


def test_a_failure_is_restarted_and_repeated_failures_go_to_systemd(tmp_path: Path) -> None:
    code, calls, err = _run(tmp_path, ["1", "75", "0"])
    assert code == 0 and len(calls) == 3
    assert "kiosk failed (status 1)" in err
    again = tmp_path / "again"
    again.mkdir()
    code, calls, err = _run(again, ["1", "139", "1", "0"], YIWANG_KIOSK_MAX_FAILURES="3")
    # the third failure in a row is handed to systemd (Restart=on-failure) with its status
    assert code == 1 and len(calls) == 3
    assert "giving up to systemd" in err


def test_sigterm_to_the_session_stops_the_kiosk_and_ends(tmp_path: Path) -> None:
    proc, calls = _session(tmp_path, ["sleep", "0"])
    started = Path(f"{calls}.started")
    deadline = time.monotonic() + 30
    while not started.exists():  # the stand-in writes this once it runs
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.02)  # polling a file another process writes; no event to wait on
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert calls.read_text().splitlines()[-1] == "TERM"  # passed on to the kiosk
    assert len(calls.read_text().splitlines()) == 2  # and not started again
    assert "stopped" in err


def test_the_restart_status_is_the_kiosks() -> None:
    text = SESSION.read_text()
    assert "RESTART_REQUESTED=75" in text
    # the kiosk's own constant, read without importing Qt here
    source = (ROOT / "kiosk" / "app.py").read_text()
    assert "RESTART_EXIT_CODE = 75" in source
