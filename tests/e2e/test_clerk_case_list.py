"""The case list: a quarantined submission shows its reason to the clerk, the
status bar says something needs attention, and "send again" delivers it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from station.context import open_station
from sync.store import SyncState
from tests.e2e.intakes import accepted_cases

REASON = "平台拒绝：材料清单与事项不符（测试）"


def test_quarantined_case_is_shown_and_sent_again(
    qtbot: QtBot, qtmodeltester: Any, station_dir: Path
) -> None:
    services = open_station(station_dir)
    store = services.intake.store
    assert services.simulators is not None
    [held, fine] = accepted_cases(services, 2)
    stuck_uuid = held.accepted.submission.uuid
    assert store.quarantine(stuck_uuid, REASON)

    window = build_window(services)
    qtbot.addWidget(window)
    window.show()
    window.start()  # the in-process engine delivers the other one meanwhile
    try:
        qtbot.waitUntil(
            lambda: (
                "1" in window.sync_badge.queue_label.text() and window.sync_badge._attention == 1
            ),
            timeout=10_000,
        )
        window.open_case_list()
        dialog = window.case_list
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5_000)
        qtmodeltester.check(dialog.model)

        dialog.filter.setCurrentIndex(2)  # needs attention
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5_000)
        record = dialog.model.record_at(0)
        assert record.uuid == stuck_uuid
        shown = [dialog.model.data(dialog.model.index(0, c)) for c in range(8)]
        assert held.accepted.submission.receipt_no in shown and REASON in shown
        assert held.accepted.submission.applicant.id_number not in " ".join(map(str, shown))

        dialog.table.selectRow(0)
        assert dialog.requeue.isEnabled() and REASON in dialog.reason.text()
        dialog.requeue.click()
        qtbot.waitUntil(
            lambda: store.get(stuck_uuid).sync_state is SyncState.DELIVERED, timeout=20_000
        )
        assert store.get(fine.accepted.submission.uuid).sync_state is SyncState.DELIVERED
        qtbot.waitUntil(lambda: window.sync_badge._attention == 0, timeout=10_000)
    finally:
        window.shutdown()
        services.close()
