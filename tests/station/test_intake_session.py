"""The intake session's rules, driven without Qt against a real store and printer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from devices.camera.quality import BLURRY, GLARE
from devices.idcard.simulator import expired_sample_card, sample_cards
from devices.printer.escpos_decode import decode_escpos
from intake.applicant import LegalEntity
from intake.catalog import Catalog
from intake.errors import IntakeError
from station.card_mapping import person_from_card
from station.intake_service import IntakeService
from station.intake_session import (
    InlineRunner,
    IntakeSession,
    Phase,
    SessionError,
    SessionState,
    Severity,
)
from sync.store import Store
from ui_shared.error_text import note_text

from .conftest import page

OnError = Callable[[BaseException], None]


class QueuedRunner:
    """Holds work until the test releases it: the UI's executor, made deterministic."""

    def __init__(self) -> None:
        self.queue: list[tuple[Callable[[], Any], Callable[[Any], None], OnError]] = []

    def disk(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.queue.append((fn, on_done, on_error))

    def run_all(self) -> None:
        while self.queue:
            InlineRunner().disk(*self.queue.pop(0))


def _session(intake: IntakeService, catalog: Catalog, runner: Any = None) -> IntakeSession:
    return IntakeSession(intake, catalog, runner or InlineRunner(), clerk_id="c01")


def _capture_all(session: IntakeSession) -> None:
    """Capture whatever is still missing (a card read may have filed the ID card)."""
    item = session.state.item
    assert item is not None
    for m in session.state.missing:
        session.select_material(m.code)
        session.page_captured(page(f"{item.code}-{m.code}"))


def test_card_item_pages_accept_print(
    intake: IntakeService, catalog: Catalog, store: Store, receipt_file: Path
) -> None:
    session = _session(intake, catalog)
    seen: list[SessionState] = []
    session.subscribe(seen.append)
    assert session.state.phase is Phase.CHOOSING_ITEM

    card = sample_cards()[0]
    session.card_read(card)  # before the item, as clerks often do
    session.choose_item("SB-001")
    assert session.state.phase is Phase.CAPTURING
    assert session.state.applicant == person_from_card(card)
    # the card read filed the ID card material (Material.card_read): no photo of the card
    assert len(session.state.pages["M01"]) == 1
    assert session.state.current_material == "M02"

    _capture_all(session)
    state = session.state
    assert state.phase is Phase.REVIEW and state.can_accept and state.page_count == 3
    assert state.note is not None and state.note.code == "page.stored"

    session.accept_requested()
    state = session.state
    assert state.phase is Phase.DONE
    assert state.outcome is not None and state.outcome.print_error is None
    submission = state.outcome.accepted.submission
    assert store.get(submission.uuid).submission.receipt_no == submission.receipt_no
    assert submission.clerk_id == "c01"
    assert submission.catalog_version == catalog.version
    text = decode_escpos(receipt_file.read_bytes()).text
    assert submission.receipt_no in text
    assert card.name not in text
    phases = [s.phase for s in seen]
    assert phases.index(Phase.ACCEPTING) < phases.index(Phase.DONE)


def test_blurry_page_is_refused_and_glare_is_kept_with_a_warning(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog)
    session.choose_item("SB-001")
    session.page_captured(page("blurred", BLURRY))
    assert session.state.pages == {}
    assert session.state.note is not None
    assert session.state.note.code == "blurry" and "重拍" in note_text(session.state.note)

    session.page_captured(page("glare", GLARE))
    assert len(session.state.pages["M01"]) == 1
    note = session.state.note
    assert note is not None and note.severity is Severity.WARNING and "反光" in note_text(note)
    assert session.state.current_material == "M02"  # on to the next missing material


def test_the_entrance_check_applies_to_every_applicant(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog)
    person = person_from_card(sample_cards()[0])
    session.choose_item("SC-101")  # a legal-entity item
    session.card_read(sample_cards()[0])
    assert session.state.person == person
    assert session.state.applicant is None  # a person alone cannot apply for a company
    session.applicant_entered(person)
    assert session.state.applicant is None and session.state.phase is Phase.IDENTIFYING
    session.applicant_entered(LegalEntity("福州某某科技有限公司", "91350100M000100Y44", person))
    assert session.state.applicant is None
    assert session.state.note is not None and session.state.note.code.startswith("uscc.")
    company = LegalEntity("福州某某科技有限公司", "91350100M000100Y43", person)
    session.applicant_entered(company)
    assert session.state.applicant == company
    assert session.state.phase is Phase.CAPTURING
    session.choose_item("SB-001")
    session.confirm_switch()  # the representative's card page was filed: switching asks
    assert session.state.applicant == person  # a personal item takes the person, not the company


def test_expired_card_becomes_a_note_not_an_applicant(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog)
    session.choose_item("SB-001")
    session.card_read(expired_sample_card())
    assert session.state.applicant is None and session.state.phase is Phase.IDENTIFYING
    assert session.state.note is not None and "有效期" in note_text(session.state.note)


def test_printer_failure_is_reported_and_the_submission_kept(
    dead_printer_intake: IntakeService, catalog: Catalog, store: Store
) -> None:
    session = _session(dead_printer_intake, catalog)
    session.card_read(sample_cards()[1])
    session.choose_item("YB-001")
    _capture_all(session)
    session.accept_requested()
    state = session.state
    assert state.phase is Phase.DONE
    assert state.outcome is not None and state.outcome.print_error is not None
    assert state.note == state.outcome.print_error
    assert store.queue_depth() == 1  # accepted, durable and queued despite the printer


def test_accept_failure_keeps_the_draft(
    intake: IntakeService, catalog: Catalog, store: Store
) -> None:
    session = _session(intake, catalog)
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    _capture_all(session)
    draft = session.draft
    store.close()  # the database goes away under the session: accept fails for real
    session.accept_requested()
    assert session.state.phase is Phase.REVIEW
    assert session.state.note is not None and session.state.note.severity is Severity.ERROR
    assert session.draft is draft and draft is not None and draft.is_complete


def test_catalog_version_is_the_one_the_draft_started_under(
    intake: IntakeService, catalog: Catalog, store: Store
) -> None:
    session = _session(intake, catalog)
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    newer = Catalog.from_dict({**catalog.to_dict(), "version": "2099.1.1"})
    session.set_catalog(newer)
    _capture_all(session)
    session.accept_requested()
    assert session.state.outcome is not None
    assert session.state.outcome.accepted.submission.catalog_version == catalog.version
    session.reset()
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    assert session.state.catalog_version == "2099.1.1"


def test_slow_work_goes_through_the_runner_and_stale_results_are_ignored(
    intake: IntakeService, catalog: Catalog
) -> None:
    runner = QueuedRunner()
    session = _session(intake, catalog, runner)
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    session.page_captured(page("one"))
    assert session.state.storing == 1 and session.state.pages == {}
    assert len(runner.queue) == 1  # nothing touched the disk yet
    runner.run_all()
    assert session.state.storing == 0 and len(session.state.pages["M01"]) == 1

    session.select_material("M02")
    session.page_captured(page("two"))
    assert not session.state.can_accept  # a page is still being stored
    session.reset()  # the citizen leaves before the page is stored
    runner.run_all()
    assert session.state.phase is Phase.CHOOSING_ITEM and session.state.pages == {}


def test_no_notice_while_a_page_is_being_stored(intake: IntakeService, catalog: Catalog) -> None:
    """F7 right after a card read while the card's page is still being filed: the notice
    would list that material as missing and the page, landing a moment later, would
    leave the intake open (the F7 flake of the keyboard test under load)."""
    runner = QueuedRunner()
    session = _session(intake, catalog, runner)
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    session.page_captured(page("one"))
    assert session.state.storing == 1 and session.state.missing
    assert not session.state.can_issue_notice
    with pytest.raises(SessionError) as refused:
        session.notice_requested()
    assert refused.value.code == "session.storing"
    assert len(runner.queue) == 1  # nothing printed
    runner.run_all()
    assert session.state.can_issue_notice
    session.notice_requested()
    runner.run_all()
    assert session.state.phase is Phase.NOTICE


def test_removing_a_page_reopens_capture(intake: IntakeService, catalog: Catalog) -> None:
    session = _session(intake, catalog)
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    _capture_all(session)
    assert session.state.phase is Phase.REVIEW
    session.page_removed("M02")
    assert session.state.phase is Phase.CAPTURING
    assert [m.code for m in session.state.missing] == ["M02"]


def test_switching_item_waits_for_confirmation_and_carries_same_name_pages(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog)
    session.card_read(sample_cards()[0])
    session.choose_item("SB-001")
    _capture_all(session)
    before = dict(session.state.pages)
    session.choose_item("SB-002")
    switch = session.state.pending_switch
    assert switch is not None and switch.item.code == "SB-002"
    assert session.state.item is not None and session.state.item.code == "SB-001"
    assert {(a, b) for a, b, _n in switch.reusable} == {("M01", "M01"), ("M02", "M02")}
    assert switch.dropped_pages == 1  # the SB-001 form has no namesake in SB-002
    session.cancel_switch()
    assert session.state.pages == before and session.state.pending_switch is None
    session.choose_item("SB-002")
    session.confirm_switch()
    assert session.state.item is not None and session.state.item.code == "SB-002"
    assert session.state.pages == {"M01": before["M01"], "M02": before["M02"]}
    assert session.state.applicant is not None  # the person stays identified


def test_notice_prints_every_missing_material(
    intake: IntakeService, catalog: Catalog, receipt_file: Path
) -> None:
    session = _session(intake, catalog)
    session.card_read(sample_cards()[0])
    session.choose_item("SB-001")
    session.notice_requested()
    assert session.state.phase is Phase.NOTICE
    text = decode_escpos(receipt_file.read_bytes()).chinese_text
    assert "一次性告知书" in text and "居民户口簿" in text
    # the citizen finds the rest after all: the same draft goes on to acceptance
    _capture_all(session)
    assert session.state.phase is Phase.REVIEW


def test_events_out_of_phase_are_refused(intake: IntakeService, catalog: Catalog) -> None:
    session = _session(intake, catalog)
    with pytest.raises(SessionError):
        session.accept_requested()
    with pytest.raises(IntakeError):
        session.page_captured(page("x"))
    session.choose_item("SB-001")
    with pytest.raises(SessionError):
        session.accept_requested()  # no applicant yet: still identifying
    assert session.state.phase is Phase.IDENTIFYING


def test_pages_are_reordered_and_deleted(intake: IntakeService, catalog: Catalog) -> None:
    session = _session(intake, catalog)
    session.choose_item("SB-001")
    for tag in ("a", "b", "c"):
        session.page_captured(page(tag), "M02")
    a, b, c = session.state.pages["M02"]
    session.page_moved("M02", c, 0)
    assert session.state.pages["M02"] == (c, a, b)
    session.page_moved("M02", c, 99)
    assert session.state.pages["M02"] == (a, b, c)
    session.page_removed("M02", b)
    assert session.state.pages["M02"] == (a, c)
    with pytest.raises(SessionError):
        session.page_moved("M02", b, 0)


def test_a_notice_printed_late_does_not_undo_what_happened_meanwhile(
    intake: IntakeService, catalog: Catalog
) -> None:
    runner = QueuedRunner()
    session = _session(intake, catalog, runner)
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    runner.run_all()  # the card page
    session.page_captured(page("form"), "M02")
    runner.run_all()
    session.material_defective("M02", "缺少签字或盖章")
    session.notice_requested()
    session.defect_cleared("M02")  # signed at the window before the printer is done
    runner.run_all()
    assert session.state.phase is Phase.CAPTURING  # not NOTICE: the draft moved on
    assert session.state.note is not None and session.state.note.code == "notice.printed"


def test_by_post_a_card_without_an_address_leaves_the_phone_call(
    intake: IntakeService, catalog: Catalog, receipt_file: Path
) -> None:
    """The session, not a front end, decides that a card with no address (a permit, a
    typed identity) can only be posted to where staff confirm by phone."""
    import dataclasses

    session = _session(intake, catalog)
    session.card_read(dataclasses.replace(sample_cards()[0], address=""))
    session.choose_item("SB-001")
    session.collection_chosen("post")
    session.post_address_chosen("card")  # asked for, but there is nothing to post to
    assert session.state.post_address == "phone"
    _capture_all(session)
    session.accept_requested()
    assert session.state.phase is Phase.DONE
    text = decode_escpos(receipt_file.read_bytes()).text
    assert "工作人员将来电确认邮寄地址" in text and "身份证住址" not in text
