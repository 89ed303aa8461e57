"""Receipt numbers on the wire: ``{station_code}-{YYYYMMDD}-{seq:04d}``.

The station makes them offline (intake/receipt_number.py); the platform only needs to
recognise them, tell whose they are and order them (P2 receipt high-water mark).
"""

from __future__ import annotations

import re

RECEIPT_RE = re.compile(r"^([A-Za-z0-9]{1,16})-([0-9]{8})-([0-9]{4,6})$")


def receipt_station_code(receipt_no: str) -> str | None:
    """The station code a well-formed receipt number carries, else None."""
    match = RECEIPT_RE.fullmatch(receipt_no)
    return None if match is None else match.group(1)


def receipt_order_key(receipt_no: str) -> tuple[str, int]:
    """Order of receipt numbers of one station: by day, then by sequence."""
    match = RECEIPT_RE.fullmatch(receipt_no)
    if match is None:
        raise ValueError(f"malformed receipt number {receipt_no!r}")
    return match.group(2), int(match.group(3))
