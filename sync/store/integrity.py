"""Is ``station.db`` whole? Checked at every open, before any receipt number is issued.

Damage is never repaired in place and never papered over with a fresh
database: the damaged files are moved aside under a recognisable name
(``station.db.damaged-20261203T071500``), kept for the technician, and
:class:`StoreDamaged` says in one line what happened and what to do
(``yiwang recover``). Until then the station issues no receipt.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from sync.blobs import StorageFullError
from sync.crypto import StorageError, fsync_dir
from sync.store.highwater import HighWaterUnreadable, ReceiptHighWater
from sync.store.records import (
    DatabaseLocked,
    DataDirUnusable,
    SchemaTooNew,
    StoreError,
)
from sync.store.schema import DB_FILENAME, SCHEMA_VERSION

log = logging.getLogger("sync.store")

__all__ = ["DamageKind", "StoreDamaged", "check_database", "damaged_name", "move_aside"]

#: tables every schema version has; one missing means the file is not (all) ours
REQUIRED_TABLES = frozenset(
    {"schema_version", "submissions", "submission_pages", "receipt_sequences", "kv", "audit_log"}
)
DAMAGED_INFIX = ".damaged-"


class DamageKind(StrEnum):
    MISSING = "missing"  # station.db gone although a database existed here
    TRUNCATED = "truncated"  # station.db is empty although a database existed here
    CORRUPT = "corrupt"  # not a database, or quick_check found damage
    SCHEMA = "schema"  # tables or the schema version are missing
    BEHIND = "behind"  # receipts behind the high-water record: lost WAL or an old copy
    RECORD = "record"  # the high-water record itself cannot be read

    def describe_en(self) -> str:
        """English, for logs; people read "storage.kind.<kind>" worded by the front end."""
        return _DESCRIBE[self]


_DESCRIBE = {
    DamageKind.MISSING: "station.db is missing",
    DamageKind.TRUNCATED: "station.db is empty (truncated)",
    DamageKind.CORRUPT: "station.db is corrupt",
    DamageKind.SCHEMA: "station.db has lost its tables",
    DamageKind.BEHIND: "station.db is missing receipts it once held (lost WAL or an old copy)",
    DamageKind.RECORD: "the receipt high-water record is unreadable",
}


class StoreDamaged(StoreError):
    """The station's database cannot be trusted; receipts stop until it is recovered."""

    code = "store_damaged"

    def __init__(
        self, kind: DamageKind, detail: str, data_dir: Path, moved: Sequence[Path] = ()
    ) -> None:
        self.kind = kind
        self.detail = detail
        self.data_dir = data_dir
        self.moved = list(moved)
        kept = (
            f"; kept as {', '.join(p.name for p in self.moved)}"
            if self.moved
            else "; nothing was deleted"
        )
        names = ", ".join(p.name for p in self.moved)
        super().__init__(
            f"{kind.describe_en()} ({detail}){kept}; receipts are stopped — "
            f"run `yiwang recover --data-dir {data_dir}`",
            params={
                "kind": kind.value,  # worded from "storage.kind.<kind>"
                "data_dir": str(data_dir),
                "kept": names or None,
                "variant": "kept" if self.moved else None,
            },
        )


@dataclass(frozen=True)
class CheckResult:
    fresh: bool  # no database yet and no sign there ever was one


def damaged_name(path: Path, at: datetime) -> Path:
    stamp = at.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}{DAMAGED_INFIX}{stamp}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}{DAMAGED_INFIX}{stamp}-{n}")
        n += 1
    return candidate


