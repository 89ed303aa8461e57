"""Blob upload (chunked, resumable, verified) and submission delivery (real server)."""

from __future__ import annotations

import hashlib
import io
import os
import time
import uuid as uuidlib
from collections.abc import Callable
from typing import Any

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import (
    Conflict,
    MissingBlobs,
    PermanentError,
    PlatformClient,
    StationCredentials,
)
from tests.helpers.platform_admin import unique_station_code
from wire import signing


class CountingFile(io.BytesIO):
    """A blob file that records where it was seeked to and how much was read."""

    def __init__(self, data: bytes, log: list[tuple[str, int]]) -> None:
        super().__init__(data)
        self.log = log

    def seek(self, pos: int, whence: int = 0) -> int:
        self.log.append(("seek", pos))
        return super().seek(pos, whence)

    def read(self, n: int | None = -1) -> bytes:
        data = super().read(n)
        self.log.append(("read", len(data)))
        return data


def make_blob(n: int) -> tuple[bytes, str]:
    data = os.urandom(n)
    return data, hashlib.sha256(data).hexdigest()


def manifest(uuid: str, pages: list[str], receipt_no: str = "S001-20261125-0001") -> dict[str, Any]:
    return {
        "uuid": uuid, "receipt_no": receipt_no, "item_code": "GR-001", "catalog_version": "1",
        "channel": "window", "clerk_id": "c01", "accepted_at": "2026-11-25T08:00:00Z",
        "applicant": {"kind": "person", "name": "张三", "id_number": "11010519491231002X",
                      "gender": "男", "nation": "汉", "birth_date": "1949-12-31",
                      "address": "北京市", "id_kind": "resident"},
        "materials": [{"code": "M01", "pages": pages}],
    }


def test_chunked_upload_with_progress(client: PlatformClient) -> None:
    data, sha = make_blob(700_000)
    assert client.blob_state(sha).exists is False
    seen: list[tuple[int, int]] = []
    log: list[tuple[str, int]] = []
    client.upload_blob(sha, len(data), lambda: CountingFile(data, log), chunk_size=256 * 1024,
                       progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 700_000), (262_144, 700_000), (524_288, 700_000), (700_000, 700_000)]
    assert max(n for op, n in log if op == "read") <= 256 * 1024
    state = client.blob_state(sha)
    assert state.complete and state.offset == 700_000
    # uploading again is a no-op
    client.upload_blob(sha, len(data), lambda: pytest.fail("must not reopen"))  # type: ignore[arg-type,return-value]


