"""What the self-service kiosk asks of the station, without Qt.

The kiosk front end talks only to this facade (and the intake session): it
finds a citizen's cases, reprints receipts, queues evaluations, prints the
service guide, and runs the maintenance actions, each of which is written to
the station's audit log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from devices.idcard.card import IdCardData
from devices.printer.guide import GuideMaterial, ServiceGuide, layout_guide
from devices.printer.receipt import Receipt
from intake.applicant import Person
from intake.catalog import Catalog, Entrance, ServiceItem
from intake.errors import IntakeError
from intake.submission import Channel
from station.card_mapping import person_from_card
from station.cases import NoticeRef
from station.device_health import DeviceHealth, Health
from station.intake_session import IntakeSession, Runner
from station.kiosk_pin import MaintenancePin
from station.paper import missing_notice
from station.print_allowance import GUIDE, NOTICE_BY_CODE, PrintAllowance, holder_key
from station.progress import CaseStage, CaseView, ProgressQuery
from station.services import StationServices
from sync.catalog_sync import load_catalog
from sync.evaluations import AlreadyEvaluated, EvaluationQueue
from sync.store import SyncState

log = logging.getLogger(__name__)
MAINTENANCE_ACTOR = "kiosk-maintenance"


@dataclass(frozen=True)
class Rating:
    value: int
    zh: str
    en: str


#: GB/T 39734-2020 five levels, best first.
RATINGS = (
    Rating(5, "非常满意", "Very satisfied"),
    Rating(4, "满意", "Satisfied"),
    Rating(3, "基本满意", "Basically satisfied"),
    Rating(2, "不满意", "Dissatisfied"),
    Rating(1, "非常不满意", "Very dissatisfied"),
)
#: Reasons offered for 不满意 / 非常不满意, after the on-site indicators of GB/T 39734-2020
#: (service efficiency, service level, service attitude) plus the guide and the terminal.
REASONS: tuple[tuple[str, str, str], ...] = (
    ("efficiency_slow", "办理时间长、超过承诺时限", "Took too long, past the promised time"),
    ("efficiency_trips", "需要多次跑动", "Had to come back several times"),
    ("guide_unclear", "办事指南不清楚、材料要求不明确", "Guide unclear, materials not clear"),
    ("level_unskilled", "业务不熟练、解答不准确", "Staff unskilled, answers inaccurate"),
    ("attitude_poor", "服务态度不好", "Poor attitude"),
    ("fees_improper", "收费不合理", "Improper fees"),
    ("terminal_hard", "自助设备不好用", "The self-service terminal is hard to use"),
)
REASON_CODES = frozenset(code for code, _zh, _en in REASONS)
LOW_RATING = 2  # at or below this the reasons are offered


class KioskError(IntakeError):
    """A kiosk request that cannot be met (not your case, not finished, ...)."""


class KioskServices:
    def __init__(
        self,
        station: StationServices,
        *,
        health: DeviceHealth | None = None,
        pin: MaintenancePin | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.station = station
        self.health = health or DeviceHealth()
        store = station.intake.store
        self.pin = pin or MaintenancePin(store.data_dir / "keys")
        self.progress = ProgressQuery(station.intake, station.catalog)
        self._evaluations = EvaluationQueue(store.db_path)
        self._clock = clock
        #: paper per card holder and per kiosk over time, not per visit (its module)
        self.allowance = PrintAllowance()
        if station.engine is not None:
            station.engine.heartbeat_extras.append(self.health.heartbeat)

    # -- catalog ---------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        return self.station.catalog

    def set_catalog(self, catalog: Catalog) -> None:
        self.station.catalog = catalog
        self.progress.catalog = catalog

    def reload_catalog(self) -> Catalog:
        """The catalog the engine just wrote (sync event "catalog")."""
        catalog = load_catalog(self.station.intake.store.data_dir)
        self.set_catalog(catalog)
        return catalog

    def kiosk_items(self) -> tuple[ServiceItem, ...]:
        return self.catalog.for_entrance(Entrance.PERSONAL, kiosk_only=True)

    def new_session(self, runner: Runner) -> IntakeSession:
        return IntakeSession(
            self.station.intake, self.catalog, runner, channel=Channel.KIOSK, clerk_id=None
        )

    # -- identification and progress ---------------------------------------------
    @staticmethod
    def person_from_card(card: IdCardData) -> Person:
        return person_from_card(card)

    def cases_by_code(self, text: str) -> list[CaseView]:
        return self.progress.by_receipt_code(text)

    def cases_of(self, person: Person) -> list[CaseView]:
        return self.progress.by_person(person)

    def _own_case(self, person: Person, case_uuid: str) -> CaseView:
        for case in self.cases_of(person):
            if case.uuid == case_uuid:
                return case
        # never say whether the case exists: it is not this person's
        raise KioskError("kiosk.not_yours", "case not found for this person")

    # -- reprint -------------------------------------------------------------------
    def holder_key(self, person: Person) -> str:
        """The print allowance's key of a card holder: the station's keyed hash of the
        ID number, never the number (it outlives the visit's wipe)."""
        return holder_key(self.station.intake.store.lookup_hasher().id_number(person.id_number))

    def prints_left(self, key: str) -> int:
        """Prints `key` (holder_key, or print_allowance.GUIDE / NOTICE_BY_CODE) may
        still have now."""
        return self.allowance.left(key)

    def print_wait_s(self, key: str) -> float:
        """Seconds until `key` may print again (0: now)."""
        return self.allowance.wait_s(key)

    def _take_print(self, key: str) -> None:
        if not self.allowance.take(key):
            raise KioskError("kiosk.print_limit", "print allowance spent")

    def receipt_for(self, person: Person, case_uuid: str) -> Receipt:
        self._own_case(person, case_uuid)
        record = self.station.intake.store.get(case_uuid)
        item = self.catalog.item(record.submission.item_code)
        receipt = self.station.intake.receipt_for(record.submission, item)
        receipt.title = "受理回执（补打）"
        return receipt

    def reprint_receipt(
        self, person: Person, case_uuid: str
    ) -> tuple[Receipt, Exception | None]:
        """The person's own case's 受理回执 printed again (marked 补打), and audited
        like the window's reprint: the case's id and how it went, nothing personal. The
        printer's trouble is returned with the receipt (its code goes on screen)."""
        receipt = self.receipt_for(person, case_uuid)
        return receipt, self._print_counted(receipt, self.holder_key(person), case_uuid, "receipt")

    def reprint_notice_by_code(self, scanned: str) -> tuple[Receipt | None, Exception | None]:
        """The 一次性告知书 behind a scanned code printed again and audited like a receipt's
        reprint (None: not a notice of this hall; nothing printed or audited)."""
        notice = self.notice_reprint(scanned)
        if notice is None:
            return None, None
        return notice, self._print_counted(notice, NOTICE_BY_CODE, notice.receipt_no, "notice")

    def notices_of(self, person: Person) -> list[NoticeRef]:
        """The 一次性告知书 issued to the card holder `person`, newest first (found by the
        keyed hash of the ID number: sync.store.notices)."""
        cases = self.station.cases
        found = (cases.find_notice(number)
                 for number in self.station.intake.store.notices_of(person.id_number))
        return [ref for ref in found if ref is not None]

    def reprint_own_notice(
        self, person: Person, notice_no: str
    ) -> tuple[Receipt, Exception | None]:
        """The card holder's own 一次性告知书 printed again, counted against the holder's
        allowance like a receipt and audited (the notice's number, nothing personal)."""
        if not self.station.intake.store.holds_notice(person.id_number, notice_no):
            raise KioskError("kiosk.not_yours", "notice not issued to this person")
        notice = self.notice_reprint(notice_no, person)
        if notice is None:
            raise KioskError("kiosk.not_yours", "notice record missing")
        key = self.holder_key(person)
        return notice, self._print_counted(notice, key, notice.receipt_no, "notice")

    def _print_counted(
        self, paper: Receipt, key: str, subject: str, document: str
    ) -> Exception | None:
        """`paper` printed against `key`'s allowance (refused with kiosk.print_limit when
        it is spent) and audited; the printer's trouble is returned, never raised, and
        gives the print back (no paper came out)."""
        self._take_print(key)
        error: Exception | None = None
        try:
            self.print_receipt(paper)
        except Exception as e:  # the printer's trouble: shown by the kiosk
            error = e
            self.allowance.give_back(key)
        self._audit_reprint(subject, document, error)
        return error

    def _audit_reprint(self, subject: str, document: str, error: Exception | None) -> None:
        outcome = "printed" if error is None else str(getattr(error, "code", "error"))[:32]
        self.station.intake.store.audit(
            "kiosk", "reprint", subject, {"document": document, "outcome": outcome})

    def print_receipt(self, receipt: Receipt) -> bytes:
        return self._reporting(lambda: self.station.intake.print_receipt(receipt))

    def _reporting(self, printing: Callable[[], bytes]) -> bytes:
        """Print, and tell the device health (and so the heartbeat) how the printer did."""
        try:
            data = printing()
        except Exception as e:
            code = str(getattr(e, "code", "error"))
            self.health.report("printer", Health.FAULT, code)
            if code == "paper_out":  # the printer said so (DLE EOT) before printing
                self.health.report_paper("out")
            raise
        self.health.report("printer", Health.OK)
        self.health.report_paper("ok")
        return data

    def notice_reprint(self, scanned: str, applicant: Person | None = None) -> Receipt | None:
        """A 一次性告知书 again, from the code printed on it (``YWGZ|<number>``): the item
        and the materials with their reasons as recorded when it was issued. The record
        holds no personal data: the reprint names the applicant only when given (the
        card holder it was issued to, reprinting after identifying)."""
        ref = self.station.cases.find_notice(scanned)
        if ref is None:
            return None
        item = self.catalog.item(ref.item_code)
        listed = [(item.material(code), reason) for code, reason in ref.materials.items()]
        notice = missing_notice(
            item,
            applicant,
            listed,
            notice_no=ref.notice_no,
            hall=self.station.intake.hall,
            clerk_id=None,
            issued_at=self._clock(),
        )
        notice.title = "一次性告知书（补打）"
        return notice

    # -- evaluation ----------------------------------------------------------------
    def evaluable(self, person: Person) -> list[CaseView]:
        """The person's finished cases that have not been evaluated yet (一事一评)."""
        finished = (CaseStage.DONE, CaseStage.REFUSED)
        done = [c for c in self.cases_of(person) if c.stage in finished]
        seen = self._evaluations.evaluated([c.uuid for c in done])
        return [c for c in done if c.uuid not in seen]

    def evaluate(
        self, person: Person, case_uuid: str, rating: int, reasons: tuple[str, ...] = ()
    ) -> str:
        case = self._own_case(person, case_uuid)
        if case.stage not in (CaseStage.DONE, CaseStage.REFUSED):
            raise KioskError("kiosk.not_finished", "case not finished")
        if rating not in {r.value for r in RATINGS}:
            raise KioskError("kiosk.rating", f"rating {rating!r} not 1-5")
        if rating > LOW_RATING and reasons:
            raise KioskError("kiosk.reasons", "reasons only below 3")
        unknown = set(reasons) - REASON_CODES
        if unknown:
            raise KioskError(
                "kiosk.reasons", f"unknown reasons {sorted(unknown)}", params={"variant": "unknown"}
            )
        labels = {code: zh for code, zh, _en in REASONS}
        body: dict[str, Any] = {
            "receipt_no": case.receipt_no,
            "rating": rating,
            "comment": "；".join(labels[r] for r in reasons),
            "reasons": list(reasons),
            "channel": "kiosk",
            "at": self._clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        try:
            uuid = self._evaluations.enqueue(case.uuid, body)
        except AlreadyEvaluated as e:
            raise KioskError("kiosk.evaluated", "already evaluated") from e
        self.sync_now()
        return uuid

    # -- service guide ---------------------------------------------------------------
    def guide(self, item: ServiceItem) -> ServiceGuide:
        """The service guide (办事指南) of `item`, as printed: its own paper, not a receipt."""
        intake = self.station.intake
        return ServiceGuide(
            item_code=item.code,
            item_name=item.name_zh,
            department=item.department_zh,
            materials=tuple(
                GuideMaterial(m.name_zh, copies=m.copies, required=m.required,
                              original=m.original_to_sight, card_read=m.card_read)
                for m in item.materials
            ),
            time_limit_days=item.time_limit_days,
            fees=item.fees_zh,
            legal_basis=item.legal_basis_zh,
            station_name=intake.station_name,
            printed_at=self._clock(),
            phone=intake.hall.phone,
        )

    def print_guide(self, item: ServiceItem) -> bytes:
        """Print the guide on the receipt printer; returns the ESC/POS bytes sent."""
        guide = self.guide(item)
        self._take_print(GUIDE)  # refused before the audit: nothing was printed
        error: Exception | None = None
        try:
            return self._reporting(lambda: self.station.intake.print_layout(
                lambda mm: layout_guide(guide, mm), f"service guide {item.code}"))
        except Exception as e:
            error = e
            self.allowance.give_back(GUIDE)
            raise
        finally:  # paper spent at an unattended kiosk is accounted for, as reprints are
            outcome = "printed" if error is None else str(getattr(error, "code", "error"))[:32]
            self.station.intake.store.audit("kiosk", "print_guide", item.code,
                                            {"outcome": outcome})

    # -- devices and sync --------------------------------------------------------------
    def sync_now(self) -> None:
        if self.station.engine is not None:
            self.station.engine.wake()

    def online(self) -> bool | None:
        engine = self.station.engine
        return None if engine is None else engine.online

    def queue_state(self) -> dict[str, int]:
        store = self.station.intake.store
        counts = store.counts()
        return {
            "queued": sum(
                counts[s] for s in (SyncState.QUEUED, SyncState.RETRY, SyncState.SENDING)
            ),
            "delivered": counts[SyncState.DELIVERED],
            "needs_staff": counts[SyncState.QUARANTINED],
            "evaluations_queued": self._evaluations.depth(),
        }

    def audit(self, action: str, detail: dict[str, Any] | None = None) -> None:
        """Every maintenance action is written to the station's audit log."""
        self.station.intake.store.audit(MAINTENANCE_ACTOR, action, "kiosk", detail or {})
        log.info("maintenance: %s", action)
