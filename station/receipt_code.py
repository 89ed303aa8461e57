"""The ASCII payload of a receipt's QR code: `YW1|<receipt_no>|<tag>`.

The tag (sync.signing.receipt_tag) is made with the station's enrollment
secret, which the platform also holds, so `GET /v1/receipts/{receipt_no}?t=tag`
on the platform tells a genuine receipt from a forged one. Names and ID numbers
never go into a code any phone can read.
"""

from __future__ import annotations

from sync.signing import receipt_tag, receipt_tag_ok

PREFIX = "YW1"


def receipt_payload(secret: str, receipt_no: str, query_url: str | None = None) -> str:
    """`YW1|<receipt_no>|<tag>`, or a progress-query URL carrying the same two fields."""
    tag = receipt_tag(secret, receipt_no)
    if query_url:
        return f"{query_url.rstrip('/')}/v1/receipts/{receipt_no}?t={tag}"
    return f"{PREFIX}|{receipt_no}|{tag}"


def verify_payload(secret: str, payload: str) -> str | None:
    """The receipt number if `payload` is a genuine `YW1|…|…` code of this station."""
    parts = payload.split("|")
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    return parts[1] if receipt_tag_ok(secret, parts[1], parts[2]) else None
