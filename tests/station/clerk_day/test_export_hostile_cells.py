"""Review #15 (attacker): ledger export cells are outside text. A NUL or other C0
control in a name (a card read, a company name typed) made the XLSX export fail as a
whole (openpyxl refuses them); a formula hidden behind blanks or invisible characters,
or written with full-width signs, was not neutralised. Both formats now carry the same
defused text."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from intake.applicant import LegalEntity, Person
from station.ledger import LedgerQuery, LedgerService
from station.ledger_export import export_csv, export_xlsx
from sync.catalog_sync import load_catalog
from sync.store import STATION_TZ, Store

from .test_export_efficiency import ID2, _accept

NAMES = {
    "\x00某某\x1b科技公司": "某某科技公司",
    " =1+1": "' =1+1",
    "\u200b=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
    "＝1+1": "'＝1+1",
    "\t-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "＋1": "'＋1",
    "普通公司": "普通公司",
    "\ue000记公司": "\ue000记公司",  # a rare character from the private-use area stays
}


@pytest.fixture
def service(tmp_path: Path) -> LedgerService:
    store = Store(tmp_path / "station")
    person = Person(name="李四", id_number=ID2)
    for n, name in enumerate(NAMES, 1):
        company = LegalEntity(name, "91350100M000100Y43", person)
        _accept(store, n, person=company, item="SB-001", clerk="c01",  # type: ignore[arg-type]
                at=datetime(2026, 12, 3, 1, n, tzinfo=UTC))  # fmt: skip
    return LedgerService(store, load_catalog(store.data_dir), store.lookup_hasher(),
                         tz=STATION_TZ)  # fmt: skip


def test_both_formats_carry_defused_plain_names(service: LedgerService, tmp_path: Path) -> None:
    query = LedgerQuery(date_from=date(2026, 12, 3), date_to=date(2026, 12, 3))
    xlsx, csv_path = tmp_path / "l.xlsx", tmp_path / "l.csv"
    assert export_xlsx(service, query, xlsx, clerk_id="c01") == len(NAMES)
    assert export_csv(service, query, csv_path, clerk_id="c01") == len(NAMES)
    ws = load_workbook(xlsx).worksheets[0]
    cells = [r for r in ws.iter_rows(min_row=2)]
    assert all(r[4].data_type == "s" for r in cells)  # text, never a formula cell
    names = [str(r[4].value) for r in cells]
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        assert [r[4] for r in list(csv.reader(f))[1:]] == names
    assert names == list(reversed(NAMES.values()))  # newest first
