"""The set-up wizard against the simulators and the reference platform: every device
proven live, the station enrolled, and a re-run changing only what the technician
changed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reference_platform.server import PlatformProcess
from station.device_settings import load_device_settings
from station.simulators import DemoSimulators
from sync.config import config_path, credentials_path, load_config, save_config
from tests.helpers.cli_in_process import run_cli
from tests.yiwang.conftest import enroll_code
from ui_shared.setup_wizard.wizard import SetupWizard

SAMPLE = DemoSimulators().sample_cards()[0]


def open_wizard(qtbot: QtBot, data_dir: Path) -> SetupWizard:
    wizard = SetupWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def fill_admin(
    wizard: SetupWizard, clerk_id: str, name: str, pin: str, again: str | None = None
) -> None:
    page = wizard.access_page
    page.admin_id.setText(clerk_id)
    page.admin_name.setText(name)
    page.admin_pin.setText(pin)
    page.admin_pin_again.setText(pin if again is None else again)


def finish(qtbot: QtBot, wizard: SetupWizard) -> None:
    assert wizard.currentPage() is wizard.summary_page
    with qtbot.waitSignal(wizard.applied, timeout=30_000):
        wizard.accept()
    wizard.shutdown()


def test_first_run_proves_each_device_and_enrolls(
    qtbot: QtBot, tmp_path: Path, platform: PlatformProcess
) -> None:
    data_dir = tmp_path / "station"
    wizard = open_wizard(qtbot, data_dir)
    wizard.station_page.code.setText("S-1")
    wizard.next()
    assert wizard.currentPage() is wizard.station_page  # the schema refused the code
    assert "station.code" in wizard.station_page.error.text()
    wizard.station_page.code.setText("W001")
    wizard.station_page.name.setText("城关镇便民服务中心")
    wizard.next()
    wizard.platform_page.url.setText(platform.url)
    wizard.platform_page.code.setText(enroll_code(platform))
    wizard.next()
    page = wizard.devices_page
    assert page.combos["idcard"].currentText() == "simulated"
    page.findChild(QPushButton, "idcardTest").click()
    qtbot.waitUntil(lambda: page.results["idcard"].text().startswith("Card read:"), timeout=20_000)
    shown = page.results["idcard"].text()
    assert SAMPLE.name not in shown and SAMPLE.id_number not in shown  # masked
    assert SAMPLE.id_number[:4] in shown and "*" in shown

    page.findChild(QPushButton, "printerTest").click()
    qtbot.waitUntil(lambda: page.results["printer"].text().startswith("Printed"), timeout=20_000)
    receipts = data_dir / "printer" / "receipts.escpos"
    assert receipts.stat().st_size > 1000 and receipts.read_bytes().startswith(b"\x1b@")

    page.findChild(QPushButton, "cameraTest").click()
    qtbot.waitUntil(lambda: "page detected" in page.results["camera"].text(), timeout=30_000)
    assert page.preview is not None and page.preview.page_detected

    page.combos["scanner"].setCurrentText("wedge")
    page.findChild(QPushButton, "scannerTest").click()
    qtbot.keyClicks(page.wedge_input, "YW1|W001-20261203-0001|abc")
    qtbot.keyClick(page.wedge_input, Qt.Key.Key_Return)
    assert page.results["scanner"].text() == "Code read: YW1|W001-20261203-0001|abc"

    wizard.next()
    assert wizard.currentPage() is wizard.access_page  # role window: the first admin clerk
    qtbot.waitUntil(lambda: wizard.access_page.state is not None)
    wizard.next()
    assert wizard.currentPage() is wizard.access_page  # a first set-up needs an admin
    fill_admin(wizard, "admin01", "王技术", "246813")
    wizard.next()
    changes = wizard.summary_page.changes.toPlainText()
    assert "new configuration" in changes and f"enroll at {platform.url}" in changes
    assert "devices.scanner: 'none' -> 'wedge'" in changes
    finish(qtbot, wizard)

    config = load_config(data_dir)
    assert (config.station_code, config.station_name, config.role) == (
        "W001", "城关镇便民服务中心", "window"
    )  # fmt: skip
    assert config.platform_url == platform.url
    assert credentials_path(data_dir).exists()
    assert load_device_settings(data_dir).scanner == "wedge"
    assert "add admin clerk admin01 (王技术)" in changes and "246813" not in changes
    assert admin_signs_in(data_dir, "admin01", "246813")


def admin_signs_in(data_dir: Path, clerk_id: str, pin: str) -> bool:
    from station.clerks import ClerkDirectory
    from sync.store import Store

    store = Store(data_dir)
    try:
        result = ClerkDirectory(store).sign_in(clerk_id, pin)
        return result.ok and result.account is not None and result.account.is_admin
    finally:
        store.close()


def test_rerun_changes_only_what_the_technician_changed(
    qtbot: QtBot, station: Path, platform: PlatformProcess
) -> None:
    save_config(station, dataclasses.replace(load_config(station), retention_days=90))
    before = config_path(station).read_text(encoding="utf-8").splitlines()
    credentials = credentials_path(station).read_bytes()
    wizard = open_wizard(qtbot, station)
    assert wizard.station_page.code.text() == load_config(station).station_code
    assert wizard.platform_page.url.text() == platform.url
    wizard.station_page.name.setText("新名称便民服务中心")
    wizard.next()
    wizard.next()  # no enrollment code: the station stays enrolled
    wizard.next()
    qtbot.waitUntil(lambda: wizard.access_page.state is not None)
    wizard.next()  # a re-run adds no admin unless the technician types one
    changes = wizard.summary_page.changes.toPlainText().splitlines()
    assert len(changes) == 1 and changes[0].startswith("station.name:")
    finish(qtbot, wizard)
    after = config_path(station).read_text(encoding="utf-8").splitlines()
    differing = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(differing) == 1 and differing[0][1] == 'name = "新名称便民服务中心"'
    assert load_config(station).retention_days == 90
    assert credentials_path(station).read_bytes() == credentials  # not enrolled again


def test_refused_enrollment_keeps_the_wizard_open_and_the_station_untouched(
    qtbot: QtBot, tmp_path: Path, platform: PlatformProcess
) -> None:
    data_dir = tmp_path / "station"
    wizard = open_wizard(qtbot, data_dir)
    wizard.station_page.code.setText("W002")
    wizard.next()
    wizard.platform_page.url.setText(platform.url)
    wizard.platform_page.code.setText("not-a-code")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.access_page.state is not None)
    fill_admin(wizard, "admin01", "王技术", "246813")
    wizard.next()
    with qtbot.waitSignal(wizard.failed, timeout=30_000):
        wizard.accept()
    assert wizard.isVisible() and wizard.summary_page.status.text()
    assert not config_path(data_dir).exists() and not credentials_path(data_dir).exists()
    wizard.shutdown()


def test_setup_without_flags_and_without_display_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process (`yiwang setup` runs as a real process in test_station_contracts.py),
    with the environment of a machine without a display."""
    import ui_shared.setup_wizard.run

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)

    def no_wizard(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("the wizard was opened without a display")

    monkeypatch.setattr(ui_shared.setup_wizard.run, "run_wizard", no_wizard)
    r = run_cli("setup", "--data-dir", str(tmp_path / "s"))
    assert r.returncode == 2 and "--enrollment-code" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("setup", "--data-dir", str(tmp_path / "s"), "--platform", "x")
    assert r.returncode == 2 and "missing --enrollment-code, --station-code" in r.stderr
