"""`yiwang sync` as a systemd Type=notify service: READY, watchdog pings, STOPPING,
over a real NOTIFY_SOCKET datagram socket."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.sdnotify import Watchdog, notify, watchdog_interval

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(30)
    yield sock, path
    sock.close()


def _messages(sock: socket.socket, until: str) -> list[str]:
    seen: list[str] = []
    while not any(until in m for m in seen):
        seen.append(sock.recv(4096).decode())
    return seen


def test_sync_service_notifies_ready_pings_and_stops(
    station: Path, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    exe = Path(sys.executable).with_name("yiwang")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "yiwang"]
    env = {**os.environ, "NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000"}
    env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen(
        [*cmd, "sync", "--data-dir", str(station)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        first = _messages(sock, "READY=1")
        assert first[-1].startswith("READY=1\nSTATUS=delivering for station ")
        pings = _messages(sock, "WATCHDOG=1") + _messages(sock, "WATCHDOG=1")
        assert sum(m == "WATCHDOG=1" for m in pings) >= 2
        proc.send_signal(signal.SIGTERM)
        assert "STOPPING=1" in _messages(sock, "STOPPING=1")
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def test_abstract_socket_and_no_socket() -> None:
    name = f"yiwang-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(10)
        assert notify("READY=1", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(100) == b"READY=1"
    assert notify("READY=1", {}) is False


def test_watchdog_interval_is_half_of_watchdog_usec() -> None:
    assert watchdog_interval({"WATCHDOG_USEC": "120000000"}) == 60.0
    assert watchdog_interval({}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "1000", "WATCHDOG_PID": "1"}) is None  # not us


def test_pings_stop_while_liveness_fails(notify_socket: tuple[socket.socket, str]) -> None:
    sock, path = notify_socket
    healthy = {"now": False}
    dog = Watchdog(lambda: healthy["now"], env={"NOTIFY_SOCKET": path}, interval=0.02).start()
    try:
        sock.settimeout(0.5)  # a window in which a ping would have come 25 times
        with pytest.raises(TimeoutError):
            sock.recv(100)
        healthy["now"] = True
        sock.settimeout(30)
        assert sock.recv(100) == b"WATCHDOG=1"
    finally:
        dog.stop()
