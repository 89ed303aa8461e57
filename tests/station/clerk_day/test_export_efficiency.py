"""Ledger export (XLSX + CSV, reopened with openpyxl and csv) and the efficiency counts."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from intake.workdays import WorkCalendar
from station.efficiency import EfficiencyService, due_date
from station.ledger import LedgerQuery, LedgerService
from station.ledger_export import HEADERS, export_csv, export_xlsx
from sync.catalog_sync import load_catalog
from sync.store import STATION_TZ, Store

from .conftest import FakeClock

ID1 = "11010519491231002X"
ID2 = "350102198001010015"


def _accept(
    store: Store,
    n: int,
    *,
    person: Person,
    item: str,
    clerk: str,
    at: datetime,
    handling_s: float | None = 300.0,
    ticket: str | None = None,
) -> str:
    sha = store.put_blob(f"page-{n}".encode())
    sub = store.accept(
        uuid=f"00000000-0000-4000-8000-{n:012d}",
        station_code="T01",
        item_code=item,
        catalog_version="v",
        applicant=person,
        materials=[CapturedMaterial("M01", (sha,))],
        channel=Channel.WINDOW,
        clerk_id=clerk,
        now=at,
        started_at=at - timedelta(seconds=handling_s) if handling_s is not None else None,
        queue_ticket=ticket,
    )
    return sub.uuid


@pytest.fixture
def day_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "station")
    # Thursday 2026-12-03 (local); one case the week before, near its 3-day limit
    base = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    zhang = Person(name='=HYPERLINK("x")', id_number=ID1)
    li = Person(name="李四", id_number=ID2)
    _accept(store, 1, person=zhang, item="SB-001", clerk="c01", at=base, handling_s=240)
    _accept(
        store,
        2,
        person=li,
        item="SB-001",
        clerk="c01",
        at=base + timedelta(minutes=20),
        handling_s=360,
        ticket="A017",
    )
    _accept(
        store,
        3,
        person=li,
        item="MZ-001",
        clerk="c02",
        at=base + timedelta(minutes=40),
        handling_s=None,
    )
    _accept(store, 4, person=zhang, item="SB-001", clerk="c02", at=base - timedelta(days=6))
    _accept(store, 5, person=li, item="YB-001", clerk="c01", at=base - timedelta(days=2))
    store.audit("c01", "notice", None, {"item_code": "MZ-001"}, now=base + timedelta(hours=1))
    store.audit(
        "c02", "refuse", None, {"item_code": "SB-001", "reason": "x"}, now=base + timedelta(hours=2)
    )
    # an outcome of yesterday counts for the month, not for today
    store.audit("c02", "notice", None, {"item_code": "SB-001"}, now=base - timedelta(days=1))
    return store


def test_export_xlsx_and_csv_reopen_with_masked_ids(day_store: Store, tmp_path: Path) -> None:
    catalog = load_catalog(day_store.data_dir)
    service = LedgerService(day_store, catalog, day_store.lookup_hasher(), tz=STATION_TZ)
    query = LedgerQuery(date_from=date(2026, 12, 3), date_to=date(2026, 12, 3))
    xlsx, csv_path = tmp_path / "ledger.xlsx", tmp_path / "ledger.csv"
    assert export_xlsx(service, query, xlsx, clerk_id="c01") == 3
    assert export_csv(service, query, csv_path, clerk_id="c01") == 3
    ws = load_workbook(xlsx, read_only=True).worksheets[0]
    rows = [tuple("" if v is None else str(v) for v in r) for r in ws.iter_rows(values_only=True)]
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        csv_rows = [tuple(r) for r in csv.reader(f)]
    assert rows[0] == HEADERS and csv_rows == rows
    assert [r[0] for r in rows[1:]] == [
        "T01-20261203-0003",
        "T01-20261203-0002",
        "T01-20261203-0001",
    ]
    text = "\n".join("|".join(r) for r in rows)
    assert ID1 not in text and ID2 not in text and "1101**********002X" in text
    assert "'=" in text  # the formula-looking name is masked and defused
    assert rows[2][7] == "A017" and rows[1][3] == "最低生活保障申请"
    exports = [r for r in day_store.audit_rows() if r["action"] == "export"]
    assert len(exports) == 2 and ID1 not in str(exports)


def test_efficiency_today_and_month(day_store: Store) -> None:
    clock = FakeClock()
    clock.now = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)  # Thursday 14:00 local
    service = EfficiencyService(
        day_store, load_catalog(day_store.data_dir), tz=STATION_TZ, clock=clock
    )
    today = service.day_report()
    assert today.total.accepted == 3 and today.total.notices == 1 and today.total.refused == 1
    c01 = {line.key: line for line in today.by_clerk}["c01"]
    assert c01.accepted == 2 and c01.avg_handling_seconds == pytest.approx(300.0)
    assert c01.notices == 1 and c01.refused == 0
    items = {line.key: line for line in today.by_item}
    assert items["SB-001"].accepted == 2 and items["SB-001"].refused == 1
    assert items["MZ-001"].avg_handling_seconds is None
    month = service.month_report()
    assert month.total.accepted == 4  # 1 and 3 December; the case of 27 Nov is last month
    assert month.total.notices == 2
    # SB-001 limit 3 working days: accepted Fri 27 Nov -> due Wed 2 Dec -> overdue today
    # YB-001 limit 3: accepted Tue 1 Dec -> due Fri 4 Dec -> near (1 working day left)
    due = {d.receipt_no: d for d in today.due}
    assert due["T01-20261127-0001"].days_left == -1
    assert due["T01-20261201-0001"].days_left == 1
    assert today.total.overdue == 1 and today.total.near_due == 1
    assert {line.key: line for line in today.by_clerk}["c02"].overdue == 1


def test_item_usage_counts_recent_cases(day_store: Store) -> None:
    service = LedgerService(
        day_store, load_catalog(day_store.data_dir), day_store.lookup_hasher(), tz=STATION_TZ
    )
    now = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
    assert service.item_usage(now=now) == {"SB-001": 3, "MZ-001": 1, "YB-001": 1}
    assert service.item_usage(days=1, now=now) == {"SB-001": 2, "MZ-001": 1}


def test_due_date_skips_weekends() -> None:
    assert due_date(date(2026, 12, 4), 1) == date(2026, 12, 7)  # Fri + 1 -> Mon
    assert due_date(date(2026, 12, 3), 3) == date(2026, 12, 8)
    # by the catalog's calendar, as the receipt printed it: across the National Day week
    # the overdue list and the paper agree (they counted Monday-Friday before)
    calendar = WorkCalendar.from_dict(
        {"holidays": ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
         "workdays": ["2026-10-10"]}
    )
    assert due_date(date(2026, 9, 30), 3, calendar) == date(2026, 10, 10)
    assert due_date(date(2026, 9, 30), 3) == date(2026, 10, 5)
