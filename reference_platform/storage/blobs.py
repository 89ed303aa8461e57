"""Blob files: uploads in progress per station, verified content shared by hash.

Layout beside the database::

    blobs/complete/ab/<sha>           verified content (content-addressed)
    blobs/partial/<station_id>/<sha>  one station's upload in progress (size = offset)
    blobs/tmp/                        chunks being received (appended once they verify)

A station sees only its own uploads: another station's partial upload, and content it
never uploaded itself, are absent to it (a HEAD cannot probe what others sent).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reference_platform.storage.db import Database, fsync_dir, private_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    complete: bool
    offset: int
    length: int | None


class Blobs:
    def __init__(self, db: Database, root: Path) -> None:
        self.db = db
        self.complete_dir = private_dir(root / "complete")
        self.partial_dir = private_dir(root / "partial")
        self.tmp_dir = private_dir(root / "tmp")
        private_dir(root)
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def clear_tmp(self) -> None:
        """Remove chunks a previous server left half received (only at server start: a
        running server's chunks live here, and ``issue-code`` opens the store too)."""
        for leftover in self.tmp_dir.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()

    def lock(self, station_id: str, sha: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault((station_id, sha), threading.Lock())

    def complete_path(self, sha: str) -> Path:
        return self.complete_dir / sha[:2] / sha

    def partial_path(self, station_id: str, sha: str) -> Path:
        return self.partial_dir / station_id / sha

    def new_tmp_path(self, sha: str) -> Path:
        return self.tmp_dir / f"{sha}.{secrets.token_hex(8)}"

    # -- what a station sees -------------------------------------------------------------

    def is_verified(self, sha: str) -> bool:
        return self.complete_path(sha).exists()

    def owns(self, station_id: str, sha: str) -> bool:
        return self.is_verified(sha) and self.db.one(
            "SELECT 1 AS x FROM blob_owners WHERE sha256 = ? AND station_id = ?",
            [sha, station_id],
        ) is not None

    def info(self, station_id: str, sha: str) -> BlobInfo | None:
        """This station's view of a blob: complete (it uploaded it), partial, or None."""
        if self.owns(station_id, sha):
            size = self.complete_path(sha).stat().st_size
            return BlobInfo(sha, True, size, size)
        row = self.db.one(
            "SELECT length FROM partial_blobs WHERE station_id = ? AND sha256 = ?",
            [station_id, sha],
        )
        if row is None:
            return None
        partial = self.partial_path(station_id, sha)
        offset = partial.stat().st_size if partial.exists() else 0
        return BlobInfo(sha, False, offset, int(row["length"]))

    def present(self, sha: str) -> bool:
        return self.is_verified(sha) or self.db.one(
            "SELECT 1 AS x FROM partial_blobs WHERE sha256 = ?", [sha]
        ) is not None

    # -- upload --------------------------------------------------------------------------

    def begin(self, station_id: str, sha: str, length: int, now: float) -> None:
        with self.db.tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO partial_blobs(station_id, sha256, length, started_at)"
                " VALUES (?, ?, ?, ?)", [station_id, sha, length, now],
            )
        partial = self.partial_path(station_id, sha)
        private_dir(partial.parent)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)

    def append(self, station_id: str, sha: str, chunk_path: Path) -> int:
        """Append a received chunk to the station's upload; returns the new offset."""
        partial = self.partial_path(station_id, sha)
        with open(partial, "ab") as out, open(chunk_path, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
            return out.tell()

    def finish(self, station_id: str, sha: str) -> bool:
        """Verify a fully received upload; keep it on a match, discard it otherwise."""
        partial = self.partial_path(station_id, sha)
        digest = hashlib.sha256()
        with open(partial, "rb") as f:
            while block := f.read(1024 * 1024):
                digest.update(block)
        if digest.hexdigest() != sha:
            log.warning("blob %s from %s failed verification; discarded", sha, station_id)
            self.discard(station_id, sha)
            return False
        target = self.complete_path(sha)
        private_dir(target.parent)
        if target.exists():
            partial.unlink()  # the same verified content is already here
        else:
            os.replace(partial, target)
            with contextlib.suppress(OSError):
                fsync_dir(target.parent)
        with self.db.tx() as conn:
            conn.execute("DELETE FROM partial_blobs WHERE station_id = ? AND sha256 = ?",
                         [station_id, sha])
            conn.execute("INSERT OR IGNORE INTO blob_owners(sha256, station_id) VALUES (?, ?)",
                         [sha, station_id])
        return True

    def discard(self, station_id: str, sha: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.partial_path(station_id, sha).unlink()
        with self.db.tx() as conn:
            conn.execute("DELETE FROM partial_blobs WHERE station_id = ? AND sha256 = ?",
                         [station_id, sha])

    def expire_partials(self, started_before: float) -> int:
        """Drop uploads started before ``started_before``; returns how many."""
        stale = self.db.all(
            "SELECT station_id, sha256 FROM partial_blobs WHERE started_at < ?",
            [started_before],
        )
        for row in stale:
            with self.lock(row["station_id"], row["sha256"]):
                self.discard(row["station_id"], row["sha256"])
        if stale:
            log.info("expired %d partial upload(s)", len(stale))
        return len(stale)

    def expire_one(self, station_id: str, sha: str, started_before: float) -> None:
        """Drop this station's upload of ``sha`` when it is stale (checked on access)."""
        row = self.db.one(
            "SELECT started_at FROM partial_blobs WHERE station_id = ? AND sha256 = ?",
            [station_id, sha],
        )
        if row is not None and row["started_at"] < started_before:
            self.discard(station_id, sha)

    def open(self, sha: str) -> BinaryIO:
        return open(self.complete_path(sha), "rb")
