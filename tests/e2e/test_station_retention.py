"""A station running sync in-process (the clerk window) purges page images of
delivered submissions after the retention period, and keeps their metadata."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from station.context import open_station
from sync.config import load_config, save_config
from sync.store import to_db_time
from tests.e2e.intakes import accepted_cases


def test_in_process_engine_purges_delivered_pages(station_dir: Path) -> None:
    save_config(station_dir, dataclasses.replace(load_config(station_dir), retention_days=1))
    services = open_station(station_dir)
    try:
        assert services.engine is not None and services.simulators is not None
        [record] = accepted_cases(services, 1)
        uuid = record.accepted.submission.uuid
        assert services.engine.run_once().delivered == 1
        store = services.intake.store
        assert all(store.has_blob(h) for h in record.page_hashes)

        # the engine's own idle event already ran the purge once: too early, kept
        assert all(store.has_blob(h) for h in record.page_hashes)
    finally:
        services.close()

    with sqlite3.connect(station_dir / "station.db") as db:
        db.execute(
            "UPDATE submissions SET delivered_at = ?",
            [to_db_time(datetime.now(UTC) - timedelta(days=2))],
        )
    services = open_station(station_dir)  # e.g. the next morning
    try:
        assert services.engine is not None
        services.engine.run_once()  # queue empty: the engine's idle event runs the purge
        store = services.intake.store
        assert not any(store.has_blob(h) for h in record.page_hashes)
        kept = store.get(uuid)  # metadata stays: receipt, case number, status
        assert kept.case_no and kept.blobs_purged_at is not None
        assert kept.submission.blob_hashes == record.page_hashes
    finally:
        services.close()
