"""The platform database: one SQLite connection (WAL) behind a lock, and its schema.

Every file the platform writes is private to its user: directories 0700, files 0600.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CHINA_TZ = timezone(timedelta(hours=8), "CST")
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stations (
    station_id TEXT PRIMARY KEY,
    station_code TEXT NOT NULL,
    role TEXT NOT NULL,
    secret TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    last_heartbeat_at TEXT,
    last_heartbeat TEXT
);
-- one enrolled (not revoked) station per code, whatever the letter case
CREATE UNIQUE INDEX IF NOT EXISTS stations_active_code
    ON stations(station_code COLLATE NOCASE) WHERE revoked_at IS NULL;
CREATE TABLE IF NOT EXISTS enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at REAL NOT NULL,
    replaces TEXT,
    used_by TEXT,
    used_at TEXT
);
CREATE TABLE IF NOT EXISTS nonces (
    station_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    ts INTEGER NOT NULL,
    PRIMARY KEY (station_id, nonce)
);
CREATE TABLE IF NOT EXISTS partial_blobs (
    station_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    length INTEGER NOT NULL,
    started_at REAL NOT NULL,
    PRIMARY KEY (station_id, sha256)
);
CREATE TABLE IF NOT EXISTS blob_owners (
    sha256 TEXT NOT NULL,
    station_id TEXT NOT NULL,
    PRIMARY KEY (sha256, station_id)
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    station_id TEXT NOT NULL,
    station_code TEXT NOT NULL,
    receipt_no TEXT NOT NULL UNIQUE,
    receipt_day TEXT NOT NULL,
    receipt_seq INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    manifest TEXT NOT NULL,
    blobs TEXT NOT NULL,
    case_no TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_receipt_order
    ON submissions(station_code, receipt_day, receipt_seq);
CREATE INDEX IF NOT EXISTS submissions_by_code ON submissions(station_code, id);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id TEXT NOT NULL,
    uuid TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    case_no TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    missing_materials TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_station ON events(station_id, id);
CREATE TABLE IF NOT EXISTS evaluations (
    uuid TEXT PRIMARY KEY,
    station_id TEXT NOT NULL,
    receipt_no TEXT NOT NULL UNIQUE,
    body_sha256 TEXT NOT NULL,
    body TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS catalog (
    id INTEGER PRIMARY KEY,
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_counters (day TEXT PRIMARY KEY, seq INTEGER NOT NULL);
"""


def iso_utc(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def china_day(ts: float) -> str:
    return datetime.fromtimestamp(ts, CHINA_TZ).strftime("%Y%m%d")


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it 0700."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> None:
    """Make an existing file 0600 (SQLite creates its files with the umask)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, 0o600)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Database:
    """One connection guarded by a lock: usable from the event loop and worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        private_dir(path.parent)
        old_umask = os.umask(0o077)  # the -wal and -shm files too
        try:
            self.conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self.conn.execute("PRAGMA busy_timeout = 5000")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
        finally:
            os.umask(old_umask)
        for suffix in ("", "-wal", "-shm"):
            private_file(Path(str(path) + suffix))
        self.lock = threading.RLock()
        self._migrate()

    def _migrate(self) -> None:
        with self.lock:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path} has schema {version}; this platform knows "
                                   f"up to {SCHEMA_VERSION}")
            has_old = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'blobs' AND type = 'table'"
            ).fetchone()
            if version == 0 and has_old:
                raise RuntimeError(
                    f"{self.path} was written by an older reference platform; start a new one"
                )
            self.conn.executescript(_SCHEMA)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        with self.lock:
            cur = self.conn.execute(sql, list(params))
            row = cur.fetchone()
            if row is None:
                return None
            names = [d[0] for d in cur.description]
            return dict(zip(names, row, strict=True))

    def all(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self.lock:
            cur = self.conn.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        with self.lock:
            self.conn.close()
