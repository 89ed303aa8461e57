"""The station's durable local store: SQLite (WAL) + encrypted blob files.

Everything a citizen is told is "submitted" is on disk before ``accept``
returns: the receipt number, the submission row, its pages and an audit row are
written in ONE ``BEGIN IMMEDIATE`` transaction with ``synchronous=FULL``.

Concurrency: one SQLite connection per thread (created on first use); every
write takes the database write lock up front (``BEGIN IMMEDIATE``) so writers
serialise instead of failing on lock upgrades; ``busy_timeout`` lets the sync
engine run in another process against the same WAL database.

Personal data (the applicant) is sealed with AES-GCM using the station key
kept in ``data_dir/keys`` (see :mod:`sync.crypto`); page images are encrypted
blob files (see :mod:`sync.blobs`). The audit log is append-only (triggers
refuse UPDATE/DELETE) and hash-chained.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast

from sqlite_utils import Database

from intake.applicant import Applicant, applicant_from_dict, applicant_to_dict
from intake.receipt_number import format_receipt_no
from intake.submission import CapturedMaterial, Channel, Submission
from sync.blobs import (
    BlobCorrupted,
    BlobNotFound,
    BlobStore,
    StorageFullError,
    check_sha,
    is_full_disk,
)
from sync.crypto import KeyStore, StorageError
from sync.signing import canonical_json

__all__ = [
    "DB_FILENAME",
    "SCHEMA_VERSION",
    "STATION_TZ",
    "BlobCorrupted",
    "BlobNotFound",
    "DuplicateSubmission",
    "MissingLocalBlobs",
    "PurgeResult",
    "SchemaTooNew",
    "StorageError",
    "StorageFullError",
    "Store",
    "StoreError",
    "SubmissionRecord",
    "SyncState",
    "UnknownSubmission",
]

log = logging.getLogger(__name__)

DB_FILENAME = "station.db"
#: Receipt numbers roll over at local midnight; township halls are in China (UTC+8, no DST).
STATION_TZ = timezone(timedelta(hours=8), "CST")
BUSY_TIMEOUT_MS = 15_000
#: A row left 'sending' longer than this is recovered even if its owner looks alive.
STALE_SENDING = timedelta(minutes=30)
GENESIS_HASH = "0" * 64
_SQLITE_FULL = 13


class SyncState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    DELIVERED = "delivered"
    RETRY = "retry"
    QUARANTINED = "quarantined"


class StoreError(StorageError):
    code = "store_error"


class UnknownSubmission(StoreError):
    code = "unknown_submission"
    default_zh = "找不到该办件"


class DuplicateSubmission(StoreError):
    code = "duplicate_submission"
    default_zh = "办件编号重复且内容不同，请重新受理"


class MissingLocalBlobs(StoreError):
    code = "missing_blobs"
    default_zh = "部分材料图像未保存成功，请重新采集后再受理"

    def __init__(self, shas: Sequence[str]) -> None:
        super().__init__(f"blobs not in the store: {', '.join(shas)}")
        self.shas = list(shas)


class SchemaTooNew(StoreError):
    code = "schema_too_new"
    default_zh = "本机数据由更新版本的软件写入，请升级软件"


# --- time helpers ------------------------------------------------------------


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt!r}; pass an aware (UTC) datetime")
    return dt.astimezone(UTC)


def to_db_time(dt: datetime) -> str:
    """Fixed-width UTC text, so SQL string comparison orders correctly."""
    return _aware(dt).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_time(s: str | None) -> datetime | None:
    if s is None:
        return None
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _canonical(obj: Any) -> str:
    return canonical_json(obj).decode("utf-8")


# --- records -----------------------------------------------------------------


@dataclass(frozen=True)
class SubmissionRecord:
    """A submission with its local delivery state and what the platform said."""

    submission: Submission
    sync_state: SyncState
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    case_no: str | None
    platform_status: str | None
    platform_status_at: datetime | None
    delivered_at: datetime | None
    blobs_purged_at: datetime | None

    @property
    def uuid(self) -> str:
        return self.submission.uuid

    @property
    def receipt_no(self) -> str:
        return self.submission.receipt_no


@dataclass(frozen=True)
class PurgeResult:
    submissions: int
    blobs_deleted: int
    blobs_kept: int


class StatusEventLike(Protocol):
    """What :meth:`Store.apply_status_events` needs from a platform status event.

    ``sync.client.StatusEvent`` fits (uuid, case_no, status, note,
    missing_materials, at). An ``event_id`` attribute is used when present;
    otherwise the event is identified by the hash of its content.
    """

    @property
    def uuid(self) -> str: ...
    @property
    def status(self) -> str: ...


# --- schema & migrations -------------------------------------------------------

_STATES_SQL = ", ".join(f"'{s.value}'" for s in SyncState)

_V1 = [
    f"""
    CREATE TABLE submissions (
        uuid TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        station_code TEXT NOT NULL,
        item_code TEXT NOT NULL,
        catalog_version TEXT NOT NULL,
        channel TEXT NOT NULL,
        clerk_id TEXT,
        accepted_at TEXT NOT NULL,
        applicant_sealed BLOB NOT NULL,
        sync_state TEXT NOT NULL DEFAULT 'queued' CHECK (sync_state IN ({_STATES_SQL})),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        sending_owner TEXT,
        sending_since TEXT,
        case_no TEXT,
        platform_status TEXT,
        platform_status_at TEXT,
        delivered_at TEXT,
        blobs_purged_at TEXT
    )""",
    "CREATE INDEX submissions_sync ON submissions (sync_state, next_attempt_at)",
    "CREATE INDEX submissions_order ON submissions (accepted_at)",
    "CREATE INDEX submissions_case ON submissions (case_no)",
    """
    CREATE TABLE submission_pages (
        uuid TEXT NOT NULL REFERENCES submissions (uuid),
        material_index INTEGER NOT NULL,
        material_code TEXT NOT NULL,
        page_index INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (uuid, material_index, page_index)
    )""",
    "CREATE INDEX submission_pages_sha ON submission_pages (sha256)",
    """
    CREATE TABLE receipt_sequences (
        station_code TEXT NOT NULL,
        day TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (station_code, day)
    )""",
    """
    CREATE TABLE status_events (
        event_id TEXT PRIMARY KEY,
        uuid TEXT NOT NULL,
        status TEXT NOT NULL,
        payload TEXT NOT NULL,
        received_at TEXT NOT NULL
    )""",
    "CREATE INDEX status_events_uuid ON status_events (uuid)",
    """
    CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
    )""",
    """
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
]


