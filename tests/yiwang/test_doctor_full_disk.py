"""Review #14 (technician): on a full disk doctor names the full disk (ENOSPC), how much
is free and what to do (free space); it no longer calls the database unreadable and
sends the technician to `yiwang recover`. A real 16 MiB tmpfs, filled for real."""

from __future__ import annotations

import os
from pathlib import Path

from tests.yiwang.test_data_safety_cli import make_station
from yiwang.doctor import DoctorOptions
from yiwang.doctor.local_checks import local_checks


def fill(mount: Path) -> None:
    try:
        with open(mount / "filler", "wb") as f:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
                os.fsync(f.fileno())
    except OSError as e:
        assert e.errno == 28  # ENOSPC: the disk is full now


def test_full_disk_is_named_with_free_space_not_recover(small_fs: Path) -> None:
    station = small_fs / "station"
    make_station(station)
    assert not Path(f"{station}/station.db-shm").exists()  # as a closed station leaves it
    fill(small_fs)
    checks = {c.name: c for c in local_checks(station, DoctorOptions(min_free_bytes=1024))}
    for name in ("database", "queue", "disk"):
        check = checks[name]
        assert not check.ok, check
        assert "full (ENOSPC)" in check.detail and "free" in check.detail, check
        assert check.detail.count("No space left") == 0, check
        assert "free space on the file system" in check.fix, check
        assert "yiwang recover --data-dir" not in check.fix, check
    assert "do not run `yiwang recover`" in checks["database"].detail
    assert "0 bytes free" in checks["database"].detail or "kB free" in checks["database"].detail
    (small_fs / "filler").unlink()  # room again: the same database is fine
    after = {c.name: c for c in local_checks(station, DoctorOptions(min_free_bytes=1024))}
    assert after["database"].ok and after["queue"].ok and after["disk"].ok
