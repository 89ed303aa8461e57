"""Rolling online backups of ``station.db`` into a second folder (another disk, ideally).

The SQLite backup API copies a consistent snapshot while the station keeps
working (in WAL mode a reader blocks no writer). Each copy is written to a
temporary name, checked, fsync'd and renamed, so a folder never holds a
half-written generation under a real name; the newest ``keep`` are kept.

:class:`BackupScheduler` runs them on its own thread: every ``every`` seconds,
and shortly after a batch of accepts (:meth:`BackupScheduler.note_accept`), so a
lost disk costs at most the accepts of the last few seconds — and those are
still in the platform's hands once delivered (see :mod:`sync.store.recovery`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sync.durable import publish
from sync.private_files import make_private, private_dir

log = logging.getLogger("sync.store")

__all__ = ["BackupScheduler", "BackupSettings", "backup_database", "list_backups"]

PREFIX = "station-"
SUFFIX = ".db"


@dataclass(frozen=True)
class BackupSettings:
    """Where and how often; ``folder`` None means ``<data-dir>/backups``."""

    folder: Path | None = None
    every_minutes: float = 10.0
    keep: int = 12
    #: after an accept, wait this long for the batch to end before copying
    settle_seconds: float = 2.0

    def folder_for(self, data_dir: Path) -> Path:
        return self.folder if self.folder is not None else Path(data_dir) / "backups"


def list_backups(folder: Path) -> list[Path]:
    """Complete generations in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX) and p.is_file()
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_database(db_path: Path, folder: Path, *, keep: int, now: datetime | None = None) -> Path:
    """Copy ``db_path`` (a live WAL database) into ``folder``; prune to ``keep``."""
    private_dir(folder)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")
    final = folder / f"{PREFIX}{stamp}{SUFFIX}"
    tmp = folder / f".{final.name}.{os.getpid()}.tmp"
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=15)
    try:
        dst = sqlite3.connect(tmp)
        try:
            # one step: a consistent snapshot under one read transaction
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode = DELETE")
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    try:
        if ok != "ok":
            raise sqlite3.DatabaseError(f"backup copy failed its check: {ok}")
        make_private(tmp)  # personal data, whatever the umask (sync.private_files)
        publish(tmp, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    for old in list_backups(folder)[max(keep, 1) :]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    log.info("backed up %s to %s", db_path.name, final)
    return final


class BackupScheduler:
    """Backs up a store's database periodically and after accept batches, on one
    daemon thread; failures are logged (a backup is never worth stopping a window)."""

    def __init__(
        self,
        db_path: Path,
        folder: Path,
        settings: BackupSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        on_backup: Callable[[Path], None] | None = None,
    ) -> None:
        self.db_path = db_path
        self.folder = folder
        self.settings = settings
        self.clock = clock
        self.on_backup = on_backup
        self.last_error: str | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._accepted_at: float | None = None
        self._last_backup = clock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="store-backup", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def note_accept(self) -> None:
        self._accepted_at = self.clock()
        self._wake.set()

    def due_in(self) -> float:
        """Seconds until the next backup is due (0: now)."""
        now = self.clock()
        periodic = self._last_backup + self.settings.every_minutes * 60.0 - now
        if self._accepted_at is not None:
            periodic = min(periodic, self._accepted_at + self.settings.settle_seconds - now)
        return max(periodic, 0.0)

    def run_due(self) -> Path | None:
        """Back up if due; the loop calls it, tests may too."""
        if self.due_in() > 0:
            return None
        self._accepted_at = None
        self._last_backup = self.clock()
        try:
            path = backup_database(self.db_path, self.folder, keep=self.settings.keep)
        except (OSError, sqlite3.Error) as e:
            self.last_error = str(e)
            log.error("backup of %s to %s failed: %s", self.db_path, self.folder, e)
            return None
        self.last_error = None
        if self.on_backup is not None:
            self.on_backup(path)
        return path

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_due()
            self._wake.wait(timeout=max(self.due_in(), 0.05))
            self._wake.clear()
