"""Engine test fixtures.

An in-memory platform implementing the engine's client interface, with fault scripts.

Used for ordering/backoff/error-handling logic; end-to-end delivery is tested
against the real reference platform in test_engine_platform.py.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import pytest
import requests

from sync.client import (
    BlobState,
    Conflict,
    Delivery,
    MissingBlobs,
    PlatformClient,
    StationCredentials,
    StatusEvent,
    SyncError,
    TransientError,
)
from sync.platform.server import PlatformProcess


@dataclass
class FakePlatform:
    chunk: int = 64 * 1024
    blobs: dict[str, bytearray] = field(default_factory=dict)
    complete: set[str] = field(default_factory=set)
    submissions: dict[str, tuple[str, str]] = field(default_factory=dict)  # uuid -> (hash, case)
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[StatusEvent] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)
    #: scripted failures: method name -> list of exceptions raised on successive calls
    fail: dict[str, list[BaseException]] = field(default_factory=dict)
    #: cut an upload after this many bytes (then raise TransientError), once
    cut_upload_after: int | None = None
    #: pretend these blobs are complete in HEAD although they are not (forces MissingBlobs)
    lie_complete: set[str] = field(default_factory=set)
    before_put: Callable[[str], None] | None = None
    bytes_received: int = 0

    def _maybe_fail(self, name: str) -> None:
        script = self.fail.get(name)
        if script:
            raise script.pop(0)

    def blob_state(self, sha: str) -> BlobState:
        self.calls.append(("blob_state", sha))
        self._maybe_fail("blob_state")
        if sha in self.complete or sha in self.lie_complete:
            return BlobState(complete=True, offset=len(self.blobs.get(sha, b"")))
        if sha in self.blobs:
            return BlobState(complete=False, offset=len(self.blobs[sha]))
        return BlobState(complete=False, offset=0, exists=False)

    def upload_blob(
        self,
        sha: str,
        size: int,
        open_fn: Callable[[], BinaryIO],
        *,
        chunk_size: int = 256 * 1024,
        progress: Callable[[int, int], None] | None = None,
        offset: int | None = None,
    ) -> None:
        # ``offset`` (the engine's guess, 0 on a first attempt) needs no HEAD here: the
        # fake resumes from what it holds, as the real client does after a 409
        self.calls.append(("upload_blob", sha))
        self._maybe_fail("upload_blob")
        buf = self.blobs.setdefault(sha, bytearray())
        if sha in self.complete:
            return
        with open_fn() as f:
            f.seek(len(buf))
            while len(buf) < size:
                cut = self.cut_upload_after
                if cut is not None and self.bytes_received >= cut:
                    self.cut_upload_after = None
                    raise TransientError("link cut mid-upload", code="network")
                piece = f.read(min(self.chunk, size - len(buf)))
                if not piece:
                    raise SyncError("short blob")
                buf += piece
                self.bytes_received += len(piece)
                if progress:
                    progress(len(buf), size)
        if hashlib.sha256(bytes(buf)).hexdigest() != sha:
            del self.blobs[sha]
            raise SyncError("hash mismatch: platform discarded the blob")
        self.complete.add(sha)

    def put_submission(self, uuid: str, manifest: dict[str, Any]) -> Delivery:
        self.calls.append(("put_submission", uuid))
        if self.before_put:
            self.before_put(uuid)
        self._maybe_fail("put_submission")
        body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(body.encode()).hexdigest()
        if uuid in self.submissions:
            prev, case = self.submissions[uuid]
            if prev != digest:
                raise Conflict({"message": "uuid taken by a different body"})
            return Delivery(case, "受理")
        pages = [p for m in manifest["materials"] for p in m["pages"]]
        missing = sorted({p for p in pages if p not in self.complete})
        if missing:
            raise MissingBlobs(missing)
        case = f"SW{len(self.submissions) + 1:06d}"
        self.submissions[uuid] = (digest, case)
        self.manifests[uuid] = manifest
        return Delivery(case, "受理", manifest["receipt_no"])

    def status_updates(
        self, after: str | None, *, limit: int = 100
    ) -> tuple[list[StatusEvent], str | None]:
        self.calls.append(("status_updates", after or ""))
        self._maybe_fail("status_updates")
        start = int(after or 0)
        page = self.events[start : start + limit]
        return page, str(start + len(page)) if page else after

    def put_calls(self) -> list[str]:
        return [u for name, u in self.calls if name == "put_submission"]


@pytest.fixture
def fake() -> FakePlatform:
    return FakePlatform()


# --- the real reference platform ------------------------------------------------------


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    db = tmp_path_factory.mktemp("engine-platform") / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc


@pytest.fixture
def http() -> Iterator[requests.Session]:
    s = requests.Session()
    s.trust_env = False  # never route loopback through an environment proxy
    yield s
    s.close()


class Admin:
    """The department's side of the reference platform (admin endpoints)."""

    def __init__(self, platform: PlatformProcess, http: requests.Session) -> None:
        self.platform = platform
        self.http = http

    def call(self, method: str, path: str, **kw: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.platform.admin_token}"}
        return self.http.request(
            method, self.platform.url + path, headers=headers, timeout=10, **kw
        )

    def enrollment_code(self) -> str:
        code = "code-" + secrets.token_hex(6)
        r = self.call("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
        assert r.status_code == 200, r.text
        return code

    def enroll(self, station_code: str = "S001") -> StationCredentials:
        return PlatformClient.enroll(
            self.platform.url, self.enrollment_code(), station_code, "window", session=self.http
        )

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


@pytest.fixture
def admin(platform: PlatformProcess, http: requests.Session) -> Admin:
    return Admin(platform, http)


@pytest.fixture
def client(platform: PlatformProcess, http: requests.Session, admin: Admin) -> PlatformClient:
    return PlatformClient(platform.url, admin.enroll(), session=http, timeout=(2.0, 10.0))
