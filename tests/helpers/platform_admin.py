"""The department's side of the reference platform (admin endpoints), for tests and benches."""

from __future__ import annotations

import secrets
from typing import Any

import requests

from sync.client import PlatformClient, StationCredentials
from sync.platform.server import PlatformProcess


class Admin:
    """The department's view of the platform, always direct (never through the proxy)."""

    def __init__(self, platform: PlatformProcess, http: requests.Session) -> None:
        self.platform = platform
        self.http = http

    def call(self, method: str, path: str, **kw: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.platform.admin_token}"}
        return self.http.request(method, self.platform.url + path, headers=headers,
                                 timeout=10, **kw)

    def enroll(self, station_code: str = "S001") -> StationCredentials:
        code = "code-" + secrets.token_hex(6)
        r = self.call("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
        assert r.status_code == 200, r.text
        return PlatformClient.enroll(self.platform.url, code, station_code, "window",
                                     session=self.http)

    def submissions(self) -> list[dict[str, Any]]:
        r = self.call("GET", "/v1/admin/submissions")
        assert r.status_code == 200, r.text
        return list(r.json())

    def submission(self, uuid: str) -> dict[str, Any]:
        r = self.call("GET", f"/v1/admin/submissions/{uuid}")
        assert r.status_code == 200, r.text
        return dict(r.json())
