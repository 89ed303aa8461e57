from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake import IntakeError, InvalidReceiptNumber, format_receipt_no, parse_receipt_no
from ui_shared.error_text import error_text


def test_format_matches_interface_example() -> None:
    assert format_receipt_no("S001", date(2026, 11, 25), 1) == "S001-20261125-0001"
    assert format_receipt_no("S001", date(2026, 11, 25), 12345) == "S001-20261125-12345"


def test_parse() -> None:
    assert parse_receipt_no("S001-20261125-0001") == ("S001", date(2026, 11, 25), 1)
    assert parse_receipt_no("S001-20261125-12345") == ("S001", date(2026, 11, 25), 12345)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "S001-20261125",
        "S001-20261125-001",  # fewer than 4 digits
        "S001-20261125-00012",  # non-canonical padding
        "S001-20261125-0000",  # sequences start at 1
        "S001-20260230-0001",  # no 30 February
        "S001-2026112-0001",
        "S-001-20261125-0001",
        "站点-20261125-0001",
        "S001_20261125_0001",
    ],
)
def test_parse_rejects_malformed(text: str) -> None:
    with pytest.raises(IntakeError) as exc:
        parse_receipt_no(text)
    assert exc.value.code == "receipt.malformed"
    assert error_text(exc.value)


@pytest.mark.parametrize(
    ("station", "seq"),
    [("", 1), ("S-1", 1), ("站点", 1), ("S001", 0), ("S001", -1), ("S001", True)],
)
def test_format_rejects_bad_arguments(station: str, seq: int) -> None:
    with pytest.raises(InvalidReceiptNumber):
        format_receipt_no(station, date(2026, 11, 25), seq)


@given(
    st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcxyz0123456789", min_size=1, max_size=32),
    st.dates(),
    st.integers(min_value=1, max_value=10**7),
)
def test_round_trip(station: str, day: date, seq: int) -> None:
    text = format_receipt_no(station, day, seq)
    assert text.isascii()
    assert parse_receipt_no(text) == (station, day, seq)
