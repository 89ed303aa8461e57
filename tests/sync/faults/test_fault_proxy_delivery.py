"""Exactly-once delivery through a fault-injecting proxy in front of the real platform.

Every fault the link can throw at the station (resets mid-body, stalls beyond the
read timeout, truncated answers, injected 5xx, a captive portal, a slow link) must
end with every submission on the platform exactly once, every page blob present
and verified, and the local store showing each one delivered with the platform's
case number.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from intake.submission import Submission
from sync.client import PlatformClient
from sync.engine import SyncEngine
from sync.problems import decode_problem
from sync.store import Store, SubmissionRecord, SyncState
from tests.helpers.fault_proxy import (
    Fault,
    FaultProxy,
    Link,
    Schedule,
    every_kth_connection,
    matching,
    sequence,
)
from tests.helpers.platform_admin import Admin

PAGE = 600_000  # three 256 KiB chunks per page
SUBS = 3


class EngineClock:
    """The engine's clock: real time plus whatever backoff the test skipped (no sleeps)."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.time() + self.skipped

    def skip_to(self, when: float) -> None:
        self.skipped += max(0.0, when - self())


# one per test module run is enough: it only ever moves forward
CLOCK = EngineClock()


def _engine(store: Store, client: PlatformClient, **kw: Any) -> SyncEngine:
    return SyncEngine(store, client, base_delay=0.02, max_delay=0.1, clock=CLOCK, **kw)


def _drain(engine: SyncEngine, store: Store, *, max_passes: int = 60) -> int:
    """Run passes until the queue is empty, skipping (not sleeping) backoffs; returns passes."""
    for n in range(1, max_passes + 1):
        report = engine.run_once()
        if report.remaining == 0:
            return n
        if report.backoff_until is not None:
            CLOCK.skip_to(report.backoff_until)
    raise AssertionError(f"queue not empty after {max_passes} passes: "
                         f"{[(r.uuid, r.sync_state, r.last_error) for r in _undelivered(store)]}")


def _undelivered(store: Store) -> list[SubmissionRecord]:
    return list(store.pending(datetime.now(UTC) + timedelta(days=365)))


def _queue(accept: Callable[..., Submission], n: int = SUBS) -> list[Submission]:
    # random pages: unique content per test run, so the platform never already has them
    return [accept(pages=2, page_size=PAGE, tag=os.urandom(8).hex()) for _ in range(n)]


def _tried_before(store: Store, subs: list[Submission]) -> None:
    """Record an earlier failed attempt of each: the engine then asks the platform where
    each blob stands (HEAD) before uploading; a first attempt sends no HEAD at all."""
    past = datetime.now(UTC) - timedelta(seconds=1)
    for sub in subs:
        assert store.mark_sending(sub.uuid)
        assert store.mark_retry(sub.uuid, "earlier attempt", past)


#: faults on HEAD requests: only resumed submissions send HEADs
RESUMED = {"truncated_head_answer", "foreign_503"}
#: the station's read timeout (seconds per socket read) in the stall test: shorter than
#: the conftest's 1.5 s so the two stalls cost half a second, not three; still above what
#: an answer of the loopback platform takes (one that takes longer under load is one
#: more transient failure, retried like the stalls)
STALL_READ_TIMEOUT = 0.25
#: each stall holds the request this long: twice the read timeout, the client gives up first
STALL_SECONDS = 2 * STALL_READ_TIMEOUT
#: the slow link's rate: a rural uplink, some 60 times slower than loopback; the
#: queue's 3.6 MB of pages take about 0.7 s through it
SLOW_LINK_BPS = 40_000_000


def _assert_exactly_once(store: Store, admin: Admin, subs: list[Submission]) -> None:
    ours = {s.uuid for s in subs}
    rows = [r for r in admin.submissions() if r["uuid"] in ours]
    assert sorted(r["uuid"] for r in rows) == sorted(ours), "each submission exactly once"
    by_uuid = {r["uuid"]: r for r in rows}
    for sub in subs:
        rec = store.get(sub.uuid)
        assert rec.sync_state is SyncState.DELIVERED, (rec.sync_state, rec.last_error)
        row = by_uuid[sub.uuid]
        assert row["case_no"] == rec.case_no
        assert row["receipt_no"] == sub.receipt_no
        assert [b["sha256"] for b in row["blobs"]] == list(sub.blob_hashes)
        assert all(b["present"] and b["verified"] for b in row["blobs"]), row["blobs"]
        assert admin.submission(sub.uuid)["manifest"] == sub.manifest()


