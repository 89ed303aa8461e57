"""Key store, sealed records, the segmented blob format and BlobStore on a real directory."""

from __future__ import annotations

import hashlib
import io
import os
import random
import stat
import threading
from pathlib import Path

import pytest

from sync.blobs import BlobCorrupted, BlobNotFound, BlobStore
from sync.crypto import (
    HEADER_SIZE,
    SEALED_SEGMENT_SIZE,
    SEGMENT_SIZE,
    DecryptionError,
    KeyStore,
)
from ui_shared.error_text import error_text

MARKER = b"PLAINTEXT-MARKER-\xe5\xbc\xa0\xe4\xb8\x89-0123456789"


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_key_store_creates_owner_only_key_once(tmp_path: Path) -> None:
    keys_dir = tmp_path / "keys"
    ks = KeyStore(keys_dir)
    key = ks.data_key()
    assert len(key) == 32
    assert mode(keys_dir) == 0o700
    assert mode(ks.key_path) == 0o600
    assert [p.name for p in keys_dir.iterdir()] == ["data.key"]  # no temp left
    assert KeyStore(keys_dir).data_key() == key  # stable across opens


def test_key_store_concurrent_creation_agrees(tmp_path: Path) -> None:
    results: list[bytes] = []
    barrier = threading.Barrier(4)

    def make() -> None:
        barrier.wait()
        results.append(KeyStore(tmp_path / "keys").data_key())

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1


def test_seal_open_roundtrip_and_aad_binding(tmp_path: Path) -> None:
    ks = KeyStore(tmp_path / "keys")
    sealed = ks.seal(MARKER, b"applicant:u1")
    assert MARKER not in sealed
    assert ks.open(sealed, b"applicant:u1") == MARKER
    with pytest.raises(DecryptionError):
        ks.open(sealed, b"applicant:u2")  # moved to another row
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    with pytest.raises(DecryptionError) as e:
        ks.open(bytes(tampered), b"applicant:u1")
    assert error_text(e.value)


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", KeyStore(tmp_path / "keys"))


def sample(size: int, seed: int = 1) -> bytes:
    rnd = random.Random(seed)
    body = rnd.randbytes(size)
    if size > len(MARKER) * 3:
        at = size // 2
        body = body[:at] + MARKER + body[at + len(MARKER) :]
    return body


def test_put_is_encrypted_on_disk_and_named_by_plaintext_hash(blobs: BlobStore) -> None:
    data = sample(200_000)
    sha = blobs.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    path = blobs.path(sha)
    assert path == blobs.root / sha[:2] / sha
    raw = path.read_bytes()
    assert MARKER not in raw
    assert data[:64] not in raw
    assert blobs.size(sha) == len(data)
    with blobs.open(sha) as r:
        assert r.read() == data
    blobs.verify(sha)
    assert not [p for p in blobs.root.iterdir() if p.name.startswith(".tmp")]


def test_put_is_idempotent_and_keeps_existing_file(blobs: BlobStore) -> None:
    data = sample(70_000)
    sha = blobs.put(data)
    st1 = blobs.path(sha).stat()
    assert blobs.put(data) == sha
    assert blobs.put_stream(io.BytesIO(data)) == sha
    st2 = blobs.path(sha).stat()
    assert (st1.st_ino, st1.st_mtime_ns) == (st2.st_ino, st2.st_mtime_ns)
    assert blobs.all_hashes() == [sha]
    assert not [p for p in blobs.root.iterdir() if p.name.startswith(".tmp")]


@pytest.mark.parametrize(
    "size", [0, 1, SEGMENT_SIZE - 1, SEGMENT_SIZE, SEGMENT_SIZE + 1, 3 * SEGMENT_SIZE, 1_000_003]
)
def test_segment_sizes_roundtrip(blobs: BlobStore, size: int) -> None:
    data = sample(size, seed=size)
    sha = blobs.put_stream(io.BytesIO(data))
    assert sha == hashlib.sha256(data).hexdigest()
    assert blobs.size(sha) == size
    with blobs.open(sha) as r:
        assert r.read() == data
        assert r.read(10) == b""
    blobs.verify(sha)


