"""The delivery state machine of a submission: queued → sending → delivered, with
retry and quarantine; each transition is one short write transaction."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sync.store.core import StoreCore
from sync.store.records import UnknownSubmission, from_db_time, to_db_time, utcnow

log = logging.getLogger("sync.store")

#: A row left 'sending' longer than this is recovered even if its owner looks alive.
STALE_SENDING = timedelta(minutes=30)


def owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def owner_alive(owner: str | None) -> bool:
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


class DeliveriesPart(StoreCore):
    def _transition(
        self,
        uuid: str,
        sql: str,
        params: Mapping[str, Any],
        audit: tuple[str, str, Mapping[str, Any]] | None = None,
        now: datetime | None = None,
    ) -> bool:
        self._yield_to_accept()  # delivery bookkeeping never queues in front of an accept
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
            {"owner": owner_id(), "now": to_db_time(now or utcnow())},
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
        self,
        uuid: str,
        case_no: str,
        platform_status: str | None,
        now: datetime | None = None,
        *,
        platform_at: datetime | None = None,
    ) -> bool:
        """``platform_at``: when the platform acknowledged, in its time (e.g. the answer's
        ``Date``); without it the learned clock offset estimates it. Retention counts
        from it, so a fast station clock cannot purge early."""
        now = now or utcnow()
        if platform_at is None:
            row = self._db().execute("SELECT value FROM kv WHERE key = 'clock_offset_s'").fetchone()
            if row is not None:
                platform_at = now + timedelta(seconds=float(row[0]))
        return self._transition(
            uuid,
            "UPDATE submissions SET sync_state = 'delivered', case_no = :case_no,"
            " platform_status = COALESCE(platform_status, :status),"
            " delivered_at = :now, delivered_platform_at = :platform_at,"
            " last_error = NULL, next_attempt_at = NULL,"
            " sending_owner = NULL, sending_since = NULL"
            " WHERE uuid = :uuid AND sync_state != 'delivered'",
            {
                "case_no": case_no,
                "status": platform_status,
                "now": to_db_time(now),
                "platform_at": to_db_time(platform_at) if platform_at is not None else None,
            },
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
                if force or stale or not owner_alive(owner):
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
