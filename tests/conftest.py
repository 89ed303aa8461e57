"""Test-wide settings (headless Qt before anything imports it), shared fixture plugins
and real small file systems for the storage-failure tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# python-escpos rewrites its capabilities pickle in place when it is missing or stale;
# parallel workers (pytest-xdist) importing it at once could read a half-written one.
# Each worker, and the processes it starts, gets its own folder.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER:
    _escpos_dir = Path.home() / ".cache" / "yiwang-escpos" / _WORKER
    _escpos_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(_escpos_dir)

pytest_plugins = ["tests.helpers.sync_fixtures"]


def _mount_tmpfs(mnt: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs (a real full or read-only disk) needs root")
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
        check=False,
    )
    if res.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here (container without CAP_SYS_ADMIN?): {res.stderr}")


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, to fill the disk for real (skips unless root may mount)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    _mount_tmpfs(mnt, "1m")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs that a test may remount read-only (``remount_readonly``)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    _mount_tmpfs(mnt, "16m")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def remount_readonly() -> Callable[[Path], None]:
    """``remount_readonly(small_fs)``: the file system becomes read-only, for real."""

    def remount(mnt: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)

    return remount
