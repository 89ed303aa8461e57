"""A station clock that is set back never freezes retries (issue #10, clock sanity).

The engine stores retry times by the wall clock; the fake clock here moves the wall
clock alone (``jump``), as NTP or a technician correcting a clock that ran fast."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sync.client import TransientError
from sync.engine import SyncEngine
from sync.store import Store, SyncState
from tests.helpers.sync_fixtures import FakeTime

DAY = 86400.0


def engine_on(store: Store, fake: Any, fake_time: FakeTime) -> SyncEngine:
    return SyncEngine(store, fake, clock=fake_time, monotonic=fake_time.monotonic,
                      rng=lambda: 1.0)


def test_retries_scheduled_by_a_fast_clock_are_due_once_it_is_corrected(
    store: Store, accept, fake: Any, fake_time: FakeTime
) -> None:
    fake_time.jump(DAY)  # the station's clock runs a day fast
    sub = accept()
    fake.fail["put_submission"] = [TransientError("platform answered 503", status=503)]
    engine = engine_on(store, fake, fake_time)
    engine.run_once()
    rec = store.get(sub.uuid)
    assert rec.sync_state is SyncState.RETRY
    assert rec.next_attempt_at == datetime.fromtimestamp(fake_time.t + 2.0, UTC)
    fake_time.jump(-DAY)  # corrected
    fake_time.advance(3.0)  # the backoff has passed on any honest clock
    report = engine.run_once()
    assert report.delivered == 1, "the retry waited for the wrong clock to come round"
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_a_small_correction_is_noticed_while_running(
    store: Store, accept, fake: Any, fake_time: FakeTime
) -> None:
    fake_time.jump(600.0)  # ten minutes fast: within any single backoff's reach
    sub = accept()
    fake.fail["put_submission"] = [TransientError("link down", code="network")]
    engine = engine_on(store, fake, fake_time)
    engine.run_once()
    fake_time.jump(-600.0)
    fake_time.advance(3.0)
    assert engine.run_once().delivered == 1
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_a_restarted_engine_unfreezes_retries_beyond_any_backoff(
    store: Store, accept, fake: Any, fake_time: FakeTime
) -> None:
    fake_time.jump(DAY)
    sub = accept()
    fake.fail["put_submission"] = [TransientError("platform answered 503", status=503)]
    engine_on(store, fake, fake_time).run_once()
    fake_time.jump(-DAY)
    fake_time.advance(3.0)
    restarted = FakeTime(fake_time.t)  # a new process: no memory of the old clock
    assert engine_on(store, fake, restarted).run_once().delivered == 1
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_an_honest_clock_keeps_the_backoff(
    store: Store, accept, fake: Any, fake_time: FakeTime
) -> None:
    sub = accept()
    fake.fail["put_submission"] = [TransientError("platform answered 503", status=503)]
    engine = engine_on(store, fake, fake_time)
    engine.run_once()
    fake_time.advance(1.0)
    assert engine.run_once().delivered == 0  # not due yet: nothing brought forward
    assert store.get(sub.uuid).sync_state is SyncState.RETRY
