"""Supplements (P5) and case outcomes (P6: refusals, handovers), bodies sealed at rest.

Its tables are created here (``CREATE TABLE IF NOT EXISTS``) so the base schema of
storage/db.py stays as it was: a platform database from before P5 simply gains them.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from reference_platform.storage.db import Database, iso_utc
from reference_platform.storage.sealing import Sealer

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS supplements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    station_id TEXT NOT NULL,
    submission_uuid TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    body TEXT NOT NULL,
    blobs TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS supplements_submission ON supplements(submission_uuid, id);
CREATE TABLE IF NOT EXISTS outcomes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    station_id TEXT NOT NULL,
    submission_uuid TEXT,
    reference TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL
);
-- one handover per case; one refusal per notice number
CREATE UNIQUE INDEX IF NOT EXISTS outcomes_one_per_ref ON outcomes(kind, reference);
"""

HANDED_OVER = "已领取"


class OutcomeExists(Exception):
    """Another uuid already holds this kind of outcome for the same case or notice."""


@dataclass(frozen=True)
class NewOutcome:
    uuid: str
    kind: str
    station_id: str
    submission_uuid: str | None
    reference: str  # the receipt number (handover) or the notice number (refusal)
    body_sha256: str
    body_json: str


class Outcomes:
    def __init__(self, db: Database, sealer: Sealer) -> None:
        self.db = db
        self.sealer = sealer
        with db.lock:
            db.conn.executescript(_SCHEMA)

    # -- supplements -------------------------------------------------------------------

    def supplement(self, uuid: str) -> dict[str, Any] | None:
        return self.db.one("SELECT * FROM supplements WHERE uuid = ?", [uuid])

    def add_supplement(
        self, uuid: str, station_id: str, submission_uuid: str, body_sha256: str,
        body_json: str, blobs: list[str], now: float,
    ) -> dict[str, Any]:
        """Record once; returns the row held for ``uuid`` (the first one on a race)."""
        with self.db.tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO supplements(uuid, station_id, submission_uuid,"
                " body_sha256, body, blobs, received_at) VALUES (?,?,?,?,?,?,?)",
                [uuid, station_id, submission_uuid, body_sha256,
                 self.sealer.seal(body_json, uuid), json.dumps(blobs), iso_utc(now)],
            )
        row = self.supplement(uuid)
        assert row is not None
        return row

    def supplements_of(self, submission_uuid: str) -> list[dict[str, Any]]:
        return self.db.all(
            "SELECT uuid, station_id, submission_uuid, blobs, received_at FROM supplements"
            " WHERE submission_uuid = ? ORDER BY id", [submission_uuid],
        )

    def supplement_listing(self) -> list[dict[str, Any]]:
        return self.db.all(
            "SELECT uuid, station_id, submission_uuid, blobs, received_at FROM supplements"
            " ORDER BY id"
        )

    # -- outcomes ------------------------------------------------------------------------

    def outcome(self, uuid: str) -> dict[str, Any] | None:
        return self.db.one("SELECT * FROM outcomes WHERE uuid = ?", [uuid])

    def add_outcome(self, new: NewOutcome, now: float) -> dict[str, Any]:
        """Record once. Raises OutcomeExists when another uuid holds the same reference;
        a handover also sets the case's status to 已领取 (no event: the station knows)."""
        with self.db.tx() as conn:
            if conn.execute("SELECT 1 FROM outcomes WHERE uuid = ?", [new.uuid]).fetchone():
                pass
            else:
                try:
                    conn.execute(
                        "INSERT INTO outcomes(uuid, kind, station_id, submission_uuid,"
                        " reference, body_sha256, body, received_at) VALUES (?,?,?,?,?,?,?,?)",
                        [new.uuid, new.kind, new.station_id, new.submission_uuid,
                         new.reference, new.body_sha256,
                         self.sealer.seal(new.body_json, new.uuid), iso_utc(now)],
                    )
                except sqlite3.IntegrityError:
                    raise OutcomeExists(new.reference) from None
                if new.kind == "handover" and new.submission_uuid:
                    conn.execute(
                        "UPDATE submissions SET status = ?, updated_at = ? WHERE uuid = ?",
                        [HANDED_OVER, iso_utc(now), new.submission_uuid],
                    )
                log.info("%s %s recorded for %s", new.kind, new.uuid, new.reference)
        row = self.outcome(new.uuid)
        assert row is not None
        return row

    def handed_over(self, receipt_no: str) -> bool:
        return self.db.one("SELECT 1 AS x FROM outcomes WHERE kind = 'handover' AND reference = ?",
                           [receipt_no]) is not None

    def outcome_listing(self) -> list[dict[str, Any]]:
        return self.db.all(
            "SELECT uuid, kind, station_id, submission_uuid, reference, received_at"
            " FROM outcomes ORDER BY id"
        )

    def opened(self, row: dict[str, Any]) -> Any:
        """The stored body, opened (raises SealError, ValueError)."""
        return json.loads(self.sealer.open(str(row["body"]), str(row["uuid"])))
