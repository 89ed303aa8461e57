"""The case ledger over a real store: search by every key, keyset paging through 100 000
generated cases (boundaries exact, deep pages as fast as the first), one case in full."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from station.ledger import LedgerQuery, LedgerService
from sync.catalog_sync import load_catalog
from sync.store import STATION_TZ, Store, from_db_time, to_db_time

from .ledger_cache import ledger_station
from .ledger_data import Case, _db_time, _uuid4

N = 100_000


def _ledger(
    tmp_path_factory: pytest.TempPathFactory, n: int
) -> Iterator[tuple[LedgerService, list[Case]]]:
    data_dir = tmp_path_factory.mktemp("ledger") / "station"
    started = time.perf_counter()
    cases = ledger_station(data_dir, n)  # generate()'s station, made once (ledger_cache)
    print(f"{n} generated cases in {time.perf_counter() - started:.1f} s")
    store = Store(data_dir)
    service = LedgerService(store, load_catalog(data_dir), store.lookup_hasher(), tz=STATION_TZ)
    yield service, cases
    store.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LedgerService, list[Case]]]:
    yield from _ledger(tmp_path_factory, N)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LedgerService, list[Case]]]:
    """6 000 cases of the same generator (12 days; every status and upload state):
    for what a filter finds, where walking every page of 100 000 cases adds only
    time (an upload-state filter has no (sync_state, accepted_at) index, so each
    page sorts every case in that state: 167 pages of the delivered ones took 20 CPU-s)."""
    yield from _ledger(tmp_path_factory, 6_000)


def _newest_first(cases: list[Case]) -> list[str]:
    return [c.uuid for c in sorted(cases, key=lambda c: (c.accepted_at, c.rowid), reverse=True)]


def _walk(service: LedgerService, query: LedgerQuery, limit: int) -> list[str]:
    out: list[str] = []
    after = None
    while True:
        page = service.search(query, after=after, limit=limit)
        assert len(page.rows) <= limit
        out.extend(r.uuid for r in page.rows)
        if page.next_cursor is None:
            return out
        assert len(page.rows) == limit
        after = page.next_cursor


def _local_day(c: Case) -> date:
    return (
        datetime.fromisoformat(c.accepted_at.replace("Z", "+00:00")).astimezone(STATION_TZ).date()
    )


def test_paging_boundaries_are_exact(big: tuple[LedgerService, list[Case]]) -> None:
    service, cases = big
    day_from, day_to = date(2026, 7, 1), date(2026, 7, 3)
    query = LedgerQuery(item_code="SB-003", date_from=day_from, date_to=day_to)
    expected = _newest_first(
        [c for c in cases if c.item_code == "SB-003" and day_from <= _local_day(c) <= day_to]
    )
    assert len(expected) == 300
    for limit in (1, 7, 50, 100, 300, 301):
        assert _walk(service, query, limit) == expected, limit


def test_every_search_key(big: tuple[LedgerService, list[Case]]) -> None:
    service, cases = big
    target = cases[54_321]
    by_person = _newest_first([c for c in cases if c.person == target.person])
    messy_id = " " + target.person.id_number[:6] + " " + target.person.id_number[6:].lower()
    assert _walk(service, LedgerQuery(id_number=messy_id), 50) == by_person
    assert _walk(service, LedgerQuery(name=target.person.name), 50) == by_person
    found = service.search(LedgerQuery(receipt_no=target.receipt_no)).rows
    assert target.uuid in [r.uuid for r in found]
    status = [c for c in cases if c.platform_status == "补正"]
    assert _walk(service, LedgerQuery(status="补正"), 500) == _newest_first(status)
    clerk_day = [c for c in cases if c.clerk_id == "c02" and _local_day(c) == date(2026, 8, 8)]
    got = _walk(
        service,
        LedgerQuery(clerk_id="c02", date_from=date(2026, 8, 8), date_to=date(2026, 8, 8)),
        50,
    )
    assert got == _newest_first(clerk_day) and got
    assert service.search(LedgerQuery(id_number="110105194912310021")).rows == ()
    row = found[0]
    assert row.applicant_id.count("*") == 10 and target.person.id_number not in row.applicant_id
    assert row.applicant_name.startswith("测") and "*" in row.applicant_name


def test_the_case_list_filter_is_a_ledger_search(
    small: tuple[LedgerService, list[Case]],
) -> None:
    """The case list (办件查询) pages through the same search, by upload states."""
    service, cases = small
    waiting = ("queued", "sending", "retry")
    queued = _newest_first([c for c in cases if c.sync_state == "queued"])
    assert queued and _walk(service, LedgerQuery(uploads=waiting), 500) == queued
    # the status key naming a local state (here rather than over the 100 000: without a
    # (sync_state, accepted_at) index each of its 34 pages there sorted 16 700 cases)
    assert _walk(service, LedgerQuery(status="queued"), 500) == queued
    delivered = _newest_first([c for c in cases if c.sync_state == "delivered"])
    assert _walk(service, LedgerQuery(uploads=("delivered",)), 500) == delivered
    # a status that is a local state narrows the upload filter; disjoint ones find nothing
    assert _walk(service, LedgerQuery(uploads=waiting, status="queued"), 500) == queued
    assert service.search(LedgerQuery(uploads=waiting, status="delivered")).rows == ()
    assert service.search(LedgerQuery(uploads=("no-such-state",))).rows == ()
    assert all(not r.stuck and r.note == "" for r in service.search(LedgerQuery()).rows)


def test_deep_pages_cost_what_the_first_costs(big: tuple[LedgerService, list[Case]]) -> None:
    service, cases = big
    ordered = sorted(cases, key=lambda c: (c.accepted_at, c.rowid), reverse=True)

    def timed(after: tuple[str, int] | None, query: LedgerQuery) -> float:
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            page = service.search(query, after=after, limit=50)
            best = min(best, time.perf_counter() - t0)
            assert page.rows
        return best

    everything = LedgerQuery()
    first = timed(None, everything)
    deep_case = ordered[99_000]
    deep = timed((deep_case.accepted_at, deep_case.rowid), everything)
    by_item = timed((deep_case.accepted_at, deep_case.rowid), LedgerQuery(item_code="YB-001"))
    print(
        f"first page {first * 1000:.1f} ms, page at 99 000 {deep * 1000:.1f} ms,"
        f" filtered deep page {by_item * 1000:.1f} ms"
    )
    assert deep < max(5 * first, 0.05)
    assert by_item < max(5 * first, 0.05)
    assert first < 0.5


def test_a_real_accept_is_found_by_id_and_the_plaintext_is_nowhere(tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    person = Person(name="李 四", id_number="11010519491231002X")
    with Store(data_dir) as store:
        sha = store.put_blob(b"page")
        sub = store.accept(
            uuid="6f0f3cde-3b1f-4b35-9a57-1f2c7a0e9a11",
            station_code="T01",
            item_code="SB-001",
            catalog_version="v",
            applicant=person,
            materials=[CapturedMaterial("M01", (sha,))],
            channel=Channel.WINDOW,
            clerk_id="c01",
            now=datetime(2026, 12, 3, 2, tzinfo=UTC),
            started_at=datetime(2026, 12, 3, 1, 55, tzinfo=UTC),
            queue_ticket="A017",
        )
        service = LedgerService(store, load_catalog(data_dir), store.lookup_hasher(), tz=STATION_TZ)
        rows = service.search(LedgerQuery(id_number="11010519491231002x")).rows
        assert [r.receipt_no for r in rows] == [sub.receipt_no]
        assert (
            rows[0].queue_ticket == "A017" and rows[0].item_name == "城乡居民基本养老保险参保登记"
        )
        assert service.search(LedgerQuery(name="李四")).rows[0].uuid == sub.uuid
        detail = service.open_case(sub.uuid)
        assert [p.sha256 for p in detail.pages] == [sha] and detail.pages[0].available
        assert service.page_image(sha) == b"page"
    raw = b"".join(p.read_bytes() for p in data_dir.glob("station.db*"))
    assert b"11010519491231002X" not in raw and "李".encode() not in raw


def test_the_generator_writes_what_the_store_writes() -> None:
    """The generator's own formatting of times and uuids (a quarter of the cost of
    to_db_time and uuid.UUID per case) gives the store's text exactly, and the store
    reads it back (from_db_time's fast path for its own fixed-width text)."""
    for second in (0, 1_780_273_800, 1_780_302_599, 1_790_000_123, 4_102_444_799):
        at = datetime.fromtimestamp(second, UTC)
        assert _db_time(second) == to_db_time(at), at
        assert from_db_time(_db_time(second)) == at
    # a time the store did not write is read as before (strptime) or refused
    assert from_db_time("2026-06-01T00:30:00.5Z") == datetime(2026, 6, 1, 0, 30, 0, 500_000, UTC)
    for odd in ("2026-06-01T00:30:00.0+0800Z", "2026-06-01 00:30:00.000000Z", "x" * 27):
        with pytest.raises(ValueError):
            from_db_time(odd)
    rng = random.Random(5)
    for _ in range(1_000):
        bits = rng.getrandbits(128)
        assert _uuid4(bits) == str(uuid.UUID(int=bits, version=4))
