"""The audit log delivered to the platform like submissions (P7), exactly once.

The entries after the durable high-water mark (``audit_delivery``, store migration
v8) go in id order, :data:`wire.clerk_day.AUDIT_BATCH` at a time. The platform
stores the ones that continue the chain it holds for the station and answers with
its new mark and a proof made with the station's secret; only then does the mark
move here (in one transaction). A lost answer is harmless: the same entries go
again and the platform recognises them (same id, same hash). No answer → retry
with backoff; a refusal (the chains differ, e.g. a database restored from an old
backup) is kept with its reason and tried again rarely, and the entries stay
signed and verifiable on the station.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sync.client import AuthError, SyncError, TransientError
from sync.side_backoff import MAX_DELAY_S, side_delay
from sync.side_connection import side_connection

if TYPE_CHECKING:  # a pydantic model: not loaded at station start-up
    from wire.clerk_day import AuditAck

#: entries per request at most (wire.clerk_day.AUDIT_BATCH; a test keeps them equal)
AUDIT_BATCH = 200

__all__ = ["AuditDelivery", "AuditDeliveryAPI", "AuditMark", "AuditPass"]

log = logging.getLogger(__name__)

_FIELDS = ("id", "at", "actor", "action", "subject", "detail", "prev_hash", "hash", "mac")


@runtime_checkable
class AuditDeliveryAPI(Protocol):
    def put_audit_entries(self, entries: Sequence[dict[str, Any]]) -> AuditAck: ...


@dataclass(frozen=True)
class AuditMark:
    high_id: int
    high_hash: str
    waiting: int  # entries written after the mark
    attempts: int
    last_error: str | None


@dataclass(frozen=True)
class AuditPass:
    sent: int = 0  # entries the platform acknowledged in this pass
    retried: bool = False
    refused: bool = False
    auth_failed: bool = False


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class AuditDelivery:
    """Opens a connection per call (the engine thread and a UI both read it)."""

    def __init__(self, db_path: Path, *, batch: int = AUDIT_BATCH) -> None:
        self._path = db_path
        self._batch = max(1, min(batch, AUDIT_BATCH))

    def _db(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return side_connection(self._path)

    def mark(self) -> AuditMark:
        with self._db() as db:
            row = db.execute("SELECT * FROM audit_delivery WHERE id = 1").fetchone()
            waiting = db.execute("SELECT COUNT(*) FROM audit_log WHERE id > ?",
                                 [int(row["high_id"])]).fetchone()[0]
        return AuditMark(int(row["high_id"]), str(row["high_hash"]), int(waiting),
                         int(row["attempts"]), row["last_error"])

    def _state(self, db: sqlite3.Connection) -> sqlite3.Row:
        row: sqlite3.Row = db.execute("SELECT * FROM audit_delivery WHERE id = 1").fetchone()
        return row

    def deliver_due(self, client: AuditDeliveryAPI, *, now: datetime | None = None
                    ) -> AuditPass:
        """Send every entry after the mark, batch by batch; stops at the first failure."""
        now = now or datetime.now(UTC)
        with self._db() as db:
            state = self._state(db)
        due = state["next_attempt_at"]
        if due is not None and str(due) > _iso(now):
            return AuditPass()
        sent = 0
        attempts = int(state["attempts"])
        while True:
            with self._db() as db:
                high = int(self._state(db)["high_id"])
                rows = db.execute(
                    f"SELECT {', '.join(_FIELDS)} FROM audit_log WHERE id > ? ORDER BY id"
                    " LIMIT ?", [high, self._batch]).fetchall()
            if not rows:
                return AuditPass(sent=sent)
            entries = [{k: row[k] for k in _FIELDS} for row in rows]
            attempts += 1
            try:
                ack = client.put_audit_entries(entries)
            except AuthError as e:
                log.error("platform refused our credentials for audit entries: %s", e)
                return AuditPass(sent=sent, auth_failed=True)
            except TransientError as e:
                self._later(attempts, now, side_delay(attempts), e)
                return AuditPass(sent=sent, retried=True)
            except SyncError as e:  # the chains differ: keep the reason, look again rarely
                log.error("platform refused audit entries %d..%d: %s", entries[0]["id"],
                          entries[-1]["id"], e)
                self._later(attempts, now, MAX_DELAY_S, e)
                return AuditPass(sent=sent, refused=True)
            last = entries[-1]
            if ack.high < int(last["id"]) or (ack.high == last["id"] and ack.hash != last["hash"]):
                # the platform holds another chain end than ours: never move the mark
                self._later(attempts, now, MAX_DELAY_S,
                            SyncError(f"platform acknowledged {ack.high}, not {last['id']}"))
                return AuditPass(sent=sent, refused=True)
            with self._db() as db, db:
                db.execute(
                    "UPDATE audit_delivery SET high_id = ?, high_hash = ?, attempts = 0,"
                    " next_attempt_at = NULL, last_error = NULL, updated_at = ? WHERE id = 1",
                    [int(last["id"]), str(last["hash"]), _iso(now)])
            attempts = 0
            sent += len(entries)
            log.info("audit entries up to %d delivered (%d new on the platform)",
                     last["id"], ack.stored)

    def _later(self, attempts: int, now: datetime, delay: float, error: Exception) -> None:
        when = now + timedelta(seconds=min(MAX_DELAY_S, delay))
        with self._db() as db, db:
            db.execute(
                "UPDATE audit_delivery SET attempts = ?, next_attempt_at = ?,"
                " last_error = ?, updated_at = ? WHERE id = 1",
                [attempts, _iso(when), str(error)[:300], _iso(now)])
