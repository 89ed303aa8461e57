"""Catalog pull by ETag and heartbeats, against the real reference platform.

This module changes the platform's catalog, so it runs a platform of its own, served on a
thread of the test process (tests/helpers/threaded_platform.py): the same app and server
settings without the cost of another interpreter."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake.catalog import Catalog
from resources import SEED_CATALOG, resource_path
from station.context import load_catalog
from sync.catalog_sync import CATALOG_FILE, ETAG_KEY, CatalogSync, write_atomic
from sync.client import PlatformClient
from sync.engine import EventKind, SyncEngine, SyncEvent
from sync.store import Store, SyncState
from tests.helpers.fsync_spy import kinds, spy_fsync
from tests.helpers.threaded_platform import ThreadedPlatform
from ui_shared.messages import sync_text

SEED: dict[str, Any] = json.loads(resource_path(*SEED_CATALOG).read_text(encoding="utf-8"))
VERSION_A = SEED["version"]


def catalog_b(version: str = "2026.12-test") -> dict[str, Any]:
    doc = copy.deepcopy(SEED)
    doc["version"] = version
    doc["items"] = doc["items"][:-1]  # one service item withdrawn
    return doc


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadedPlatform]:
    db = tmp_path_factory.mktemp("catalog-platform") / "platform.db"
    with ThreadedPlatform(db) as proc:
        yield proc


@pytest.fixture(autouse=True)
def _seed_catalog_on_platform(admin) -> None:
    r = admin.call("PUT", "/v1/admin/catalog", json=SEED)
    assert r.status_code == 200, r.text


class Counting:
    """Wraps a PlatformClient, recording catalog()/heartbeat() calls."""

    def __init__(self, client: PlatformClient) -> None:
        self.inner = client
        self.catalog_calls: list[tuple[str | None, bool]] = []  # (If-None-Match, got a body)
        self.heartbeats: list[dict[str, Any]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def catalog(self, etag: str | None) -> tuple[dict[str, Any] | None, str | None]:
        doc, new = self.inner.catalog(etag)
        self.catalog_calls.append((etag, doc is not None))
        return doc, new

    def heartbeat(self, info: dict[str, Any] | None = None) -> None:
        self.inner.heartbeat(info)
        self.heartbeats.append(dict(info or {}))


def test_catalog_change_never_breaks_a_queued_submission(
    store: Store, data_dir: Path, accept, client: PlatformClient, admin
) -> None:
    spy = Counting(client)
    events: list[SyncEvent] = []
    engine = SyncEngine(
        store, spy, on_event=events.append,
        catalog=CatalogSync(store, spy), catalog_interval=0.0,
    )
    # startup pass: the platform's catalog (A, same as the seed) becomes ours; no reload
    engine.run_once()
    assert spy.catalog_calls == [(None, True)]
    assert load_catalog(data_dir).version == VERSION_A
    assert not [e for e in events if e.kind is EventKind.CATALOG]
    etag_a = store.kv_get(ETAG_KEY)
    assert etag_a

    # a clerk accepts under A while the station is offline (never reaches the platform) ...
    sub = accept(catalog_version=VERSION_A)
    assert store.get(sub.uuid).sync_state is SyncState.QUEUED
    # ... and meanwhile the department publishes catalog B
    r = admin.call("PUT", "/v1/admin/catalog", json=catalog_b())
    assert r.status_code == 200, r.text

    report = engine.run_once()
    assert report.delivered == 1
    on_platform = admin.submission(sub.uuid)["manifest"]
    assert on_platform["catalog_version"] == VERSION_A  # the submission kept its version
    assert store.get(sub.uuid).submission.catalog_version == VERSION_A
    # the station's catalog is now B, written whole, and UIs were told to reload
    assert spy.catalog_calls[-1] == (etag_a, True)
    assert load_catalog(data_dir).version == "2026.12-test"
    assert len(load_catalog(data_dir).items) == len(SEED["items"]) - 1
    assert store.kv_get(ETAG_KEY) not in (None, etag_a)
    cat_events = [e for e in events if e.kind is EventKind.CATALOG]
    assert len(cat_events) == 1
    assert "2026.12-test" in sync_text(cat_events[0].code, cat_events[0].params)
    # nothing new: 304, nothing written, no event
    before = (data_dir / CATALOG_FILE).stat().st_mtime_ns
    engine.run_once()
    assert spy.catalog_calls[-1] == (store.kv_get(ETAG_KEY), False)
    assert (data_dir / CATALOG_FILE).stat().st_mtime_ns == before
    assert len([e for e in events if e.kind is EventKind.CATALOG]) == 1


def test_catalog_pulled_on_startup_then_at_most_every_interval(
    store: Store, client: PlatformClient
) -> None:
    now = [1_000_000.0]
    spy = Counting(client)
    engine = SyncEngine(
        store, spy, clock=lambda: now[0],
        catalog=CatalogSync(store, spy), catalog_interval=600.0,
    )
    engine.run_once()
    engine.run_once()
    now[0] += 599
    engine.run_once()
    assert len(spy.catalog_calls) == 1  # on startup only
    now[0] += 2
    engine.run_once()
    assert len(spy.catalog_calls) == 2
    assert spy.catalog_calls[1] == (store.kv_get(ETAG_KEY), False)  # 304
    # the idle wait never oversleeps the next pull
    assert engine.next_wait(engine.run_once(), 3600.0) == pytest.approx(600.0)


class FakeCatalogClient:
    def __init__(self, answers: list[tuple[dict[str, Any] | None, str | None]]) -> None:
        self.answers = answers
        self.seen: list[str | None] = []

    def catalog(self, etag: str | None) -> tuple[dict[str, Any] | None, str | None]:
        self.seen.append(etag)
        return self.answers.pop(0)


def test_a_bad_catalog_is_logged_and_never_replaces_the_good_one(
    store: Store, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = catalog_b("good-1")
    bad = catalog_b("bad-2")
    bad["items"][0]["materials"] = "not a list"
    fake = FakeCatalogClient([(good, '"e1"'), (bad, '"e2"'), (None, '"e1"')])
    sync = CatalogSync(store, fake)
    assert sync.pull().changed
    update = sync.pull()
    assert not update.changed and update.rejected
    assert "invalid catalog" in caplog.text
    assert load_catalog(data_dir).version == "good-1"
    assert store.kv_get(ETAG_KEY) == '"e1"'  # the bad one's ETag is not remembered
    assert fake.seen[-1] == '"e1"'
    sync.pull()  # 304 against the good one's ETag
    assert fake.seen[-1] == '"e1"' and load_catalog(data_dir).version == "good-1"


def test_lost_catalog_file_is_fetched_whole_despite_a_stored_etag(
    store: Store, data_dir: Path
) -> None:
    fake = FakeCatalogClient([(catalog_b("v1"), '"e1"'), (catalog_b("v1"), '"e1"')])
    sync = CatalogSync(store, fake)
    sync.pull()
    (data_dir / CATALOG_FILE).unlink()
    sync.pull()
    assert fake.seen == [None, None]  # no If-None-Match: a 304 would leave us without one
    assert Catalog.from_dict(json.loads((data_dir / CATALOG_FILE).read_text())).version == "v1"


def test_write_atomic_fsyncs_file_and_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "catalog.json"
    target.write_text("old")
    synced = spy_fsync(monkeypatch)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert kinds(synced) == ["file", "dir"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.json"]  # no temp left

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"newer")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.json"]


def test_heartbeat_reports_queue_version_catalog_at_most_every_interval(
    store: Store, accept, client: PlatformClient, admin
) -> None:
    now = [2_000_000.0]
    spy = Counting(client)
    engine = SyncEngine(
        store, spy, clock=lambda: now[0], catalog=CatalogSync(store, spy),
        heartbeat_interval=60.0, version="9.9.9-test",
    )
    engine.run_once()
    assert spy.heartbeats == [
        {
            "queue_depth": 0,
            "evaluations_queued": 0,
            "version": "9.9.9-test",
            "catalog_version": VERSION_A,
        }
    ]
    rows = {r["station_id"]: r for r in admin.call("GET", "/v1/admin/stations").json()}
    row = rows[client.credentials.station_id]
    assert row["last_heartbeat_at"]
    assert json.loads(row["last_heartbeat"])["version"] == "9.9.9-test"
    now[0] += 30
    engine.run_once()
    assert len(spy.heartbeats) == 1
    assert engine.next_wait(engine.run_once(), 3600.0) == pytest.approx(30.0)
    now[0] += 31
    accept()
    spy.inner.put_submission = lambda *a, **k: (_ for _ in ()).throw(  # type: ignore[method-assign]
        AssertionError("not now")
    )
    # the next pass fails to deliver for an unexpected (local) reason, still heartbeats
    engine.run_once()
    assert len(spy.heartbeats) == 2
    assert spy.heartbeats[1]["queue_depth"] == 1
