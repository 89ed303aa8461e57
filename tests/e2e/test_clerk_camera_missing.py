"""Review 7c #3: the configured document camera does not exist (camera = "7").

The preview says the camera cannot be used and what to do instead, not "waiting for
the camera" for ever; the camera is asked again ever more rarely, not every second."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.main_window import ClerkWindow
from station.context import open_station
from station.device_settings import load_device_settings, save_device_settings
from ui_shared.app_setup import install_translator


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ("高拍仪无法使用", "从文件导入…", "扫描文件夹")),
        ("en", ("camera cannot be used", "Import file…", "scan folder")),
    ],
)
def test_missing_camera_is_said_in_the_preview_and_asked_ever_more_rarely(
    qtbot: QtBot, qapp: QApplication, station_dir: Path, tmp_path: Path, language: str,
    words: tuple[str, ...],
) -> None:
    settings = load_device_settings(station_dir)
    save_device_settings(station_dir, replace(settings, camera="7"))
    locale = QLocale()
    install_translator(qapp, language)
    services = open_station(station_dir, with_engine=False)
    window = build_window(services, language=language)
    assert isinstance(window, ClerkWindow)
    qtbot.addWidget(window)
    window.show()
    try:
        preview = window.preview
        with qtbot.waitSignal(preview.camera_failed, timeout=10_000):
            window.start()
        text = preview.placeholder_text
        assert all(w in text for w in words), text
        window.grab().save(str(tmp_path / f"camera_missing_{language}.png"))
        # each failed attempt waits twice as long as the one before, up to a cap
        [timer] = [t for t in preview.findChildren(QTimer) if t.isActive()]
        waits = [preview.retry_interval_ms]
        for _ in range(7):
            with qtbot.waitSignal(preview.camera_failed, timeout=10_000):
                timer.timeout.emit()  # the retry, without waiting for it
            waits.append(preview.retry_interval_ms)
        assert waits == [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000], waits
    finally:
        window.shutdown()
        services.close()
        install_translator(qapp, "en")
        QLocale.setDefault(locale)
