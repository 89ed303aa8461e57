"""打印 after the ID card lists the citizen's own 一次性告知书 beside the receipts and prints
one without its code (issue #12 s12 #3): the notice is linked to its holder by the
station's keyed hash of the ID number only; another card's holder never sees it."""

from __future__ import annotations

import json
import sqlite3

from pytestqt.qtbot import QtBot

from devices.printer.receipt import Receipt
from intake.submission import Draft
from kiosk.screens.cases import NOTICE_CARD_MATERIALS
from kiosk.screens.reprint import ReprintScreen
from station.card_mapping import person_from_card
from tests.kiosk.conftest import Kiosk


def notice_materials(kiosk: Kiosk, notice: Receipt) -> set[str]:
    ref = kiosk.services.station.cases.find_notice(notice.receipt_no)
    assert ref is not None
    return set(ref.materials)


def test_a_citizens_own_notice_is_listed_and_printed_after_the_card(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    kiosk, window = shared_kiosk, shared_kiosk.window
    holder, other = kiosk.sims.sample_cards()[:2]
    intake = kiosk.services.station.intake
    item = kiosk.services.catalog.item("SB-001")
    # issued at the window to the card's holder (as the clerk station does)
    notice = intake.issue_notice(Draft(item=item, applicant=person_from_card(holder)),
                                 clerk_id="clerk")
    store = intake.store
    # the link names nobody: neither the ID number nor the name in the database
    with sqlite3.connect(store.db_path) as con:
        rows = con.execute("SELECT * FROM notice_holders").fetchall()
        kv = con.execute("SELECT value FROM kv WHERE key = ?",
                         [f"notice:{notice.receipt_no}"]).fetchone()
    assert any(notice.receipt_no in r for r in rows)
    assert holder.id_number not in repr(rows) and holder.name not in repr(rows)
    assert "materials" in json.loads(kv[0]) and holder.id_number not in kv[0]

    def printed() -> list[dict[str, object]]:
        return [r for r in store.audit_rows()
                if r["action"] == "reprint" and r["subject"] == notice.receipt_no]

    # another citizen's card: their notices only (none)
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    kiosk.sims.place_card(other)
    qtbot.waitUntil(lambda: reprint.heading.isVisible() and bool(reprint.heading.text()),
                    timeout=10_000)
    assert not any(notice.receipt_no in c.text() for c in reprint.cases.cards)
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    window.reset_to_attract()
    # the holder's card: the notice is listed, with what to bring, and prints
    window.attract.buttons["reprint"].click()
    kiosk.sims.place_card(holder)
    qtbot.waitUntil(lambda: any(notice.receipt_no in c.text() for c in reprint.cases.cards),
                    timeout=10_000)
    card = next(c for c in reprint.cases.cards if notice.receipt_no in c.text())
    assert "一次性告知书" in card.text() and item.name_zh in card.text()
    assert item.materials[0].name_zh in card.text()
    # the first two only, and how many more: the paper names them all (a long list
    # pushed the card's 打印 off a 1024x768 screen)
    asked = [m for m in item.materials if m.code in notice_materials(kiosk, notice)]
    assert len(asked) > NOTICE_CARD_MATERIALS
    assert f"另有 {len(asked) - NOTICE_CARD_MATERIALS} 项" in card.text()
    assert asked[NOTICE_CARD_MATERIALS].name_zh not in card.text()
    assert reprint.heading.text() == "请选择要补打的回执或告知书"
    button = reprint.cases.buttons[reprint.cases.cards.index(card)]
    button.click()
    qtbot.waitUntil(lambda: reprint.status.text().startswith("已打印"), timeout=10_000)
    assert len(printed()) == 1
    assert json.loads(str(printed()[0]["detail"])) == {"document": "notice",
                                                        "outcome": "printed"}
    # it counts against the holder's allowance, as receipts do
    assert kiosk.services.prints_left(kiosk.services.holder_key(
        person_from_card(holder))) == 2
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)


def test_a_notice_of_someone_else_is_refused_by_the_station(shared_kiosk: Kiosk) -> None:
    import pytest

    from station.kiosk_services import KioskError

    kiosk = shared_kiosk
    holder, other = kiosk.sims.sample_cards()[:2]
    notice = kiosk.services.station.intake.issue_notice(
        Draft(item=kiosk.services.catalog.item("SB-001"),
              applicant=person_from_card(holder)), clerk_id="clerk")
    with pytest.raises(KioskError):
        kiosk.services.reprint_own_notice(person_from_card(other), notice.receipt_no)
    newest = kiosk.services.notices_of(person_from_card(holder))[0]
    assert newest.notice_no == notice.receipt_no


def test_a_holder_with_only_notices_is_told_the_allowance_is_spent(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    """A card holder with notices and no receipts who printed their allowance at an
    earlier visit: the Print buttons are off, and the words say why before any tap (they
    were said only when the holder had receipts: the buttons were grey without a word)."""
    kiosk, window = shared_kiosk, shared_kiosk.window
    holder = kiosk.sims.sample_cards()[3]
    person = person_from_card(holder)
    assert not kiosk.services.cases_of(person)
    kiosk.services.station.intake.issue_notice(
        Draft(item=kiosk.services.catalog.item("SB-001"), applicant=person),
        clerk_id="clerk")
    key = kiosk.services.holder_key(person)
    while kiosk.services.allowance.take(key):
        pass  # spent at an earlier visit
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    kiosk.sims.place_card(holder)
    qtbot.waitUntil(lambda: bool(reprint.cases.cards) and reprint.cases.isVisible(),
                    timeout=10_000)
    assert not any(b.isEnabled() for b in reprint.cases.buttons)
    assert reprint.status.isVisible() and "窗口" in reprint.status.text()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
