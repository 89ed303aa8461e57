"""Progress queries (进度查询): a citizen's cases as plain read models.

A case is found by a scanned receipt code (verified against the station's
key, so a forged code finds nothing) or by the ID card placed on the reader.
Applicants are stored encrypted, so finding "my cases" by ID number means
opening the most recent records; the scan is bounded (`RECENT_LIMIT`) and runs
on a worker thread. Everything returned is already masked.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from intake.applicant import Person
from intake.catalog import Catalog
from intake.errors import UnknownItem
from station.intake_service import IntakeService, applicant_labels
from sync.store import STATION_TZ, SubmissionRecord, SyncState

log = logging.getLogger(__name__)

#: How many of the newest cases an ID-card query looks through.
RECENT_LIMIT = 2000
#: The longest department note kept (a longer one ends in "…": the citizen sees it was cut)
NOTE_LIMIT = 500
ELLIPSIS = "…"


class CaseStage(StrEnum):
    """Where a case stands, in words a citizen understands (the UI phrases them)."""

    WAITING_UPLOAD = "waiting_upload"  # accepted here, not yet at the platform
    NEEDS_STAFF = "needs_staff"  # the platform refused the delivery: staff must look
    RECEIVED = "received"  # 受理
    REVIEWING = "reviewing"  # 审核中
    SUPPLEMENT = "supplement"  # 补正: bring more
    DONE = "done"  # 办结
    REFUSED = "refused"  # 不予许可


_PLATFORM_STAGES = {
    "受理": CaseStage.RECEIVED,
    "审核中": CaseStage.REVIEWING,
    "补正": CaseStage.SUPPLEMENT,
    "办结": CaseStage.DONE,
    "不予许可": CaseStage.REFUSED,
}


@dataclass(frozen=True)
class CaseView:
    uuid: str
    receipt_no: str
    item_code: str
    item_name_zh: str
    item_name_en: str
    applicant_label: str  # masked
    id_label: str  # masked
    accepted_at: datetime
    stage: CaseStage
    #: the department's note for 补正 / 不予许可 (untrusted text: show as plain text)
    note: str
    #: names of the materials to bring (补正), from the catalog
    bring_zh: tuple[str, ...]
    bring_en: tuple[str, ...]
    #: when what we show was last known to be true (platform status time, else delivery
    #: or acceptance time): offline, the citizen sees how old it is
    known_at: datetime
    #: materials to bring whose code the catalog does not know (untrusted, as the platform
    #: sent them): the front end words them ("其他材料（M99）"), never shows them bare
    bring_unknown: tuple[str, ...] = ()


def station_time(at: datetime) -> str:
    """The hall runs on Beijing time, whatever the machine's zone."""
    return at.astimezone(STATION_TZ).strftime("%Y-%m-%d %H:%M")


def stage_of(record: SubmissionRecord) -> CaseStage:
    if record.sync_state is SyncState.QUARANTINED:
        return CaseStage.NEEDS_STAFF
    if record.sync_state is not SyncState.DELIVERED:
        return CaseStage.WAITING_UPLOAD
    return _PLATFORM_STAGES.get(record.platform_status or "受理", CaseStage.RECEIVED)


class ProgressQuery:
    def __init__(self, intake: IntakeService, catalog: Catalog) -> None:
        self._intake = intake
        self.catalog = catalog

    def by_receipt_code(self, text: str) -> list[CaseView]:
        record = self._intake.lookup_scanned_receipt(text)
        return [] if record is None else [self.view(record)]

    def records_of(self, person: Person) -> list[SubmissionRecord]:
        """The person's own cases among the recent ones, newest first."""
        return [
            r
            for r in self._intake.store.list_records(limit=RECENT_LIMIT)
            if isinstance(r.submission.applicant, Person)
            and r.submission.applicant.id_number == person.id_number
        ]

    def by_person(self, person: Person) -> list[CaseView]:
        return [self.view(r) for r in self.records_of(person)]

    def view(self, record: SubmissionRecord) -> CaseView:
        sub = record.submission
        name_label, id_label = applicant_labels(sub.applicant)
        try:
            item = self.catalog.item(sub.item_code)
            name_zh, name_en = item.name_zh, item.name_en
        except UnknownItem:  # withdrawn from the catalog since: the code still identifies it
            item, name_zh, name_en = None, sub.item_code, sub.item_code
        stage = stage_of(record)
        note, missing = self._last_event(record) if stage in (
            CaseStage.SUPPLEMENT,
            CaseStage.REFUSED,
        ) else ("", ())
        bring_zh: list[str] = []
        bring_en: list[str] = []
        unknown: list[str] = []
        for code in missing:
            material = next((m for m in item.materials if m.code == code), None) if item else None
            if material is None:
                unknown.append(code)
            else:
                bring_zh.append(material.name_zh)
                bring_en.append(material.name_en)
        known_at = record.platform_status_at or record.delivered_at or sub.accepted_at
        return CaseView(
            uuid=sub.uuid,
            receipt_no=sub.receipt_no,
            item_code=sub.item_code,
            item_name_zh=name_zh,
            item_name_en=name_en,
            applicant_label=name_label,
            id_label=id_label,
            accepted_at=sub.accepted_at,
            stage=stage,
            note=note,
            bring_zh=tuple(bring_zh),
            bring_en=tuple(bring_en),
            known_at=known_at,
            bring_unknown=tuple(unknown),
        )

    def _last_event(self, record: SubmissionRecord) -> tuple[str, tuple[str, ...]]:
        history = self._intake.store.status_history(record.uuid)
        for payload in reversed(history):
            if payload.get("status") == record.platform_status:
                note = payload.get("note") or ""
                missing = payload.get("missing_materials") or []
                if isinstance(note, str) and isinstance(missing, list):
                    return _capped(note), tuple(str(m)[:64] for m in missing[:50])
                log.warning("malformed status payload for %s: %s", record.uuid,
                            json.dumps(payload)[:200])
                break
        return "", ()


def _capped(note: str) -> str:
    """The note as kept: at most NOTE_LIMIT characters, ending in "…" when cut."""
    if len(note) <= NOTE_LIMIT:
        return note
    return note[: NOTE_LIMIT - 1].rstrip() + ELLIPSIS
