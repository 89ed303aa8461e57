"""Engine test fixtures.

An in-memory platform implementing the engine's client interface, with fault scripts.

Used for ordering/backoff/error-handling logic; end-to-end delivery is tested
against the real reference platform in test_engine_platform.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import (
    BlobState,
    Conflict,
    Delivery,
    MissingBlobs,
    PlatformClient,
    StatusEvent,
    SyncError,
    TransientError,
)
from tests.helpers.platform_admin import Admin, unique_station_code


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


@pytest.fixture
def platform(shared_platform: PlatformProcess) -> PlatformProcess:
    """The worker's shared platform (tests/helpers/platform_fixtures.py): each test
    enrolls its own station on it and looks only at its own rows; a module that changes
    the platform for everyone (its catalog) starts its own (test_catalog_heartbeat.py)."""
    return shared_platform


@pytest.fixture
def station_code() -> str:
    """Station codes are unique on the shared platform: one per test (``accept`` numbers
    receipts with it, ``admin.enroll()`` enrolls it)."""
    return unique_station_code()


@pytest.fixture
def admin(platform: PlatformProcess, http: requests.Session, station_code: str) -> Admin:
    return Admin(platform, http, station_code)


@pytest.fixture
def client(platform: PlatformProcess, http: requests.Session, admin: Admin) -> PlatformClient:
    return PlatformClient(platform.url, admin.enroll(), session=http, timeout=(2.0, 10.0))
