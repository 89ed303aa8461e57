"""Review #15 (attacker): a status event is kept exactly as the platform sent it, and
what is shown drops invisible characters; so "办结\\u200b" (undocumented: no colour, no
meaning, not a finished case) was shown exactly as the documented 办结. A lookalike is
now shown with a visible mark."""

from __future__ import annotations

import pytest

from intake.platform_status import DOCUMENTED_STATUSES
from ui_shared.plain_text import platform_status_text


@pytest.mark.parametrize(
    "status", ["办结\u200b", "\u2060办结", " 办结", "办结\U000e0041", "补正\ufe0f"]
)
def test_a_lookalike_of_a_documented_status_is_marked(status: str) -> None:
    shown = platform_status_text(status)
    assert shown.endswith(" (?)") and shown[:-4] in DOCUMENTED_STATUSES


def test_documented_and_other_statuses_are_shown_as_before() -> None:
    assert [platform_status_text(s) for s in DOCUMENTED_STATUSES] == list(DOCUMENTED_STATUSES)
    assert platform_status_text("已撤回") == "已撤回"
