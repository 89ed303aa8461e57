"""The station command-line contracts, each run once as a real process the way an
outside harness drives it (the variants in this process: tests/helpers/cli_in_process.py;
`yiwang demo` runs as a process in test_demo_closing_loop.py and test_demo_signals.py):

  yiwang platform --db PATH --host 127.0.0.1 --port N --admin-token T --enrollment-code C
  yiwang setup --data-dir DIR --platform URL --enrollment-code C --station-code S \
      --role window --devices simulated
  yiwang demo --headless --count N --offline --data-dir DIR
  yiwang sync --data-dir DIR --once
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.helpers.cli_in_process import run_cli
from tests.yiwang.conftest import platform_gone

ROOT = Path(__file__).resolve().parents[2]
YIWANG = [sys.executable, "-m", "yiwang"]
TOKEN = "contract-admin-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*YIWANG, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def platform_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One `yiwang platform` for the module (each test has its own one-time code; the
    second test's sync never reaches it, so the first one's counts hold either way)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            *YIWANG,
            "platform",
            "--db",
            str(tmp_path_factory.mktemp("contract-platform") / "platform.db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--admin-token",
            TOKEN,
            "--enrollment-code",
            "CODE-1",
            "CODE-2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # ready when it says it listens (uvicorn's own line), read on a thread that keeps
        # draining its log afterwards so that the pipe never fills
        lines: queue.Queue[str | None] = queue.Queue()

        def read_log() -> None:
            for line in proc.stderr or ():
                lines.put(line)
            lines.put(None)  # it ended

        threading.Thread(target=read_log, daemon=True).start()
        seen: list[str] = []
        while not any("Uvicorn running on" in line for line in seen):  # bound, listening
            line = lines.get(timeout=30)
            assert line is not None, "platform exited: " + "".join(seen)[-2000:]
            seen.append(line)
        assert requests.get(url + "/openapi.json", timeout=10).status_code == 200
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_setup_queue_offline_then_sync_once(platform_url: str, tmp_path: Path) -> None:
    station = tmp_path / "station"
    r = _run(
        "setup",
        "--data-dir",
        str(station),
        "--platform",
        platform_url,
        "--enrollment-code",
        "CODE-1",
        "--station-code",
        "S007",
        "--role",
        "window",
        "--devices",
        "simulated",
    )
    assert r.returncode == 0, r.stderr
    assert (station / "config.toml").exists()
    assert oct((station / "keys" / "credentials.json").stat().st_mode & 0o777) == "0o600"

    again = run_cli(
        "setup",
        "--data-dir",
        str(tmp_path / "other"),
        "--platform",
        platform_url,
        "--enrollment-code",
        "CODE-1",
        "--station-code",
        "S008",
    )
    assert again.returncode != 0  # one-time codes

    r = run_cli("demo", "--headless", "--count", "3", "--offline", "--data-dir", str(station))
    assert r.returncode == 0, r.stderr
    admin = {"Authorization": f"Bearer {TOKEN}"}
    assert (
        requests.get(platform_url + "/v1/admin/submissions", headers=admin, timeout=10).json() == []
    )  # queued, not delivered

    r = _run("sync", "--data-dir", str(station), "--once")
    assert r.returncode == 0, r.stderr
    held = requests.get(platform_url + "/v1/admin/submissions", headers=admin, timeout=10).json()
    assert len(held) == 3
    assert len({s["uuid"] for s in held}) == 3
    assert all(s["receipt_no"].startswith("S007-") for s in held)
    assert all(b["present"] and b["verified"] for s in held for b in s["blobs"])

    # nothing left: still 0, no duplicates
    r = run_cli("sync", "--data-dir", str(station), "--once")
    assert r.returncode == 0, r.stderr
    assert (
        len(requests.get(platform_url + "/v1/admin/submissions", headers=admin, timeout=10).json())
        == 3
    )
    assert requests.get(platform_url + "/v1/admin/submissions", timeout=10).status_code == 401


def test_sync_once_fails_with_a_reason_when_the_platform_is_gone(
    platform_url: str, tmp_path: Path
) -> None:
    station = tmp_path / "station"
    assert (
        run_cli(
            "setup",
            "--data-dir",
            str(station),
            "--platform",
            platform_url,
            "--enrollment-code",
            "CODE-2",
            "--station-code",
            "S009",
        ).returncode
        == 0
    )
    assert (
        run_cli(
            "demo", "--headless", "--count", "1", "--offline", "--data-dir", str(station)
        ).returncode
        == 0
    )
    platform_gone(station)
    r = run_cli("sync", "--data-dir", str(station), "--once")
    assert r.returncode != 0
    assert "not yet delivered" in r.stderr
