"""What a citizen asked for belongs to their visit. A look-up still on the disk lane when
the visit ends (the lane held by a slow printer, then 回首页 → 放弃 or the idle wipe) never
reaches the next citizen: dropped, not shown and not kept (review wt6 #1). An application
being filed is never given up unseen: its receipt number is shown first (wt6 #2)."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import DONE, REVIEW
from kiosk.screens.evaluate import EvaluateScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.screens.reprint import ReprintScreen
from station.intake_session import Phase
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import reach_contact
from tests.kiosk.traces import leaks, reachable_strings, widget_texts


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    return shared_kiosk


def _hold_disk_lane(kiosk: Kiosk) -> threading.Event:
    """The disk lane busy (as with a printer that does not answer) until the event."""
    release = threading.Event()
    kiosk.app.tasks.disk(lambda: release.wait(10), lambda _r: None, lambda _e: None)
    return release


def _lane_drained(kiosk: Kiosk, qtbot: QtBot) -> None:
    """Every task queued on the (serial) disk lane before this one has answered."""
    done = threading.Event()
    kiosk.app.tasks.disk(lambda: None, lambda _r: done.set(), lambda _e: done.set())
    qtbot.waitUntil(done.is_set, timeout=10_000)


@pytest.mark.parametrize("service", ["progress", "reprint", "evaluate"])
def test_a_look_up_finishing_after_the_visit_reaches_nobody(
    kiosk: Kiosk, qtbot: QtBot, service: str
) -> None:
    window = kiosk.window
    a = kiosk.sims.sample_cards()[0]
    window.show_screen(service)
    screen = window.screens[service]
    release = _hold_disk_lane(kiosk)
    try:
        kiosk.sims.place_card(a)  # A's look-up waits behind the slow print
        qtbot.waitUntil(lambda: screen.card_holder() == a.id_number, timeout=10_000)
        # A gives up (回首页 → 放弃: the same wipe as the idle reset) and takes the card
        window.reset_to_attract()
        kiosk.sims.remove_card()
        qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
        # B touches the same service and has placed nothing yet
        window.attract.buttons[service].click()
        assert window.current is screen and screen.card_holder() is None
    finally:
        release.set()
    _lane_drained(kiosk, qtbot)  # A's look-up has finished and answered
    # B sees only the card prompt: nothing of A on screen or held by the screen
    assert screen.identify.isVisible()
    assert isinstance(screen, ProgressScreen | ReprintScreen | EvaluateScreen)
    assert screen.cases.cards == [] and screen.cases.buttons == []
    if isinstance(screen, ReprintScreen | EvaluateScreen):
        assert screen._person is None
    secrets = [a.name, a.id_number]
    assert not leaks(widget_texts(window), secrets)
    assert not leaks(reachable_strings([kiosk.app], exclude=[kiosk.sims]), secrets)


def test_an_application_being_filed_is_never_given_up_unseen(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    """提交申请 then 回首页 at once: 回首页 is not offered while the accept runs, the idle
    wipe and the card taken out wait for it, and the receipt number is shown (wt6 #2)."""
    window, idle, clock = kiosk.window, kiosk.app.idle, kiosk.clock
    apply = reach_contact(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    for d in "13905712345":
        apply.contact.keypad.press(d)
    apply.contact.keypad.ok_key.click()
    assert apply.steps.currentIndex() == REVIEW and window.home.isVisible()
    release = _hold_disk_lane(kiosk)  # the accept waits behind a slow print
    try:
        apply.submit.click()
        assert apply.session.state.phase is Phase.ACCEPTING
        assert not window.home.isVisible() and not window.home.isEnabled()
        assert "请稍候" in apply.submit.text()  # told why nothing else is offered
        window.home.click()  # a touch already on its way: nothing to give up
        assert window._leave is None or not window._leave.isVisible()
        # the citizen walks away meanwhile: the idle clock runs out
        clock.advance(idle.idle_seconds + idle.countdown_seconds + 1)
        idle.poll()
        assert window.current is apply and idle.active
        # and takes the card: no card-removed page in front of the filing
        kiosk.sims.remove_card()
        qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
        assert not window.card_away_shown
    finally:
        release.set()
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == DONE, timeout=20_000)
    outcome = apply.session.state.outcome
    assert outcome is not None
    assert outcome.accepted.receipt.receipt_no in apply.done_title.text()
    assert window.home.isVisible() and window.home.isEnabled()
    # now the visit may end: the idle wipe does its work as always
    clock.advance(idle.idle_seconds + idle.countdown_seconds + 1)
    idle.poll()
    assert window.current is window.attract
