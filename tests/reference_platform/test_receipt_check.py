"""The public receipt check: a genuine QR tag shows progress, a forged one is unknown."""

from __future__ import annotations

import hashlib
import io
import secrets
import uuid as uuidlib
from collections.abc import Callable
from typing import Any

import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from reference_platform.server import PlatformProcess
from station.receipt_code import receipt_payload, verify_payload
from sync.client import PlatformClient, StationCredentials
from wire.signing import receipt_tag


def make_blob(n: int) -> tuple[bytes, str]:
    data = secrets.token_bytes(n)
    return data, hashlib.sha256(data).hexdigest()


def manifest(uuid: str, pages: list[str], receipt_no: str) -> dict[str, Any]:
    return {
        "uuid": uuid,
        "receipt_no": receipt_no,
        "item_code": "SB-001",
        "catalog_version": "1",
        "channel": "window",
        "clerk_id": "c01",
        "accepted_at": "2026-11-25T08:00:00Z",
        "applicant": {
            "kind": "person",
            "name": "张三",
            "id_number": "11010519491231002X",
            "gender": "男",
            "nation": "汉",
            "birth_date": "1949-12-31",
            "address": "北京市",
            "id_kind": "resident",
        },
        "materials": [{"code": "M01", "pages": pages}],
    }


def _check(
    http: requests.Session, platform: PlatformProcess, receipt_no: str, tag: str
) -> requests.Response:
    return http.get(f"{platform.url}/v1/receipts/{receipt_no}", params={"t": tag}, timeout=10)


def test_genuine_receipt_shows_progress_forged_is_unknown(
    platform: PlatformProcess,
    http: requests.Session,
    enroll: Callable[..., StationCredentials],
    admin: Callable[..., Any],
) -> None:
    station_code = "R" + secrets.token_hex(3).upper()
    creds = enroll(station_code)
    client = PlatformClient(platform.url, creds, session=http)
    receipt_no = f"{station_code}-20261125-0001"
    tag = receipt_tag(creds.secret, receipt_no)

    # printed while offline: genuine, not yet on the platform
    r = _check(http, platform, receipt_no, tag)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "待上传" and r.json()["case_no"] is None

    data, sha = make_blob(1000)
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    uuid = str(uuidlib.uuid4())
    delivery = client.put_submission(uuid, manifest(uuid, [sha], receipt_no=receipt_no))
    admin("POST", f"/v1/admin/submissions/{uuid}/status", json={"status": "办结", "note": ""})
    body = _check(http, platform, receipt_no, tag).json()
    assert body == {**body, "genuine": True, "case_no": delivery.case_no, "status": "办结"}
    assert "张三" not in str(body) and "11010519491231002X" not in str(body)

    forged = "A" * 10 if tag != "A" * 10 else "B" * 10
    assert _check(http, platform, receipt_no, forged).status_code == 404
    other = f"{station_code}-20261125-0002"
    assert _check(http, platform, other, tag).status_code == 404
    assert _check(http, platform, "NOPE-20261125-0001", tag).status_code == 404


def test_payload_round_trip_and_tamper() -> None:
    secret = secrets.token_hex(32)
    payload = receipt_payload(secret, "S001-20261125-0042")
    assert payload.isascii() and payload.startswith("YW1|S001-20261125-0042|")
    assert verify_payload(secret, payload) == "S001-20261125-0042"
    assert verify_payload(secrets.token_hex(32), payload) is None
    assert verify_payload(secret, payload.replace("0042", "0043")) is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=80)
    | st.builds(lambda no, tag: f"YW1|{no}|{tag}", st.text(max_size=30), st.text(max_size=12))
)
def test_arbitrary_scanned_text_is_never_taken_for_a_receipt(text: str) -> None:
    # no text without the station's tag verifies, however receipt-shaped it is
    assert verify_payload("secret", text) is None
