"""Each kiosk service on real widgets, against the simulated devices and the reference
platform: apply (card, confirm, auto-capture, submit, receipt), progress by receipt code
and by card, reprint (and the printer out of service), evaluation, the service guide."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from devices.printer.escpos_decode import decode_escpos
from kiosk.screens.apply import CAPTURE, CONFIRM, CONTACT, DONE, REVIEW, ApplyScreen
from kiosk.screens.evaluate import EvaluateScreen
from kiosk.screens.guide import GuideScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.screens.reprint import ReprintScreen
from kiosk.theme import NORMAL
from station.device_health import Health
from station.progress import CaseStage
from tests.kiosk.accessibility import check_minimums
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import hand_in_pages

ITEM = "YB-001"  # 城乡居民基本医疗保险参保登记, kiosk-enabled
PHONE = "13905712345"


def _receipts(station_dir: Path) -> bytes:
    path = station_dir / "printer" / "receipts.escpos"
    return path.read_bytes() if path.exists() else b""


def _printed(station_dir: Path) -> str:
    """The text of the last print; "" while the printer is still writing it (waiting for
    the file to change alone caught it truncated, mid-print, under load)."""
    try:
        return decode_escpos(_receipts(station_dir)).text
    except Exception:
        return ""


def _apply(kiosk: Kiosk, qtbot: QtBot, card: Any, *, by_camera: bool = False) -> ApplyScreen:
    """An application of ITEM from the card to its receipt, each step's minimums checked.
    `by_camera`: the pages taken by the camera's automatic capture (proven once, in
    test_apply_from_card_to_receipt_and_platform: two seconds of frames per application);
    else handed to the session as the camera step hands them (quick_apply)."""
    window = kiosk.window
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons[ITEM].click()
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    check_minimums(window, NORMAL, "apply/confirm")
    apply.yes.click()
    assert apply.steps.currentIndex() == CAPTURE
    if by_camera:
        qtbot.waitUntil(lambda: apply.capture.preview.page_detected, timeout=20_000)
        check_minimums(window, NORMAL, "apply/capture")
        qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONTACT, timeout=90_000)
    else:
        check_minimums(window, NORMAL, "apply/capture")
        hand_in_pages(apply, qtbot)
    check_minimums(window, NORMAL, "apply/contact")
    keypad = apply.contact.keypad
    for d in "12345":  # not a mobile number: refused in words, the step stays
        keypad.keys[d].click()
    keypad.ok_key.click()
    assert apply.steps.currentIndex() == CONTACT and apply.note.isVisible()
    keypad.clear_key.click()
    for d in PHONE:
        keypad.keys[d].click()
    assert apply.contact.number.text() == "139 0571 2345"
    apply.contact.methods["post"].click()
    keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW
    assert "139****2345" in apply.summary.text()
    check_minimums(window, NORMAL, "apply/review")
    apply.submit.click()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == DONE, timeout=20_000)
    check_minimums(window, NORMAL, "apply/done")
    return apply


def test_apply_from_card_to_receipt_and_platform(
    kiosk: Kiosk, qtbot: QtBot, station_dir: Path, admin: Callable[..., Any]
) -> None:
    card = kiosk.sims.sample_cards()[0]
    apply = _apply(kiosk, qtbot, card, by_camera=True)
    outcome = apply.session.state.outcome
    assert outcome is not None and outcome.print_error is None
    receipt_no = outcome.accepted.submission.receipt_no
    assert receipt_no in apply.done_title.text()
    assert not apply.qr.isVisible()
    item = kiosk.services.catalog.item(ITEM)
    assert str(item.time_limit_days) in apply.done_text.text()  # what happens next
    printed = decode_escpos(_receipts(station_dir))
    assert receipt_no in printed.text and card.id_number not in printed.text
    assert outcome.accepted.submission.channel.value == "kiosk"
    assert outcome.accepted.submission.applicant.phone == PHONE
    # the engine delivers it like any other submission
    kiosk.services.sync_now()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        held = [s for s in admin("GET", "/v1/admin/submissions") if s["receipt_no"] == receipt_no]
        if held:
            break
        qtbot.wait(200)
    assert len(held) == 1
    # accepted and printed: taking the card out lets the "done" page finish
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not kiosk.window.card_present, timeout=10_000)
    assert not kiosk.window.card_away_shown and apply.finish.isVisible()
    apply.finish.click()
    assert kiosk.window.current is kiosk.window.attract


def test_progress_by_receipt_code_and_by_card(
    kiosk: Kiosk, qtbot: QtBot, admin: Callable[..., Any]
) -> None:
    card = kiosk.sims.sample_cards()[0]
    apply = _apply(kiosk, qtbot, card)
    outcome = apply.session.state.outcome
    assert outcome is not None
    uuid = outcome.accepted.submission.uuid
    code = outcome.accepted.receipt.qr_payload
    kiosk.window.reset_to_attract()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not kiosk.window.card_present, timeout=10_000)
    # the department asks for more; the engine brings the news back
    kiosk.services.station.engine.run_once()
    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "note": "请补充户口簿本人页", "missing_materials": ["M02"]})
    kiosk.services.station.engine.run_once()
    # a receipt held to the scanner on the attract screen opens progress
    kiosk.window.scanned(code)
    progress = kiosk.window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    assert kiosk.window.current is progress
    qtbot.waitUntil(lambda: bool(progress.cases.cards), timeout=10_000)
    text = progress.cases.cards[0].text()
    assert progress.cases.stage_words(CaseStage.SUPPLEMENT) in text
    assert "请补充户口簿本人页" in text
    item = kiosk.services.catalog.item(ITEM)
    assert item.material("M02").name_zh in text
    check_minimums(kiosk.window, NORMAL, "progress/result")
    # and by card
    progress.again.click()
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: bool(progress.cases.cards), timeout=10_000)
    assert outcome.accepted.submission.receipt_no in progress.cases.cards[0].text()
    # a forged code finds nothing
    progress.again.click()
    progress.on_scan(code[:-1] + ("A" if not code.endswith("A") else "B"))
    qtbot.waitUntil(lambda: progress.result_title.isVisible(), timeout=10_000)
    assert progress.cases.cards == []


def test_reprint_then_printer_out_shows_the_code_and_calls_staff(
    kiosk: Kiosk, qtbot: QtBot, station_dir: Path
) -> None:
    card = kiosk.sims.sample_cards()[0]
    apply = _apply(kiosk, qtbot, card)
    outcome = apply.session.state.outcome
    assert outcome is not None
    receipt_no = outcome.accepted.submission.receipt_no
    kiosk.window.reset_to_attract()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not kiosk.window.card_present, timeout=10_000)
    kiosk.window.attract.buttons["reprint"].click()
    reprint = kiosk.window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: bool(reprint.cases.buttons), timeout=10_000)
    before = _receipts(station_dir)
    reprint.cases.buttons[0].click()
    qtbot.waitUntil(
        lambda: "补打" in _printed(station_dir) and receipt_no in _printed(station_dir),
        timeout=10_000,
    )
    assert _receipts(station_dir) != before  # the file holds the last print
    # 打印 is off while the printer works: tapped again once it is done
    qtbot.waitUntil(lambda: reprint.cases.buttons[0].isEnabled(), timeout=10_000)
    # the printer fails for real: its output path becomes a directory
    printer_file = station_dir / "printer" / "receipts.escpos"
    printer_file.unlink()
    printer_file.mkdir()
    reprint.cases.buttons[0].click()
    qtbot.waitUntil(lambda: reprint.qr.isVisible(), timeout=10_000)
    assert reprint.qr.payload == outcome.accepted.receipt.qr_payload
    # staff called, said once, in the reprint's own message (not again in the status line)
    assert reprint.status.isVisible() and "工作人员" in reprint.status.text()
    assert not kiosk.window.status.isVisible()
    assert kiosk.services.health.state("printer").health is Health.FAULT
    check_minimums(kiosk.window, NORMAL, "reprint/paper out")


def test_evaluate_own_finished_case(kiosk: Kiosk, qtbot: QtBot, admin: Callable[..., Any]) -> None:
    card = kiosk.sims.sample_cards()[0]
    apply = _apply(kiosk, qtbot, card)
    outcome = apply.session.state.outcome
    assert outcome is not None
    uuid = outcome.accepted.submission.uuid
    kiosk.window.reset_to_attract()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not kiosk.window.card_present, timeout=10_000)
    engine = kiosk.services.station.engine
    engine.run_once()
    admin("POST", f"/v1/admin/submissions/{uuid}/status", json={"status": "办结"})
    engine.run_once()
    kiosk.window.attract.buttons["evaluate"].click()
    evaluate = kiosk.window.screens["evaluate"]
    assert isinstance(evaluate, EvaluateScreen)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: bool(evaluate.cases.buttons), timeout=10_000)
    evaluate.cases.buttons[0].click()
    check_minimums(kiosk.window, NORMAL, "evaluate/levels")
    evaluate.rating_buttons[4].click()
    assert not evaluate.reason_box.isVisible()
    evaluate.rating_buttons[1].click()
    assert evaluate.reason_box.isVisible()  # reasons only for the lowest levels
    check_minimums(kiosk.window, NORMAL, "evaluate/reasons")
    evaluate.reason_buttons["efficiency_trips"].click()
    evaluate.submit.click()
    qtbot.waitUntil(lambda: evaluate.finish.isVisible(), timeout=10_000)
    assert not evaluate.rating_box.isVisible()
    assert "谢谢" in evaluate.heading.text() and "满意吗" not in evaluate.heading.text()
    assert kiosk.services.evaluable(kiosk.services.person_from_card(card)) == []


def test_guide_browse_and_print(kiosk: Kiosk, qtbot: QtBot, station_dir: Path) -> None:
    kiosk.window.attract.buttons["guide"].click()
    guide = kiosk.window.screens["guide"]
    assert isinstance(guide, GuideScreen)
    labels = [guide.groups.item(i).text() for i in range(guide.groups.count())]
    assert "退休养老" in labels or "Retirement and old age" in labels
    row = guide.groups.item(labels.index(next(x for x in labels if "退休" in x or "Retire" in x)))
    guide._group_chosen(row)
    names = [guide.items.item(i).text() for i in range(guide.items.count())]
    assert any("养老" in n for n in names)
    guide._item_chosen(guide.items.item(0))
    item = kiosk.services.catalog.item(str(guide.items.item(0).data(256)))
    assert item.legal_basis_zh in guide.detail.text() or item.legal_basis_en in guide.detail.text()
    check_minimums(kiosk.window, NORMAL, "guide/detail")
    guide.by_department.click()
    assert guide.groups.count() == len({it.department_zh for it in kiosk.services.catalog.items})
    guide.show_item(item)
    before = _receipts(station_dir)
    guide.print_button.click()
    qtbot.waitUntil(lambda: "办事指南" in _printed(station_dir), timeout=10_000)
    assert _receipts(station_dir) != before


def test_reprint_a_one_time_notice_from_its_code(
    kiosk: Kiosk, qtbot: QtBot, station_dir: Path
) -> None:
    from intake.submission import Draft

    intake = kiosk.services.station.intake
    item = kiosk.services.catalog.item(ITEM)
    notice = intake.issue_notice(Draft(item=item), clerk_id="clerk")
    kiosk.window.attract.buttons["reprint"].click()
    reprint = kiosk.window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    before = _receipts(station_dir)
    kiosk.window.scanned(notice.qr_payload)
    qtbot.waitUntil(
        lambda: "补打" in _printed(station_dir) and notice.receipt_no in _printed(station_dir),
        timeout=10_000,
    )
    again = _printed(station_dir)
    assert _receipts(station_dir) != before
    assert item.required_materials[0].name_zh in again
    # a code that is not a notice of this hall prints nothing and says so
    printed = _receipts(station_dir)
    reprint.status.setText("")
    kiosk.window.scanned("YWGZ|GZ-NOT-A-NUMBER")
    qtbot.waitUntil(lambda: bool(reprint.status.text()), timeout=10_000)
    assert _receipts(station_dir) == printed