def _migrate_v1(db: Database) -> None:
    for stmt in _V1:
        db.execute(stmt)


#: Ordered migrations: (version, description, function). Append; never edit a
#: released one. Each runs in the same transaction as its schema_version row.
def _migrate_v2(db: Database) -> None:
    # why a row waits in 'retry': 'offline' (no answer from the platform), 'server'
    # (the platform answered with a failure) or NULL (local trouble, upload conflict...)
    db.execute("ALTER TABLE submissions ADD COLUMN retry_cause TEXT")


def _migrate_v3(db: Database) -> None:
    # the exact manifest sent to the platform, sealed at accept time: an upgrade that
    # changes Submission.manifest() must not turn a replay into a 409 (NULL: rebuilt)
    db.execute("ALTER TABLE submissions ADD COLUMN manifest_sealed BLOB")


def _migrate_v4(db: Database) -> None:
    # service evaluations (好差评) waiting for the platform: see sync.evaluations
    from sync.evaluations import MIGRATION_SQL

    for stmt in MIGRATION_SQL:
        db.execute(stmt)


MIGRATIONS: tuple[tuple[int, str, Callable[[Database], None]], ...] = (
    (1, "initial schema", _migrate_v1),
    (2, "submissions.retry_cause", _migrate_v2),
    (3, "submissions.manifest_sealed", _migrate_v3),
    (4, "evaluations", _migrate_v4),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _owner_alive(owner: str | None) -> bool:
    if not owner:
        return False
    host, _, pid_s = owner.rpartition(":")
    if host != socket.gethostname():
        return False  # cannot tell; the stale timeout covers it
    try:
        pid = int(pid_s)
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _audit_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(dict(row))).encode("utf-8")).hexdigest()


# --- the store ---------------------------------------------------------------


