"""The screen a clerk sees when the station cannot start safely."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_station.startup_failure import StartupFailureScreen
from sync.store import DamageKind, StoreDamaged
from ui_shared.app_setup import install_translator
from ui_shared.error_text import error_text


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The zh_CN translation for one test; the other tests read the English source."""
    locale = QLocale()
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")
    QLocale.setDefault(locale)


@pytest.mark.usefixtures("chinese")
def test_damage_is_shown_in_chinese_as_plain_text_with_the_next_step(
    qtbot: QtBot, tmp_path: Path
) -> None:
    damage = StoreDamaged(
        DamageKind.TRUNCATED, "0 bytes", tmp_path, [tmp_path / "station.db.damaged-20261203T071500"]
    )
    screen = StartupFailureScreen(error_text(damage) + " <b>not bold</b>")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.title.text() == "本终端已暂停受理"
    assert screen.problem.textFormat() == Qt.TextFormat.PlainText
    assert "station.db.damaged-20261203T071500" in screen.problem.text()
    assert "yiwang recover" in screen.problem.text()
    assert "<b>not bold</b>" in screen.problem.text()
    assert "技术人员" in screen.next_step.text()
    assert screen.close_button.text() == "关闭"
    screen.close_button.click()
    qtbot.waitUntil(lambda: not screen.isVisible())
