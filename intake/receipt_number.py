"""Receipt numbers (受理编号): ``{station}-{YYYYMMDD}-{seq:04d}``, e.g. ``S001-20261125-0001``.

A station allocates them without a network, so uniqueness comes from the
station code (unique per station) plus a per-day sequence kept by the store.
The number is printed and put into the receipt QR code, so it is plain ASCII.
"""

from __future__ import annotations

import re
from datetime import date

from intake.errors import InvalidReceiptNumber

__all__ = ["format_receipt_no", "parse_receipt_no"]

# No '-' in station codes: the receipt number is split on it.
_STATION_PATTERN = r"[A-Za-z0-9]{1,32}"
_STATION = re.compile(_STATION_PATTERN)
_RECEIPT = re.compile(rf"({_STATION_PATTERN})-([0-9]{{8}})-([0-9]{{4,}})")


def format_receipt_no(station_code: str, day: date, seq: int) -> str:
    if _STATION.fullmatch(station_code) is None:
        raise InvalidReceiptNumber(
            "receipt.station",
            f"station code {station_code!r} must be 1-32 ASCII letters or digits",
        )
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise InvalidReceiptNumber(
            "receipt.seq",
            f"receipt sequence must be a positive integer, got {seq!r}",
        )
    # Explicit padding: strftime("%Y") drops leading zeros for years < 1000 on glibc.
    return f"{station_code}-{day.year:04d}{day.month:02d}{day.day:02d}-{seq:04d}"


def parse_receipt_no(s: str) -> tuple[str, date, int]:
    """Split a receipt number into (station code, day, sequence); raises ``IntakeError``."""
    text = s.strip()
    match = _RECEIPT.fullmatch(text)
    if match is None:
        raise _malformed(s)
    station, digits, seq_text = match.groups()
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _malformed(s) from None
    seq = int(seq_text)
    # Only the canonical spelling is accepted, so that one receipt has one number
    # (e.g. "00012" and "0012" must not both name sequence 12).
    if seq < 1 or f"{seq:04d}" != seq_text:
        raise _malformed(s)
    return station, day, seq


def _malformed(s: str) -> InvalidReceiptNumber:
    return InvalidReceiptNumber(
        "receipt.malformed",
        f"malformed receipt number {s!r}",
    )
