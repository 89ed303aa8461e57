"""Ledger and efficiency queries: keyset pages of cases, per-case audit, day/month counts.

Read-only, one short statement each, so the clerk's ledger never holds a lock
an accept would wait on. Pages are keyset-paged on ``(accepted_at, rowid)``
newest first, using the ``submissions_order`` index (or the filter's own
``(column, accepted_at)`` index), so any page costs what the first one costs.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from intake.acceptance import COMMITMENT_FORM
from intake.applicant import Applicant
from sync.crypto import DecryptionError
from sync.store.records import UnknownSubmission, from_db_time, to_db_time
from sync.store.submissions import SubmissionsPart

#: (accepted_at as stored, rowid) of the last row of a page
LedgerCursor = tuple[str, int]

_COLUMNS = (
    "rowid AS rid, uuid, receipt_no, accepted_at, started_at, item_code, clerk_id,"
    " applicant_sealed, sync_state, platform_status, case_no, queue_ticket, last_error"
)


@dataclass(frozen=True)
class LedgerFilter:
    """Exact filters (None: any). Hashes come from :class:`sync.keyed_hash.LookupHasher`."""

    receipt_no: str | None = None  # a part of the receipt number
    name_hash: str | None = None
    id_hash: str | None = None
    item_code: str | None = None
    platform_status: str | None = None
    #: any of these local upload states (the case list's "not yet delivered" is three)
    sync_states: tuple[str, ...] | None = None
    clerk_id: str | None = None
    accepted_from: datetime | None = None  # inclusive
    accepted_before: datetime | None = None  # exclusive


@dataclass(frozen=True)
class LedgerEntry:
    uuid: str
    receipt_no: str
    accepted_at: datetime
    started_at: datetime | None
    item_code: str
    clerk_id: str | None
    #: None when the sealed record cannot be opened (reported, never shown raw)
    applicant: Applicant | None
    sync_state: str
    platform_status: str | None
    case_no: str | None
    queue_ticket: str | None
    cursor: LedgerCursor
    #: why delivery is stuck (the platform's refusal or the last error), "" when it is not
    note: str = ""


@dataclass(frozen=True)
class LedgerEntries:
    """One keyset page of cases, newest first."""

    entries: tuple[LedgerEntry, ...]
    #: pass back as ``after`` for the next page; None when this was the last
    next_cursor: LedgerCursor | None


@dataclass(frozen=True)
class AcceptStat:
    clerk_id: str
    item_code: str
    accepted: int
    handling_seconds: float  # sum over the cases that recorded a start
    timed: int  # how many cases recorded a start


@dataclass(frozen=True)
class OpenCase:
    uuid: str
    receipt_no: str
    item_code: str
    clerk_id: str
    accepted_at: datetime
    platform_status: str | None


@dataclass(frozen=True)
class CaseTimeline:
    """What decides how long a case waited on the applicant (补正): its platform status
    events (when each happened, oldest first) and when each of its supplements reached
    the platform."""

    statuses: list[tuple[datetime, str]] = field(default_factory=list)
    supplements_delivered: list[datetime] = field(default_factory=list)


def _parse_time(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    with contextlib.suppress(ValueError):
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            return parsed
    return None


#: longer than any receipt number: such a fragment matches nothing (and SQLite refuses a
#: LIKE pattern over 50,000 bytes with "pattern too complex")
MAX_RECEIPT_FRAGMENT = 64


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(f: LedgerFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.receipt_no and ("\x00" in f.receipt_no or len(f.receipt_no) > MAX_RECEIPT_FRAGMENT):
        # SQLite's LIKE ends a pattern at NUL: "%\0%" would match every case
        clauses.append("0")
    elif f.receipt_no:
        clauses.append("receipt_no LIKE ? ESCAPE '\\'")
        params.append(f"%{_like_escape(f.receipt_no)}%")
    for column, value in (
        ("name_hash", f.name_hash),
        ("id_hash", f.id_hash),
        ("item_code", f.item_code),
        ("platform_status", f.platform_status),
        ("clerk_id", f.clerk_id),
    ):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if f.sync_states is not None:
        clauses.append(f"sync_state IN ({', '.join('?' for _ in f.sync_states) or 'NULL'})")
        params.extend(f.sync_states)
    if f.accepted_from is not None:
        clauses.append("accepted_at >= ?")
        params.append(to_db_time(f.accepted_from))
    if f.accepted_before is not None:
        clauses.append("accepted_at < ?")
        params.append(to_db_time(f.accepted_before))
    return clauses, params


class LedgerPart(SubmissionsPart):
    def _entry(self, r: dict[str, Any]) -> LedgerEntry:
        try:
            applicant: Applicant | None = self._open_applicant(
                str(r["uuid"]), r["applicant_sealed"]
            )
        except (DecryptionError, ValueError, KeyError, TypeError):
            applicant = None
        accepted_at = from_db_time(r["accepted_at"])
        assert accepted_at is not None
        return LedgerEntry(
            uuid=str(r["uuid"]),
            receipt_no=str(r["receipt_no"]),
            accepted_at=accepted_at,
            started_at=from_db_time(r["started_at"]),
            item_code=str(r["item_code"]),
            clerk_id=r["clerk_id"],
            applicant=applicant,
            sync_state=str(r["sync_state"]),
            platform_status=r["platform_status"],
            case_no=r["case_no"],
            queue_ticket=r["queue_ticket"],
            cursor=(str(r["accepted_at"]), int(r["rid"])),
            note=str(r["last_error"] or ""),
        )

    def ledger_page(
        self, flt: LedgerFilter, *, after: LedgerCursor | None = None, limit: int = 50
    ) -> LedgerEntries:
        """Up to ``limit`` cases matching ``flt``, newest first, after ``after``; the
        page's ``next_cursor`` asks for the following (older) page, None at the end.
        Every list of cases on the station pages through here."""
        limit = max(1, int(limit))
        clauses, params = _where(flt)
        if after is not None:
            clauses.append("(accepted_at, rowid) < (?, ?)")
            params.extend(after)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db().query(
            f"SELECT {_COLUMNS} FROM submissions {where}"
            " ORDER BY accepted_at DESC, rowid DESC LIMIT ?",
            [*params, limit + 1],  # one more tells whether another page follows
        )
        entries = [self._entry(r) for r in rows]
        more = len(entries) > limit
        entries = entries[:limit]
        return LedgerEntries(tuple(entries), entries[-1].cursor if more else None)

    def ledger_entry(self, uuid: str) -> LedgerEntry:
        rows = list(self._db().query(f"SELECT {_COLUMNS} FROM submissions WHERE uuid = ?", [uuid]))
        if not rows:
            raise UnknownSubmission(f"no submission {uuid}")
        return self._entry(rows[0])

    def audit_for_subject(self, subject: str, actions: Sequence[str]) -> list[dict[str, Any]]:
        marks = ", ".join("?" for _ in actions)
        return list(
            self._db().query(
                f"SELECT id, at, actor, action, detail FROM audit_log"
                f" WHERE subject = ? AND action IN ({marks}) ORDER BY id",
                [subject, *actions],
            )
        )

    def item_counts(self, since: datetime) -> dict[str, int]:
        """Cases accepted per item code since ``since`` (for "most used first")."""
        rows = (
            self._db()
            .execute(
                "SELECT item_code, COUNT(*) FROM submissions WHERE accepted_at >= ? GROUP BY 1",
                [to_db_time(since)],
            )
            .fetchall()
        )
        return {str(code): int(n) for code, n in rows}

    # -- efficiency -----------------------------------------------------------------

    def accept_stats(self, since: datetime, until: datetime) -> list[AcceptStat]:
        """Accepted cases in [since, until) per (clerk, item), with handling time sums."""
        rows = (
            self._db()
            .execute(
                "SELECT COALESCE(clerk_id, channel), item_code, COUNT(*),"
                " SUM(CASE WHEN started_at IS NOT NULL AND started_at <= accepted_at"
                "     THEN (julianday(accepted_at) - julianday(started_at)) * 86400.0 END),"
                " COUNT(CASE WHEN started_at IS NOT NULL AND started_at <= accepted_at THEN 1 END)"
                " FROM submissions WHERE accepted_at >= ? AND accepted_at < ?"
                " GROUP BY 1, 2",
                [to_db_time(since), to_db_time(until)],
            )
            .fetchall()
        )
        return [
            AcceptStat(str(c), str(i), int(n), float(s or 0.0), int(t)) for c, i, n, s, t in rows
        ]

    def outcome_stats(
        self, actions: Sequence[str], since: datetime, until: datetime
    ) -> list[tuple[str, str, str, int]]:
        """(actor, action, item code, count) of audited outcomes (notices, refusals)."""
        marks = ", ".join("?" for _ in actions)
        rows = (
            self._db()
            .execute(
                "SELECT actor, action, COALESCE(json_extract(detail, '$.item_code'), ''), COUNT(*)"
                f" FROM audit_log WHERE action IN ({marks}) AND at >= ? AND at < ?"
                " GROUP BY 1, 2, 3",
                [*actions, to_db_time(since), to_db_time(until)],
            )
            .fetchall()
        )
        return [(str(a), str(b), str(c), int(n)) for a, b, c, n in rows]

    def open_cases(self, accepted_since: datetime, final_statuses: Sequence[str]) -> list[OpenCase]:
        """Cases accepted since then whose platform status is not final (oldest first)."""
        marks = ", ".join("?" for _ in final_statuses) or "NULL"
        rows = (
            self._db()
            .execute(
                "SELECT uuid, receipt_no, item_code, COALESCE(clerk_id, channel), accepted_at,"
                " platform_status FROM submissions WHERE accepted_at >= ?"
                f" AND (platform_status IS NULL OR platform_status NOT IN ({marks}))"
                " ORDER BY accepted_at",
                [to_db_time(accepted_since), *final_statuses],
            )
            .fetchall()
        )
        out = []
        for uuid, receipt_no, item_code, clerk, at, status in rows:
            accepted_at = from_db_time(at)
            assert accepted_at is not None
            out.append(OpenCase(uuid, receipt_no, item_code, clerk, accepted_at, status))
        return out

    def case_timelines(self, uuids: Sequence[str]) -> dict[str, CaseTimeline]:
        """Per case: its status events (the platform's time when the event carries one,
        else when the station received it) and its delivered supplements."""
        out: dict[str, CaseTimeline] = {u: CaseTimeline() for u in uuids}
        db = self._db()
        wanted = list(out)
        for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for uuid, status, payload, received in db.execute(
                "SELECT uuid, status, payload, received_at FROM status_events"
                f" WHERE uuid IN ({marks}) ORDER BY rowid",
                chunk,
            ).fetchall():
                at = None
                with contextlib.suppress(ValueError, TypeError, AttributeError):
                    at = _parse_time(json.loads(payload).get("at"))
                when = at or from_db_time(received)
                assert when is not None
                out[uuid].statuses.append((when, str(status)))
            for uuid, delivered in db.execute(
                "SELECT o.submission_uuid, o.delivered_at FROM case_outcomes o"
                " WHERE o.kind = 'supplement' AND o.state = 'delivered'"
                f" AND o.submission_uuid IN ({marks})"
                # the signed 告知承诺书 (P10) answers no 补正
                " AND NOT EXISTS (SELECT 1 FROM case_outcome_pages p"
                " WHERE p.outcome_uuid = o.uuid AND p.material_code = ?)",
                [*chunk, COMMITMENT_FORM],
            ).fetchall():
                if (when := _parse_time(delivered)) is not None:
                    out[uuid].supplements_delivered.append(when)
        for timeline in out.values():
            timeline.statuses.sort(key=lambda e: e[0])
            timeline.supplements_delivered.sort()
        return out

    def open_deficiencies(
        self, accepted_since: datetime, final_statuses: Sequence[str]
    ) -> list[tuple[OpenCase, str]]:
        """容缺受理 cases accepted since then, not final: each with its acceptance JSON."""
        marks = ", ".join("?" for _ in final_statuses) or "NULL"
        rows = (
            self._db()
            .execute(
                "SELECT uuid, receipt_no, item_code, COALESCE(clerk_id, channel), accepted_at,"
                " platform_status, acceptance FROM submissions WHERE accepted_at >= ?"
                " AND acceptance LIKE '%\"deficiency\"%'"
                f" AND (platform_status IS NULL OR platform_status NOT IN ({marks}))"
                " ORDER BY accepted_at",
                [to_db_time(accepted_since), *final_statuses],
            )
            .fetchall()
        )
        out = []
        for uuid, receipt_no, item_code, clerk, at, status, acceptance in rows:
            accepted_at = from_db_time(at)
            assert accepted_at is not None
            case = OpenCase(uuid, receipt_no, item_code, clerk, accepted_at, status)
            out.append((case, str(acceptance)))
        return out

    def supplemented_materials(self, uuids: Sequence[str]) -> dict[str, set[str]]:
        """Per case, the material codes the clerk has added pages for as a supplement
        (queued or delivered: the applicant brought them either way)."""
        out: dict[str, set[str]] = {u: set() for u in uuids}
        wanted = list(out)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for uuid, code in self._db().execute(
                "SELECT o.submission_uuid, p.material_code FROM case_outcomes o"
                " JOIN case_outcome_pages p ON p.outcome_uuid = o.uuid"
                f" WHERE o.kind = 'supplement' AND o.submission_uuid IN ({marks})",
                chunk,
            ).fetchall():
                out[uuid].add(str(code))
        return out
