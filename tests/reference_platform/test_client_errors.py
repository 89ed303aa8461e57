"""Client error mapping against answers that are not (or not good) platform answers."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
import requests

from sync.client import (
    AuthError,
    Conflict,
    MissingBlobs,
    PermanentError,
    PlatformClient,
    StationCredentials,
    TransientError,
)

CREDS = StationCredentials("st-test", "secret")


class Scripted(http.server.BaseHTTPRequestHandler):
    """Answers every request with the scripted status, headers and body."""

    status: ClassVar[int] = 200
    headers_out: ClassVar[dict[str, str]] = {}
    body: ClassVar[bytes] = b"{}"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(self.status)
        for k, v in self.headers_out.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(self.body)

    do_GET = do_PUT = do_POST = do_PATCH = do_HEAD = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def fake_server() -> Iterator[tuple[str, type[Scripted]]]:
    handler = type("Handler", (Scripted,), {"headers_out": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake(fake_server: tuple[str, type[Scripted]]) -> tuple[str, type[Scripted]]:
    url, handler = fake_server
    handler.status, handler.body, handler.headers_out = 200, b"{}", {}
    return url, handler


def make_client(url: str) -> PlatformClient:
    s = requests.Session()
    s.trust_env = False
    return PlatformClient(url, CREDS, session=s, timeout=(1.0, 2.0))


GOOD_MANIFEST = {"uuid": "u"}


def test_200_without_platform_header_is_never_success(
    fake: tuple[str, type[Scripted]],
) -> None:
    url, handler = fake
    handler.status = 200
    handler.body = b'{"case_no": "SW20260101000001", "status": "\\u53d7\\u7406", "events": []}'
    handler.headers_out = {"Content-Type": "application/json"}
    client = make_client(url)
    with pytest.raises(TransientError) as err:
        client.put_submission("u", GOOD_MANIFEST)
    assert err.value.code == "not_platform"
    with pytest.raises(TransientError):
        client.status_updates(None)
    with pytest.raises(TransientError):
        client.blob_state("a" * 64)
    with pytest.raises(TransientError):
        PlatformClient.enroll(url, "c", "S001", "window", session=client.session)
    handler.headers_out = {"X-Yiwang-Platform": "0"}
    with pytest.raises(TransientError):
        client.heartbeat()


@pytest.mark.parametrize(
    ("status", "body", "headers", "expected", "attrs"),
    [
        (503, b"{}", {"Retry-After": "7"}, TransientError, {"retry_after": 7.0}),
        (429, b"{}", {"Retry-After": "120"}, TransientError, {"retry_after": 120.0}),
        (500, b"oops", {}, TransientError, {"retry_after": None}),
        (502, b"", {}, TransientError, {}),
        (401, b'{"error": "bad_signature"}', {}, AuthError, {"code": "bad_signature"}),
        (403, b"{}", {}, AuthError, {"status": 403}),
        (409, b'{"error": "conflict"}', {}, Conflict, {}),
        (422, b'{"error": "missing_blobs", "detail": {"missing": ["ab"]}}', {}, MissingBlobs,
         {"shas": ["ab"]}),
        (422, b'{"error": "invalid_manifest", "detail": []}', {}, PermanentError,
         {"status": 422}),
        (400, b"not json", {}, PermanentError, {"status": 400}),
        (404, b"{}", {}, PermanentError, {"status": 404}),
    ],
)
def test_error_mapping(
    fake: tuple[str, type[Scripted]], status: int, body: bytes, headers: dict[str, str],
    expected: type[Exception], attrs: dict[str, object],
) -> None:
    url, handler = fake
    handler.status = status
    handler.body = body
    handler.headers_out = {"X-Yiwang-Platform": "1", **headers}
    with pytest.raises(expected) as err:
        make_client(url).put_submission("u", GOOD_MANIFEST)
    for name, value in attrs.items():
        assert getattr(err.value, name) == value


def test_unreachable_platform_is_transient() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(TransientError) as err:
        make_client(f"http://127.0.0.1:{port}").heartbeat()
    assert err.value.code == "network"


def test_stalled_platform_times_out_as_transient() -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        client = make_client(f"http://127.0.0.1:{listener.getsockname()[1]}")
        client.timeout = (0.2, 0.2)  # a listener that never answers: short, it only waits
        with pytest.raises(TransientError) as err:
            client.heartbeat()
        assert err.value.code in ("timeout", "network")
    finally:
        listener.close()
