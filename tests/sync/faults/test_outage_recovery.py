"""Server errors through the fault proxy, in front of the real platform: the station
waits exactly as long as the platform asks (Retry-After on blob requests too) and
resumes within a probe of the platform's return (issue #10)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from intake.submission import Submission
from sync.client import PlatformClient
from sync.engine import EventKind, SyncEngine, SyncEvent
from sync.store import Store, SyncState
from tests.helpers.fault_proxy import Fault, FaultProxy, matching
from tests.helpers.platform_admin import Admin
from tests.helpers.sync_fixtures import FakeTime


def _one(accept: Callable[..., Submission]) -> Submission:
    return accept(pages=1, page_size=100_000, tag=os.urandom(8).hex())


def test_retry_after_on_a_patch_is_waited_out_not_retried_at_once(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin, fake_time: FakeTime,
) -> None:
    sub = _one(accept)
    busy = Fault.respond(503, platform_header=True, body=b'{"error":"busy"}',
                         content_type="application/json", retry_after=7)
    proxy.set_schedule(matching("PATCH /v1/blobs/", busy, times=None))
    engine = SyncEngine(store, proxied_client, clock=fake_time, rng=lambda: 0.0)
    report = engine.run_once()
    assert report.retried == 1
    rec = store.get(sub.uuid)
    assert rec.next_attempt_at == datetime.fromtimestamp(fake_time.t + 7, UTC)
    methods = [line.split()[0] for line in proxy.request_lines]
    assert methods == ["PATCH"]  # not HEAD + PATCH twice more within milliseconds
    proxy.set_schedule(None)
    fake_time.advance(6)
    assert engine.run_once().delivered == 0  # still inside the platform's Retry-After
    fake_time.advance(1)
    assert engine.run_once().delivered == 1
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_delivery_resumes_within_a_probe_after_a_5xx_outage(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin,
) -> None:
    sub = _one(accept)
    proxy.set_schedule(matching("", Fault.respond(502, platform_header=True), times=None))
    retried, delivered = threading.Event(), threading.Event()

    def on_event(event: SyncEvent) -> None:
        if event.kind is EventKind.RETRY:
            retried.set()
        elif event.kind is EventKind.DELIVERED:
            delivered.set()

    # a backoff of 5-10 minutes: only a probe can bring the delivery back in seconds
    engine = SyncEngine(store, proxied_client, on_event=on_event, base_delay=600.0,
                        max_delay=600.0, probe_interval=0.2, heartbeat_interval=60.0)
    stop = threading.Event()
    worker = threading.Thread(target=engine.run_forever, args=(stop, 30.0), daemon=True)
    worker.start()
    try:
        assert retried.wait(10), "the outage never failed an attempt"
        assert not delivered.is_set()
        back = time.monotonic()
        proxy.set_schedule(None)  # the platform is back
        assert delivered.wait(10), "delivery did not resume"
        latency = time.monotonic() - back
    finally:
        stop.set()
        engine.wake()
        worker.join(timeout=10)
    print(f"\ndelivery resumed {latency:.2f} s after a 5xx outage ended (probe 0.2 s)")
    assert latency < 3.0
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED
