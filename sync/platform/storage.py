"""The reference platform's own storage: one SQLite database (WAL) plus blob files.

Layout next to the database file ``DB``::

    DB                      stations, codes, nonces, submissions, events, catalog ...
    blobs/complete/ab/<sha> verified blobs (content-addressed)
    blobs/partial/<sha>     uploads in progress; the file size is the upload offset
    blobs/tmp/              chunks being received (never appended before they verify)

All database access goes through one connection guarded by a lock, so the
store can be used from the event loop and from worker threads alike.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, BinaryIO

import sqlite_utils

from sync.crypto import fsync_dir
from sync.signing import canonical_json as canonical_json

log = logging.getLogger(__name__)

CHINA_TZ = timezone(timedelta(hours=8), "CST")
INITIAL_STATUS = "受理"
EMPTY_CATALOG: dict[str, Any] = {"version": "0", "items": []}


def iso_utc(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class EnrollmentRefused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "unknown" | "used"


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    complete: bool
    offset: int
    length: int | None


class PlatformStore:
    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.blob_root = self.db_path.parent / "blobs"
        self.complete_dir = self.blob_root / "complete"
        self.partial_dir = self.blob_root / "partial"
        self.tmp_dir = self.blob_root / "tmp"
        for d in (self.complete_dir, self.partial_dir, self.tmp_dir):
            d.mkdir(parents=True, exist_ok=True)
        for leftover in self.tmp_dir.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()
        self._lock = threading.RLock()
        self._blob_locks: dict[str, threading.Lock] = {}
        conn = sqlite3.connect(str(self.db_path), check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 5000")
        self.db = sqlite_utils.Database(conn)
        self.db.enable_wal()
        conn.execute("PRAGMA synchronous = FULL")
        self._migrate()

    # -- infrastructure -------------------------------------------------------------------

    def _migrate(self) -> None:
        db = self.db
        with self._lock:
            db.table("stations").create(
                {
                    "station_id": str,
                    "station_code": str,
                    "role": str,
                    "secret": str,
                    "enrolled_at": str,
                    "last_heartbeat_at": str,
                    "last_heartbeat": str,
                },
                pk="station_id",
                if_not_exists=True,
            )
            db.table("enrollment_codes").create(
                {"code": str, "used_by": str, "used_at": str}, pk="code", if_not_exists=True
            )
            db.table("nonces").create(
                {"station_id": str, "nonce": str, "ts": int},
                pk=("station_id", "nonce"),
                if_not_exists=True,
            )
            db.table("blobs").create(
                {"sha256": str, "length": int, "complete": int, "created_at": str},
                pk="sha256",
                if_not_exists=True,
            )
            db.table("submissions").create(
                {
                    "uuid": str,
                    "station_id": str,
                    "receipt_no": str,
                    "body_sha256": str,
                    "manifest": str,
                    "case_no": str,
                    "status": str,
                    "created_at": str,
                    "updated_at": str,
                },
                pk="uuid",
                if_not_exists=True,
            )
            db.table("events").create(
                {
                    "id": int,
                    "station_id": str,
                    "uuid": str,
                    "receipt_no": str,
                    "case_no": str,
                    "status": str,
                    "note": str,
                    "missing_materials": str,
                    "at": str,
                },
                pk="id",
                if_not_exists=True,
            )
            db.table("evaluations").create(
                {"uuid": str, "station_id": str, "body_sha256": str, "body": str, "at": str},
                pk="uuid",
                if_not_exists=True,
            )
            db.table("catalog").create(
                {"id": int, "etag": str, "body": str, "updated_at": str},
                pk="id",
                if_not_exists=True,
            )
            db.table("case_counters").create({"day": str, "seq": int}, pk="day", if_not_exists=True)
            db.execute("CREATE INDEX IF NOT EXISTS events_station ON events(station_id, id)")

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        with self._lock:
            cur = self.db.execute(sql, list(params))
            row = cur.fetchone()
            if row is None:
                return None
            names = [d[0] for d in cur.description]
            return dict(zip(names, row, strict=True))

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cur = self.db.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        with self._lock:
            self.db.conn.close()

    # -- stations -------------------------------------------------------------------------

    def add_enrollment_codes(self, codes: Iterable[str]) -> None:
        with self._tx() as conn:
            for code in codes:
                conn.execute("INSERT OR IGNORE INTO enrollment_codes(code) VALUES (?)", [code])

    def enroll(self, code: str, station_code: str, role: str, now: float) -> tuple[str, str]:
        with self._tx() as conn:
            row = conn.execute(
                "SELECT used_by FROM enrollment_codes WHERE code = ?", [code]
            ).fetchone()
            if row is None:
                raise EnrollmentRefused("unknown")
            if row[0] is not None:
                raise EnrollmentRefused("used")
            station_id = "st-" + secrets.token_hex(8)
            secret = secrets.token_hex(32)
            conn.execute(
                "INSERT INTO stations(station_id, station_code, role, secret, enrolled_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [station_id, station_code, role, secret, iso_utc(now)],
            )
            conn.execute(
                "UPDATE enrollment_codes SET used_by = ?, used_at = ? WHERE code = ?",
                [station_id, iso_utc(now), code],
            )
        log.info("enrolled station %s (%s, %s)", station_id, station_code, role)
        return station_id, secret

    def receipt_lookup(self, receipt_no: str) -> dict[str, Any] | None:
        """The submission with this receipt number, else its station by code prefix.

        Receipt numbers are `{station_code}-{YYYYMMDD}-{seq}`; a receipt printed
        while the station was offline is genuine before its submission arrives.
        """
        row = self._one(
            "SELECT s.receipt_no, s.case_no, s.status, s.updated_at, st.secret"
            " FROM submissions s JOIN stations st ON st.station_id = s.station_id"
            " WHERE s.receipt_no = ?",
            [receipt_no],
        )
        if row is not None:
            return row
        code = receipt_no.split("-", 1)[0]
        stations = self._all("SELECT secret FROM stations WHERE station_code = ?", [code])
        if not stations:
            return None
        return {
            "receipt_no": receipt_no,
            "case_no": None,
            "status": None,
            "updated_at": None,
            "secrets": [s["secret"] for s in stations],
        }

    def station_secret(self, station_id: str) -> str | None:
        row = self._one("SELECT secret FROM stations WHERE station_id = ?", [station_id])
        return None if row is None else str(row["secret"])

    def heartbeat(self, station_id: str, info: Any, now: float) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE stations SET last_heartbeat_at = ?, last_heartbeat = ?"
                " WHERE station_id = ?",
                [iso_utc(now), canonical_json(info).decode("utf-8"), station_id],
            )

    def stations(self) -> list[dict[str, Any]]:
        return self._all(
            "SELECT station_id, station_code, role, enrolled_at, last_heartbeat_at,"
            " last_heartbeat FROM stations ORDER BY enrolled_at"
        )

    # -- nonces ---------------------------------------------------------------------------

    def nonce_seen(self, station_id: str, nonce: str) -> bool:
        row = self._one(
            "SELECT 1 AS x FROM nonces WHERE station_id = ? AND nonce = ?", [station_id, nonce]
        )
        return row is not None

    def record_nonce(self, station_id: str, nonce: str, ts: int, prune_before: int) -> bool:
        """Remember a nonce; False when it was already used (a replay)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM nonces WHERE ts < ?", [prune_before])
            cur = conn.execute(
                "INSERT OR IGNORE INTO nonces(station_id, nonce, ts) VALUES (?, ?, ?)",
                [station_id, nonce, ts],
            )
            return cur.rowcount == 1

    # -- blobs ----------------------------------------------------------------------------

    def blob_lock(self, sha: str) -> threading.Lock:
        with self._lock:
            lock = self._blob_locks.get(sha)
            if lock is None:
                lock = self._blob_locks[sha] = threading.Lock()
            return lock

    def complete_path(self, sha: str) -> Path:
        return self.complete_dir / sha[:2] / sha

    def partial_path(self, sha: str) -> Path:
        return self.partial_dir / sha

    def new_tmp_path(self, sha: str) -> Path:
        return self.tmp_dir / f"{sha}.{secrets.token_hex(8)}"

    def blob_info(self, sha: str) -> BlobInfo | None:
        complete_file = self.complete_path(sha)
        if complete_file.exists():
            # Only verified content is ever renamed into complete/.
            size = complete_file.stat().st_size
            return BlobInfo(sha, True, size, size)
        row = self._one("SELECT length, complete FROM blobs WHERE sha256 = ?", [sha])
        if row is None:
            return None
        if row["complete"]:
            # The file went missing behind our back: forget the record.
            self._forget_blob(sha)
            return None
        partial = self.partial_path(sha)
        offset = partial.stat().st_size if partial.exists() else 0
        return BlobInfo(sha, False, offset, int(row["length"]))

    def blob_is_verified(self, sha: str) -> bool:
        info = self.blob_info(sha)
        return info is not None and info.complete

    def blob_present(self, sha: str) -> bool:
        return self.complete_path(sha).exists() or self.partial_path(sha).exists()

    def begin_blob(self, sha: str, length: int, now: float) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO blobs(sha256, length, complete, created_at)"
                " VALUES (?, ?, 0, ?)",
                [sha, length, iso_utc(now)],
            )
        self.partial_path(sha).touch(exist_ok=True)

    def _forget_blob(self, sha: str) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM blobs WHERE sha256 = ?", [sha])

    def discard_partial(self, sha: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.partial_path(sha).unlink()
        self._forget_blob(sha)

    def append_chunk(self, sha: str, chunk_path: Path) -> int:
        """Append a received chunk to the partial upload; returns the new offset."""
        partial = self.partial_path(sha)
        with open(partial, "ab") as out, open(chunk_path, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
            return out.tell()

    def finish_blob(self, sha: str) -> bool:
        """Verify a fully received upload; keep it on a match, discard it otherwise."""
        partial = self.partial_path(sha)
        digest = hashlib.sha256()
        with open(partial, "rb") as f:
            while block := f.read(1024 * 1024):
                digest.update(block)
        if digest.hexdigest() != sha:
            log.warning("blob %s failed verification; discarded", sha)
            self.discard_partial(sha)
            return False
        target = self.complete_path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
        with contextlib.suppress(OSError):
            fsync_dir(target.parent)
        with self._tx() as conn:
            conn.execute(
                "UPDATE blobs SET complete = 1, length = ? WHERE sha256 = ?",
                [target.stat().st_size, sha],
            )
        return True

    def open_blob(self, sha: str) -> BinaryIO:
        return open(self.complete_path(sha), "rb")

    # -- submissions ----------------------------------------------------------------------

    def submission(self, uuid: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM submissions WHERE uuid = ?", [uuid])

    def create_submission(
        self,
        *,
        uuid: str,
        station_id: str,
        receipt_no: str,
        body_sha256: str,
        manifest_json: str,
        now: float,
    ) -> dict[str, Any]:
        """Insert a submission with a fresh case number; returns the row.

        If the uuid appeared concurrently, the existing row is returned unchanged.
        """
        day = datetime.fromtimestamp(now, CHINA_TZ).strftime("%Y%m%d")
        with self._tx() as conn:
            existing = conn.execute("SELECT uuid FROM submissions WHERE uuid = ?", [uuid])
            if existing.fetchone() is None:
                conn.execute(
                    "INSERT INTO case_counters(day, seq) VALUES (?, 1)"
                    " ON CONFLICT(day) DO UPDATE SET seq = seq + 1",
                    [day],
                )
                seq = conn.execute("SELECT seq FROM case_counters WHERE day = ?", [day]).fetchone()[
                    0
                ]
                case_no = f"SW{day}{seq:06d}"
                conn.execute(
                    "INSERT INTO submissions(uuid, station_id, receipt_no, body_sha256, manifest,"
                    " case_no, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    [
                        uuid,
                        station_id,
                        receipt_no,
                        body_sha256,
                        manifest_json,
                        case_no,
                        INITIAL_STATUS,
                        iso_utc(now),
                        iso_utc(now),
                    ],
                )
                log.info("submission %s accepted as %s", uuid, case_no)
        row = self.submission(uuid)
        assert row is not None
        return row

    def submissions(self) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM submissions ORDER BY created_at, case_no")

    def add_status_event(
        self, uuid: str, status: str, note: str, missing: list[str], now: float
    ) -> dict[str, Any] | None:
        with self._tx() as conn:
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
                [
                    station_id,
                    uuid,
                    receipt_no,
                    case_no,
                    status,
                    note,
                    json.dumps(missing, ensure_ascii=False),
                    at,
                ],
            )
            conn.execute(
                "UPDATE submissions SET status = ?, updated_at = ? WHERE uuid = ?",
                [status, at, uuid],
            )
            event_id = cur.lastrowid
        return {
            "id": event_id,
            "uuid": uuid,
            "receipt_no": receipt_no,
            "case_no": case_no,
            "status": status,
            "note": note,
            "missing_materials": missing,
            "at": at,
        }

    def events_for(self, station_id: str, after: int, limit: int) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT id, uuid, receipt_no, case_no, status, note, missing_materials, at"
            " FROM events WHERE station_id = ? AND id > ? ORDER BY id LIMIT ?",
            [station_id, after, limit],
        )
        for row in rows:
            row["missing_materials"] = json.loads(row["missing_materials"])
        return rows

    # -- evaluations ----------------------------------------------------------------------

    def evaluation(self, uuid: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM evaluations WHERE uuid = ?", [uuid])

    def put_evaluation(
        self, uuid: str, station_id: str, body_sha256: str, body: str, now: float
    ) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO evaluations(uuid, station_id, body_sha256, body, at)"
                " VALUES (?,?,?,?,?)",
                [uuid, station_id, body_sha256, body, iso_utc(now)],
            )

    # -- catalog --------------------------------------------------------------------------

    def catalog(self) -> tuple[bytes, str] | None:
        row = self._one("SELECT body, etag FROM catalog WHERE id = 1")
        if row is None:
            return None
        return str(row["body"]).encode("utf-8"), str(row["etag"])

    def put_catalog(self, catalog: Any, now: float) -> str:
        body = canonical_json(catalog)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO catalog(id, etag, body, updated_at) VALUES (1, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET etag = excluded.etag, body = excluded.body,"
                " updated_at = excluded.updated_at",
                [etag, body.decode("utf-8"), iso_utc(now)],
            )
        return etag
