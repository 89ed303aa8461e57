"""The station's durable local store: SQLite (WAL) + encrypted blob files.

Everything a citizen is told is "submitted" is on disk before ``accept``
returns: the receipt number, the submission row, its pages and an audit row are
written in ONE ``BEGIN IMMEDIATE`` transaction with ``synchronous=FULL``.

Personal data (the applicant) is sealed with AES-GCM using the station key
kept in ``data_dir/keys`` (see :mod:`sync.crypto`); page images are encrypted
blob files (see :mod:`sync.blobs`). The audit log is append-only (triggers
refuse UPDATE/DELETE) and hash-chained.

The parts, one concern each: :mod:`.schema` (migrations), :mod:`.core`
(connections, transactions, audit), :mod:`.submissions` (accept, records),
:mod:`.queries` (lists and the queue), :mod:`.deliveries` (the delivery state
machine), :mod:`.attachments` (blobs), :mod:`.statuses` (platform status events,
key/value), :mod:`.retention` (purges), :mod:`.adoption` (taking back what the
platform holds); :class:`Store` composes them. Data safety around it:
:mod:`.highwater` (receipt numbers reserved outside the database),
:mod:`.integrity` (the check at every open), :mod:`.backup` (rolling online
backups) and :mod:`.recovery` (``yiwang recover``).
"""

from __future__ import annotations

# first: sqlite-utils without numpy, before any part of the store imports it
from sync.store import sqlite_lib  # noqa: F401  # isort: skip
from sync.blobs import BlobCorrupted, BlobNotFound, StorageFullError
from sync.crypto import StorageError
from sync.store.adoption import Adopted
from sync.store.backup import BackupScheduler, BackupSettings, backup_database, list_backups
from sync.store.core import data_dir_missing, require_usable_dir
from sync.store.deliveries import STALE_SENDING
from sync.store.facade import Store
from sync.store.integrity import DamageKind, StoreDamaged
from sync.store.records import (
    STATION_TZ,
    DatabaseLocked,
    DataDirUnusable,
    DuplicateSubmission,
    MissingLocalBlobs,
    PurgeResult,
    SchemaTooNew,
    StatusEventLike,
    StoreError,
    SubmissionRecord,
    SyncState,
    UnknownSubmission,
    from_db_time,
    to_db_time,
    utcnow,
)
from sync.store.recovery import HeldSubmission, RecoveryReport, parse_held, recover_station
from sync.store.schema import DB_FILENAME, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "DB_FILENAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STALE_SENDING",
    "STATION_TZ",
    "Adopted",
    "BackupScheduler",
    "BackupSettings",
    "BlobCorrupted",
    "BlobNotFound",
    "DamageKind",
    "DataDirUnusable",
    "DatabaseLocked",
    "DuplicateSubmission",
    "HeldSubmission",
    "MissingLocalBlobs",
    "PurgeResult",
    "RecoveryReport",
    "SchemaTooNew",
    "StatusEventLike",
    "StorageError",
    "StorageFullError",
    "Store",
    "StoreDamaged",
    "StoreError",
    "SubmissionRecord",
    "SyncState",
    "UnknownSubmission",
    "backup_database",
    "data_dir_missing",
    "from_db_time",
    "list_backups",
    "parse_held",
    "recover_station",
    "require_usable_dir",
    "to_db_time",
    "utcnow",
]
