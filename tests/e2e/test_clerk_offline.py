"""With the platform unreachable the window still accepts: the submission is
queued durably, the badge says offline, and a one-time notice of missing
materials prints before anything is complete."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.printer.escpos_decode import decode_escpos
from station.context import open_station
from sync.config import load_config, save_config
from sync.store import Store
from tests.helpers.printed import printed


def _dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_offline_accept_queues_and_notice_prints(qtbot: QtBot, station_dir: Path) -> None:
    save_config(
        station_dir, dataclasses.replace(load_config(station_dir), platform_url=_dead_url())
    )
    services = open_station(station_dir)
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[2])
        qtbot.waitUntil(lambda: window.applicant_panel.applicant is not None, timeout=10_000)
        item = window.picker.choose("YB-001")
        assert window.notice_button.isEnabled() and not window.accept_button.isEnabled()
        receipts = station_dir / "printer" / "receipts.escpos"
        window.notice_button.click()
        qtbot.waitUntil(lambda: printed(receipts, "一次性告知书") is not None, timeout=10_000)
        notice = decode_escpos(receipts.read_bytes())
        assert "一次性告知书" in notice.chinese_text
        for m in item.required_materials:
            assert m.name_zh[:8] in notice.text.replace("\n", "")

        for row, material in enumerate(item.materials):
            if material.required:
                window.materials_panel.select_row(row)
                with qtbot.waitSignal(window.preview.frame_shown, timeout=10_000):
                    pass
                qtbot.waitUntil(lambda: window.preview.page_detected, timeout=10_000)
                with qtbot.waitSignal(window.page_stored, timeout=20_000):
                    window.capture_button.click()
        with qtbot.waitSignal(window.accepted, timeout=20_000) as accepted:
            window.accept_button.click()
        assert accepted.args is not None
        uuid = accepted.args[0].submission.uuid
        qtbot.waitUntil(lambda: window.sync_badge.online is False, timeout=15_000)
        qtbot.waitUntil(lambda: "1" in window.sync_badge.queue_label.text(), timeout=10_000)
    finally:
        window.shutdown()
        services.close()
    with Store(station_dir) as store:  # durable: a fresh process would find it queued
        assert store.queue_depth() == 1
        assert store.get(uuid).receipt_no.startswith(load_config(station_dir).station_code)
        assert store.integrity_check() == "ok"
