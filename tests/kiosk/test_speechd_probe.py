"""The speech daemon is asked on a worker, with a time limit, before Qt's engine is
made on the GUI thread: a real unix socket answering SSIP, one that never answers,
and none at all."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.speechd_probe import Address, Probe, daemon_address, daemon_answers, ensure_daemon
from kiosk.voice import Voice


def _serve(path: Path, reply: bytes | None, stop: threading.Event) -> threading.Thread:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(4)
    server.settimeout(0.05)

    def run() -> None:
        held = []
        with server:
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                conn.recv(256)
                if reply is None:
                    held.append(conn)  # a stuck daemon: reads, never answers
                else:
                    conn.sendall(reply)
                    conn.close()
        for conn in held:
            conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def sock_dir(tmp_path: Path) -> Iterator[Path]:
    # AF_UNIX paths are limited to ~107 bytes; pytest's tmp paths can be longer
    short = Path(f"/tmp/yw-spd-{id(tmp_path) % 100000}")
    short.mkdir(exist_ok=True)
    yield short
    for p in short.iterdir():
        p.unlink()
    short.rmdir()


def test_a_daemon_that_answers_the_greeting_is_ready(sock_dir: Path) -> None:
    stop = threading.Event()
    path = sock_dir / "speechd.sock"
    thread = _serve(path, b"208 OK CLIENT NAME SET\r\n", stop)
    try:
        assert daemon_answers(Address(path=path), timeout=2.0)
    finally:
        stop.set()
        thread.join()


def test_a_stuck_daemon_is_given_up_after_the_limit(sock_dir: Path) -> None:
    stop = threading.Event()
    path = sock_dir / "speechd.sock"
    thread = _serve(path, None, stop)
    try:
        started = time.monotonic()
        assert not daemon_answers(Address(path=path), timeout=0.3)
        assert time.monotonic() - started < 2.0
    finally:
        stop.set()
        thread.join()


def test_no_daemon_and_a_spawn_that_starts_none(tmp_path: Path) -> None:
    probe = Probe()
    address = Address(path=tmp_path / "absent.sock")
    assert not ensure_daemon(address, spawn=("true",))
    probe.start(address)
    assert probe.done.wait(10)
    assert probe.ok is False


def test_the_address_follows_libspeechd() -> None:
    assert daemon_address({"SPEECHD_ADDRESS": "unix_socket:/x/s.sock"}).path == Path("/x/s.sock")
    inet = daemon_address({"SPEECHD_ADDRESS": "inet_socket:127.0.0.1:6560"})
    assert (inet.host, inet.port, inet.path) == ("127.0.0.1", 6560, None)
    assert daemon_address({"XDG_RUNTIME_DIR": "/run/user/7"}).path == Path(
        "/run/user/7/speech-dispatcher/speechd.sock")
    assert daemon_address({"HOME": "/home/k"}).path == Path(
        "/home/k/.cache/speech-dispatcher/speechd.sock")


def test_the_voice_never_makes_the_engine_before_the_daemon_answered(qtbot: QtBot) -> None:
    voice = Voice("speechd", chinese=True)
    assert voice._probe is not None
    voice._probe.started = True  # the test answers for the worker
    voice.announce("请将身份证放在读卡器上。")
    assert voice._tts is None and voice.available  # unspoken, not waited on
    assert list(voice.spoken) == ["请将身份证放在读卡器上。"]
    voice._probe.done.set()  # the daemon did not answer
    voice.replay()
    assert voice._tts is None and not voice.available