FAULTS: dict[str, tuple[Schedule | None, Link | None, str]] = {
    # (schedule, link, the proxy counter that must show the fault fired)
    "reset_mid_patch_body": (
        matching("PATCH /v1/blobs/", Fault.reset(100_000), every=2, times=5), None, "reset"),
    "cut_every_connection_after_700k": (
        every_kth_connection(1, Fault.reset(700_000), limit=4), None, "reset"),
    "reset_mid_manifest": (
        matching("PUT /v1/submissions/", Fault.reset(300), times=2), None, "reset"),
    "stall_beyond_read_timeout": (
        sequence(
            matching("PATCH /v1/blobs/", Fault.stall(200_000, STALL_SECONDS), times=1, skip=1),
            matching("PUT /v1/submissions/", Fault.stall(0, STALL_SECONDS), times=1),
        ), None, "stall"),
    "short_stall": (matching("PATCH /v1/blobs/", Fault.stall(10_000, 0.15), times=3), None,
                    "stall"),
    "truncated_manifest_answer": (
        matching("PUT /v1/submissions/", Fault.truncate(40), times=3), None, "truncate"),
    "truncated_patch_answer": (
        matching("PATCH /v1/blobs/", Fault.truncate(10), every=3, times=4), None, "truncate"),
    "truncated_head_answer": (
        matching("HEAD /v1/blobs/", Fault.truncate(5), every=2, times=4), None, "truncate"),
    "platform_503": (
        sequence(
            matching("PATCH /v1/blobs/", Fault.respond(503, platform_header=True), times=2),
            matching("PUT /v1/submissions/", Fault.respond(503, platform_header=True), times=2),
        ), None, "respond"),
    "foreign_503": (
        sequence(
            matching("HEAD /v1/blobs/", Fault.respond(503), every=4, times=2),
            matching("PUT /v1/submissions/", Fault.respond(502), times=2),
        ), None, "respond"),
    "slow_link_with_latency": (
        None, Link(rate_bps=SLOW_LINK_BPS, rtt=0.02, chunk_latency=0.002), ""),
}


@pytest.mark.parametrize("name", list(FAULTS))
def test_exactly_once_through_faults(
    name: str, store: Store, accept, proxy: FaultProxy, proxied_client: PlatformClient, admin: Admin
) -> None:
    schedule, link, counter = FAULTS[name]
    subs = _queue(accept)
    if name in RESUMED:
        _tried_before(store, subs)
    proxy.set_schedule(schedule)
    if link is not None:
        proxy.set_link(link)
    if name == "stall_beyond_read_timeout":
        proxied_client.timeout = (proxied_client.timeout[0], STALL_READ_TIMEOUT)
    engine = _engine(store, proxied_client)
    passes = _drain(engine, store)
    if name == "stall_beyond_read_timeout":
        # the client gave up on a stalled request: that pass failed, a later one delivered
        assert passes >= 2, passes
    if counter:
        assert proxy.triggered[counter] >= 1, proxy.triggered
    blob_bytes = sum(store.blob_size(s) for sub in subs for s in sub.blob_hashes)
    assert proxy.bytes_up >= blob_bytes
    _assert_exactly_once(store, admin, subs)
    # once delivered, nothing is sent again
    before = proxy.bytes_up
    assert engine.run_once().delivered == 0
    assert proxy.bytes_up - before < 10_000


