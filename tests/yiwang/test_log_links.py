"""A link planted in the data dir where a log file or the log folder goes is never
followed: a command a technician runs as root (`sudo yiwang doctor`) would append its
lines to, and chmod, whatever the link points at (/etc/passwd). No log file then, one
line on stderr; no traceback. The same for the files the store makes private."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.private_files import make_private
from yiwang import logs


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Path]:
    d = tmp_path / "station"
    d.mkdir(mode=0o700)
    yield d
    logs.configure("INFO", None)  # release the file handlers


def _outside(tmp_path: Path) -> Path:
    target = tmp_path / "passwd"
    target.write_text("root:x:0:0::/root:/bin/sh\n")
    target.chmod(0o644)
    return target


def _file_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]


@pytest.mark.parametrize("kind", ["symbolic", "hard"])
def test_a_log_file_that_is_a_link_is_not_followed(
    station: Path, tmp_path: Path, kind: str
) -> None:
    """A hard link is another name of the target: written, and chmod-ed, through it
    where the kernel does not protect links (fs.protected_hardlinks=0)."""
    target = _outside(tmp_path)
    (station / "logs").mkdir(mode=0o700)
    if kind == "symbolic":
        (station / "logs" / "doctor.log").symlink_to(target)
    else:
        os.link(target, station / "logs" / "doctor.log")
    logs.configure("INFO", station, name="doctor")
    logging.getLogger("yiwang").warning("x::0:0::/root:/bin/sh")
    for h in logging.getLogger().handlers:
        h.flush()
    assert target.read_text() == "root:x:0:0::/root:/bin/sh\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert _file_handlers() == []


def test_a_log_folder_that_is_a_link_is_not_chmod_ed(station: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)  # whatever the process's umask (the CLI's own is 0077)
    (station / "logs").symlink_to(elsewhere)
    logs.configure("INFO", station, name="doctor")
    logging.getLogger("yiwang").warning("a line")
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755
    assert list(elsewhere.iterdir()) == [] and _file_handlers() == []


def test_a_fifo_in_the_log_file_s_place_is_not_waited_on(station: Path) -> None:
    (station / "logs").mkdir(mode=0o700)
    os.mkfifo(station / "logs" / "doctor.log")
    logs.configure("INFO", station, name="doctor")  # returned: no reader was waited for
    assert _file_handlers() == []


def test_make_private_leaves_a_link_s_target_alone(tmp_path: Path) -> None:
    target = _outside(tmp_path)
    link = tmp_path / "station.db-wal"
    link.symlink_to(target)
    make_private(link)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    plain = tmp_path / "station.db"
    plain.write_text("db")
    plain.chmod(0o644)
    make_private(plain)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o600

