"""Review #15 (attacker): `yiwang doctor` passed a printer configured as /dev/null (a
character device that swallows every receipt). A character device must be a printer
node (USB/parallel printer, serial line) to pass; the simulator's file target and a
FIFO with its reader still pass; a pty (a serial printer's stand-in) passes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from devices.printer.device_node import classify_char_device
from station.device_settings import DeviceSettings, load_device_settings, save_device_settings
from station.printer_target_check import check_printer_target
from tests.yiwang.test_devices_cli import make_station
from yiwang.doctor.local_checks import device_checks
from yiwang.error_words import verdict_text


@pytest.fixture
def pty_path() -> Iterator[str]:
    master, slave = os.openpty()
    try:
        yield os.ttyname(slave)
    finally:
        os.close(slave)
        os.close(master)


@pytest.mark.parametrize("node", ["/dev/null", "/dev/zero", "/dev/full", "/dev/urandom",
                                  "/dev/tty", "/dev/ptmx"])
@pytest.mark.parametrize("scheme", ["file", "serial"])
def test_a_device_that_is_no_printer_is_named_so(tmp_path: Path, node: str, scheme: str) -> None:
    if not os.path.exists(node):
        pytest.skip(f"{node} is not on this machine")
    verdict = check_printer_target(DeviceSettings(printer=f"{scheme}:{node}"), tmp_path)
    assert (verdict.ok, verdict.code) == (False, "not_a_printer"), verdict
    assert "is not a printer" in verdict.detail_en and "/dev/usb/lp" in verdict.detail_en
    words = verdict_text(verdict)  # the Chinese sentence, worded from its code
    assert "不是打印机" in words and "/dev/usb/lp" in words, words


def test_doctor_fails_a_null_printer_in_both_languages(tmp_path: Path) -> None:
    station = make_station(tmp_path / "station")
    save_device_settings(station, replace(load_device_settings(station), printer="file:/dev/null"))
    check = {c.name: c for c in device_checks(station)}["device.printer"]
    assert not check.ok and "memory device (null)" in check.detail and check.fix


@pytest.mark.parametrize("scheme", ["file", "serial"])
def test_a_serial_line_still_passes(tmp_path: Path, pty_path: str, scheme: str) -> None:
    verdict = check_printer_target(DeviceSettings(printer=f"{scheme}:{pty_path}"), tmp_path)
    assert (verdict.ok, verdict.code) == (True, "ok"), verdict


def test_printer_numbers_and_dynamic_serial_drivers(tmp_path: Path) -> None:
    assert classify_char_device(os.makedev(180, 0)).printer  # /dev/usb/lp0
    assert classify_char_device(os.makedev(6, 0)).printer  # /dev/lp0
    assert classify_char_device(os.makedev(188, 0)).printer  # /dev/ttyUSB0
    assert classify_char_device(os.makedev(4, 64)).printer  # /dev/ttyS0
    assert not classify_char_device(os.makedev(180, 96)).printer  # hiddev0
    assert not classify_char_device(os.makedev(4, 1)).printer  # tty1: a virtual console
    # a serial driver with a dynamic major is told by its sysfs class
    for name, subsystem in (("ttyCH343USB0", "tty"), ("lp3", "usbmisc"), ("fuse", "misc")):
        device = tmp_path / "devices" / name
        device.mkdir(parents=True)
        os.symlink(tmp_path / "class" / subsystem, device / "subsystem")
    for minor, name in enumerate(("ttyCH343USB0", "lp3", "fuse")):
        os.symlink(tmp_path / "devices" / name, tmp_path / f"240:{minor}")
    verdicts = [classify_char_device(os.makedev(240, m), sysfs=tmp_path).printer
                for m in range(3)]
    assert verdicts == [True, True, False]
    assert not classify_char_device(os.makedev(240, 9), sysfs=tmp_path).printer  # no sysfs
