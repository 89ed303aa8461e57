"""The hidden maintenance entry: five taps in the corner within three seconds, then the
PIN on the keypad with a growing lockout; every maintenance action in the audit log."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.screens.maintenance import MaintenanceScreen, PinScreen
from station.kiosk_pin import FIRST_LOCKOUT_S
from tests.kiosk.conftest import PIN, Kiosk


def _tap_corner(kiosk: Kiosk, times: int, gap: float) -> None:
    for _ in range(times):
        QTest.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        kiosk.clock.advance(gap)


def _enter(pin_screen: PinScreen, digits: str) -> None:
    for d in digits:
        pin_screen.keypad.keys[d].click()
    pin_screen.keypad.ok_key.click()


def test_five_quick_taps_open_the_pin_screen_slow_ones_do_not(kiosk: Kiosk) -> None:
    _tap_corner(kiosk, 5, 0.9)  # 3.6 s for five taps: too slow
    assert kiosk.window.current is kiosk.window.attract
    _tap_corner(kiosk, 5, 0.5)
    assert isinstance(kiosk.window.current, PinScreen)


def test_pin_lockout_then_maintenance_actions_are_audited(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.services.pin.set_pin(PIN)
    _tap_corner(kiosk, 5, 0.1)
    pin_screen = kiosk.window.current
    assert isinstance(pin_screen, PinScreen)
    for attempt in range(1, 4):
        _enter(pin_screen, "000000")
        qtbot.waitUntil(lambda n=attempt: pin_screen.answers == n, timeout=10_000)
    # locked: the keypad is off, the screen says for how long
    assert not pin_screen.keypad.isEnabled()
    assert str(int(FIRST_LOCKOUT_S)) in pin_screen.message.text()
    # leaving and coming back does not reset the lockout
    kiosk.window.reset_to_attract()
    _tap_corner(kiosk, 5, 0.1)
    assert not pin_screen.keypad.isEnabled()
    kiosk.clock.advance(FIRST_LOCKOUT_S + 1)
    pin_screen.enter()
    assert pin_screen.keypad.isEnabled()
    _enter(pin_screen, PIN)
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current, MaintenanceScreen), timeout=10_000)
    maintenance = kiosk.window.current
    assert isinstance(maintenance, MaintenanceScreen)
    maintenance.buttons["diagnostics"].click()  # the devices are checked off the GUI thread
    qtbot.waitUntil(lambda: maintenance.diagnoses == 1, timeout=10_000)
    assert "打印机" in maintenance.output.text()
    assert "printer" in maintenance.output.text()  # the English second
    maintenance.buttons["queue"].click()
    qtbot.waitUntil(lambda: "待发送" in maintenance.output.text(), timeout=10_000)
    assert "queued" in maintenance.output.text().lower()
    maintenance.buttons["test_page"].click()
    maintenance.buttons["sync_now"].click()
    with qtbot.waitSignal(kiosk.window.exit_requested, timeout=10_000):
        maintenance.buttons["exit"].click()
    assert kiosk.window.lockdown.allow_close
    store = kiosk.services.station.intake.store
    qtbot.waitUntil(lambda: "test_page" in str(store.audit_rows()), timeout=10_000)
    actions = [r["action"] for r in store.audit_rows() if r["actor"] == "kiosk-maintenance"]
    assert actions[:3] == ["pin_wrong"] * 3
    for action in ("pin_ok", "diagnostics", "queue_state", "test_page", "sync_now",
                   "exit_to_desktop"):
        assert action in actions
    assert store.verify_audit_chain()
    assert PIN not in str(store.audit_rows())


def test_without_a_pin_maintenance_says_how_to_set_one(kiosk: Kiosk) -> None:
    _tap_corner(kiosk, 5, 0.1)
    pin_screen = kiosk.window.current
    assert isinstance(pin_screen, PinScreen)
    assert not pin_screen.keypad.isEnabled()
    assert "set-pin" in pin_screen.message.text()


def test_pin_lockout_counts_down_and_clears_itself_on_screen(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    """Review6 #12: the keypad came back only by leaving the screen. The lockout's timer
    (triggered here, the fake clock moved) counts the seconds down and, when the
    lockout ends, turns the keypad on and says so."""
    kiosk.services.pin.set_pin(PIN)
    _tap_corner(kiosk, 5, 0.1)
    pin_screen = kiosk.window.current
    assert isinstance(pin_screen, PinScreen)
    for attempt in range(1, 4):
        _enter(pin_screen, "000000")
        qtbot.waitUntil(lambda n=attempt: pin_screen.answers == n, timeout=10_000)
    assert not pin_screen.keypad.isEnabled() and pin_screen.lock_timer.isActive()
    locked_text = pin_screen.message.text()
    assert str(int(FIRST_LOCKOUT_S)) in locked_text
    kiosk.clock.advance(FIRST_LOCKOUT_S - 10)
    pin_screen.lock_timer.timeout.emit()
    qtbot.waitUntil(lambda: pin_screen.message.text() != locked_text, timeout=10_000)
    assert "10" in pin_screen.message.text() and not pin_screen.keypad.isEnabled()
    kiosk.clock.advance(11)
    pin_screen.lock_timer.timeout.emit()
    qtbot.waitUntil(lambda: pin_screen.keypad.isEnabled(), timeout=10_000)
    assert not pin_screen.lock_timer.isActive()
    assert "秒" not in pin_screen.message.text() and pin_screen.message.text()
    _enter(pin_screen, PIN)  # and the PIN works from there
    qtbot.waitUntil(lambda: isinstance(kiosk.window.current, MaintenanceScreen), timeout=10_000)
