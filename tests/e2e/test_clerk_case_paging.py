"""#10: the clerk's case list pages with canFetchMore/fetchMore (100 at a time,
newest first, the state filter applied to every page), and a sync event's refresh
keeps the clerk's selection and what was scrolled through."""

from __future__ import annotations

import uuid as uuidlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from intake.applicant import Person
from intake.identity import resident_id_check_digit
from intake.submission import CapturedMaterial, Channel
from station.context import open_station
from sync.engine import EventKind, SyncEvent
from sync.store import Store

START = datetime(2026, 11, 25, 1, 0, 0, tzinfo=UTC)
CASES = 250
QUARANTINED_EVERY = 5  # every fifth case needs attention: 50 of them


def _accept_many(store: Store, station_code: str) -> list[str]:
    first17 = "11010519491231002"
    person = Person(name="张三丰", id_number=first17 + resident_id_check_digit(first17),
                    gender="男", nation="汉", address="福建省福州市鼓楼区某某路1号")
    uuids = []
    for i in range(CASES):
        sha = store.put_blob(f"page {i}".encode())
        sub = store.accept(
            uuid=str(uuidlib.uuid4()), station_code=station_code, item_code="HJ001",
            catalog_version="2026.11", applicant=person,
            materials=[CapturedMaterial("M01", (sha,))], channel=Channel.WINDOW,
            clerk_id="c01", now=START + timedelta(seconds=i),
        )
        if i % QUARANTINED_EVERY == 0:
            assert store.quarantine(sub.uuid, "平台拒绝（测试）")
        uuids.append(sub.uuid)
    return uuids


def test_case_list_fetches_pages_as_it_scrolls(qtbot: QtBot, station_dir: Path) -> None:
    services = open_station(station_dir)
    try:
        uuids = _accept_many(services.intake.store, services.intake.station_code)
        newest_first = list(reversed(uuids))
        window = build_window(services)  # not started: the engine must not deliver them
        qtbot.addWidget(window)
        try:
            window.open_case_list()
            dialog = window.case_list
            assert dialog is not None
            model, root = dialog.model, QModelIndex()
            qtbot.waitUntil(lambda: model.rowCount() == 100, timeout=10_000)
            assert model.canFetchMore(root)
            # the view's proxy forwards the paging to the model (as a scrolling view asks)
            assert dialog.table.model().canFetchMore(root)
            dialog.table.model().fetchMore(root)
            assert not model.canFetchMore(root)  # one page at a time
            qtbot.waitUntil(lambda: model.rowCount() == 200, timeout=10_000)
            model.fetchMore(root)
            qtbot.waitUntil(lambda: model.rowCount() == CASES, timeout=10_000)
            assert not model.canFetchMore(root)
            shown = [model.record_at(r).uuid for r in range(model.rowCount())]
            assert shown == newest_first  # newest first, none repeated or skipped

            # a sync event refreshes the list: the selection (past the first page) stays
            chosen = newest_first[150]
            dialog.table.selectRow(150)
            loads = []
            model.modelReset.connect(lambda: loads.append(1))
            services.sync_events.emit(SyncEvent(EventKind.IDLE))
            qtbot.waitUntil(lambda: bool(loads), timeout=10_000)
            index = dialog.table.currentIndex()
            assert index.isValid() and model.record_at(index.row()).uuid == chosen
            assert dialog.table.selectionModel().isRowSelected(index.row(), root)

            # the filter applies to every page: 50 need attention, in one page
            dialog.filter.setCurrentIndex(2)
            attention = newest_first[4::QUARANTINED_EVERY]  # uuids[i] with i % 5 == 0
            assert len(attention) == 50
            qtbot.waitUntil(
                lambda: [model.record_at(r).uuid for r in range(model.rowCount())] == attention,
                timeout=10_000,
            )
            assert not model.canFetchMore(root)
            dialog.filter.setCurrentIndex(3)  # delivered: none yet
            qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=10_000)
            dialog.filter.setCurrentIndex(1)  # not yet delivered: 200, paged
            qtbot.waitUntil(lambda: model.rowCount() == 100, timeout=10_000)
            model.fetchMore(root)
            qtbot.waitUntil(lambda: model.rowCount() == 200, timeout=10_000)
            assert not model.canFetchMore(root)
            assert all(not model.record_at(r).stuck for r in range(200))
        finally:
            window.shutdown()
    finally:
        services.close()
