"""Personal data at rest: AES-256-GCM with a key file beside the database.

The key lives in ``<db>.key`` (0600), apart from the database, so a copied database
alone reveals no applicant. Sealed text is ``"v1:" + base64(nonce || ciphertext)``; the
associated data binds it to its row, so a sealed value cannot be moved to another row.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "v1:"
KEY_BYTES = 32
NONCE_BYTES = 12


class SealError(Exception):
    """Sealed data that does not open with this platform's key."""


def load_or_create_key(path: Path) -> bytes:
    """Read the key file, or create it 0600 when absent (never overwrite one)."""
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
            f.flush()
            os.fsync(f.fileno())
        return key
    if len(key) != KEY_BYTES:
        raise SealError(f"{path} is not a {KEY_BYTES}-byte key")
    os.chmod(path, 0o600)
    return key


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, text: str, row_id: str) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        blob = self._aead.encrypt(nonce, text.encode("utf-8"), row_id.encode("utf-8"))
        return PREFIX + base64.b64encode(nonce + blob).decode("ascii")

    def open(self, sealed: str, row_id: str) -> str:
        if not sealed.startswith(PREFIX):
            raise SealError("not sealed data")
        try:
            raw = base64.b64decode(sealed[len(PREFIX):], validate=True)
            plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                       row_id.encode("utf-8"))
            return plain.decode("utf-8")
        except Exception as exc:  # InvalidTag, binascii.Error, UnicodeDecodeError
            raise SealError(f"sealed data does not open: {type(exc).__name__}") from None
