"""The service catalog and evaluations (好差评)."""

from __future__ import annotations

import hashlib
from typing import Any

from reference_platform.storage.db import Database, iso_utc
from wire.canonical import canonical_json

EMPTY_CATALOG: dict[str, Any] = {"version": "0", "items": []}


class Catalog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def current(self) -> tuple[bytes, str] | None:
        row = self.db.one("SELECT body, etag FROM catalog WHERE id = 1")
        if row is None:
            return None
        return str(row["body"]).encode("utf-8"), str(row["etag"])

    def put(self, catalog: Any, now: float) -> str:
        body = canonical_json(catalog)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        with self.db.tx() as conn:
            conn.execute(
                "INSERT INTO catalog(id, etag, body, updated_at) VALUES (1, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET etag = excluded.etag, body = excluded.body,"
                " updated_at = excluded.updated_at",
                [etag, body.decode("utf-8"), iso_utc(now)],
            )
        return etag


class Evaluations:
    def __init__(self, db: Database) -> None:
        self.db = db

    def put(
        self, uuid: str, station_id: str, receipt_no: str, body_sha256: str, body: str,
        now: float,
    ) -> dict[str, Any]:
        """Record once; returns what is held for this uuid, else for this receipt."""
        with self.db.tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO evaluations(uuid, station_id, receipt_no, body_sha256,"
                " body, at) VALUES (?,?,?,?,?,?)",
                [uuid, station_id, receipt_no, body_sha256, body, iso_utc(now)],
            )
        row = self.db.one("SELECT * FROM evaluations WHERE uuid = ?", [uuid])
        if row is None:
            row = self.db.one("SELECT * FROM evaluations WHERE receipt_no = ?", [receipt_no])
        assert row is not None
        return row

    def listing(self) -> list[dict[str, Any]]:
        return self.db.all(
            "SELECT uuid, station_id, receipt_no, at FROM evaluations ORDER BY at, uuid"
        )