def move_aside(db_path: Path, at: datetime | None = None) -> list[Path]:
    """Rename ``station.db`` and its ``-wal``/``-shm`` files to ``*.damaged-STAMP``."""
    at = at or datetime.now(UTC)
    moved = []
    for path in (db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm"))):
        if path.exists():
            target = damaged_name(path, at)
            os.replace(path, target)
            moved.append(target)
    if moved:
        fsync_dir(db_path.parent)
        log.error("moved damaged database files aside: %s", ", ".join(p.name for p in moved))
    return moved


def _blobs_present(data_dir: Path) -> bool:
    blobs = data_dir / "blobs"
    if not blobs.is_dir():
        return False
    for _root, _dirs, files in os.walk(blobs):
        if any(not f.endswith(".tmp") and not f.startswith(".") for f in files):
            return True
    return False


def check_database(
    data_dir: Path, highwater: ReceiptHighWater, *, timeout: float = 15.0
) -> CheckResult:
    """Raise :class:`StoreDamaged` (after moving damaged files aside) or
    :class:`SchemaTooNew` (or a storage error when the file cannot be reached: full,
    read-only, locked); return whether the data directory is a fresh station."""
    db_path = data_dir / DB_FILENAME
    try:
        existed = highwater.database_created()
    except HighWaterUnreadable as e:
        raise StoreDamaged(DamageKind.RECORD, str(e), data_dir) from e
    existed = existed or _blobs_present(data_dir)
    if not db_path.exists():
        if existed:
            moved = move_aside(db_path)  # a stray -wal/-shm must not meet a new database
            raise StoreDamaged(
                DamageKind.MISSING, "a database was created here before", data_dir, moved
            )
        return CheckResult(fresh=True)
    if db_path.stat().st_size == 0:
        if existed:
            raise StoreDamaged(DamageKind.TRUNCATED, "0 bytes", data_dir, move_aside(db_path))
        return CheckResult(fresh=True)
    problem = _inspect(db_path, highwater, timeout)
    if problem is not None:
        kind, detail = problem
        raise StoreDamaged(kind, detail, data_dir, move_aside(db_path))
    return CheckResult(fresh=False)


_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _is_damage(e: sqlite3.Error) -> bool:
    """Corruption, as opposed to trouble reaching the file (full, read-only, locked, I/O)."""
    primary = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
    return primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _unusable(db_path: Path, e: sqlite3.Error) -> StorageError:
    text = str(e)
    if "locked" in text or "busy" in text:
        return DatabaseLocked(f"{db_path} is locked by another program: {e}")
    with contextlib.suppress(OSError):
        if os.statvfs(db_path.parent).f_bavail == 0:
            return StorageFullError(f"cannot open {db_path}: disk full ({e})")
    return DataDirUnusable(f"cannot open {db_path}: {e}")


def _inspect(
    db_path: Path, highwater: ReceiptHighWater, timeout: float
) -> tuple[DamageKind, str] | None:
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, timeout=timeout)
    except sqlite3.Error as e:
        raise _unusable(db_path, e) from e
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            return DamageKind.CORRUPT, f"quick_check: {rows[0][0]}"
        tables = {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master")}
        missing = REQUIRED_TABLES - tables
        if missing:
            return DamageKind.SCHEMA, f"missing table(s) {', '.join(sorted(missing))}"
        version = int(con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)
        if version < 1:
            return DamageKind.SCHEMA, "no schema version"
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"database schema v{version} is newer than this software (v{SCHEMA_VERSION})"
            )
        return _behind(con, highwater)
    except sqlite3.Error as e:
        if _is_damage(e):
            return DamageKind.CORRUPT, str(e)
        raise _unusable(db_path, e) from e
    finally:
        with contextlib.suppress(sqlite3.Error):
            con.close()


def _behind(con: sqlite3.Connection, highwater: ReceiptHighWater) -> tuple[DamageKind, str] | None:
    try:
        marks = highwater.marks()
    except HighWaterUnreadable as e:
        return DamageKind.RECORD, str(e)
    held: dict[tuple[str, date], int] = {
        (str(s), date.fromisoformat(str(d))): int(n)
        for s, d, n in con.execute("SELECT station_code, day, last_seq FROM receipt_sequences")
    }
    for mark in marks:
        have = held.get((mark.station, mark.day), 0)
        if have < mark.committed:
            return DamageKind.BEHIND, (
                f"{mark.station} {mark.day}: database ends at {have}, "
                f"receipts were issued up to {mark.committed}"
            )
    return None
