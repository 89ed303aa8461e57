"""The acceptance flow shared by the clerk station and the kiosk.

Pages are stored as blobs the moment they are captured; accepting writes the
submission, its receipt number and its queue entry in one transaction, so a
citizen who is told "accepted" is never lost, whatever happens next. The papers
(受理回执, 一次性告知书) are composed in ``station.paper``.
"""

from __future__ import annotations

import logging
import threading
import uuid as uuid_mod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from devices.printer.receipt import CST, Receipt, ReceiptLayout
from intake.acceptance import Acceptance, Mode
from intake.applicant import SOURCE_MANUAL, applicant_to_dict
from intake.catalog import ServiceItem
from intake.errors import IntakeError
from intake.refusals import RefusalReason
from intake.submission import Channel, Draft, Submission, format_utc
from intake.workdays import WorkCalendar
from station.paper import (
    DEFAULT_COLLECTION,
    Hall,
    accept_receipt,
    applicant_labels,
    commitment_form,
    identification_lines,
    missing_notice,
    person_of,
    refusal_notice,
)
from station.receipt_code import receipt_payload, verify_payload
from sync.case_outcomes import OutcomeKind, OutcomeQueue
from sync.store import Store, SubmissionRecord
from wire.plain_text import plain

__all__ = [
    "Accepted",
    "IntakeService",
    "ReceiptSink",
    "applicant_labels",
    "identification_lines",
]

log = logging.getLogger(__name__)


class ReceiptSink(Protocol):
    def print_receipt(self, r: Receipt) -> bytes: ...
    def print_layout(self, lay_out: Callable[[int], ReceiptLayout], label: str) -> bytes: ...


@dataclass(frozen=True)
class Accepted:
    submission: Submission
    receipt: Receipt
    #: papers printed with the receipt (the 告知承诺书 under 告知承诺制)
    extra: tuple[Receipt, ...] = ()

    @property
    def papers(self) -> tuple[Receipt, ...]:
        return (self.receipt, *self.extra)


