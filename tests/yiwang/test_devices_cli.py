"""`yiwang devices ...`: the technician's command contracts, run in-process
(plus one real subprocess run of the installed entry point)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import pytest

from devices.camera.synthetic import render_document
from devices.idcard.simulator import IdCardSimulator, sample_cards
from devices.printer.escpos_decode import decode_escpos
from devices.scanner import SerialScannerSimulator
from station.device_settings import DeviceSettings, load_device_settings, save_device_settings
from sync.config import StationConfig, save_config
from yiwang.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """`main()` reconfigures the root logger (and may open a log file): undo it."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    for h in handlers:
        if h not in root.handlers:
            root.addHandler(h)
    root.setLevel(level)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    capsys.readouterr()
    code = main(["--log-level", "WARNING", "devices", *argv])
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture
def photo(tmp_path: Path) -> tuple[Path, str]:
    payload = "YW:S001-20261125-0007"
    shot = render_document("受理材料", payload, seed=3, size=(1600, 1200))
    path = tmp_path / "photo.png"
    assert cv2.imwrite(str(path), shot.image)
    return path, payload


# --- the four existing contracts ---------------------------------------------------


def test_read_id_json_against_the_simulator(capsys: pytest.CaptureFixture[str]) -> None:
    card = sample_cards()[0]
    with IdCardSimulator([card]) as sim:
        assert sim.path is not None  # started by the context manager
        code, data = run_json(capsys, "read-id", "--port", sim.path, "--timeout", "3", "--json")
    assert code == 0
    assert data["name"] == card.name and data["id_number"] == card.id_number
    assert data["birth_date"] == card.birth_date.isoformat()
    assert set(data) >= {"gender", "nation", "address", "issuer", "valid_from", "valid_until"}


def test_read_id_on_a_missing_port_fails_with_chinese_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, data = run_json(capsys, "read-id", "--port", str(tmp_path / "ttyNONE"), "--json")
    assert code == 1
    assert data["error"] == "open_failed" and "身份证阅读器" in data["message_zh"]


def test_scan_json_finds_the_qr_code(
    capsys: pytest.CaptureFixture[str], photo: tuple[Path, str]
) -> None:
    path, payload = photo
    code, data = run_json(capsys, "scan", str(path), "--json")
    assert code == 0
    assert data[0]["file"] == str(path)
    assert payload in [c["text"] for c in data[0]["codes"]]
    assert all(set(c) == {"symbology", "text"} for c in data[0]["codes"])


