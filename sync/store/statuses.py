"""What the platform says about our submissions (status events, their cursor) and the
small key/value settings (catalog ETag...)."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sync.store.core import StoreCore, kv_put
from sync.store.records import (
    StatusEventLike,
    aware,
    canonical_text,
    to_db_time,
    utcnow,
)


class StatusesPart(StoreCore):
    def kv_get(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM kv WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def kv_set(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM kv WHERE key = ?", [key])
            else:
                kv_put(db, key, value, utcnow())

    # -- the platform's clock --------------------------------------------------------

    def note_platform_clock(self, offset_s: float, local_now: datetime | None = None) -> None:
        """What the client learned from an answer's ``Date``: ``offset_s`` = platform
        time - local time. Kept for the next accepts (recorded with each submission)
        and as the latest platform time seen, which retention counts on."""
        local_now = aware(local_now or utcnow())
        platform_now = local_now + timedelta(seconds=offset_s)
        with self._write() as db:
            kv_put(db, "clock_offset_s", f"{offset_s:.3f}", local_now)
            db.execute(
                "INSERT INTO kv (key, value, updated_at) VALUES ('platform_time_high', ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value),"
                " updated_at = excluded.updated_at",
                [to_db_time(platform_now), to_db_time(local_now)],
            )

    def clock_offset(self) -> float | None:
        """Platform time - local time as last learned (seconds), None if never."""
        value = self.kv_get("clock_offset_s")
        return float(value) if value is not None else None

    def status_cursor(self) -> str | None:
        return self.kv_get("status_cursor")

    def set_status_cursor(self, cursor: str | None) -> None:
        self.kv_set("status_cursor", cursor)

    def apply_status_events(
        self,
        events: Iterable[StatusEventLike],
        *,
        cursor: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """Record platform status events and update ``platform_status``.

        Idempotent: an event id seen before is ignored. When ``cursor`` is given it
        is stored in the same transaction, so a crash can't apply events twice or
        skip them. Returns the number of new events.
        """
        now = now or utcnow()
        new = 0
        with self._write() as db:
            for ev in events:
                payload = event_payload(ev)
                platform_id = _platform_id(ev.event_id)
                event_id = (
                    str(ev.event_id or "")
                    or hashlib.sha256(canonical_text(payload).encode("utf-8")).hexdigest()
                )
                # the unique index on platform_id refuses a replayed platform event
                # even if an older row stored its id in another spelling
                cur = db.execute(
                    "INSERT INTO status_events"
                    " (event_id, platform_id, uuid, status, payload, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [
                        event_id,
                        platform_id,
                        ev.uuid,
                        ev.status,
                        canonical_text(payload),
                        to_db_time(now),
                    ],
                )
                if cur.rowcount == 0:
                    continue
                new += 1
                at = event_time(ev) or now
                case_no = getattr(ev, "case_no", None) or None
                db.execute(
                    "UPDATE submissions SET platform_status = ?, platform_status_at = ?,"
                    " case_no = COALESCE(case_no, ?)"
                    " WHERE uuid = ? AND (platform_status_at IS NULL OR platform_status_at <= ?)",
                    [ev.status, to_db_time(at), case_no, ev.uuid, to_db_time(at)],
                )
            if cursor is not None:
                kv_put(db, "status_cursor", cursor, now)
        return new

    def apply_status_event(self, event: StatusEventLike) -> bool:
        """One event (docs/interfaces.md name); True when it was new."""
        return self.apply_status_events([event]) == 1

    def status_history(self, uuid: str) -> list[dict[str, Any]]:
        return [
            json.loads(r["payload"])
            for r in self._db().query(
                "SELECT payload FROM status_events WHERE uuid = ? ORDER BY rowid", [uuid]
            )
        ]


def _platform_id(event_id: int | str | None) -> int | None:
    if isinstance(event_id, bool):
        return None
    if isinstance(event_id, int):
        return event_id
    if isinstance(event_id, str) and event_id.isdigit() and len(event_id) <= 18:
        return int(event_id)
    return None


def event_payload(ev: object) -> dict[str, Any]:
    if dataclasses.is_dataclass(ev) and not isinstance(ev, type):
        raw = dataclasses.asdict(ev)
    else:
        raw = {
            k: getattr(ev, k)
            for k in ("event_id", "uuid", "case_no", "status", "note", "missing_materials", "at")
            if hasattr(ev, k)
        }
    if raw.get("event_id") is None:
        raw.pop("event_id", None)  # the content hash of an id-less event stays as before P1
    return {
        k: (
            v.isoformat()
            if isinstance(v, datetime | date)
            else list(v)
            if isinstance(v, tuple)
            else v
        )
        for k, v in raw.items()
    }


def event_time(ev: object) -> datetime | None:
    for name in ("at", "occurred_at", "timestamp"):
        v = getattr(ev, name, None)
        if isinstance(v, datetime):
            return aware(v)
        if isinstance(v, str):
            with contextlib.suppress(ValueError):
                return aware(datetime.fromisoformat(v.replace("Z", "+00:00")))
    return None
