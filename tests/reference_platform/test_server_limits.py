"""What the HTTP server allows a caller: a deadline for the request head (slowloris), an
idle timeout, a connection cap and a head size cap."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from reference_platform import server
from reference_platform.guarded_h11 import GuardedH11Protocol
from reference_platform.server import free_port

#: the head deadline of the test server (the product's is server.HEADER_TIMEOUT, 10 s):
#: short, so that a cut-off is seen in a fraction of a second
HEAD_DEADLINE = 0.2
#: the keep-alive timeout of the test server: far above the head deadline, so that the
#: two cannot be confused (the product's is server.IDLE_TIMEOUT)
KEEP_ALIVE = 5


@pytest.fixture
def quick_server(
    app_factory: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, int]]:
    monkeypatch.setattr(server, "HEADER_TIMEOUT", HEAD_DEADLINE)
    port = free_port()
    config = uvicorn.Config(app_factory(), host="127.0.0.1", port=port, http=GuardedH11Protocol,
                            log_level="warning", lifespan="off", timeout_keep_alive=KEEP_ALIVE)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.01)
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(10)


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    return True


def test_a_request_head_sent_too_slowly_is_cut_off(quick_server: tuple[str, int]) -> None:
    with socket.create_connection(quick_server) as sock:
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n")  # never finished
        started = time.monotonic()
        assert _closed_within(sock, 5.0)
        assert time.monotonic() - started < 4.0


def _get_one(sock: socket.socket) -> None:
    """One whole GET on ``sock``: its answer is read to the last body byte. The admin's
    station list (empty here): a cheap 200 answer, where /openapi.json cost each test's
    fresh app some 0.1 s of CPU to build its schema."""
    sock.sendall(b"GET /v1/admin/stations HTTP/1.1\r\nHost: x\r\n"
                 b"Authorization: Bearer admin-secret\r\n\r\n")
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(65536)
    assert head.startswith(b"HTTP/1.1 200")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length")))
    body = head.split(b"\r\n\r\n", 1)[1]
    while len(body) < length:
        body += sock.recv(65536)


def test_a_prompt_request_is_served_and_its_connection_kept(
    quick_server: tuple[str, int]
) -> None:
    with socket.create_connection(quick_server) as sock:
        sock.settimeout(5)
        for _ in range(2):
            _get_one(sock)


def test_an_idle_kept_alive_connection_is_left_to_the_keep_alive_timeout(
    quick_server: tuple[str, int]
) -> None:
    """Between requests a connection is idle, not slow: the head deadline (0.2 s here)
    must not cut it, only the keep-alive timeout (5 s) closes it. A client reusing it in
    between gets its answer."""
    with socket.create_connection(quick_server) as sock:
        sock.settimeout(5)
        _get_one(sock)
        # three head deadlines of idleness: a deadline running from the answer would cut
        assert not _closed_within(sock, 3 * HEAD_DEADLINE), (
            "idle kept-alive connection cut by head deadline")
        sock.settimeout(5)
        _get_one(sock)


def test_a_slow_head_on_a_kept_alive_connection_is_cut_off(
    quick_server: tuple[str, int]
) -> None:
    with socket.create_connection(quick_server) as sock:
        sock.settimeout(5)
        _get_one(sock)
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: x\r\n")  # never finished
        started = time.monotonic()
        assert _closed_within(sock, 5.0)
        assert time.monotonic() - started < 4.0  # the head deadline, not keep-alive (5 s)


def test_serve_sets_the_server_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    umask = os.umask(0o022)
    try:
        server.serve(tmp_path / "p.db", "127.0.0.1", 1, "token")
        assert os.umask(0o022) == 0o077  # the platform process makes private files
    finally:
        os.umask(umask)
    assert seen["http"] is GuardedH11Protocol
    assert seen["timeout_keep_alive"] == server.IDLE_TIMEOUT <= 10
    assert seen["limit_concurrency"] == server.MAX_CONNECTIONS
    assert seen["h11_max_incomplete_event_size"] == server.MAX_HEAD_BYTES <= 64 * 1024


def test_a_body_slower_than_the_head_deadline_is_not_cut(
    quick_server: tuple[str, int]
) -> None:
    body = b'{"version": "slow", "items": []}'
    head = (b"PUT /v1/admin/catalog HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer admin-secret\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body))
    with socket.create_connection(quick_server) as sock:
        sock.settimeout(5)
        sock.sendall(head)
        for i in range(0, len(body), 8):  # over ~0.5 s, past the 0.2 s head deadline
            time.sleep(HEAD_DEADLINE / 2)  # the slowness under test: a caller trickling its body
            sock.sendall(body[i : i + 8])
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
