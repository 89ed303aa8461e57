"""The ASCII payload of a receipt's QR code.

It carries only the receipt number and a short HMAC made with the station's
enrollment secret, which the platform also holds: the platform can tell a
genuine receipt from a forged one, and no name or ID number ever goes into a
code that any phone can read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

PREFIX = "YW1"
_TAG_CHARS = 10


def receipt_tag(secret: str, receipt_no: str) -> str:
    mac = hmac.new(secret.encode("utf-8"), b"receipt:" + receipt_no.encode("ascii"), hashlib.sha256)
    return base64.b32encode(mac.digest()).decode("ascii")[:_TAG_CHARS]


def receipt_payload(secret: str, receipt_no: str, query_url: str | None = None) -> str:
    """`YW1|<receipt_no>|<tag>`, or a progress-query URL carrying the same two fields."""
    tag = receipt_tag(secret, receipt_no)
    if query_url:
        return f"{query_url.rstrip('/')}/{receipt_no}?t={tag}"
    return f"{PREFIX}|{receipt_no}|{tag}"


def verify_payload(secret: str, payload: str) -> str | None:
    """The receipt number if `payload` is a genuine `YW1|…|…` code of this station."""
    parts = payload.split("|")
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    receipt_no, tag = parts[1], parts[2]
    try:
        expected = receipt_tag(secret, receipt_no)
    except UnicodeEncodeError:
        return None
    return receipt_no if hmac.compare_digest(expected, tag) else None
