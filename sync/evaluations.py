"""Service evaluations (好差评) waiting for the platform, delivered like submissions.

An evaluation is written durably here the moment the citizen presses the
button, then `PUT /v1/evaluations/{uuid}` carries it (idempotent per uuid and
body): an answer means delivered, no answer means retry with backoff, a
refusal (4xx) means failed with the reason kept. The table comes from store
migration 6 (sync.store.evaluations_schema); this module keeps its own
connection to the station database so the store stays about submissions.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import uuid as uuid_mod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from sync.client import AuthError, SyncError, TransientError
from sync.side_backoff import side_delay
from sync.side_connection import side_connection
from sync.store.evaluations_schema import MIGRATION_SQL as MIGRATION_SQL
from wire.canonical import canonical_json

log = logging.getLogger(__name__)



@runtime_checkable
class EvaluationAPI(Protocol):
    def put_evaluation(self, uuid: str, evaluation: dict[str, Any]) -> None: ...


class AlreadyEvaluated(Exception):
    """Each case is evaluated once (GB/T 39734: 一事一评)."""


@dataclass(frozen=True)
class DeliveryCount:
    delivered: int
    retried: int
    failed: int
    auth_failed: bool = False


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class EvaluationQueue:
    """Opens a connection per call: evaluations are rare, and nothing is left open
    for a caller to forget (the kiosk and the engine thread both use it)."""

    def __init__(self, db_path: Path) -> None:
        self._path = db_path

    def _db(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return side_connection(self._path, foreign_keys=True)

    def enqueue(
        self, submission_uuid: str, body: Mapping[str, Any], *, now: datetime | None = None
    ) -> str:
        """Store one evaluation for delivery; raises AlreadyEvaluated for a second one."""
        uuid = str(uuid_mod.uuid4())
        text = canonical_json(dict(body)).decode("utf-8")
        with self._db() as db:
            try:
                with db:
                    db.execute(
                        "INSERT INTO evaluations (uuid, submission_uuid, body, created_at)"
                        " VALUES (?, ?, ?, ?)",
                        [uuid, submission_uuid, text, _iso(now or datetime.now(UTC))],
                    )
            except sqlite3.IntegrityError as e:
                raise AlreadyEvaluated(submission_uuid) from e
        log.info("evaluation %s queued", uuid)
        return uuid

    def evaluated(self, submission_uuids: list[str]) -> set[str]:
        if not submission_uuids:
            return set()
        marks = ",".join("?" for _ in submission_uuids)
        with self._db() as db:
            rows = db.execute(
                f"SELECT submission_uuid FROM evaluations WHERE submission_uuid IN ({marks})",
                submission_uuids,
            ).fetchall()
        return {str(r[0]) for r in rows}

    def depth(self) -> int:
        with self._db() as db:
            row = db.execute("SELECT COUNT(*) FROM evaluations WHERE state = 'queued'").fetchone()
        return int(row[0])

    def state_of(self, uuid: str) -> str | None:
        with self._db() as db:
            row = db.execute("SELECT state FROM evaluations WHERE uuid = ?", [uuid]).fetchone()
        return None if row is None else str(row[0])

    def _due(self, now: datetime) -> list[sqlite3.Row]:
        with self._db() as db:
            return db.execute(
                "SELECT * FROM evaluations WHERE state = 'queued'"
                " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY created_at",
                [_iso(now)],
            ).fetchall()

    def _set(self, uuid: str, sql: str, params: list[Any]) -> None:
        with self._db() as db, db:
            db.execute(f"UPDATE evaluations SET {sql} WHERE uuid = ?", [*params, uuid])

    def deliver_due(self, client: EvaluationAPI, *, now: datetime | None = None) -> DeliveryCount:
        """Send every due evaluation; stops at the first 'no answer' (the link is down)."""
        now = now or datetime.now(UTC)
        delivered = retried = failed = 0
        for row in self._due(now):
            uuid, attempts = str(row["uuid"]), int(row["attempts"]) + 1
            try:
                client.put_evaluation(uuid, _json(row["body"]))
            except AuthError as e:
                log.error("platform refused our credentials for evaluations: %s", e)
                return DeliveryCount(delivered, retried, failed, auth_failed=True)
            except TransientError as e:
                delay = side_delay(attempts)
                self._set(
                    uuid,
                    "attempts = ?, next_attempt_at = ?, last_error = ?",
                    [attempts, _iso(now + timedelta(seconds=delay)), str(e)[:300]],
                )
                retried += 1
                break
            except SyncError as e:  # refused (4xx, 409): retrying the same body cannot help
                self._set(uuid, "state = 'failed', attempts = ?, last_error = ?",
                          [attempts, str(e)[:300]])
                log.error("platform refused evaluation %s: %s", uuid, e)
                failed += 1
                continue
            self._set(
                uuid,
                "state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL",
                [attempts, _iso(now)],
            )
            delivered += 1
        return DeliveryCount(delivered, retried, failed)


def _json(text: str) -> dict[str, Any]:
    value = json.loads(text)
    assert isinstance(value, dict)
    return value
