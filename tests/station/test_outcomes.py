"""容缺受理 and 告知承诺制 through the Qt-free intake session: who may be accepted with
what missing, what the printed papers say (decoded from the real ESC/POS bytes), and
what the case and the manifest record."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from devices.idcard.simulator import sample_cards
from devices.printer.escpos_decode import decode_escpos
from devices.printer.receipt import CST, Receipt
from intake.acceptance import Acceptance, Mode
from intake.catalog import Catalog
from intake.errors import DraftError
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession, Phase
from station.ledger import LedgerService
from sync.store import Store
from ui_shared.error_text import error_text
from ui_shared.messages import acceptance_text

from .conftest import page

TODAY = date(2026, 12, 3)  # a Thursday: 5 working days later is Thursday 10 December
# the station's clock on that day (10:00 in China): the receipt counts from it too
NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def _session(intake: IntakeService, catalog: Catalog, code: str) -> IntakeSession:
    session = IntakeSession(
        intake, catalog, InlineRunner(), clerk_id="c07", today=lambda: TODAY, now=lambda: NOW
    )
    session.card_read(sample_cards()[0])  # files the ID card page from the chip
    session.choose_item(code)
    return session


def _flat(data: bytes) -> str:
    return "".join(decode_escpos(data).text.split())


def test_deficiency_accept_owes_non_key_materials_with_a_due_date(
    intake: IntakeService, catalog: Catalog, store: Store, receipt_file: Path
) -> None:
    session = _session(intake, catalog, "SB-001")
    session.page_captured(page("form"), "M03")
    state = session.state
    assert [m.code for m in state.missing] == ["M02"]  # 居民户口簿, not a key material
    assert state.phase is Phase.CAPTURING
    assert state.can_accept_deficient and not state.can_accept_committed
    assert not state.can_accept

    session.deficiency_accept_requested()
    outcome = session.state.outcome
    assert outcome is not None and outcome.print_error is None
    submission = outcome.accepted.submission
    expected = Acceptance(Mode.DEFICIENCY, ("M02",), date(2026, 12, 7))
    assert submission.acceptance == expected
    # recorded in the case (read back from SQLite) and in the manifest the platform gets
    assert store.get(submission.uuid).submission.acceptance == expected
    assert store.manifest(submission.uuid)["acceptance"] == {
        "mode": "deficiency",
        "materials": ["M02"],
        "due": "2026-12-07",
    }
    [row] = [r for r in store.audit_rows() if r["action"] == "accept"]
    assert '"deficiency"' in row["detail"]

    printed = _flat(receipt_file.read_bytes())
    assert "受理方式：容缺受理" in printed
    assert "补齐期限：2026年12月07日前" in printed
    # what is owed arrives before the promised completion date (3 working days), never
    # after it (the catalog's 5 deficiency days ended after the promise: found by review)
    assert "承诺办结：2026年12月08日前" in printed
    assert "待补齐材料（容缺）：" in printed and "1.居民户口簿" in printed
    assert submission.receipt_no in printed
    assert session.state.papers == (outcome.accepted.receipt,)
    # the case as the ledger opens it says what is owed and by when
    ledger = LedgerService(store, catalog, store.lookup_hasher(), tz=CST)
    detail = ledger.open_case(submission.uuid)
    assert acceptance_text(detail.acceptance) == "容缺受理：待补 居民户口簿，2026年12月07日前补齐"
    assert acceptance_text(detail.acceptance, english=True) == (
        "Accepted with materials owed: 居民户口簿, to bring by 2026-12-07"
    )


def test_a_missing_key_material_is_never_owed(intake: IntakeService, catalog: Catalog) -> None:
    session = _session(intake, catalog, "SB-001")
    session.page_captured(page("hukou"), "M02")  # the registration form M03 is key
    state = session.state
    assert [m.code for m in state.missing] == ["M03"]
    assert not state.can_accept_deficient and not state.can_accept_committed
    with pytest.raises(DraftError) as refused:
        session.deficiency_accept_requested()
    assert "核心材料不能容缺" in error_text(refused.value)
    assert session.state.outcome is None and session.state.phase is Phase.CAPTURING


def test_a_defective_material_blocks_deficiency_until_cleared(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog, "SB-001")
    session.page_captured(page("form"), "M03")
    session.material_defective("M03", "缺少签字")
    assert not session.state.can_accept_deficient
    session.defect_cleared("M03")
    assert session.state.can_accept_deficient


def test_commitment_accept_prints_the_signed_form_with_the_receipt(
    intake: IntakeService, catalog: Catalog, store: Store, receipt_file: Path
) -> None:
    jobs: list[str] = []
    real_print = intake.print_receipt

    def printing(paper: Receipt) -> bytes:
        jobs.append(paper.kind)
        return real_print(paper)

    intake.print_receipt = printing  # type: ignore[method-assign,assignment]
    session = _session(intake, catalog, "SB-002")
    for code in ("M03", "M04"):
        session.page_captured(page(code), code)
    state = session.state
    assert [m.code for m in state.missing] == ["M02"]  # 居民户口簿: commitment allowed
    assert state.can_accept_committed and not state.can_accept_deficient

    session.commitment_accept_requested()
    outcome = session.state.outcome
    assert outcome is not None and outcome.print_error is None
    submission = outcome.accepted.submission
    assert submission.acceptance == Acceptance(Mode.COMMITMENT, ("M02",))
    assert store.get(submission.uuid).submission.acceptance == submission.acceptance
    assert store.manifest(submission.uuid)["acceptance"] == {
        "mode": "commitment",
        "materials": ["M02"],
    }
    ledger = LedgerService(store, catalog, store.lookup_hasher(), tz=CST)
    note = ledger.open_case(submission.uuid).acceptance
    assert acceptance_text(note) == "告知承诺制受理：以承诺代替 居民户口簿"
    receipt, form = outcome.accepted.papers
    assert jobs == ["receipt", "commitment"]  # both printed, the receipt first
    assert form.kind == "commitment" and form.receipt_no == submission.receipt_no

    # the printer file holds the last job (the form); the receipt went out just before it
    form_text = _flat(receipt_file.read_bytes())
    assert "告知承诺书" in form_text and "受理回执" not in form_text
    receipt_text = _flat(intake.print_receipt(receipt))
    assert "受理方式：告知承诺制受理" in receipt_text and "以告知承诺代替的材料：" in receipt_text
    assert "以本承诺代替的材料：" in form_text and "1.居民户口簿" in form_text
    assert "承诺人（签字并按手印）：" in form_text and "如承诺不实" in form_text
    assert submission.receipt_no in form_text
    accepted_at = f"{submission.accepted_at.astimezone(CST):%Y-%m-%d%H:%M}"
    assert f"承诺时间：{accepted_at}" in form_text


def test_commitment_is_only_for_materials_the_catalog_allows(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = _session(intake, catalog, "SB-002")
    session.page_captured(page("M02"), "M02")
    session.page_captured(page("M03"), "M03")
    assert [m.code for m in session.state.missing] == ["M04"]  # non-key, no commitment
    assert session.state.can_accept_deficient and not session.state.can_accept_committed
    with pytest.raises(DraftError) as refused:
        session.commitment_accept_requested()
    assert "不适用告知承诺制" in error_text(refused.value)


def test_a_reprint_from_the_case_still_says_what_is_owed(
    intake: IntakeService, catalog: Catalog, store: Store
) -> None:
    session = _session(intake, catalog, "SB-001")
    session.page_captured(page("form"), "M03")
    session.deficiency_accept_requested()
    outcome = session.state.outcome
    assert outcome is not None
    record = store.get(outcome.accepted.submission.uuid)
    again = intake.receipt_for(record.submission, catalog.item("SB-001"))
    assert ("补齐期限", "2026年12月07日前") in (again.rows or [])
    assert again.sections == [("待补齐材料（容缺）：", ["居民户口簿"])]
