"""An application from the card to its receipt in a second or two: the pages are handed
to the intake session as the camera step would hand them (the camera and its automatic
capture are tested on their own in test_kiosk_flows, which takes tens of seconds)."""

from __future__ import annotations

import numpy as np
from pytestqt.qtbot import QtBot

from devices.camera.pipeline import CapturedPage
from kiosk.screens.apply import CONFIRM, CONTACT, DONE, REVIEW, ApplyScreen
from tests.kiosk.conftest import Kiosk


def reach_confirm(kiosk: Kiosk, qtbot: QtBot, card: object) -> ApplyScreen:
    """办事 from the item (SB-001) to "is this you?" with `card` read."""
    window = kiosk.window
    window.show_screen("apply")
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons["SB-001"].click()
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    return apply


def reach_contact(kiosk: Kiosk, qtbot: QtBot, card: object) -> ApplyScreen:
    """An application from the card to the mobile-number step, the pages handed to the
    session as the camera step would (the camera itself is tested in test_kiosk_flows)."""
    apply = reach_confirm(kiosk, qtbot, card)
    apply.yes.click()
    hand_in_pages(apply, qtbot)
    return apply


def hand_in_pages(apply: ApplyScreen, qtbot: QtBot) -> None:
    """On the capture step: each missing material's page handed to the session as the
    camera step would hand it, then on to the mobile-number step."""
    session = apply.session
    for n, material in enumerate(list(session.state.missing)):
        page = CapturedPage(jpeg=b"\xff\xd8 page %d\xff\xd9" % n,
                            corners=np.zeros((4, 2), np.float32), findings=[],
                            width=1654, height=2339)
        session.page_captured(page, material.code)
        qtbot.waitUntil(lambda: session.state.storing == 0, timeout=10_000)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONTACT, timeout=10_000)


def submit_application(kiosk: Kiosk, qtbot: QtBot, card: object) -> ApplyScreen:
    """An application from the card to its receipt (see reach_contact)."""
    apply = reach_contact(kiosk, qtbot, card)
    for d in "13905712345":
        apply.contact.keypad.press(d)
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW
    apply.submit.click()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == DONE, timeout=20_000)
    return apply
