"""When the disk is full at the moment of acceptance the clerk sees why, in
Chinese, and the draft stays as it was so nothing captured is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from devices.camera.pipeline import CapturedPage
from station.context import open_station
from sync.blobs import StorageFullError


def test_full_disk_at_accept_keeps_the_draft(
    qtbot: QtBot, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = open_station(station_dir, with_engine=False)
    window = build_window(services)
    qtbot.addWidget(window)
    try:
        sims = services.simulators
        assert sims is not None
        window.start()
        sims.place_card(sims.sample_cards()[0])
        qtbot.waitUntil(lambda: window.applicant_panel.applicant is not None, timeout=10_000)
        item = window.picker.choose("YB-001")
        draft = window.draft
        assert draft is not None
        for n, material in enumerate(item.required_materials):
            page = CapturedPage(b"page %d" % n, np.zeros((4, 2), np.float32), [], 1654, 2339)
            window.session.page_captured(page, material.code)
        qtbot.waitUntil(window.accept_button.isEnabled, timeout=10_000)

        def full(**_kw: Any) -> None:
            raise StorageFullError("disk full (test)")

        monkeypatch.setattr(services.intake.store, "accept", full)
        window.accept_button.click()
        qtbot.waitUntil(lambda: window.error_box is not None, timeout=10_000)
        assert window.error_box is not None
        assert "存储空间已满" in window.error_box.text()
        assert window.draft is draft and draft.is_complete  # nothing lost
        assert window.accept_button.isEnabled()  # the clerk can try again once space is freed
        assert services.intake.store.queue_depth() == 0
    finally:
        window.shutdown()
        services.close()
