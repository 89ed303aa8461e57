"""The intake commands with the clerk's actions audited and handling time recorded.

Wraps :class:`station.intake_service.IntakeService` for the intake session
(it fits :class:`station.session_state.IntakeCommands`): the first card read
of an intake starts its handling clock (stored with the submission as
``started_at``), and card reads, captures, prints and one-time notices become
audit entries. The wrapper asks ``clerk()`` who is signed in at each action.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from devices.printer.receipt import Receipt, ReceiptLayout
from intake.acceptance import Acceptance
from intake.refusals import RefusalReason
from intake.submission import Channel, Draft
from intake.workdays import WorkCalendar
from station.audit_trail import AuditTrail
from station.intake_service import Accepted, IntakeService
from station.paper import DEFAULT_COLLECTION

log = logging.getLogger(__name__)

NOTICE_TITLE = "一次性告知书"


class AuditedIntake:
    def __init__(
        self,
        inner: IntakeService,
        trail: AuditTrail,
        clerk: Callable[[], str],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.inner = inner
        self.station_name = inner.station_name
        self.hall = inner.hall
        self.trail = trail
        self._clerk = clerk
        self._clock = clock
        self._lock = threading.Lock()
        self._started: datetime | None = None
        self._notice_item: str | None = None
        #: receipt number -> (uuid, times printed), for the last few cases
        self._printed: dict[str, tuple[str, int]] = {}
        #: the hall's queue number (排队号) for the next accept, if the clerk entered one
        self.queue_ticket: str | None = None

    # -- actions that are not intake commands -------------------------------------

    def card_read(self) -> None:
        """A card was read: the first read of an intake starts its handling clock."""
        with self._lock:
            if self._started is None:
                self._started = self._clock()
        self.trail.record(self._clerk(), "read_card")

    def full_number_shown(self) -> None:
        self.trail.record(self._clerk(), "show_full_number")

    def paper_exported(self, paper: Receipt, how: str) -> None:
        """A paper taken as A4: ``how`` "save" (a PDF file: an export of personal data)
        or "print" (the laser printer). Only the kind and number are recorded."""
        with self._lock:
            uuid, _times = self._printed.get(paper.receipt_no, (None, 0))
        action = "print" if how == "print" else "export"
        detail = {"document": paper.kind, "format": "a4_pdf", "number": paper.receipt_no}
        self.trail.record(self._clerk(), action, uuid, detail)

    def intake_abandoned(self) -> None:
        with self._lock:
            self._started = None
            self.queue_ticket = None

    # -- IntakeCommands -------------------------------------------------------------


    def store_page(self, jpeg: bytes) -> str:
        sha = self.inner.store_page(jpeg)
        self.trail.record(self._clerk(), "capture", None, {"sha256": sha})
        return sha

    def accept(
        self,
        draft: Draft,
        *,
        channel: Channel,
        clerk_id: str | None,
        catalog_version: str,
        collection: str = DEFAULT_COLLECTION,
        calendar: WorkCalendar | None = None,
        acceptance: Acceptance | None = None,
        now: datetime | None = None,
        post_address: str | None = None,
    ) -> Accepted:
        with self._lock:
            started, ticket = self._started, self.queue_ticket
        accepted = self.inner.accept(
            draft,
            channel=channel,
            clerk_id=clerk_id,
            catalog_version=catalog_version,
            collection=collection,
            calendar=calendar,
            started_at=started,
            queue_ticket=ticket,
            acceptance=acceptance,
            now=now,
            post_address=post_address,
        )
        with self._lock:
            self._started = None
            self.queue_ticket = None
            self._printed[accepted.submission.receipt_no] = (accepted.submission.uuid, 0)
            while len(self._printed) > 50:
                del self._printed[next(iter(self._printed))]
        return accepted

    def missing_notice_for(self, draft: Draft) -> Receipt:
        self._notice_item = draft.item.code
        return self.inner.missing_notice_for(draft)

    def issue_notice(
        self, draft: Draft, *, clerk_id: str | None, defects: Mapping[str, str] | None = None
    ) -> Receipt:
        # numbered and recorded ("notice.issued") by the service; printing it is audited below
        self._notice_item = draft.item.code
        return self.inner.issue_notice(draft, clerk_id=clerk_id, defects=defects)

    def issue_refusal(
        self,
        draft: Draft,
        reason: RefusalReason,
        *,
        clerk_id: str | None,
        catalog_version: str = "",
    ) -> Receipt:
        return self.inner.issue_refusal(
            draft, reason, clerk_id=clerk_id, catalog_version=catalog_version
        )

    def print_receipt(self, receipt: Receipt) -> bytes:
        data = self.inner.print_receipt(receipt)
        clerk = self._clerk()
        if receipt.title == NOTICE_TITLE:
            self.trail.record(clerk, "notice", None, {"item_code": self._notice_item or ""})
        elif receipt.kind == "commitment":  # printed with its receipt: not a reprint
            with self._lock:
                uuid, _times = self._printed.get(receipt.receipt_no, (None, 0))
            self.trail.record(clerk, "print", uuid, {"document": receipt.kind})
        else:
            with self._lock:
                uuid, times = self._printed.get(receipt.receipt_no, (None, 0))
                if uuid is not None:
                    self._printed[receipt.receipt_no] = (uuid, times + 1)
            action = "reprint" if times else "print"
            self.trail.record(clerk, action, uuid, {"document": "receipt"})
        return data

    def print_layout(self, lay_out: Callable[[int], ReceiptLayout], label: str) -> bytes:
        """A paper with no case behind it (the service guide): audited as a print."""
        data = self.inner.print_layout(lay_out, label)
        self.trail.record(self._clerk(), "print", None, {"document": label})
        return data
