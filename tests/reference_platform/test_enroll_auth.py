"""Enrollment, request signatures, replay and clock-skew protection (real server)."""

from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import AuthError, PlatformClient, StationCredentials
from wire import signing


def signed_get(
    http: requests.Session, platform: PlatformProcess, creds: StationCredentials, path: str,
    *, now: float | None = None, nonce: str | None = None, secret: str | None = None,
) -> requests.Response:
    headers = signing.make_headers(
        creds.station_id, secret or creds.secret, "GET", path, b"",
        time.time() if now is None else now, nonce,
    )
    return http.get(platform.url + path, headers=headers, timeout=10)


def test_enrollment_code_is_one_time(platform: PlatformProcess, http: requests.Session) -> None:
    creds = PlatformClient.enroll(platform.url, "FIRST-CODE", "S009", "kiosk", session=http)
    assert creds.station_id.startswith("st-") and len(creds.secret) == 64
    # a used code answers exactly as an unknown one (nothing to learn by probing)
    with pytest.raises(AuthError) as used:
        PlatformClient.enroll(platform.url, "FIRST-CODE", "S010", "kiosk", session=http)
    with pytest.raises(AuthError) as unknown:
        PlatformClient.enroll(platform.url, "NO-SUCH-CODE", "S010", "kiosk", session=http)
    assert unknown.value.status == used.value.status == 403
    assert unknown.value.code == used.value.code == "code_unknown"
    r = http.post(platform.url + "/v1/stations/enroll", json={"code": 5}, timeout=10)
    assert r.status_code == 422 and r.headers["X-Yiwang-Platform"] == "1"


def test_signed_request_accepted_and_replay_rejected(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    creds = enroll()
    nonce = "replay-nonce-0123456789"
    now = time.time()
    first = signed_get(http, platform, creds, "/v1/catalog", now=now, nonce=nonce)
    assert first.status_code == 200
    again = signed_get(http, platform, creds, "/v1/catalog", now=now, nonce=nonce)
    assert again.status_code == 401
    assert again.json()["error"] == "nonce_reused"
    assert again.headers["X-Yiwang-Platform"] == "1"


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        ({"secret": "0" * 64}, "bad_signature"),
        ({"path_signed": "/v1/catalog?x=1"}, "bad_signature"),
        ({"station": "st-unknown"}, "unknown_station"),
        ({"drop": "X-Nonce"}, "unsigned"),
        ({"header": ("X-Signature", "zz")}, "bad_signature_headers"),
        ({"header": ("X-Timestamp", "-5")}, "bad_signature_headers"),
    ],
)
def test_bad_signatures_get_401(
    platform: PlatformProcess, http: requests.Session,
    enroll: Callable[..., StationCredentials], mutate: dict[str, Any], code: str,
) -> None:
    creds = enroll()
    headers = signing.make_headers(
        mutate.get("station", creds.station_id), mutate.get("secret", creds.secret), "GET",
        mutate.get("path_signed", "/v1/catalog"), b"", time.time(),
    )
    if "drop" in mutate:
        del headers[mutate["drop"]]
    if "header" in mutate:
        headers[mutate["header"][0]] = mutate["header"][1]
    r = http.get(platform.url + "/v1/catalog", headers=headers, timeout=10)
    assert r.status_code == 401, r.text
    assert r.json()["error"] == code
    assert r.headers["X-Yiwang-Error"] == code
    assert r.headers["X-Yiwang-Platform"] == "1"


def test_skewed_timestamp_is_rejected_with_server_date(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    creds = enroll()
    r = signed_get(http, platform, creds, "/v1/catalog", now=time.time() - 3600)
    assert r.status_code == 401
    assert r.json()["error"] == "clock_skew"
    server_time = parsedate_to_datetime(r.headers["Date"]).timestamp()
    assert abs(server_time - time.time()) < 5
    # 10 s past the 300 s window: a loaded machine takes a second or more to deliver the
    # request, which ate up the 1 s margin this had
    r = signed_get(http, platform, creds, "/v1/catalog", now=time.time() + 310)
    assert r.status_code == 401


@pytest.mark.parametrize("days", [3, -3])
def test_client_with_clock_days_off_still_syncs(
    platform: PlatformProcess, http: requests.Session,
    enroll: Callable[..., StationCredentials], days: int,
) -> None:
    offset = days * 86400.0
    client = PlatformClient(platform.url, enroll(), session=http,
                            clock=lambda: time.time() + offset)
    body, etag = client.catalog(None)
    assert body is not None and etag
    assert abs(client.clock_offset + offset) < 5
    client.heartbeat({"queue_depth": 0})  # later calls go through without a retry


def test_admin_endpoints_need_the_token(
    platform: PlatformProcess, http: requests.Session
) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"},
                    {"Authorization": platform.admin_token}):
        r = http.get(platform.url + "/v1/admin/submissions", headers=headers, timeout=10)
        assert r.status_code == 401
        assert r.headers["X-Yiwang-Platform"] == "1"
    r = http.post(platform.url + "/v1/admin/submissions/x/status", json={"status": "办结"},
                  timeout=10)
    assert r.status_code == 401
    ok = http.get(platform.url + "/v1/admin/submissions",
                  headers={"Authorization": f"Bearer {platform.admin_token}"}, timeout=10)
    assert ok.status_code == 200 and isinstance(ok.json(), list)


def test_heartbeat_only_for_own_station(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    a, b = enroll("S101"), enroll("S102")
    PlatformClient(platform.url, a, session=http).heartbeat()
    path = f"/v1/stations/{b.station_id}/heartbeat"
    headers = signing.make_headers(a.station_id, a.secret, "POST", path, b"{}", time.time())
    r = http.post(platform.url + path, data=b"{}", headers=headers, timeout=10)
    assert r.status_code == 403
