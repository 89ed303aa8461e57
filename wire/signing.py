"""Request signing, receipt tags and delivery proofs: the station and the platform
compute them the same way.

A signed request carries four headers:

- ``X-Station``: the station id handed out at enrollment;
- ``X-Timestamp``: Unix time in whole seconds, decimal ASCII;
- ``X-Nonce``: 16-64 characters of ``[A-Za-z0-9_-]``, unique per request;
- ``X-Signature``: lower-case hex HMAC-SHA256 over the canonical string
  ``"\\n".join([METHOD, path_qs, timestamp, nonce, sha256hex(body)])``.

``path_qs`` is the request target exactly as it goes on the wire: the
percent-encoded path plus ``?query`` when there is a query string. The key is
the station secret's UTF-8 bytes (the secret is an opaque ASCII string).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from wire.headers import HEADER_NONCE, HEADER_SIGNATURE, HEADER_STATION, HEADER_TIMESTAMP

__all__ = [
    "HEADER_NONCE",
    "HEADER_SIGNATURE",
    "HEADER_STATION",
    "HEADER_TIMESTAMP",
    "NONCE_RE",
    "RECEIPT_TAG_CHARS",
    "SIGNATURE_RE",
    "TIMESTAMP_RE",
    "canonical_string",
    "delivery_proof",
    "delivery_proof_ok",
    "make_headers",
    "new_nonce",
    "receipt_tag",
    "receipt_tag_ok",
    "sign",
    "sign_digest",
    "verify",
    "verify_digest",
]

NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
SIGNATURE_RE = re.compile(r"^[0-9a-f]{64}$")
TIMESTAMP_RE = re.compile(r"^[0-9]{1,12}$")


def _key(secret: bytes | str) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def canonical_string(method: str, path_qs: str, timestamp: str, nonce: str, body: bytes) -> str:
    """The exact text that is signed (exposed for debugging and docs)."""
    return "\n".join([method.upper(), path_qs, timestamp, nonce, hashlib.sha256(body).hexdigest()])


def sign_digest(
    secret: bytes | str, method: str, path_qs: str, timestamp: str, nonce: str, body_sha256: str
) -> str:
    """Like :func:`sign` but with the body's SHA-256 hex already computed (streamed bodies)."""
    message = "\n".join([method.upper(), path_qs, timestamp, nonce, body_sha256])
    return hmac.new(_key(secret), message.encode("utf-8"), hashlib.sha256).hexdigest()


def sign(
    secret: bytes | str, method: str, path_qs: str, timestamp: str, nonce: str, body: bytes
) -> str:
    """Hex HMAC-SHA256 of the canonical string (see the module docstring)."""
    return sign_digest(secret, method, path_qs, timestamp, nonce, hashlib.sha256(body).hexdigest())


def verify_digest(
    secret: bytes | str,
    method: str,
    path_qs: str,
    timestamp: str,
    nonce: str,
    body_sha256: str,
    signature: str,
) -> bool:
    """Constant-time check of ``signature`` against a body digest."""
    expected = sign_digest(secret, method, path_qs, timestamp, nonce, body_sha256)
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace"))


def verify(
    secret: bytes | str,
    method: str,
    path_qs: str,
    timestamp: str,
    nonce: str,
    body: bytes,
    signature: str,
) -> bool:
    """Constant-time check of ``signature`` for this request."""
    return verify_digest(
        secret, method, path_qs, timestamp, nonce, hashlib.sha256(body).hexdigest(), signature
    )


def new_nonce() -> str:
    """A fresh random nonce (32 hex characters)."""
    return secrets.token_hex(16)


def make_headers(
    station_id: str,
    secret: bytes | str,
    method: str,
    path_qs: str,
    body: bytes,
    now: float,
    nonce: str | None = None,
) -> dict[str, str]:
    """The four signing headers for one request made at Unix time ``now``."""
    timestamp = str(int(now))
    nonce = nonce or new_nonce()
    return {
        HEADER_STATION: station_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: sign(secret, method, path_qs, timestamp, nonce, body),
    }


# -- receipt codes ---------------------------------------------------------------------
#
# A receipt's QR code carries only the receipt number and a short tag made with the
# station secret, which the platform also holds: the platform can tell a genuine
# receipt from a forged one, and no name or ID number goes into a code any phone reads.

RECEIPT_TAG_CHARS = 10


def receipt_tag(secret: bytes | str, receipt_no: str) -> str:
    """Base32 HMAC-SHA256 of the receipt number, cut to 10 characters (50 bits)."""
    mac = hmac.new(_key(secret), b"receipt:" + receipt_no.encode("ascii"), hashlib.sha256)
    return base64.b32encode(mac.digest()).decode("ascii")[:RECEIPT_TAG_CHARS]


def receipt_tag_ok(secret: bytes | str, receipt_no: str, tag: str) -> bool:
    try:
        expected = receipt_tag(secret, receipt_no)
    except UnicodeEncodeError:
        return False
    return hmac.compare_digest(expected.encode("ascii"), tag.encode("utf-8", "replace"))


# -- delivery proof (P3) ---------------------------------------------------------------
#
# The answer to ``PUT /v1/submissions/{uuid}`` carries a proof made with the station
# secret: only the platform that holds the secret can make it, so a captive portal or a
# fake platform cannot mark a submission delivered.


def delivery_proof(secret: bytes | str, uuid: str, body_sha256: str, case_no: str) -> str:
    """Lower-case hex HMAC-SHA256 of ``"yiwang-ack\\n{uuid}\\n{body_sha256}\\n{case_no}"``;
    ``body_sha256`` is the SHA-256 hex of the manifest's canonical JSON."""
    message = "\n".join(["yiwang-ack", uuid, body_sha256, case_no])
    return hmac.new(_key(secret), message.encode("utf-8"), hashlib.sha256).hexdigest()


def delivery_proof_ok(
    secret: bytes | str, uuid: str, body_sha256: str, case_no: str, proof: str
) -> bool:
    """Constant-time check of a delivery proof."""
    expected = delivery_proof(secret, uuid, body_sha256, case_no)
    return hmac.compare_digest(expected.encode("ascii"), proof.encode("utf-8", "replace"))
