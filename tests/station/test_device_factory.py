"""The one factory that turns [devices] settings into devices: real simulator pty,
real ESC/POS bytes in a file, real synthetic camera frames."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.camera.errors import CameraError
from devices.idcard.card import IdCardData
from devices.idcard.errors import DeviceError
from station.device_factory import (
    camera_source,
    card_poller_factory,
    open_camera,
    open_printer,
    open_scanner_for,
    reader_port,
)
from station.device_settings import SIMULATED, DeviceSettings
from station.simulators import DemoSimulators


@pytest.fixture
def sims() -> Iterator[DemoSimulators]:
    running = DemoSimulators(camera_size=(640, 480))
    running.start()
    yield running
    running.stop()


def test_reader_port_of_each_setting(sims: DemoSimulators) -> None:
    assert reader_port(SIMULATED, sims) == sims.port
    assert reader_port("/dev/ttyUSB7") == "/dev/ttyUSB7"
    with pytest.raises(DeviceError) as info:
        reader_port(SIMULATED, None)
    assert info.value.code == "no_reader"


def test_poller_reads_the_simulated_card(sims: DemoSimulators) -> None:
    seen: list[IdCardData] = []
    got = threading.Event()

    def on_card(card: IdCardData) -> None:
        seen.append(card)
        got.set()

    poller = card_poller_factory(SIMULATED, sims)(on_card, lambda: None, lambda e: None)
    sims.place_card(sims.sample_cards()[0])
    poller.start()
    try:
        assert got.wait(10)
    finally:
        poller.stop()
    assert seen[0].id_number == sims.sample_cards()[0].id_number


def test_poller_reports_a_missing_simulator() -> None:
    errors: list[BaseException] = []
    failed = threading.Event()

    def on_error(error: BaseException) -> None:
        errors.append(error)
        failed.set()

    poller = card_poller_factory(SIMULATED, None)(lambda c: None, lambda: None, on_error)
    poller.start()
    try:
        assert failed.wait(10)
    finally:
        poller.stop()
    assert isinstance(errors[0], DeviceError) and errors[0].code == "no_reader"


def test_camera_of_each_setting(sims: DemoSimulators, tmp_path: Path) -> None:
    assert camera_source("0") == 0
    assert camera_source("/dev/video2") == "/dev/video2"
    assert open_camera(DeviceSettings(), sims) is sims
    standalone = open_camera(DeviceSettings(camera_width=320, camera_height=240))
    try:
        assert standalone.grab().shape[:2] == (240, 320)
    finally:
        standalone.close()
    with pytest.raises(CameraError):
        open_camera(DeviceSettings(camera=str(tmp_path / "missing.avi")))


def test_printer_writes_escpos_inside_the_data_dir(tmp_path: Path) -> None:
    from devices.printer.diagnostics import sample_receipt

    printer = open_printer(DeviceSettings(printer="file:out/r.escpos", paper_mm=58), tmp_path)
    printer.print_receipt(sample_receipt())
    data = (tmp_path / "out" / "r.escpos").read_bytes()
    assert data.startswith(b"\x1b@")


def test_scanner_setting() -> None:
    scanner, spec = open_scanner_for(DeviceSettings(scanner="wedge"))
    assert scanner is None and spec.kind == "wedge"
    scanner, spec = open_scanner_for(DeviceSettings())
    assert scanner is None and spec.kind == "none"
