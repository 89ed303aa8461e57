"""Fixtures for the protocol tests: the reference platform as a real subprocess,
an in-process ASGI driver (no network) for request-parsing tests, helpers."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.client import PlatformClient, StationCredentials
from tests.helpers.platform_admin import unique_station_code
from tests.helpers.threaded_platform import ThreadedPlatform


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadedPlatform]:
    """The platform of the protocol tests, served on a thread of the worker (the same app
    and server settings as the process, without another interpreter's start-up). What
    only the process shows (its umask and files, log, parent watch, command line) is
    tested against a PlatformProcess (test_security.py, test_hardening.py,
    test_parent_watch.py, tests/yiwang)."""
    db = tmp_path_factory.mktemp("platform") / "platform.db"
    with ThreadedPlatform(db, enrollment_codes=["FIRST-CODE"]) as proc:
        yield proc


@pytest.fixture
def admin(platform: ThreadedPlatform, http: requests.Session) -> Callable[..., requests.Response]:
    def call(method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {platform.admin_token}", **kwargs.pop("headers", {})}
        return http.request(method, platform.url + path, headers=headers, timeout=10, **kwargs)

    return call


@pytest.fixture
def station_code() -> str:
    """The station code of the ``client`` fixture's station (receipt numbers carry it)."""
    return unique_station_code()


@pytest.fixture
def enroll(
    platform: ThreadedPlatform, http: requests.Session, admin: Callable[..., requests.Response]
) -> Callable[..., StationCredentials]:
    def do(station_code: str | None = None, role: str = "window") -> StationCredentials:
        station_code = station_code or unique_station_code()
        code = "code-" + secrets.token_hex(6)
        r = admin("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
        assert r.status_code == 200, r.text
        return PlatformClient.enroll(platform.url, code, station_code, role, session=http)

    return do


@pytest.fixture
def client(
    platform: ThreadedPlatform, http: requests.Session,
    enroll: Callable[..., StationCredentials], station_code: str,
) -> PlatformClient:
    return PlatformClient(platform.url, enroll(station_code), session=http, timeout=(2.0, 10.0))


class AsgiAnswer:
    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.status = status
        self.raw_headers = headers
        self.headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in headers}
        self.body = body


def asgi_call(
    app: Any,
    method: str,
    path: str,
    *,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
    raw_path: bytes | None = None,
) -> AsgiAnswer:
    """Drive an ASGI app directly (one request, one event loop) — no sockets."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": raw_path if raw_path is not None else path.encode("utf-8", "surrogateescape"),
        "query_string": query,
        "root_path": "",
        "headers": headers or [],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    status = 0
    out_headers: list[tuple[bytes, bytes]] = []
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, out_headers
        if message["type"] == "http.response.start":
            status = message["status"]
            out_headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    async def run() -> None:
        await asyncio.wait_for(app(scope, receive, send), timeout=30)

    asyncio.run(run())
    return AsgiAnswer(status, out_headers, b"".join(chunks))


@pytest.fixture
def app_factory(tmp_path: Path) -> Callable[..., Any]:
    from reference_platform.app import create_app

    def make(**kwargs: Any) -> Any:
        kwargs.setdefault("admin_token", "admin-secret")
        kwargs.setdefault("enrollment_codes", ["E1", "E2"])
        return create_app(tmp_path / "platform.db", **kwargs)

    return make


@pytest.fixture(scope="session")
def asgi() -> Callable[..., AsgiAnswer]:
    return asgi_call
