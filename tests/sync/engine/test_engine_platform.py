"""End-to-end delivery against the real reference platform (a subprocess on 127.0.0.1)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import uuid as uuidlib
from pathlib import Path
from typing import Any

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import PlatformClient, StationCredentials, TransientError
from sync.engine import EventKind, SyncEngine, SyncEvent
from sync.store import Store, SyncState
from tests.helpers.fault_proxy import FaultProxy
from ui_shared.messages import stored_sync_text as said

ROOT = Path(__file__).resolve().parents[3]


def test_delivers_everything_exactly_once(
    store: Store, accept, client: PlatformClient, admin
) -> None:
    subs = [accept(), accept(pages=1, page_size=1_200_000), accept(pages=3)]
    events: list[SyncEvent] = []
    engine = SyncEngine(store, client, on_event=events.append)
    report = engine.run_once()
    assert (report.delivered, report.failed, report.remaining) == (3, 0, 0)
    ours = {s.uuid for s in subs}
    on_platform = {row["uuid"]: row for row in admin.submissions() if row["uuid"] in ours}
    assert set(on_platform) == ours
    for sub in subs:
        rec = store.get(sub.uuid)
        assert rec.sync_state is SyncState.DELIVERED and rec.attempts == 1
        row = on_platform[sub.uuid]
        assert row["case_no"] == rec.case_no and row["receipt_no"] == sub.receipt_no
        assert all(b["verified"] for b in row["blobs"])
        assert admin.submission(sub.uuid)["manifest"] == sub.manifest()
    # the platform holds the plaintext page, decrypted on the fly from our encrypted file
    big = subs[1].blob_hashes[0]
    with store.open_blob(big) as f:
        assert admin.blob(big) == f.read()
    prog = [e for e in events if e.kind is EventKind.PROGRESS and e.uuid == subs[1].uuid]
    assert prog[-1].bytes_done == prog[-1].bytes_total == 1_200_000
    assert len({e.bytes_done for e in prog}) >= 5  # several chunks reported
    # a second pass sends nothing again
    assert engine.run_once().delivered == 0
    assert len([r for r in admin.submissions() if r["uuid"] in ours]) == 3


CRASH_CHILD = textwrap.dedent(
    """
    import os, signal, sys, requests
    from pathlib import Path
    from sync.client import PlatformClient, StationCredentials
    from sync.engine import SyncEngine
    from sync.store import Store

    data_dir, url, station_id, secret = sys.argv[1:5]
    store = Store(Path(data_dir))
    session = requests.Session()
    session.trust_env = False
    client = PlatformClient(url, StationCredentials(station_id, secret), session=session)
    real_put = client.put_submission

    def put_then_die(uuid, manifest):
        delivery = real_put(uuid, manifest)
        Path(data_dir, "case_no").write_text(delivery.case_no)
        os.kill(os.getpid(), signal.SIGKILL)  # crash before mark_delivered is committed

    client.put_submission = put_then_die
    SyncEngine(store, client).run_once()
    """
)


def test_kill9_after_platform_accepted_is_replayed_idempotently(
    data_dir: Path, store: Store, accept, admin, platform: PlatformProcess, http: requests.Session
) -> None:
    creds = admin.enroll()
    sub = accept()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASH_CHILD,
            str(data_dir),
            platform.url,
            creds.station_id,
            creds.secret,
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    first_case = (data_dir / "case_no").read_text()
    assert store.get(sub.uuid).sync_state is SyncState.SENDING  # the crash left it claimed

    reopened = Store(data_dir)  # owner is dead -> recovered to a due retry
    try:
        assert reopened.get(sub.uuid).sync_state is SyncState.RETRY
        client = PlatformClient(platform.url, creds, session=http)
        report = SyncEngine(reopened, client).run_once()
        assert report.delivered == 1
        rec = reopened.get(sub.uuid)
        assert rec.case_no == first_case  # same answer for the replay
        assert rec.attempts == 2
    finally:
        reopened.close()
    assert [r["case_no"] for r in admin.submissions() if r["uuid"] == sub.uuid] == [first_case]


def test_platform_down_then_back(
    store: Store, accept, http: requests.Session, admin, platform: PlatformProcess
) -> None:
    # The station reaches the shared platform through a forwarding proxy: stopping the
    # proxy takes the platform's address away (connection refused, as when the platform is
    # down) and starting it again on the same port brings it back. A real platform restart
    # is test_reconnect.py's; two platform starts here cost some 1.5 s of CPU.
    with FaultProxy(platform.url) as link:
        client = PlatformClient(link.url, admin.enroll(), session=http, timeout=(1.0, 5.0))
        offset = [0.0]
        engine = SyncEngine(store, client, clock=lambda: time.time() + offset[0])
        a, b = accept(), accept()
        link.stop()
        report = engine.run_once()
        assert report.online is False and report.retried == 1 and report.remaining == 2
        ra = store.get(a.uuid)
        assert ra.sync_state is SyncState.RETRY and ra.attempts == 1
        assert store.get(b.uuid).attempts == 0  # not burned while the link is down
        link.start()  # the same port
        offset[0] = 700  # past any backoff
        report = engine.run_once()
        assert report.delivered == 2 and report.remaining == 0 and report.online is True
    ours = {a.uuid, b.uuid}
    assert sorted(r["uuid"] for r in admin.submissions() if r["uuid"] in ours) == sorted(ours)


def test_status_updates_come_back(store: Store, accept, client: PlatformClient, admin) -> None:
    sub = accept()
    engine = SyncEngine(store, client)
    engine.run_once()
    assert store.get(sub.uuid).platform_status == "受理"
    admin.set_status(sub.uuid, "审核中")
    admin.set_status(sub.uuid, "补正", note="请补交户口簿首页", missing=["M02"])
    report = engine.run_once()
    assert report.status_updates == 2
    rec = store.get(sub.uuid)
    assert rec.platform_status == "补正"
    last = store.status_history(sub.uuid)[-1]
    assert last["note"] == "请补交户口簿首页" and last["missing_materials"] == ["M02"]
    assert store.status_cursor() is not None
    assert engine.run_once().status_updates == 0  # cursor moved on
    admin.set_status(sub.uuid, "办结")
    engine.run_once()
    assert store.get(sub.uuid).platform_status == "办结"


class CuttingClient(PlatformClient):
    """Fails one PATCH mid-upload and never resumes within the call, counting bytes sent."""

    def __init__(self, *a: Any, cut_at_patch: int = 3, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self.patches = 0
        self.patch_bytes = 0
        self.cut_at_patch = cut_at_patch

    def _send(self, method: str, path: str, **kw: Any) -> Any:
        if method == "PATCH":
            self.patches += 1
            if self.patches == self.cut_at_patch:
                raise TransientError("link cut", code="network")
            self.patch_bytes += len(kw.get("body", b""))
        return super()._send(method, path, **kw)

    def upload_blob(self, *a: Any, **kw: Any) -> None:
        kw["resume_attempts"] = 0
        super().upload_blob(*a, **kw)


def test_upload_resumes_across_passes_from_platform_offset(
    store: Store, accept, platform: PlatformProcess, admin, http: requests.Session
) -> None:
    sub = accept(pages=1, page_size=1_000_000)
    client = CuttingClient(platform.url, admin.enroll(), session=http)
    offset = [0.0]
    engine = SyncEngine(store, client, clock=lambda: time.time() + offset[0])
    assert engine.run_once().retried == 1
    [sha] = sub.blob_hashes
    state = client.blob_state(sha)
    assert not state.complete and 0 < state.offset < 1_000_000
    offset[0] = 700
    assert engine.run_once().delivered == 1
    assert client.patch_bytes == 1_000_000  # each byte sent once
    with store.open_blob(sha) as f:
        assert admin.blob(sha) == f.read()


def test_revoked_credentials_stop_without_burning_attempts(
    store: Store, accept, platform: PlatformProcess, admin, http: requests.Session
) -> None:
    creds = admin.enroll()
    bad = PlatformClient(platform.url, StationCredentials(creds.station_id, "x" * 40), session=http)
    a, b = accept(), accept()
    events: list[SyncEvent] = []
    report = SyncEngine(store, bad, on_event=events.append).run_once()
    assert report.auth_failed and report.remaining == 2
    assert [store.get(s.uuid).attempts for s in (a, b)] == [0, 0]
    assert any(e.kind is EventKind.AUTH_FAILED for e in events)


def test_same_uuid_different_content_is_quarantined(
    tmp_path: Path, store: Store, accept, client: PlatformClient, admin, company
) -> None:
    uid = str(uuidlib.uuid4())
    accept(uuid=uid)
    SyncEngine(store, client).run_once()
    # A second station (restored from a bad backup, say) reuses the uuid with other content.
    other = Store(tmp_path / "other")
    try:
        accept(uuid=uid, target=other, applicant=company)
        report = SyncEngine(other, client).run_once()
        assert report.failed == 1
        rec = other.get(uid)
        assert rec.sync_state is SyncState.QUARANTINED
        assert rec.last_error and said(rec.last_error).startswith("平台拒绝：")
    finally:
        other.close()
    assert len([r for r in admin.submissions() if r["uuid"] == uid]) == 1


@pytest.mark.parametrize("n", [8])
def test_many_small_submissions_in_order(
    store: Store, accept, client: PlatformClient, admin, n: int
) -> None:
    subs = [accept(pages=1, page_size=2_000) for _ in range(n)]
    events: list[SyncEvent] = []
    report = SyncEngine(store, client, on_event=events.append).run_once()
    assert report.delivered == n
    delivered = [(e.uuid, e.done, e.total) for e in events if e.kind is EventKind.DELIVERED]
    assert delivered == [(s.uuid, i + 1, n) for i, s in enumerate(subs)]


def test_identical_status_events_within_one_second_are_all_applied(
    store: Store, accept, client: PlatformClient, admin
) -> None:
    """P1: 审核中 → 补正 → 审核中 within one second: the first and last events look
    the same (same status, same second); only the platform's event ids tell them apart."""
    engine = SyncEngine(store, client)
    for _ in range(5):
        sub = accept()
        engine.run_once()
        for status in ("审核中", "补正", "审核中"):
            admin.set_status(sub.uuid, status)
        peek, _ = client.status_updates(store.status_cursor())
        mine = [e for e in peek if e.uuid == sub.uuid]
        if len({e.at for e in mine}) == 1:
            break  # all three in the same second: the case this test is about
    assert [e.status for e in mine] == ["审核中", "补正", "审核中"]
    assert len({e.event_id for e in mine}) == 3
    assert len({e.at for e in mine}) == 1, "could not post three events within one second"
    assert engine.run_once().status_updates >= 3
    assert store.get(sub.uuid).platform_status == "审核中"
    history = [h["status"] for h in store.status_history(sub.uuid)]
    assert history[-3:] == ["审核中", "补正", "审核中"]


def test_the_platforms_receipt_high_water_reaches_the_store(
    store: Store, accept, admin, platform: PlatformProcess, http: requests.Session,
    station_code: str,
) -> None:
    """P2: the engine built for a station hands every new X-Yiwang-Receipt-High to the
    store's record outside the database (issue #10: numbers never reissued)."""
    from sync.config import StationConfig
    from sync.runner import build_engine

    config = StationConfig(station_code=station_code, platform_url=platform.url)
    engine = build_engine(store, config, admin.enroll(), session=http)
    first, second = accept(), accept()
    assert engine.run_once().delivered == 2
    engine.run_once()  # an answer after the last delivery carries the new mark
    assert store.highwater.platform_high(station_code) == second.receipt_no
    assert first.receipt_no < second.receipt_no
