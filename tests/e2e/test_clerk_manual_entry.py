"""Reader missing: the clerk types the identity from the original (live GB 11643
check), confirms having sighted it, records the mobile number and an agent, and
accepts; the platform receives the case marked as typed, the receipt names the
agent (masked)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.printer.escpos_decode import decode_escpos
from intake.identity import resident_id_check_digit
from station.context import open_station
from station.device_settings import load_device_settings, save_device_settings
from station.intake_session import Phase
from tests.helpers.clerk import capture_required, wait_for_platform

FIRST17 = "11010519800101003"
NUMBER = FIRST17 + resident_id_check_digit(FIRST17)
AGENT17 = "33018219750506002"
AGENT = AGENT17 + resident_id_check_digit(AGENT17)


def _without_reader(station_dir: Path) -> None:
    settings = load_device_settings(station_dir)
    save_device_settings(
        station_dir, dataclasses.replace(settings, idcard=str(station_dir / "no-such-reader"))
    )


def test_reader_missing_manual_entry_then_accept(
    qtbot: QtBot, station_dir: Path, admin: Callable[..., Any]
) -> None:
    _without_reader(station_dir)
    services = open_station(station_dir)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        hint = window.applicant_panel.hint
        qtbot.waitUntil(lambda: hint.property("state") == "error", timeout=10_000)
        assert "by hand" in hint.text()  # (untranslated in tests: the English source)
        item = window.picker.choose("YB-001")

        window.applicant_panel.manual_button.click()
        dialog = window.manual_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.name.insert("李卫东")  # keyClicks types ASCII only
        qtbot.keyClicks(dialog.number, FIRST17)
        assert dialog.check.property("state") == "error"  # 17 characters: still too short
        wrong = "0" if NUMBER[17] != "0" else "1"
        qtbot.keyClicks(dialog.number, wrong)
        assert "校验位" in dialog.check.text()
        dialog.number.backspace()
        qtbot.keyClicks(dialog.number, NUMBER[17])
        assert dialog.check.property("state") == "ok"
        assert not dialog.ok.isEnabled()  # not before the original is confirmed sighted
        dialog.sighted.setChecked(True)
        assert dialog.ok.isEnabled()
        dialog.ok.click()

        state = window.session.state
        assert state.person is not None and state.person.id_source == "manual"
        assert window.applicant_panel.id_label.text() == "1101**********" + NUMBER[-4:]
        assert "sighted" in window.applicant_panel.source_label.text()

        qtbot.keyClicks(window.applicant_panel.phone, "1380013800")
        assert window.applicant_panel.phone_check.property("state") == "error"
        qtbot.keyClicks(window.applicant_panel.phone, "0")
        assert window.session.state.phone == "13800138000"

        window.open_manual_entry(agent=True)
        agent_dialog = window.manual_dialog
        assert agent_dialog is not None
        agent_dialog.name.insert("张秀英")
        qtbot.keyClicks(agent_dialog.number, AGENT)
        agent_dialog.relation.setCurrentIndex(agent_dialog.relation.findData("子女"))
        agent_dialog.sighted.setChecked(True)
        agent_dialog.ok.click()
        assert "（子女）" in window.applicant_panel.agent_label.text()
        assert "张秀英" not in window.applicant_panel.agent_label.text()

        capture_required(qtbot, window, item)
        assert window.session.state.phase is Phase.REVIEW
        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.accept_button.click()
        assert accepted.args is not None
        submission = accepted.args[0].submission

        held = wait_for_platform(admin, submission.uuid)
        applicant = held["manifest"]["applicant"]
        assert applicant["id_source"] == "manual" and applicant["id_number"] == NUMBER
        assert applicant["phone"] == "13800138000"
        assert applicant["agent"]["relation"] == "子女"
        assert applicant["agent"]["person"]["id_source"] == "manual"

        text = decode_escpos((station_dir / "printer" / "receipts.escpos").read_bytes()).text
        assert "代办人" in text and "子女" in text and "138****8000" in text
        assert NUMBER not in text and AGENT not in text and "张秀英" not in text
    finally:
        window.shutdown()
        services.close()
