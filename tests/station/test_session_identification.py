"""Identification without a card reader, agents, children and phone numbers —
on the intake session, against a real store and printer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from devices.idcard.simulator import sample_cards
from devices.printer.escpos_decode import decode_escpos
from intake.applicant import Person
from intake.catalog import Catalog
from intake.identity import resident_id_check_digit
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession, Phase
from sync.store import Store
from ui_shared.error_text import note_text

from .conftest import page

ADULT_17 = "11010519800101003"
ADULT = ADULT_17 + resident_id_check_digit(ADULT_17)
CHILD_17 = "11010520180315002"
CHILD = CHILD_17 + resident_id_check_digit(CHILD_17)
MACAO = "82000019900214005" + resident_id_check_digit("82000019900214005")
TODAY = date(2026, 12, 1)


def _session(intake: IntakeService, catalog: Catalog) -> IntakeSession:
    return IntakeSession(intake, catalog, InlineRunner(), clerk_id="c07", today=lambda: TODAY)


def _capture_all(session: IntakeSession) -> None:
    item = session.state.item
    assert item is not None
    for m in item.required_materials:
        session.page_captured(page(f"{item.code}-{m.code}"), m.code)


def test_reader_missing_manual_entry_to_accept(
    intake: IntakeService, catalog: Catalog, store: Store, receipt_file: Path
) -> None:
    session = _session(intake, catalog)
    session.choose_item("YB-001")
    typed = Person("李卫东", ADULT.lower())
    session.person_typed(typed, sighted=False)
    assert session.state.applicant is None
    assert session.state.note is not None and session.state.note.code == "applicant.not_sighted"

    wrong = ADULT[:17] + ("0" if ADULT[17] != "0" else "1")
    session.person_typed(Person("李卫东", wrong), sighted=True)
    assert session.state.applicant is None
    assert session.state.note is not None and "校验位" in note_text(session.state.note)

    session.person_typed(typed, sighted=True)
    applicant = session.state.applicant
    assert isinstance(applicant, Person)
    assert applicant.id_number == ADULT and applicant.id_source == "manual"
    assert applicant.birth_date == date(1980, 1, 1) and applicant.gender == "男"

    session.phone_entered("138 0013 800")
    assert session.state.note is not None and session.state.note.code == "applicant.mobile"
    session.phone_entered("13800138000")
    assert session.state.phone == "13800138000"

    _capture_all(session)
    session.accept_requested()
    outcome = session.state.outcome
    assert outcome is not None and outcome.print_error is None
    submission = outcome.accepted.submission
    manifest = store.manifest(submission.uuid)
    assert manifest["applicant"]["id_source"] == "manual"
    assert manifest["applicant"]["phone"] == "13800138000"
    audit = [r for r in store.audit_rows() if r["action"] == "identity.typed_original_sighted"]
    assert [(r["actor"], r["subject"]) for r in audit] == [("c07", submission.uuid)]
    assert ADULT not in str(audit) and "李卫东" not in str(audit)
    text = decode_escpos(receipt_file.read_bytes()).text
    assert "人工录入" in text and "138****8000" in text
    assert "13800138000" not in text and ADULT not in text


def test_child_by_household_register_needs_a_guardian(
    intake: IntakeService, catalog: Catalog, store: Store, receipt_file: Path
) -> None:
    session = _session(intake, catalog)
    session.choose_item("YB-001")
    session.person_typed(Person("王小明", CHILD, id_kind="household_register"), sighted=True)
    assert session.state.applicant is not None
    _capture_all(session)
    assert session.state.needs_guardian and session.state.phase is Phase.IDENTIFYING
    assert not session.state.can_accept

    guardian_card = sample_cards()[0]
    session.agent_requested("父母")
    assert session.state.awaiting_agent == "父母"
    session.card_read(guardian_card)  # the guardian's own card, read for the agent
    state = session.state
    assert state.awaiting_agent is None and state.agent is not None
    assert state.agent.person.id_number == guardian_card.id_number
    assert state.person is not None and state.person.id_number == CHILD  # still the child
    assert not state.needs_guardian and state.phase is Phase.REVIEW

    session.accept_requested()
    assert session.state.outcome is not None
    submission = session.state.outcome.accepted.submission
    agent = store.manifest(submission.uuid)["applicant"]["agent"]
    assert agent["relation"] == "父母"
    assert agent["person"]["id_number"] == guardian_card.id_number
    text = decode_escpos(receipt_file.read_bytes()).text
    assert "代办人" in text and "父母" in text and guardian_card.name not in text


def test_birth_certificate_and_permits_by_number(intake: IntakeService, catalog: Catalog) -> None:
    session = _session(intake, catalog)
    session.choose_item("YB-001")
    session.person_typed(
        Person("王小宝", "p440123456", id_kind="birth_certificate", birth_date=date(2026, 10, 1)),
        sighted=True,
    )
    state = session.state
    assert state.person is not None and state.person.id_number == "P440123456"
    assert state.needs_guardian  # a newborn applies through a parent
    session.agent_typed(Person("王建国", ADULT), "父母", sighted=True)
    assert session.state.agent is not None and session.state.agent.person.id_source == "manual"
    assert not session.state.needs_guardian

    session.reset()
    session.choose_item("YB-001")
    session.person_typed(
        Person("John Smith", "GBR110085031201", id_kind="foreign_permanent"), sighted=True
    )
    assert session.state.applicant is not None
    session.person_typed(Person("陳大文", MACAO, id_kind="hk_macao_taiwan_permit"), sighted=True)
    # a different person: the first one's phone and agent do not carry over
    assert session.state.person is not None and session.state.person.name == "陳大文"
    session.person_typed(Person("陳大文", "X12345678", id_kind="hk_macao_travel"), sighted=True)
    assert session.state.note is not None and "格式" in note_text(session.state.note)
    session.agent_requested(" ")
    assert session.state.note is not None
    assert session.state.note.code == "applicant.agent_relation"


def test_a_new_applicant_drops_the_previous_phone_and_agent(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog)
    cards = sample_cards()
    session.card_read(cards[0])
    session.phone_entered("13900139000")
    session.agent_typed(Person("王建国", ADULT), "子女", sighted=True)
    session.card_read(cards[0])  # the same card again: nothing lost
    assert session.state.phone == "13900139000" and session.state.agent is not None
    session.card_read(cards[1])
    assert session.state.phone == "" and session.state.agent is None
