"""Review #15 (attacker): a licence holder whose first "character" is invisible
("\\u2060*三" passed the mask check) and licence text with any invisible or non-text
character are refused by the shared rule; issue and expiry dates must be sane
(issued 1949-10-01 .. tomorrow, expiry after issue and within 100 years)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sync.client import BadAnswer
from tests.reference_platform.test_licence_holder_dates import answer_with
from tests.reference_platform.test_licences import good_doc


@pytest.mark.parametrize(
    "changes",
    [
        {"holder": "\u2060*三"},
        {"holder": "样*\U000e0041"},
        {"holder": "\u3164*三"},
        {"holder": "样*甲\ufe0f"},
        {"title": "居民户口簿\u2061"},
        {"issuer": "演示县公安局\ue000"},
        {"number": "N" + "\u0301" * 20},
    ],
)
def test_invisible_or_non_text_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(BadAnswer):
        answer_with(good_doc(**changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"issued_on": "0001-01-01"},
        {"issued_on": "1949-09-30"},
        {"valid_until": "9999-12-31"},
        {"valid_until": "2120-01-02"},  # issued 2020-01-02: 100 years
        {"valid_until": "2020-01-02"},  # expires the day it is issued
    ],
)
def test_dates_out_of_range_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(BadAnswer):
        answer_with(good_doc(**changes))


def test_dates_in_range_pass() -> None:
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    for issued, until in (("1949-10-01", None), ("2020-01-02", "2120-01-01"),
                          (tomorrow, None), ("2020-02-29", "2119-02-28")):
        (licence,) = answer_with(good_doc(issued_on=issued, valid_until=until))
        assert (licence.issued_on, licence.valid_until) == (issued, until)
