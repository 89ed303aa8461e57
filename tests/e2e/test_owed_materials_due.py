"""容缺受理 reminders on real widgets: a case accepted with an owed 户口簿 whose day has
passed is on the overdue list's "owed materials due" tab and the case view says so in
red; once the clerk has added the owed material's pages to the case (a supplement), both
reminders are gone."""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.case_detail import CaseDetailDialog
from clerk_station.efficiency_view import EfficiencyDialog
from intake.acceptance import Acceptance, Mode
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from intake.workdays import WorkCalendar
from station.context import open_station
from station.deficiency_due import owed_warning
from station.pins import PinGuard, PinHasher
from station.services import StationServices
from sync.case_outcomes import OutcomeKind, OutcomeQueue
from ui_shared.messages import owed_text

PERSON = Person(name="王小明", id_number="11010519491231002X")


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir)
    yield s
    s.close()


def _owing_case(services: StationServices, due: date) -> str:
    store = services.intake.store
    shas = [store.put_blob(os.urandom(1000) + bytes([i])) for i in range(2)]
    sub = store.accept(
        uuid=str(uuidlib.uuid4()), station_code=services.intake.station_code,
        item_code="SB-001", catalog_version="1", applicant=PERSON,
        materials=[CapturedMaterial("M01", (shas[0],)), CapturedMaterial("M03", (shas[1],))],
        channel=Channel.WINDOW, clerk_id="c01", now=datetime.now(UTC) - timedelta(days=1),
        acceptance=Acceptance(Mode.DEFICIENCY, ("M02",), due),
    )  # fmt: skip
    return sub.uuid


def test_owed_materials_past_their_day_are_on_the_overdue_list_and_the_case(
    qtbot: QtBot, services: StationServices
) -> None:
    day = services.clerk_day
    assert day is not None
    day.directory.guard = PinGuard(PinHasher(time_cost=1, memory_kib=1024))
    day.directory.add("c01", "李窗口", "730518", by="setup")  # the list names the clerk
    due = datetime.now(UTC).date() - timedelta(days=8)  # past by at least 5 working days
    uuid = _owing_case(services, due)
    item = services.catalog.item("SB-001")
    assert not item.material("M02").key and item.material("M02").name_zh == "居民户口簿"

    overdue = EfficiencyDialog(day, show_due=True)
    qtbot.addWidget(overdue)
    qtbot.waitUntil(lambda: overdue.report is not None, timeout=10_000)
    assert overdue.owed.rowCount() == 1
    cells = [overdue.owed.item(0, c).text() for c in range(6)]
    assert cells[1] == item.name_zh and cells[3] == "居民户口簿" and cells[4] == due.isoformat()
    assert cells[2] == "李窗口"  # not the login id "c01"
    assert int(cells[5]) < 0
    assert "(1)" in overdue.tabs.tabText(overdue.tabs.indexOf(overdue.owed))

    case = CaseDetailDialog(day, uuid, "c01")
    qtbot.addWidget(case)
    case.show()
    qtbot.waitUntil(lambda: case.detail is not None, timeout=10_000)
    assert case.owed.isVisible() and "容缺到期" in case.owed.text()
    assert "居民户口簿" in case.owed.text() and "已逾期" in case.owed.text()
    case.close()

    # the applicant brought the 户口簿: the clerk added its page to the case
    store = services.intake.store
    page = store.put_blob(os.urandom(1000))
    OutcomeQueue(store).enqueue(OutcomeKind.SUPPLEMENT, {"x": 1}, reference="r",
                                submission_uuid=uuid, pages=[("M02", page)])  # fmt: skip
    overdue.report = None
    overdue.refresh()
    qtbot.waitUntil(lambda: overdue.report is not None, timeout=10_000)
    assert overdue.owed.rowCount() == 0
    again = CaseDetailDialog(day, uuid, "c01")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.detail is not None, timeout=10_000)
    assert not again.owed.isVisible() and again.detail is not None
    assert again.detail.owed_warning is None
    overdue.close()
    again.close()


def test_the_warning_reads_near_past_or_nothing() -> None:
    acceptance = Acceptance(Mode.DEFICIENCY, ("M02", "M04"), date(2026, 12, 8))  # Tuesday
    names = {"M02": "居民户口簿", "M04": "照片"}
    cal = WorkCalendar()
    thursday = date(2026, 12, 3)
    assert owed_warning(acceptance, [], names, thursday, cal, 2) is None  # 3 days left
    near = owed_warning(acceptance, ["M04"], names, date(2026, 12, 4), cal, 2)
    assert owed_text(near) == "容缺即将到期：居民户口簿 应于2026年12月08日前补齐（还剩2个工作日）"
    assert owed_text(near, english=True) == (
        "Owed materials due soon: 居民户口簿 by 2026-12-08 (2 working day(s) left)"
    )
    past = owed_text(owed_warning(acceptance, [], names, date(2026, 12, 10), cal, 2))
    assert past.startswith("容缺到期：居民户口簿、照片") and "已逾期2个工作日" in past
    assert owed_warning(acceptance, ["M02", "M04"], names, date(2026, 12, 10), cal, 2) is None
    commitment = Acceptance(Mode.COMMITMENT, ("M02",))
    assert owed_warning(commitment, [], names, date(2026, 12, 10), cal, 2) is None
