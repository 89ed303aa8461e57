"""Review #15 (attacker): an evaluation's comment reached the platform's store with any
characters (bidi overrides, controls), and its reasons list was taken unchecked; the
platform now refuses them like a supplement note (422 invalid_evaluation)."""

from __future__ import annotations

import uuid as uuidlib
from typing import Any

import pytest

from sync.client import PermanentError, PlatformClient


def _evaluation(station_code: str, seq: int, **changes: Any) -> dict[str, Any]:
    return {"receipt_no": f"{station_code}-20261203-{seq:04d}", "rating": 1,
            "comment": "服务态度不好", "reasons": ["attitude_poor"], **changes}  # fmt: skip


@pytest.mark.parametrize(
    "changes",
    [
        {"comment": "服务\u202e态度"},
        {"comment": "a\x1b[2Jb"},
        {"comment": "好\u2060评"},
        {"reasons": ["<b>x</b>"]},
        {"reasons": ["attitude_poor\u200b"]},
        {"reasons": ["a"] * 11},
        {"reasons": "attitude_poor"},
    ],
)
def test_hostile_evaluation_refused(
    client: PlatformClient, station_code: str, changes: dict[str, Any]
) -> None:
    with pytest.raises(PermanentError) as refused:
        client.put_evaluation(str(uuidlib.uuid4()), _evaluation(station_code, 1, **changes))
    assert refused.value.status == 422 and refused.value.code == "invalid_evaluation"


def test_a_plain_evaluation_passes(client: PlatformClient, station_code: str) -> None:
    client.put_evaluation(str(uuidlib.uuid4()), _evaluation(station_code, 2, comment="第一\n第二"))
    client.put_evaluation(str(uuidlib.uuid4()), {"receipt_no": f"{station_code}-20261203-0003",
                                                 "rating": 5})  # fmt: skip
