"""Connections and transactions shared by every part of the store, plus the audit chain.

Concurrency: one SQLite connection per thread (created on first use); every
write takes the database write lock up front (``BEGIN IMMEDIATE``) so writers
serialise instead of failing on lock upgrades; ``busy_timeout`` lets the sync
engine run in another process against the same WAL database. Because each
thread has its own connection, a thread that only accepts (the clerk's accept
lane) never queues behind another thread's Python work, only behind the SQLite
write lock, which the other parts hold for a few milliseconds at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from sync.audit_signing import (
    AUDIT_KEY_FILE,
    GENESIS_HASH,
    AuditProblem,
    entry_mac,
    verify_entries,
)
from sync.blobs import BlobStore, StorageFullError, is_full_disk
from sync.crypto import KeyStore
from sync.store.records import StoreError, canonical_text, to_db_time, utcnow
from sync.store.schema import current_version

log = logging.getLogger("sync.store")

BUSY_TIMEOUT_MS = 15_000
_SQLITE_FULL = 13


def audit_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_text(dict(row))).encode("utf-8")).hexdigest()


def append_audit(
    db: Database,
    *,
    mac_key: bytes,
    actor: str,
    action: str,
    subject: str | None,
    detail: Mapping[str, Any] | None = None,
    now: datetime | None = None,
) -> str:
    """Append one hash-chained audit row, signed with ``mac_key``, inside the caller's
    write transaction."""
    prev = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = str(prev[0]) if prev else GENESIS_HASH
    row = {
        "at": to_db_time(now or utcnow()),
        "actor": actor,
        "action": action,
        "subject": subject,
        "detail": canonical_text(dict(detail or {})),
    }
    h = audit_hash(prev_hash, row)
    db.execute(
        "INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash, mac)"
        " VALUES (:at, :actor, :action, :subject, :detail, :prev_hash, :hash, :mac)",
        {**row, "prev_hash": prev_hash, "hash": h, "mac": entry_mac(mac_key, h)},
    )
    return h


def kv_put(db: Database, key: str, value: str, now: datetime) -> None:
    db.execute(
        "INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
        " updated_at = excluded.updated_at",
        [key, value, to_db_time(now)],
    )


class StoreCore:
    """What every part of the store shares: paths, keys, blobs and per-thread connections."""

    data_dir: Path
    db_path: Path
    tz: timezone
    keys: KeyStore
    blobs: BlobStore
    #: Test-only fault injection: called with a stage name inside write
    #: transactions (e.g. ``"accept:pages"``), so a test can stall or kill there.
    fault_hook: Callable[[str], None] | None

    def _init_connections(self) -> None:
        self._local = threading.local()
        #: every connection opened, with the thread that owns it
        self._conns: list[tuple[threading.Thread, Database]] = []
        self._conns_lock = threading.Lock()
        self._closed = False

    def _db(self) -> Database:
        if self._closed:
            raise StoreError("store is closed")
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(
                str(self.db_path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            db = Database(conn, execute_plugins=False)
            self._local.db = db
            with self._conns_lock:
                # Connections of threads that have ended are closed here, so short-lived
                # worker threads do not accumulate open file descriptors.
                alive = []
                for thread, other in self._conns:
                    if thread.is_alive():
                        alive.append((thread, other))
                    else:
                        with contextlib.suppress(sqlite3.Error):
                            other.close()
                self._conns = [*alive, (threading.current_thread(), db)]
        return db

    @contextlib.contextmanager
    def _write(self) -> Iterator[Database]:
        """One write transaction holding the write lock from the start."""
        db = self._db()
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
            db.conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            if getattr(e, "sqlite_errorcode", None) == _SQLITE_FULL or is_full_disk(e):
                if db.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        db.conn.execute("ROLLBACK")
                raise StorageFullError(f"database write failed, disk full: {e}") from e
            raise

    def _hook(self, stage: str) -> None:
        if self.fault_hook is not None:
            self.fault_hook(stage)

    def _append_audit(
        self,
        db: Database,
        *,
        actor: str,
        action: str,
        subject: str | None,
        detail: Mapping[str, Any] | None = None,
        now: datetime | None = None,
    ) -> str:
        return append_audit(
            db,
            mac_key=self._audit_key(),
            actor=actor,
            action=action,
            subject=subject,
            detail=detail,
            now=now,
        )

    def _audit_key(self) -> bytes:
        key: bytes | None = getattr(self, "_audit_key_cache", None)
        if key is None:
            key = self._audit_key_cache = self.keys.named_key(AUDIT_KEY_FILE)
        return key

    def schema_version(self) -> int:
        return current_version(self._db())

    def integrity_check(self) -> str:
        row = self._db().execute("PRAGMA integrity_check").fetchone()
        return str(row[0])

    def close(self) -> None:
        """Close every connection this store opened (from any thread)."""
        with self._conns_lock:
            conns, self._conns = self._conns, []
            self._closed = True
        for _thread, db in conns:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    # -- audit ----------------------------------------------------------------

    def audit(
        self,
        actor: str,
        action: str,
        subject: str | None = None,
        detail: Mapping[str, Any] | None = None,
        *,
        now: datetime | None = None,
    ) -> None:
        """Append an audit row (e.g. a clerk revealing an ID number). No personal data in it."""
        with self._write() as db:
            self._append_audit(
                db, actor=actor, action=action, subject=subject, detail=detail, now=now
            )

    def audit_rows(self) -> list[dict[str, Any]]:
        return list(self._db().query("SELECT * FROM audit_log ORDER BY id"))

    def verify_audit_chain(self) -> bool:
        """False if any entry was altered, removed, reordered or not signed by this station."""
        return self.verify_audit()[1] is None

    def verify_audit(self) -> tuple[int, AuditProblem | None]:
        """(entries checked, the first bad entry or None): chain hashes and signatures."""
        rows = self._db().query("SELECT * FROM audit_log ORDER BY id")
        checked, problem = verify_entries(rows, self._audit_key(), audit_hash)
        if problem is not None:
            log.error("audit log: %s", problem.describe())
        return checked, problem
