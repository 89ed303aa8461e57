"""The overdue list on real widgets says when a case's promise moved out because it
waited for the applicant's 补正 (a real store in tmp, a fake clock)."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from types import SimpleNamespace

from pytestqt.qtbot import QtBot

from clerk_station.efficiency_view import EfficiencyDialog
from intake.applicant import Person
from station.efficiency import EfficiencyService
from sync.catalog_sync import load_catalog
from sync.client.answers import StatusEvent
from sync.store import STATION_TZ, Store
from tests.station.clerk_day.conftest import FakeClock
from tests.station.clerk_day.test_export_efficiency import ID1, _accept
from tests.station.clerk_day.test_supplement_clock import _local


def test_the_overdue_list_says_the_clock_stopped(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store(tmp_path / "station")
    try:
        accepted = _local(date(2026, 9, 28), 10)
        uuid = _accept(store, 1, person=Person(name="张三", id_number=ID1), item="SB-001",
                       clerk="c01", at=accepted)  # fmt: skip
        store.apply_status_events([StatusEvent(uuid, "CASE-1", "补正",
                                               at=_local(date(2026, 9, 29), 10).isoformat(),
                                               event_id=1)])  # fmt: skip
        clock = FakeClock()
        clock.now = _local(date(2026, 10, 12), 14).astimezone(UTC)
        service = EfficiencyService(store, load_catalog(store.data_dir), tz=STATION_TZ,
                                    clock=clock)  # fmt: skip
        day = SimpleNamespace(efficiency=service)  # all the dialog asks of the clerk's day
        dialog = EfficiencyDialog(day, show_due=True)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
        assert dialog.due.rowCount() == 1
        assert dialog.due.item(0, 4).text() == "2026-10-14"
        assert "clock stopped 5 working day(s)" in dialog.due.item(0, 6).text()
        dialog.close()
    finally:
        store.close()
