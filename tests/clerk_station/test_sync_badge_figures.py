"""The sync badge's figures in the clerk's language: the submission being sent
counted from 1 (n of N, reaching N of N) and the bytes the platform holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_station.sync_controller import transfer_figures
from sync.engine.events import EventKind, SyncEvent
from ui_shared.app_setup import install_translator
from ui_shared.sync_badge import SyncBadge


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    install_translator(qapp, "zh_CN")
    yield
    install_translator(qapp, "en")
    QLocale.setDefault(locale)


def _shown(badge: SyncBadge, event: SyncEvent) -> str:
    figures = transfer_figures(event)
    assert figures is not None
    item, total, held, size, delivered = figures
    badge.set_transfer(item, total, held, size, delivered=delivered)
    return badge.queue_label.text()


@pytest.mark.usefixtures("chinese")
def test_first_of_three_then_three_of_three_in_chinese(qtbot: QtBot) -> None:
    badge = SyncBadge()
    qtbot.addWidget(badge)
    first = SyncEvent(EventKind.PROGRESS, done=0, total=3, bytes_done=0, bytes_total=600_000)
    assert "正在上传 第1件/共3件，平台已收 0 B/585.9 KiB" in _shown(badge, first)
    resumed = SyncEvent(EventKind.PROGRESS, done=2, total=3, bytes_done=262_144,
                        bytes_total=600_000)
    assert "第3件/共3件，平台已收 256.0 KiB/585.9 KiB" in _shown(badge, resumed)
    last = SyncEvent(EventKind.DELIVERED, done=3, total=3, bytes_done=600_000,
                     bytes_total=600_000)
    assert "已送达 第3件/共3件" in _shown(badge, last)
    assert transfer_figures(SyncEvent(EventKind.IDLE, done=3, total=3)) is None
    assert transfer_figures(SyncEvent(EventKind.PROGRESS)) is None  # nothing to send


def test_an_unreachable_platform_stays_offline_after_the_queue_empties(qtbot: QtBot) -> None:
    """Review (wt5): started → offline → idle left the badge on "online" while the
    platform could not be reached; only an answer from the platform proves the link."""
    from clerk_station.sync_controller import link_verdict

    badge = SyncBadge()
    qtbot.addWidget(badge)
    for kind in ("started", "offline", "idle", "started", "idle"):
        verdict = link_verdict(kind)
        if verdict is not None:
            badge.set_online(verdict)
    assert badge.online is False
    assert link_verdict("online") is True and link_verdict("progress") is True
    assert link_verdict("idle") is None and link_verdict("started") is None
