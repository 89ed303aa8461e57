"""Raw signed requests to the platform, byte for byte what a (possibly hostile) station
sends: no client library in between to tidy the body up."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

import requests

from wire import signing


@dataclass(frozen=True)
class RawStation:
    url: str
    station_id: str
    secret: str
    station_code: str
    http: requests.Session

    def call(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None,
        *, now: float | None = None,
    ) -> requests.Response:
        signed = signing.make_headers(self.station_id, self.secret, method, path, body,
                                      time.time() if now is None else now)
        return self.http.request(method, self.url + path, data=body,
                                 headers={**signed, **(headers or {})}, timeout=10)

    def put_json(self, path: str, value: Any) -> requests.Response:
        body = json.dumps(value, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
        return self.call("PUT", path, body, {"Content-Type": "application/json"})

    def upload(self, data: bytes, sha: str) -> None:
        r = self.call("PATCH", f"/v1/blobs/{sha}", data,
                      {"Upload-Offset": "0", "Upload-Length": str(len(data))})
        assert r.status_code == 204 and r.headers["Upload-Complete"] == "?1", r.text


def enroll_raw(url: str, http: requests.Session, code: str, station_code: str) -> RawStation:
    r = http.post(url + "/v1/stations/enroll",
                  json={"code": code, "station_code": station_code, "role": "window"},
                  timeout=10)
    assert r.status_code == 200, r.text
    answer = r.json()
    return RawStation(url, answer["station_id"], answer["secret"], station_code, http)


def new_uuid() -> str:
    import uuid

    return str(uuid.uuid4())


def manifest(uuid: str, receipt_no: str, pages: list[str]) -> dict[str, Any]:
    return {
        "uuid": uuid, "receipt_no": receipt_no, "item_code": "GR-001", "catalog_version": "1",
        "channel": "window", "clerk_id": "c01", "accepted_at": "2026-11-25T08:00:00Z",
        "applicant": {"kind": "person", "name": "张三丰", "id_number": "11010519491231002X",
                      "gender": "男", "nation": "汉", "birth_date": "1949-12-31",
                      "address": "北京市东城区某某胡同1号", "id_kind": "resident"},
        "materials": [{"code": "M01", "pages": pages}],
    }


def nonce() -> str:
    return secrets.token_hex(16)
