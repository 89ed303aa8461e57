"""Review #14 (technician): `devices test-print --data-dir` prints on the station's own
printer; failures name the errno once (no nested "[Errno 2] ...: [Errno 2] ..."); a
camera probe prints no OpenCV warnings on the terminal."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.os_reason import os_reason
from devices.printer.escpos_decode import decode_escpos
from tests.yiwang.test_devices_cli import make_station, run_json
from yiwang.cli import main


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def test_test_print_on_the_station_printer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    station = make_station(tmp_path / "station", paper_mm=58)  # file:printer/receipts.escpos
    code, data = run_json(capsys, "test-print", "--data-dir", str(station), "--json")
    assert code == 0, data
    out = station / "printer" / "receipts.escpos"  # the real print made its folder
    assert data["target"] == f"file:{out}"
    raw = out.read_bytes()
    assert data["bytes"] == len(raw) and "受理回执" in decode_escpos(raw).chinese_text


def test_test_print_station_printer_pointed_at_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    station = make_station(tmp_path / "station", printer=f"file:{tmp_path}")
    code, data = run_json(capsys, "test-print", "--data-dir", str(station), "--json")
    assert code == 1 and data["error"] == "printer_is_directory"
    assert "is a directory" in data["message_en"]


def test_test_print_needs_exactly_one_target(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in ([], ["--printer", "dummy:", "--data-dir", str(tmp_path)]):
        with pytest.raises(SystemExit) as stop:
            main(["devices", "test-print", *argv])
        assert stop.value.code == 2


def test_errno_named_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "ttyNONE"
    station = make_station(
        tmp_path / "station", idcard=str(missing), scanner=f"serial:{missing}"
    )
    code, report = run_json(capsys, "diagnose", "--data-dir", str(station), "--json")
    assert code == 1
    by = {d["device"]: d for d in report["devices"]}
    for device in ("idcard", "scanner"):
        text = by[device]["detail_en"]
        assert text.endswith(f"{missing}: No such file or directory (ENOENT)"), text
        assert "Errno" not in text and text.count(str(missing)) == 1, text
    code, data = run_json(capsys, "test-print", "--printer", f"file:{missing}/x", "--json")
    assert code == 1 and "Errno" not in data["message_en"], data
    assert data["message_en"].endswith("No such file or directory (ENOENT)")


def test_os_reason_of_a_plain_error() -> None:
    assert os_reason(PermissionError(13, "Permission denied", "/dev/x")) == \
        "Permission denied (EACCES)"
    assert os_reason(ValueError("bad\n value")) == "bad value"


def test_camera_probe_prints_no_opencv_warnings(
    capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    station = make_station(tmp_path / "station", camera="63")  # an index with no camera
    capfd.readouterr()
    code = main(["--log-level", "WARNING", "devices", "diagnose", "--data-dir", str(station),
                 "--json"])  # fmt: skip
    out, err = capfd.readouterr()
    assert code == 1
    camera = {d["device"]: d for d in json.loads(out)["devices"]}["camera"]
    assert not camera["ok"]
    assert "WARN" not in err and "VIDEOIO" not in err, err
