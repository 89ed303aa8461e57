"""The real platform process on 127.0.0.1, driven as a hostile station would (issue #9).

Each test says which attack it tries; every one of them succeeded against the platform
before this hardening (a second station could squat a receipt number, re-enroll an
enrolled code, guess codes at full speed, evaluate another station's cases, store NaN,
and make the server read a body before it knew who was sending it).
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from reference_platform.server import PlatformProcess
from tests.helpers.platform_admin import unique_station_code
from tests.helpers.signed_http import RawStation, enroll_raw, manifest, new_uuid
from tests.helpers.threaded_platform import ThreadedPlatform
from wire.signing import receipt_tag

AnyPlatform = PlatformProcess | ThreadedPlatform


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    db = tmp_path_factory.mktemp("hostile") / "platform" / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc


def admin(platform: AnyPlatform, http: requests.Session, method: str, path: str,
          **kw: Any) -> requests.Response:
    headers = {"Authorization": f"Bearer {platform.admin_token}", **kw.pop("headers", {})}
    return http.request(method, platform.url + path, headers=headers, timeout=10, **kw)


def issue_code(platform: AnyPlatform, http: requests.Session, **body: Any) -> str:
    r = admin(platform, http, "POST", "/v1/admin/enrollment-codes", json=body)
    assert r.status_code == 200, r.text
    return str(r.json()["codes"][0])


def station(platform: PlatformProcess, http: requests.Session, prefix: str = "H") -> RawStation:
    return enroll_raw(platform.url, http, issue_code(platform, http), unique_station_code(prefix))


def blob(tag: str) -> tuple[bytes, str]:
    data = hashlib.sha256(tag.encode()).digest() * 40
    return data, hashlib.sha256(data).hexdigest()


def submit(st: RawStation, receipt_no: str, uuid: str | None = None) -> requests.Response:
    uuid = uuid or new_uuid()
    data, sha = blob(uuid)
    st.upload(data, sha)
    return st.put_json(f"/v1/submissions/{uuid}", manifest(uuid, receipt_no, [sha]))


def test_a_station_cannot_squat_another_stations_receipt_number(
    platform: PlatformProcess, http: requests.Session
) -> None:
    a, b = station(platform, http, "A"), station(platform, http, "B")
    receipt = f"{a.station_code}-20261125-0001"
    # B goes first with A's number: refused, so A's genuine receipt keeps working
    r = submit(b, receipt)
    assert r.status_code == 422 and r.json()["error"] == "receipt_not_yours"
    mine = submit(a, receipt)
    assert mine.status_code == 200, mine.text
    # a number already held cannot be taken again, not even by its own station
    again = submit(a, receipt)
    assert again.status_code == 409 and again.json()["error"] == "receipt_taken"
    # the public lookup shows the owner's record, and only for the owner's tag
    lookup = http.get(f"{platform.url}/v1/receipts/{receipt}",
                      params={"t": receipt_tag(a.secret, receipt)}, timeout=10)
    assert lookup.status_code == 200 and lookup.json()["case_no"] == mine.json()["case_no"]
    foreign_tag = http.get(f"{platform.url}/v1/receipts/{receipt}",
                           params={"t": receipt_tag(b.secret, receipt)}, timeout=10)
    assert foreign_tag.status_code == 404


def test_a_second_station_cannot_take_an_enrolled_station_code(
    platform: PlatformProcess, http: requests.Session
) -> None:
    first = station(platform, http, "D")
    code = issue_code(platform, http)
    r = http.post(platform.url + "/v1/stations/enroll",
                  json={"code": code, "station_code": first.station_code.lower(),
                        "role": "window"}, timeout=10)
    assert r.status_code == 409 and r.json()["error"] == "station_code_taken"
    assert first.call("GET", "/v1/catalog").status_code == 200
    # the refused code was not spent: it still enrolls a free station code
    enroll_raw(platform.url, http, code, unique_station_code("F"))

    # an admin may replace the station explicitly: the old key stops working
    replacing = issue_code(platform, http, replace_station_code=first.station_code)
    wrong = http.post(platform.url + "/v1/stations/enroll",
                      json={"code": replacing, "station_code": unique_station_code(),
                            "role": "window"}, timeout=10)
    assert wrong.status_code == 403  # a replacing code enrolls only its station code
    successor = enroll_raw(platform.url, http, replacing, first.station_code)
    old = first.call("GET", "/v1/catalog")
    assert old.status_code == 401 and old.json()["error"] == "unknown_station"
    assert successor.call("GET", "/v1/catalog").status_code == 200


def test_guessing_enrollment_codes_is_braked(tmp_path: Path, http: requests.Session) -> None:
    # a platform of its own (the brake it puts on would stop every enrollment after it);
    # served on a thread: what is braked is the HTTP enrollment, not the process
    with ThreadedPlatform(tmp_path / "brake.db") as platform:
        good = issue_code(platform, http)
        used = issue_code(platform, http)
        enroll_raw(platform.url, http, used, unique_station_code())

        def attempt(code: str) -> requests.Response:
            return http.post(platform.url + "/v1/stations/enroll",
                             json={"code": code, "station_code": unique_station_code(),
                                   "role": "window"}, timeout=10)

        answers = [attempt(used)] + [attempt(f"WRONG-{i:04d}-XXXX-XXXX") for i in range(4)]
        # wrong and used codes answer alike, byte for byte
        assert {(a.status_code, a.content) for a in answers} == {(403, answers[0].content)}
        blocked = attempt(good)  # even a good code waits once the brake is on
        assert blocked.status_code == 429 and blocked.json()["error"] == "too_many_attempts"
        assert 0 < int(blocked.headers["Retry-After"]) <= 900


def test_evaluations_only_for_own_receipts_and_once(
    platform: PlatformProcess, http: requests.Session
) -> None:
    a, b = station(platform, http, "E"), station(platform, http, "G")
    receipt = f"{a.station_code}-20261125-0001"
    evaluation = {"receipt_no": receipt, "rating": 5, "comment": "很好"}
    foreign = b.put_json(f"/v1/evaluations/{new_uuid()}", evaluation)
    assert foreign.status_code == 422 and foreign.json()["error"] == "receipt_not_yours"
    uuid = new_uuid()
    assert a.put_json(f"/v1/evaluations/{uuid}", evaluation).status_code == 200
    assert a.put_json(f"/v1/evaluations/{uuid}", evaluation).status_code == 200  # replay
    second = a.put_json(f"/v1/evaluations/{new_uuid()}", {**evaluation, "rating": 1})
    assert second.status_code == 409 and second.json()["error"] == "evaluation_exists"
    changed = a.put_json(f"/v1/evaluations/{uuid}", {**evaluation, "rating": 1})
    assert changed.status_code == 409 and changed.json()["error"] == "conflict"


UNSAFE_JSON = [
    b'{"rating": NaN}', b'{"rating": Infinity}', b'{"rating": -Infinity}', b'{"rating": 1e999}',
    b'{"rating": 5, "rating": 1}', b'{"x":' * 40 + b"1" + b"}" * 40,
]


@pytest.mark.parametrize("body", UNSAFE_JSON, ids=["nan", "inf", "-inf", "1e999", "dup", "deep"])
def test_unsafe_json_is_refused_at_the_edge(
    platform: PlatformProcess, http: requests.Session, body: bytes
) -> None:
    st = station(platform, http, "J")
    json_type = {"Content-Type": "application/json"}
    answers = [
        st.call("PUT", f"/v1/evaluations/{new_uuid()}", body, json_type),
        st.call("PUT", f"/v1/submissions/{new_uuid()}", body, json_type),
        st.call("POST", f"/v1/stations/{st.station_id}/heartbeat", body, json_type),
        http.post(platform.url + "/v1/stations/enroll", data=body, headers=json_type, timeout=10),
        admin(platform, http, "PUT", "/v1/admin/catalog", data=body, headers=json_type),
    ]
    for r in answers:
        assert r.status_code == 422, (r.request.url, r.status_code, r.text)
        assert r.json()["error"] == "invalid_json"
    for path in ("/v1/admin/submissions", "/v1/admin/stations"):
        assert admin(platform, http, "GET", path).status_code == 200


def _raw_exchange(platform: PlatformProcess, head: bytes, deadline: float = 5.0) -> bytes:
    """Send only a request head and read what comes back, never sending the body."""
    with socket.create_connection((platform.host, platform.port), timeout=deadline) as sock:
        sock.sendall(head)
        received = b""
        started = time.monotonic()
        while b"\r\n\r\n" not in received and time.monotonic() - started < deadline:
            part = sock.recv(65536)
            if not part:
                break
            received += part
        return received


UNKNOWN_STATION = (b"X-Station: st-nobody\r\nX-Timestamp: 1\r\nX-Nonce: " + b"n" * 20
                   + b"\r\nX-Signature: " + b"0" * 64 + b"\r\n")


@pytest.mark.parametrize(
    ("request_line", "auth"),
    [
        (f"PATCH /v1/blobs/{'ab' * 32}", b""),
        (f"PATCH /v1/blobs/{'ab' * 32}", UNKNOWN_STATION),
        ("PUT /v1/submissions/0b8e4b5e-3c1f-4a43-9a55-8f2d5cf9d7a1", b""),
        ("PUT /v1/evaluations/0b8e4b5e-3c1f-4a43-9a55-8f2d5cf9d7a1", UNKNOWN_STATION),
        ("POST /v1/stations/st-nobody/heartbeat", UNKNOWN_STATION),
        ("PUT /v1/admin/catalog", b"Authorization: Bearer wrong\r\n"),
    ],
    ids=["patch-unsigned", "patch-unknown", "put-unsigned", "evaluation-unknown",
         "heartbeat-unknown", "admin-wrong-token"],
)
def test_authentication_comes_before_the_body(
    platform: PlatformProcess, request_line: str, auth: bytes
) -> None:
    """A gigabyte is announced and never sent: the answer must come without it."""
    head = (
        f"{request_line} HTTP/1.1\r\nHost: {platform.host}\r\n"
        "Upload-Offset: 0\r\nUpload-Length: 1073741824\r\nContent-Length: 1073741824\r\n"
        "Content-Type: application/json\r\n"
    ).encode() + auth + b"\r\n"
    answer = _raw_exchange(platform, head)
    assert answer.startswith(b"HTTP/1.1 401 "), answer[:200]
    assert b"x-yiwang-platform: 1" in answer.lower()


def test_a_station_cannot_see_or_extend_another_stations_upload(
    platform: PlatformProcess, http: requests.Session
) -> None:
    a, b = station(platform, http, "K"), station(platform, http, "L")
    data, sha = blob("shared-upload")
    r = a.call("PATCH", f"/v1/blobs/{sha}", data[:500],
               {"Upload-Offset": "0", "Upload-Length": str(len(data))})
    assert r.status_code == 204
    # B can neither learn that A's upload exists nor write into it
    assert b.call("HEAD", f"/v1/blobs/{sha}").status_code == 404
    r = b.call("PATCH", f"/v1/blobs/{sha}", b"\x00" * 500,
               {"Upload-Offset": "500", "Upload-Length": str(len(data))})
    assert r.status_code == 409 and r.headers["Upload-Offset"] == "0"
    head = a.call("HEAD", f"/v1/blobs/{sha}")
    assert head.headers["Upload-Offset"] == "500"
    a.call("PATCH", f"/v1/blobs/{sha}", data[500:],
           {"Upload-Offset": "500", "Upload-Length": str(len(data))})
    assert a.call("HEAD", f"/v1/blobs/{sha}").headers["Upload-Complete"] == "?1"
    # A's finished content is not B's: B cannot cite it in a manifest without sending it
    assert b.call("HEAD", f"/v1/blobs/{sha}").status_code == 404
    uuid = new_uuid()
    r = b.put_json(f"/v1/submissions/{uuid}",
                   manifest(uuid, f"{b.station_code}-20261125-0001", [sha]))
    assert r.status_code == 422 and r.json()["error"] == "missing_blobs"


def test_files_are_private_and_personal_data_is_sealed(
    platform: PlatformProcess, http: requests.Session
) -> None:
    st = station(platform, http, "P")
    assert submit(st, f"{st.station_code}-20261125-0001").status_code == 200
    root = platform.db_path.parent
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        if path.is_dir():
            assert mode == 0o700, (path, oct(mode))
        elif path != platform.log_path:
            assert mode == 0o600, (path, oct(mode))
    for suffix in ("", "-wal"):
        raw = Path(str(platform.db_path) + suffix).read_bytes()
        for secret in ("张三丰", "11010519491231002X", "某某胡同"):
            assert secret.encode() not in raw
    full = admin(platform, http, "GET", "/v1/admin/submissions").json()
    uuid = full[-1]["uuid"]
    shown = admin(platform, http, "GET", f"/v1/admin/submissions/{uuid}").json()
    assert shown["manifest"]["applicant"]["name"] == "张三丰"


def test_interactive_docs_only_in_dev_mode(platform: PlatformProcess,
                                           http: requests.Session) -> None:
    for path in ("/docs", "/redoc"):
        assert http.get(platform.url + path, timeout=10).status_code == 404
    assert http.get(platform.url + "/openapi.json", timeout=10).status_code == 200
