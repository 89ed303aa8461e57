"""The station's one way to put a file in place so that a crash leaves the old
file or the new one, never a torn one: write a temporary file next to it,
fsync it, rename it over the target, fsync the directory.

Everything on the station side that replaces a file whole (configuration,
credentials, the catalog, blobs, database backups and restores, doctor
bundles) goes through :func:`publish`; the reference platform keeps its own
(it may import only ``wire``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = [
    "fsync_dir",
    "fsync_file",
    "publish",
    "replacing",
    "temp_name",
    "write_private_file",
]


def fsync_dir(path: Path) -> None:
    """fsync a directory so a rename/creation inside it is durable."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """fsync a file someone else wrote and closed (SQLite, zipfile)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(
    tmp: Path, final: Path, *, synced: bool = False, also_sync: Iterable[Path] = ()
) -> None:
    """Put the finished temporary file `tmp` in place of `final`, durably: fsync
    it (unless the writer already did, `synced`), rename it, fsync the target's
    directory and `also_sync` ones. On any failure `tmp` is removed."""
    try:
        if not synced:
            fsync_file(tmp)
        os.replace(tmp, final)
        fsync_dir(final.parent)
        for folder in also_sync:
            fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def temp_name(final: Path) -> Path:
    """A fresh hidden name beside `final` (same file system, so the rename is atomic)."""
    return final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")


@contextlib.contextmanager
def replacing(final: Path, *, synced: bool = False) -> Iterator[Path]:
    """``with replacing(out) as tmp: <write tmp>``: when the block ends normally,
    `tmp` is published over `out` (`synced`: the block fsync'd it already); when
    it raises, `tmp` is removed."""
    tmp = temp_name(final)
    try:
        yield tmp
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    publish(tmp, final, synced=synced)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600."""
    with replacing(path, synced=True) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)  # O_CREAT's mode is filtered by the umask
