"""Read-only queries: one record, the delivery queue, counts (case lists: ledger.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sync.store.records import (
    SubmissionRecord,
    SyncState,
    UnknownSubmission,
    from_db_time,
    to_db_time,
    utcnow,
)
from sync.store.submissions import SubmissionsPart


class QueriesPart(SubmissionsPart):
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
        self,
        states: Iterable[SyncState | str] | None = None,
        *,
        limit: int = 200,
        offset: int = 0,
    ) -> list[SubmissionRecord]:
        """Newest first; optionally only some sync states. Lists a person pages through
        use :meth:`ledger_page` (keyset: its cost does not grow with the page number,
        an offset's does)."""
        where, params = _state_filter(states)
        db = self._db()
        rows = list(
            db.query(
                f"SELECT * FROM submissions {where}"
                " ORDER BY accepted_at DESC, rowid DESC LIMIT ? OFFSET ?",
                [*params, max(0, int(limit)), max(0, int(offset))],
            )
        )
        return [self._record(db, r) for r in rows]

    def count_records(self, states: Iterable[SyncState | str] | None = None) -> int:
        where, params = _state_filter(states)
        row = self._db().execute(f"SELECT COUNT(*) FROM submissions {where}", params).fetchone()
        return int(row[0])

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

    def all_receipt_numbers(self) -> set[str]:
        return {str(r[0]) for r in self._db().execute("SELECT receipt_no FROM submissions")}


def _state_filter(states: Iterable[SyncState | str] | None) -> tuple[str, list[Any]]:
    if states is None:
        return "", []
    st = [SyncState(s).value for s in states]
    return f"WHERE sync_state IN ({', '.join('?' for _ in st)})", list(st)
