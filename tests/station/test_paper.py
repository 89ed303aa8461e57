"""The 受理回执 and the 一次性告知书, each with its own rows: department, clerk and
window, the promised DATE from the catalog's holiday calendar, how the result is
collected, the number to call; the notice numbered, recorded, with reasons."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
import zxingcpp

from devices.idcard.simulator import sample_cards
from devices.printer.escpos_decode import decode_escpos
from devices.printer.escpos_output import ReceiptPrinter
from devices.printer.receipt import CST, layout_receipt
from intake.catalog import Catalog
from intake.workdays import WorkCalendar
from station.cases import CaseQueries
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession, Phase, SessionError
from station.paper import remedy_lines
from sync.store import Store

from .conftest import SECRET, page


def test_working_days_skip_weekends_and_holidays_and_count_adjusted_days(
    catalog: Catalog,
) -> None:
    cal = catalog.calendar
    assert cal.is_working_day(date(2026, 2, 14))  # a Saturday declared a working day
    assert not cal.is_working_day(date(2026, 10, 5))  # National Day week
    # accepted Wednesday 30 Sept 2026, 3 working days: Oct 1-7 off, the 8th, 9th, 10th (Sat)
    assert cal.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert WorkCalendar().add_working_days(date(2026, 12, 4), 1) == date(2026, 12, 7)
    assert cal.add_working_days(date(2026, 12, 4), 0) == date(2026, 12, 4)
    assert Catalog.from_dict(catalog.to_dict()).calendar == cal


def _hall_intake(store: Store, receipt_file: Path) -> IntakeService:
    return IntakeService(
        store,
        station_code="T01",
        station_name="城关镇便民服务中心",
        secret=SECRET,
        printer=ReceiptPrinter(f"file:{receipt_file}"),
        query_url="https://zwfw.example.gov.cn/q",
        phone="0591-12345678",
    )


def test_receipt_says_who_where_until_when_and_how(
    store: Store, receipt_file: Path, catalog: Catalog
) -> None:
    intake = _hall_intake(store, receipt_file)
    session = IntakeSession(intake, catalog, InlineRunner(), clerk_id="c07")
    session.card_read(sample_cards()[0])
    session.choose_item("SB-001")  # 3 working days, 县人力资源和社会保障局
    for m in session.state.missing:
        session.page_captured(page(m.code), m.code)
    session.collection_chosen("post")
    session.accept_requested()
    outcome = session.state.outcome
    assert outcome is not None
    receipt = outcome.accepted.receipt
    accepted_day = outcome.accepted.submission.accepted_at.astimezone(CST).date()
    due = catalog.calendar.add_working_days(accepted_day, 3)
    text = "\n".join(layout_receipt(receipt, 80).text_lines())
    assert "受理部门：县人力资源和社会保障局" in text
    assert "c07（城关镇便民服务中心 T01）" in text
    assert f"承诺办结：{due:%Y年%m月%d日}前（3个工作日）" in text
    assert text.count("个工作日") == 1  # said once, as a date
    assert "领取方式：邮寄送达" in text and "咨询电话：0591-12345678" in text
    assert receipt.qr_payload.startswith("https://zwfw.example.gov.cn/q/v1/receipts/")
    assert "扫码查询办理进度" in text
    printed = decode_escpos(receipt_file.read_bytes()).text
    assert "受理部门" in printed and "邮寄送达" in printed
    audit = [r for r in store.audit_rows() if r["action"] == "intake.collection"]
    assert [r["subject"] for r in audit] == [outcome.accepted.submission.uuid]


def test_without_a_query_url_the_qr_caption_does_not_promise_a_web_page(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = IntakeSession(intake, catalog, InlineRunner())
    session.card_read(sample_cards()[0])
    session.choose_item("YB-001")
    for m in session.state.missing:
        session.page_captured(page(m.code), m.code)
    session.accept_requested()
    assert session.state.outcome is not None
    receipt = session.state.outcome.accepted.receipt
    assert receipt.qr_payload.startswith("YW1|")
    assert "扫码查询办理进度" not in "\n".join(layout_receipt(receipt, 80).text_lines())


def test_notice_is_numbered_recorded_and_names_reasons(
    store: Store, receipt_file: Path, catalog: Catalog
) -> None:
    intake = _hall_intake(store, receipt_file)
    session = IntakeSession(intake, catalog, InlineRunner(), clerk_id="c07")
    session.card_read(sample_cards()[0])
    session.choose_item("SB-001")
    session.page_captured(page("hukou"), "M02")
    session.material_defective("M02", "户口簿复印页不清晰")
    assert session.state.phase is Phase.CAPTURING and session.state.can_issue_notice
    session.notice_requested()
    assert session.state.phase is Phase.NOTICE
    printed = decode_escpos(receipt_file.read_bytes()).text
    today = datetime.now(CST).strftime("%Y%m%d")
    assert f"T01-GZ{today}-001" in printed
    assert "登记表（未提供）" in printed.replace("\n", "")
    assert "户口簿复印页不清晰" in printed.replace("\n", "")
    assert "申请人签字" in printed and "回执编号：—" not in printed
    assert "受理时间" not in printed and "1页" not in printed
    [row] = [r for r in store.audit_rows() if r["action"] == "notice.issued"]
    assert row["subject"] == f"T01-GZ{today}-001" and "M02" in row["detail"]
    assert sample_cards()[0].id_number not in str(row)
    session.notice_requested()  # a second notice the same day gets the next number
    assert f"T01-GZ{today}-002" in decode_escpos(receipt_file.read_bytes()).text
    session.defect_cleared("M02")
    assert "M02" not in session.state.defects


def test_refusal_prints_reason_and_basis_and_ends_the_intake(
    store: Store, receipt_file: Path, catalog: Catalog
) -> None:
    intake = _hall_intake(store, receipt_file)
    session = IntakeSession(intake, catalog, InlineRunner(), clerk_id="c07")
    with_refusal = [r.code for r in catalog.refusal_reasons]
    assert with_refusal == ["R01", "R02", "R03"]
    session.card_read(sample_cards()[0])
    session.choose_item("NY-001")
    with pytest.raises(SessionError):
        session.refusal_requested("R99")
    session.refusal_requested("R03")
    state = session.state
    today = datetime.now(CST).strftime("%Y%m%d")
    assert state.phase is Phase.REFUSED and state.refusal_no == f"T01-BY{today}-001"
    printed = "".join(decode_escpos(receipt_file.read_bytes()).text.split())
    reason = catalog.refusal_reasons[2]
    assert "不予受理通知书" in printed and "".join(reason.reason_zh.split()) in printed
    assert "".join(reason.basis_zh.split()) in printed and "行政复议" in printed
    # the remedies: where and within which time limits (行政复议法 第二十条, 行政诉讼法 第四十六条)
    assert catalog.item("NY-001").review_body_zh == "县人民政府"
    assert "自收到本通知书之日起六十日内向县人民政府申请行政复议" in printed
    assert "《中华人民共和国行政复议法》第二十条" in printed
    assert "六个月内依法向人民法院提起行政诉讼" in printed
    assert "《中华人民共和国行政诉讼法》第四十六条" in printed
    assert sample_cards()[0].id_number not in printed
    [row] = [r for r in store.audit_rows() if r["action"] == "refusal.issued"]
    assert row["subject"] == state.refusal_no and "R03" in row["detail"]
    assert store.queue_depth() == 0  # nothing was accepted
    session.card_read(sample_cards()[1])  # the next citizen
    assert session.state.phase is Phase.CHOOSING_ITEM


def test_the_next_visit_starts_from_the_notice_code(
    store: Store, receipt_file: Path, catalog: Catalog
) -> None:
    intake = _hall_intake(store, receipt_file)
    session = IntakeSession(intake, catalog, InlineRunner(), clerk_id="c07")
    session.card_read(sample_cards()[0])
    session.choose_item("SB-001")
    session.notice_requested()
    printed = decode_escpos(receipt_file.read_bytes())
    codes = [r.text for op in printed.rasters for r in zxingcpp.read_barcodes(np.array(op.image()))]
    [code] = codes
    assert code.startswith("YWGZ|T01-GZ") and code.isascii()
    queries = CaseQueries(store, SECRET)
    ref = queries.find_notice(code)
    assert ref is not None and ref.item_code == "SB-001"
    assert set(ref.materials) == {"M02", "M03"}  # M01 was filed from the card read
    for hostile in ("YWGZ|", "YWGZ|../../etc/passwd", "YWGZ|T01-GZ20261203-999", code + "x"):
        assert queries.find_notice(hostile) is None


def test_a_refusal_without_a_named_review_body_still_says_where_to_turn(
    catalog: Catalog,
) -> None:
    item = dataclasses.replace(catalog.item("NY-001"), review_body_zh="")
    lines = "".join(remedy_lines(item))
    assert "六十日内向依法有管辖权的行政复议机关申请行政复议" in lines
    assert "六个月内" in lines and "县人民政府" not in lines
