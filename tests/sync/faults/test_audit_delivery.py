"""P7: the station's audit log reaches the platform exactly once, through real faults.

The proxy resets the request mid-body and cuts the platform's answer after it
stored a batch (the station never hears it did); the station replays, the
platform recognises the entries it holds, and in the end it holds every entry
once, in order, with the station's hashes and signatures, and the station's
high-water mark is at its last entry.
"""

from __future__ import annotations

import time
from typing import Any

from sync.audit_delivery import AuditDelivery
from sync.client import PlatformClient
from sync.engine import SyncEngine
from sync.store import Store
from tests.helpers.fault_proxy import Fault, FaultProxy, matching, sequence
from tests.helpers.platform_admin import Admin
from wire.clerk_day import GENESIS_HASH, audit_entry_hash


class Clock:
    def __init__(self) -> None:
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.time() + self.skipped


def _platform_entries(admin: Admin, station_id: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        r = admin.call("GET", f"/v1/admin/stations/{station_id}/audit-entries",
                       params={"after": str(out[-1]["id"]) if out else "0", "limit": "500"})
        assert r.status_code == 200, r.text
        page = r.json()["entries"]
        if not page:
            return out
        out.extend(page)


def test_audit_entries_arrive_exactly_once_through_cuts(
    store: Store, proxy: FaultProxy, proxied_client: PlatformClient, admin: Admin
) -> None:
    for i in range(450):  # three batches of at most 200
        store.audit(f"clerk{i % 3}", "capture", f"page-{i}", {"n": i})
    station_id = proxied_client.credentials.station_id
    proxy.set_schedule(sequence(
        matching("POST /v1/audit-entries", Fault.reset(2_000), times=1),
        # the second request is stored by the platform, its answer never arrives
        matching("POST /v1/audit-entries", Fault.truncate(20), skip=1, times=1),
    ))
    clock = Clock()
    engine = SyncEngine(store, proxied_client, base_delay=0.02, max_delay=0.1, clock=clock)
    shipper = AuditDelivery(store.db_path)
    passes = 0
    while shipper.mark().waiting and passes < 10:
        engine.run_once()
        clock.skipped += 3600.0  # past any backoff, without sleeping
        passes += 1
    assert proxy.triggered["reset"] == 1 and proxy.triggered["truncate"] == 1
    mark = shipper.mark()
    rows = store.audit_rows()
    assert mark.waiting == 0 and mark.high_id == rows[-1]["id"]
    assert mark.high_hash == rows[-1]["hash"]
    held = _platform_entries(admin, station_id)
    assert [e["id"] for e in held] == [r["id"] for r in rows], "each entry exactly once"
    assert [(e["hash"], e["mac"], e["detail"]) for e in held] == [
        (r["hash"], r["mac"], r["detail"]) for r in rows]
    prev = GENESIS_HASH
    for e in held:  # the chain the platform holds checks out on its own
        assert e["prev_hash"] == prev
        assert audit_entry_hash(prev, {k: e[k] for k in
                                       ("at", "actor", "action", "subject", "detail")}) == e["hash"]
        prev = e["hash"]
    # nothing more to send: a further pass sends no audit request
    proxy.reset_counters()
    engine.run_once()
    assert not [line for line in proxy.request_lines if "audit-entries" in line]


def test_new_entries_continue_the_chain_on_the_platform(
    store: Store, proxied_client: PlatformClient, admin: Admin
) -> None:
    shipper = AuditDelivery(store.db_path, batch=7)
    store.audit("a", "sign_in")
    assert shipper.deliver_due(proxied_client).sent == 1
    for i in range(10):
        store.audit("a", "print", f"r{i}")
    result = shipper.deliver_due(proxied_client)
    assert result.sent == 10 and not result.refused
    held = _platform_entries(admin, proxied_client.credentials.station_id)
    assert len(held) == 11 and held[0]["prev_hash"] == GENESIS_HASH


def test_the_station_batch_is_the_protocol_batch() -> None:
    """sync.audit_delivery keeps its own copy (pydantic stays out of start-up)."""
    from sync import audit_delivery
    from wire import clerk_day

    assert audit_delivery.AUDIT_BATCH == clerk_day.AUDIT_BATCH
