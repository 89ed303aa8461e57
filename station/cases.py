"""Read models and commands over the station's cases, for the front ends.

Front ends never see the store: they get ``CaseRow`` (masked, display-ready,
station time) of a scanned receipt and ``QueueCounts`` from ``CaseQueries``, and act
through ``CaseCommands``. Lists of cases page through ``station.ledger.LedgerService``
(the case list filters it by upload state). Every method touches the disk: call it
off the GUI thread.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from intake.catalog import Catalog
from station.intake_service import applicant_labels
from station.paper import NOTICE_PREFIX
from station.receipt_code import verify_payload
from sync.engine.progress_text import human_bytes as human_bytes
from sync.store import STATION_TZ, Store, SubmissionRecord, SyncState


class Upload(StrEnum):
    """Where a case stands on its way to the platform (values as the store keeps them)."""

    QUEUED = "queued"
    SENDING = "sending"
    RETRY = "retry"
    DELIVERED = "delivered"
    QUARANTINED = "quarantined"


_NOTICE_NO = re.compile(r"[A-Za-z0-9]{1,16}-GZ\d{8}-\d{3,6}")

#: the filters a case list offers, by name
WAITING = (Upload.QUEUED, Upload.SENDING, Upload.RETRY)
NEEDS_ATTENTION = (Upload.QUARANTINED,)
DELIVERED = (Upload.DELIVERED,)


@dataclass(frozen=True)
class CaseRow:
    uuid: str
    receipt_no: str
    item_code: str
    #: masked name and identifier, as allowed on screen
    applicant_label: str
    accepted_at: datetime  # station time (Beijing): the hall's clock
    upload: Upload
    platform_status: str | None
    case_no: str | None
    #: why it is stuck (the platform's refusal or the last delivery error), else ""
    note: str

    @property
    def stuck(self) -> bool:
        return self.upload in (Upload.QUARANTINED, Upload.RETRY)


#: how many cases a list fetches at a time as the clerk scrolls
CASE_PAGE = 100


@dataclass(frozen=True)
class QueueCounts:
    waiting: int
    needs_attention: int


def _row(record: SubmissionRecord) -> CaseRow:
    sub = record.submission
    name, ident = applicant_labels(sub.applicant)
    return CaseRow(
        uuid=sub.uuid,
        receipt_no=sub.receipt_no,
        item_code=sub.item_code,
        applicant_label=f"{name} {ident}",
        accepted_at=sub.accepted_at.astimezone(STATION_TZ),
        upload=Upload(record.sync_state.value),
        platform_status=record.platform_status,
        case_no=record.case_no,
        note=record.last_error or "",
    )


class CaseQueries:
    def __init__(self, store: Store, secret: str) -> None:
        self._store = store
        self._secret = secret

    def counts(self) -> QueueCounts:
        counts = self._store.counts()
        waiting = sum(counts[SyncState(u.value)] for u in WAITING)
        return QueueCounts(waiting, counts[SyncState.QUARANTINED])

    def find_scanned(self, text: str) -> CaseRow | None:
        """The case behind a scanned receipt code of this station, if the code is genuine."""
        receipt_no = verify_payload(self._secret, text)
        if receipt_no is None:
            return None
        record = self._store.find_by_receipt(receipt_no)
        return None if record is None else _row(record)

    def find_notice(self, text: str) -> NoticeRef | None:
        """The notice behind a scanned notice code (``YWGZ|<number>``) or a typed number."""
        number = text.removeprefix(NOTICE_PREFIX).strip()
        if not _NOTICE_NO.fullmatch(number):
            return None
        raw = self._store.kv_get(f"notice:{number}")
        if raw is None:
            return None
        doc = json.loads(raw)
        materials = {str(k): str(v) for k, v in doc["materials"].items()}
        return NoticeRef(number, str(doc["item"]), materials)


@dataclass(frozen=True)
class NoticeRef:
    """A 一次性告知书 issued here: what the citizen was asked to bring."""

    notice_no: str
    item_code: str
    materials: dict[str, str]  # material code -> reason


class CaseCommands:
    def __init__(self, store: Store) -> None:
        self._store = store

    def send_again(self, uuid: str, *, actor: str) -> bool:
        """Put a refused or waiting case back in the queue (audited under ``actor``)."""
        return self._store.requeue(uuid, actor=actor)


def item_name(catalog: Catalog, code: str, *, english: bool = False) -> str:
    """The item's name, or its code when the catalog no longer lists it."""
    for item in catalog.items:
        if item.code == code:
            return item.name_en if english else item.name_zh
    return code
