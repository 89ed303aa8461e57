"""The printer target is checked for what it is (review #14, technician): a directory,
a missing folder or a bad address fail doctor and diagnose with the reason, and
neither creates anything on the machine; only a real print makes the data dir's
printer folder."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from devices.printer.diagnostics import sample_receipt
from station.device_factory import open_printer
from station.device_settings import DeviceSettings, load_device_settings, save_device_settings
from station.printer_target_check import check_printer_target
from tests.yiwang.test_devices_cli import make_station
from ui_shared.error_text import code_text
from yiwang.commands.devices_cmd import diagnose
from yiwang.doctor import DoctorOptions, run_doctor
from yiwang.doctor.local_checks import device_checks


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def printer_of(station: Path) -> dict[str, object]:
    return next(d for d in diagnose(station)["devices"] if d["device"] == "printer")


def test_a_directory_fails_diagnose_and_doctor_with_the_reason(tmp_path: Path) -> None:
    folder = tmp_path / "spool"
    folder.mkdir()
    station = make_station(tmp_path / "station", printer=f"file:{folder}")
    printer = printer_of(station)
    assert printer["ok"] is False
    assert printer["info"]["status"] == "is_directory"  # type: ignore[index]
    assert "is a directory" in str(printer["detail_en"]) and "文件夹" in str(printer["detail_zh"])
    doctor = {c.name: c for c in device_checks(station)}["device.printer"]
    assert not doctor.ok and "is a directory" in doctor.detail and doctor.fix


@pytest.mark.parametrize(
    ("target", "ok", "code"),
    [
        # review #15: /dev/null is a character device that swallows every receipt
        ("file:/dev/null", False, "not_a_printer"),
        ("file:{tmp}/fifo", True, "ok"),
        ("file:{tmp}/receipts.escpos", True, "ok"),  # a new file in an existing folder
        ("file:{tmp}/existing.bin", True, "ok"),  # empty
        ("file:{tmp}/earlier.escpos", True, "ok"),  # holds earlier printer output
        # review (wt5): a mistyped target naming somebody's file would be overwritten
        ("file:{tmp}/passwd", False, "not_a_printer"),
        ("file:{tmp}/missing/receipts.escpos", False, "no_folder"),
        ("file:{tmp}/existing.bin/receipts.escpos", False, "not_a_folder"),
        ("file:printer/receipts.escpos", True, "created_on_print"),  # inside the data dir
        ("tcp:192.0.2.7:9100", True, "ok"),
        ("tcp:192.0.2.7:0", False, "bad_target"),
        ("serial:{tmp}/existing.bin", False, "not_a_printer"),
        ("serial:{tmp}/ttyNONE", False, "not_a_printer"),
    ],
)
def test_the_target_grammar(tmp_path: Path, target: str, ok: bool, code: str) -> None:
    os.mkfifo(tmp_path / "fifo")
    # the FIFO's printer end is there (a FIFO nobody reads is "not connected":
    # tests/devices/printer/test_fifo_without_reader.py)
    reader = os.open(tmp_path / "fifo", os.O_RDONLY | os.O_NONBLOCK)
    (tmp_path / "existing.bin").write_bytes(b"")
    (tmp_path / "earlier.escpos").write_bytes(b"\x1b@\x1ba\x01receipt")
    (tmp_path / "passwd").write_bytes(b"root:x:0:0:root:/root:/bin/bash\n")
    data_dir = tmp_path / "station"
    data_dir.mkdir()
    before = tree(tmp_path)
    try:
        verdict = check_printer_target(
            DeviceSettings(printer=target.format(tmp=tmp_path)), data_dir
        )
    finally:
        os.close(reader)
    assert (verdict.ok, verdict.code) == (ok, code), verdict
    assert verdict.detail_en and code_text(verdict.qualified_code, verdict.words)
    english = code_text(verdict.qualified_code, verdict.words, english=True)
    assert english and english != code_text(verdict.qualified_code, verdict.words)
    assert tree(tmp_path) == before


def test_diagnose_creates_no_printer_folder(tmp_path: Path) -> None:
    absent = tmp_path / "absent" / "receipts.escpos"
    station = make_station(tmp_path / "station")  # default: file:printer/receipts.escpos
    before = tree(tmp_path)
    assert printer_of(station)["ok"] is True
    assert tree(tmp_path) == before and not (station / "printer").exists()
    save_device_settings(station, replace(load_device_settings(station), printer=f"file:{absent}"))
    before = tree(tmp_path)
    printer = printer_of(station)
    assert printer["ok"] is False and "does not exist" in str(printer["detail_en"])
    device_checks(station)
    assert tree(tmp_path) == before and not absent.parent.exists()


def test_doctor_changes_nothing_in_the_data_dir(station: Path) -> None:
    before = tree(station)
    checks = run_doctor(station, DoctorOptions())
    assert {c.name for c in checks if not c.ok} == set(), checks
    assert tree(station) == before
    assert not (station / "printer").exists()


def test_only_a_real_print_creates_the_printer_folder(tmp_path: Path) -> None:
    station = make_station(tmp_path / "station")
    settings = load_device_settings(station)
    printer = open_printer(settings, station)
    printer.status()
    assert not (station / "printer").exists()
    printer.print_receipt(sample_receipt())
    assert (station / "printer" / "receipts.escpos").stat().st_size > 0
