"""Closing the loop on a case: 补正 (supplement) and 办结领取 (handover), Qt-free.

The clerk's case view asks :meth:`CaseFollowUp.view` what the department asked for
(the note and the requested materials of the latest 补正 event) and whether the
result is ready; pages added to the EXISTING case and the handover are queued
durably (:class:`sync.case_outcomes.OutcomeQueue`) and delivered exactly once by the
sync engine. Every method touches the disk: call it off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from devices.idcard.card import IdCardData
from devices.printer.receipt import Receipt
from intake.acceptance import COMMITMENT_FORM, COMMITMENT_FORM_PURPOSE, Mode
from intake.applicant import Person, validate_applicant
from intake.catalog import Catalog
from intake.errors import IntakeError, UnknownItem
from intake.submission import format_utc
from station.handover_paper import HandedOver, handover_acknowledgement
from station.intake_service import IntakeService
from station.typed_text import RELATION_CHARS, SUPPLEMENT_NOTE_CHARS, typed_text
from sync.case_outcomes import AlreadyHandedOver, OutcomeKind, OutcomeQueue, OutcomeRow
from sync.problems import Code, Problem
from sync.store import Store, SyncState

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "CaseFollowUp",
    "FollowUpView",
    "HandoverDone",
    "OutcomeRow",
    "SupplementRequest",
]

log = logging.getLogger(__name__)

NEEDS_SUPPLEMENT = "补正"
RESULT_READY = "办结"
MAX_SUPPLEMENT_PAGES = 200


@dataclass(frozen=True)
class SupplementRequest:
    """What the department asked for in its latest 补正 event (its text, as plain text)."""

    note: str
    #: (material code or "" when the platform named something the catalog lacks, name)
    materials: tuple[tuple[str, str], ...]
    at: str


@dataclass(frozen=True)
class FollowUpView:
    uuid: str
    receipt_no: str
    case_no: str
    item_name: str
    platform_status: str
    delivered: bool
    request: SupplementRequest | None
    #: every material of the item (code, name): what a supplement page may be filed under
    materials: tuple[tuple[str, str], ...]
    supplements: tuple[OutcomeRow, ...]
    handover: OutcomeRow | None
    #: 告知承诺制: the case was accepted on the applicant's commitment
    commitment_accepted: bool = False
    #: the signed 告知承诺书 captured back into the case (None: not yet)
    commitment_form: OutcomeRow | None = None
    #: the case itself was quarantined (the platform refused it for good): its stored
    #: problem (``sync.problems``), worded by the front end. While it is set, a queued
    #: supplement or handover of this case cannot be sent: it waits for the case.
    case_blocked: str | None = None

    @property
    def can_capture_commitment(self) -> bool:
        """The signed form may be captured: a 告知承诺制 case without one (or whose
        capture the platform refused, so that a good one can replace it)."""
        form = self.commitment_form
        return self.commitment_accepted and (form is None or form.state == "failed")

    def blocked(self, row: OutcomeRow) -> bool:
        """True when ``row`` waits on a quarantined case (it is not merely queued)."""
        return self.case_blocked is not None and row.state == "queued"

    @property
    def can_supplement(self) -> bool:
        return self.platform_status == NEEDS_SUPPLEMENT

    @property
    def can_hand_over(self) -> bool:
        return self.platform_status == RESULT_READY and self.handover is None


@dataclass(frozen=True)
class HandoverDone:
    outcome_uuid: str
    printed: bytes | None  # the ESC/POS bytes sent, None when printing failed
    #: the acknowledgement itself, for a reprint or its A4 PDF
    paper: Receipt | None = None
    #: why it did not print (the front end words it); None when printed
    print_failure: BaseException | None = None

    @property
    def print_error(self) -> str:
        """Why it did not print, in English for logs and the demo; "" when printed."""
        if self.print_failure is None:
            return ""
        return str(self.print_failure) or type(self.print_failure).__name__


def is_commitment_form(row: OutcomeRow) -> bool:
    """A supplement carrying the signed 告知承诺书 (its pages filed under that code)."""
    return row.kind is OutcomeKind.SUPPLEMENT and any(c == COMMITMENT_FORM for c, _ in row.pages)


def _error(code: str, en: str) -> IntakeError:
    return IntakeError(f"followup.{code}", en)


class CaseFollowUp:
    def __init__(self, store: Store, catalog: Catalog, intake: IntakeService) -> None:
        self._store = store
        self._catalog = catalog
        self._intake = intake
        self.queue = OutcomeQueue(store)
        #: while a handover is being recorded, the card read goes there (GUI thread)
        self.card_listener: Callable[[IdCardData], None] | None = None
        #: the document camera's latest frame (set by the clerk window; None: no camera)
        self.latest_frame: Callable[[], NDArray[np.uint8] | None] | None = None

    def take_card(self, card: IdCardData) -> bool:
        """Give a card read to the handover in progress, if any; True when taken."""
        listener = self.card_listener
        if listener is None:
            return False
        listener(card)
        return True

    def _materials(self, item_code: str) -> tuple[tuple[str, str], ...]:
        try:
            return tuple((m.code, m.name_zh) for m in self._catalog.item(item_code).materials)
        except UnknownItem:
            return ()

    def view(self, uuid: str) -> FollowUpView:
        record = self._store.get(uuid)
        sub = record.submission
        materials = self._materials(sub.item_code)
        request = None
        if record.platform_status == NEEDS_SUPPLEMENT:
            request = self._request(uuid, dict(materials))
        rows = self.queue.for_case(uuid)
        forms = [r for r in rows if is_commitment_form(r)]
        live_forms = [r for r in forms if r.state != "failed"]
        try:
            item_name = self._catalog.item(sub.item_code).name_zh
        except UnknownItem:
            item_name = sub.item_code
        return FollowUpView(
            uuid=uuid, receipt_no=sub.receipt_no, case_no=record.case_no or "",
            item_name=item_name, platform_status=record.platform_status or "",
            delivered=record.sync_state is SyncState.DELIVERED, request=request,
            materials=materials,
            supplements=tuple(
                r for r in rows if r.kind is OutcomeKind.SUPPLEMENT and r not in forms
            ),
            commitment_accepted=sub.acceptance is not None
            and sub.acceptance.mode is Mode.COMMITMENT,
            commitment_form=(live_forms or forms)[-1] if forms else None,
            handover=next((r for r in rows if r.kind is OutcomeKind.HANDOVER), None),
            case_blocked=(record.last_error or Problem.of(Code.PLATFORM_REFUSED).encode())
            if record.sync_state is SyncState.QUARANTINED else None,
        )  # fmt: skip

    def _request(self, uuid: str, names: dict[str, str]) -> SupplementRequest | None:
        by_name = {v: k for k, v in names.items()}
        for event in reversed(self._store.status_history(uuid)):
            if event.get("status") != NEEDS_SUPPLEMENT:
                continue
            wanted: list[tuple[str, str]] = []
            for raw in event.get("missing_materials") or ():
                text = str(raw)[:200]
                if text in names:  # the platform named it by code
                    wanted.append((text, names[text]))
                else:
                    wanted.append((by_name.get(text, ""), text))
            return SupplementRequest(str(event.get("note") or "")[:2000], tuple(wanted),
                                     str(event.get("at") or ""))
        return None

    def store_page(self, jpeg: bytes) -> str:
        return self._intake.store_page(jpeg)

    def page_bytes(self, sha256: str) -> bytes:
        return self._intake.page_bytes(sha256)

    def add_supplement(
        self, uuid: str, pages: Sequence[tuple[str, str]], *, clerk_id: str, note: str = "",
        now: datetime | None = None,
    ) -> str:
        """Queue the pages (material code, sha256) as one supplement to the case; a
        note over the platform's limit is refused (station.typed_text), never cut."""
        typed = typed_text(note, limit=SUPPLEMENT_NOTE_CHARS, multiline=True)
        view = self.view(uuid)
        if not view.can_supplement:
            raise _error("not_requested", f"case {view.receipt_no} is not waiting for a supplement")
        if not pages or len(pages) > MAX_SUPPLEMENT_PAGES:
            raise _error("no_pages", "a supplement needs 1-200 pages")
        codes = {code for code, _ in view.materials}
        for code, _ in pages:
            if code not in codes:
                raise _error("material", f"{code} is not a material")
        moment = now or datetime.now(UTC)
        grouped: dict[str, list[str]] = {}
        for code, sha in pages:
            grouped.setdefault(code, [])
            if sha not in grouped[code]:
                grouped[code].append(sha)
        body = {
            "submission_uuid": uuid, "receipt_no": view.receipt_no, "clerk_id": clerk_id,
            "added_at": format_utc(moment), "note": typed,
            "materials": [{"code": c, "pages": p} for c, p in grouped.items()],
        }
        out = self.queue.enqueue(OutcomeKind.SUPPLEMENT, body, reference=view.receipt_no,
                                 submission_uuid=uuid, pages=list(pages), now=moment)
        self._store.audit(clerk_id, "supplement.added", uuid,
                          {"outcome": out, "pages": len(pages)})
        log.info("supplement %s for %s: %d page(s)", out, view.receipt_no, len(pages))
        return out

    def add_commitment_form(
        self, uuid: str, pages: Sequence[str], *, clerk_id: str, now: datetime | None = None,
    ) -> str:
        """Queue the signed 告知承诺书's pages (sha256) for the platform, once per case: a
        P5 supplement with purpose "commitment_form" (docs/protocol.md P10)."""
        view = self.view(uuid)
        if not view.commitment_accepted:
            raise _error("not_commitment",
                         f"case {view.receipt_no} was not accepted on a commitment")
        if not view.can_capture_commitment:
            raise _error("commitment_form_exists",
                         f"case {view.receipt_no} already has its signed commitment form")
        shas = list(dict.fromkeys(pages))
        if not shas or len(shas) > MAX_SUPPLEMENT_PAGES:
            raise _error("commitment_no_pages", "a commitment form needs pages")
        moment = now or datetime.now(UTC)
        body = {
            "purpose": COMMITMENT_FORM_PURPOSE, "submission_uuid": uuid,
            "receipt_no": view.receipt_no, "clerk_id": clerk_id,
            "added_at": format_utc(moment), "note": "申请人签字的告知承诺书",
            "materials": [{"code": COMMITMENT_FORM, "pages": shas}],
        }  # fmt: skip
        out = self.queue.enqueue(
            OutcomeKind.SUPPLEMENT, body, reference=view.receipt_no, submission_uuid=uuid,
            pages=[(COMMITMENT_FORM, sha) for sha in shas], now=moment,
        )  # fmt: skip
        self._store.audit(clerk_id, "commitment_form.added", uuid,
                          {"outcome": out, "pages": len(shas)})  # fmt: skip
        log.info("signed commitment form %s for %s: %d page(s)", out, view.receipt_no, len(shas))
        return out

    def hand_over(
        self, uuid: str, collector: HandedOver, *, clerk_id: str, now: datetime | None = None,
    ) -> HandoverDone:
        """Record the handover (queued for the platform) and print the acknowledgement."""
        view = self.view(uuid)
        if not view.can_hand_over:
            raise _error("not_ready", f"case {view.receipt_no} is not ready to hand over")
        if collector.role not in ("applicant", "agent"):
            raise _error("role", f"unknown role {collector.role!r}")
        # typed by the clerk: plain and capped, too long refused, never cut
        relation = typed_text(collector.relation, limit=RELATION_CHARS)
        if collector.role == "agent" and not relation:
            raise _error("relation", "an agent needs a relation")
        checked = validate_applicant(Person(
            name=collector.name, id_number=collector.id_number, id_kind=collector.id_kind,
            id_source=collector.id_source,
        ))
        assert isinstance(checked, Person)
        moment = now or datetime.now(UTC)
        record = self._store.get(uuid)
        body = {
            "kind": "handover", "submission_uuid": uuid, "receipt_no": view.receipt_no,
            "clerk_id": clerk_id, "at": format_utc(moment),
            "collector": {
                "role": collector.role, "name": checked.name, "id_kind": checked.id_kind,
                "id_number": checked.id_number, "id_source": checked.id_source,
                "relation": relation,
            },
        }
        try:
            out = self.queue.enqueue(OutcomeKind.HANDOVER, body, reference=view.receipt_no,
                                     submission_uuid=uuid, now=moment)
        except AlreadyHandedOver:
            raise _error("done", f"{view.receipt_no} was handed over") from None
        self._store.audit(clerk_id, "handover.recorded", uuid,
                          {"outcome": out, "role": collector.role, "source": checked.id_source})
        try:
            department = self._catalog.item(record.submission.item_code).department_zh
        except UnknownItem:
            department = ""
        paper = handover_acknowledgement(
            receipt_no=view.receipt_no, case_no=view.case_no, item_name=view.item_name,
            department=department, applicant=record.submission.applicant,
            collector=HandedOver(collector.role, checked.name, checked.id_kind,
                                 checked.id_number, checked.id_source, relation),
            hall=self._intake.hall, clerk_id=clerk_id, handed_at=moment,
        )
        try:
            printed = self._intake.print_receipt(paper)
        except Exception as e:  # the handover is recorded; a jam is reported, not raised
            log.warning("handover acknowledgement for %s not printed: %r", view.receipt_no, e)
            return HandoverDone(out, None, paper, e)
        self._store.audit(clerk_id, "handover.printed", uuid, {"outcome": out})
        return HandoverDone(out, printed, paper)

    def reprint(self, paper: Receipt) -> bytes:
        """Print the acknowledgement again (the clerk's reprint from the papers dialog)."""
        return self._intake.print_receipt(paper)

    def a4_pdf(self, paper: Receipt) -> bytes:
        """The acknowledgement as an A4 PDF, from the same data (CPU work: off the GUI)."""
        return self._intake.a4_pdf(paper)
