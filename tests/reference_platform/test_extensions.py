"""Protocol extensions P1-P4 (COMMON.md, docs/protocol.md) against the real platform."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import requests

from reference_platform.server import PlatformProcess
from tests.helpers.platform_admin import unique_station_code
from tests.helpers.signed_http import RawStation, enroll_raw, manifest, new_uuid
from wire.canonical import canonical_json
from wire.headers import RECEIPT_HIGH_HEADER
from wire.signing import delivery_proof


def _station(platform: PlatformProcess, http: requests.Session,
             admin: Callable[..., requests.Response], code: str | None = None,
             **issue: Any) -> RawStation:
    r = admin("POST", "/v1/admin/enrollment-codes", json=issue)
    assert r.status_code == 200, r.text
    return enroll_raw(platform.url, http, r.json()["codes"][0], code or unique_station_code())


def _deliver(st: RawStation, receipt_no: str) -> tuple[str, dict[str, Any], requests.Response]:
    uuid = new_uuid()
    data = hashlib.sha256(uuid.encode()).digest()
    sha = hashlib.sha256(data).hexdigest()
    st.upload(data, sha)
    m = manifest(uuid, receipt_no, [sha])
    return uuid, m, st.put_json(f"/v1/submissions/{uuid}", m)


def test_p1_every_status_event_has_its_own_increasing_id(
    platform: PlatformProcess, http: requests.Session, admin: Callable[..., requests.Response]
) -> None:
    st = _station(platform, http, admin)
    uuid, _, r = _deliver(st, f"{st.station_code}-20261125-0001")
    assert r.status_code == 200
    for _ in range(2):  # the same change twice in the same second: two events
        assert admin("POST", f"/v1/admin/submissions/{uuid}/status",
                     json={"status": "审核中"}).status_code == 200
    events = st.call("GET", "/v1/status-updates").json()["events"]
    ids = [e["id"] for e in events]
    assert len(ids) == 2 and ids[0] < ids[1] and all(isinstance(i, int) and i > 0 for i in ids)
    # the same event but for its id; "at" has whole seconds, and a loaded machine can put
    # the two changes on either side of a second's boundary (the test failed then)
    assert {**events[0], "at": events[1]["at"]} == {**events[1], "id": ids[0]}
    assert events[0]["at"] <= events[1]["at"]


def test_p2_receipt_high_on_every_signed_answer_and_at_enrollment(
    platform: PlatformProcess, http: requests.Session, admin: Callable[..., requests.Response]
) -> None:
    st = _station(platform, http, admin)
    code = st.station_code
    assert st.call("GET", "/v1/catalog").headers[RECEIPT_HIGH_HEADER] == ""
    for receipt in (f"{code}-20261125-0002", f"{code}-20261124-0009",
                    f"{code}-20261125-0010"):
        assert _deliver(st, receipt)[2].status_code == 200
    high = f"{code}-20261125-0010"  # by day, then sequence: not the last one sent
    _deliver(st, f"{code}-20261125-0003")
    assert st.call("GET", "/v1/status-updates").headers[RECEIPT_HIGH_HEADER] == high
    refused = st.call("PUT", f"/v1/submissions/{new_uuid()}", b"{}",
                      {"Content-Type": "application/json"})
    assert refused.status_code == 422 and refused.headers[RECEIPT_HIGH_HEADER] == high
    # unauthenticated answers carry nothing about anyone
    assert RECEIPT_HIGH_HEADER not in http.get(platform.url + "/v1/catalog", timeout=10).headers
    # a replacing enrollment learns where the station's numbering stands
    r = admin("POST", "/v1/admin/enrollment-codes", json={"replace_station_code": code})
    answer = http.post(platform.url + "/v1/stations/enroll",
                       json={"code": r.json()["codes"][0], "station_code": code,
                             "role": "window"}, timeout=10).json()
    assert answer["receipt_high"] == high
    fresh = http.post(platform.url + "/v1/stations/enroll",
                      json={"code": admin("POST", "/v1/admin/enrollment-codes",
                                          json={}).json()["codes"][0],
                            "station_code": unique_station_code(), "role": "window"},
                      timeout=10).json()
    assert fresh["receipt_high"] is None


def test_p3_delivery_answer_carries_the_proof_new_and_replayed(
    platform: PlatformProcess, http: requests.Session, admin: Callable[..., requests.Response]
) -> None:
    st = _station(platform, http, admin)
    uuid, m, first = _deliver(st, f"{st.station_code}-20261125-0001")
    body_sha = hashlib.sha256(canonical_json(m)).hexdigest()
    answer = first.json()
    assert answer["proof"] == delivery_proof(st.secret, uuid, body_sha, answer["case_no"])
    replay = st.put_json(f"/v1/submissions/{uuid}", dict(reversed(list(m.items()))))
    assert replay.json()["proof"] == answer["proof"]
    other = _station(platform, http, admin)
    assert answer["proof"] != delivery_proof(other.secret, uuid, body_sha, answer["case_no"])


def test_p4_a_station_reads_back_what_the_platform_holds_for_it(
    platform: PlatformProcess, http: requests.Session, admin: Callable[..., requests.Response]
) -> None:
    st = _station(platform, http, admin)
    other = _station(platform, http, admin)
    _deliver(other, f"{other.station_code}-20261125-0001")
    sent = [_deliver(st, f"{st.station_code}-20261125-{n:04d}") for n in (1, 2, 3)]
    seen: list[dict[str, Any]] = []
    cursor = None
    for _ in range(5):
        path = "/v1/stations/me/submissions?limit=2" + (f"&after={cursor}" if cursor else "")
        page = st.call("GET", path).json()
        seen += page["submissions"]
        cursor = page["cursor"]
        if cursor is None:
            break
    assert [s["uuid"] for s in seen] == [uuid for uuid, _, _ in sent]
    for item, (_, m, answer) in zip(seen, sent, strict=True):
        assert item["manifest"] == m
        assert item["case_no"] == answer.json()["case_no"] and item["status"] == "受理"
        assert item["receipt_no"] == m["receipt_no"] and item["received_at"].endswith("Z")
    assert st.call("GET", "/v1/stations/me/submissions?limit=0").status_code == 400
    assert st.call("GET", "/v1/stations/me/submissions?after=x").status_code == 400
