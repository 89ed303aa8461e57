"""Plain values of the store: sync states, errors, records and the UTC text time format."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any, Protocol

from intake.submission import Submission
from sync.crypto import StorageError
from wire.canonical import canonical_json

#: Receipt numbers roll over at local midnight; township halls are in China (UTC+8, no DST).
STATION_TZ = timezone(timedelta(hours=8), "CST")


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


class DuplicateSubmission(StoreError):
    code = "duplicate_submission"


class MissingLocalBlobs(StoreError):
    code = "missing_blobs"

    def __init__(self, shas: Sequence[str]) -> None:
        super().__init__(f"blobs not in the store: {', '.join(shas)}")
        self.shas = list(shas)


class SchemaTooNew(StoreError):
    code = "schema_too_new"


class DataDirUnusable(StoreError):
    """The data directory is missing, unreadable, read-only or otherwise unusable."""

    code = "data_dir_unusable"


class DatabaseLocked(StoreError):
    """Another program holds the database lock longer than we can wait."""

    code = "database_locked"


# --- time helpers ------------------------------------------------------------


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt!r}; pass an aware (UTC) datetime")
    return dt.astimezone(UTC)


def to_db_time(dt: datetime) -> str:
    """Fixed-width UTC text, so SQL string comparison orders correctly."""
    return aware(dt).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_time(s: str | None) -> datetime | None:
    if s is None:
        return None
    if len(s) == 27 and s[10] == "T" and s[19] == "." and s[26] == "Z":
        # the fixed-width text to_db_time writes: fromisoformat reads it fifty times
        # faster than strptime (a ledger page of 500 cases reads a thousand times)
        with contextlib.suppress(ValueError):
            parsed = datetime.fromisoformat(s[:26])
            if parsed.tzinfo is None:
                return parsed.replace(tzinfo=UTC)
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def canonical_text(obj: Any) -> str:
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
    #: local clock - platform clock (seconds) when the receipt was dated; None: unknown
    clock_skew_s: float | None = None

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

    ``sync.client.StatusEvent`` fits (event_id, uuid, case_no, status, note,
    missing_materials, at). ``event_id`` is the platform's own id (P1, a positive
    integer): events are de-duplicated by it alone, so two identical events in the
    same second are two events. Only an event without one (a platform from before
    P1) is identified by the hash of its content.
    """

    @property
    def event_id(self) -> int | str | None: ...
    @property
    def uuid(self) -> str: ...
    @property
    def status(self) -> str: ...
