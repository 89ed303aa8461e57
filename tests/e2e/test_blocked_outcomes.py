"""A supplement for a quarantined case does not wait silently: a station restored from a
bad backup re-accepts a case the platform already holds with other content; the
platform refuses it for good (conflict) and the engine quarantines it. The platform's
补正 for that case still reaches the station, the clerk adds the pages, and the
supplement cannot be sent while its case is quarantined: the case view says so in red,
with the reason, on real widgets against the reference platform."""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.case_detail import CaseDetailDialog
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from station.context import open_station
from station.services import StationServices
from sync.case_outcomes import OutcomeKind
from sync.engine import SyncEngine
from sync.store import Store, SyncState

PERSON = Person(name="王小明", id_number="11010519491231002X")
OTHER = Person(name="李四", id_number="350102198001010015")


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, with_engine=True)
    yield s
    s.close()


def _accept(store: Store, station_code: str, uuid: str, person: Person) -> None:
    shas = [store.put_blob(os.urandom(1500) + bytes([i])) for i in range(3)]
    store.accept(
        uuid=uuid, station_code=station_code, item_code="SB-001", catalog_version="1",
        applicant=person, channel=Channel.WINDOW, clerk_id="c01", now=datetime.now(UTC),
        materials=[CapturedMaterial(f"M0{i + 1}", (sha,)) for i, sha in enumerate(shas)],
    )  # fmt: skip


def test_a_supplement_of_a_quarantined_case_shows_it_is_blocked_and_why(
    qtbot: QtBot, services: StationServices, admin: Callable[..., Any], tmp_path: Path
) -> None:
    engine, day = services.engine, services.clerk_day
    assert engine is not None and day is not None and day.followup is not None
    store, code = services.intake.store, services.intake.station_code
    uuid = str(uuidlib.uuid4())
    # what the platform holds under this uuid: the case as it was before the bad backup
    earlier = Store(tmp_path / "before-the-backup")
    try:
        _accept(earlier, code, uuid, OTHER)
        SyncEngine(earlier, engine.client).run_once()
        assert earlier.get(uuid).sync_state is SyncState.DELIVERED
    finally:
        earlier.close()
    _accept(store, code, uuid, PERSON)
    engine.run_once()
    assert store.get(uuid).sync_state is SyncState.QUARANTINED  # refused for good

    admin("POST", f"/v1/admin/submissions/{uuid}/status",
          json={"status": "补正", "note": "请补交户口簿", "missing_materials": ["M02"]})
    engine.run_once()
    assert store.get(uuid).platform_status == "补正"
    page = store.put_blob(os.urandom(1200))
    outcome = day.followup.add_supplement(uuid, [("M02", page)], clerk_id="c01")
    engine.run_once()
    engine.run_once()
    assert admin("GET", f"/v1/admin/supplements?submission={uuid}") == []  # held back
    [row] = day.followup.queue.for_case(uuid)
    assert row.uuid == outcome and row.state == "queued" and row.kind is OutcomeKind.SUPPLEMENT

    dialog = CaseDetailDialog(day, uuid, "c01")
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.followup
    assert panel is not None
    qtbot.waitUntil(lambda: panel.view is not None, timeout=10_000)
    assert panel.blocked.isVisible()
    text = panel.blocked.text()
    assert "refused this case itself" in text  # (untranslated in tests: the English source)
    assert "冲突" in text  # the stored reason, worded: uuid conflict at the platform
    assert "blocked" in panel.progress.text() and "waiting to be sent" not in panel.progress.text()
    dialog.close()


def test_nothing_is_blocked_for_a_case_that_is_not_quarantined(
    services: StationServices,
) -> None:
    day = services.clerk_day
    assert day is not None and day.followup is not None
    uuid = str(uuidlib.uuid4())
    _accept(services.intake.store, services.intake.station_code, uuid, PERSON)
    assert day.followup.view(uuid).case_blocked is None  # not quarantined: it will be sent