class Store:
    """``Store(data_dir)``: ``data_dir/station.db`` + ``data_dir/blobs/`` + ``data_dir/keys/``."""

    def __init__(
        self,
        data_dir: Path,
        *,
        tz: timezone = STATION_TZ,
        recover: bool = True,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.data_dir / DB_FILENAME
        self.tz = tz
        self.keys = KeyStore(self.data_dir / "keys")
        self.keys.data_key()
        self.blobs = BlobStore(self.data_dir / "blobs", self.keys)
        self._local = threading.local()
        #: every connection opened, with the thread that owns it
        self._conns: list[tuple[threading.Thread, Database]] = []
        self._conns_lock = threading.Lock()
        self._closed = False
        #: Test-only fault injection: called with a stage name inside write
        #: transactions (e.g. ``"accept:pages"``), so a test can stall or kill there.
        self.fault_hook: Callable[[str], None] | None = None
        self._migrate()
        if recover:
            self.recover_interrupted()
        self.blobs.cleanup_temp()

    # -- connections & transactions ------------------------------------------

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

    def _migrate(self) -> None:
        with self._write() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = int(row[0] or 0)
            if current > SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"database schema v{current} is newer than this software (v{SCHEMA_VERSION})"
                )
            for version, description, migrate in MIGRATIONS:
                if version <= current:
                    continue
                log.info("migrating %s to schema v%d (%s)", self.db_path, version, description)
                migrate(db)
                db.execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?,?,?)",
                    [version, description, to_db_time(utcnow())],
                )

    def schema_version(self) -> int:
        row = self._db().execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        """Close every connection this store opened (from any thread)."""
        with self._conns_lock:
            conns, self._conns = self._conns, []
            self._closed = True
        for _thread, db in conns:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_check(self) -> str:
        row = self._db().execute("PRAGMA integrity_check").fetchone()
        return str(row[0])

    # -- blobs ----------------------------------------------------------------

    def put_blob(self, data: bytes) -> str:
        return self.blobs.put(data)

    def put_blob_stream(self, fileobj: BinaryIO) -> str:
        return self.blobs.put_stream(fileobj)

    def open_blob(self, sha: str) -> BinaryIO:
        """A seekable plaintext reader (a :class:`sync.crypto.BlobReader`)."""
        return cast(BinaryIO, self.blobs.open(sha))

    def blob_size(self, sha: str) -> int:
        return self.blobs.size(sha)

    def has_blob(self, sha: str) -> bool:
        return self.blobs.has(sha)

    def verify_blob(self, sha: str) -> None:
        self.blobs.verify(sha)

    # -- audit ----------------------------------------------------------------

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
        prev = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = str(prev[0]) if prev else GENESIS_HASH
        row = {
            "at": to_db_time(now or utcnow()),
            "actor": actor,
            "action": action,
            "subject": subject,
            "detail": _canonical(dict(detail or {})),
        }
        h = _audit_hash(prev_hash, row)
        db.execute(
            "INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash)"
            " VALUES (:at, :actor, :action, :subject, :detail, :prev_hash, :hash)",
            {**row, "prev_hash": prev_hash, "hash": h},
        )
        return h

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
        """Recompute the hash chain; False if any row was altered, removed or reordered."""
        prev_hash = GENESIS_HASH
        for r in self._db().query("SELECT * FROM audit_log ORDER BY id"):
            row = {k: r[k] for k in ("at", "actor", "action", "subject", "detail")}
            if r["prev_hash"] != prev_hash or _audit_hash(prev_hash, row) != r["hash"]:
                log.error("audit chain broken at row %s", r["id"])
                return False
            prev_hash = r["hash"]
        return True

    # -- accept -----------------------------------------------------------------

    def _seal_applicant(self, uuid: str, applicant: Applicant) -> bytes:
        plain = _canonical(applicant_to_dict(applicant)).encode("utf-8")
        return self.keys.seal(plain, aad=f"applicant:{uuid}".encode())

    def _open_applicant(self, uuid: str, sealed: bytes) -> Applicant:
        plain = self.keys.open(bytes(sealed), aad=f"applicant:{uuid}".encode())
        return applicant_from_dict(json.loads(plain))

    def accept(
        self,
        *,
        uuid: str,
        station_code: str,
        item_code: str,
        catalog_version: str,
        applicant: Applicant,
        materials: Sequence[CapturedMaterial],
        channel: Channel | str,
        clerk_id: str | None,
        now: datetime,
    ) -> Submission:
        """Allocate the next receipt number for (station, local day) and store the submission.

        Receipt number, submission row, page rows and an audit row are committed in
        one transaction; every page blob must already be in the store
        (:class:`MissingLocalBlobs` otherwise). Calling again with the same uuid and
        the same content returns the stored submission (no new number);
        different content raises :class:`DuplicateSubmission`.
        """
        # Build (and so validate) the submission before touching the database.
        provisional = Submission(
            uuid=uuid,
            receipt_no="(pending)",
            item_code=item_code,
            catalog_version=catalog_version,
            applicant=applicant,
            materials=tuple(materials),
            channel=Channel(channel),
            clerk_id=clerk_id,
            accepted_at=_aware(now),
        )
        accepted_at = provisional.accepted_at
        channel = provisional.channel
        materials = provisional.materials
        hashes = [check_sha(s) for s in provisional.blob_hashes]
        sealed = self._seal_applicant(uuid, applicant)
        day: date = accepted_at.astimezone(self.tz).date()
        with self._write() as db:
            existing = db.execute("SELECT uuid FROM submissions WHERE uuid = ?", [uuid]).fetchone()
            if existing is not None:
                prev = self._load(db, uuid).submission
                same = (
                    prev.item_code == item_code
                    and prev.catalog_version == catalog_version
                    and prev.applicant == applicant
                    and prev.materials == materials
                    and prev.channel == channel
                    and prev.clerk_id == clerk_id
                )
                if not same:
                    raise DuplicateSubmission(f"uuid {uuid} already accepted with other content")
                log.info("accept replay for %s returns %s", uuid, prev.receipt_no)
                return prev
            missing = sorted({s for s in hashes if not self.blobs.has(s)})
            if missing:
                raise MissingLocalBlobs(missing)
            seq = int(
                db.execute(
                    "INSERT INTO receipt_sequences (station_code, day, last_seq) VALUES (?, ?, 1)"
                    " ON CONFLICT (station_code, day) DO UPDATE SET last_seq = last_seq + 1"
                    " RETURNING last_seq",
                    [station_code, day.isoformat()],
                ).fetchone()[0]
            )
            receipt_no = format_receipt_no(station_code, day, seq)
            self._hook("accept:receipt")
            submission = dataclasses.replace(provisional, receipt_no=receipt_no)
            manifest = self.keys.seal(
                _canonical(submission.manifest()).encode("utf-8"), aad=f"manifest:{uuid}".encode()
            )
            db.execute(
                "INSERT INTO submissions (uuid, receipt_no, station_code, item_code,"
                " catalog_version, channel, clerk_id, accepted_at, applicant_sealed,"
                " manifest_sealed, sync_state)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued')",
                [
                    uuid,
                    receipt_no,
                    station_code,
                    item_code,
                    catalog_version,
                    channel.value,
                    clerk_id,
                    to_db_time(accepted_at),
                    sealed,
                    manifest,
                ],
            )
            self._hook("accept:submission")
            pages = [
                {
                    "uuid": uuid,
                    "material_index": mi,
                    "material_code": m.material_code,
                    "page_index": pi,
                    "sha256": sha,
                }
                for mi, m in enumerate(materials)
                for pi, sha in enumerate(m.pages)
            ]
            if pages:
                db.table("submission_pages").insert_all(pages)
            self._hook("accept:pages")
            self._append_audit(
                db,
                actor=clerk_id or channel.value,
                action="accept",
                subject=uuid,
                detail={"receipt_no": receipt_no, "item_code": item_code, "pages": len(pages)},
                now=accepted_at,
            )
            self._hook("accept:commit")
        log.info("accepted %s as %s (%d pages)", uuid, receipt_no, len(pages))
        return submission

    # -- reading ------------------------------------------------------------------

    def _load(self, db: Database, uuid: str) -> SubmissionRecord:
        rows = list(db.query("SELECT * FROM submissions WHERE uuid = ?", [uuid]))
        if not rows:
            raise UnknownSubmission(f"no submission {uuid}")
        return self._record(db, rows[0])

    def _record(self, db: Database, r: Mapping[str, Any]) -> SubmissionRecord:
        uuid = str(r["uuid"])
        materials: list[CapturedMaterial] = []
        current: tuple[int, str] | None = None
        pages: list[str] = []
        for p in db.query(
            "SELECT material_index, material_code, sha256 FROM submission_pages"
            " WHERE uuid = ? ORDER BY material_index, page_index",
            [uuid],
        ):
            key = (int(p["material_index"]), str(p["material_code"]))
            if key != current:
                if current is not None:
                    materials.append(CapturedMaterial(current[1], tuple(pages)))
                current, pages = key, []
            pages.append(str(p["sha256"]))
        if current is not None:
            materials.append(CapturedMaterial(current[1], tuple(pages)))
        accepted_at = from_db_time(r["accepted_at"])
        assert accepted_at is not None
        submission = Submission(
            uuid=uuid,
            receipt_no=str(r["receipt_no"]),
            item_code=str(r["item_code"]),
            catalog_version=str(r["catalog_version"]),
            applicant=self._open_applicant(uuid, r["applicant_sealed"]),
            materials=tuple(materials),
            channel=Channel(r["channel"]),
            clerk_id=r["clerk_id"],
            accepted_at=accepted_at,
        )
        return SubmissionRecord(
            submission=submission,
            sync_state=SyncState(r["sync_state"]),
            attempts=int(r["attempts"]),
            next_attempt_at=from_db_time(r["next_attempt_at"]),
            last_error=r["last_error"],
            case_no=r["case_no"],
            platform_status=r["platform_status"],
            platform_status_at=from_db_time(r["platform_status_at"]),
            delivered_at=from_db_time(r["delivered_at"]),
            blobs_purged_at=from_db_time(r["blobs_purged_at"]),
        )

    def get(self, uuid: str) -> SubmissionRecord:
        return self._load(self._db(), uuid)

    def manifest(self, uuid: str) -> dict[str, Any]:
        """The manifest exactly as sealed at accept time (rebuilt for rows from before v3)."""
        db = self._db()
        rows = list(db.query("SELECT manifest_sealed FROM submissions WHERE uuid = ?", [uuid]))
        if not rows:
            raise UnknownSubmission(uuid)
        sealed = rows[0]["manifest_sealed"]
        if sealed is None:
            return self.get(uuid).submission.manifest()
        doc: dict[str, Any] = json.loads(
            self.keys.open(bytes(sealed), aad=f"manifest:{uuid}".encode())
        )
        return doc

    def find_by_receipt(self, receipt_no: str) -> SubmissionRecord | None:
        db = self._db()
        rows = list(db.query("SELECT * FROM submissions WHERE receipt_no = ?", [receipt_no]))
        return self._record(db, rows[0]) if rows else None

    def list_records(
        self, states: Iterable[SyncState | str] | None = None, *, limit: int = 200
    ) -> list[SubmissionRecord]:
        """Newest first; optionally only some sync states (for the clerk's case list)."""
        db = self._db()
        params: list[Any] = []
        where = ""
        if states is not None:
            st = [SyncState(s).value for s in states]
            where = f"WHERE sync_state IN ({', '.join('?' for _ in st)})"
            params.extend(st)
        params.append(limit)
        rows = list(
            db.query(
                f"SELECT * FROM submissions {where} ORDER BY accepted_at DESC, rowid DESC LIMIT ?",
                params,
            )
        )
        return [self._record(db, r) for r in rows]

    def pending(
        self, now: datetime | None = None, *, limit: int | None = None
    ) -> list[SubmissionRecord]:
        """Queued rows and retry rows whose time has come, oldest accepted first."""
        db = self._db()
        sql = (
            "SELECT * FROM submissions WHERE sync_state = 'queued'"
            " OR (sync_state = 'retry' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))"
            " ORDER BY accepted_at, rowid"
        )
        params: list[Any] = [to_db_time(now or utcnow())]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = list(db.query(sql, params))
        return [self._record(db, r) for r in rows]

    def next_retry_at(self) -> datetime | None:
        """When the earliest waiting retry becomes due (None when nothing waits)."""
        row = (
            self._db()
            .execute("SELECT MIN(next_attempt_at) FROM submissions WHERE sync_state = 'retry'")
            .fetchone()
        )
        return from_db_time(row[0]) if row and row[0] else None

    def queue_depth(self) -> int:
        """Submissions not yet delivered and still being tried (quarantined excluded)."""
        row = (
            self._db()
            .execute(
                "SELECT COUNT(*) FROM submissions"
                " WHERE sync_state IN ('queued', 'sending', 'retry')"
            )
            .fetchone()
        )
        return int(row[0])

    def counts(self) -> dict[SyncState, int]:
        out = dict.fromkeys(SyncState, 0)
        for r in self._db().query(
            "SELECT sync_state, COUNT(*) AS n FROM submissions GROUP BY sync_state"
        ):
            out[SyncState(r["sync_state"])] = int(r["n"])
        return out

    # -- state transitions ----------------------------------------------------------

    def _transition(
        self,
        uuid: str,
        sql: str,
        params: Mapping[str, Any],
        audit: tuple[str, str, Mapping[str, Any]] | None = None,
        now: datetime | None = None,
    ) -> bool:
        with self._write() as db:
            cur = db.execute(sql, {**params, "uuid": uuid})
            if cur.rowcount == 0:
                if (
                    db.execute("SELECT 1 FROM submissions WHERE uuid = ?", [uuid]).fetchone()
                    is None
                ):
                    raise UnknownSubmission(f"no submission {uuid}")
                return False
            if audit is not None:
                actor, action, detail = audit
                self._append_audit(
                    db, actor=actor, action=action, subject=uuid, detail=detail, now=now
                )
            return True

    def mark_sending(self, uuid: str, now: datetime | None = None) -> bool:
        """Claim a queued/retry row for one delivery attempt (attempts += 1), committed
        BEFORE any network traffic. False if it is not claimable (e.g. another engine has it)."""
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'sending', attempts = attempts + 1,"
            " sending_owner = :owner, sending_since = :now"
            " WHERE uuid = :uuid AND sync_state IN ('queued', 'retry')",
            {"owner": _owner_id(), "now": to_db_time(now or utcnow())},
        )

    def release(self, uuid: str, error: str | None = None) -> bool:
        """Undo a claim without counting it as an attempt (e.g. credentials rejected)."""
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'queued', attempts = MAX(attempts - 1, 0),"
            " sending_owner = NULL, sending_since = NULL, next_attempt_at = NULL,"
            " last_error = COALESCE(:error, last_error)"
            " WHERE uuid = :uuid AND sync_state = 'sending'",
            {"error": error},
        )

    def mark_delivered(
        self, uuid: str, case_no: str, platform_status: str | None, now: datetime | None = None
    ) -> bool:
        now = now or utcnow()
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'delivered', case_no = :case_no,"
            " platform_status = COALESCE(platform_status, :status),"
            " delivered_at = :now, last_error = NULL, next_attempt_at = NULL,"
            " sending_owner = NULL, sending_since = NULL"
            " WHERE uuid = :uuid AND sync_state != 'delivered'",
            {"case_no": case_no, "status": platform_status, "now": to_db_time(now)},
            audit=("sync", "delivered", {"case_no": case_no}),
            now=now,
        )

    def mark_retry(
        self, uuid: str, error: str, next_attempt_at: datetime, *, cause: str | None = None
    ) -> bool:
        """Back off until ``next_attempt_at``. ``cause`` is why: ``"offline"`` (the
        platform could not be reached: :meth:`retry_now` brings it forward when the
        link returns), ``"server"`` (the platform answered with a failure) or None."""
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'retry', last_error = :error,"
            " next_attempt_at = :next, retry_cause = :cause,"
            " sending_owner = NULL, sending_since = NULL"
            " WHERE uuid = :uuid AND sync_state IN ('queued', 'sending', 'retry')",
            {"error": error, "next": to_db_time(next_attempt_at), "cause": cause},
        )

    def retry_now(
        self, now: datetime | None = None, *, causes: Sequence[str] = ("offline",)
    ) -> int:
        """Make waiting retries whose last failure had one of ``causes`` due at ``now``
        (the link came back: no point sitting out the backoff). Returns how many."""
        if not causes:
            return 0
        marks = ", ".join("?" for _ in causes)
        with self._write() as db:
            cur = db.execute(
                "UPDATE submissions SET next_attempt_at = ?"
                f" WHERE sync_state = 'retry' AND retry_cause IN ({marks})"
                " AND (next_attempt_at IS NULL OR next_attempt_at > ?)",
                [to_db_time(now or utcnow()), *causes, to_db_time(now or utcnow())],
            )
            return int(cur.rowcount)

    def quarantine(self, uuid: str, reason: str, now: datetime | None = None) -> bool:
        """Stop trying a submission; ``reason`` is shown to the clerk (Chinese)."""
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'quarantined', last_error = :reason,"
            " next_attempt_at = NULL, sending_owner = NULL, sending_since = NULL"
            " WHERE uuid = :uuid AND sync_state != 'delivered'",
            {"reason": reason},
            audit=("sync", "quarantine", {"reason": reason}),
            now=now,
        )

    def requeue(self, uuid: str, actor: str = "technician", now: datetime | None = None) -> bool:
        """Put a quarantined (or waiting) submission back at the head of its turn."""
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'queued', next_attempt_at = NULL"
            " WHERE uuid = :uuid AND sync_state IN ('quarantined', 'retry')",
            {},
            audit=(actor, "requeue", {}),
            now=now,
        )

    def recover_interrupted(self, now: datetime | None = None, *, force: bool = False) -> int:
        """Rows left 'sending' by a crashed engine become due retries now.

        A row whose owner process is still alive (another engine mid-attempt) is
        left alone unless it has been 'sending' longer than :data:`STALE_SENDING`
        or ``force`` is set. Returns how many rows were recovered.
        """
        now = now or utcnow()
        recovered = 0
        with self._write() as db:
            rows = db.execute(
                "SELECT uuid, sending_owner, sending_since FROM submissions"
                " WHERE sync_state = 'sending'"
            ).fetchall()
            for uuid, owner, since in rows:
                since_dt = from_db_time(since)
                stale = since_dt is None or now - since_dt > STALE_SENDING
                if force or stale or not _owner_alive(owner):
                    db.execute(
                        "UPDATE submissions SET sync_state = 'retry', next_attempt_at = ?,"
                        " last_error = COALESCE(last_error, ?), sending_owner = NULL,"
                        " sending_since = NULL WHERE uuid = ? AND sync_state = 'sending'",
                        [to_db_time(now), "interrupted", uuid],
                    )
                    recovered += 1
        if recovered:
            log.warning(
                "recovered %d submission(s) left 'sending' by an interrupted engine", recovered
            )
        return recovered

    # -- key/value & status ---------------------------------------------------------

    def kv_get(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM kv WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def kv_set(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM kv WHERE key = ?", [key])
            else:
                _kv_put(db, key, value, utcnow())

    def status_cursor(self) -> str | None:
        return self.kv_get("status_cursor")

    def set_status_cursor(self, cursor: str | None) -> None:
        self.kv_set("status_cursor", cursor)

    def apply_status_events(
        self,
        events: Iterable[StatusEventLike],
        *,
        cursor: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """Record platform status events and update ``platform_status``.

        Idempotent: an event id seen before is ignored. When ``cursor`` is given it
        is stored in the same transaction, so a crash can't apply events twice or
        skip them. Returns the number of new events.
        """
        now = now or utcnow()
        new = 0
        with self._write() as db:
            for ev in events:
                payload = _event_payload(ev)
                event_id = (
                    str(getattr(ev, "event_id", "") or "")
                    or hashlib.sha256(_canonical(payload).encode("utf-8")).hexdigest()
                )
                cur = db.execute(
                    "INSERT INTO status_events (event_id, uuid, status, payload, received_at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                    [event_id, ev.uuid, ev.status, _canonical(payload), to_db_time(now)],
                )
                if cur.rowcount == 0:
                    continue
                new += 1
                at = _event_time(ev) or now
                case_no = getattr(ev, "case_no", None) or None
                db.execute(
                    "UPDATE submissions SET platform_status = ?, platform_status_at = ?,"
                    " case_no = COALESCE(case_no, ?)"
                    " WHERE uuid = ? AND (platform_status_at IS NULL OR platform_status_at <= ?)",
                    [ev.status, to_db_time(at), case_no, ev.uuid, to_db_time(at)],
                )
            if cursor is not None:
                _kv_put(db, "status_cursor", cursor, now)
        return new

    def apply_status_event(self, event: StatusEventLike) -> bool:
        """One event (docs/interfaces.md name); True when it was new."""
        return self.apply_status_events([event]) == 1

    def status_history(self, uuid: str) -> list[dict[str, Any]]:
        return [
            json.loads(r["payload"])
            for r in self._db().query(
                "SELECT payload FROM status_events WHERE uuid = ? ORDER BY rowid", [uuid]
            )
        ]

    # -- retention ------------------------------------------------------------------

    def purge_unreferenced_blobs(
        self, older_than: timedelta = timedelta(hours=24), now: datetime | None = None
    ) -> int:
        """Delete page images no submission references, once they are ``older_than``.

        Pages of drafts the clerk abandoned or pages removed before acceptance are
        personal data too; they must not stay on the terminal for ever. Pages of a
        draft in progress are younger than the cutoff and are kept. Runs under the
        write lock, so an ``accept`` cannot start referencing a blob being deleted.
        """
        cutoff = (_aware(now or utcnow()) - older_than).timestamp()
        with self._write() as db:
            referenced = {
                str(r[0]) for r in db.execute("SELECT DISTINCT sha256 FROM submission_pages")
            }
            deleted = 0
            for sha in self.blobs.all_hashes():
                if sha in referenced:
                    continue
                try:
                    if self.blobs.path(sha).stat().st_mtime >= cutoff:
                        continue
                except FileNotFoundError:
                    continue
                if self.blobs.delete(sha):
                    deleted += 1
            if deleted:
                self._append_audit(
                    db,
                    actor="retention",
                    action="purge_unreferenced_blobs",
                    subject=None,
                    detail={"blobs": deleted},
                    now=now or utcnow(),
                )
        if deleted:
            log.info("removed %d page image(s) no submission references", deleted)
        return deleted

    def purge_delivered_blobs(
        self, older_than: timedelta, now: datetime | None = None
    ) -> PurgeResult:
        """Delete page blobs of submissions delivered before ``now - older_than``.

        Metadata (rows, page hashes, statuses, audit) is kept. A blob still
        referenced by any submission that is not being purged (undelivered, or
        delivered more recently) is kept. Runs under the write lock, so an
        ``accept`` cannot start referencing a blob while it is being deleted.
        """
        now = now or utcnow()
        cutoff = to_db_time(_aware(now) - older_than)
        with self._write() as db:
            victims = [
                str(r[0])
                for r in db.execute(
                    "SELECT uuid FROM submissions WHERE sync_state = 'delivered'"
                    " AND delivered_at <= ? AND blobs_purged_at IS NULL",
                    [cutoff],
                ).fetchall()
            ]
            if not victims:
                return PurgeResult(0, 0, 0)
            db.execute("CREATE TEMP TABLE IF NOT EXISTS purge_set (uuid TEXT PRIMARY KEY)")
            db.execute("DELETE FROM purge_set")
            db.conn.executemany("INSERT INTO purge_set (uuid) VALUES (?)", [(u,) for u in victims])
            candidates = [
                str(r[0])
                for r in db.execute(
                    "SELECT DISTINCT sha256 FROM submission_pages WHERE uuid IN purge_set"
                ).fetchall()
            ]
            still_needed = {
                str(r[0])
                for r in db.execute(
                    "SELECT DISTINCT p.sha256 FROM submission_pages p JOIN submissions s"
                    " ON s.uuid = p.uuid"
                    " WHERE s.uuid NOT IN purge_set AND s.blobs_purged_at IS NULL"
                ).fetchall()
            }
            to_delete = [s for s in candidates if s not in still_needed]
            db.execute(
                "UPDATE submissions SET blobs_purged_at = ? WHERE uuid IN purge_set",
                [to_db_time(now)],
            )
            self._append_audit(
                db,
                actor="retention",
                action="purge_blobs",
                subject=None,
                detail={"submissions": len(victims), "blobs": len(to_delete)},
                now=now,
            )
            db.execute("DELETE FROM purge_set")
            # Files go while we still hold the write lock; if we crash half-way the
            # rows say "purged" and the leftover files are unreferenced garbage.
            deleted = sum(1 for sha in to_delete if self.blobs.delete(sha))
        log.info("purged %d blob(s) of %d delivered submission(s)", deleted, len(victims))
        return PurgeResult(len(victims), deleted, len(candidates) - len(to_delete))


def _kv_put(db: Database, key: str, value: str, now: datetime) -> None:
    db.execute(
        "INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
        " updated_at = excluded.updated_at",
        [key, value, to_db_time(now)],
    )


def _event_payload(ev: object) -> dict[str, Any]:
    if dataclasses.is_dataclass(ev) and not isinstance(ev, type):
        raw = dataclasses.asdict(ev)
    else:
        raw = {
            k: getattr(ev, k)
            for k in ("event_id", "uuid", "case_no", "status", "note", "missing_materials", "at")
            if hasattr(ev, k)
        }
    return {
        k: (
            v.isoformat()
            if isinstance(v, datetime | date)
            else list(v)
            if isinstance(v, tuple)
            else v
        )
        for k, v in raw.items()
    }


def _event_time(ev: object) -> datetime | None:
    for name in ("at", "occurred_at", "timestamp"):
        v = getattr(ev, name, None)
        if isinstance(v, datetime):
            return _aware(v)
        if isinstance(v, str):
            with contextlib.suppress(ValueError):
                return _aware(datetime.fromisoformat(v.replace("Z", "+00:00")))
    return None