def test_resume_after_partial_upload(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    creds = enroll()
    data, sha = make_blob(600_000)

    class Interrupted(Exception):
        pass

    def stop_after_first_chunk(done: int, total: int) -> None:
        if done >= 200_000:
            raise Interrupted

    first = PlatformClient(platform.url, creds, session=http)
    with pytest.raises(Interrupted):
        first.upload_blob(sha, len(data), lambda: io.BytesIO(data), chunk_size=200_000,
                          progress=stop_after_first_chunk)
    fresh_session = requests.Session()
    fresh_session.trust_env = False
    second = PlatformClient(platform.url, creds, session=fresh_session)
    state = second.blob_state(sha)
    assert (state.complete, state.offset, state.length) == (False, 200_000, 600_000)
    log: list[tuple[str, int]] = []
    second.upload_blob(sha, len(data), lambda: CountingFile(data, log), chunk_size=200_000)
    assert log[0] == ("seek", 200_000)
    assert sum(n for op, n in log if op == "read") == 400_000
    assert second.blob_state(sha).complete
    r = http.get(f"{platform.url}/v1/admin/blobs/{sha}",
                 headers={"Authorization": f"Bearer {platform.admin_token}"}, timeout=10)
    assert r.content == data


def _raw_patch(
    http: requests.Session, platform: PlatformProcess, creds: StationCredentials, sha: str,
    offset: int, length: int | None, body: bytes,
) -> requests.Response:
    path = f"/v1/blobs/{sha}"
    headers = signing.make_headers(creds.station_id, creds.secret, "PATCH", path, body,
                                   time.time())
    headers["Upload-Offset"] = str(offset)
    if length is not None:
        headers["Upload-Length"] = str(length)
    return http.patch(platform.url + path, data=body, headers=headers, timeout=10)


def test_offset_mismatch_and_length_rules(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    creds = enroll()
    data, sha = make_blob(1000)
    r = _raw_patch(http, platform, creds, sha, 0, None, data[:100])
    assert r.status_code == 400 and r.json()["error"] == "length_required"
    r = _raw_patch(http, platform, creds, sha, 0, 1000, data[:100])
    assert r.status_code == 204 and r.headers["Upload-Offset"] == "100"
    assert r.headers["Upload-Complete"] == "?0"
    r = _raw_patch(http, platform, creds, sha, 50, 1000, data[50:150])
    assert r.status_code == 409 and r.headers["Upload-Offset"] == "100"
    r = _raw_patch(http, platform, creds, sha, 100, 999, data[100:])
    assert r.status_code == 409 and r.json()["error"] == "length_mismatch"
    r = _raw_patch(http, platform, creds, sha, 100, None, data[100:] + b"x")
    assert r.status_code == 400 and r.json()["error"] == "exceeds_length"
    r = _raw_patch(http, platform, creds, sha, 100, None, data[100:])
    assert r.status_code == 204 and r.headers["Upload-Complete"] == "?1"
    r = _raw_patch(http, platform, creds, sha, 0, 1000, data[:10])
    assert r.status_code == 409 and r.json()["error"] == "already_complete"


def test_hash_mismatch_is_discarded(client: PlatformClient) -> None:
    data, _ = make_blob(300_000)
    wrong_sha = hashlib.sha256(b"something else").hexdigest()
    with pytest.raises(PermanentError) as err:
        client.upload_blob(wrong_sha, len(data), lambda: io.BytesIO(data), chunk_size=128_000)
    assert err.value.status == 422 and err.value.code == "hash_mismatch"
    assert client.blob_state(wrong_sha).exists is False


def test_empty_blob(client: PlatformClient) -> None:
    sha = hashlib.sha256(b"").hexdigest()
    client.upload_blob(sha, 0, lambda: io.BytesIO(b""))
    assert client.blob_state(sha).complete


def test_submission_idempotent_conflict_and_missing_blobs(
    client: PlatformClient, enroll: Callable[..., StationCredentials],
    platform: PlatformProcess, http: requests.Session, station_code: str,
) -> None:
    receipt = f"{station_code}-20261125-0001"
    data, sha = make_blob(5000)
    _, absent = make_blob(10)
    uuid = str(uuidlib.uuid4())
    with pytest.raises(MissingBlobs) as missing:
        client.put_submission(uuid, manifest(uuid, [sha, absent], receipt))
    assert sorted(missing.value.shas) == sorted([sha, absent])
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    with pytest.raises(MissingBlobs) as missing:
        client.put_submission(uuid, manifest(uuid, [sha, absent], receipt))
    assert missing.value.shas == [absent]

    first = client.put_submission(uuid, manifest(uuid, [sha], receipt))
    assert first.status == "受理" and first.receipt_no == receipt
    assert first.case_no.startswith("SW") and len(first.case_no) == 16
    assert first.case_no[2:10].isdigit() and first.case_no[10:].isdigit()
    # Key order does not matter: the platform compares canonical JSON.
    reordered = dict(reversed(list(manifest(uuid, [sha], receipt).items())))
    assert client.put_submission(uuid, reordered) == first
    with pytest.raises(Conflict):
        client.put_submission(
            uuid, manifest(uuid, [sha], receipt_no=f"{station_code}-20261125-0002")
        )
    # Another station cannot claim the same uuid (with a receipt number of its own).
    other_code = station_code + "X"
    other = PlatformClient(platform.url, enroll(other_code), session=http)
    other.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    with pytest.raises(Conflict):
        other.put_submission(uuid, manifest(uuid, [sha], f"{other_code}-20261125-0001"))

    second_uuid = str(uuidlib.uuid4())
    second = client.put_submission(
        second_uuid, manifest(second_uuid, [sha], f"{station_code}-20261125-0003")
    )
    assert int(second.case_no[10:]) > int(first.case_no[10:])


@pytest.mark.parametrize(
    ("mutate", "status"),
    [
        (lambda m: m.pop("applicant"), 422),
        (lambda m: m.update(channel="fax"), 422),
        (lambda m: m.update(accepted_at="yesterday"), 422),
        (lambda m: m.update(uuid=str(uuidlib.uuid4())), 422),
        (lambda m: m["materials"][0].update(pages=["XYZ"]), 422),
        (lambda m: m.update(applicant={"kind": "legal", "name": "某公司"}), 422),
    ],
)
def test_invalid_manifests_are_refused_with_a_reason(
    client: PlatformClient, mutate: Callable[[dict[str, Any]], object], status: int
) -> None:
    uuid = str(uuidlib.uuid4())
    m = manifest(uuid, ["a" * 64])
    mutate(m)
    with pytest.raises(PermanentError) as err:
        client.put_submission(uuid, m)
    assert err.value.status == status
    assert err.value.code == "invalid_manifest" and err.value.detail


def test_status_events_by_cursor_after_admin_change(
    platform: PlatformProcess, http: requests.Session,
    enroll: Callable[..., StationCredentials], admin: Callable[..., requests.Response],
) -> None:
    mine_code = unique_station_code("M")
    mine = PlatformClient(platform.url, enroll(mine_code), session=http)
    theirs = PlatformClient(platform.url, enroll(), session=http)
    data, sha = make_blob(100)
    mine.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    uuid = str(uuidlib.uuid4())
    receipt = f"{mine_code}-20261125-0001"
    delivery = mine.put_submission(uuid, manifest(uuid, [sha], receipt))
    events, cursor = mine.status_updates(None)
    assert events == [] and cursor is None

    listed = admin("GET", "/v1/admin/submissions").json()
    row = next(s for s in listed if s["uuid"] == uuid)
    assert row["case_no"] == delivery.case_no and row["status"] == "受理"
    assert row["blobs"] == [{"sha256": sha, "present": True, "verified": True}]

    r = admin("POST", f"/v1/admin/submissions/{uuid}/status",
              json={"status": "补正", "note": "请补充户口簿", "missing_materials": ["M02"]})
    assert r.status_code == 200, r.text
    r = admin("POST", f"/v1/admin/submissions/{uuid}/status", json={"status": "办结"})
    assert r.status_code == 200
    assert admin("POST", f"/v1/admin/submissions/{uuid}/status",
                 json={"status": "批准"}).status_code == 422
    assert admin("POST", f"/v1/admin/submissions/{uuidlib.uuid4()}/status",
                 json={"status": "办结"}).status_code == 404

    events, cursor = mine.status_updates(None, limit=1)
    assert [e.status for e in events] == ["补正"]
    assert events[0].missing_materials == ("M02",) and events[0].note == "请补充户口簿"
    assert events[0].case_no == delivery.case_no and events[0].uuid == uuid
    events, cursor2 = mine.status_updates(cursor)
    assert [e.status for e in events] == ["办结"]
    events, cursor3 = mine.status_updates(cursor2)
    assert events == [] and cursor3 == cursor2
    assert theirs.status_updates(None) == ([], None)
    assert mine.put_submission(uuid, manifest(uuid, [sha], receipt)).status == "办结"


def test_catalog_etag(
    client: PlatformClient, admin: Callable[..., requests.Response]
) -> None:
    body, etag = client.catalog(None)
    assert body is not None and "items" in body and etag
    assert client.catalog(etag) == (None, etag)
    new = {"version": f"test-{time.time_ns()}", "items": []}
    assert admin("PUT", "/v1/admin/catalog", json=new).status_code == 200
    body2, etag2 = client.catalog(etag)
    assert body2 == new and etag2 != etag
    assert client.catalog(etag2) == (None, etag2)


def test_evaluation_idempotent(client: PlatformClient, station_code: str) -> None:
    uuid = str(uuidlib.uuid4())
    ev = {"receipt_no": f"{station_code}-20261125-0001", "rating": 5, "comment": "很好"}
    client.put_evaluation(uuid, ev)
    client.put_evaluation(uuid, ev)
    with pytest.raises(Conflict):
        client.put_evaluation(uuid, {**ev, "rating": 1})
    with pytest.raises(PermanentError):
        client.put_evaluation(str(uuidlib.uuid4()), {**ev, "rating": 9})


def test_upload_resumes_after_offset_conflict(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    """Another writer moved the offset mid-upload: the client re-reads it and continues."""
    creds = enroll()
    client = PlatformClient(platform.url, creds, session=http)
    data, sha = make_blob(300_000)
    raced: list[int] = []

    def race(done: int, total: int) -> None:
        if done == 100_000 and not raced:
            r = _raw_patch(http, platform, creds, sha, 100_000, None, data[100_000:200_000])
            raced.append(r.status_code)

    client.upload_blob(sha, len(data), lambda: io.BytesIO(data), chunk_size=100_000,
                       progress=race)
    assert raced == [204]
    assert client.blob_state(sha).complete


def test_offset_guess_skips_the_head_and_a_wrong_guess_costs_one_chunk(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    """``upload_blob(offset=0)`` sends its first PATCH without a HEAD; when the platform
    holds more (409 offset_mismatch) or all of it (409 already_complete), the upload
    goes on from the platform's answer: one wasted chunk, no HEAD, no failure counted."""
    client = PlatformClient(platform.url, enroll(), session=http)
    sent: list[tuple[str, int]] = []
    real_send = client._send

    def send(method: str, path: str, **kw: Any) -> Any:
        sent.append((method, len(kw.get("body", b""))))
        return real_send(method, path, **kw)

    client._send = send  # type: ignore[method-assign]
    data, sha = make_blob(300_000)
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data), chunk_size=100_000, offset=0)
    assert sent == [("PATCH", 100_000)] * 3
    # a second blob the platform already holds 100 kB of
    data, sha = make_blob(300_000)
    with pytest.raises(PermanentError):  # a file that ends after 100 kB
        client.upload_blob(sha, len(data), lambda: io.BytesIO(data[:100_000]),
                           chunk_size=100_000, resume_attempts=0, offset=0)
    sent.clear()
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data), chunk_size=100_000,
                       resume_attempts=0, offset=0)
    assert sent == [("PATCH", 100_000)] * 3  # refused at 0, then 100k..200k, 200k..300k
    assert client.blob_state(sha).complete
    # a complete blob: the guessed chunk is answered 409 already_complete, and that's it
    sent.clear()
    done: list[int] = []
    client.upload_blob(sha, len(data), lambda: io.BytesIO(data), chunk_size=100_000,
                       resume_attempts=0, offset=0, progress=lambda d, t: done.append(d))
    assert sent == [("PATCH", 100_000)] and done[-1] == len(data)


def test_workers_have_their_own_session_and_share_the_clock(
    platform: PlatformProcess, http: requests.Session, enroll: Callable[..., StationCredentials]
) -> None:
    client = PlatformClient(platform.url, enroll(), session=http, timeout=(1.0, 2.0))
    worker = client.worker()
    assert worker.session is not client.session and worker.session.trust_env is False
    assert worker.timeout == client.timeout and worker.credentials == client.credentials
    worker.clock_offset = 3600.0  # learned by one: used by all
    assert client.clock_offset == 3600.0
    client.clock_offset = 0.0
    data, sha = make_blob(1000)
    worker.upload_blob(sha, len(data), lambda: io.BytesIO(data))
    assert client.blob_state(sha).complete
    worker.close_worker()
