"""Connectivity: while the platform does not answer, the engine probes it and syncs as
soon as it is back; a platform that answers with 5xx keeps its backoff."""

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
from sync.client import PlatformClient, TransientError
from sync.engine import SyncEngine
from sync.store import Store, SyncState

from .conftest import Admin, FakePlatform


class HeartbeatFake(FakePlatform):
    down: bool = False
    heartbeats: int = 0

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


def test_link_down_probes_and_delivers_as_soon_as_it_answers(
    store: Store, accept, run_engine
) -> None:
    fake = HeartbeatFake()
    fake.down = True
    fake.fail["put_submission"] = [TransientError("platform unreachable", code="network")]
    sub = accept(pages=1)
    engine = SyncEngine(store, fake, base_delay=300.0, max_delay=600.0, probe_interval=0.1)
    run_engine(engine)
    assert wait_for(lambda: fake.heartbeats >= 3, 5.0) is not None  # probing, link still down
    assert store.get(sub.uuid).sync_state is SyncState.RETRY
    assert engine.online is False
    fake.down = False
    latency = wait_for(lambda: store.get(sub.uuid).sync_state is SyncState.DELIVERED, 5.0)
    assert latency is not None and latency < 1.0  # not the 150-300 s backoff
    assert engine.online is True


def test_platform_answering_5xx_keeps_its_backoff(store: Store, accept, run_engine) -> None:
    fake = HeartbeatFake()
    fake.fail["put_submission"] = [TransientError("platform answered 503", status=503)]
    sub = accept(pages=1)
    engine = SyncEngine(store, fake, base_delay=300.0, max_delay=600.0, probe_interval=0.05)
    run_engine(engine)
    assert wait_for(lambda: store.get(sub.uuid).sync_state is SyncState.RETRY, 5.0) is not None
    time.sleep(0.6)
    assert fake.put_calls() == [sub.uuid]  # not hammered
    assert fake.heartbeats == 0  # and not probed: it answers, it is just failing
    assert store.get(sub.uuid).sync_state is SyncState.RETRY
    assert store.retry_now() == 0  # the row is marked as a server failure


def test_probe_answered_with_5xx_stops_probing(store: Store, accept, run_engine) -> None:
    fake = HeartbeatFake()
    fake.fail["put_submission"] = [TransientError("platform unreachable", code="network")]
    fake.fail["heartbeat"] = [TransientError("platform answered 502", status=502)]
    orig = fake.heartbeat

    def heartbeat(info: dict[str, Any] | None = None) -> None:
        fake._maybe_fail("heartbeat")
        orig(info)

    fake.heartbeat = heartbeat  # type: ignore[method-assign]
    sub = accept(pages=1)
    engine = SyncEngine(store, fake, base_delay=300.0, max_delay=600.0, probe_interval=0.05)
    run_engine(engine)
    assert wait_for(lambda: fake.heartbeats >= 1 or not fake.fail["heartbeat"], 5.0) is not None
    time.sleep(0.5)
    assert fake.fail["heartbeat"] == []  # the one probe was answered with 502 ...
    assert fake.heartbeats == 0  # ... and no further probe followed
    assert store.get(sub.uuid).sync_state is SyncState.RETRY


def test_reconnect_after_platform_restart_is_measured(
    tmp_path: Path, store: Store, data_dir: Path, accept, run_engine, station_code: str
) -> None:
    probe = 1.0
    http = requests.Session()
    http.trust_env = False
    platform = PlatformProcess(tmp_path / "restart.db").start()
    try:
        creds = Admin(platform, http, station_code).enroll()
        platform.stop()  # the link goes down
        client = PlatformClient(platform.url, creds, session=http, timeout=(1.0, 5.0))
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
            time.sleep(1.5)  # a few probes fail while it is down
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
