"""The data directory holds personal data: every folder in it 0700 and every file 0600
(sync.private_files), on a fresh `yiwang setup` and everything the station writes
after it, and an older data directory (0755 / 0644) is tightened at the next start,
with a log line. Real files, real modes (os.stat), under the usual login umask 022."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from reference_platform.server import PlatformProcess
from station.context import open_station
from station.ledger import LedgerQuery, LedgerService
from station.ledger_export import export_csv
from sync.catalog_sync import load_catalog
from sync.private_files import tighten_data_dir
from sync.store import STATION_TZ, Store
from sync.store.backup import backup_database
from tests.helpers.cli_in_process import run_cli

from .conftest import enroll_code


@pytest.fixture
def login_umask() -> Iterator[None]:
    """The umask of a technician's login shell, which used to give 0755 / 0644."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _modes(top: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(top.stat().st_mode)}
    for root, dirs, files in os.walk(top):
        for name in dirs + files:
            path = Path(root) / name
            found[str(path.relative_to(top))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def _not_private(top: Path) -> dict[str, str]:
    return {name: oct(mode) for name, mode in _modes(top).items() if mode & 0o077}


def test_a_fresh_station_and_what_it_writes_are_private(
    platform: PlatformProcess, tmp_path: Path, login_umask: None
) -> None:
    station = tmp_path / "station"
    r = run_cli("setup", "--data-dir", str(station), "--platform", platform.url,
                "--enrollment-code", enroll_code(platform), "--station-code", "P001",
                "--devices", "simulated")  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = run_cli("demo", "--headless", "--count", "2", "--offline", "--data-dir", str(station))
    assert r.returncode == 0, r.stderr
    assert os.umask(0o022) == 0o022  # the commands' umask did not leak into this process
    # the names of the layout are unchanged: the parts asked for are all there
    for part in ("config.toml", "station.db", "keys", "blobs", "logs"):
        assert (station / part).exists(), part
    assert any(p.is_file() for p in (station / "blobs").rglob("*")), "the demo's pages"
    # written by this process under umask 022, not by a command: explicit modes
    store = Store(station)
    try:
        backup = backup_database(store.db_path, station / "backups", keep=2)
        ledger = LedgerService(store, load_catalog(station), store.lookup_hasher(),
                               tz=STATION_TZ)  # fmt: skip
        export = station / "exports" / "ledger.csv"
        export.parent.mkdir(mode=0o700)
        export_csv(ledger, LedgerQuery(date_from=date(2000, 1, 1)), export, clerk_id="c01")
    finally:
        store.close()
    assert _not_private(station) == {}
    modes = _modes(station)
    assert modes["."] == 0o700 and modes["blobs"] == 0o700 and modes["logs"] == 0o700
    assert modes["config.toml"] == 0o600 and modes["station.db"] == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert all(modes[name] == 0o600 for name in modes if name.startswith("logs/"))


def test_an_older_data_dir_is_tightened_at_start_with_a_log_line(
    platform: PlatformProcess, tmp_path: Path, login_umask: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    station = tmp_path / "station"
    r = run_cli("setup", "--data-dir", str(station), "--platform", platform.url,
                "--enrollment-code", enroll_code(platform), "--station-code", "P002")
    assert r.returncode == 0, r.stderr
    outside = tmp_path / "outside.txt"  # a link out of the data dir is not followed
    outside.write_text("not ours")
    outside.chmod(0o644)
    (station / "link").symlink_to(outside)
    (station / "read-only").write_text("x")
    (station / "read-only").chmod(0o444)
    for path in [station, *station.rglob("*")]:  # as an older version left it
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else path.stat().st_mode | 0o044)
    assert _not_private(station)
    names_before = sorted(p.name for p in station.rglob("*"))
    r = run_cli("clerks", "list", "--data-dir", str(station))
    assert r.returncode == 0, r.stderr
    assert _not_private(station) == {"link": oct(0o777)}  # the link itself: not a mode
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert stat.S_IMODE((station / "read-only").stat().st_mode) == 0o400  # gains nothing
    assert set(names_before) <= {p.name for p in station.rglob("*")}  # nothing renamed
    log = (station / "logs" / "clerks.log").read_text(encoding="utf-8")
    assert "was readable by other users" in log and "made private" in log
    # the kiosk and the clerk tighten it as they open the station (behind their first
    # screen: their start-up loads nothing of sync)
    station.chmod(0o755)
    (station / "config.toml").chmod(0o644)
    open_station(station, with_engine=False).close()
    assert _not_private(station) == {"link": oct(0o777)}
    # a second start finds it private: no walk, no line
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="sync.private_files"):
        assert tighten_data_dir(station) == (0, 0)
    assert not [r for r in caplog.records if r.name == "sync.private_files"]
