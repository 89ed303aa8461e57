"""上一步 in the 办事 flow: a large back button on every step after the first, to the
previous step, keeping what was captured (pages, the mobile number); none on the
"done" page, so never back past the submission."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import (
    CAPTURE,
    CHOOSE,
    CONFIRM,
    CONTACT,
    DONE,
    IDENTIFY,
    REVIEW,
    ApplyScreen,
)
from kiosk.theme import MIN_ACTION_PX, NORMAL
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import hand_in_pages

ITEM = "SB-004"  # one page to capture besides the card's own
PHONE = "13905712345"


def _back(apply: ApplyScreen) -> None:
    """Touch the 上一步 on screen, checking it is there and large."""
    button = apply.back_button()
    assert button is not None and button.height() >= NORMAL.target_px - 1
    assert button.font().pixelSize() >= MIN_ACTION_PX
    button.click()


def test_back_on_every_step_keeps_what_was_captured(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    assert apply.back_button() is None  # the first step: Home is the way out
    apply.item_buttons[ITEM].click()
    assert apply.steps.currentIndex() == IDENTIFY
    _back(apply)
    assert apply.steps.currentIndex() == CHOOSE and apply.session.state.item is None
    apply.item_buttons[ITEM].click()
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    apply.yes.click()
    assert apply.steps.currentIndex() == CAPTURE
    # the page as the camera step hands it (its automatic capture: test_kiosk_flows)
    hand_in_pages(apply, qtbot)
    pages = dict(apply.session.state.pages)
    assert pages["M02"]
    for d in PHONE:
        apply.contact.keypad.press(d)
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW

    # review -> contact: the number is still there
    _back(apply)
    assert apply.steps.currentIndex() == CONTACT
    assert apply.contact.number.text() == "139 0571 2345"
    # contact -> capture: the pages are kept; 下一步 leads on again
    _back(apply)
    assert apply.steps.currentIndex() == CAPTURE and apply.next_step.isVisible()
    assert apply.session.state.pages["M02"][: len(pages["M02"])] == pages["M02"]
    # capture -> "is this you?" -> the item list (the card lies on the reader: "place
    # your card" would read it at once and bounce back), all kept
    _back(apply)
    assert apply.steps.currentIndex() == CONFIRM
    reread, asked = window.ctx.reread_card, []
    window.ctx.reread_card = lambda: asked.append(True)
    _back(apply)
    QApplication.processEvents()  # the turn a re-read of the lying card is asked on
    assert apply.steps.currentIndex() == CHOOSE and not asked
    window.ctx.reread_card = reread
    assert apply.session.state.pages["M02"][: len(pages["M02"])] == pages["M02"]
    # and forward again: the same service, the same card still on the reader
    apply.item_buttons[ITEM].click()
    assert apply.steps.currentIndex() == CONFIRM
    # the card taken out and put back at "is this you?": the same step again
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: window.card_away_shown, timeout=10_000)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: not window.card_away_shown, timeout=10_000)
    assert apply.steps.currentIndex() == CONFIRM
    apply.yes.click()
    assert apply.steps.currentIndex() == CONTACT  # every page is in: on to the number
    _back(apply)
    assert apply.steps.currentIndex() == CAPTURE
    apply.next_step.click()
    assert apply.steps.currentIndex() == CONTACT
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW
    assert apply.session.state.phone == PHONE
    apply.submit.click()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == DONE, timeout=20_000)
    assert apply.back_button() is None  # never back past the submission
    apply.go_back()
    assert apply.steps.currentIndex() == DONE
