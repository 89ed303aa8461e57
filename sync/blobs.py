"""Content-addressed, encrypted blob files (captured pages).

Layout: ``blobs/ab/abcdef…`` named by the SHA-256 of the *plaintext*; each file
is in the segmented AES-GCM format of :mod:`sync.crypto`. Writes go to a temp
file in the blob directory, are fsynced, renamed into place and the directory
is fsynced, so a crash leaves either the whole blob or nothing (plus, at worst,
a stale ``.tmp`` file that :meth:`BlobStore.cleanup_temp` removes).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import logging
import os
import re
import secrets
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from sync.crypto import (
    BlobReader,
    DecryptionError,
    KeyStore,
    SegmentWriter,
    StorageError,
    plaintext_size,
)
from sync.durable import fsync_dir, publish

log = logging.getLogger(__name__)

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_TEMP_PREFIX = ".tmp-"
READ_SIZE = 256 * 1024

class StorageFullError(StorageError):
    """The disk (or quota) is full; nothing partial was left behind."""

    code = "storage_full"


class BlobNotFound(StorageError):
    code = "blob_not_found"

    def __init__(self, sha: str) -> None:
        super().__init__(f"blob {sha} not found")
        self.sha = sha


class BlobCorrupted(StorageError):
    code = "blob_corrupted"

    def __init__(self, sha: str, why: str) -> None:
        super().__init__(f"blob {sha} is corrupted: {why}")
        self.sha = sha


def is_full_disk(e: BaseException) -> bool:
    return isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT)


def check_sha(sha: str) -> str:
    if not isinstance(sha, str) or not _SHA_RE.fullmatch(sha):
        raise ValueError(f"not a lower-case sha256 hex digest: {sha!r}")
    return sha


class BlobStore:
    """Encrypted content-addressed blob files under ``root``."""

    def __init__(self, root: Path, keys: KeyStore) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._keys = keys

    # -- paths -------------------------------------------------------------

    def path(self, sha: str) -> Path:
        check_sha(sha)
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    # -- writing -----------------------------------------------------------

    def put(self, data: bytes) -> str:
        """Store ``data``; return its SHA-256. Idempotent: an existing blob is kept."""
        sha = hashlib.sha256(data).hexdigest()
        if self.has(sha):
            return sha
        self._write(io.BytesIO(data), expected_sha=sha)
        return sha

    def put_stream(self, fileobj: BinaryIO) -> str:
        """Store everything readable from ``fileobj``; return the plaintext SHA-256."""
        return self._write(fileobj, expected_sha=None)

    def _write(self, src: BinaryIO, *, expected_sha: str | None) -> str:
        tmp = self.root / f"{_TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
        hasher = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                writer = SegmentWriter(self._keys.aead(), out)
                while True:
                    chunk = src.read(READ_SIZE)
                    if not chunk:
                        break
                    hasher.update(chunk)
                    writer.write(chunk)
                writer.finish()
                out.flush()
                os.fsync(out.fileno())
            sha = hasher.hexdigest()
            if expected_sha is not None and sha != expected_sha:  # pragma: no cover
                raise StorageError(f"blob changed while writing ({expected_sha} -> {sha})")
            final = self.path(sha)
            if final.exists():
                tmp.unlink()
                return sha
            final.parent.mkdir(exist_ok=True, mode=0o700)
            publish(tmp, final, synced=True, also_sync=(self.root,))
            return sha
        except BaseException as e:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if is_full_disk(e):
                raise StorageFullError(f"disk full while writing a blob: {e}") from e
            raise

    # -- reading -----------------------------------------------------------

    def open(self, sha: str) -> BlobReader:
        """A seekable reader of the plaintext; raises :class:`BlobNotFound`."""
        try:
            return BlobReader(self.path(sha), self._keys.aead())
        except FileNotFoundError as e:
            raise BlobNotFound(sha) from e
        except DecryptionError as e:
            raise BlobCorrupted(sha, str(e)) from e

    def size(self, sha: str) -> int:
        """Plaintext size in bytes, from the file size (nothing is decrypted)."""
        try:
            return plaintext_size(self.path(sha).stat().st_size)
        except FileNotFoundError as e:
            raise BlobNotFound(sha) from e
        except DecryptionError as e:
            raise BlobCorrupted(sha, str(e)) from e

    def verify(self, sha: str) -> None:
        """Decrypt the whole blob and re-hash it; raise :class:`BlobCorrupted` on mismatch."""
        hasher = hashlib.sha256()
        try:
            with self.open(sha) as r:
                for chunk in r.iter_chunks():
                    hasher.update(chunk)
        except DecryptionError as e:
            raise BlobCorrupted(sha, str(e)) from e
        if hasher.hexdigest() != sha:
            raise BlobCorrupted(sha, f"content hashes to {hasher.hexdigest()}")

    # -- removal -----------------------------------------------------------

    def delete(self, sha: str, *, durable: bool = True) -> bool:
        """Remove a blob (retention purge). Returns False when it was already gone.
        ``durable=False`` skips the directory fsync (a batch calls :meth:`sync_dirs`
        once afterwards, outside its database lock)."""
        path = self.path(sha)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        if durable:
            with contextlib.suppress(OSError):
                fsync_dir(path.parent)
        return True

    def sync_dirs(self, shas: Iterable[str]) -> None:
        """fsync the shard directories of ``shas`` (after a batch of deletes)."""
        for parent in sorted({self.path(sha).parent for sha in shas}):
            with contextlib.suppress(OSError):
                fsync_dir(parent)

    def all_hashes(self) -> list[str]:
        out: list[str] = []
        for shard in sorted(self.root.iterdir()):
            if shard.is_dir() and len(shard.name) == 2:
                out.extend(p.name for p in sorted(shard.iterdir()) if _SHA_RE.fullmatch(p.name))
        return out

    def cleanup_temp(self, older_than_s: float = 3600.0) -> int:
        """Remove temp files left by crashed writers (only old ones: others may be live)."""
        removed = 0
        cutoff = time.time() - older_than_s
        for p in self.root.glob(f"{_TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                if p.stat().st_mtime < cutoff:
                    p.unlink()
                    removed += 1
        return removed
