"""Clerk accounts as rows: what :mod:`station.clerks` keeps (PIN only as a hash)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.store.core import StoreCore
from sync.store.records import from_db_time, to_db_time, utcnow


@dataclass(frozen=True)
class ClerkRow:
    clerk_id: str
    name: str
    role: str
    pin_hash: str
    failures: int = 0
    locked_until: datetime | None = None
    disabled: bool = False
    must_change_pin: bool = False


def _row(r: dict[str, Any]) -> ClerkRow:
    return ClerkRow(
        clerk_id=str(r["clerk_id"]),
        name=str(r["name"]),
        role=str(r["role"]),
        pin_hash=str(r["pin_hash"]),
        failures=int(r["failures"]),
        locked_until=from_db_time(r["locked_until"]),
        disabled=bool(r["disabled"]),
        must_change_pin=bool(r["must_change_pin"]),
    )


class ClerksPart(StoreCore):
    def clerk_row(self, clerk_id: str) -> ClerkRow | None:
        rows = list(self._db().query("SELECT * FROM clerks WHERE clerk_id = ?", [clerk_id]))
        return _row(rows[0]) if rows else None

    def clerk_names(self) -> dict[str, str]:
        """Every clerk's display name by id (papers and screens name the clerk)."""
        return {
            str(r["clerk_id"]): str(r["name"])
            for r in self._db().query("SELECT clerk_id, name FROM clerks")
        }

    def clerk_rows(self) -> list[ClerkRow]:
        return [_row(r) for r in self._db().query("SELECT * FROM clerks ORDER BY clerk_id")]

    def put_clerk_row(self, row: ClerkRow, *, now: datetime | None = None) -> None:
        at = to_db_time(now or utcnow())
        with self._write() as db:
            db.execute(
                "INSERT INTO clerks (clerk_id, name, role, pin_hash, failures, locked_until,"
                " disabled, must_change_pin, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (clerk_id) DO UPDATE SET name = excluded.name,"
                " role = excluded.role, pin_hash = excluded.pin_hash,"
                " failures = excluded.failures, locked_until = excluded.locked_until,"
                " disabled = excluded.disabled, must_change_pin = excluded.must_change_pin,"
                " updated_at = excluded.updated_at",
                [
                    row.clerk_id,
                    row.name,
                    row.role,
                    row.pin_hash,
                    row.failures,
                    to_db_time(row.locked_until) if row.locked_until else None,
                    int(row.disabled),
                    int(row.must_change_pin),
                    at,
                    at,
                ],
            )
