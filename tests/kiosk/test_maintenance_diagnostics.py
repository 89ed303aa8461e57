"""Maintenance diagnostics check the devices for real (as `yiwang devices diagnose`
does), off the GUI thread, and word each verdict in Chinese first with the English
second; nothing raw ("unknown", "printer: ok") is left (review)."""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot

from kiosk.screens.maintenance import MaintenanceScreen
from tests.kiosk.conftest import Kiosk

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _diagnose(screen: MaintenanceScreen, qtbot: QtBot) -> str:
    before = screen.diagnoses
    screen.buttons["diagnostics"].click()
    assert screen.output.text() == "正在检测设备…"  # answered later, from a worker
    qtbot.waitUntil(lambda: screen.diagnoses == before + 1, timeout=10_000)
    return str(screen.output.text())


def test_each_device_is_checked_and_worded_chinese_first(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    window.show_screen("maintenance")  # the PIN before it: test_maintenance.py
    screen = window.current
    assert isinstance(screen, MaintenanceScreen)
    text = _diagnose(screen, qtbot)
    assert "unknown" not in text.lower()
    firsts = [line for line in text.split("\n") if not line.startswith("    ")]
    seconds = [line.strip() for line in text.split("\n") if line.startswith("    ")]
    assert len(firsts) == 6 == len(seconds)  # four devices, the platform, the voice
    for line in firsts:
        assert _CHINESE.search(line), line
    assert "【正常】身份证阅读器：应答正常" in text  # the simulated reader's poller
    assert re.search(r"【正常】高拍仪：画面正常（\d+ x \d+）", text)  # a frame grabbed
    assert "回执打印机" in text and "扫码枪" in text
    assert "[OK] ID card reader: answers" in seconds[0]
    assert kiosk.services.health.state("camera").health.value == "ok"  # and the heartbeat

    # the reader is gone for real (its simulator stops): the next check says so
    kiosk.sims.idcard.stop()
    qtbot.waitUntil(lambda: not kiosk.app.poller.device_available, timeout=10_000)
    text = _diagnose(screen, qtbot)
    assert "【故障】身份证阅读器：无应答：请检查连接线和电源" in text
    assert "[FAULT] ID card reader: does not answer" in text
    assert not kiosk.services.health.usable("reader")
