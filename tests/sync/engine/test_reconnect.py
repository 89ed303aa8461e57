"""Connectivity: while the platform does not answer, or answers with 5xx, the engine
probes it (never before its Retry-After) and syncs as soon as it answers again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import BadAnswer, PlatformClient, TransientError
from sync.engine import SyncEngine
from sync.store import Store, SyncState
from tests.helpers.sync_fixtures import FakeTime

from .conftest import Admin, FakePlatform


class HeartbeatFake(FakePlatform):
    down: bool = False
    heartbeats: int = 0
    put_at: list[float]  # fake monotonic time of each PUT

    def heartbeat(self, info: dict[str, Any] | None = None) -> None:
        self.calls.append(("heartbeat", ""))
        self.heartbeats += 1
        if self.down:
            raise TransientError("platform unreachable: refused", code="network")


def wait_for(cond: Callable[[], bool], timeout: float, step: float = 0.02) -> float | None:
    """Seconds until ``cond()`` held (None if it never did within ``timeout``)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if cond():
            return time.monotonic() - t0
        time.sleep(step)
    return None


@pytest.fixture
def run_engine() -> Iterator[Callable[[SyncEngine], None]]:
    started: list[tuple[SyncEngine, threading.Event, threading.Thread]] = []

    def start(engine: SyncEngine, interval: float = 30.0) -> None:
        stop = threading.Event()
        t = threading.Thread(target=engine.run_forever, args=(stop, interval), daemon=True)
        t.start()
        started.append((engine, stop, t))

    yield start
    for engine, stop, t in started:
        stop.set()
        engine.wake()
        t.join(timeout=10)
        assert not t.is_alive()


def test_retry_now_only_brings_forward_link_failures(store: Store, accept) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    subs = {cause: accept() for cause in ("offline", "server", None)}
    for cause, sub in subs.items():
        store.mark_sending(sub.uuid)
        store.mark_retry(sub.uuid, "x", later, cause=cause)
    assert store.pending() == []
    assert store.retry_now() == 1
    assert [r.uuid for r in store.pending()] == [subs["offline"].uuid]
    assert store.retry_now() == 0  # already due


def run_on_fake_time(
    engine: SyncEngine, fake_time: FakeTime, script: Callable[[], bool], *, limit: int = 500
) -> None:
    """``run_forever`` on fake time; after every sleep ``script()`` may change the
    world and returns True to stop."""
    stop = threading.Event()

    def on_sleep() -> None:
        if script() or len(fake_time.sleeps) >= limit:
            stop.set()

    fake_time.on_sleep = on_sleep
    engine.run_forever(stop, interval=30.0)


def fake_engine(store: Store, fake: HeartbeatFake, fake_time: FakeTime, **kw: Any) -> SyncEngine:
    fake.put_at = []
    fake.before_put = lambda _uuid: fake.put_at.append(fake_time.mono)
    return SyncEngine(
        store, fake, clock=fake_time, monotonic=fake_time.monotonic, sleep=fake_time.sleep,
        rng=lambda: 1.0, base_delay=300.0, max_delay=600.0, **kw,
    )


def test_link_down_probes_and_delivers_as_soon_as_it_answers(
    store: Store, accept, fake_time: FakeTime
) -> None:
    fake = HeartbeatFake()
    fake.down = True
    fake.fail["put_submission"] = [TransientError("platform unreachable", code="network")]
    sub = accept(pages=1)
    engine = fake_engine(store, fake, fake_time, probe_interval=5.0)
    back_at: list[float] = []

    def script() -> bool:
        if fake.heartbeats >= 3 and not back_at:
            assert store.get(sub.uuid).sync_state is SyncState.RETRY  # probing, still down
            assert engine.online is False
            fake.down = False
            back_at.append(fake_time.mono)
        return store.get(sub.uuid).sync_state is SyncState.DELIVERED

    run_on_fake_time(engine, fake_time, script)
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED
    assert fake.put_at[-1] - back_at[0] <= 5.0  # within one probe, not the 300-600 s backoff
    assert engine.online is True


def test_platform_answering_5xx_is_probed_and_delivery_resumes_within_seconds(
    store: Store, accept, fake_time: FakeTime
) -> None:
    fake = HeartbeatFake()
    fake.fail["put_submission"] = [TransientError("platform answered 503", status=503)]
    sub = accept(pages=1)
    failing = [True]
    orig = fake.heartbeat

    def heartbeat(info: dict[str, Any] | None = None) -> None:
        orig(info)
        if failing[0]:
            raise TransientError("platform answered 502", status=502)

    fake.heartbeat = heartbeat  # type: ignore[method-assign]
    engine = fake_engine(store, fake, fake_time, probe_interval=5.0)
    recovered_at: list[float] = []

    def script() -> bool:
        if fake_time.mono >= 60.0 and failing[0]:  # a one-minute outage of the platform
            failing[0] = False
            recovered_at.append(fake_time.mono)
        return store.get(sub.uuid).sync_state is SyncState.DELIVERED

    run_on_fake_time(engine, fake_time, script)
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED
    # the remaining backoff (300-600 s) was not sat out: one probe after the platform's return
    assert fake.put_at[-1] - recovered_at[0] <= 5.0
    assert fake.put_calls() == [sub.uuid, sub.uuid]  # the submission was not hammered ...
    assert 10 <= fake.heartbeats <= 14  # ... and the outage was probed every 5 s, no faster


