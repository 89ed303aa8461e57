"""Review #14 (technician): a bad printer path no longer stops the clerk window with
"data directory unusable": the station starts, the window names the printer trouble
in a banner, and intake goes on (the receipt waits for a reprint)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station
from station.device_settings import load_device_settings, save_device_settings
from station.simulators import DemoSimulators
from tests.e2e.clerk_in_process import clerk_exit_when_ready
from ui_shared.app_setup import install_translator
from yiwang.scripted_intake import run_scripted_intakes


def break_printer(station: Path) -> Path:
    """The printer file's folder is a regular file: nothing can be made there."""
    bad = station / "config.toml" / "receipts.escpos"
    save_device_settings(station, replace(load_device_settings(station), printer=f"file:{bad}"))
    return bad


def test_yiwang_clerk_starts_with_a_bad_printer_path(
    qapp: QApplication, station_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`yiwang clerk --exit-when-ready` (in this process: tests/e2e/clerk_in_process.py)
    opens the station behind its sign-in screen and exits 0."""
    break_printer(station_dir)
    assert clerk_exit_when_ready(qapp, station_dir) == 0
    err = capsys.readouterr().err
    assert "clerk window ready" in err and "clerk:" not in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ("回执打印机无法使用", "不是文件夹")),
        ("en", ("Receipt printer unusable", "not a folder")),
    ],
)
def test_banner_names_the_printer_trouble_and_intake_goes_on(
    qtbot: QtBot, qapp: QApplication, station_dir: Path, tmp_path: Path, language: str,
    words: tuple[str, ...],
) -> None:
    bad = break_printer(station_dir)
    locale = QLocale()
    install_translator(qapp, language)
    services = open_station(station_dir, with_engine=False)
    try:
        assert services.printer_trouble is not None
        assert services.printer_trouble.code == "not_a_folder"
        window = build_window(services, language=language)
        qtbot.addWidget(window)
        window.show()
        try:
            banner = window.printer_banner
            assert banner.isVisible()
            for word in words:
                assert word in banner.text(), banner.text()
            assert str(bad.parent) in banner.text()
            window.grab().save(str(tmp_path / f"printer_banner_{language}.png"))
        finally:
            window.shutdown()
        sims = services.simulators
        assert isinstance(sims, DemoSimulators)
        lines: list[str] = []
        records = run_scripted_intakes(services, sims, 1, say=lines.append, read_codes=False)
        assert records[0].accepted.submission.receipt_no
        assert "receipt not printed" in lines[0]
    finally:
        services.close()
        install_translator(qapp, "en")
        QLocale.setDefault(locale)


def test_no_banner_when_the_printer_is_fine(qtbot: QtBot, station_dir: Path) -> None:
    services = open_station(station_dir, with_engine=False)
    try:
        assert services.printer_trouble is None
        window = build_window(services, language="en")
        qtbot.addWidget(window)
        window.show()
        try:
            assert not window.printer_banner.isVisible()
        finally:
            window.shutdown()
    finally:
        services.close()
