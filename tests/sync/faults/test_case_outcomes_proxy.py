"""P5 / P6 exactly once through the fault proxy: a supplement (补正) whose answer is cut
after the platform stored it, a refusal and a handover likewise; the station retries and
the platform holds each exactly once, with every page blob verified."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from intake.submission import Submission, format_utc
from sync.case_outcomes import OutcomeKind, OutcomeQueue
from sync.client import PlatformClient
from sync.engine import SyncEngine
from sync.store import Store, SyncState
from tests.helpers.fault_proxy import Fault, FaultProxy, matching, sequence
from tests.helpers.platform_admin import Admin
from tests.sync.conftest import page_bytes


class Clock:
    """Real time plus the backoff the test skipped (never sleeps)."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.time() + self.skipped


def _drain(engine: SyncEngine, queue: OutcomeQueue, clock: Clock, uuids: list[str]) -> int:
    for n in range(1, 30):
        engine.run_once()
        if all((r := queue.get(u)) is not None and r.state != "queued" for u in uuids):
            return n
        clock.skipped += 3700  # past the longest outcome backoff
    raise AssertionError([queue.get(u) for u in uuids])


def _delivered_case(engine: SyncEngine, store: Store, accept: Callable[..., Submission]
                    ) -> Submission:
    sub = accept(pages=1, tag=os.urandom(8).hex())
    engine.run_once()
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED
    return sub


def _admin_json(admin: Admin, path: str) -> Any:
    r = admin.call("GET", path)
    assert r.status_code == 200, r.text
    return r.json()


def test_supplement_cut_after_stored_is_held_once(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin,
) -> None:
    clock = Clock()
    engine = SyncEngine(store, proxied_client, base_delay=0.02, max_delay=0.1, clock=clock)
    sub = _delivered_case(engine, store, accept)
    admin.set_status(sub.uuid, "补正", "户口簿内页不清晰", ["M02"])
    engine.run_once()
    assert store.get(sub.uuid).platform_status == "补正"

    shas = [store.put_blob(page_bytes(os.urandom(6).hex(), 600_000)) for _ in range(2)]
    queue = OutcomeQueue(store)
    body = {"submission_uuid": sub.uuid, "receipt_no": sub.receipt_no, "clerk_id": "c01",
            "added_at": format_utc(datetime.now(UTC)), "note": "",
            "materials": [{"code": "M02", "pages": shas}]}
    uuid = queue.enqueue(OutcomeKind.SUPPLEMENT, body, reference=sub.receipt_no,
                         submission_uuid=sub.uuid, pages=[("M02", s) for s in shas])
    # the page upload is cut mid-body once; then the platform stores the supplement
    # twice over while every answer is cut (the station never hears it)
    proxy.set_schedule(sequence(
        matching("PATCH /v1/blobs/", Fault.reset(100_000), times=1),
        matching("PUT /v1/supplements/", Fault.truncate(20), times=2),
    ))
    passes = _drain(engine, queue, clock, [uuid])
    assert passes >= 3
    assert proxy.triggered["truncate"] == 2 and proxy.triggered["reset"] >= 1
    row = queue.get(uuid)
    assert row is not None and row.state == "delivered", row
    assert row.attempts == 3 and row.platform_status == "补正"
    held = _admin_json(admin, f"/v1/admin/supplements?submission={sub.uuid}")
    assert [h["uuid"] for h in held] == [uuid]
    assert [b["sha256"] for b in held[0]["blobs"]] == shas
    assert all(b["present"] and b["verified"] for b in held[0]["blobs"])
    assert admin.blob(shas[0]) == store.open_blob(shas[0]).read()
    before = proxy.bytes_up
    engine.run_once()
    assert proxy.bytes_up - before < 10_000  # nothing sent again


def test_refusal_and_handover_delivered_once_through_cut_answers(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin, station_code: str,
) -> None:
    clock = Clock()
    engine = SyncEngine(store, proxied_client, base_delay=0.02, max_delay=0.1, clock=clock)
    sub = _delivered_case(engine, store, accept)
    queue = OutcomeQueue(store)
    notice_no = f"{station_code}-BY20261203-001"
    refusal = queue.enqueue(OutcomeKind.REFUSAL, {
        "kind": "refusal", "notice_no": notice_no, "item_code": "HJ001",
        "reason_code": "R01", "reason": "不属于本机关职权范围", "basis": "《行政许可法》第三十二条",
        "at": format_utc(datetime.now(UTC)), "clerk_id": "c01", "applicant": None,
    }, reference=notice_no)
    admin.set_status(sub.uuid, "办结", "证件已制作完成")
    engine.run_once()
    handover = queue.enqueue(OutcomeKind.HANDOVER, {
        "kind": "handover", "submission_uuid": sub.uuid, "receipt_no": sub.receipt_no,
        "clerk_id": "c01", "at": format_utc(datetime.now(UTC)),
        "collector": {"role": "agent", "name": "李四", "id_kind": "resident",
                      "id_number": "110105194912310029", "id_source": "manual",
                      "relation": "子女"},
    }, reference=sub.receipt_no, submission_uuid=sub.uuid)
    proxy.set_schedule(sequence(
        matching("PUT /v1/outcomes/", Fault.truncate(30), times=2),
        matching("PUT /v1/outcomes/", Fault.reset(50), times=1),
    ))
    _drain(engine, queue, clock, [refusal, handover])
    assert proxy.triggered["truncate"] == 2
    for uuid in (refusal, handover):
        row = queue.get(uuid)
        assert row is not None and row.state == "delivered", row
    held = _admin_json(admin, "/v1/admin/outcomes")
    ours = [h for h in held if h["uuid"] in (refusal, handover)]
    assert sorted(h["kind"] for h in ours) == ["handover", "refusal"]
    by_kind = {h["kind"]: h for h in ours}
    assert by_kind["refusal"]["reference"] == notice_no
    assert by_kind["handover"]["body"]["collector"]["relation"] == "子女"
    assert admin.submission(sub.uuid)["status"] == "已领取"


def test_answer_without_valid_proof_is_never_delivery(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin, station_code: str,
) -> None:
    """A captive portal (or anything but the platform holding our secret) answering 200 to
    the refusal's PUT: the outcome stays queued, then goes through once the link is real."""
    clock = Clock()
    engine = SyncEngine(store, proxied_client, base_delay=0.02, max_delay=0.1, clock=clock)
    queue = OutcomeQueue(store)
    notice_no = f"{station_code}-BY20261203-002"
    uuid = queue.enqueue(OutcomeKind.REFUSAL, {
        "kind": "refusal", "notice_no": notice_no, "item_code": "HJ001", "reason_code": "R01",
        "at": format_utc(datetime.now(UTC)), "applicant": None,
    }, reference=notice_no)
    fake = Fault.respond(200, platform_header=True, content_type="application/json",
                         body=b'{"uuid":"' + uuid.encode() + b'","case_no":"","status":"ok",'
                              b'"proof":"' + b"0" * 64 + b'"}')
    proxy.set_schedule(matching("PUT /v1/outcomes/", fake, times=None))
    engine.run_once()
    row = queue.get(uuid)
    assert row is not None and row.state == "queued" and "proof" in row.last_error
    proxy.set_schedule(None)
    _drain(engine, queue, clock, [uuid])
    row = queue.get(uuid)
    assert row is not None and row.state == "delivered" and row.attempts == 2
    held = [o for o in _admin_json(admin, "/v1/admin/outcomes") if o["reference"] == notice_no]
    assert len(held) == 1
