"""A failed camera is known before a citizen meets it: the kiosk checks its devices on
its own while nobody is at it, and 办事 says so on entry (review wt6 #8)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.screens.apply import ApplyScreen
from station.device_health import Health
from tests.kiosk.conftest import Kiosk


def test_a_dead_camera_is_found_while_nobody_is_there(kiosk: Kiosk, qtbot: QtBot) -> None:
    window, health = kiosk.window, kiosk.services.health
    kiosk.sims.camera.close()  # the camera is gone: its grab fails from now on
    assert window.current is window.attract
    with qtbot.waitSignal(kiosk.app.devices.checked, timeout=10_000):
        assert kiosk.app.devices.check_now()
    assert health.state("camera").health is Health.FAULT  # the heartbeat reads this
    assert health.state("reader").health is Health.OK  # the others checked too
    window.show_screen("apply")
    apply = window.current
    assert isinstance(apply, ApplyScreen)
    assert apply.note.isVisible() and "高拍仪" in apply.note.text()


def test_no_check_beside_a_citizen(kiosk: Kiosk) -> None:
    kiosk.window.show_screen("guide")  # someone is reading the guide
    assert not kiosk.app.devices.check_now()