def test_capture_json_writes_the_page(
    capsys: pytest.CaptureFixture[str], photo: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = photo
    out = tmp_path / "PAGE.jpg"
    code, data = run_json(capsys, "capture", str(path), "--out", str(out), "--json")
    assert code == 0
    assert len(data["corners"]) == 4 and all(len(c) == 2 for c in data["corners"])
    assert isinstance(data["findings"], list)
    assert all({"code", "message_zh", "message_en"} <= set(f) for f in data["findings"])
    assert data["width"] > 0 and data["height"] > 0
    jpeg = out.read_bytes()
    assert jpeg[:2] == b"\xff\xd8"
    page = cv2.imread(str(out))
    assert page.shape[:2] == (data["height"], data["width"])


def test_test_print_json_writes_escpos(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "receipt.escpos"
    code, data = run_json(capsys, "test-print", "--printer", f"file:{target}", "--json")
    assert code == 0
    assert data["receipt_no"].startswith("TEST-")
    assert data["qr_payload"].isascii() and data["receipt_no"] in data["qr_payload"]
    raw = target.read_bytes()
    assert raw.startswith(b"\x1b@") and data["bytes"] == len(raw)
    decoded = decode_escpos(raw)
    assert "受理回执" in decoded.chinese_text
    assert decoded.of_kind("cut")


def test_test_print_bad_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "test-print", "--printer", "carrier-pigeon:x", "--json")
    assert code == 1 and data["error"] == "bad_target" and data["message_zh"]


# --- diagnose -----------------------------------------------------------------------


def make_station(data_dir: Path, **devices: Any) -> Path:
    save_config(data_dir, StationConfig(station_code="S001", platform_url="https://p.invalid"))
    devices.setdefault("camera_width", 640)
    devices.setdefault("camera_height", 480)
    save_device_settings(data_dir, DeviceSettings(**devices))
    return data_dir


def by_device(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["device"]: d for d in report["devices"]}


def test_diagnose_simulated_station_all_ok(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    station = make_station(tmp_path / "station")
    code, report = run_json(capsys, "diagnose", "--data-dir", str(station), "--json")
    assert code == 0, report
    assert report["ok"] is True and report["station_code"] == "S001"
    devices = by_device(report)
    assert list(devices) == ["idcard", "camera", "printer", "scanner"]
    for d in report["devices"]:
        assert set(d) >= {"device", "configured", "ok", "detail_zh", "detail_en"}
    assert devices["idcard"]["ok"] and "SAM" in devices["idcard"]["detail_zh"]
    assert devices["idcard"]["info"]["sam_id"]
    assert devices["camera"]["info"] == {"setting": "simulated", "width": 640, "height": 480}
    assert "640x480" in devices["camera"]["detail_zh"]
    assert devices["printer"]["ok"] and devices["printer"]["info"]["status"] == "unknown"
    assert devices["scanner"] == {
        "device": "scanner", "configured": False, "ok": True, "detail_zh": "未配置扫码枪",
        "detail_en": "no scanner configured", "info": {"setting": "none"},
    }
    # No enrollment happened: diagnose needs no credentials.
    assert not any("credential" in p.name for p in station.iterdir())


def test_diagnose_real_ports_and_scanner(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with IdCardSimulator(sample_cards()) as idsim, SerialScannerSimulator() as scansim:
        port = str(idsim.path)
        station = make_station(
            tmp_path / "station",
            idcard=port,
            printer=f"file:{tmp_path / 'lp0'}",
            scanner=f"serial:{scansim.path}?baudrate=115200",
        )
        code, report = run_json(capsys, "diagnose", "--data-dir", str(station), "--json")
    assert code == 0, report
    devices = by_device(report)
    assert devices["idcard"]["ok"] and devices["idcard"]["info"]["port"] == port
    assert devices["scanner"]["configured"] and devices["scanner"]["ok"]
    assert "115200" in devices["scanner"]["detail_zh"]


def test_diagnose_failures_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plain = tmp_path / "not-an-input-device"
    plain.write_bytes(b"")
    station = make_station(
        tmp_path / "station",
        idcard=str(tmp_path / "ttyNONE"),
        camera=str(tmp_path / "no-such-video.mp4"),
        scanner=f"evdev:{plain}",
    )
    code, report = run_json(capsys, "diagnose", "--data-dir", str(station), "--json")
    assert code == 1 and report["ok"] is False
    devices = by_device(report)
    assert not devices["idcard"]["ok"] and "身份证阅读器" in devices["idcard"]["detail_zh"]
    assert not devices["camera"]["ok"] and devices["camera"]["detail_zh"]
    assert devices["printer"]["ok"]
    assert not devices["scanner"]["ok"] and "无法独占" in devices["scanner"]["detail_zh"]


def test_diagnose_human_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    station = make_station(tmp_path / "station", scanner="wedge")
    capsys.readouterr()
    assert main(["--log-level", "WARNING", "devices", "diagnose", "--data-dir", str(station)]) == 0
    out = capsys.readouterr().out
    assert "Station S001" in out and "all devices ok" in out
    for label in ("身份证阅读器", "高拍仪", "打印机", "扫码枪", "键盘模式"):
        assert label in out


def test_diagnose_without_a_config(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, data = run_json(capsys, "diagnose", "--data-dir", str(tmp_path), "--json")
    # exit 2: configuration missing or invalid (README's exit codes; review wt5: it was 1)
    assert code == 2 and data["error"] == "no_config" and "config.toml" in data["message_zh"]


def test_diagnose_without_a_data_dir(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("YIWANG_DATA_DIR", raising=False)
    code, data = run_json(capsys, "diagnose", "--json")
    assert code == 2 and data["error"] == "no_data_dir"


def test_diagnose_bad_devices_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    station = make_station(tmp_path / "station")
    cfg = station / "config.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("paper_mm = 80", "paper_mm = 66"),
                   encoding="utf-8")
    code, data = run_json(capsys, "diagnose", "--data-dir", str(station), "--json")
    assert code == 2 and data["error"] == "config_invalid"
    # worded as the clerk and kiosk word it: the key, what it may be, file and line
    assert "纸宽（devices.paper_mm）无效" in data["message_zh"], data
    assert "config.toml" in data["message_zh"]


def test_diagnose_as_a_subprocess(tmp_path: Path) -> None:
    station = make_station(tmp_path / "station")
    exe = Path(sys.executable).with_name("yiwang")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "yiwang"]
    env = {**os.environ, "YIWANG_DATA_DIR": str(station), "PYTHONPROFILEIMPORTTIME": "1"}
    proc = subprocess.run([*cmd, "devices", "diagnose", "--json"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["ok"] is True
    # worded in Chinese from the bundled catalog (the printer's verdict code), without
    # loading Qt for it (ui_shared.qm_catalog): half a CPU-second of every such command
    printer = next(d for d in report["devices"] if d["device"] == "printer")
    assert printer["detail_zh"].startswith("打印输出写入文件"), printer
    imported = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:")}
    assert "yiwang.error_words" in imported  # the log is there, with what words errors
    assert not {m for m in imported if m.split(".")[0] in ("PySide6", "shiboken6")}


# --- the [devices] scanner setting ---------------------------------------------------


def test_scanner_setting_round_trip_and_default(tmp_path: Path) -> None:
    assert load_device_settings(tmp_path).scanner == "none"
    (tmp_path / "config.toml").write_text('[devices]\nidcard = "auto"\n', encoding="utf-8")
    assert load_device_settings(tmp_path) == DeviceSettings(idcard="auto")
    save_device_settings(tmp_path, DeviceSettings(scanner="evdev:/dev/input/event4"))
    assert load_device_settings(tmp_path).scanner == "evdev:/dev/input/event4"
    assert DeviceSettings().to_toml_table()["scanner"] == "none"
