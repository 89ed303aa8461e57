"""Supplements (补正, P5), refusals (不予受理) and handovers (办结领取, P6) owed to the
platform: a durable queue delivered exactly once, like submissions.

Each is written here (sealed: it carries names and ID numbers) the moment the clerk
records it, then an engine pass task (:mod:`sync.engine.outcomes`) uploads a
supplement's pages (resumable, as a submission's) and PUTs the body, idempotent per
uuid and body. It counts as delivered only on an answer whose proof verifies; no
answer means retry with backoff; a refusal (4xx, 409) means failed with the reason
kept. Supplements and handovers wait until their case itself is delivered. The tables
come from store migration 7 (:mod:`sync.store.outcomes_schema`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import uuid as uuid_mod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sync.side_connection import side_connection
from sync.store import Store
from wire.canonical import canonical_json

__all__ = ["AlreadyHandedOver", "OutcomeKind", "OutcomeQueue", "OutcomeRow", "iso"]

log = logging.getLogger(__name__)


class OutcomeKind(StrEnum):
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    HANDOVER = "handover"


class AlreadyHandedOver(Exception):
    """A case's result is handed over once."""


@dataclass(frozen=True)
class OutcomeRow:
    uuid: str
    kind: OutcomeKind
    submission_uuid: str | None
    reference: str  # receipt number (supplement, handover) or notice number (refusal)
    state: str  # queued / delivered / failed
    attempts: int
    last_error: str
    created_at: str
    delivered_at: str | None
    platform_status: str | None
    pages: tuple[tuple[str, str], ...]  # (material code, sha256), in order


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class OutcomeQueue:
    """A connection per call (outcomes are rare); the store provides the data key and
    page images."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _db(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return side_connection(self.store.db_path, foreign_keys=True)

    def _seal(self, uuid: str, body: Mapping[str, Any]) -> bytes:
        return self.store.keys.seal(canonical_json(dict(body)), aad=f"outcome:{uuid}".encode())

    def body(self, uuid: str) -> dict[str, Any]:
        with self._db() as db:
            row = db.execute("SELECT body_sealed FROM case_outcomes WHERE uuid = ?",
                             [uuid]).fetchone()
        if row is None:
            raise KeyError(uuid)
        value = json.loads(self.store.keys.open(bytes(row[0]), aad=f"outcome:{uuid}".encode()))
        assert isinstance(value, dict)
        return value

    def enqueue(
        self,
        kind: OutcomeKind,
        body: Mapping[str, Any],
        *,
        reference: str,
        submission_uuid: str | None = None,
        pages: Sequence[tuple[str, str]] = (),
        uuid: str | None = None,
        now: datetime | None = None,
    ) -> str:
        """Store one outcome for delivery (``body["uuid"]`` is set to its uuid).
        Raises AlreadyHandedOver for a second handover of a case."""
        uuid = uuid or str(uuid_mod.uuid4())
        full = {**body, "uuid": uuid}
        missing = [sha for _, sha in pages if not self.store.has_blob(sha)]
        if missing:
            raise ValueError(f"page images not stored: {[s[:12] for s in missing]}")
        with self._db() as db:
            try:
                with db:
                    db.execute(
                        "INSERT INTO case_outcomes (uuid, kind, submission_uuid, reference,"
                        " body_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        [uuid, kind.value, submission_uuid, reference,
                         self._seal(uuid, full), iso(now or datetime.now(UTC))],
                    )
                    counters: dict[str, int] = {}
                    for code, sha in pages:
                        index = counters.get(code, 0)
                        counters[code] = index + 1
                        db.execute(
                            "INSERT INTO case_outcome_pages (outcome_uuid, material_code,"
                            " page_index, sha256) VALUES (?, ?, ?, ?)",
                            [uuid, code, index, sha],
                        )
            except sqlite3.IntegrityError as e:
                if kind is OutcomeKind.HANDOVER:
                    raise AlreadyHandedOver(submission_uuid) from e
                raise
        log.info("%s %s queued for %s", kind.value, uuid, reference)
        return uuid

    def _rows(self, where: str, params: list[Any]) -> list[OutcomeRow]:
        with self._db() as db:
            rows = db.execute(
                "SELECT uuid, kind, submission_uuid, reference, state, attempts, last_error,"
                f" created_at, delivered_at, platform_status FROM case_outcomes WHERE {where}"
                " ORDER BY created_at, rowid", params,
            ).fetchall()
            pages = {
                str(r["uuid"]): tuple(
                    (str(p[0]), str(p[1])) for p in db.execute(
                        "SELECT material_code, sha256 FROM case_outcome_pages"
                        " WHERE outcome_uuid = ? ORDER BY rowid", [r["uuid"]],
                    )
                )
                for r in rows
            }
        return [
            OutcomeRow(
                uuid=str(r["uuid"]), kind=OutcomeKind(r["kind"]),
                submission_uuid=r["submission_uuid"], reference=str(r["reference"]),
                state=str(r["state"]), attempts=int(r["attempts"]),
                last_error=str(r["last_error"] or ""), created_at=str(r["created_at"]),
                delivered_at=r["delivered_at"], platform_status=r["platform_status"],
                pages=pages[str(r["uuid"])],
            )
            for r in rows
        ]

    def for_case(self, submission_uuid: str) -> list[OutcomeRow]:
        return self._rows("submission_uuid = ?", [submission_uuid])

    def get(self, uuid: str) -> OutcomeRow | None:
        rows = self._rows("uuid = ?", [uuid])
        return rows[0] if rows else None

    def depth(self) -> int:
        with self._db() as db:
            row = db.execute("SELECT COUNT(*) FROM case_outcomes WHERE state = 'queued'").fetchone()
        return int(row[0])

    def due(self, now: datetime) -> list[OutcomeRow]:
        return self._rows(
            "state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)", [iso(now)]
        )

    def page_shas(self, uuid: str) -> list[str]:
        row = self.get(uuid)
        return [] if row is None else list(dict.fromkeys(sha for _, sha in row.pages))

    # -- what the delivery task records ----------------------------------------------------

    def _set(self, uuid: str, sql: str, params: list[Any]) -> None:
        with self._db() as db, db:
            db.execute(f"UPDATE case_outcomes SET {sql} WHERE uuid = ?", [*params, uuid])

    def mark_delivered(self, uuid: str, attempts: int, status: str, now: datetime) -> None:
        self._set(uuid, "state = 'delivered', attempts = ?, delivered_at = ?,"
                  " platform_status = ?, last_error = NULL", [attempts, iso(now), status])

    def mark_retry(self, uuid: str, attempts: int, when: datetime, error: str) -> None:
        self._set(uuid, "attempts = ?, next_attempt_at = ?, last_error = ?",
                  [attempts, iso(when), error[:300]])

    def mark_failed(self, uuid: str, attempts: int, error: str) -> None:
        self._set(uuid, "state = 'failed', attempts = ?, last_error = ?",
                  [attempts, error[:300]])