def test_put_stream_5mb_page_and_random_seeks(blobs: BlobStore) -> None:
    data = sample(5 * 1024 * 1024 + 17, seed=5)
    sha = blobs.put_stream(io.BytesIO(data))
    assert blobs.size(sha) == len(data)
    rnd = random.Random(42)
    with blobs.open(sha) as r:
        assert r.seekable() and r.readable()
        offsets = [0, SEGMENT_SIZE - 1, SEGMENT_SIZE, len(data) - 1, len(data), len(data) + 5]
        offsets += [rnd.randrange(len(data)) for _ in range(60)]
        for off in offsets:
            n = rnd.choice([1, 7, 1000, SEGMENT_SIZE, 3 * SEGMENT_SIZE + 11, 256 * 1024])
            assert r.seek(off) == off
            assert r.tell() == off
            got = r.read(n)
            assert got == data[off : off + n], off
            assert r.tell() == off + len(got)
        r.seek(-10, io.SEEK_END)
        assert r.read() == data[-10:]
        r.seek(100)
        r.seek(50, io.SEEK_CUR)
        buf = bytearray(30)
        assert r.readinto(buf) == 30
        assert bytes(buf) == data[150:180]


def test_missing_blob_is_clear(blobs: BlobStore) -> None:
    sha = "ab" * 32
    assert not blobs.has(sha)
    with pytest.raises(BlobNotFound):
        blobs.open(sha)
    with pytest.raises(BlobNotFound):
        blobs.size(sha)
    with pytest.raises(ValueError):
        blobs.path("../../etc/passwd")


def test_tampered_blob_is_detected(blobs: BlobStore) -> None:
    data = sample(3 * SEGMENT_SIZE + 100, seed=9)
    sha = blobs.put(data)
    path = blobs.path(sha)
    raw = bytearray(path.read_bytes())
    raw[HEADER_SIZE + SEALED_SEGMENT_SIZE + 5] ^= 0x01  # inside segment 1
    path.write_bytes(bytes(raw))
    with pytest.raises(BlobCorrupted) as e:
        blobs.verify(sha)
    assert "损坏" in error_text(e.value)
    with blobs.open(sha) as r:
        assert r.read(100) == data[:100]  # segment 0 is intact
        with pytest.raises(DecryptionError):
            r.seek(SEGMENT_SIZE + 10)
            r.read(10)


def test_truncation_at_segment_boundary_is_detected(blobs: BlobStore) -> None:
    data = sample(3 * SEGMENT_SIZE + 100, seed=10)
    sha = blobs.put(data)
    path = blobs.path(sha)
    with open(path, "r+b") as f:
        f.truncate(HEADER_SIZE + 2 * SEALED_SEGMENT_SIZE)  # drop the last segments cleanly
    with pytest.raises(BlobCorrupted):
        blobs.verify(sha)


def test_swapped_blob_files_fail_verification(blobs: BlobStore) -> None:
    a, b = blobs.put(sample(1000, 1)), blobs.put(sample(1000, 2))
    os.replace(blobs.path(b), blobs.path(a))
    with pytest.raises(BlobCorrupted):
        blobs.verify(a)


def test_blob_from_another_station_key_is_rejected(tmp_path: Path, blobs: BlobStore) -> None:
    sha = blobs.put(sample(5000))
    other = BlobStore(blobs.root, KeyStore(tmp_path / "other-keys"))
    with pytest.raises(BlobCorrupted):
        other.verify(sha)


def test_delete(blobs: BlobStore) -> None:
    sha = blobs.put(b"page")
    assert blobs.delete(sha) is True
    assert not blobs.has(sha)
    assert blobs.delete(sha) is False
