"""An older data directory is tightened at start even when only its files are loose
(an installer made the top 0700 again) or when it is reached through a link the
technician made; links inside it are never followed."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from sync.private_files import private_own_dir, tighten_data_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _older_station(root: Path) -> Path:
    station = root / "station"
    (station / "logs").mkdir(parents=True)
    for name in ["config.toml", "station.db", "logs/clerk.log", "logs/clerk.log.1"]:
        (station / name).write_text("personal")
        (station / name).chmod(0o644)
    (station / "logs").chmod(0o755)
    return station


def test_loose_files_under_a_top_made_private_again_are_tightened(tmp_path: Path) -> None:
    station = _older_station(tmp_path)
    station.chmod(0o700)  # deploy/install.sh's `install -d -m 0700` on an update
    outside = tmp_path / "outside"
    outside.mkdir()
    outside.chmod(0o755)  # whatever the process umask
    (station / "elsewhere").symlink_to(outside)

    assert tighten_data_dir(station) == (1, 4)

    assert _mode(station / "config.toml") == 0o600 and _mode(station / "station.db") == 0o600
    assert _mode(station / "logs") == 0o700 and _mode(station / "logs/clerk.log.1") == 0o600
    assert _mode(outside) == 0o755  # a link in the data dir is not followed
    assert tighten_data_dir(station) == (0, 0)  # private now: no walk


def test_a_data_dir_reached_through_a_link_is_tightened(tmp_path: Path) -> None:
    station = _older_station(tmp_path / "disk")
    station.chmod(0o755)
    link = tmp_path / "yiwang"
    link.symlink_to(station)

    assert tighten_data_dir(link) == (2, 4)

    assert _mode(station) == 0o700 and _mode(station / "config.toml") == 0o600


def test_a_data_dir_link_that_loops_changes_nothing_and_raises_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert tighten_data_dir(tmp_path / "a") == (0, 0)


def test_a_file_made_a_link_while_the_walk_runs_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a command run as root tightens the service user's data dir: the service user (or
    # whoever may write there) swaps a file for a link to /etc/shadow between the look
    # and the chmod; the look is played here by a stat that still sees the old file
    station = _older_station(tmp_path)
    station.chmod(0o755)
    target = tmp_path / "shadow"
    target.write_text("root:*:")
    target.chmod(0o640)
    swapped = station / "logs" / "clerk.log.1"
    was = swapped.stat()
    swapped.unlink()
    swapped.symlink_to(target)
    real_stat = os.stat

    def stale_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(path).endswith("clerk.log.1") and not kwargs.get("follow_symlinks", True):
            return was
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stale_stat)
    tighten_data_dir(station)
    monkeypatch.undo()
    assert _mode(target) == 0o640
    assert _mode(station / "config.toml") == 0o600 and swapped.is_symlink()


def test_a_folder_of_the_station_s_own_is_never_made_private_through_a_link(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)
    (tmp_path / "station").mkdir()
    (tmp_path / "station" / "logs").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OSError) as e:
        private_own_dir(tmp_path / "station" / "logs")
    assert e.value.errno == errno.ELOOP
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755
    made = private_own_dir(tmp_path / "station" / "reports")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
