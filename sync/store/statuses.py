"""What the platform says about our submissions (status events, their cursor) and the
small key/value settings (catalog ETag...)."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime
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
                event_id = (
                    str(getattr(ev, "event_id", "") or "")
                    or hashlib.sha256(canonical_text(payload).encode("utf-8")).hexdigest()
                )
                cur = db.execute(
                    "INSERT INTO status_events (event_id, uuid, status, payload, received_at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    [event_id, ev.uuid, ev.status, canonical_text(payload), to_db_time(now)],
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


def event_payload(ev: object) -> dict[str, Any]:
    if dataclasses.is_dataclass(ev) and not isinstance(ev, type):
        raw = dataclasses.asdict(ev)
    else:
        raw = {
            k: getattr(ev, k)
            for k in ("event_id", "uuid", "case_no", "status", "note", "missing_materials", "at")
            if hasattr(ev, k)
        }
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
