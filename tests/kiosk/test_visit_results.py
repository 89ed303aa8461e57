"""A look-up still on the disk lane when its citizen's visit ends (the lane held by a
slow printer, then 回首页 → 放弃 or the idle wipe) must never reach the next citizen:
the result of an ended visit is dropped, not shown and not kept (review wt6 #1)."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from kiosk.screens.evaluate import EvaluateScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.screens.reprint import ReprintScreen
from tests.kiosk.conftest import Kiosk
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
