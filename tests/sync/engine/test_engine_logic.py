"""Engine ordering, backoff and error handling against an in-memory fake platform."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.client import (
    AuthError,
    Conflict,
    MissingBlobs,
    PermanentError,
    StatusEvent,
    TransientError,
)
from sync.engine import BASE_DELAY, MAX_DELAY, EventKind, SyncEngine, SyncEvent, backoff_delay
from sync.store import Store, SyncState
from ui_shared.messages import stored_sync_text as said
from ui_shared.messages import sync_text

T0 = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC).timestamp()


class Clock:
    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def make_engine(store: Store, fake: Any, **kw: Any) -> tuple[SyncEngine, list[SyncEvent], Clock]:
    events: list[SyncEvent] = []
    clock = kw.pop("clock", Clock())
    engine = SyncEngine(
        store, fake, on_event=events.append, clock=clock, rng=kw.pop("rng", lambda: 1.0), **kw
    )
    return engine, events, clock


def kinds(events: list[SyncEvent]) -> list[str]:
    return [e.kind.value for e in events if e.kind is not EventKind.PROGRESS]


def test_delivers_oldest_first_with_truthful_counts(store: Store, accept, fake: Any) -> None:
    subs = [accept(now=datetime.fromtimestamp(T0, UTC) + timedelta(minutes=m)) for m in (2, 0, 1)]
    oldest_first = [subs[1].uuid, subs[2].uuid, subs[0].uuid]
    engine, events, _ = make_engine(store, fake)
    report = engine.run_once()
    assert (report.delivered, report.failed, report.remaining) == (3, 0, 0)
    assert fake.put_calls() == oldest_first
    assert kinds(events) == ["started", "online", "delivered", "delivered", "delivered", "idle"]
    assert events[0].total == 3
    delivered = [e for e in events if e.kind is EventKind.DELIVERED]
    assert [(e.uuid, e.done, e.total) for e in delivered] == [
        (u, i + 1, 3) for i, u in enumerate(oldest_first)
    ]
    for u in oldest_first:
        rec = store.get(u)
        assert rec.sync_state is SyncState.DELIVERED and rec.attempts == 1
        assert rec.case_no and rec.platform_status == "受理"
        assert fake.manifests[u] == rec.submission.manifest()
    # progress is per submission, monotonic, and ends at bytes_total
    for u in oldest_first:
        prog = [e for e in events if e.kind is EventKind.PROGRESS and e.uuid == u]
        assert [e.bytes_done for e in prog] == sorted(e.bytes_done for e in prog)
        assert prog[-1].bytes_done == prog[-1].bytes_total == 2 * 20_000
        assert {(e.done, e.total) for e in prog} == {(oldest_first.index(u), 3)}


def test_mark_sending_is_committed_before_the_network(
    store: Store, accept, fake: Any, data_dir: Path
) -> None:
    sub = accept()
    seen: list[tuple[SyncState, int]] = []

    def check(uuid: str) -> None:
        other = Store(data_dir, recover=False)  # a different connection sees the commit
        try:
            rec = other.get(uuid)
            seen.append((rec.sync_state, rec.attempts))
        finally:
            other.close()

    fake.before_put = check
    make_engine(store, fake)[0].run_once()
    assert seen == [(SyncState.SENDING, 1)]
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_transient_error_backs_off_and_stops_pushing(store: Store, accept, fake: Any) -> None:
    a, b = accept(), accept()
    fake.fail["put_submission"] = [TransientError("connection reset", code="network")]
    engine, events, clock = make_engine(store, fake)
    report = engine.run_once()
    assert (report.delivered, report.retried, report.remaining) == (0, 1, 2)
    assert report.online is False
    assert fake.put_calls() == [a.uuid]  # b was not tried: the link is down
    ra, rb = store.get(a.uuid), store.get(b.uuid)
    assert ra.sync_state is SyncState.RETRY and ra.attempts == 1
    assert ra.next_attempt_at == datetime.fromtimestamp(T0 + BASE_DELAY, UTC)  # rng=1 -> full
    assert "网络" in said(ra.last_error)
    assert rb.sync_state is SyncState.QUEUED and rb.attempts == 0
    assert "offline" in kinds(events) and "retry" in kinds(events)
    assert "idle" not in kinds(events)
    assert not any(name == "status_updates" for name, _ in fake.calls)  # offline: no pull
    # while a is backing off the engine waits for it rather than hammering the link
    assert engine.next_wait(report, 30.0) == pytest.approx(BASE_DELAY)
    clock.t += BASE_DELAY
    events.clear()
    report = engine.run_once()
    assert report.delivered == 2 and report.remaining == 0
    assert fake.put_calls() == [a.uuid, a.uuid, b.uuid]
    assert store.get(a.uuid).attempts == 2
    assert "online" in kinds(events)


def test_backoff_is_exponential_capped_and_jittered() -> None:
    full = [backoff_delay(n, lambda: 1.0) for n in range(1, 13)]
    assert full[:5] == [2.0, 4.0, 8.0, 16.0, 32.0]
    assert full[-1] == MAX_DELAY == 600.0
    assert max(full) == MAX_DELAY
    half = [backoff_delay(n, lambda: 0.0) for n in range(1, 13)]
    assert half == [f / 2 for f in full]
    assert backoff_delay(1, lambda: 0.0, retry_after=120) == 120
    assert backoff_delay(10, lambda: 1.0, retry_after=5) == MAX_DELAY
    assert backoff_delay(10_000, lambda: 1.0) == MAX_DELAY


def tried_before(store: Store, uuid: str) -> None:
    """Record an earlier, failed attempt (attempts = 1), due now: the engine asks the
    platform where each blob stands (HEAD) instead of uploading from offset 0."""
    assert store.mark_sending(uuid)
    assert store.mark_retry(uuid, "earlier attempt", datetime.fromtimestamp(T0 - 1, UTC))


def test_retry_after_is_honoured(store: Store, accept, fake: Any) -> None:
    # a first attempt: the upload is the first request
    sub = accept()
    fake.fail["upload_blob"] = [TransientError("503", status=503, retry_after=90.0)]
    engine, _, clock = make_engine(store, fake)
    engine.run_once()
    assert store.get(sub.uuid).next_attempt_at == datetime.fromtimestamp(T0 + 90, UTC)
    # a later attempt: the HEAD is
    fake.fail["blob_state"] = [TransientError("503", status=503, retry_after=120.0)]
    clock.t += 90
    engine.run_once()
    assert store.get(sub.uuid).next_attempt_at == datetime.fromtimestamp(T0 + 90 + 120, UTC)


def test_first_attempt_uploads_without_head_later_attempts_ask_first(
    store: Store, accept, fake: Any
) -> None:
    fresh, resumed = accept(pages=2), accept(pages=2)
    tried_before(store, resumed.uuid)
    engine, _, _ = make_engine(store, fake)
    assert engine.run_once().delivered == 2
    calls = [(n, s) for n, s in fake.calls if n in ("blob_state", "upload_blob")]
    # a later attempt asks where every blob stands before it sends any (so the progress
    # shown from the start is what the platform holds), then uploads each
    assert calls == [("upload_blob", s) for s in fresh.blob_hashes] + [
        ("blob_state", s) for s in resumed.blob_hashes
    ] + [("upload_blob", s) for s in resumed.blob_hashes]


def test_auth_error_stops_everything_without_burning_attempts(
    store: Store, accept, fake: Any
) -> None:
    a, b = accept(), accept()
    fake.fail["upload_blob"] = [AuthError(401, "bad signature", code="bad_signature")]
    engine, events, _ = make_engine(store, fake)
    report = engine.run_once()
    assert report.auth_failed and report.delivered == 0 and report.remaining == 2
    for u in (a.uuid, b.uuid):
        rec = store.get(u)
        assert rec.sync_state is SyncState.QUEUED and rec.attempts == 0
    assert [n for n, _ in fake.calls] == ["upload_blob"]  # nothing else tried
    failed = [e for e in events if e.kind is EventKind.AUTH_FAILED]
    assert failed and "注册" in sync_text(failed[0].code, failed[0].params)
    assert engine.next_wait(report, 30.0) >= 600
    # attempts went back to 0, but the engine remembers it touched that blob: it asks
    # the platform where the blob stands before sending more of it
    fake.calls.clear()
    assert engine.run_once().delivered == 2
    assert fake.calls[:2] == [("blob_state", a.blob_hashes[0]), ("upload_blob", a.blob_hashes[0])]


def test_conflict_and_permanent_errors_quarantine_and_continue(
    store: Store, accept, fake: Any
) -> None:
    a, b, c = accept(), accept(), accept()
    fake.fail["put_submission"] = [
        Conflict({"message": "uuid taken"}),
        PermanentError(400, {"message": "事项编码 HJ001 不存在"}, code="unknown_item"),
    ]
    engine, events, _ = make_engine(store, fake)
    report = engine.run_once()
    assert (report.delivered, report.failed, report.remaining) == (1, 2, 0)
    ra, rb, rc = (store.get(s.uuid) for s in (a, b, c))
    assert ra.sync_state is SyncState.QUARANTINED and said(ra.last_error).startswith("平台拒绝：")
    assert "冲突" in said(ra.last_error)
    assert rb.sync_state is SyncState.QUARANTINED
    assert said(rb.last_error).startswith("平台拒绝：事项编码 HJ001 不存在")
    assert rc.sync_state is SyncState.DELIVERED
    q = [e for e in events if e.kind is EventKind.QUARANTINED]
    assert [(e.uuid, e.done, e.total) for e in q] == [(a.uuid, 1, 3), (b.uuid, 2, 3)]
    # a technician fixes the cause and requeues: delivered on the next pass
    store.requeue(b.uuid)
    assert engine.run_once().delivered == 1


def test_missing_blobs_are_uploaded_again_then_put_once_more(
    store: Store, accept, fake: Any
) -> None:
    sub = accept()
    tried_before(store, sub.uuid)  # so the engine asks (HEAD) instead of uploading at once
    fake.lie_complete = set(sub.blob_hashes)  # HEAD says complete, but the platform lost them
    engine, _, _ = make_engine(store, fake)
    report = engine.run_once()
    assert report.delivered == 1
    assert fake.put_calls() == [sub.uuid, sub.uuid]
    assert set(sub.blob_hashes) <= fake.complete


def test_missing_blobs_twice_quarantines(store: Store, accept, fake: Any) -> None:
    sub = accept()
    fake.fail["put_submission"] = [
        MissingBlobs(sub.blob_hashes[:1]),
        MissingBlobs(sub.blob_hashes[:1]),
    ]
    engine, _, _ = make_engine(store, fake)
    report = engine.run_once()
    assert report.failed == 1
    rec = store.get(sub.uuid)
    assert rec.sync_state is SyncState.QUARANTINED and "缺少" in said(rec.last_error)


def test_upload_cut_resumes_from_platform_offset(store: Store, accept, fake: Any) -> None:
    sub = accept(pages=1, page_size=1_000_000)
    fake.cut_upload_after = 300_000
    engine, _, clock = make_engine(store, fake)
    assert engine.run_once().retried == 1
    [sha] = sub.blob_hashes
    partial = len(fake.blobs[sha])
    assert 300_000 <= partial < 1_000_000
    clock.t += MAX_DELAY
    assert engine.run_once().delivered == 1
    assert fake.bytes_received == 1_000_000  # nothing sent twice
    with store.open_blob(sha) as f:
        assert bytes(fake.blobs[sha]) == f.read()


def test_local_blob_missing_or_corrupted_quarantines(store: Store, accept, fake: Any) -> None:
    a, b = accept(), accept()
    store.blobs.path(a.blob_hashes[1]).unlink()
    path = store.blobs.path(b.blob_hashes[0])
    raw = bytearray(path.read_bytes())
    raw[100] ^= 0xFF
    path.write_bytes(bytes(raw))
    engine, _, _ = make_engine(store, fake)
    report = engine.run_once()
    assert report.failed == 2
    ra, rb = store.get(a.uuid), store.get(b.uuid)
    assert ra.sync_state is SyncState.QUARANTINED and "缺失" in said(ra.last_error)
    assert rb.sync_state is SyncState.QUARANTINED and "损坏" in said(rb.last_error)
    assert fake.put_calls() == []


def test_status_updates_are_pulled_by_cursor_and_applied_once(
    store: Store, accept, fake: Any
) -> None:
    sub = accept()
    engine, _, _ = make_engine(store, fake)
    engine.run_once()
    fake.events += [
        StatusEvent(sub.uuid, "SW000001", "审核中", at="2026-11-25T03:00:00Z"),
        StatusEvent(
            sub.uuid,
            "SW000001",
            "补正",
            note="缺少户口本首页",
            missing_materials=("M02",),
            at="2026-11-25T04:00:00Z",
        ),
    ]
    report = engine.run_once()
    assert report.status_updates == 2
    rec = store.get(sub.uuid)
    assert rec.platform_status == "补正"
    assert store.status_cursor() == "2"
    assert store.status_history(sub.uuid)[-1]["missing_materials"] == ["M02"]
    assert engine.run_once().status_updates == 0
    assert ("status_updates", "2") in fake.calls


def test_two_engines_deliver_each_submission_exactly_once(
    data_dir: Path, store: Store, accept, fake: Any
) -> None:
    subs = [accept() for _ in range(12)]
    other = Store(data_dir)
    lock = threading.Lock()

    class Serialised:
        def __getattr__(self, name: str) -> Any:
            fn = getattr(fake, name)

            def call(*a: Any, **k: Any) -> Any:
                time.sleep(0.001)
                with lock:
                    return fn(*a, **k)

            return call

    engines = [SyncEngine(s, Serialised(), rng=lambda: 1.0) for s in (store, other)]
    threads = [threading.Thread(target=e.run_once) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert sorted(fake.put_calls()) == sorted(s.uuid for s in subs)
    assert store.queue_depth() == 0


def test_run_forever_sleeps_until_due_and_wakes(store: Store, accept, fake: Any) -> None:
    waits: list[float] = []
    stop = threading.Event()
    clock = Clock()

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.t += seconds
        if len(waits) >= 3:
            stop.set()

    sub = accept()
    fake.fail["put_submission"] = [TransientError("down")]
    engine = SyncEngine(store, fake, clock=clock, sleep=sleep, rng=lambda: 0.5)
    engine.run_forever(stop, interval=30.0)
    # pass 1 fails -> wait the backoff (2 s * 0.75); pass 2 delivers -> poll every 30 s
    assert waits[0] == pytest.approx(1.5)
    assert waits[1:] == [30.0, 30.0]
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_wake_interrupts_the_default_sleep(store: Store, accept, fake: Any) -> None:
    idle, delivered = threading.Event(), threading.Event()

    def on_event(event: SyncEvent) -> None:
        if event.kind is EventKind.IDLE:
            idle.set()
        elif event.kind is EventKind.DELIVERED:
            delivered.set()

    stop = threading.Event()
    engine = SyncEngine(store, fake, on_event=on_event)
    t = threading.Thread(target=engine.run_forever, args=(stop,), kwargs={"interval": 60.0})
    t.start()
    try:
        assert idle.wait(5), "the first pass did not finish"  # now asleep for 60 s
        sub = accept()
        engine.wake()
        assert delivered.wait(5), "wake() did not trigger a pass"
        assert store.get(sub.uuid).sync_state is SyncState.DELIVERED
    finally:
        stop.set()
        t.join(timeout=5)
    assert not t.is_alive()


def test_a_failing_event_callback_does_not_stop_delivery(store: Store, accept, fake: Any) -> None:
    sub = accept()

    def boom(_: SyncEvent) -> None:
        raise RuntimeError("UI bug")

    SyncEngine(store, fake, on_event=boom).run_once()
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_an_unexpected_error_never_leaves_a_row_sending(store: Store, accept, fake: Any) -> None:
    a, b = accept(), accept()
    fake.fail["put_submission"] = [RuntimeError("bug")]
    report = make_engine(store, fake)[0].run_once()
    assert (report.delivered, report.retried) == (1, 1)
    assert store.get(a.uuid).sync_state is SyncState.RETRY
    assert store.get(b.uuid).sync_state is SyncState.DELIVERED


def test_pass_tasks_and_heartbeat_extras_are_explicit_hooks(
    store: Store, accept, fake: Any
) -> None:
    """What a front end adds to every pass (the kiosk's evaluations, its device health)
    goes through two public hooks, not by reaching into the engine."""
    ran: list[str] = []
    engine = make_engine(store, fake)[0]

    def ok() -> bool:
        ran.append("ok")
        return False

    def broken() -> bool:
        raise RuntimeError("bug in a task")

    engine.pass_tasks.extend([broken, ok])
    engine.heartbeat_extras.append(lambda: {"printer": "paper low"})
    engine.heartbeat_extras.append(lambda: {}["boom"])
    engine.run_once()
    assert ran == ["ok"]  # a broken task stops neither the pass nor the others
    assert engine.heartbeat_info()["printer"] == "paper low"
    engine.pass_tasks.append(lambda: True)  # the platform refused our credentials
    assert engine.run_once().auth_failed
