"""The test helpers' admin reads survive a server that drops a connection unanswered
(what an idle keep-alive close racing a reused connection looks like to a client);
admin writes are never sent twice."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest
import requests

from tests.helpers.platform_admin import admin_request

ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]"


@contextlib.contextmanager
def dropping_server(drops: int) -> Iterator[tuple[str, list[bytes]]]:
    """Loopback server: reads each request head; the first ``drops`` connections are
    closed without an answer, later ones answered. Yields (url, heads received)."""
    listener = socket.create_server(("127.0.0.1", 0))
    heads: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                head = b""
                while b"\r\n\r\n" not in head:
                    piece = conn.recv(4096)
                    if not piece:
                        break
                    head += piece
                heads.append(head)
                if len(heads) > drops:
                    conn.sendall(ANSWER)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", heads
    finally:
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (Linux)
        listener.close()
        thread.join(5)
        assert not thread.is_alive()


def test_a_get_dropped_unanswered_is_sent_again(http: requests.Session) -> None:
    with dropping_server(drops=1) as (url, heads):
        r = admin_request(http, "GET", url + "/v1/admin/submissions", timeout=5)
    assert r.json() == []
    assert len(heads) == 2


def test_a_get_dropped_every_time_fails_after_its_attempts(http: requests.Session) -> None:
    with dropping_server(drops=10) as (url, heads), pytest.raises(requests.ConnectionError):
        admin_request(http, "GET", url + "/v1/admin/submissions", timeout=5)
    assert len(heads) == 3


def test_a_post_dropped_unanswered_is_not_sent_again(http: requests.Session) -> None:
    with dropping_server(drops=1) as (url, heads), pytest.raises(requests.ConnectionError):
        admin_request(http, "POST", url + "/v1/admin/enrollment-codes", json={}, timeout=5)
    assert len(heads) == 1
