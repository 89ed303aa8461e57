"""A catalog pulled by sync shows up in the item list; a draft in progress keeps
the item and catalog version it was started under."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from resources import resource_path
from station.context import open_station
from sync.engine import EventKind, SyncEvent


def test_catalog_event_reloads_items_without_touching_the_draft(
    qtbot: QtBot, station_dir: Path
) -> None:
    services = open_station(station_dir)  # engine present, so the window listens to sync events
    window = build_window(services)
    qtbot.addWidget(window)
    try:
        old_version = services.catalog.version
        window.picker.choose("SB-001")
        assert window.draft is not None
        draft = window.draft

        seed = json.loads(resource_path("catalog", "seed_catalog.json").read_text("utf-8"))
        seed["version"] = "2099.1.1"
        seed["items"] = [i for i in seed["items"] if i["code"] != "SB-002"]
        (station_dir / "catalog.json").write_text(json.dumps(seed, ensure_ascii=False), "utf-8")
        services.sync_events.emit(SyncEvent(kind=EventKind.CATALOG))

        qtbot.waitUntil(lambda: services.catalog.version == "2099.1.1", timeout=5_000)
        codes = {window.picker.model.item_at(r).code for r in range(window.picker.model.rowCount())}
        assert "SB-002" not in codes and "SB-001" in codes
        assert window.draft is draft  # the clerk's intake in progress is untouched
        assert window.session.state.catalog_version == old_version
    finally:
        window.shutdown()
        services.close()