class IntakeService:
    def __init__(
        self,
        store: Store,
        *,
        station_code: str,
        station_name: str,
        secret: str,
        printer: ReceiptSink | None = None,
        query_url: str | None = None,
        phone: str = "",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        # the moment a case is accepted or a paper issued (tests fix it: the promised
        # dates on paper follow it)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._store = store
        self.station_code = station_code
        self.station_name = station_name
        self._secret = secret
        self._printer = printer
        self._print_lock = threading.Lock()
        self._query_url = query_url
        self.hall = Hall(station_name, station_code, phone, clerk_names=store.clerk_names)

    @property
    def store(self) -> Store:
        return self._store

    def store_page(self, jpeg: bytes) -> str:
        """Durably store one captured page; returns its SHA-256."""
        return self._store.put_blob(jpeg)

    def page_bytes(self, sha256: str, *, limit: int = 8 * 1024 * 1024) -> bytes:
        """A stored page's JPEG (decrypted), for thumbnails and the page viewer; disk work."""
        with self._store.open_blob(sha256) as f:
            return f.read(limit)

    def accept(
        self,
        draft: Draft,
        *,
        channel: Channel,
        clerk_id: str | None,
        catalog_version: str,
        collection: str = DEFAULT_COLLECTION,
        calendar: WorkCalendar | None = None,
        now: datetime | None = None,
        started_at: datetime | None = None,
        queue_ticket: str | None = None,
        acceptance: Acceptance | None = None,
        post_address: str | None = None,
    ) -> Accepted:
        """Store the submission; ``acceptance`` excuses the materials it names (容缺受理:
        owed by its due date; 告知承诺制: replaced by the signed commitment)."""
        # raises DraftError naming what is missing and not excused
        draft.check_complete(acceptance.materials if acceptance else ())
        assert draft.applicant is not None  # check_complete guarantees it
        item = draft.item
        submission = self._store.accept(
            uuid=str(uuid_mod.uuid4()),
            station_code=self.station_code,
            item_code=item.code,
            catalog_version=catalog_version,
            applicant=draft.applicant,
            materials=draft.captured_materials(),
            channel=channel,
            clerk_id=clerk_id,
            now=now or self._clock(),
            started_at=started_at,
            queue_ticket=queue_ticket,
            collection=collection,
            acceptance=acceptance,
        )
        self._record_identification(submission)
        if collection != "post":
            post_address = None  # only a posted result has an address to choose
        if collection != DEFAULT_COLLECTION:
            actor = clerk_id or "kiosk"
            # by post, where to (the card's address or staff phone to confirm one) goes
            # with the case's audit trail, which reaches the platform; the manifest's
            # "collection" stays as docs/protocol.md defines it
            detail = {"method": collection}
            if post_address is not None:
                detail["address"] = post_address
            self._store.audit(actor, "intake.collection", submission.uuid, detail)
        log.info(
            "accepted %s item=%s pages=%d",
            submission.receipt_no,
            item.code,
            len(submission.blob_hashes),
        )
        receipt = self.receipt_for(submission, item, collection=collection, calendar=calendar,
                                   post_address=post_address)
        extra: tuple[Receipt, ...] = ()
        if acceptance is not None and acceptance.mode is Mode.COMMITMENT:
            extra = (commitment_form(submission, item, acceptance, hall=self.hall),)
        return Accepted(submission, receipt, extra)

    def receipt_for(
        self,
        submission: Submission,
        item: ServiceItem,
        *,
        collection: str = DEFAULT_COLLECTION,
        calendar: WorkCalendar | None = None,
        post_address: str | None = None,
    ) -> Receipt:
        return accept_receipt(
            submission,
            item,
            hall=self.hall,
            qr_payload=receipt_payload(self._secret, submission.receipt_no, self._query_url),
            qr_is_url=bool(self._query_url),
            collection=collection,
            calendar=calendar,
            post_address=post_address,
        )

    def _record_identification(self, submission: Submission) -> None:
        """A typed identity is audited with the clerk who sighted the original (no personal
        data in the audit log: only the kinds of document)."""
        person = person_of(submission.applicant)
        agent = person.agent.person if person.agent is not None else None
        typed = {
            role: p.id_kind
            for role, p in (("applicant", person), ("agent", agent))
            if p is not None and p.id_source == SOURCE_MANUAL
        }
        if typed:
            self._store.audit(
                submission.clerk_id or "kiosk",
                "identity.typed_original_sighted",
                submission.uuid,
                {"kinds": typed},
            )

    def missing_notice_for(self, draft: Draft, *, now: datetime | None = None) -> Receipt:
        """An unnumbered preview of the 一次性告知书 (``issue_notice`` numbers and records it)."""
        listed = [(m, "未提供") for m in draft.missing_materials()]
        return missing_notice(
            draft.item,
            draft.applicant,
            listed,
            notice_no="（预览）",
            hall=self.hall,
            clerk_id=None,
            issued_at=now or self._clock(),
        )

    def issue_notice(
        self,
        draft: Draft,
        *,
        clerk_id: str | None,
        defects: Mapping[str, str] | None = None,
        now: datetime | None = None,
    ) -> Receipt:
        """The numbered 一次性告知书, recorded in the audit log (item and materials, no
        personal data) so the next visit can start from its number; disk work."""
        moment = now or self._clock()
        notice_no = self._next_number("GZ", moment)
        defects = dict(defects or {})
        listed = [(m, "未提供") for m in draft.missing_materials() if m.code not in defects]
        listed += [(draft.item.material(code), reason) for code, reason in defects.items()]
        record = {"item": draft.item.code, "materials": {m.code: r for m, r in listed}}
        # audited; recorded so the next visit starts from the notice's number
        # (station.cases.CaseQueries.find_notice); linked to its holder by the keyed hash
        # of the ID number only, so the holder may reprint it at a kiosk after the ID
        # card is read (sync.store.notices): one transaction
        self._store.record_notice(notice_no, record, draft.applicant, moment,
                                  actor=clerk_id or "kiosk")
        log.info(
            "one-time notice %s for %s: %d material(s)", notice_no, draft.item.code, len(listed)
        )
        return missing_notice(
            draft.item,
            draft.applicant,
            listed,
            notice_no=notice_no,
            hall=self.hall,
            clerk_id=clerk_id,
            issued_at=moment,
        )

    def issue_refusal(
        self,
        draft: Draft,
        reason: RefusalReason,
        *,
        clerk_id: str | None,
        now: datetime | None = None,
        catalog_version: str = "",
    ) -> Receipt:
        """The numbered 不予受理通知书, recorded in the audit log (item and reason code, no
        personal data) and queued for the platform (P6, delivered exactly once by the
        sync engine); disk work."""
        moment = now or self._clock()
        notice_no = self._next_number("BY", moment)
        outcome = OutcomeQueue(self._store).enqueue(
            OutcomeKind.REFUSAL,
            {
                "kind": "refusal", "notice_no": notice_no, "item_code": draft.item.code,
                "catalog_version": catalog_version, "reason_code": reason.code,
                # the catalog's words, as plain text the platform accepts (wire.plain_text)
                "reason": plain(reason.reason_zh), "basis": plain(reason.basis_zh),
                "channel": "window" if clerk_id else "kiosk", "clerk_id": clerk_id,
                "at": format_utc(moment),
                "applicant": applicant_to_dict(draft.applicant) if draft.applicant else None,
            },
            reference=notice_no,
            now=moment,
        )
        self._store.audit(
            clerk_id or "kiosk",
            "refusal.issued",
            notice_no,
            {"item": draft.item.code, "reason": reason.code, "outcome": outcome},
        )
        log.info("refusal %s for %s: %s", notice_no, draft.item.code, reason.code)
        return refusal_notice(
            draft.item,
            draft.applicant,
            reason,
            notice_no=notice_no,
            hall=self.hall,
            clerk_id=clerk_id,
            issued_at=moment,
        )

    def _next_number(self, kind: str, moment: datetime) -> str:
        """``{station}-{kind}{YYYYMMDD}-{seq:03d}``, per station, kind and local day."""
        day = moment.astimezone(CST).strftime("%Y%m%d")
        key = f"paper_seq:{kind}:{day}"
        seq = int(self._store.kv_get(key) or 0) + 1
        self._store.kv_set(key, str(seq))  # the disk lane is serial: no two numbers race
        return f"{self.station_code}-{kind}{day}-{seq:03d}"

    def lookup_scanned_receipt(self, text: str) -> SubmissionRecord | None:
        """The submission behind a scanned receipt QR code of this station, if genuine."""
        receipt_no = verify_payload(self._secret, text)
        if receipt_no is None:
            return None
        return self._store.find_by_receipt(receipt_no)

    def a4_pdf(self, receipt: Receipt) -> bytes:
        """The paper as an A4 PDF for the hall's laser printer (same data as the thermal
        print; CJK font embedded). Raises ``PrinterError('no_font')`` without a CJK font.
        CPU work: run it off the GUI thread."""
        from devices.printer.a4 import render_a4  # fpdf2 loads only when a PDF is wanted

        return render_a4(receipt)

    def print_receipt(self, receipt: Receipt) -> bytes:
        if self._printer is None:
            raise IntakeError("no_printer", "no receipt printer configured")
        # the accept lane and the disk lane (reprints, notices) may both print
        with self._print_lock:
            return self._printer.print_receipt(receipt)

    def print_layout(self, lay_out: Callable[[int], ReceiptLayout], label: str) -> bytes:
        """A paper that is no receipt (the service guide) on the same printer; `label`
        names it in the log."""
        if self._printer is None:
            raise IntakeError("no_printer", "no receipt printer configured")
        with self._print_lock:
            return self._printer.print_layout(lay_out, label)
