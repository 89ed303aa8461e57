"""Station key material and at-rest encryption.

Two formats, both AES-256-GCM with the station's data key:

* **Sealed records** (small values such as an applicant's personal data kept in
  a SQLite column): ``b"\\x01" + nonce(12) + ciphertext||tag``, with caller
  supplied associated data (e.g. the submission uuid) so a sealed value cannot
  be moved to another row unnoticed.

* **Segmented blob files** (captured pages, a few MB each) so a page is never
  held whole in memory and any plaintext offset can be read without decrypting
  everything before it::

      header  = MAGIC(4) "YWB\\x00" | VERSION(1) | SEGMENT_SHIFT(1) | BASE_NONCE(8)
      segment = AES-GCM(key, nonce = BASE_NONCE || index (4 bytes BE),
                        plaintext <= 64 KiB, aad = header || index (8 BE) || last (1))

  Every segment but the last holds exactly ``SEGMENT_SIZE`` plaintext bytes; the
  last one holds 0..SEGMENT_SIZE bytes and carries ``last=1`` in its associated
  data, so cutting the file at a segment boundary (truncation) or appending to
  it fails authentication. The plaintext size follows from the file size alone
  (every segment adds a 16-byte tag), so ``size()`` needs no decryption.

The key lives in ``data_dir/keys/data.key`` (dir 0700, file 0600), apart from
the database, so a copied ``station.db`` alone reveals no personal data.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import secrets
import stat
import struct
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coded_errors import CodedError, Param

# re-exported for the modules that have always imported them from here
from sync.durable import fsync_dir as fsync_dir
from sync.durable import temp_name
from sync.durable import write_private_file as write_private_file
from sync.private_files import private_dir

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

log = logging.getLogger(__name__)

KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
SEALED_VERSION = 1

BLOB_MAGIC = b"YWB\x00"
BLOB_VERSION = 1
SEGMENT_SHIFT = 16
SEGMENT_SIZE = 1 << SEGMENT_SHIFT  # 64 KiB of plaintext per segment
BASE_NONCE_SIZE = 8
HEADER_SIZE = len(BLOB_MAGIC) + 1 + 1 + BASE_NONCE_SIZE  # 14
SEALED_SEGMENT_SIZE = SEGMENT_SIZE + TAG_SIZE
MAX_SEGMENTS = 1 << 32


class StorageError(CodedError):
    """Base for local storage failures: a code of the "storage" family (each class's
    ``code``), worded by the front end (ui_shared.error_text); ``str(error)`` is an
    English detail for logs."""

    family = "storage"
    code = "storage_error"

    def __init__(self, detail_en: str, *, params: Mapping[str, Param] | None = None) -> None:
        super().__init__(type(self).code, detail_en, params=params)


class KeyFileError(StorageError):
    """The key file is missing, unreadable or malformed."""

    code = "key_error"


class DecryptionError(StorageError):
    """Authentication failed: wrong key, tampering, truncation or corruption."""

    code = "decryption_failed"


def load_or_create_key(path: Path) -> bytes:
    """The 32-byte key in ``path`` (mode 0600), created atomically if absent."""
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = secrets.token_bytes(KEY_SIZE)
        # O_EXCL-like semantics across processes: write to a temp name and
        # link it into place; whoever links first wins, the others re-read.
        tmp = temp_name(path)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(key)
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(tmp, path)
                log.info("created station key %s", path)
            except FileExistsError:
                key = path.read_bytes()
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        fsync_dir(path.parent)
    except OSError as e:
        raise KeyFileError(f"cannot read key file {path}: {e}") from e
    if len(key) != KEY_SIZE:
        raise KeyFileError(f"key file {path} has {len(key)} bytes, expected {KEY_SIZE}")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("key file %s had mode %o; tightening to 0600", path, mode)
        path.chmod(0o600)
    return key


class KeyStore:
    """The station's key material, kept in its own owner-only directory.

    ``KeyStore(data_dir / "keys")``. The data key is created on first use.
    Other secrets (platform credentials) may live in the same directory; see
    ``sync.config``.
    """

    DATA_KEY = "data.key"

    def __init__(self, keys_dir: Path) -> None:
        self.dir = Path(keys_dir)
        private_dir(self.dir)
        self._key: bytes | None = None
        self._aead: AESGCM | None = None

    @property
    def key_path(self) -> Path:
        return self.dir / self.DATA_KEY

    def data_key(self) -> bytes:
        """The 32-byte AES key, created (0600, atomically) if absent."""
        if self._key is None:
            self._key = self._load_or_create()
        return self._key

    def _load_or_create(self) -> bytes:
        return load_or_create_key(self.key_path)

    def named_key(self, name: str) -> bytes:
        """Another 32-byte station key in the same directory (e.g. ``audit.key``),
        created on first use exactly like the data key."""
        if not name.endswith(".key") or "/" in name or name.startswith("."):
            raise ValueError(f"bad key file name {name!r}")
        return load_or_create_key(self.dir / name)

    def aead(self) -> AESGCM:
        if self._aead is None:
            self._aead = AESGCM(self.data_key())
        return self._aead

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        """Encrypt a small record. Output: version(1) | nonce(12) | ciphertext+tag."""
        nonce = secrets.token_bytes(NONCE_SIZE)
        return bytes([SEALED_VERSION]) + nonce + self.aead().encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        """Decrypt a record made by :meth:`seal` with the same ``aad``."""
        if len(sealed) < 1 + NONCE_SIZE + TAG_SIZE or sealed[0] != SEALED_VERSION:
            raise DecryptionError("sealed record is malformed")
        nonce = sealed[1 : 1 + NONCE_SIZE]
        try:
            return self.aead().decrypt(nonce, sealed[1 + NONCE_SIZE :], aad)
        except InvalidTag as e:
            raise DecryptionError("sealed record failed authentication") from e


# --- segmented blob format -------------------------------------------------


def _segment_nonce(base: bytes, index: int) -> bytes:
    return base + struct.pack(">I", index)


def _segment_aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if last else 0)


def new_header() -> bytes:
    return BLOB_MAGIC + bytes([BLOB_VERSION, SEGMENT_SHIFT]) + secrets.token_bytes(BASE_NONCE_SIZE)


def parse_header(header: bytes) -> bytes:
    """Validate a blob header, return its base nonce."""
    if len(header) != HEADER_SIZE or header[:4] != BLOB_MAGIC:
        raise DecryptionError("not an encrypted blob file (bad magic)")
    if header[4] != BLOB_VERSION or header[5] != SEGMENT_SHIFT:
        raise DecryptionError(f"unsupported blob format version {header[4]}/{header[5]}")
    return header[6:]


def plaintext_size(file_size: int) -> int:
    """Plaintext length of a blob file of ``file_size`` bytes (no decryption)."""
    body = file_size - HEADER_SIZE
    if body < TAG_SIZE:
        raise DecryptionError(f"blob file too short ({file_size} bytes)")
    segments = -(-body // SEALED_SEGMENT_SIZE)  # ceil
    last = body - (segments - 1) * SEALED_SEGMENT_SIZE
    if last < TAG_SIZE:
        raise DecryptionError("blob file has a torn final segment")
    return body - segments * TAG_SIZE


class SegmentWriter:
    """Encrypts a plaintext stream into the segmented format, writing to ``out``.

    Holds at most one segment (64 KiB) of plaintext. ``write`` any amount, then
    ``finish()`` exactly once (it seals the final, possibly empty, segment).
    """

    def __init__(self, aead: AESGCM, out: BinaryIO) -> None:
        self._aead = aead
        self._out = out
        self._header = new_header()
        self._base = self._header[6:]
        self._index = 0
        self._pending = bytearray()
        out.write(self._header)

    def write(self, data: ReadableBuffer) -> None:
        self._pending += data
        # Keep the trailing full segment back: it may turn out to be the last one.
        while len(self._pending) > SEGMENT_SIZE:
            self._seal(bytes(self._pending[:SEGMENT_SIZE]), last=False)
            del self._pending[:SEGMENT_SIZE]

    def finish(self) -> None:
        self._seal(bytes(self._pending), last=True)
        self._pending.clear()

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        if self._index >= MAX_SEGMENTS:
            raise StorageError("blob too large for the segment format")
        nonce = _segment_nonce(self._base, self._index)
        aad = _segment_aad(self._header, self._index, last)
        self._out.write(self._aead.encrypt(nonce, chunk, aad))
        self._index += 1


class BlobReader(io.BufferedIOBase):
    """Read-only, seekable, file-like view of a blob's plaintext.

    Decrypts one 64 KiB segment at a time on demand; ``seek`` to any plaintext
    offset is O(1). Any authentication failure raises :class:`DecryptionError`.
    """

    def __init__(self, path: Path, aead: AESGCM) -> None:
        super().__init__()
        self.path = Path(path)
        self._f = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        try:
            self._header = self._f.read(HEADER_SIZE)
            self._base = parse_header(self._header)
            self._size = plaintext_size(os.fstat(self._f.fileno()).st_size)
        except BaseException:
            self._f.close()
            raise
        self._aead = aead
        self._pos = 0
        self._seg_index = -1
        self._seg = b""
        # An exact multiple of SEGMENT_SIZE has no trailing empty segment (see SegmentWriter).
        self._nsegments = max(1, -(-self._size // SEGMENT_SIZE))

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def tell(self) -> int:
        self._check_open()
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._check_open()
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self._size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def _segment(self, index: int) -> bytes:
        if index == self._seg_index:
            return self._seg
        last = index == self._nsegments - 1
        self._f.seek(HEADER_SIZE + index * SEALED_SEGMENT_SIZE)
        sealed = self._f.read(SEALED_SEGMENT_SIZE)
        try:
            plain = self._aead.decrypt(
                _segment_nonce(self._base, index), sealed, _segment_aad(self._header, index, last)
            )
        except InvalidTag as e:
            raise DecryptionError(
                f"blob {self.path.name}: segment {index} failed authentication"
            ) from e
        self._seg_index, self._seg = index, plain
        return plain

    def read(self, size: int | None = -1) -> bytes:
        self._check_open()
        if size is None or size < 0:
            size = max(0, self._size - self._pos)
        out = bytearray()
        while size > 0 and self._pos < self._size:
            index, within = divmod(self._pos, SEGMENT_SIZE)
            seg = self._segment(index)
            piece = seg[within : within + size]
            if not piece:  # pragma: no cover - size/segment mismatch means corruption
                raise DecryptionError(f"blob {self.path.name}: segment {index} is short")
            out += piece
            self._pos += len(piece)
            size -= len(piece)
        return bytes(out)

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def iter_chunks(self, chunk_size: int = SEGMENT_SIZE) -> Iterator[bytes]:
        while True:
            chunk = self.read(chunk_size)
            if not chunk:
                return
            yield chunk

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed blob reader")

    def close(self) -> None:
        if not self.closed:
            self._f.close()
            self._seg = b""
        super().close()
