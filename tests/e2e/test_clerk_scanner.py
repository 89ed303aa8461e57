"""A serial code scanner wired into the clerk window: scanning a receipt of this
station shows its progress; a forged or foreign code is only shown as text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.scanner.serial_scanner import SerialScannerSimulator
from station.context import open_station
from station.device_settings import load_device_settings, save_device_settings
from tests.e2e.intakes import accepted_cases


def test_scanning_a_receipt_shows_its_progress(qtbot: QtBot, station_dir: Path) -> None:
    with SerialScannerSimulator() as scanner_sim:
        port = scanner_sim.path
        assert port is not None
        settings = dataclasses.replace(load_device_settings(station_dir), scanner=f"serial:{port}")
        save_device_settings(station_dir, settings)
        services = open_station(station_dir, with_engine=False)
        try:
            assert services.simulators is not None and services.scanner is not None
            [record] = accepted_cases(services, 1)
            payload = record.accepted.receipt.qr_payload
            window = build_window(services)
            qtbot.addWidget(window)
            window.show()
            window.start()
            try:
                scanner_sim.scan(payload)
                qtbot.waitUntil(lambda: window.last_scanned_record is not None, timeout=10_000)
                assert window.last_scanned_record is not None
                receipt_no = record.accepted.submission.receipt_no
                assert window.last_scanned_record.receipt_no == receipt_no
                assert receipt_no in window.scan_result.text()

                window.last_scanned_record = None
                forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
                scanner_sim.scan(forged)
                qtbot.waitUntil(lambda: forged in window.scan_result.text(), timeout=10_000)
                assert window.last_scanned_record is None  # shown as text, not as our receipt
            finally:
                window.shutdown()
        finally:
            services.close()


def test_wedge_scanner_burst_looks_up_the_receipt(qtbot: QtBot, station_dir: Path) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    settings = dataclasses.replace(load_device_settings(station_dir), scanner="wedge")
    save_device_settings(station_dir, settings)
    services = open_station(station_dir, with_engine=False)
    try:
        assert services.simulators is not None and services.wedge_scanner
        [record] = accepted_cases(services, 1)
        window = build_window(services)
        qtbot.addWidget(window)
        window.show()
        window.start()
        try:
            search = window.picker.filter
            search.setFocus()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is search, timeout=2_000)
            for i, ch in enumerate(record.accepted.receipt.qr_payload + "\r"):
                key = Qt.Key.Key_Return if ch == "\r" else Qt.Key.Key_unknown
                ev = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
                ev.setTimestamp(50_000 + 4 * i)
                QApplication.sendEvent(search, ev)
            qtbot.waitUntil(lambda: window.last_scanned_record is not None, timeout=5_000)
            assert window.last_scanned_record is not None
            assert window.last_scanned_record.receipt_no == record.accepted.submission.receipt_no
            assert search.text() == ""  # the burst never landed in the search box
        finally:
            window.shutdown()
    finally:
        services.close()
