"""The acceptance flow shared by the clerk station and the kiosk.

Pages are stored as blobs the moment they are captured; accepting writes the
submission, its receipt number and its queue entry in one transaction, so a
citizen who is told "accepted" is never lost, whatever happens next.
"""

from __future__ import annotations

import logging
import uuid as uuid_mod
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from devices.printer.receipt import Receipt
from intake.applicant import SOURCE_MANUAL, Applicant, LegalEntity, Person
from intake.catalog import ServiceItem
from intake.documents import document_kind, mask_mobile
from intake.errors import IntakeError
from intake.identity import mask_id_number, mask_name
from intake.submission import Channel, Draft, Submission
from station.receipt_code import receipt_payload, verify_payload
from sync.store import Store, SubmissionRecord

log = logging.getLogger(__name__)


class ReceiptSink(Protocol):
    def print_receipt(self, r: Receipt) -> bytes: ...


@dataclass(frozen=True)
class Accepted:
    submission: Submission
    receipt: Receipt


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
    ) -> None:
        self._store = store
        self.station_code = station_code
        self.station_name = station_name
        self._secret = secret
        self._printer = printer
        self._query_url = query_url

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
        now: datetime | None = None,
    ) -> Accepted:
        draft.check_complete()  # raises DraftError naming what is missing
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
            now=now or datetime.now(UTC),
        )
        self._record_identification(submission)
        log.info(
            "accepted %s item=%s pages=%d",
            submission.receipt_no,
            item.code,
            len(submission.blob_hashes),
        )
        return Accepted(submission, self.receipt_for(submission, item))

    def receipt_for(self, submission: Submission, item: ServiceItem) -> Receipt:
        name_label, id_label = applicant_labels(submission.applicant)
        pages = {m.material_code: len(m.pages) for m in submission.materials}
        return Receipt(
            title="受理回执",
            station_name=self.station_name,
            receipt_no=submission.receipt_no,
            item_name=item.name_zh,
            applicant_label=name_label,
            id_label=id_label,
            materials=[(m.name_zh, pages[m.code]) for m in item.materials if m.code in pages],
            accepted_at=submission.accepted_at,
            time_limit_days=item.time_limit_days,
            qr_payload=receipt_payload(self._secret, submission.receipt_no, self._query_url),
            notes=[
                *identification_lines(submission.applicant),
                f"承诺办结时限：{item.time_limit_days}个工作日",
                "请凭本回执查询办理进度、领取办理结果。",
            ],
        )

    def _record_identification(self, submission: Submission) -> None:
        """A typed identity is audited with the clerk who sighted the original (no personal
        data in the audit log: only the kinds of document)."""
        person = _person_of(submission.applicant)
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
        """一次性告知书: every missing material named at once, so the citizen comes back once."""
        item = draft.item
        name_label, id_label = (
            applicant_labels(draft.applicant) if draft.applicant is not None else ("—", "—")
        )
        missing = draft.missing_materials()
        return Receipt(
            title="一次性告知书",
            station_name=self.station_name,
            receipt_no="—",
            item_name=item.name_zh,
            applicant_label=name_label,
            id_label=id_label,
            materials=[(m.name_zh, m.copies) for m in missing],
            accepted_at=now or datetime.now(UTC),
            time_limit_days=item.time_limit_days,
            qr_payload="",
            notes=["您申办的事项尚缺以上材料，请补齐后再来办理。"],
        )

    def lookup_scanned_receipt(self, text: str) -> SubmissionRecord | None:
        """The submission behind a scanned receipt QR code of this station, if genuine."""
        receipt_no = verify_payload(self._secret, text)
        if receipt_no is None:
            return None
        return self._store.find_by_receipt(receipt_no)

    def print_receipt(self, receipt: Receipt) -> bytes:
        if self._printer is None:
            raise IntakeError("no_printer", "未配置打印机", "no receipt printer configured")
        return self._printer.print_receipt(receipt)


def _person_of(applicant: Applicant) -> Person:
    return applicant.representative if isinstance(applicant, LegalEntity) else applicant


def identification_lines(applicant: Applicant) -> list[str]:
    """What the receipt says about who stood at the window, masked."""
    person = _person_of(applicant)
    lines = []
    if person.id_source == SOURCE_MANUAL:
        kind = document_kind(person.id_kind).name_zh if person.id_kind else "证件"
        lines.append(f"身份核验：{kind}人工录入，已核验原件")
    if person.agent is not None:
        agent = person.agent.person
        lines.append(
            f"代办人：{mask_name(agent.name)} {mask_id_number(agent.id_number)}"
            f"（{person.agent.relation}）"
        )
    if person.phone:
        lines.append(f"联系电话：{mask_mobile(person.phone)}")
    return lines


def applicant_labels(applicant: Person | LegalEntity) -> tuple[str, str]:
    """Masked name and identifier, as shown on screen and on paper."""
    if isinstance(applicant, LegalEntity):
        return applicant.name, applicant.credit_code
    return mask_name(applicant.name), mask_id_number(applicant.id_number)
