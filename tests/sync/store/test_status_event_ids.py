"""P1: status events are de-duplicated by the platform's event id alone."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sync.client import StatusEvent
from sync.store import Store

NOW = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC)


def _delivered(store: Store, accept) -> str:
    sub = accept()
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "C1", "受理", now=NOW)
    return str(sub.uuid)


def test_identical_events_in_one_second_are_two_events(store: Store, accept) -> None:
    uuid = _delivered(store, accept)
    at = (NOW + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    events = [
        StatusEvent(uuid, "C1", "审核中", at=at, event_id=11),
        StatusEvent(uuid, "C1", "补正", at=at, event_id=12),
        StatusEvent(uuid, "C1", "审核中", at=at, event_id=13),  # same content as 11
    ]
    assert store.apply_status_events(events, cursor="13") == 3
    assert store.get(uuid).platform_status == "审核中"  # as the platform says
    assert [h["status"] for h in store.status_history(uuid)] == ["审核中", "补正", "审核中"]
    # a replay of the same ids (a lost cursor) changes nothing
    assert store.apply_status_events(events) == 0
    assert store.apply_status_events([StatusEvent(uuid, "C1", "补正", at=at, event_id=12)]) == 0
    assert store.get(uuid).platform_status == "审核中"


def test_platform_id_is_unique_in_the_database(store: Store, data_dir: Path, accept) -> None:
    uuid = _delivered(store, accept)
    store.apply_status_events([StatusEvent(uuid, "C1", "办结", at="", event_id=7)])
    con = sqlite3.connect(data_dir / "station.db")
    try:
        rows = con.execute("SELECT event_id, platform_id FROM status_events").fetchall()
        assert rows == [("7", 7)]
        # the same platform id under another spelling is refused by the unique index
        try:
            con.execute(
                "INSERT INTO status_events (event_id, platform_id, uuid, status, payload,"
                " received_at) VALUES ('p7', 7, ?, '办结', '{}', 'x')",
                [uuid],
            )
        except sqlite3.IntegrityError as e:
            assert "platform_id" in str(e)
        else:
            raise AssertionError("a second row with platform id 7 was accepted")
    finally:
        con.close()


def test_events_without_an_id_fall_back_to_content(store: Store, accept) -> None:
    uuid = _delivered(store, accept)
    ev = StatusEvent(uuid, "C1", "办结", at="2026-11-25T05:00:00Z")
    assert store.apply_status_events([ev]) == 1
    assert store.apply_status_events([ev]) == 0
