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
import errno
import hashlib
import logging
import os
import sqlite3
import threading
import time
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
from sync.crypto import KeyStore, StorageError
from sync.store.backup import BackupScheduler
from sync.store.highwater import ReceiptHighWater
from sync.store.records import (
    DatabaseLocked,
    DataDirUnusable,
    StoreError,
    canonical_text,
    to_db_time,
    utcnow,
)
from sync.store.schema import current_version
from wire.plain_text import plain

log = logging.getLogger("sync.store")

BUSY_TIMEOUT_MS = 15_000
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14


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
        # plain single-line text (a typed clerk id may hold anything): the platform
        # refuses an actor with control or invisible characters, and the chain is final
        "actor": plain(actor, multiline=False)[:64] or "?",
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


class WriteGate:
    """Lets the accept go first within this process: while an accept waits for or holds
    the write lock, housekeeping and delivery bookkeeping do not start another
    transaction. (SQLite's lock has no fairness: a loop of short transactions could
    otherwise win it again and again while the accept's busy handler sleeps.)"""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._urgent = 0

    @contextlib.contextmanager
    def urgent(self) -> Iterator[None]:
        with self._cond:
            self._urgent += 1
            self._cond.notify_all()
        try:
            yield
        finally:
            with self._cond:
                self._urgent -= 1
                self._cond.notify_all()

    def wait_clear(self, timeout: float = 30.0) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self._urgent == 0, timeout)

    def wait_urgent(self, timeout: float) -> bool:
        """True once an accept is waiting or running (for tests and diagnostics)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._urgent > 0, timeout)


_gates: dict[Path, WriteGate] = {}
_gates_lock = threading.Lock()


def gate_for(db_path: Path) -> WriteGate:
    """One gate per database file, shared by every Store on it in this process."""
    key = db_path.resolve()
    with _gates_lock:
        return _gates.setdefault(key, WriteGate())


def data_dir_missing(data_dir: Path) -> bool:
    """No directory there. One we may not even look at (a folder above it is closed to
    us: ``Path.is_dir`` raises PermissionError) is not missing but unusable, which
    :func:`require_usable_dir` reports."""
    try:
        return not data_dir.is_dir()
    except PermissionError:
        return False


def require_usable_dir(data_dir: Path) -> None:
    """An existing data directory this process cannot read and write is a storage
    problem, reported as such before anything tries to read the configuration in it."""
    if not data_dir_missing(data_dir) and not os.access(data_dir, os.R_OK | os.W_OK | os.X_OK):
        raise DataDirUnusable(f"data directory {data_dir} is not readable and writable by us")


def os_storage_error(e: OSError, path: Path) -> StorageError:
    """A file-system failure as the store's error: full disk, or an unusable directory."""
    if e.errno == errno.ENOSPC or e.errno == errno.EDQUOT:
        return StorageFullError(f"cannot write {path}: disk full")
    return DataDirUnusable(f"cannot use {path}: {e.strerror or e}")


class StoreCore:
    """What every part of the store shares: paths, keys, blobs and per-thread connections."""

    data_dir: Path
    db_path: Path
    tz: timezone
    keys: KeyStore
    blobs: BlobStore
    highwater: ReceiptHighWater
    #: Test-only fault injection: called with a stage name inside write
    #: transactions (e.g. ``"accept:pages"``), so a test can stall or kill there.
    fault_hook: Callable[[str], None] | None
    busy_timeout_ms: int = BUSY_TIMEOUT_MS
    #: rolling backups, told about every accept (set by whoever runs them)
    backups: BackupScheduler | None = None

    def _init_connections(self) -> None:
        self._gate = gate_for(self.db_path)
        self._local = threading.local()
        #: every connection opened, with the thread that owns it
        self._conns: list[tuple[threading.Thread, Database]] = []
        self._conns_lock = threading.Lock()
        self._closed = False

    def _db(self) -> Database:
        if self._closed:
            self._close_own_connection()
            raise StoreError("store is closed")
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            try:
                conn = sqlite3.connect(
                    str(self.db_path), timeout=self.busy_timeout_ms / 1000, check_same_thread=False
                )
                conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA wal_autocheckpoint = 0")
            except sqlite3.Error as e:
                mapped = self._storage_error(e)
                if mapped is e:
                    raise
                raise mapped from e
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
            if db.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.conn.execute("ROLLBACK")
            mapped = self._storage_error(e)
            if mapped is e:
                raise
            raise mapped from e

    def _storage_error(self, e: sqlite3.Error) -> Exception:
        """The store's own error for what SQLite said, so callers show one clear line."""
        code = getattr(e, "sqlite_errorcode", None)
        text = str(e)
        if code == _SQLITE_FULL or is_full_disk(e):
            return StorageFullError(f"database write failed, disk full: {e}")
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
            return DatabaseLocked(f"{self.db_path} is locked by another program: {e}")
        if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM) or "readonly" in text:
            return DataDirUnusable(f"cannot write {self.db_path}: {e}")
        return e

    def _yield_to_accept(self, pause: float = 0.0) -> None:
        """Between two housekeeping transactions: let a waiting accept go first (this
        process), and pause so another process's waiting writer can take the lock."""
        self._gate.wait_clear()
        if pause:
            time.sleep(pause)

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
        """Close the connections of this thread and of threads that have ended; any
        other thread's connection is closed by that thread, on its next use of the
        store (which raises StoreError), or freed with the thread.

        Never another live thread's connection from here: it may be inside a query at
        this very moment, and CPython's sqlite3 closed under a running statement
        crashes the process (a clerk window closed while its day bar still asked
        whether the clerk is an admin)."""
        me = threading.current_thread()
        with self._conns_lock:
            conns, self._conns = self._conns, []
            self._closed = True
        for thread, db in conns:
            if thread is me or not thread.is_alive():
                with contextlib.suppress(sqlite3.Error):
                    db.close()
        self._close_own_connection()

    def _close_own_connection(self) -> None:
        db: Database | None = getattr(self._local, "db", None)
        if db is not None:
            self._local.db = None
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
