"""Review #14 (technician): a station that has just started for the first time has no
backup yet; doctor says so as information, not as a failure, until the backup
interval has passed (or a case was accepted)."""

from __future__ import annotations

import time
from pathlib import Path

from station.context import open_station
from sync.store import DB_FILENAME, list_backups
from yiwang.doctor import DoctorOptions, run_doctor
from yiwang.doctor.local_checks import check_backups


def first_start(station: Path) -> None:
    services = open_station(station, with_engine=False)
    services.close()
    assert (station / DB_FILENAME).exists()
    assert not list_backups(station / "backups")


def test_fresh_station_passes_the_backups_check(station: Path) -> None:
    first_start(station)
    checks = {c.name: c for c in run_doctor(station, DoctorOptions(devices=False))}
    assert checks["backups"].ok, checks["backups"]
    assert "no backup yet" in checks["backups"].detail
    assert all(c.ok for c in checks.values()), [c for c in checks.values() if not c.ok]


def test_no_backup_after_the_interval_fails(station: Path) -> None:
    first_start(station)
    later = check_backups(station, now=time.time() + 3 * 3600)
    assert not later.ok and "no database backup" in later.detail
    assert "backup_dir" in later.fix
