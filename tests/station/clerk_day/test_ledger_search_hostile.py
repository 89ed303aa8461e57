"""Review #15 (attacker): the ledger's receipt-number search is a LIKE fragment. SQLite
ends a LIKE pattern at NUL, so a fragment holding one matched every case; a fragment
of 50,000 bytes and more failed with "LIKE or GLOB pattern too complex". Wildcards
typed by the clerk are literal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from intake.applicant import Person
from station.ledger import LedgerQuery, LedgerService
from sync.catalog_sync import load_catalog
from sync.store import STATION_TZ, Store

from .test_export_efficiency import ID2, _accept


@pytest.fixture
def service(tmp_path: Path) -> LedgerService:
    store = Store(tmp_path / "station")
    _accept(store, 1, person=Person(name="李四", id_number=ID2), item="SB-001", clerk="c01",
            at=datetime(2026, 12, 3, 1, 0, tzinfo=UTC))  # fmt: skip
    return LedgerService(store, load_catalog(store.data_dir), store.lookup_hasher(),
                         tz=STATION_TZ)  # fmt: skip


@pytest.mark.parametrize(
    "fragment",
    ["\x00", "T01\x00", "%", "_", "T01_2026", "\\", "A" * 60_000, "%" * 30_000, "一" * 20_000],
)
def test_hostile_fragments_match_nothing_and_never_fail(
    service: LedgerService, fragment: str
) -> None:
    assert service.search(LedgerQuery(receipt_no=fragment)).rows == ()
    assert list(service.iter_rows(LedgerQuery(receipt_no=fragment))) == []


def test_a_real_fragment_still_finds_the_case(service: LedgerService) -> None:
    for fragment in ("T01-20261203", "t01-2026", "0001", " -0001 "):
        (row,) = service.search(LedgerQuery(receipt_no=fragment)).rows
        assert row.receipt_no == "T01-20261203-0001"
    day = LedgerQuery(date_from=date(2026, 12, 3), date_to=date(2026, 12, 3), name="李四")
    assert len(service.search(day).rows) == 1
