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
key/value), :mod:`.retention` (purges); :class:`Store` composes them.
"""

from __future__ import annotations

from sync.blobs import BlobCorrupted, BlobNotFound, StorageFullError
from sync.crypto import StorageError
from sync.store.deliveries import STALE_SENDING
from sync.store.facade import Store
from sync.store.records import (
    STATION_TZ,
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
from sync.store.schema import DB_FILENAME, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "DB_FILENAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STALE_SENDING",
    "STATION_TZ",
    "BlobCorrupted",
    "BlobNotFound",
    "DuplicateSubmission",
    "MissingLocalBlobs",
    "PurgeResult",
    "SchemaTooNew",
    "StatusEventLike",
    "StorageError",
    "StorageFullError",
    "Store",
    "StoreError",
    "SubmissionRecord",
    "SyncState",
    "UnknownSubmission",
    "from_db_time",
    "to_db_time",
    "utcnow",
]