def test_connections_dropped_mid_run_then_platform_repeats_nothing(
    store: Store, accept, proxy: FaultProxy, proxied_client: PlatformClient, admin: Admin
) -> None:
    subs = _queue(accept, 2)
    engine = _engine(store, proxied_client)
    # a deterministic mix: every third connection cut after 250 kB, every PUT answered
    # once by a truncation, and a foreign 504 on the first HEAD
    proxy.set_schedule(sequence(
        matching("HEAD /v1/blobs/", Fault.respond(504), times=1),
        matching("PUT /v1/submissions/", Fault.truncate(60), times=2),
        every_kth_connection(3, Fault.reset(250_000), limit=3),
    ))
    _drain(engine, store)
    _assert_exactly_once(store, admin, subs)


@pytest.mark.parametrize("where", ["everything", "manifest_only"])
def test_captive_portal_200_is_never_delivery(
    where: str, store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin,
) -> None:
    subs = _queue(accept, 2)
    portal = Fault.respond(
        200,
        body=b'{"case_no":"PORTAL-1","status":"\xe5\x8f\x97\xe7\x90\x86","receipt_no":"X"}',
        content_type="application/json",
    )
    prefix = "" if where == "everything" else "PUT /v1/submissions/"
    proxy.set_schedule(matching(prefix, portal, times=None))
    engine = _engine(store, proxied_client)
    for _ in range(3):
        report = engine.run_once()
        assert report.delivered == 0
        assert report.online is False
        CLOCK.skip_to(CLOCK() + 0.12)
    assert proxy.triggered["respond"] >= 3
    ours = {s.uuid for s in subs}
    assert not [r for r in admin.submissions() if r["uuid"] in ours]
    recs = [store.get(s.uuid) for s in subs]
    assert all(r.sync_state in (SyncState.RETRY, SyncState.QUEUED) for r in recs)
    assert all(r.case_no is None for r in recs)
    # the engine stops pushing at the first transient failure: the oldest one says why
    assert recs[0].sync_state is SyncState.RETRY and recs[0].attempts == 3
    problem = decode_problem(recs[0].last_error)
    assert problem is not None and problem.code == "link_down"
    assert "did not come from the platform" in str(problem.params["detail"])
    # the portal goes away: everything arrives, once
    proxy.set_schedule(None)
    _drain(engine, store)
    _assert_exactly_once(store, admin, subs)
    assert all(store.get(s.uuid).case_no != "PORTAL-1" for s in subs)


def test_request_pattern_per_blob(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin,
) -> None:
    """A first attempt sends no HEAD (the station never began these blobs), one PATCH
    per 256 KiB chunk and one PUT; a later attempt asks first: one HEAD per blob and
    only the chunks the platform lacks. Every extra request costs a round trip on a
    slow link."""
    [sub] = _queue(accept, 1)
    _drain(_engine(store, proxied_client), store)
    lines = [line.split("/v1/")[1].split("/")[0] for line in proxy.request_lines]
    methods = [line.split()[0] for line in proxy.request_lines]
    pages = len(sub.blob_hashes)
    assert methods.count("HEAD") == 0
    assert methods.count("PATCH") == pages * 3  # 600 kB = 256 KiB + 256 KiB + rest
    assert [m for m, what in zip(methods, lines, strict=True) if what == "submissions"] == ["PUT"]
    _assert_exactly_once(store, admin, [sub])

    # a resumed submission: its first attempt lost the link after the first page's
    # first chunk (the client's own resumes too); then a fresh engine, as after a
    # restart: only the store remembers the attempt
    [resumed] = _queue(accept, 1)
    proxy.set_schedule(matching("PATCH /v1/blobs/", Fault.reset(300), skip=1, times=None))
    engine = _engine(store, proxied_client, upload_concurrency=1)
    first = engine.run_once()
    assert first.retried == 1 and proxy.triggered["reset"] >= 1
    proxy.set_schedule(None)
    proxy.reset_counters()
    CLOCK.skip_to(CLOCK() + 0.15)
    _drain(_engine(store, proxied_client), store)
    methods = [line.split()[0] for line in proxy.request_lines]
    assert methods.count("HEAD") == pages  # where does each blob stand?
    assert methods.count("PATCH") == pages * 3 - 1  # the first chunk arrived before the cut
    _assert_exactly_once(store, admin, [resumed])
