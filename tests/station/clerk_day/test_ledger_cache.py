"""The cached ledger station is the generator's own: the same cases, the same rows, and
its sealed applicants open with the keys copied beside them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from station.ledger import LedgerQuery, LedgerService
from sync.catalog_sync import load_catalog
from sync.store import STATION_TZ, Store

from .ledger_cache import ROOT, SOURCES, _key, ledger_station
from .ledger_data import generate

N = 700


def _rows(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT uuid, receipt_no, item_code, clerk_id, accepted_at, sync_state,"
            " platform_status, id_hash, name_hash, started_at FROM submissions ORDER BY rowid"
        ).fetchall()
    finally:
        con.close()


def test_a_copied_station_holds_what_generate_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YIWANG_LEDGER_CACHE_DIR", str(tmp_path / "cache"))
    first = ledger_station(tmp_path / "first", N)  # made, kept
    again = ledger_station(tmp_path / "again", N)  # copied
    assert len(list((tmp_path / "cache").iterdir())) == 1
    fresh_store = Store(tmp_path / "fresh")
    try:
        fresh = generate(fresh_store, N)
        # the hashes are keyed per station: compare everything else row by row
        fresh_rows = [r[:7] + r[9:] for r in _rows(fresh_store.db_path)]
    finally:
        fresh_store.close()
    assert first == again == fresh
    store = Store(tmp_path / "again")
    try:
        assert [r[:7] + r[9:] for r in _rows(store.db_path)] == fresh_rows
        # the copied keys find an applicant by ID number and open the sealed name
        service = LedgerService(store, load_catalog(store.data_dir), store.lookup_hasher(),
                                tz=STATION_TZ)
        target = first[-1]
        rows = service.search(LedgerQuery(id_number=target.person.id_number)).rows
        assert target.uuid in [r.uuid for r in rows]
        assert rows[0].applicant_name.startswith(target.person.name[0])
    finally:
        store.close()


def test_a_changed_generator_is_a_new_station(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _key(N)
    assert _key(N + 1) != before
    monkeypatch.setattr("tests.station.clerk_day.ledger_cache.SOURCES",
                        ("tests/station/clerk_day/ledger_cache.py",))
    assert _key(N) != before


def test_only_the_newest_stations_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YIWANG_LEDGER_CACHE_DIR", str(tmp_path / "cache"))
    for n, version in enumerate(("a", "b", "c")):
        monkeypatch.setattr("tests.station.clerk_day.ledger_cache._key",
                            lambda size, v=version: f"{size}-{v}")
        ledger_station(tmp_path / f"copy{n}", 300)
        os.utime(tmp_path / "cache" / f"300-{version}", (n, n))  # made in this order
    ledger_station(tmp_path / "other-size", 301)
    kept = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert kept == ["300-b", "300-c", "301-c"]


#: our top-level packages (pyproject's import contracts)
OURS = ("coded_errors", "gbcodes", "safe_chars", "intake", "wire", "sync", "reference_platform",
        "devices", "station", "ui_shared", "clerk_station", "kiosk", "yiwang", "resources")


def test_every_package_of_ours_the_generator_loads_names_the_station(tmp_path: Path) -> None:
    """A package the generator runs but the key leaves out would keep an old station
    after it changed (a fresh process: what it loads, not what this worker has)."""
    code = ("import sys\nfrom pathlib import Path\nfrom sync.store import Store\n"
            "from tests.station.clerk_day.ledger_data import generate\n"
            "store = Store(Path(sys.argv[1]))\ngenerate(store, 50)\nstore.close()\n"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "station")], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=60)
    loaded = set(done.stdout.split()) & set(OURS)
    assert "sync" in loaded
    assert loaded <= set(SOURCES), loaded - set(SOURCES)


def test_a_damaged_station_in_the_cache_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YIWANG_LEDGER_CACHE_DIR", str(tmp_path / "cache"))
    ledger_station(tmp_path / "first", 200)
    (kept,) = (tmp_path / "cache").iterdir()
    (kept / "station" / "station.db").unlink()  # marked complete, but its database gone
    ledger_station(tmp_path / "again", 200)
    assert (tmp_path / "again" / "station.db").is_file()
