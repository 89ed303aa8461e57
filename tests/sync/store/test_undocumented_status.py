"""A platform status outside the documented set is stored exactly as received and
flagged in the log once (per distinct status, remembered across restarts)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sync.client import StatusEvent
from sync.store import Store
from sync.store.statuses import MAX_FLAGGED_STATUSES

NOW = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC)
ODD = "<b>x</b>\u202e"


def _flags(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno == logging.WARNING and "undocumented status" in r.getMessage()]


def _at(minutes: int) -> str:
    return (NOW + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_odd_status_stored_unchanged_and_flagged_once(
    store: Store, data_dir: Path, accept, caplog: pytest.LogCaptureFixture
) -> None:
    sub = accept()
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "C1", "受理", now=NOW)
    caplog.set_level(logging.WARNING, logger="sync.store")
    events = [StatusEvent(sub.uuid, "C1", ODD, at=_at(1), event_id=1),
              StatusEvent(sub.uuid, "C1", "审核中", at=_at(2), event_id=2),
              StatusEvent(sub.uuid, "C1", ODD, at=_at(3), event_id=3)]
    assert store.apply_status_events(events, cursor="3") == 3
    assert store.get(sub.uuid).platform_status == ODD  # exactly as received
    assert [h["status"] for h in store.status_history(sub.uuid)] == [ODD, "审核中", ODD]
    [flag] = _flags(caplog)
    assert "'<b>x</b>\\u202e'" in flag  # escaped in the log: no bidi override in a log line
    assert sub.uuid in flag

    # remembered in the store: a restart does not flag it again, a new status is flagged
    store.close()
    again = Store(data_dir)
    try:
        again.apply_status_events([StatusEvent(sub.uuid, "C1", ODD, at=_at(4), event_id=4),
                                   StatusEvent(sub.uuid, "C1", "已撤回", at=_at(5), event_id=5)])
        flags = _flags(caplog)
        assert len(flags) == 2 and "'已撤回'" in flags[1]
        assert again.get(sub.uuid).platform_status == "已撤回"
    finally:
        again.close()


def test_documented_statuses_are_never_flagged(
    store: Store, accept, caplog: pytest.LogCaptureFixture
) -> None:
    sub = accept()
    store.mark_sending(sub.uuid)
    caplog.set_level(logging.WARNING, logger="sync.store")
    store.mark_delivered(sub.uuid, "C1", "受理", now=NOW)
    store.apply_status_events([StatusEvent(sub.uuid, "C1", s, at=_at(i), event_id=i + 1)
                               for i, s in enumerate(("审核中", "补正", "办结", "不予许可"))])
    assert _flags(caplog) == []


def test_odd_status_in_the_delivery_answer_is_flagged(
    store: Store, accept, caplog: pytest.LogCaptureFixture
) -> None:
    sub = accept()
    store.mark_sending(sub.uuid)
    caplog.set_level(logging.WARNING, logger="sync.store")
    assert store.mark_delivered(sub.uuid, "C1", " 受理", now=NOW)  # not 受理: a space
    assert store.get(sub.uuid).platform_status == " 受理"
    assert len(_flags(caplog)) == 1


def test_flags_are_capped(store: Store, accept, caplog: pytest.LogCaptureFixture) -> None:
    sub = accept()
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "C1", "受理", now=NOW)
    caplog.set_level(logging.WARNING, logger="sync.store")
    count = MAX_FLAGGED_STATUSES + 5
    store.apply_status_events([StatusEvent(sub.uuid, "C1", f"odd-{i}", at=_at(1), event_id=i + 1)
                               for i in range(count)])
    assert len(_flags(caplog)) == MAX_FLAGGED_STATUSES  # every event stored, the log bounded
    assert len(store.status_history(sub.uuid)) == count
