"""#10: retention is never early under a lying clock, the clock skew goes with each
submission, housekeeping holds the write lock only briefly, and the case list pages."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from intake.submission import CapturedMaterial
from sync.store import Store, SyncState, retention
from sync.store.ledger import LedgerFilter

NOW = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC)


def delivered(store: Store, accept, at: datetime, **kw: object) -> str:
    sub = accept(now=at)
    store.mark_sending(sub.uuid, at)
    store.mark_delivered(sub.uuid, "C-" + sub.receipt_no, "受理", at, **kw)  # type: ignore[arg-type]
    return str(sub.uuid)


def test_a_fast_station_clock_never_purges_early(store: Store, accept) -> None:
    # delivered 170 days ago (real time); retention is 180 days
    real_now = NOW + timedelta(days=170)
    uuid = delivered(store, accept, NOW, platform_at=NOW)
    # the station's clock now runs 30 days fast; the platform's clock (seen on its
    # last answer) says the real time
    store.note_platform_clock(-30 * 86400.0, local_now=real_now + timedelta(days=30))
    result = store.purge_delivered_blobs(timedelta(days=180), now=real_now + timedelta(days=30))
    assert result.submissions == 0 and store.get(uuid).blobs_purged_at is None
    for sha in store.get(uuid).submission.blob_hashes:
        assert store.has_blob(sha)
    # once the platform's time has really moved past the retention period: purged
    store.note_platform_clock(0.0, local_now=NOW + timedelta(days=181))
    result = store.purge_delivered_blobs(timedelta(days=180), now=NOW + timedelta(days=181))
    assert result.submissions == 1 and store.get(uuid).blobs_purged_at is not None


def test_a_clock_that_was_fast_at_delivery_only_delays_the_purge(store: Store, accept) -> None:
    # delivered while the clock ran 10 days fast, with no platform time known
    uuid = delivered(store, accept, NOW + timedelta(days=10))
    result = store.purge_delivered_blobs(timedelta(days=30), now=NOW + timedelta(days=31))
    assert result.submissions == 0  # 31 real days, but the row says 21: kept, never early
    assert store.get(uuid).blobs_purged_at is None


def test_delivery_time_in_platform_time_is_estimated_from_the_offset(store: Store, accept) -> None:
    store.note_platform_clock(-3600.0, local_now=NOW)  # our clock is an hour fast
    uuid = delivered(store, accept, NOW)
    row = (
        store._db()
        .execute(
            "SELECT delivered_platform_at, clock_skew_s FROM submissions WHERE uuid = ?", [uuid]
        )
        .fetchone()
    )
    assert row[0] == "2026-11-25T01:00:00.000000Z"
    assert store.get(uuid).clock_skew_s == 3600.0  # recorded with the submission
    assert store.clock_offset() == -3600.0


def test_skew_is_unknown_until_learned(store: Store, accept) -> None:
    assert store.get(accept().uuid).clock_skew_s is None


def test_an_accept_goes_before_the_next_purge_batch(
    store: Store, accept, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batches of 5 (the product's are retention.PURGE_BATCH, 50): three batches either way,
    # and 15 delivered submissions to set up instead of 150
    monkeypatch.setattr(retention, "PURGE_BATCH", 5)
    n = retention.PURGE_BATCH * 3
    for i in range(n):
        delivered(store, accept, NOW + timedelta(seconds=i), platform_at=NOW)
    sha = store.put_blob(b"a page captured for the next citizen")
    order: list[str] = []
    errors: list[BaseException] = []

    def clerk() -> None:
        try:
            accept(pages=0, materials=[CapturedMaterial("M01", (sha,))])
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    thread = threading.Thread(target=clerk)

    def during_purge(stage: str) -> None:
        # both writers report here while they hold the write lock, so the order seen is
        # the order of their transactions (appending after accept() returned raced the
        # next batch on a loaded machine)
        if stage == "accept:commit":
            order.append("accepted")
        if stage != "purge:batch":
            return
        order.append("batch")
        if order.count("batch") == 1:
            # the first batch holds the write lock: the clerk accepts now
            thread.start()
            assert store._gate.wait_urgent(10)

    store.fault_hook = during_purge
    result = store.purge_delivered_blobs(timedelta(days=30), now=NOW + timedelta(days=31))
    store.fault_hook = None
    thread.join(10)
    assert not errors
    assert result.submissions == n and result.blobs_deleted == 2 * n
    # it waited for the batch in hand only, never for the rest of the purge
    assert order == ["batch", "accepted", "batch", "batch"]


def test_case_list_pages_with_a_cursor(store: Store, accept) -> None:
    subs = [accept(now=NOW + timedelta(minutes=i)) for i in range(7)]
    subs.append(accept(now=NOW + timedelta(minutes=6)))  # same time as the one before
    newest_first = [s.uuid for s in reversed(subs)]
    seen: list[str] = []
    cursor = None
    while True:
        page = store.ledger_page(LedgerFilter(), after=cursor, limit=3)
        seen += [e.uuid for e in page.entries]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == newest_first
    assert [r.uuid for r in store.list_records(limit=3, offset=3)] == newest_first[3:6]
    store.quarantine(subs[0].uuid, "x")
    only = store.ledger_page(LedgerFilter(sync_states=(SyncState.QUARANTINED.value,)), limit=10)
    assert [e.uuid for e in only.entries] == [subs[0].uuid] and only.next_cursor is None
    assert only.entries[0].note == "x"  # the reason travels with the row
    assert store.count_records() == 8 and store.count_records(["quarantined"]) == 1
