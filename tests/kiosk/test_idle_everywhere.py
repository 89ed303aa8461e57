"""Nothing stays open for the next passer-by: the PIN and maintenance screens, the guide's
detail page and 关怀模式 switched on at the attract screen all return to the kiosk's own
attract screen when the idle time runs out; the maintenance corner counts each physical
press once (review wt6 #3, #4, #13)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.screens.guide import GuideScreen
from kiosk.screens.maintenance import MaintenanceScreen, PinScreen
from kiosk.theme import ELDERLY, NORMAL
from tests.kiosk.conftest import PIN, Kiosk
from tests.kiosk.quick_apply import reach_confirm, submit_application


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    return shared_kiosk


def _run_out_idle(kiosk: Kiosk) -> None:
    """The idle time and its countdown pass without a touch (the fake clock)."""
    idle = kiosk.app.idle
    kiosk.clock.advance(idle.idle_seconds + 1)
    idle.poll()
    kiosk.clock.advance(idle.countdown_seconds + 1)
    idle.poll()


def _tap_corner(kiosk: Kiosk, times: int) -> None:
    for _ in range(times):
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        kiosk.clock.advance(0.1)


def test_a_press_passed_on_to_parent_widgets_is_one_tap(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.show_screen("guide")
    corner = QPoint(60, 40)
    target = window.childAt(corner)
    assert target is not None and target is not window  # the press propagates upward
    for _ in range(4):
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
        kiosk.clock.advance(0.3)
    assert isinstance(window.current, GuideScreen), "four taps must not open the PIN screen"
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
    assert isinstance(window.current, PinScreen)


def test_a_visit_interrupted_by_the_pin_screen_is_still_wiped(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    apply = reach_confirm(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    _tap_corner(kiosk, 5)
    assert isinstance(window.current, PinScreen)
    assert kiosk.app.idle.active
    _run_out_idle(kiosk)
    assert window.current is window.attract
    assert apply.session.state.person is None and apply.who.text() == ""


def test_maintenance_left_open_returns_to_the_attract_screen_audited(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    kiosk.services.pin.set_pin(PIN)
    _tap_corner(kiosk, 5)
    pin_screen = window.current
    assert isinstance(pin_screen, PinScreen)
    for d in PIN:
        pin_screen.keypad.keys[d].click()
    pin_screen.keypad.ok_key.click()
    qtbot.waitUntil(lambda: isinstance(window.current, MaintenanceScreen), timeout=10_000)
    _run_out_idle(kiosk)
    assert window.current is window.attract
    store = kiosk.services.station.intake.store

    def timeout_audited() -> bool:
        return any(r["action"] == "timeout" and r["actor"] == "kiosk-maintenance"
                   for r in store.audit_rows())

    qtbot.waitUntil(timeout_audited, timeout=10_000)


def test_care_mode_switched_on_at_the_attract_screen_resets(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.current is window.attract and not kiosk.app.idle.active
    window.care.click()
    assert kiosk.app.ctx.theme is ELDERLY and kiosk.app.voice.enabled
    _run_out_idle(kiosk)
    assert window.current is window.attract
    assert kiosk.app.ctx.theme is NORMAL and not kiosk.app.voice.enabled
    assert not window.care.isChecked()
    assert not kiosk.app.idle.active  # back to the kiosk's own mode: nothing to time


def test_the_guide_detail_page_returns_to_the_attract_screen(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.show_screen("guide")
    guide = window.screens["guide"]
    assert isinstance(guide, GuideScreen)
    guide.show_item(kiosk.services.catalog.items[0])
    assert guide.pages.currentIndex() == 2
    _run_out_idle(kiosk)
    assert window.current is window.attract
    assert guide.pages.currentIndex() == 0


def test_a_right_pin_checked_after_the_wipe_opens_nothing(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    kiosk.services.pin.set_pin(PIN)
    _tap_corner(kiosk, 5)
    pin_screen = window.current
    assert isinstance(pin_screen, PinScreen)
    # the PIN check's lane busy until the idle wipe has come and gone
    release = threading.Event()
    kiosk.app.tasks.image(lambda: release.wait(10), lambda _r: None, lambda _e: None)
    for d in PIN:
        pin_screen.keypad.keys[d].click()
    pin_screen.keypad.ok_key.click()
    _run_out_idle(kiosk)
    assert window.current is window.attract
    release.set()
    drained = threading.Event()
    kiosk.app.tasks.image(lambda: None, lambda _r: drained.set(), lambda _e: drained.set())
    qtbot.waitUntil(drained.is_set, timeout=10_000)
    store = kiosk.services.station.intake.store
    # the attempt is still audited; only the door stays shut
    qtbot.waitUntil(lambda: any(r["action"] == "pin_ok" for r in store.audit_rows()),
                    timeout=10_000)
    assert window.current is window.attract


def test_a_visit_ending_on_its_own_on_the_done_page_names_the_receipt(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    # review7: the idle wipe on the done page said nothing of the receipt in the printer
    window = kiosk.window
    submit_application(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    _run_out_idle(kiosk)
    assert window.current is window.attract
    assert window.status.text() == "请带走出纸口的回执。"
