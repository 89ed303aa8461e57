"""Stations, enrollment codes and request nonces."""

from __future__ import annotations

import hashlib
import logging
import secrets
import sqlite3
from dataclasses import dataclass

from reference_platform.storage.db import Database, iso_utc
from wire.enrollment import normalize_code

log = logging.getLogger(__name__)


class EnrollmentRefused(Exception):
    """The code is unknown, used or expired (deliberately not told apart)."""


class StationCodeTaken(Exception):
    """Another enrolled station already has this station code."""


@dataclass(frozen=True)
class Station:
    station_id: str
    station_code: str
    secret: str


def code_hash(code: str) -> str:
    return hashlib.sha256(b"yiwang-enroll:" + normalize_code(code).encode("utf-8")).hexdigest()


class Stations:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- enrollment codes ----------------------------------------------------------------

    def add_codes(
        self, codes: list[str], now: float, ttl_seconds: float, replaces: str | None = None
    ) -> None:
        """Store codes by hash only; an existing code keeps its first expiry."""
        with self.db.tx() as conn:
            for code in codes:
                conn.execute(
                    "INSERT OR IGNORE INTO enrollment_codes(code_hash, created_at, expires_at,"
                    " replaces) VALUES (?, ?, ?, ?)",
                    [code_hash(code), iso_utc(now), now + ttl_seconds, replaces],
                )

    def enroll(self, code: str, station_code: str, role: str, now: float) -> Station:
        """Use a code: a new station with a fresh id and secret.

        Raises EnrollmentRefused (unknown, used or expired code) or StationCodeTaken (the
        code is good but another station holds ``station_code``; the code stays unused).
        A code issued to replace ``station_code`` revokes the station that holds it.
        """
        digest = code_hash(code)
        with self.db.tx() as conn:
            row = conn.execute(
                "SELECT used_by, expires_at, replaces FROM enrollment_codes"
                " WHERE code_hash = ?", [digest],
            ).fetchone()
            if row is None or row[0] is not None or row[1] <= now:
                raise EnrollmentRefused()
            replaces = row[2]
            if replaces is not None and replaces.lower() != station_code.lower():
                raise EnrollmentRefused()
            holder = conn.execute(
                "SELECT station_id FROM stations WHERE station_code = ? COLLATE NOCASE"
                " AND revoked_at IS NULL", [station_code],
            ).fetchone()
            if holder is not None:
                if replaces is None:
                    raise StationCodeTaken(station_code)
                conn.execute("UPDATE stations SET revoked_at = ? WHERE station_id = ?",
                             [iso_utc(now), holder[0]])
                conn.execute("DELETE FROM nonces WHERE station_id = ?", [holder[0]])
                log.info("station %s (%s) revoked: replaced", holder[0], station_code)
            station = Station("st-" + secrets.token_hex(8), station_code, secrets.token_hex(32))
            try:
                conn.execute(
                    "INSERT INTO stations(station_id, station_code, role, secret, enrolled_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [station.station_id, station_code, role, station.secret, iso_utc(now)],
                )
            except sqlite3.IntegrityError:
                raise StationCodeTaken(station_code) from None
            conn.execute(
                "UPDATE enrollment_codes SET used_by = ?, used_at = ? WHERE code_hash = ?",
                [station.station_id, iso_utc(now), digest],
            )
        log.info("enrolled station %s (%s, %s)", station.station_id, station_code, role)
        return station

    # -- stations ------------------------------------------------------------------------

    def active(self, station_id: str) -> Station | None:
        """The enrolled, not revoked station with this id."""
        row = self.db.one(
            "SELECT station_id, station_code, secret FROM stations"
            " WHERE station_id = ? AND revoked_at IS NULL", [station_id],
        )
        return None if row is None else Station(**row)

    def secrets_for_code(self, station_code: str) -> list[str]:
        """Secrets of every station (revoked too) that ever held this code: a receipt
        printed before a replacement stays genuine."""
        rows = self.db.all(
            "SELECT secret FROM stations WHERE station_code = ? ORDER BY enrolled_at DESC",
            [station_code],
        )
        return [str(r["secret"]) for r in rows]

    def ever_enrolled(self, station_code: str) -> bool:
        """A station (revoked too) has enrolled under this code, letter case ignored."""
        row = self.db.one(
            "SELECT 1 AS found FROM stations WHERE station_code = ? COLLATE NOCASE LIMIT 1",
            [station_code],
        )
        return row is not None

    def secret_of(self, station_id: str) -> str | None:
        row = self.db.one("SELECT secret FROM stations WHERE station_id = ?", [station_id])
        return None if row is None else str(row["secret"])

    def heartbeat(self, station_id: str, info_json: str, now: float) -> None:
        with self.db.tx() as conn:
            conn.execute(
                "UPDATE stations SET last_heartbeat_at = ?, last_heartbeat = ?"
                " WHERE station_id = ?", [iso_utc(now), info_json, station_id],
            )

    def listing(self) -> list[dict[str, object]]:
        return self.db.all(
            "SELECT station_id, station_code, role, enrolled_at, revoked_at, last_heartbeat_at,"
            " last_heartbeat FROM stations ORDER BY enrolled_at, station_id"
        )

    # -- nonces --------------------------------------------------------------------------

    def nonce_seen(self, station_id: str, nonce: str) -> bool:
        return self.db.one(
            "SELECT 1 AS x FROM nonces WHERE station_id = ? AND nonce = ?", [station_id, nonce]
        ) is not None

    def record_nonce(self, station_id: str, nonce: str, ts: int, prune_before: int) -> bool:
        """Remember a nonce; False when it was already used (a replay)."""
        with self.db.tx() as conn:
            conn.execute("DELETE FROM nonces WHERE ts < ?", [prune_before])
            cur = conn.execute(
                "INSERT OR IGNORE INTO nonces(station_id, nonce, ts) VALUES (?, ?, ?)",
                [station_id, nonce, ts],
            )
            return cur.rowcount == 1
