"""Submissions (manifests sealed at rest), their status events and case numbers."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from reference_platform.storage.db import Database, china_day, iso_utc
from reference_platform.storage.sealing import Sealer
from wire.receipts import RECEIPT_RE

log = logging.getLogger(__name__)

INITIAL_STATUS = "受理"


class ReceiptTaken(Exception):
    """Another submission already holds this receipt number."""


@dataclass(frozen=True)
class NewSubmission:
    uuid: str
    station_id: str
    receipt_no: str
    body_sha256: str
    manifest_json: str
    blob_hashes: list[str]


class Submissions:
    def __init__(self, db: Database, sealer: Sealer) -> None:
        self.db = db
        self.sealer = sealer

    def get(self, uuid: str) -> dict[str, Any] | None:
        return self.db.one("SELECT * FROM submissions WHERE uuid = ?", [uuid])

    def by_receipt(self, receipt_no: str) -> dict[str, Any] | None:
        return self.db.one("SELECT * FROM submissions WHERE receipt_no = ?", [receipt_no])

    def manifest(self, row: dict[str, Any]) -> Any:
        """The stored manifest, opened (raises SealError, ValueError)."""
        return json.loads(self.sealer.open(str(row["manifest"]), str(row["uuid"])))

    def create(self, new: NewSubmission, now: float) -> dict[str, Any]:
        """Insert with a fresh case number; returns the row (the existing one when the uuid
        arrived concurrently). Raises ReceiptTaken when another uuid holds the number."""
        match = RECEIPT_RE.fullmatch(new.receipt_no)
        if match is None:
            raise ValueError("malformed receipt number")
        code, day_text, seq_text = match.groups()
        day = china_day(now)
        with self.db.tx() as conn:
            if conn.execute("SELECT 1 FROM submissions WHERE uuid = ?", [new.uuid]).fetchone():
                pass
            elif conn.execute(
                "SELECT 1 FROM submissions WHERE receipt_no = ?", [new.receipt_no]
            ).fetchone():
                raise ReceiptTaken(new.receipt_no)
            else:
                conn.execute(
                    "INSERT INTO case_counters(day, seq) VALUES (?, 1)"
                    " ON CONFLICT(day) DO UPDATE SET seq = seq + 1", [day],
                )
                seq = conn.execute("SELECT seq FROM case_counters WHERE day = ?",
                                   [day]).fetchone()[0]
                case_no = f"SW{day}{seq:06d}"
                conn.execute(
                    "INSERT INTO submissions(uuid, station_id, station_code, receipt_no,"
                    " receipt_day, receipt_seq, body_sha256, manifest, blobs, case_no, status,"
                    " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [new.uuid, new.station_id, code, new.receipt_no, day_text, int(seq_text),
                     new.body_sha256, self.sealer.seal(new.manifest_json, new.uuid),
                     json.dumps(new.blob_hashes), case_no, INITIAL_STATUS, iso_utc(now),
                     iso_utc(now)],
                )
                log.info("submission %s accepted as %s", new.uuid, case_no)
        row = self.get(new.uuid)
        assert row is not None
        return row

    def listing(self) -> list[dict[str, Any]]:
        return self.db.all("SELECT * FROM submissions ORDER BY id")

    def for_station_code(self, station_code: str, after: int, limit: int) -> list[dict[str, Any]]:
        """Submissions whose receipt numbers carry this station code, after cursor ``after``."""
        return self.db.all(
            "SELECT * FROM submissions WHERE station_code = ? AND id > ? ORDER BY id LIMIT ?",
            [station_code, after, limit],
        )

    def receipt_high(self, station_code: str) -> str | None:
        """The highest receipt number held for a station code (by day, then sequence)."""
        row = self.db.one(
            "SELECT receipt_no FROM submissions WHERE station_code = ?"
            " ORDER BY receipt_day DESC, receipt_seq DESC LIMIT 1", [station_code],
        )
        return None if row is None else str(row["receipt_no"])

    # -- status events -------------------------------------------------------------------

    def add_event(
        self, uuid: str, status: str, note: str, missing: list[str], now: float
    ) -> dict[str, Any] | None:
        with self.db.tx() as conn:
            row = conn.execute(
                "SELECT station_id, receipt_no, case_no FROM submissions WHERE uuid = ?", [uuid]
            ).fetchone()
            if row is None:
                return None
            station_id, receipt_no, case_no = row
            at = iso_utc(now)
            cur = conn.execute(
                "INSERT INTO events(station_id, uuid, receipt_no, case_no, status, note,"
                " missing_materials, at) VALUES (?,?,?,?,?,?,?,?)",
                [station_id, uuid, receipt_no, case_no, status, note,
                 json.dumps(missing, ensure_ascii=False), at],
            )
            conn.execute("UPDATE submissions SET status = ?, updated_at = ? WHERE uuid = ?",
                         [status, at, uuid])
            event_id = cur.lastrowid
        return {
            "id": event_id, "uuid": uuid, "receipt_no": receipt_no, "case_no": case_no,
            "status": status, "note": note, "missing_materials": missing, "at": at,
        }

    def events_for(self, station_id: str, after: int, limit: int) -> list[dict[str, Any]]:
        rows = self.db.all(
            "SELECT id, uuid, receipt_no, case_no, status, note, missing_materials, at"
            " FROM events WHERE station_id = ? AND id > ? ORDER BY id LIMIT ?",
            [station_id, after, limit],
        )
        for row in rows:
            row["missing_materials"] = json.loads(row["missing_materials"])
        return rows
