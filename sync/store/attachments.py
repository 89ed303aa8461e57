"""Page images: the encrypted blob files the submissions reference by SHA-256."""

from __future__ import annotations

from typing import BinaryIO, cast

from sync.store.core import StoreCore


class AttachmentsPart(StoreCore):
    def put_blob(self, data: bytes) -> str:
        return self.blobs.put(data)

    def put_blob_stream(self, fileobj: BinaryIO) -> str:
        return self.blobs.put_stream(fileobj)

    def open_blob(self, sha: str) -> BinaryIO:
        """A seekable plaintext reader (a :class:`sync.crypto.BlobReader`)."""
        return cast(BinaryIO, self.blobs.open(sha))

    def blob_size(self, sha: str) -> int:
        return self.blobs.size(sha)

    def has_blob(self, sha: str) -> bool:
        return self.blobs.has(sha)

    def verify_blob(self, sha: str) -> None:
        self.blobs.verify(sha)
