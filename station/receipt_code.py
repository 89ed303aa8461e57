"""The ASCII payload of a receipt's QR code: `YW1|<receipt_no>|<tag>`.

The tag (wire.signing.receipt_tag) is made with the station's enrollment
secret, which the platform also holds, so `GET /v1/receipts/{receipt_no}?t=tag`
on the platform tells a genuine receipt from a forged one. Names and ID numbers
never go into a code any phone can read.
"""

from __future__ import annotations

import re

from wire.signing import receipt_tag, receipt_tag_ok

PREFIX = "YW1"


def receipt_payload(secret: str, receipt_no: str, query_url: str | None = None) -> str:
    """`YW1|<receipt_no>|<tag>`, or a progress-query URL carrying the same two fields."""
    tag = receipt_tag(secret, receipt_no)
    if query_url:
        return f"{query_url.rstrip('/')}/v1/receipts/{receipt_no}?t={tag}"
    return f"{PREFIX}|{receipt_no}|{tag}"


# \Z, not $: "$" also matches before a trailing newline, and a code that is not exactly
# the URL is not ours
_URL_FORM = re.compile(r"https?://\S+/v1/receipts/([A-Za-z0-9-]{1,40})\?t=([A-Z2-7]{10})\Z")


def verify_payload(secret: str, payload: str) -> str | None:
    """The receipt number if `payload` is a genuine code of this station, in either
    form (`YW1|no|tag` or the progress-query URL)."""
    url = _URL_FORM.fullmatch(payload)
    if url:
        receipt_no, tag = url.group(1), url.group(2)
    else:
        parts = payload.split("|")
        if len(parts) != 3 or parts[0] != PREFIX:
            return None
        receipt_no, tag = parts[1], parts[2]
    return receipt_no if receipt_tag_ok(secret, receipt_no, tag) else None
