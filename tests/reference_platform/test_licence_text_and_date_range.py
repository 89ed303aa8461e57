"""Review #15 (attacker): a licence holder whose first "character" is invisible
("\\u2060*三" passed the mask check) and licence text with any invisible or non-text
character are refused by the shared rule."""

from __future__ import annotations

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
