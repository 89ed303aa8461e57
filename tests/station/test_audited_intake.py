"""The intake session over the audited intake: card read starts the handling clock (stored
as started_at), the queue number goes with the case, and capture, print, reprint and the
one-time notice are audit entries — without Qt, against a real store and printer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from devices.idcard.simulator import sample_cards
from intake.catalog import Catalog
from station.audit_trail import AuditTrail
from station.audited_intake import AuditedIntake
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession, Phase
from station.ledger import LedgerQuery, LedgerService
from sync.store import STATION_TZ, Store

from .conftest import page


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_actions_are_audited_and_handling_time_recorded(
    intake: IntakeService, catalog: Catalog, store: Store
) -> None:
    clock = Clock()
    trail = AuditTrail(store, clock=clock)
    audited = AuditedIntake(intake, trail, lambda: "c07", clock=clock)
    session = IntakeSession(audited, catalog, InlineRunner(), clerk_id="c07")
    audited.queue_ticket = "A017"

    audited.card_read()  # what the station's card poller does before the session sees it
    session.card_read(sample_cards()[0])
    clock.now += timedelta(minutes=1)
    audited.card_read()  # a second read of the same intake does not restart the clock
    session.choose_item("SB-001")
    item = catalog.item("SB-001")
    for m in item.required_materials:
        session.select_material(m.code)
        session.page_captured(page(m.code))
    session.accept_requested()
    state = session.state
    assert state.phase is Phase.DONE and state.outcome is not None
    sub = state.outcome.accepted.submission
    audited.print_receipt(state.outcome.accepted.receipt)  # the clerk's reprint button

    # the next applicant: a notice instead of an accept
    audited.card_read()
    session.card_read(sample_cards()[1])
    session.choose_item("MZ-001")
    session.notice_requested()
    trail.flush()
    trail.close()

    entries = [(r["actor"], r["action"], r["subject"]) for r in store.audit_rows()]
    assert entries.count(("c07", "read_card", None)) == 3
    # every stored page is a capture entry: the clerk's camera pages plus, since the card
    # read satisfies the ID-card material, the 身份证信息 page each of the two drafts filed
    assert [a for _, a, _ in entries].count("capture") == len(item.required_materials) + 2
    assert ("c07", "accept", sub.uuid) in entries
    assert ("c07", "print", sub.uuid) in entries and ("c07", "reprint", sub.uuid) in entries
    notices = [r for r in store.audit_rows() if r["action"] == "notice"]
    assert len(notices) == 1 and "MZ-001" in notices[0]["detail"]
    assert store.verify_audit_chain()

    ledger = LedgerService(store, catalog, store.lookup_hasher(), tz=STATION_TZ)
    [row] = ledger.search(LedgerQuery(receipt_no=sub.receipt_no)).rows
    assert row.queue_ticket == "A017"
    entry = store.ledger_entry(sub.uuid)
    assert entry.started_at == datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    assert audited.queue_ticket is None  # one ticket, one case
