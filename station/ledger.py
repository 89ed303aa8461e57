"""The case ledger (办件台账): search, keyset paging, one case in full, reprint.

Qt-free read model over the store. Searches by ID number and by name use the
keyed hashes stored at accept time (:mod:`sync.keyed_hash`), never plaintext;
rows come back with the applicant already masked. Pages are keyset-paged on
(accepted_at, rowid) newest first, so page 2 000 costs what page 1 costs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from intake.applicant import Applicant, LegalEntity
from intake.catalog import Catalog
from intake.errors import UnknownItem
from intake.identity import mask_id_number, mask_name
from station.deficiency_due import AcceptanceNote, OwedWarning, owed_warning
from station.intake_service import IntakeService
from station.paper import display_clerk
from sync.keyed_hash import LookupHasher
from sync.store import Store, SyncState
from sync.store.ledger import LedgerCursor, LedgerEntry, LedgerFilter

__all__ = [
    "CaseDetail",
    "LedgerCursor",
    "LedgerPage",
    "LedgerQuery",
    "LedgerRow",
    "LedgerService",
    "PageRef",
    "StatusStep",
]

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class LedgerQuery:
    """What the clerk typed; empty fields do not filter. Dates are local days, inclusive."""

    receipt_no: str = ""
    name: str = ""
    id_number: str = ""
    item_code: str = ""
    #: a platform status (受理, 审核中, 补正, 办结, 不予许可) or a local sync state
    status: str = ""
    #: only cases in one of these local upload states (empty: any)
    uploads: tuple[str, ...] = ()
    clerk_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class LedgerRow:
    uuid: str
    receipt_no: str
    accepted_at: datetime  # station time (the hall's clock)
    item_code: str
    item_name: str
    clerk_id: str
    applicant_name: str  # masked
    applicant_id: str  # masked
    sync_state: str
    platform_status: str
    case_no: str
    queue_ticket: str
    #: the clerk's display name from the clerk directory (the id when none)
    clerk_name: str = ""
    #: why delivery is stuck (the platform's refusal or the last error), else ""
    note: str = ""

    @property
    def stuck(self) -> bool:
        """Delivery needs the clerk: refused by the platform or waiting to retry."""
        return self.sync_state in ("quarantined", "retry")


@dataclass(frozen=True)
class LedgerPage:
    rows: tuple[LedgerRow, ...]
    #: pass back as ``after`` for the next page; None at the end
    next_cursor: LedgerCursor | None


@dataclass(frozen=True)
class PageRef:
    material_code: str
    material_name: str
    page_index: int
    sha256: str
    available: bool  # False once retention purged the image


@dataclass(frozen=True)
class StatusStep:
    status: str
    at: str  # station time, "YYYY-MM-DD HH:MM"
    note: str
    missing_materials: tuple[str, ...]


@dataclass(frozen=True)
class CaseDetail:
    row: LedgerRow
    pages: tuple[PageRef, ...]
    statuses: tuple[StatusStep, ...]
    #: documents printed for this case, oldest first: (action, at, clerk's name)
    documents: tuple[tuple[str, str, str], ...]
    #: 容缺受理 (what is owed, by when) or 告知承诺制 (what was committed); None = plain
    acceptance: AcceptanceNote | None = None
    #: 容缺受理 materials still owed near or past their day ("" = nothing to chase)
    owed_warning: OwedWarning | None = None


def mask_applicant(applicant: Applicant | None) -> tuple[str, str]:
    if applicant is None:
        return "—", "—"
    if isinstance(applicant, LegalEntity):
        return applicant.name, mask_id_number(applicant.credit_code)
    return mask_name(applicant.name), mask_id_number(applicant.id_number)


class LedgerService:
    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        hasher: LookupHasher,
        *,
        tz: timezone,
        intake: IntakeService | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        near_days: int = 2,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.hasher = hasher
        self.tz = tz
        self.intake = intake
        self.clock = clock
        self.near_days = near_days

    # -- search -----------------------------------------------------------------

    def _filter(self, q: LedgerQuery) -> LedgerFilter:
        def local_midnight(d: date) -> datetime:
            return datetime.combine(d, time(0), tzinfo=self.tz).astimezone(UTC)

        status = q.status.strip()
        sync_states = {s.value for s in SyncState}
        # both the upload filter and a status that is a local state narrow the states
        uploads: set[str] | None = set(q.uploads) & sync_states if q.uploads else None
        if status in sync_states:
            uploads = {status} if uploads is None else uploads & {status}
        return LedgerFilter(
            receipt_no=q.receipt_no.strip().upper() or None,
            name_hash=self.hasher.name(q.name) if q.name.strip() else None,
            id_hash=self.hasher.id_number(q.id_number) if q.id_number.strip() else None,
            item_code=q.item_code.strip() or None,
            platform_status=status if status and status not in sync_states else None,
            sync_states=None if uploads is None else tuple(sorted(uploads)),
            clerk_id=q.clerk_id.strip() or None,
            accepted_from=local_midnight(q.date_from) if q.date_from else None,
            accepted_before=(local_midnight(q.date_to + timedelta(days=1)) if q.date_to else None),
        )

    def search(
        self, query: LedgerQuery, *, after: LedgerCursor | None = None, limit: int = PAGE_SIZE
    ) -> LedgerPage:
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        page = self.store.ledger_page(self._filter(query), after=after, limit=limit)
        names = self.store.clerk_names()
        return LedgerPage(tuple(self._row(e, names) for e in page.entries), page.next_cursor)

    def iter_rows(self, query: LedgerQuery, *, batch: int = MAX_PAGE_SIZE) -> Iterator[LedgerRow]:
        """Every matching row, newest first, a page at a time (for exports)."""
        after: LedgerCursor | None = None
        while True:
            page = self.search(query, after=after, limit=batch)
            yield from page.rows
            if page.next_cursor is None:
                return
            after = page.next_cursor

    def item_usage(self, *, days: int = 90, now: datetime | None = None) -> dict[str, int]:
        """How often each item was accepted here lately: the picker lists these first."""
        since = (now or datetime.now(UTC)) - timedelta(days=days)
        return self.store.item_counts(since)

    def _item_name(self, code: str) -> str:
        try:
            return self.catalog.item(code).name_zh
        except UnknownItem:
            return code

    def _row(self, e: LedgerEntry, clerks: dict[str, str]) -> LedgerRow:
        name, id_masked = mask_applicant(e.applicant)
        return LedgerRow(
            uuid=e.uuid,
            receipt_no=e.receipt_no,
            accepted_at=e.accepted_at.astimezone(self.tz),
            item_code=e.item_code,
            item_name=self._item_name(e.item_code),
            clerk_id=e.clerk_id or "",
            applicant_name=name,
            applicant_id=id_masked,
            sync_state=e.sync_state,
            platform_status=e.platform_status or "",
            case_no=e.case_no or "",
            queue_ticket=e.queue_ticket or "",
            clerk_name=display_clerk(e.clerk_id or "", clerks),
            note=e.note,
        )

    # -- one case -------------------------------------------------------------------

    def open_case(self, uuid: str) -> CaseDetail:
        entry = self.store.ledger_entry(uuid)
        record = self.store.get(uuid)
        purged = record.blobs_purged_at is not None
        try:
            item = self.catalog.item(entry.item_code)
            names = {m.code: m.name_zh for m in item.materials}
        except UnknownItem:
            names = {}
        # the platform names requested materials by code; show the catalog's names
        pages = tuple(
            PageRef(
                material_code=m.material_code,
                material_name=names.get(m.material_code, m.material_code),
                page_index=i,
                sha256=sha,
                available=not purged and self.store.has_blob(sha),
            )
            for m in record.submission.materials
            for i, sha in enumerate(m.pages)
        )
        statuses = tuple(
            StatusStep(
                status=str(ev.get("status", "")),
                at=self._local_time(str(ev.get("at") or "")),
                note=str(ev.get("note") or ""),
                missing_materials=tuple(
                    names.get(str(x), str(x)) for x in ev.get("missing_materials") or ()
                ),
            )
            for ev in self.store.status_history(uuid)
        )
        clerks = self.store.clerk_names()
        documents = tuple(
            (str(r["action"]), str(r["at"]), display_clerk(str(r["actor"]), clerks))
            for r in self.store.audit_for_subject(uuid, ("print", "reprint", "handover.printed"))
        )
        acceptance = record.submission.acceptance
        warning = owed_warning(
            acceptance, self.store.supplemented_materials([uuid])[uuid], names,
            self.clock().astimezone(self.tz).date(), self.catalog.calendar, self.near_days,
        )  # fmt: skip
        return CaseDetail(
            self._row(entry, clerks),
            pages,
            statuses,
            documents,
            AcceptanceNote.of(acceptance, names),
            warning,
        )

    def _local_time(self, iso: str) -> str:
        """An event's ISO time as the hall's clock reads it (text kept if unparseable)."""
        try:
            at = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            return iso[:32]
        if at.tzinfo is None:
            return iso[:32]
        return at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")

    def page_image(self, sha256: str) -> bytes:
        with self.store.open_blob(sha256) as f:
            return f.read()

    # -- reprint ----------------------------------------------------------------------

    def reprint(self, uuid: str, *, clerk_id: str) -> bytes:
        """Print the case's 受理回执 again (marked as a copy) and audit it."""
        if self.intake is None:
            raise RuntimeError("reprint needs the intake service")
        record = self.store.get(uuid)
        item = self.catalog.item(record.submission.item_code)
        receipt = self.intake.receipt_for(record.submission, item)
        receipt = dataclasses.replace(receipt, title="受理回执（补打）")
        data = self.intake.print_receipt(receipt)
        self.store.audit(clerk_id, "reprint", uuid, {"document": "receipt"})
        return data
