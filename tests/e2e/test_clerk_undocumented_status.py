"""End to end against the reference platform: an admin sets a status outside the
documented set; the station stores it exactly as received, flags it in the log once,
and the case list shows it as plain text (never rich text, bidi override removed)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station
from sync.store import SyncState
from tests.e2e.intakes import accepted_cases
from ui_shared.plain_text import PlainTextModel

ODD = "<b>x</b>\u202e"
STATUS_COLUMN = 5


def _flags(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name.startswith("sync.store") and "undocumented status" in r.getMessage()]


def test_odd_platform_status_stored_unchanged_and_shown_as_plain_text(
    qtbot: QtBot, station_dir: Path, admin: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    services = open_station(station_dir)
    store = services.intake.store
    assert services.simulators is not None and services.engine is not None
    [done] = accepted_cases(services, 1)
    uuid = done.accepted.submission.uuid
    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()  # the in-process engine delivers and pulls statuses
    try:
        qtbot.waitUntil(lambda: store.get(uuid).sync_state is SyncState.DELIVERED,
                        timeout=20_000)
        # the department (admin) sets a status the protocol does not document
        event = admin("POST", f"/v1/admin/submissions/{uuid}/status",
                      json={"status": ODD, "undocumented": True})
        assert event["status"] == ODD
        services.engine.wake()
        qtbot.waitUntil(lambda: store.get(uuid).platform_status == ODD, timeout=20_000)
        assert [h["status"] for h in store.status_history(uuid)] == [ODD]

        # a second event with the same odd status: stored again, flagged no more
        admin("POST", f"/v1/admin/submissions/{uuid}/status",
              json={"status": ODD, "undocumented": True, "note": "again"})
        services.engine.wake()
        qtbot.waitUntil(lambda: len(store.status_history(uuid)) == 2, timeout=20_000)
        assert store.get(uuid).platform_status == ODD
        [flag] = _flags(caplog)
        assert "'<b>x</b>\\u202e'" in flag

        # the case list shows it as text: tags literal, the bidi override removed
        window.open_case_list()
        dialog = window.case_list
        assert dialog is not None
        view_model = dialog.table.model()
        assert isinstance(view_model, PlainTextModel)
        qtbot.waitUntil(lambda: view_model.rowCount() == 1, timeout=5_000)
        shown = view_model.data(view_model.index(0, STATUS_COLUMN))
        assert shown == "<b>x</b>"
        # the view paints DisplayRole as plain text: what a rich-text reading would lose
        rich = QTextDocument()
        rich.setHtml(shown)
        assert rich.toPlainText() == "x"  # so "<b>x</b>" on screen means it was not rich
        assert view_model.data(view_model.index(0, STATUS_COLUMN),
                               Qt.ItemDataRole.ForegroundRole) is None  # neutral: no colour
        dialog.close()
    finally:
        window.shutdown()
        services.close()
