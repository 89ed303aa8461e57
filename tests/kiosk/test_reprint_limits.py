"""补打 (review6 #11): ten taps on 打印 while it prints are ONE print (the button is off
until the printer is done), a card holder (or the kiosk, for notices by code) prints at
most REPRINTS_PER_VISIT within the allowance's window, whatever visits they make of it
(s12 #2: 回首页 and back gave three more), and each reprint is in the audit log like
the window's (the case's id and how it went: nothing personal)."""

from __future__ import annotations

import json
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.screens.reprint import REPRINTS_PER_VISIT, ReprintScreen
from station.print_allowance import HOLDER_WINDOW_S, KIOSK_WINDOW_S
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import submit_application


def _reprints(kiosk: Kiosk) -> list[dict[str, Any]]:
    rows = kiosk.services.station.intake.store.audit_rows()
    return [r for r in rows if r["action"] == "reprint"]


def _home(window: Any) -> None:
    """回首页, and "yes, back to the start" when it asks."""
    window.home.click()
    if window.current is not window.attract:
        window._leave.give_up.click()
    assert window.current is window.attract


def test_reprint_is_one_print_per_tap_capped_per_visit_and_audited(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    kiosk, window = shared_kiosk, shared_kiosk.window
    card = kiosk.sims.sample_cards()[0]
    apply = submit_application(kiosk, qtbot, card)
    outcome = apply.session.state.outcome
    assert outcome is not None
    uuid = outcome.accepted.submission.uuid
    apply.finish.click()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    before = len(_reprints(kiosk))
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: bool(reprint.cases.buttons), timeout=10_000)
    button = reprint.cases.buttons[0]

    def printed() -> int:
        return len(_reprints(kiosk)) - before

    for _ in range(10):  # an impatient citizen while the printer works
        button.click()
    assert not button.isEnabled()  # off until the printer is done
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=10_000)
    assert printed() == 1 and reprint.status.text() == "已打印，请取走回执。"
    for n in range(2, REPRINTS_PER_VISIT + 1):
        button.click()
        button.click()
        qtbot.waitUntil(lambda: reprint.status.text().startswith("已打印"), timeout=10_000)
        assert printed() == n
    assert not button.isEnabled()  # the visit's receipts are printed: no more
    assert "窗口" in reprint.status.text()  # and the citizen is told where to go for more
    button.click()
    assert printed() == REPRINTS_PER_VISIT
    rows = _reprints(kiosk)[before:]
    for row in rows:
        assert row["actor"] == "kiosk" and row["subject"] == uuid
        assert json.loads(row["detail"]) == {"document": "receipt", "outcome": "printed"}
        text = json.dumps(row, ensure_ascii=False, default=str)
        assert card.name not in text and card.id_number not in text
    # 回首页 and back, the card lifted and placed again: a new visit, no more paper
    for _ in range(2):
        _home(window)
        kiosk.sims.remove_card()
        qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
        window.attract.buttons["reprint"].click()
        kiosk.sims.place_card(card)
        qtbot.waitUntil(lambda: bool(reprint.cases.buttons), timeout=10_000)
        assert not reprint.cases.buttons[0].isEnabled()
        assert "窗口" in reprint.status.text()  # said before anyone taps
        reprint.cases.buttons[0].click()
        assert printed() == REPRINTS_PER_VISIT
    # ... until the holder's window has passed
    allowance = kiosk.services.allowance
    now = allowance.clock  # the allowance's own clock, moved on past the window
    allowance.clock = lambda: now() + HOLDER_WINDOW_S + 1
    _home(window)
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    window.attract.buttons["reprint"].click()
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: bool(reprint.cases.buttons), timeout=10_000)
    assert reprint.cases.buttons[0].isEnabled()
    # the allowance holds no ID number, only the station's keyed hash
    assert card.id_number not in repr(kiosk.services.allowance.__dict__)


def test_notice_reprints_by_code_are_capped_per_visit_and_audited(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    # a notice's number is printed on it and follows a pattern: scanned (or typed on a
    # wedge keyboard) again and again it emptied the paper roll (review7)
    from intake.submission import Draft

    intake = kiosk.services.station.intake
    notice = intake.issue_notice(Draft(item=kiosk.services.catalog.item("SB-001")),
                                 clerk_id="clerk")
    window = kiosk.window
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    before = len(_reprints(kiosk))
    for n in range(1, REPRINTS_PER_VISIT + 1):
        reprint.status.setText("")
        window.scanned(notice.qr_payload)
        window.scanned(notice.qr_payload)  # while it prints: the same hand again
        qtbot.waitUntil(lambda: reprint.status.text().startswith("已打印"), timeout=10_000)
        assert len(_reprints(kiosk)) - before == n
    assert "窗口" in reprint.status.text()
    window.scanned(notice.qr_payload)  # one more: refused, said, nothing printed
    assert len(_reprints(kiosk)) - before == REPRINTS_PER_VISIT
    # 回首页 and back is a new visit's three, under the kiosk's own ceiling: going home
    # and back again and again ends there (a busy hall shares it) ...
    ceiling = kiosk.services.allowance.kiosk_limit
    while len(_reprints(kiosk)) - before < ceiling:
        window.home.click()
        window.attract.buttons["reprint"].click()
        done = len(_reprints(kiosk))
        reprint.status.setText("")
        window.scanned(notice.qr_payload)
        qtbot.waitUntil(lambda: reprint.status.text().startswith("已打印"), timeout=10_000)
        assert len(_reprints(kiosk)) == done + 1
    window.home.click()
    window.attract.buttons["reprint"].click()
    window.scanned(notice.qr_payload)
    assert "窗口" in reprint.status.text()
    assert len(_reprints(kiosk)) - before == ceiling
    # ... the kiosk's window passing does
    allowance = kiosk.services.allowance
    now = allowance.clock  # the allowance's own clock, moved on past the window
    allowance.clock = lambda: now() + KIOSK_WINDOW_S + 1
    window.scanned(notice.qr_payload)
    qtbot.waitUntil(lambda: reprint.status.text().startswith("已打印"), timeout=10_000)
    assert len(_reprints(kiosk)) - before == ceiling + 1
    rows = _reprints(kiosk)[before:]
    assert {r["subject"] for r in rows} == {notice.receipt_no}
    assert all(json.loads(r["detail"]) == {"document": "notice", "outcome": "printed"}
               for r in rows)
