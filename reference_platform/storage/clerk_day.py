"""What the platform keeps of the clerk's day: each station's audit entries (P7) and
the clerks of each station code (P8). Its tables are created on first use, so the
rest of the schema does not change for them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reference_platform.storage.db import Database, iso_utc
from wire.clerk_day import GENESIS_HASH, AuditEntry, DirectoryClerk, audit_entry_hash

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_entries (
    station_id TEXT NOT NULL,
    id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (station_id, id)
);
CREATE TABLE IF NOT EXISTS station_clerks (
    station_code TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    clerks TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


class AuditRefused(Exception):
    """The batch does not continue the chain the platform holds (nothing stored)."""

    def __init__(self, code: str, detail: dict[str, Any]) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class AuditHigh:
    high: int
    hash: str
    stored: int


class ClerkDayStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        with db.lock:
            db.conn.executescript(_SCHEMA)

    # -- P7 -----------------------------------------------------------------------------

    def high(self, station_id: str) -> tuple[int, str]:
        row = self.db.one("SELECT id, hash FROM audit_entries WHERE station_id = ?"
                          " ORDER BY id DESC LIMIT 1", [station_id])
        return (int(row["id"]), str(row["hash"])) if row else (0, GENESIS_HASH)

    def append(self, station_id: str, entries: Sequence[AuditEntry], now: float) -> AuditHigh:
        """Store the entries that continue this station's chain, all or none. Entries the
        platform holds already are a replay when their hash and mac are the same."""
        with self.db.tx() as conn:
            row = conn.execute("SELECT id, hash FROM audit_entries WHERE station_id = ?"
                               " ORDER BY id DESC LIMIT 1", [station_id]).fetchone()
            high, last_hash = (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)
            previous_id = 0
            stored = 0
            for e in entries:
                if e.id <= previous_id:
                    raise AuditRefused("invalid_audit", {"id": e.id, "reason": "not in id order"})
                previous_id = e.id
                if audit_entry_hash(e.prev_hash, e.chained()) != e.hash:
                    raise AuditRefused("audit_hash_mismatch", {"id": e.id})
                if e.id <= high:
                    held = conn.execute("SELECT hash, mac FROM audit_entries WHERE station_id"
                                        " = ? AND id = ?", [station_id, e.id]).fetchone()
                    # a replay is the same entry: same hash AND same signature; another
                    # mac is another signer (or a forgery), never silently dropped
                    if held is None or (str(held[0]), str(held[1])) != (e.hash, e.mac):
                        raise AuditRefused("audit_conflict", {"id": e.id})
                    continue
                if e.prev_hash != last_hash:
                    raise AuditRefused("audit_gap", {"id": e.id, "high": high,
                                                     "hash": last_hash})
                conn.execute(
                    "INSERT INTO audit_entries (station_id, id, at, actor, action, subject,"
                    " detail, prev_hash, hash, mac, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [station_id, e.id, e.at, e.actor, e.action, e.subject, e.detail,
                     e.prev_hash, e.hash, e.mac, iso_utc(now)],
                )
                high, last_hash = e.id, e.hash
                stored += 1
        return AuditHigh(high, last_hash, stored)

    def entries(self, station_id: str, *, after: int = 0, limit: int = 500
                ) -> list[dict[str, Any]]:
        return self.db.all("SELECT * FROM audit_entries WHERE station_id = ? AND id > ?"
                           " ORDER BY id LIMIT ?", [station_id, after, limit])

    # -- P8 -----------------------------------------------------------------------------

    def set_clerks(self, station_code: str, clerks: Sequence[DirectoryClerk], now: float
                   ) -> int:
        """Replace the clerks of a station code; returns the directory's new version."""
        text = json.dumps([c.model_dump() for c in clerks], ensure_ascii=False,
                          sort_keys=True)
        key = station_code.upper()
        with self.db.tx() as conn:
            row = conn.execute("SELECT version FROM station_clerks WHERE station_code = ?",
                               [key]).fetchone()
            version = (int(row[0]) if row else 0) + 1
            conn.execute(
                "INSERT INTO station_clerks (station_code, version, clerks, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (station_code) DO UPDATE SET"
                " version = excluded.version, clerks = excluded.clerks,"
                " updated_at = excluded.updated_at",
                [key, version, text, iso_utc(now)],
            )
        return version

    def clerks(self, station_code: str) -> tuple[int, list[dict[str, Any]]]:
        row = self.db.one("SELECT version, clerks FROM station_clerks WHERE station_code = ?",
                          [station_code.upper()])
        if row is None:
            return 0, []
        value = json.loads(str(row["clerks"]))
        return int(row["version"]), value if isinstance(value, list) else []