def test_probe_waits_for_the_platforms_retry_after(
    store: Store, accept, fake_time: FakeTime
) -> None:
    fake = HeartbeatFake()
    fake.fail["put_submission"] = [
        TransientError("platform answered 503", status=503, retry_after=120.0)
    ]
    sub = accept(pages=1)
    engine = fake_engine(store, fake, fake_time, probe_interval=5.0)
    first_probe: list[float] = []

    def script() -> bool:
        if fake.heartbeats and not first_probe:
            first_probe.append(fake_time.mono)
        return store.get(sub.uuid).sync_state is SyncState.DELIVERED

    run_on_fake_time(engine, fake_time, script)
    assert first_probe and first_probe[0] >= 120.0  # not before the platform said so
    assert fake.put_at[-1] <= 120.0 + 5.0  # and delivered right after it
    assert fake.put_calls() == [sub.uuid, sub.uuid]


def test_probe_answered_with_5xx_keeps_the_row_waiting_and_probes_at_the_interval(
    store: Store, accept, fake_time: FakeTime
) -> None:
    fake = HeartbeatFake()
    fake.fail["put_submission"] = [TransientError("platform unreachable", code="network")]
    orig = fake.heartbeat

    def heartbeat(info: dict[str, Any] | None = None) -> None:
        orig(info)
        raise TransientError("platform answered 502", status=502)

    fake.heartbeat = heartbeat  # type: ignore[method-assign]
    sub = accept(pages=1)
    engine = fake_engine(store, fake, fake_time, probe_interval=5.0)
    run_on_fake_time(engine, fake_time, lambda: fake_time.mono >= 100.0)
    assert store.get(sub.uuid).sync_state is SyncState.RETRY  # a failing probe brings nothing
    assert fake.put_calls() == [sub.uuid]
    assert 18 <= fake.heartbeats <= 21  # one probe per 5 s over 100 s


def test_an_answer_breaking_the_protocol_keeps_its_backoff_despite_probes(
    store: Store, accept, fake_time: FakeTime
) -> None:
    fake = HeartbeatFake()
    fake.fail["put_submission"] = [BadAnswer("no delivery proof", code="bad_proof")]
    sub = accept(pages=1)
    engine = fake_engine(store, fake, fake_time, probe_interval=5.0)
    run_on_fake_time(engine, fake_time, lambda: fake_time.mono >= 200.0)
    assert fake.heartbeats >= 1  # the platform answers probes ...
    assert fake.put_calls() == [sub.uuid]  # ... but the bad PUT is not repeated early
    assert store.get(sub.uuid).sync_state is SyncState.RETRY


class ProbeCountingClient(PlatformClient):
    """The real client, counting the heartbeats (the engine's probes) that found no
    platform, so the test waits for probes to fail instead of sleeping."""

    failed_heartbeats = 0

    def heartbeat(self, info: dict[str, Any] | None = None) -> None:
        try:
            super().heartbeat(info)
        except TransientError:
            self.failed_heartbeats += 1
            raise


def test_reconnect_after_platform_restart_is_measured(
    tmp_path: Path, store: Store, data_dir: Path, accept, run_engine, station_code: str
) -> None:
    probe = 0.1
    http = requests.Session()
    http.trust_env = False
    platform = PlatformProcess(tmp_path / "restart.db").start()
    try:
        creds = Admin(platform, http, station_code).enroll()
        platform.stop()  # the link goes down
        client = ProbeCountingClient(platform.url, creds, session=http, timeout=(1.0, 5.0))
        sub = accept(pages=2)
        engine = SyncEngine(
            store, client, base_delay=300.0, max_delay=600.0,
            probe_interval=probe, heartbeat_interval=60.0,
        )
        run_engine(engine)
        watcher = Store(data_dir)
        try:
            assert wait_for(
                lambda: watcher.get(sub.uuid).sync_state is SyncState.RETRY, 10.0
            ) is not None
            failed = client.failed_heartbeats
            # a few probes fail while it is down
            assert wait_for(lambda: client.failed_heartbeats >= failed + 3, 10.0) is not None
            assert watcher.get(sub.uuid).sync_state is SyncState.RETRY
            platform.start()  # same port, same database
            latency = wait_for(
                lambda: watcher.get(sub.uuid).sync_state is SyncState.DELIVERED, 30.0
            )
        finally:
            watcher.close()
        print(f"\nreconnect latency after platform restart: {latency:.3f} s (probe {probe} s)")
        assert latency is not None
        assert latency < probe + 1.5  # within ~one probe interval, not the 150-300 s backoff
        assert engine.online is True
    finally:
        platform.stop()
        http.close()
