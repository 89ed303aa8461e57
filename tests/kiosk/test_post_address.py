"""s12 #7: 邮寄送达 asked for no address. Without any Chinese text input, the review page
offers the address read from the ID card (masked, as on paper) or a phone call from staff
to confirm one; the choice is in the case's audit trail (which reaches the platform) and
on the receipt, masked; the manifest's "collection" stays as docs/protocol.md defines it."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot

from intake.identity import mask_address
from kiosk.screens.apply import DONE, REVIEW, ApplyScreen
from tests.kiosk.conftest import Kiosk
from tests.kiosk.fit import check_fit
from tests.kiosk.quick_apply import reach_contact


def _to_review_by_post(kiosk: Kiosk, qtbot: QtBot, card: object) -> ApplyScreen:
    apply = reach_contact(kiosk, qtbot, card)
    for d in "13905712345":
        apply.contact.keypad.press(d)
    apply.contact.methods["post"].click()
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW
    return apply


@pytest.mark.parametrize("choice", ["card", "phone"])
def test_by_post_asks_where_and_the_receipt_says_it(
    shared_kiosk: Kiosk, qtbot: QtBot, choice: str
) -> None:
    kiosk, window = shared_kiosk, shared_kiosk.window
    card = kiosk.sims.sample_cards()[0]
    apply = _to_review_by_post(kiosk, qtbot, card)
    masked = mask_address(card.address)
    offer = apply.post_address
    assert offer.isVisible()
    card_button, phone_button = offer.buttons["card"], offer.buttons["phone"]
    assert masked in card_button.text().replace("\n", "")
    assert card.address not in card_button.text().replace("\n", "")  # never whole
    assert card_button.isChecked() and not phone_button.isChecked()  # the card's, first
    assert masked in apply.summary.text()
    if choice == "phone":
        phone_button.click()
        assert phone_button.isChecked() and not card_button.isChecked()
        assert "来电" in apply.summary.text() and masked not in apply.summary.text()
    pages = [*window._pages.values(), window._away.page]
    check_fit(window, pages, f"apply/review by post ({choice})", window.set_elderly)
    store = kiosk.services.station.intake.store
    apply.submit.click()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == DONE, timeout=20_000)
    outcome = apply.session.state.outcome
    assert outcome is not None
    # the last page says where the result goes (it said only "the department handles it")
    said = apply.done.text.text()
    assert ("寄到您身份证上的住址" if choice == "card" else "来电") in said, said
    rows = dict(outcome.accepted.receipt.rows or [])
    assert rows["领取方式"] == "邮寄送达"
    if choice == "card":
        assert rows["邮寄地址"] == f"身份证住址 {masked}"
    else:
        assert rows["邮寄地址"] == "工作人员将来电确认邮寄地址"
    assert card.address not in repr(outcome.accepted.receipt)
    uuid = outcome.accepted.submission.uuid
    audited = [r for r in store.audit_rows()
               if r["action"] == "intake.collection" and r["subject"] == uuid]
    assert [json.loads(str(r["detail"])) for r in audited] == [
        {"method": "post", "address": choice}]
    assert outcome.accepted.submission.manifest()["collection"] == "post"
    # the next citizen sees nothing of the address
    window.reset_to_attract()
    assert all(masked not in b.text() for b in offer.buttons.values())


def test_window_collection_offers_no_address(shared_kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk = shared_kiosk
    apply = reach_contact(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    for d in "13905712345":
        apply.contact.keypad.press(d)
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW and not apply.post_address.isVisible()
