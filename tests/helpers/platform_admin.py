"""The department's side of the reference platform (admin endpoints), for tests and benches."""

from __future__ import annotations

import contextlib
import dataclasses
import secrets
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import requests

from reference_platform.server import PlatformProcess
from sync.client import PlatformClient, StationCredentials

#: the simulated camera's frame size of a test station (set_up_enrolled_station)
TEST_CAMERA_SIZE = (640, 360)


def unique_station_code(prefix: str = "T") -> str:
    """Station codes are unique on a platform (a second enrollment with a code is refused),
    and receipt numbers carry them: every test station gets its own."""
    return prefix + secrets.token_hex(4).upper()


class Admin:
    """The department's view of the platform, always direct (never through the proxy)."""

    def __init__(
        self, platform: PlatformProcess, http: requests.Session, station_code: str | None = None
    ) -> None:
        """``station_code``: what ``enroll()`` enrolls by default (a fresh code when None)."""
        self.platform = platform
        self.http = http
        self.station_code = station_code

    def call(self, method: str, path: str, **kw: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.platform.admin_token}"}
        return admin_request(self.http, method, self.platform.url + path, headers=headers,
                             timeout=10, **kw)

    def enrollment_code(self) -> str:
        code = "code-" + secrets.token_hex(6)
        r = self.call("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
        assert r.status_code == 200, r.text
        return code

    def enroll(self, station_code: str | None = None) -> StationCredentials:
        return PlatformClient.enroll(self.platform.url, self.enrollment_code(),
                                     station_code or self.station_code
                                     or unique_station_code(), "window",
                                     session=self.http)

    def submissions(self) -> list[dict[str, Any]]:
        r = self.call("GET", "/v1/admin/submissions")
        assert r.status_code == 200, r.text
        return list(r.json())

    def submission(self, uuid: str) -> dict[str, Any]:
        r = self.call("GET", f"/v1/admin/submissions/{uuid}")
        assert r.status_code == 200, r.text
        return dict(r.json())

    def blob(self, sha: str) -> bytes:
        r = self.call("GET", f"/v1/admin/blobs/{sha}")
        assert r.status_code == 200, r.text
        return r.content

    def set_status(
        self, uuid: str, status: str, note: str = "", missing: Sequence[str] = ()
    ) -> None:
        r = self.call(
            "POST",
            f"/v1/admin/submissions/{uuid}/status",
            json={"status": status, "note": note, "missing_materials": list(missing)},
        )
        assert r.status_code == 200, r.text


AdminCall = Callable[..., Any]

#: methods that may be sent again when a connection dropped (RFC 9110 9.2.2)
IDEMPOTENT_READS = frozenset({"GET", "HEAD"})
READ_ATTEMPTS = 3


def admin_request(
    http: requests.Session, method: str, url: str, **kwargs: Any
) -> requests.Response:
    """``http.request``, sending an idempotent read again when the connection dropped.

    Why: a keep-alive connection the server closes as idle (its keep-alive timeout) can
    be reused by the client in the instant the close is on its way; the request then
    meets a closed socket (RemoteDisconnected / ConnectionResetError), which requests
    does not retry by default. Every HTTP client races the server's idle close like
    this, and a machine under load widens the window. A GET changes nothing on the
    platform, so sending it again on a fresh connection is always safe; a POST/PUT is
    never re-sent here (it could have been acted on), its failure reaches the test."""
    attempts = READ_ATTEMPTS if method.upper() in IDEMPOTENT_READS else 1
    for attempt in range(1, attempts + 1):
        try:
            return http.request(method, url, **kwargs)
        except requests.ConnectionError:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def admin_json_caller(platform: PlatformProcess, *, timeout: float = 10) -> Iterator[AdminCall]:
    """``call(method, path, **kw)``: an admin request that must succeed; returns its JSON."""
    session = requests.Session()
    session.trust_env = False  # never route loopback through an environment proxy

    def call(method: str, path: str, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {platform.admin_token}"}
        r = admin_request(session, method, platform.url + path, headers=headers,
                          timeout=timeout, **kwargs)
        r.raise_for_status()
        return r.json()

    try:
        yield call
    finally:
        session.close()


def set_up_enrolled_station(
    data_dir: Path, admin: AdminCall, platform_url: str, station_code: str
) -> Path:
    """``yiwang setup`` for a fresh station enrolled with a new one-time code.

    Its simulated camera renders 640x360 frames (``TEST_CAMERA_SIZE``) instead of the
    default 1920x1080: rendering a full-size desk and page costs most of a second of CPU
    per page, and an intake finds, rectifies (to A4 at 200 dpi), judges and encodes the
    same page with the same findings from either size. The camera pipeline's own
    tests (tests/devices/camera) keep the full size."""
    from station.device_settings import load_device_settings, save_device_settings
    from yiwang.commands.setup import setup_station

    code = secrets.token_hex(8)
    admin("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
    setup_station(
        data_dir,
        platform_url=platform_url,
        enrollment_code=code,
        station_code=station_code,
        station_name="测试镇便民服务中心",
    )
    width, height = TEST_CAMERA_SIZE
    save_device_settings(data_dir, dataclasses.replace(
        load_device_settings(data_dir), camera_width=width, camera_height=height))
    return data_dir
